// `yagura tenant add|list` and `yagura tenant token add|list|revoke`: scripted tenant set-up (and its ingest and
// HEC tokens) in the data folder's state database, as the CLI actor.
import type { Command } from 'commander';
import { cliActor } from '../access/actor.js';
import { INGEST_TOKEN_KINDS, type IngestTokenKind } from '../access/ingest-token-service.js';
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

  registerTenantToken(tenant);
}

function registerTenantToken(tenant: Command): void {
  const token = tenant
    .command('token')
    .description("manage a tenant's ingest tokens (POST /api/ingest) and HEC tokens (Splunk HEC)");

  token
    .command('add')
    .description('create an ingest or HEC token for a tenant and print it (it cannot be shown again)')
    .argument('<tenant>', 'tenant id')
    .requiredOption('--kind <kind>', 'ingest (Authorization: Bearer) or hec (Authorization: Splunk)')
    .requiredOption('--name <name>', 'which sender uses it, e.g. fluent-bit')
    .action(async (tenantId: string, options: { kind: string; name: string }, command: Command) => {
      if (!(INGEST_TOKEN_KINDS as readonly string[]).includes(options.kind)) {
        throw new YaguraError('REQUEST_INVALID', `--kind must be ingest or hec, not "${options.kind}"`);
      }
      const access = await openAccess(configFor(command).dataDir);
      try {
        const { token: created, secret } = await access.ingestTokens.create(cliActor(), {
          tenant: tenantId,
          kind: options.kind as IngestTokenKind,
          name: options.name,
        });
        process.stdout.write(`${secret}\n`);
        process.stderr.write(
          `Created ${created.kind} token ${created.id} for tenant ${created.tenant}. ` +
            'Store it now: it is not kept and cannot be shown again.\n',
        );
      } finally {
        await access.close();
      }
    });

  token
    .command('list')
    .description("list a tenant's ingest and HEC tokens (never the secrets)")
    .argument('<tenant>', 'tenant id')
    .option('--json', 'one JSON object per line')
    .action(async (tenantId: string, options: { json?: boolean }, command: Command) => {
      const access = await openAccess(configFor(command).dataDir);
      try {
        const tokens = await access.ingestTokens.list(cliActor(), { tenant: tenantId });
        if (options.json) {
          for (const t of tokens) process.stdout.write(JSON.stringify(t) + '\n');
          return;
        }
        const rows = tokens.map((t) => [
          t.id,
          t.kind,
          t.name,
          t.prefix + '…',
          t.revokedAt ? 'revoked' : 'active',
          t.createdAt,
          t.lastUsedAt ?? '-',
        ]);
        process.stdout.write(table(['ID', 'KIND', 'NAME', 'PREFIX', 'STATE', 'CREATED', 'LAST USED'], rows));
      } finally {
        await access.close();
      }
    });

  token
    .command('revoke')
    .description('revoke an ingest or HEC token by id; senders using it are refused within seconds')
    .argument('<id>', 'token id (it_...)')
    .action(async (id: string, _options: unknown, command: Command) => {
      const access = await openAccess(configFor(command).dataDir);
      try {
        const revoked = await access.ingestTokens.revoke(cliActor(), id);
        process.stderr.write(`Revoked ${revoked.kind} token ${revoked.id} of tenant ${revoked.tenant}.\n`);
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
