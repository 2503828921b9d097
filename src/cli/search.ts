// `yagura search "query"`: searches the data folder's event store and prints a table, JSON Lines or CSV.
import type { Command } from 'commander';
import { YaguraError } from '../core/errors.js';
import { parseQuery } from '../search/parser.js';
import { parseTimeExpression } from '../search/time-expression.js';
import { SqliteEventStore } from '../store/embedded/sqlite-event-store.js';
import { systemScope } from '../store/tenant-scope.js';
import { cliActor } from '../access/actor.js';
import { openAccess } from '../access/open.js';
import type { YaguraConfig } from '../config/index.js';
import type { TenantId } from '../core/ids.js';
import { collect, configFor, tenantsFor } from './context.js';
import { csvHeader, defaultColumns, toCsvRow, toJsonLine, toTable, type OutputFormat } from './output.js';

interface SearchOptions {
  from: string;
  to: string;
  format: string;
  limit: string;
  fields?: string;
  tenant?: string[];
  order: string;
}

const FORMATS: OutputFormat[] = ['table', 'json', 'csv'];
const PAGE = 5000;

export function registerSearch(program: Command): void {
  program
    .command('search')
    .description('search stored events with the search language (see docs/search-language.md)')
    .argument('[query]', 'the query; empty or "*" matches everything', '*')
    .option('--from <time>', 'start of the range: ISO time, epoch, or now-15m / now-24h / now-7d', 'now-24h')
    .option('--to <time>', 'end of the range (exclusive)', 'now')
    .option('-f, --format <format>', 'table, json (one event per line) or csv', 'table')
    .option('-n, --limit <n>', 'most events to print, or "all"', '100')
    .option('--fields <list>', 'comma-separated columns for table and csv', defaultColumns.join(','))
    .option('-t, --tenant <id>', 'only this tenant (repeatable); default all configured', collect)
    .option('--order <order>', 'desc (newest first) or asc', 'desc')
    .action(async (query: string, options: SearchOptions, command: Command) => {
      const format = options.format as OutputFormat;
      if (!FORMATS.includes(format)) {
        throw new YaguraError(
          'REQUEST_INVALID',
          `--format must be one of ${FORMATS.join(', ')}, not "${options.format}"`,
        );
      }
      if (options.order !== 'asc' && options.order !== 'desc') {
        throw new YaguraError('REQUEST_INVALID', `--order must be asc or desc, not "${options.order}"`);
      }
      const limit = options.limit === 'all' ? Infinity : Number(options.limit);
      if (!(limit >= 1) || (Number.isFinite(limit) && !Number.isInteger(limit))) {
        throw new YaguraError(
          'REQUEST_INVALID',
          `--limit must be a positive whole number or "all", not "${options.limit}"`,
        );
      }
      const config = configFor(command);
      const now = Date.now();
      const from = parseTimeExpression(options.from, now);
      const to = parseTimeExpression(options.to, now);
      if (from >= to)
        throw new YaguraError('TIME_INVALID', `--from (${options.from}) must be before --to (${options.to})`);
      const ast = parseQuery(query, { now });
      const columns = (options.fields ?? '')
        .split(',')
        .map((c) => c.trim())
        .filter(Boolean);
      const tenants = await knownTenants(config, options.tenant);
      const store = new SqliteEventStore({ dataDir: config.dataDir, minFreeBytes: 0 });
      try {
        // The local command line owns the data folder, so it reads as the installation itself.
        const scope = { tenants: systemScope(tenants), from, to };
        let printed = 0;
        let cursor: string | undefined;
        const tableRows = [];
        if (format === 'csv') process.stdout.write(csvHeader(columns) + '\n');
        do {
          const page = await store.search({
            ...scope,
            query: ast,
            limit: Math.min(PAGE, limit - printed),
            order: options.order,
            ...(cursor ? { cursor } : {}),
          });
          for (const event of page.events) {
            if (format === 'json') process.stdout.write(toJsonLine(event) + '\n');
            else if (format === 'csv') process.stdout.write(toCsvRow(event, columns) + '\n');
            else tableRows.push(event);
          }
          printed += page.events.length;
          cursor = page.next;
        } while (cursor && printed < limit);
        if (format === 'table') {
          process.stdout.write(
            tableRows.length ? toTable(tableRows, columns, process.stdout.columns ?? 160) + '\n' : '',
          );
          process.stderr.write(`${printed} event(s)${cursor ? ` shown; more match (raise --limit)` : ''}.\n`);
        }
      } finally {
        await store.close();
      }
    });
}

/**
 * The tenants named with --tenant (all when none): those of the state database, where the API and
 * `yagura tenant add` create them, and those of the configuration file, which the server creates at start.
 */
export async function knownTenants(config: YaguraConfig, named: string[] | undefined): Promise<TenantId[]> {
  const access = await openAccess(config.dataDir);
  let stored: TenantId[];
  try {
    stored = (await access.tenants.list(cliActor())).map((t) => t.id);
  } finally {
    await access.close();
  }
  const fromConfig = tenantsFor(config, undefined);
  const known = [...new Set([...stored, ...fromConfig])];
  if (!named || named.length === 0) return known;
  for (const t of named) {
    if (!(known as string[]).includes(t)) {
      throw new YaguraError('TENANT_UNKNOWN', `No tenant "${t}" (known: ${known.join(', ')})`);
    }
  }
  return named as TenantId[];
}
