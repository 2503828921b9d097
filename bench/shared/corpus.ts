// The shared load corpus (../shared/tools/gen_data.py) for the benches: found, generated when missing, read as lines.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

export function findGenerator(): string {
  for (const base of [process.cwd(), resolve(process.cwd(), '..')]) {
    const p = resolve(base, '../shared/tools/gen_data.py');
    if (existsSync(p)) return p;
  }
  return '/work/shared/tools/gen_data.py';
}

/** Makes sure `dir` holds the corpus files (generating `lines` lines when fw-3164.log is missing). */
export function ensureCorpus(dir: string, lines: number): void {
  if (existsSync(join(dir, 'fw-3164.log'))) return;
  console.log(`generating ${lines} lines into ${dir} ...`);
  execFileSync('python3', [findGenerator(), String(lines)], {
    env: { ...process.env, PERF_DATA: dir },
    stdio: 'inherit',
  });
}

export function readLines(path: string): string[] {
  const lines = readFileSync(path, 'utf8').split('\n');
  if (lines.at(-1) === '') lines.pop();
  return lines;
}

export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? 0;
}

/** The SigmaHQ rule folder beside the project (../shared/sigma/rules). */
export function findSigmaRules(): string {
  for (const base of [process.cwd(), resolve(process.cwd(), '..')]) {
    const p = resolve(base, '../shared/sigma/rules');
    if (existsSync(p)) return p;
  }
  return '/work/shared/sigma/rules';
}
