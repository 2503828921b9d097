// Starts a real `yagura serve` child process for end-to-end tests and reads its bound ports from its log.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';

export const projectRoot = resolve(import.meta.dirname, '../..');
export const cliPath = join(projectRoot, 'bin/yagura.js');

export interface ServerProcess {
  child: ChildProcess;
  dataDir: string;
  configPath: string;
  url: string;
  tcpPort: number;
  udpPort: number;
  logs: string[];
  /** Sends SIGTERM and resolves with the exit code once the drain finished. */
  stop(): Promise<number | null>;
  cleanup(): void;
}

export async function startServer(
  configYaml: string,
  env: Record<string, string> = {},
): Promise<ServerProcess> {
  const dataDir = mkdtempSync(join(tmpdir(), 'yagura-e2e-'));
  const configPath = join(dataDir, 'yagura.yaml');
  writeFileSync(configPath, configYaml);
  const child = spawn(process.execPath, [cliPath, 'serve', '--config', configPath], {
    env: {
      ...process.env,
      YAGURA_DATA_DIR: join(dataDir, 'data'),
      YAGURA_HTTP_PORT: '0',
      YAGURA_SYSLOG_PORT: '0',
      YAGURA_LOG_LEVEL: 'info',
      YAGURA__STORE__RETENTION__MIN_FREE_BYTES: '0',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const logs: string[] = [];
  child.stderr!.on('data', (d: Buffer) => logs.push(d.toString()));
  const ready = await new Promise<{ url: string; syslog: { transport: string; port: number }[] }>(
    (resolveReady, reject) => {
      const timer = setTimeout(() => reject(new Error(`server did not start:\n${logs.join('')}`)), 30_000);
      child.on('exit', (code) => reject(new Error(`server exited with ${code}:\n${logs.join('')}`)));
      createInterface({ input: child.stdout! }).on('line', (line) => {
        logs.push(line);
        try {
          const entry = JSON.parse(line) as {
            msg?: string;
            url?: string;
            syslog?: { transport: string; port: number }[];
          };
          if (entry.msg === 'Yagura is listening.' && entry.url && entry.syslog) {
            clearTimeout(timer);
            resolveReady({ url: entry.url, syslog: entry.syslog });
          }
        } catch {
          // not a log line of ours
        }
      });
    },
  );
  const port = (t: string) => ready.syslog.find((a) => a.transport === t)?.port ?? 0;
  return {
    child,
    dataDir: join(dataDir, 'data'),
    configPath,
    url: ready.url,
    tcpPort: port('tcp'),
    udpPort: port('udp'),
    logs,
    stop: () =>
      new Promise((resolveStop) => {
        if (child.exitCode !== null) return resolveStop(child.exitCode);
        child.once('exit', (code) => resolveStop(code));
        child.kill('SIGTERM');
      }),
    cleanup: () => rmSync(dataDir, { recursive: true, force: true }),
  };
}

export interface SearchResult {
  events: {
    id: string;
    tenant: string;
    fields: Record<string, unknown>;
    raw?: string;
    tags?: string[];
    input?: string;
  }[];
}

export async function search(
  url: string,
  query: string,
  extra: Record<string, unknown> = {},
): Promise<SearchResult> {
  const response = await fetch(`${url}/api/events/search`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query, from: 'now-30d', to: 'now+1d', limit: 1000, ...extra }),
  });
  if (!response.ok) throw new Error(`search failed: ${response.status} ${await response.text()}`);
  return (await response.json()) as SearchResult;
}

/** Polls the search API until at least `count` events match (ingest is asynchronous by design). */
export async function waitForHits(
  url: string,
  query: string,
  count = 1,
  timeoutMs = 15_000,
): Promise<SearchResult> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const result = await search(url, query);
    if (result.events.length >= count || Date.now() > deadline) return result;
    await new Promise((r) => setTimeout(r, 150));
  }
}
