// `yagura assets import | list`: a tenant's asset inventory from a CSV file, and its listing, as the CLI actor.
import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import { cliActor } from '../access/actor.js';
import { YaguraError } from '../core/errors.js';
import { ASSET_CSV_COLUMNS } from '../triage/asset-csv.js';
import type { Asset } from '../triage/asset-index.js';
import { table } from './tenant.js';
import { flat, isoOrDash, positiveInt, withTriage } from './triage-context.js';

interface ListOptions {
  tenant: string;
  search?: string;
  tag?: string;
  limit: string;
  json?: boolean;
}

const PAGE = 1000;

export function registerAssets(program: Command): void {
  const assets = program.command('assets').description("manage a tenant's asset inventory");

  assets
    .command('import')
    .description(
      `create or update assets from a CSV file (header: ${ASSET_CSV_COLUMNS.join(', ')}; lists separated by ";"); ` +
        'bad lines are printed and skipped, and make the exit code 1',
    )
    .requiredOption('-t, --tenant <id>', 'the tenant the assets belong to')
    .argument('<file>', 'CSV file')
    .option('--dry-run', 'only check the file and say what would change')
    .action(async (file: string, options: { tenant: string; dryRun?: boolean }, command: Command) => {
      let text: string;
      try {
        text = readFileSync(file, 'utf8');
      } catch (error) {
        throw new YaguraError('REQUEST_INVALID', `Cannot read "${file}": ${(error as Error).message}`);
      }
      await withTriage(command, async (triage) => {
        const report = await triage.assets.importCsv(cliActor(), options.tenant, text, {
          dryRun: !!options.dryRun,
        });
        for (const p of report.problems) process.stderr.write(`${file}:${p.line}: ${p.message}\n`);
        process.stdout.write(
          `${report.created} created, ${report.updated} updated, ${report.problems.length} ` +
            `line${report.problems.length === 1 ? '' : 's'} skipped` +
            (report.dryRun ? ' (dry run: nothing was changed)' : '') +
            '\n',
        );
        if (report.problems.length > 0) process.exitCode = 1;
      });
    });

  assets
    .command('list')
    .description("list a tenant's assets by name")
    .requiredOption('-t, --tenant <id>', 'the tenant')
    .option('--search <text>', 'only assets with this text in the name, a host name, an address or a user')
    .option('--tag <tag>', 'only assets with this tag')
    .option('-n, --limit <n>', 'most assets to print', '1000')
    .option('--json', 'one JSON object per line')
    .action(async (options: ListOptions, command: Command) => {
      const limit = positiveInt(options.limit, '--limit', 1_000_000);
      await withTriage(command, async (triage) => {
        const found: Asset[] = [];
        let cursor: string | undefined;
        do {
          const page = await triage.assets.list(cliActor(), {
            tenants: [options.tenant],
            ...(options.search !== undefined ? { search: options.search } : {}),
            ...(options.tag !== undefined ? { tag: options.tag } : {}),
            limit: Math.min(PAGE, limit - found.length),
            ...(cursor ? { cursor } : {}),
          });
          found.push(...page.assets);
          cursor = page.next;
        } while (cursor && found.length < limit);
        if (options.json) {
          for (const a of found) process.stdout.write(JSON.stringify(a) + '\n');
          return;
        }
        const rows = found.map((a) => [
          flat(a.name),
          a.criticality === null ? '-' : String(a.criticality),
          flat(a.owner ?? '-'),
          flat(a.hostnames.join(';')) || '-',
          flat(a.addresses.join(';')) || '-',
          flat(a.tags.join(';')) || '-',
          a.source,
          isoOrDash(a.lastSeen),
        ]);
        process.stdout.write(
          table(
            ['NAME', 'CRITICALITY', 'OWNER', 'HOSTNAMES', 'ADDRESSES', 'TAGS', 'SOURCE', 'LAST SEEN'],
            rows,
          ),
        );
        process.stderr.write(
          `${found.length} asset${found.length === 1 ? '' : 's'}${cursor ? '; more match (raise --limit)' : ''}.\n`,
        );
      });
    });
}
