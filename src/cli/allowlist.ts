// `yagura allowlist list | review`: the allow-list (suppression) rules in force and those to look at again, as the
// CLI actor.
import type { Command } from 'commander';
import { cliActor } from '../access/actor.js';
import type { AllowlistRule } from '../triage/allowlist-model.js';
import { collect } from './context.js';
import { table } from './tenant.js';
import { flat, isoOrDash, positiveInt, withTriage } from './triage-context.js';

interface ListOptions {
  tenant?: string[];
  rule?: string;
  includeRemoved?: boolean;
  json?: boolean;
}

interface ReviewOptions {
  tenant?: string[];
  expiringWithin: string;
  json?: boolean;
}

export function registerAllowlist(program: Command): void {
  const allowlist = program
    .command('allowlist')
    .description('read the allow-list: rules that suppress findings before they become alerts');

  allowlist
    .command('list')
    .description('list allow-list rules by tenant, oldest first')
    .option('-t, --tenant <id>', 'only rules of this tenant (repeatable); default every tenant', collect)
    .option('--rule <id>', 'only rules for this detection rule id')
    .option('--include-removed', 'also rules that were removed')
    .option('--json', 'one JSON object per line')
    .action(async (options: ListOptions, command: Command) => {
      await withTriage(command, async (triage) => {
        const rules = await triage.allowlist.list(cliActor(), {
          ...(options.tenant ? { tenants: options.tenant } : {}),
          ...(options.rule !== undefined ? { ruleId: options.rule } : {}),
          ...(options.includeRemoved ? { includeRemoved: true } : {}),
        });
        if (options.json) {
          for (const r of rules) process.stdout.write(JSON.stringify(r) + '\n');
          return;
        }
        process.stdout.write(ruleTable(rules));
        process.stderr.write(`${rules.length} rule${rules.length === 1 ? '' : 's'}.\n`);
      });
    });

  allowlist
    .command('review')
    .description('rules to look at again: expiring soon or expired, never hit, or hitting too much')
    .option('-t, --tenant <id>', 'only rules of this tenant (repeatable); default every tenant', collect)
    .option('--expiring-within <days>', 'list rules expiring within this many days', '7')
    .option('--json', 'the review as one JSON object')
    .action(async (options: ReviewOptions, command: Command) => {
      const expiringWithinDays = positiveInt(options.expiringWithin, '--expiring-within', 3650);
      await withTriage(command, async (triage) => {
        const review = await triage.allowlist.review(cliActor(), {
          expiringWithinDays,
          ...(options.tenant ? { tenants: options.tenant } : {}),
        });
        if (options.json) {
          process.stdout.write(JSON.stringify(review) + '\n');
          return;
        }
        const sections: [string, AllowlistRule[], string[]?][] = [
          [`Expiring within ${expiringWithinDays} days`, review.expiring],
          ['Expired (no longer applied; renew or remove)', review.expired],
          ['Never hit', review.neverHit],
          [
            'Hitting too much',
            review.hitTooMuch.map((n) => n.rule),
            review.hitTooMuch.map(
              (n) =>
                `${Math.round(n.hitsPerDay)}/day` +
                (n.share === null ? '' : `, ${Math.round(n.share * 100)}%`),
            ),
          ],
        ];
        let out = '';
        for (const [title, rules, notes] of sections) {
          out += `${title}: ${rules.length}\n`;
          if (rules.length) out += ruleTable(rules, notes) + '\n';
        }
        process.stdout.write(out);
      });
    });
}

function ruleTable(rules: readonly AllowlistRule[], notes?: readonly string[]): string {
  const header = ['ID', 'TENANT', 'RULE', 'CONDITIONS', 'OWNER', 'EXPIRES', 'HITS', 'LAST HIT'];
  const rows = rules.map((r, i) => {
    const row = [
      r.id,
      r.tenant,
      r.ruleId ?? '(any)',
      flat(r.conditions) || '(every finding)',
      flat(r.owner),
      isoOrDash(r.expiresAt),
      String(r.hits),
      isoOrDash(r.lastHitAt),
    ];
    if (notes) row.push(notes[i] ?? '');
    if (r.deletedAt !== null) row[0] += ' (removed)';
    return row;
  });
  return table(notes ? [...header, 'RATE'] : header, rows);
}
