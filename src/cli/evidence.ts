// `yagura evidence verify`: checks an evidence item end to end (stored bytes, arrival hash, custody chain) as the
// API does, recording the check in its custody ledger; the exit code says whether it is intact, for cron jobs.
import type { Command } from 'commander';
import { cliActor } from '../access/actor.js';
import { withCases } from './cases-context.js';
import { flat } from './triage-context.js';

export function registerEvidence(program: Command): void {
  const evidence = program.command('evidence').description('check evidence items of incidents');

  evidence
    .command('verify')
    .description('re-hash an evidence item and check its custody ledger; exit code 0 when intact, 1 when not')
    .argument('<evidenceId>', 'evidence item id')
    .option('--reason <text>', 'why it is checked, kept in the custody ledger', 'Integrity check')
    .action(async (id: string, options: { reason: string }, command: Command) => {
      await withCases(command, async ({ evidence: locker }) => {
        const check = await locker.verify(cliActor(), id, { reason: options.reason });
        if (check.ok) {
          process.stdout.write(`OK ${id}: ${check.summary}\n`);
          return;
        }
        const item = await locker.get(cliActor(), id);
        process.stdout.write(
          `FAILED ${id} (${flat(item.name)}, incident ${item.incidentId}, tenant ${item.tenant}):\n` +
            check.problems.map((p) => `  - ${flat(p.message)}\n`).join(''),
        );
        process.exitCode = 1;
      });
    });
}
