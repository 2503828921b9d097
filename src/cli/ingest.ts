// `yagura ingest FILE...`: reads log files (plain or gzip) straight into the data folder's event store.
import { statSync } from 'node:fs';
import cliProgress from 'cli-progress';
import type { Command } from 'commander';
import { Tags } from '../core/event.js';
import { YaguraError } from '../core/errors.js';
import { readLogFile } from '../inputs/file/read-file.js';
import { normalize } from '../normalize/normalize.js';
import { SqliteEventStore } from '../store/embedded/sqlite-event-store.js';
import { configFor, tenantsFor } from './context.js';

interface IngestOptions {
  tenant?: string;
  parser?: string;
  progress: boolean;
}

export function registerIngest(program: Command): void {
  program
    .command('ingest')
    .description('load log files (plain or .gz; NDJSON, syslog or CEF lines) into the event store')
    .argument('<files...>', 'files to read')
    .option('-t, --tenant <id>', 'tenant the events belong to (default: the first configured)')
    .option(
      '-p, --parser <name>',
      'use this format or device parser for every line instead of detecting (e.g. cef, fortigate)',
    )
    .option('--no-progress', 'do not draw a progress bar')
    .action(async (files: string[], options: IngestOptions, command: Command) => {
      const config = configFor(command);
      const tenant = tenantsFor(config, options.tenant ? [options.tenant] : undefined)[0]!;
      const timeZone = config.tenants.find((t) => t.id === tenant)?.timeZone ?? 'UTC';
      const sizes = files.map((file) => {
        try {
          return statSync(file).size;
        } catch (error) {
          throw new YaguraError('FILE_UNREADABLE', `Cannot read ${file}: ${(error as Error).message}`, {
            location: { path: file },
          });
        }
      });
      const total = sizes.reduce((a, b) => a + b, 0);
      const bar =
        options.progress && process.stderr.isTTY
          ? new cliProgress.SingleBar(
              {
                format: '{bar} {percentage}% | {value}/{total} bytes | {events} events | {file}',
                stream: process.stderr,
              },
              cliProgress.Presets.shades_classic,
            )
          : undefined;
      bar?.start(total, 0, { events: 0, file: '' });

      const store = new SqliteEventStore({
        dataDir: config.dataDir,
        minFreeBytes: config.store.retention.minFreeBytes,
      });
      const started = performance.now();
      let events = 0;
      let parseErrors = 0;
      let done = 0;
      const pending = new Set<Promise<void>>();
      try {
        for (const [i, file] of files.entries()) {
          const reader = readLogFile(file, {
            tenant,
            batchSize: 5000,
            onProgress: ({ bytesRead }) => bar?.update(done + bytesRead, { events, file }),
          });
          for await (const batch of reader) {
            const normalized = batch.map((raw) => {
              const event = normalize(options.parser ? { ...raw, format: options.parser } : raw, {
                receivedAt: raw.receivedAt,
                timeZone,
              });
              if (event.tags?.includes(Tags.parseError)) parseErrors++;
              return event;
            });
            events += normalized.length;
            // Keep one write in flight while the next batch is read and parsed.
            const write = store.append(normalized);
            pending.add(write);
            void write.finally(() => pending.delete(write)).catch(() => undefined);
            if (pending.size >= 2) await Promise.race(pending);
          }
          done += sizes[i]!;
        }
        await Promise.all(pending);
      } finally {
        bar?.update(done, { events, file: '' });
        bar?.stop();
        await store.close();
      }
      const seconds = (performance.now() - started) / 1000;
      process.stderr.write(
        `Ingested ${events} events from ${files.length} file(s) into tenant "${tenant}" in ${seconds.toFixed(1)} s ` +
          `(${Math.round(events / Math.max(seconds, 0.001))}/s); ${parseErrors} kept raw with the parse_error tag.\n`,
      );
    });
}
