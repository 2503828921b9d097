// Ingest benchmark: streams the shared load corpus over TCP syslog into a real `yagura serve` and reports rates.
// Usage: npm run bench:ingest -- [--lines N] [--file fw-3164.log|fw-5424.log] [--keep]
import { spawn, execFileSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createAdminToken } from '../../src/access/bootstrap.js';

const root = resolve(fileURLToPath(new URL('.', import.meta.url)), '../../..');
const shared = resolve(root, '../shared/tools');

interface Args {
  lines: number;
  file: string;
  keep: boolean;
  profile: boolean;
}

function parseArgs(argv: string[]): Args {
  const args: Args = { lines: 1_000_000, file: 'fw-3164.log', keep: false, profile: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--lines') args.lines = Number(argv[++i]);
    else if (a === '--file') args.file = String(argv[++i]);
    else if (a === '--keep') args.keep = true;
    else if (a === '--profile') args.profile = true;
  }
  return args;
}

async function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const srv = createServer();
    srv.listen(0, '127.0.0.1', () => {
      const address = srv.address();
      srv.close(() =>
        typeof address === 'object' && address ? resolvePort(address.port) : reject(new Error('no port')),
      );
    });
  });
}

function corpus(lines: number, file: string): string {
  const dir = resolve(root, 'perf-data', String(lines));
  const path = join(dir, file);
  if (!existsSync(path)) {
    console.log(`generating ${lines} lines with gen_data.py into ${dir} ...`);
    execFileSync('python3', [join(shared, 'gen_data.py'), String(lines)], {
      env: { ...process.env, PERF_DATA: dir },
      stdio: 'inherit',
    });
  }
  return path;
}

async function metrics(port: number): Promise<Map<string, number>> {
  const text = await (await fetch(`http://127.0.0.1:${port}/metrics`)).text();
  const out = new Map<string, number>();
  for (const line of text.split('\n')) {
    if (!line || line.startsWith('#')) continue;
    const space = line.lastIndexOf(' ');
    const name = line.slice(0, space);
    out.set(name, (out.get(name) ?? 0) + Number(line.slice(space + 1)));
  }
  return out;
}

function sum(m: Map<string, number>, prefix: string): number {
  let total = 0;
  for (const [k, v] of m) if (k === prefix || k.startsWith(prefix + '{')) total += v;
  return total;
}

function rssOf(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const m = /VmRSS:\s+(\d+) kB/.exec(status);
  return m ? Number(m[1]) * 1024 : 0;
}

/** CPU seconds per thread of a process, from /proc (clock ticks of 10 ms): [main, ...others busiest first]. */
function threadCpu(pid: number): { main: number; others: number[] } {
  const tick = Number(execFileSync('getconf', ['CLK_TCK']).toString().trim()) || 100;
  let main = 0;
  const others: number[] = [];
  for (const tid of readdirSync(`/proc/${pid}/task`)) {
    const stat = readFileSync(`/proc/${pid}/task/${tid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const seconds = (Number(fields[11]) + Number(fields[12])) / tick;
    if (Number(tid) === pid) main = seconds;
    else others.push(seconds);
  }
  return { main, others: others.sort((a, b) => b - a) };
}

async function waitForHealth(port: number, child: ChildProcess): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}`);
    try {
      if ((await fetch(`http://127.0.0.1:${port}/api/health`)).ok) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('server did not become healthy within 60 s');
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const file = corpus(args.lines, args.file);
  const sent = Number(execFileSync('wc', ['-l', file]).toString().trim().split(/\s+/)[0]);
  const dataDir = mkdtempSync(join(tmpdir(), 'yagura-bench-'));
  const [httpPort, syslogPort] = [await freePort(), await freePort()];
  const token = await createAdminToken(dataDir, {
    username: 'bench',
    password: `ingest-${Date.now()}-lantern-passphrase`,
    tokenName: 'bench',
  });
  const nodeArgs = args.profile
    ? ['--cpu-prof', `--cpu-prof-dir=${resolve(root, 'perf-data/profiles')}`]
    : [];
  const child = spawn(process.execPath, [...nodeArgs, join(root, 'bin/yagura.js'), 'serve'], {
    env: {
      ...process.env,
      YAGURA_DATA_DIR: dataDir,
      YAGURA_HTTP_PORT: String(httpPort),
      YAGURA_SYSLOG_PORT: String(syslogPort),
      YAGURA_LOG_LEVEL: 'warn',
      // The bench measures ingest, not the disk reserve of the machine it runs on.
      YAGURA__STORE__RETENTION__MIN_FREE_BYTES: '0',
    },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  try {
    await waitForHealth(httpPort, child);
    console.log(`corpus ${file}: ${sent} lines, ${(statSync(file).size / 1e6).toFixed(0)} MB`);
    const t0 = performance.now();
    const sender = spawn('python3', [join(shared, 'send_syslog.py'), 'tcp', file, String(syslogPort)], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let senderOut = '';
    sender.stdout.on('data', (d: Buffer) => (senderOut += d.toString()));
    let peakRss = 0;
    let stored = 0;
    let received = 0;
    let tReceived = 0;
    const samples: string[] = [];
    let last = { t: t0, stored: 0 };
    while (stored < sent) {
      await new Promise((r) => setTimeout(r, 500));
      const m = await metrics(httpPort);
      stored = sum(m, 'yagura_events_stored_total');
      received = sum(m, 'yagura_events_received_total');
      if (received >= sent && !tReceived) tReceived = performance.now();
      peakRss = Math.max(peakRss, rssOf(child.pid!));
      const now = performance.now();
      samples.push(
        `${((now - t0) / 1000).toFixed(1)}s stored=${stored} (+${Math.round(((stored - last.stored) * 1000) / (now - last.t))}/s) queue=${sum(m, 'yagura_queue_depth')}`,
      );
      last = { t: now, stored };
      if (now - t0 > 600_000) throw new Error(`timed out with ${stored}/${sent} stored`);
      if (sender.exitCode !== null && sender.exitCode !== 0)
        throw new Error(`sender failed with ${sender.exitCode}`);
    }
    const t1 = performance.now();
    await new Promise((r) => (sender.exitCode !== null ? r(null) : sender.on('exit', r)));
    const countBody = { query: '*', from: '2000-01-01T00:00:00Z', to: 'now+1d' };
    const count = (await (
      await fetch(`http://127.0.0.1:${httpPort}/api/events/aggregate`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({ ...countBody, by: { terms: { field: 'tenant', size: 10 } } }),
      })
    ).json()) as { total: number };
    const seconds = (t1 - t0) / 1000;
    const cpu = threadCpu(child.pid!);
    const perEvent = (s: number) => `${((s * 1e6) / sent).toFixed(1)} µs/event`;
    const writer = cpu.others[0] ?? 0;
    const rest = cpu.others.slice(1).reduce((a, b) => a + b, 0);
    console.log(samples.join('\n'));
    console.log(`sender: ${senderOut.trim()}`);
    console.log('--- result');
    console.log(`events sent           ${sent}`);
    console.log(
      `events received       ${received}  (${Math.round(received / (((tReceived || t1) - t0) / 1000))}/s)`,
    );
    console.log(
      `events stored         ${stored}  (${Math.round(stored / seconds)}/s sustained, first byte to last commit)`,
    );
    console.log(`events counted by API ${count.total}  ${count.total === sent ? '(= sent)' : '(MISMATCH)'}`);
    console.log(`peak RSS              ${(peakRss / 1024 / 1024).toFixed(0)} MiB`);
    console.log(
      `server CPU            ${perEvent(cpu.main + writer + rest)} in all: main thread ${perEvent(cpu.main)}, ` +
        `store writer ${perEvent(writer)}, other threads (GC, I/O) ${perEvent(rest)}; includes start-up and idle polling`,
    );
    console.log(`store size            ${execFileSync('du', ['-sh', dataDir]).toString().split('\t')[0]}`);
    if (count.total !== sent) process.exitCode = 1;
  } finally {
    child.kill('SIGTERM');
    await new Promise((r) => (child.exitCode !== null ? r(null) : child.on('exit', r)));
    if (!args.keep) rmSync(dataDir, { recursive: true, force: true });
    else console.log(`data kept in ${dataDir}`);
  }
}

await main();
