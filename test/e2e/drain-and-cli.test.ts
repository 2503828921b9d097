import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { gzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { cliPath, startServer } from './server-process.js';

const run = promisify(execFile);

function yagura(args: string[], dataDir: string) {
  return run(process.execPath, [cliPath, ...args], {
    env: { ...process.env, YAGURA_DATA_DIR: dataDir, YAGURA__STORE__RETENTION__MIN_FREE_BYTES: '0' },
    maxBuffer: 64 * 1024 * 1024,
  });
}

describe('graceful shutdown', () => {
  it('stores every acknowledged TCP message when SIGTERM arrives mid-stream', async () => {
    const server = await startServer('{}\n');
    try {
      const total = 50_000;
      const lines: string[] = [];
      for (let i = 0; i < total; i++) lines.push(`<38>Nov 28 10:00:00 host1 sshd[1]: drain-test seq=${i}`);
      await new Promise<void>((resolve, reject) => {
        const socket = connect(server.tcpPort, '127.0.0.1', () => socket.end(lines.join('\n') + '\n'));
        socket.on('close', () => resolve());
        socket.on('error', reject);
      });
      const code = await server.stop();
      expect(code).toBe(0);
      const { stdout } = await yagura(
        [
          'search',
          '"drain-test"',
          '--from',
          'now-400d',
          '--to',
          'now+1d',
          '--limit',
          'all',
          '--format',
          'json',
        ],
        server.dataDir,
      );
      const seqs = new Set(
        stdout
          .trim()
          .split('\n')
          .map((l) => (JSON.parse(l) as { fields: Record<string, unknown> }).fields['message']),
      );
      expect(seqs.size).toBe(total);
    } finally {
      server.cleanup();
    }
  });
});

describe('yagura ingest and yagura search on one data folder', () => {
  const dir = mkdtempSync(join(tmpdir(), 'yagura-cli-'));
  const dataDir = join(dir, 'data');
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('ingests plain and gzip files of mixed formats and finds them again as table, json and csv', async () => {
    const syslogLines = [
      '<34>Oct 11 22:14:15 mymachine su: cli-test su root failed for lonvick on /dev/pts/8',
      '<165>1 2025-11-28T10:00:00.003Z fw01 app 42 ID47 [exampleSDID@32473 iut="3" eventSource="Application"] cli-test five424',
    ].join('\n');
    const cefLines =
      'CEF:0|Security|threatmanager|1.0|100|cli-test worm stopped|10|src=10.0.0.1 dst=2.1.2.2 spt=1232\n';
    const ndjson =
      JSON.stringify({
        '@timestamp': '2025-11-28T09:00:00Z',
        message: 'cli-test json',
        user: { name: 'alice' },
      }) + '\n';
    writeFileSync(join(dir, 'a.log'), syslogLines + '\n' + cefLines);
    writeFileSync(join(dir, 'b.ndjson.gz'), gzipSync(ndjson + 'binary \u0000 cli-test garbage line\n'));

    const ingest = await yagura(
      ['ingest', '--no-progress', join(dir, 'a.log'), join(dir, 'b.ndjson.gz')],
      dataDir,
    );
    expect(ingest.stderr).toMatch(/Ingested 5 events from 2 file/);

    const all = ['--from', '2020-01-01', '--to', 'now+400d'];
    const json = await yagura(['search', 'cli-test', ...all, '--format', 'json', '--limit', 'all'], dataDir);
    const events = json.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { fields: Record<string, unknown>; tags?: string[] });
    expect(events).toHaveLength(5);
    expect(events.filter((e) => e.tags?.includes('parse_error'))).toHaveLength(1);

    const csv = await yagura(
      ['search', 'source.ip:10.0.0.0/8', ...all, '--format', 'csv', '--fields', 'source.ip,destination.ip'],
      dataDir,
    );
    expect(csv.stdout.trim().split('\n')).toEqual(['source.ip,destination.ip', '10.0.0.1,2.1.2.2']);

    const table = await yagura(['search', 'user.name:alice', ...all], dataDir);
    expect(table.stdout).toContain('cli-test json');
    expect(table.stderr).toContain('1 event(s)');
  });

  it('reports a bad query with its column and exit code 1', async () => {
    await expect(yagura(['search', 'a:(b', '--from', 'now-1d'], dataDir)).rejects.toMatchObject({
      code: 1,
      stderr: expect.stringMatching(/QUERY_SYNTAX/),
    });
  });
});

describe('a disk below the free-space reserve', () => {
  it('refuses writes before the disk fills, says so in health and metrics, and reports the loss on shutdown', async () => {
    const server = await startServer('{}\n', {
      YAGURA__STORE__RETENTION__MIN_FREE_BYTES: String(2 ** 50),
      YAGURA__QUEUE__DRAIN_TIMEOUT_SECONDS: '2',
    });
    try {
      await new Promise<void>((resolve, reject) => {
        const socket = connect(server.tcpPort, '127.0.0.1', () =>
          socket.end('<13>Nov 28 10:00:00 h app: no room\n'),
        );
        socket.on('close', () => resolve());
        socket.on('error', reject);
      });
      let metrics = '';
      for (
        let i = 0;
        i < 100 && !/yagura_events_failed_total\{[^}]*STORE_DISK_FULL[^}]*\} [1-9]/.test(metrics);
        i++
      ) {
        await new Promise((r) => setTimeout(r, 100));
        metrics = await (await fetch(`${server.url}/metrics`)).text();
      }
      expect(metrics).toMatch(/yagura_events_failed_total\{input="syslog",reason="STORE_DISK_FULL"\} [1-9]/);
      const health = await fetch(`${server.url}/api/health`);
      expect(health.status).toBe(503);
      expect(((await health.json()) as { store: { diskLow: boolean } }).store.diskLow).toBe(true);
      expect(await server.stop()).toBe(1);
      expect(server.logs.join('\n')).toMatch(/"lost":1/);
    } finally {
      server.cleanup();
    }
  });
});
