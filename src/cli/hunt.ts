// `yagura hunt --rules DIR --from --to`: runs Sigma rules over the stored events of a time range (a retro-hunt).
import type { Command } from 'commander';
import { YaguraError } from '../core/errors.js';
import type { Finding } from '../detect/finding.js';
import { findingCorrelator, loadMetaRules } from '../detect/correlate/index.js';
import { planHunt } from '../detect/hunt-plan.js';
import { retroHunt, type HuntProgress } from '../detect/retro-hunt.js';
import { loadRules, problemText } from '../detect/sigma/loader.js';
import { csvCell } from '../search/export-format.js';
import { parseTimeExpression } from '../search/time-expression.js';
import { SqliteEventStore } from '../store/embedded/sqlite-event-store.js';
import { systemScope } from '../store/tenant-scope.js';
import { collect, configFor } from './context.js';
import { knownTenants } from './search.js';

interface HuntOptions {
  rules: string[];
  from: string;
  to: string;
  tenant?: string[];
  format: string;
  explain?: boolean;
}

const FORMATS = ['table', 'csv', 'jsonl'];

function summaryOf(f: Finding): string {
  const event = f.events[0];
  if (!event) return '';
  const said = [
    event.fields['message'],
    event.fields['process.command_line'],
    ...Object.values(f.matched),
  ].find((v) => typeof v === 'string');
  const text = typeof said === 'string' ? said : (event.raw ?? '');
  return text.length > 160 ? `${text.slice(0, 157)}...` : text;
}

function findingLine(f: Finding, format: string): string {
  const time = new Date(f.time).toISOString();
  if (format === 'jsonl') return JSON.stringify(f);
  if (format === 'csv') {
    return [time, f.tenant, f.rule.level, f.rule.id, f.rule.title, f.events[0]?.id ?? '', summaryOf(f)]
      .map((cell) => csvCell(cell))
      .join(',');
  }
  return `${time}  ${f.tenant}  ${f.rule.level.padEnd(13)} ${f.rule.title}  |  ${summaryOf(f)}`;
}

function progressLine(p: HuntProgress): string {
  return `${(p.fraction * 100).toFixed(1).padStart(5)}%  through ${new Date(p.through).toISOString()}  ${p.eventsExamined} events examined, ${p.findings} findings`;
}

export function registerHunt(program: Command): void {
  program
    .command('hunt')
    .description('run Sigma rules over the stored events of a time range and print the findings (retro-hunt)')
    .requiredOption('-r, --rules <path>', 'Sigma rule file or folder (repeat for several)', collect, [])
    .option('--from <time>', 'start of the range: ISO time, epoch, or now-24h / now-7d', 'now-24h')
    .option('--to <time>', 'end of the range (exclusive)', 'now')
    .option('-t, --tenant <id>', 'only this tenant (repeatable); default all', collect)
    .option('-f, --format <format>', 'table, csv or jsonl (one finding a line)', 'table')
    .option('--explain', 'print how each rule is searched (store query or scan, and why) instead of hunting')
    .action(async (options: HuntOptions, command: Command) => {
      if (options.rules.length === 0)
        throw new YaguraError('CONFIG_INVALID', '--rules: name at least one rule file or folder');
      if (!FORMATS.includes(options.format)) {
        throw new YaguraError(
          'REQUEST_INVALID',
          `--format must be one of ${FORMATS.join(', ')}, not "${options.format}"`,
        );
      }
      const now = Date.now();
      const from = parseTimeExpression(options.from, now);
      const to = parseTimeExpression(options.to, now);
      if (from >= to)
        throw new YaguraError('TIME_INVALID', `--from (${options.from}) must be before --to (${options.to})`);
      const loaded = loadRules(options.rules);
      const meta = loadMetaRules(loaded);
      for (const p of [...loaded.problems, ...meta.problems])
        process.stderr.write(`rule skipped: ${problemText(p)}\n`);
      const correlate = findingCorrelator(meta.correlations);
      const plan = planHunt(loaded.rules);
      const filtered = plan.rules.filter((r) => r.mode === 'filter').length;
      const exact = plan.rules.filter((r) => r.query.exact).length;
      process.stderr.write(
        `${loaded.rules.length} rules: ${filtered} narrowed by the store (${exact} exactly), ` +
          `${plan.rules.length - filtered} on scanned log sources; ${plan.passes.length} pass(es)\n`,
      );
      if (options.explain) {
        for (const r of plan.rules) {
          const how = r.mode === 'filter' ? `store query, ${r.query.cost} field reads` : r.mode;
          process.stdout.write(
            `${r.query.exact ? 'exact  ' : 'wider  '} ${how.padEnd(28)} ${r.rule.title}\n`,
          );
          for (const w of r.query.widened) process.stdout.write(`         ${w}\n`);
        }
        return;
      }

      const config = configFor(command);
      const tenants = await knownTenants(config, options.tenant);
      if (tenants.length === 0) throw new YaguraError('TENANT_UNKNOWN', 'No tenant is configured or stored');
      const store = new SqliteEventStore({ dataDir: config.dataDir, minFreeBytes: 0 });
      const controller = new AbortController();
      const stop = () => controller.abort();
      process.once('SIGINT', stop);
      const tty = process.stderr.isTTY === true;
      let shown = 0;
      try {
        if (options.format === 'csv')
          process.stdout.write('time,tenant,level,rule_id,rule_title,event_id,summary\n');
        // The local command line owns the data folder, so it reads as the installation itself.
        const run = retroHunt({
          store,
          scope: { tenants: systemScope(tenants), from, to },
          rules: loaded.rules,
          plan,
          signal: controller.signal,
          ...(correlate ? { correlate } : {}),
          onProgress: (p) => {
            if (tty) process.stderr.write(`\r${progressLine(p)}`);
            else if (p.state !== 'running' || p.fraction >= shown + 0.1) {
              shown = p.fraction;
              process.stderr.write(`${progressLine(p)}\n`);
            }
          },
        });
        let result = await run.next();
        while (!result.done) {
          process.stdout.write(`${findingLine(result.value, options.format)}\n`);
          result = await run.next();
        }
        const s = result.value;
        process.stderr.write(
          `${tty ? '\n' : ''}${s.state === 'aborted' ? 'Stopped' : 'Done'}: ${s.findings} findings, ` +
            `${s.eventsExamined} events examined in ${(s.tookMs / 1000).toFixed(1)} s\n`,
        );
      } finally {
        process.off('SIGINT', stop);
        await store.close();
      }
    });
}
