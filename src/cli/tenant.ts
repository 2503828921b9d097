// `yagura tenant add|list`: scripted tenant set-up in the data folder's state database, as the CLI actor.
import type { Command } from 'commander';
import { cliActor } from '../access/actor.js';
import { openAccess } from '../access/open.js';
import type { Language } from '../access/tenant-service.js';
import { YaguraError } from '../core/errors.js';
import { collect, configFor } from './context.js';

interface AddOptions {
  id?: string;
  timeZone?: string;
  language?: string;
  retentionDays?: string;
  source?: string[];
}

export function registerTenant(program: Command): void {
  const tenant = program.command('tenant').description('manage tenants (customers) in the state database');

  tenant
    .command('add')
    .description('create a tenant')
    .argument('<name>', 'display name, e.g. "Acme Corp"')
    .option('--id <id>', 'stable id (1-63 of a-z 0-9 _ -); default derived from the name')
    .option('--time-zone <zone>', 'IANA time zone, e.g. Asia/Tokyo', 'UTC')
    .option('--language <lang>', 'ja or en', 'en')
    .option('--retention-days <days>', 'days to keep events (default: the installation setting)')
    .option('--source <cidr>', 'source address range of its syslog senders (repeatable)', collect)
    .action(async (name: string, options: AddOptions, command: Command) => {
      if (options.language !== 'ja' && options.language !== 'en') {
        throw new YaguraError('REQUEST_INVALID', `--language must be ja or en, not "${options.language}"`);
      }
      const retention = options.retentionDays === undefined ? undefined : Number(options.retentionDays);
      const access = await openAccess(configFor(command).dataDir);
      try {
        const created = await access.tenants.create(cliActor(), {
          name,
          ...(options.id !== undefined ? { id: options.id } : {}),
          ...(options.timeZone !== undefined ? { timeZone: options.timeZone } : {}),
          language: options.language as Language,
          ...(retention !== undefined ? { retentionDays: retention } : {}),
          ...(options.source ? { sources: options.source } : {}),
        });
        process.stdout.write(`${created.id}\n`);
        process.stderr.write(`Created tenant "${created.name}" (${created.id}).\n`);
      } finally {
        await access.close();
      }
    });

  tenant
    .command('list')
    .description('list tenants')
    .option('--json', 'one JSON object per line')
    .action(async (options: { json?: boolean }, command: Command) => {
      const access = await openAccess(configFor(command).dataDir);
      try {
        const tenants = await access.tenants.list(cliActor());
        if (options.json) {
          for (const t of tenants) process.stdout.write(JSON.stringify(t) + '\n');
          return;
        }
        const rows = tenants.map((t) => [
          t.id,
          t.name,
          t.timeZone,
          t.language,
          t.retentionDays === null ? '-' : String(t.retentionDays),
          t.disabledAt ? 'disabled' : 'enabled',
        ]);
        process.stdout.write(table(['ID', 'NAME', 'TIME ZONE', 'LANG', 'RETENTION', 'STATE'], rows));
      } finally {
        await access.close();
      }
    });
}

/** Left-aligned columns separated by two spaces. */
export function table(header: string[], rows: string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => c.padEnd(widths[i] ?? 0))
      .join('  ')
      .trimEnd();
  return [line(header), ...rows.map(line)].join('\n') + '\n';
}
