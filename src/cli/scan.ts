// `yagura scan --rules DIR PATH...`: runs Sigma rules (with their correlations and filters) over log files offline and
// prints the findings.
import type { Command } from 'commander';
import { YaguraError } from '../core/errors.js';
import { loadRules, problemText } from '../detect/sigma/loader.js';
import type { Finding } from '../detect/finding.js';
import { DetectionEngine } from '../detect/engine.js';
import type { IndicatorSet } from '../detect/intel/indicator.js';
import { intelProblemText, loadIndicatorFile } from '../detect/intel/load.js';
import { tenantId } from '../core/ids.js';
import { readLogFile } from '../inputs/file/read-file.js';
import { normalize } from '../normalize/normalize.js';
import { csvCell } from '../search/export-format.js';
import { isTimeZone } from '../access/tenant-service.js';

interface ScanOptions {
  rules: string[];
  intel: string[];
  format: 'table' | 'csv' | 'jsonl';
  timeZone: string;
}

const LEVEL_ORDER = ['critical', 'high', 'medium', 'low', 'informational'];

/** A correlation's figure, group and span, e.g. `event_count 12 by user=alice (12 matches, 09:15:02Z..09:19:40Z)`. */
function correlationSummary(f: Finding): string {
  const c = f.correlation!;
  const group = Object.entries(c.group)
    .map(([k, v]) => `${k}=${v}`)
    .join(', ');
  const at = (ms: number) => new Date(ms).toISOString().slice(11, 19) + 'Z';
  const count = c.count !== undefined ? `${c.count} matches, ` : '';
  return `${c.type} ${Number(c.value.toFixed(3))}${group ? ` by ${group}` : ''} (${count}${at(c.firstSeen)}..${at(c.lastSeen)})`;
}

function summaryOf(f: Finding): string {
  if (f.kind === 'correlation' && f.correlation) return correlationSummary(f);
  const event = f.events[0];
  if (!event) return '';
  const f0 = event.fields;
  const said = [f0['message'], f0['process.command_line'], f0['url.original']].find(
    (v) => typeof v === 'string',
  );
  const text = typeof said === 'string' ? said : (event.raw ?? '');
  return text.length > 160 ? `${text.slice(0, 157)}...` : text;
}

function line(f: Finding, format: ScanOptions['format']): string {
  const time = new Date(f.time).toISOString();
  const level = f.rule.level;
  if (format === 'jsonl') {
    if (f.kind === 'correlation') {
      return JSON.stringify({ kind: f.kind, rule: f.rule, correlation: f.correlation, events: f.events });
    }
    return JSON.stringify({ kind: f.kind, rule: f.rule, matched: f.matched, event: f.events[0] });
  }
  if (format === 'csv') {
    return [time, level, f.rule.id, f.rule.title, f.rule.author ?? '', summaryOf(f)]
      .map((cell) => csvCell(cell))
      .join(',');
  }
  return `${time}  ${level.padEnd(13)} ${f.rule.title}  |  ${summaryOf(f)}`;
}

function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}

/** A progress line on standard error, rewritten in place at most twice a second, when it is a terminal. */
function progress(): { update(text: string): void; done(): void } {
  const tty = process.stderr.isTTY === true;
  let last = 0;
  let shown = false;
  return {
    update(text) {
      const now = Date.now();
      if (!tty || now - last < 500) return;
      last = now;
      shown = true;
      process.stderr.write(`\r\x1b[2K${text}`);
    },
    done() {
      if (shown) process.stderr.write('\r\x1b[2K');
    },
  };
}

export function registerScan(program: Command): void {
  program
    .command('scan')
    .description(
      'run Sigma rules (with their correlations and filters) and threat-intel lists over log files (NDJSON, syslog, CEF ..., plain or .gz) and print the findings',
    )
    .argument('<paths...>', 'log files to scan')
    .option('-r, --rules <path>', 'Sigma rule file or folder (repeat for several)', collect, [])
    .option(
      '-i, --intel <path>',
      'indicator file: CSV, STIX 2.1 bundle, MISP event or feed folder (repeat for several)',
      collect,
      [],
    )
    .option(
      '-f, --format <format>',
      'table, csv or jsonl (one finding a line: rule and matched event; for a correlation its group and sample)',
      'table',
    )
    .option('--time-zone <zone>', 'zone for times without one', 'UTC')
    .action(async (paths: string[], options: ScanOptions) => {
      if (options.rules.length === 0 && options.intel.length === 0)
        throw new YaguraError(
          'CONFIG_INVALID',
          '--rules or --intel: name at least one rule or indicator file',
        );
      if (!['table', 'csv', 'jsonl'].includes(options.format)) {
        throw new YaguraError('CONFIG_INVALID', `--format: "${options.format}" is not table, csv or jsonl`);
      }
      if (!isTimeZone(options.timeZone)) {
        throw new YaguraError(
          'CONFIG_INVALID',
          `--time-zone: "${options.timeZone}" is not an IANA time zone`,
        );
      }
      const started = Date.now();
      const loaded = loadRules(options.rules);
      const intel: IndicatorSet[] = [];
      for (const path of options.intel) {
        // Every finding of a scan is read now: indicators match whatever the age of the logs.
        const { set, problems } = await loadIndicatorFile(path, { importedAt: 0 });
        for (const p of problems)
          process.stderr.write(`indicator skipped: ${path}: ${intelProblemText(p)}\n`);
        intel.push(set);
      }
      const engine = new DetectionEngine({
        ruleSets: [{ id: 'scan', loaded, enabledByDefault: true }],
        intel,
      });
      const status = engine.status();
      const rules = loaded.rules.length;
      // Compiled on first use; a scan has one tenant, so compile now to report problems before the findings.
      engine.prepare(tenantId('scan'));
      for (const p of [...loaded.problems, ...engine.metaProblems()])
        process.stderr.write(`rule skipped: ${problemText(p)}\n`);
      const extra = [
        status.ruleSets[0]!.correlations > 0 ? `${status.ruleSets[0]!.correlations} correlations` : '',
        status.ruleSets[0]!.filters > 0 ? `${status.ruleSets[0]!.filters} filters` : '',
        status.indicators > 0 ? `${status.indicators} indicators` : '',
      ].filter(Boolean);
      process.stderr.write(
        `${rules} rules${extra.map((e) => `, ${e}`).join('')} ready in ${((Date.now() - started) / 1000).toFixed(1)} s\n`,
      );
      if (options.format === 'csv')
        process.stdout.write('time,level,rule_id,rule_title,rule_author,summary\n');
      const byRule = new Map<string, { level: string; count: number }>();
      let events = 0;
      let total = 0;
      const bar = progress();
      for (const [i, path] of paths.entries()) {
        const reader = readLogFile(path, { tenant: tenantId('scan'), batchSize: 2000 });
        for await (const batch of reader) {
          const normalized = batch.map((raw) =>
            normalize(raw, { receivedAt: raw.receivedAt, timeZone: options.timeZone }),
          );
          events += normalized.length;
          for (const finding of engine.process(normalized)) {
            process.stdout.write(`${line(finding, options.format)}\n`);
            total++;
            const entry = byRule.get(finding.rule.title) ?? { level: finding.rule.level, count: 0 };
            entry.count++;
            byRule.set(finding.rule.title, entry);
          }
          bar.update(
            `file ${i + 1}/${paths.length}  ${events.toLocaleString('en')} events  ${total} findings`,
          );
        }
      }
      bar.done();
      const seconds = (Date.now() - started) / 1000;
      process.stderr.write(
        `\n${events} events, ${total} findings from ${byRule.size} rules in ${seconds.toFixed(1)} s\n`,
      );
      const rank = (level: string) => LEVEL_ORDER.indexOf(level) + 1 || 99;
      for (const [title, e] of [...byRule].sort(
        (a, b) => rank(a[1].level) - rank(b[1].level) || b[1].count - a[1].count,
      )) {
        process.stderr.write(`  ${e.level.padEnd(13)} ${String(e.count).padStart(7)}  ${title}\n`);
      }
      const { silenced, filtered } = engine.counters();
      if (silenced > 0)
        process.stderr.write(
          `${silenced} matches of rules used by correlations not shown (generate: false)\n`,
        );
      if (filtered > 0) process.stderr.write(`${filtered} matches left out by filters\n`);
    });
}
