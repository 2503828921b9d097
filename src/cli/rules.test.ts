import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Command } from 'commander';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { registerRules } from './rules.js';

let dir: string;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'yagura-cli-rules-'));
  writeFileSync(
    join(dir, 'good.yml'),
    'title: Good\nlogsource: {product: windows, category: process_creation}\ndetection:\n  sel:\n    Image|endswith: \\cmd.exe\n  condition: sel\n',
  );
  writeFileSync(
    join(dir, 'bad.yml'),
    'title: Bad\nlogsource: {product: windows}\ndetection:\n  sel:\n    Image|endwith: x\n  condition: sel\n',
  );
});

afterEach(() => {
  vi.restoreAllMocks();
  process.exitCode = undefined;
  rmSync(dir, { recursive: true, force: true });
});

async function run(args: string[]): Promise<{ out: string; err: string }> {
  let out = '';
  let err = '';
  vi.spyOn(process.stdout, 'write').mockImplementation((s) => ((out += String(s)), true));
  vi.spyOn(process.stderr, 'write').mockImplementation((s) => ((err += String(s)), true));
  const program = new Command().exitOverride();
  registerRules(program);
  await program.parseAsync(['node', 'yagura', 'rules', 'lint', ...args]);
  vi.restoreAllMocks();
  return { out, err };
}

describe('yagura rules lint', () => {
  it('lists each problem with its file and line, sums up, and exits 1', async () => {
    const { out, err } = await run([dir]);
    expect(out).toBe(
      `${join(dir, 'bad.yml')}:5: RULE_UNKNOWN_MODIFIER: Image|endwith: unknown modifier "endwith" (Bad)\n`,
    );
    expect(err).toMatch(
      /^1 rules loaded, 1 with problems \(1 RULE_UNKNOWN_MODIFIER\), 0 correlation\/filter documents/,
    );
    expect(process.exitCode).toBe(1);
  });

  it('exits 0 when every rule loads', async () => {
    const { out } = await run([join(dir, 'good.yml')]);
    expect(out).toBe('');
    expect(process.exitCode).toBeUndefined();
  });
});
