// `yagura audit verify | head | list`: checks the audit chain, prints its head for safekeeping, lists entries.
import type { Command } from 'commander';
import {
  AUDIT_OUTCOMES,
  AUDIT_PAGE_MAX,
  AuditLog,
  type AuditEntry,
  type AuditHead,
  type AuditOutcome,
} from '../audit/index.js';
import { YaguraError } from '../core/errors.js';
import { isTenantId, type TenantId } from '../core/ids.js';
import { openStateDb } from '../state/database.js';
import { collect, configFor } from './context.js';

interface ListOptions {
  tenant?: string[];
  action?: string;
  actor?: string;
  outcome?: string;
  limit: string;
  format: string;
}

export function registerAudit(program: Command): void {
  const audit = program
    .command('audit')
    .description('check and read the hash-chained audit log (see docs/audit.md)');

  audit
    .command('verify')
    .description('walk the whole audit chain; exit 1 naming the first bad entry if it was altered')
    .option('--anchor <seq:hash>', 'a head printed earlier by "audit head": the chain must still contain it')
    .action(async (options: { anchor?: string }, command: Command) => {
      const anchor = options.anchor === undefined ? undefined : parseAnchor(options.anchor);
      await withLog(command, async (log) => {
        const result = await log.verify(anchor ? { anchor } : {});
        if (result.ok) {
          process.stdout.write(
            `audit chain intact: ${result.entries} entries (head ${result.head.seq}:${result.head.hash})\n`,
          );
        } else {
          process.stdout.write(
            `audit chain broken at seq ${result.firstBadSeq}: ${result.reason}. ${result.message} ` +
              `(${result.entries} entries before it are intact)\n`,
          );
          process.exitCode = 1;
        }
      });
    });

  audit
    .command('head')
    .description(
      'print the newest entry as seq:hash; keep it elsewhere and pass it to "audit verify --anchor"',
    )
    .action(async (_options: unknown, command: Command) => {
      await withLog(command, async (log) => {
        const head = await log.head();
        process.stdout.write(`${head.seq}:${head.hash}\n`);
      });
    });

  audit
    .command('list')
    .description('list audit entries, newest first')
    .option('-t, --tenant <id>', 'only entries of this tenant (repeatable); default every entry', collect)
    .option('-a, --action <prefix>', 'only actions starting with this, e.g. "auth." or "user.create"')
    .option('--actor <id>', 'only entries by this actor id')
    .option('--outcome <outcome>', `only this outcome: ${AUDIT_OUTCOMES.join(', ')}`)
    .option('-n, --limit <n>', 'most entries to print', '50')
    .option('-f, --format <format>', 'table, or json (one entry per line)', 'table')
    .action(async (options: ListOptions, command: Command) => {
      if (options.format !== 'table' && options.format !== 'json') {
        throw new YaguraError('REQUEST_INVALID', `--format must be table or json, not "${options.format}"`);
      }
      const limit = Number(options.limit);
      if (!Number.isInteger(limit) || limit < 1) {
        throw new YaguraError(
          'REQUEST_INVALID',
          `--limit must be a positive whole number, not "${options.limit}"`,
        );
      }
      if (options.outcome !== undefined && !AUDIT_OUTCOMES.includes(options.outcome as AuditOutcome)) {
        throw new YaguraError('REQUEST_INVALID', `--outcome must be one of ${AUDIT_OUTCOMES.join(', ')}`);
      }
      const tenants = (options.tenant ?? []).map((t) => {
        if (!isTenantId(t)) throw new YaguraError('REQUEST_INVALID', `"${t}" is not a tenant id`);
        return t as TenantId;
      });
      await withLog(command, async (log) => {
        const entries: AuditEntry[] = [];
        let cursor: string | undefined;
        do {
          const page = await log.query({
            tenants: tenants.length ? tenants : 'all',
            ...(options.action !== undefined ? { action: options.action } : {}),
            ...(options.actor !== undefined ? { actorId: options.actor } : {}),
            ...(options.outcome !== undefined ? { outcome: options.outcome as AuditOutcome } : {}),
            limit: Math.min(AUDIT_PAGE_MAX, limit - entries.length),
            ...(cursor ? { cursor } : {}),
          });
          if (options.format === 'json') {
            for (const e of page.entries) process.stdout.write(JSON.stringify(e) + '\n');
          }
          entries.push(...page.entries);
          cursor = page.next;
        } while (cursor && entries.length < limit);
        if (options.format === 'table') {
          if (entries.length) process.stdout.write(auditTable(entries) + '\n');
          process.stderr.write(
            `${entries.length} entr${entries.length === 1 ? 'y' : 'ies'}${cursor ? '; more match (raise --limit)' : ''}.\n`,
          );
        }
      });
    });
}

async function withLog(command: Command, use: (log: AuditLog) => Promise<void>): Promise<void> {
  const config = configFor(command);
  const db = await openStateDb({ dataDir: config.dataDir });
  try {
    await use(new AuditLog(db));
  } finally {
    await db.destroy();
  }
}

function parseAnchor(text: string): AuditHead {
  const match = /^([0-9]+):([0-9a-f]{64})$/.exec(text.trim());
  if (!match?.[1] || !match[2]) {
    throw new YaguraError(
      'REQUEST_INVALID',
      `--anchor must be "seq:hash" as "yagura audit head" prints it, not "${text}"`,
    );
  }
  return { seq: Number(match[1]), hash: match[2] };
}

const COLUMNS = ['seq', 'time', 'actor', 'address', 'tenant', 'action', 'outcome', 'target'] as const;

/** An aligned table; control characters in stored values are flattened so a row stays one line. */
export function auditTable(entries: AuditEntry[]): string {
  const rows = entries.map((e) =>
    [
      String(e.seq),
      new Date(e.at).toISOString(),
      `${e.actor.name} (${e.actor.role})`,
      e.actor.address ?? '',
      e.tenant ?? '-',
      e.action,
      e.outcome,
      e.target ? `${e.target.type}:${e.target.id}` : '',
    ].map((cell) => cell.replace(/[\u0000-\u001f\u007f]+/g, ' ')),
  );
  const widths = COLUMNS.map((c, i) => Math.max(c.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: readonly string[]) =>
    cells
      .map((cell, i) => cell.padEnd(widths[i]!))
      .join('  ')
      .trimEnd();
  return [line(COLUMNS), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}
