// `yagura rules lint DIR...`: loads Sigma rules and lists every problem with its file and line.
import type { Command } from 'commander';
import { loadMetaRules } from '../detect/correlate/index.js';
import { loadRules, problemText } from '../detect/sigma/loader.js';

interface LintOptions {
  json: boolean;
}

export function registerRules(program: Command): void {
  const rules = program.command('rules').description('work with Sigma detection rules');
  rules
    .command('lint')
    .description(
      'load Sigma rules (files or folders) and report every problem; exit code 1 when there is one',
    )
    .argument('<paths...>', 'rule files or folders (searched for .yml/.yaml)')
    .option('--json', 'one JSON object per problem', false)
    .action((paths: string[], options: LintOptions) => {
      const started = Date.now();
      const loaded = loadRules(paths);
      // Correlations and filters are checked against the rules they name.
      const result = { ...loaded, problems: [...loaded.problems, ...loadMetaRules(loaded).problems] };
      for (const p of result.problems) {
        process.stdout.write(`${options.json ? JSON.stringify(p) : problemText(p)}\n`);
      }
      const byCode = new Map<string, number>();
      for (const p of result.problems) byCode.set(p.code, (byCode.get(p.code) ?? 0) + 1);
      const codes = [...byCode].map(([code, n]) => `${n} ${code}`).join(', ');
      process.stderr.write(
        `${result.rules.length} rules loaded, ${result.problems.length} with problems${codes ? ` (${codes})` : ''}, ` +
          `${result.meta.length} correlation/filter documents, in ${((Date.now() - started) / 1000).toFixed(1)} s\n`,
      );
      if (result.problems.length > 0) process.exitCode = 1;
    });
}
