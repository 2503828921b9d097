// Starts a real `yagura serve` child process for end-to-end tests and reads its bound ports from its log.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { connect } from 'node:net';
import { createInterface } from 'node:readline';
import { createAdminToken } from '../../src/access/bootstrap.js';

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
  /** An admin's API token, created in the data folder before the server started. */
  token: string;
  /** `Authorization: Bearer <token>`, for fetch calls. */
  auth: { authorization: string };
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
  const token = await bootstrapAdmin(join(dataDir, 'data'));
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
  tokens.set(ready.url, token);
  return {
    child,
    dataDir: join(dataDir, 'data'),
    configPath,
    url: ready.url,
    tcpPort: port('tcp'),
    udpPort: port('udp'),
    logs,
    token,
    auth: { authorization: `Bearer ${token}` },
    stop: () =>
      new Promise((resolveStop) => {
        if (child.exitCode !== null) return resolveStop(child.exitCode);
        child.once('exit', (code) => resolveStop(code));
        child.kill('SIGTERM');
      }),
    cleanup: () => rmSync(dataDir, { recursive: true, force: true }),
  };
}

export const E2E_ADMIN_PASSWORD = 'e2e-lantern-orchard-tide-7';

/** Creates an admin and an API token for it in a data folder, as an operator would with `yagura user add`. */
export function bootstrapAdmin(dataDir: string): Promise<string> {
  return createAdminToken(dataDir, { username: 'admin', password: E2E_ADMIN_PASSWORD, tokenName: 'e2e' });
}

// The admin token of each running server, by URL, so the helpers below can sign their requests.
const tokens = new Map<string, string>();

export function authHeaders(url: string): { authorization: string } {
  const token = tokens.get(url);
  if (!token) throw new Error(`no token for ${url}`);
  return { authorization: `Bearer ${token}` };
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
    headers: { 'content-type': 'application/json', ...authHeaders(url) },
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

/** Sends a payload over one TCP connection to the syslog port; a list of lines is sent newline-framed. */
export function sendTcp(port: number, payload: Buffer | string | readonly string[]): Promise<void> {
  const data =
    typeof payload === 'string' || Buffer.isBuffer(payload) ? payload : payload.map((l) => `${l}\n`).join('');
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1', () => socket.end(data));
    socket.on('close', () => resolve());
    socket.on('error', reject);
  });
}

/** An RFC 3164 sshd line from `host`, stamped now (UTC). */
export function sshdLine(host: string, message: string): string {
  const d = new Date();
  const month = d.toLocaleString('en', { month: 'short', timeZone: 'UTC' });
  const time = d.toISOString().slice(11, 19);
  return `<38>${month} ${String(d.getUTCDate()).padStart(2, ' ')} ${time} ${host} sshd[4242]: ${message}`;
}

/** Polls `probe` until it gives a value (the server works asynchronously); throws naming `what` on timeout. */
export async function waitFor<T>(
  probe: () => Promise<T | undefined>,
  what: string,
  timeoutMs = 20_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}
