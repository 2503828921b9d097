// `yagura parse`: reads log lines on stdin and prints the Events they become (and, with --explain, why).
import { createInterface } from 'node:readline';
import type { Command } from 'commander';
import { tenantId } from '../core/ids.js';
import { normalize } from '../normalize/normalize.js';
import { parseText } from '../parsers/detect.js';
import { YaguraError } from '../core/errors.js';
import { isTimeZone } from '../access/tenant-service.js';
import { configFor } from './context.js';

interface ParseOptions {
  explain: boolean;
  format: string;
  parser?: string;
  timeZone?: string;
  receivedAt?: string;
}

export function registerParse(program: Command): void {
  program
    .command('parse')
    .description('parse log lines from stdin and print the resulting events')
    .option('--explain', 'say which parser matched each line and why', false)
    .option('-f, --format <format>', 'jsonl (one event per line) or pretty', 'pretty')
    .option(
      '-p, --parser <name>',
      'use this format or device parser instead of detecting (e.g. cef, fortigate)',
    )
    .option('--time-zone <zone>', "zone for times without one (default: the first tenant's)")
    .option(
      '--received-at <time>',
      'pretend the lines arrived at this ISO time (picks the year of yearless times)',
    )
    .action(async (options: ParseOptions, command: Command) => {
      const config = configFor(command);
      const tenant = tenantId(config.tenants[0]!.id);
      const timeZone = options.timeZone ?? config.tenants[0]!.timeZone;
      const fixedReceipt = options.receivedAt ? Date.parse(options.receivedAt) : undefined;
      if (fixedReceipt !== undefined && Number.isNaN(fixedReceipt)) {
        throw new YaguraError('CONFIG_INVALID', `--received-at: "${options.receivedAt}" is not an ISO time`);
      }
      if (!isTimeZone(timeZone)) {
        throw new YaguraError('CONFIG_INVALID', `--time-zone: "${timeZone}" is not an IANA time zone`);
      }
      const lines = createInterface({ input: process.stdin, crlfDelay: Infinity });
      for await (const line of lines) {
        if (line.length === 0) continue;
        const receivedAt = fixedReceipt ?? Date.now();
        const ctx = { receivedAt, timeZone };
        const event = normalize(
          {
            tenant,
            input: 'cli',
            receivedAt,
            text: line,
            ...(options.parser ? { format: options.parser } : {}),
          },
          ctx,
        );
        const out: Record<string, unknown> = { ...event };
        if (options.explain) {
          out['explanation'] = parseText(line, ctx, {
            explain: true,
            ...(options.parser ? { format: options.parser } : {}),
          }).explanation;
        }
        process.stdout.write(
          (options.format === 'jsonl' ? JSON.stringify(out) : JSON.stringify(out, null, 2)) + '\n',
        );
      }
    });
}
