// Indicator matching benchmark: index build time and memory, lookups/s per kind and matchEvent events/s (prints
// figures, asserts nothing). Usage (from the project root):
//   npm run build && npm run bench:intel -- [--indicators 100000] [--runs 5] [--lookups 1000000]
// The indicators and the looked-up values are generated from a fixed seed; about 10 % of the lookups hit. The
// same lookups also run against an index of 1,000 indicators, to show the cost does not grow with the list.
import { loadavg } from 'node:os';
import { tenantId, type EventId } from '../../src/core/ids.js';
import type { Event } from '../../src/core/event.js';
import type { Indicator, IndicatorSet } from '../../src/detect/intel/indicator.js';
import { IndicatorIndex, type IndexEntry, type LookupKind } from '../../src/detect/intel/indicator-index.js';
import { matchEvent } from '../../src/detect/intel/match.js';
import { seeded } from '../../src/core/seeded-random.js';

interface Args {
  indicators: number;
  runs: number;
  lookups: number;
}

function parseArgs(argv: string[]): Args {
  const args: Args = { indicators: 100_000, runs: 5, lookups: 1_000_000 };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--indicators') args.indicators = Number(argv[++i]);
    else if (a === '--runs') args.runs = Number(argv[++i]);
    else if (a === '--lookups') args.lookups = Number(argv[++i]);
  }
  return args;
}

const rng = seeded;

const rand = rng(20250320);
const int = (n: number): number => Math.floor(rand() * n);
const hex = (digits: number): string => {
  let s = '';
  for (let i = 0; i < digits; i++) s += '0123456789abcdef'[int(16)];
  return s;
};
const word = (): string => {
  let s = '';
  const n = 4 + int(8);
  for (let i = 0; i < n; i++) s += 'abcdefghijklmnopqrstuvwxyz'[int(26)];
  return s;
};
const ipv4 = (): string => `${1 + int(222)}.${int(256)}.${int(256)}.${int(256)}`;
const ipv6 = (): string => `2001:db8:${hex(4)}:${hex(4)}::${hex(4)}`;
const TLDS = ['com', 'net', 'org', 'example', 'info', 'xyz', 'jp'];
const domain = (): string => `${word()}.${TLDS[int(TLDS.length)]}`;

/**
 * A mix like a real feed collection: mostly addresses and domains, then URLs and hashes, a few blocks (mostly /24,
 * none wider than /16, as block lists publish them).
 */
function makeIndicators(n: number): Indicator[] {
  const out: Indicator[] = [];
  for (let i = 0; i < n; i++) {
    const r = i % 40;
    if (r < 17) out.push({ type: 'ipv4', value: ipv4() });
    else if (r < 18) {
      const prefix = [16, 20, 22, 23, 24, 24, 24, 24, 25, 26, 28, 29][int(12)] as number;
      out.push({ type: 'cidr', value: `${ipv4()}/${prefix}` });
    } else if (r < 19) out.push({ type: 'ipv6', value: ipv6() });
    else if (r < 20) out.push({ type: 'cidr', value: `${ipv6()}/64` });
    else if (r < 30) out.push({ type: 'domain', value: domain() });
    else if (r < 36) out.push({ type: 'url', value: `http://${domain()}/${word()}/${word()}.php` });
    else out.push({ type: i % 2 ? 'sha256' : 'md5', value: hex(i % 2 ? 64 : 32) });
  }
  return out;
}

function setOf(indicators: Indicator[]): IndicatorSet {
  return { id: 'bench', name: 'Bench', source: 'bench', importedAt: 0, indicators };
}

/** Values to look up per kind: 10 % taken from the indicators (subdomains, other URLs on listed hosts), 90 % not. */
function makeLookups(indicators: Indicator[], kind: LookupKind, count: number): string[] {
  const listed = indicators.filter((i) =>
    kind === 'ip'
      ? i.type === 'ipv4' || i.type === 'ipv6' || i.type === 'cidr'
      : kind === 'domain'
        ? i.type === 'domain'
        : kind === 'url'
          ? i.type === 'url'
          : i.type === 'md5' || i.type === 'sha256',
  );
  const out: string[] = [];
  for (let i = 0; i < count; i++) {
    const hit = int(10) === 0;
    const pick = listed[int(listed.length)] as Indicator;
    if (kind === 'ip') out.push(hit ? pick.value.replace(/\/\d+$/, '') : int(10) === 0 ? ipv6() : ipv4());
    else if (kind === 'domain') out.push(hit ? `www.${word()}.${pick.value}` : `cdn.${word()}.${domain()}`);
    else if (kind === 'url') out.push(hit ? pick.value : `https://${domain()}/${word()}?q=${word()}`);
    else out.push(hit ? pick.value.toUpperCase() : hex(int(2) ? 64 : 32));
  }
  return out;
}

function fmt(n: number): string {
  return Math.round(n).toLocaleString('en-US');
}

function best(runs: number, fn: () => number): { best: number; result: number } {
  let bestRate = 0;
  let result = 0;
  for (let r = 0; r < runs; r++) {
    const t0 = process.hrtime.bigint();
    const units = fn();
    const s = Number(process.hrtime.bigint() - t0) / 1e9;
    result = units;
    bestRate = Math.max(bestRate, units / s);
  }
  return { best: bestRate, result };
}

function benchLookups(
  label: string,
  index: IndicatorIndex,
  lookups: Map<LookupKind, string[]>,
  runs: number,
): void {
  const out: IndexEntry[] = [];
  for (const [kind, values] of lookups) {
    let hits = 0;
    const { best: rate } = best(runs, () => {
      hits = 0;
      for (const v of values) {
        out.length = 0;
        index.collect(kind, v, 1, out);
        hits += out.length;
      }
      return values.length;
    });
    console.log(
      `${label.padEnd(18)} ${kind.padEnd(7)} best ${fmt(rate).padStart(11)} lookups/s  (${fmt(values.length)} values, ${fmt(hits)} hits)`,
    );
  }
}

function makeEvents(indicators: Indicator[], count: number): Event[] {
  const ips = makeLookups(indicators, 'ip', count);
  const names = makeLookups(indicators, 'domain', count);
  const urls = makeLookups(indicators, 'url', count);
  const hashes = makeLookups(indicators, 'hash', count);
  const events: Event[] = [];
  for (let i = 0; i < count; i++) {
    const base = { id: `e${i}` as EventId, tenant: tenantId('bench'), time: 1, receivedAt: 1 };
    const src = `10.20.${int(256)}.${int(256)}`;
    const dst = ips[i] as string;
    // The shapes of firewall, DNS, proxy and process events as the device parsers produce them.
    switch (i % 4) {
      case 0:
        events.push({
          ...base,
          logsource: { product: 'fortigate', category: 'firewall' },
          fields: {
            'source.ip': src,
            'destination.ip': dst,
            'related.ip': [src, dst],
            'destination.port': 443,
          },
        });
        break;
      case 1:
        events.push({
          ...base,
          logsource: { product: 'suricata', category: 'dns' },
          fields: {
            'source.ip': src,
            'destination.ip': '10.20.0.53',
            'dns.question.name': names[i] as string,
            'related.ip': [src, '10.20.0.53'],
          },
        });
        break;
      case 2: {
        const url = urls[i] as string;
        const host = new URL(url).hostname;
        events.push({
          ...base,
          logsource: { product: 'squid', category: 'proxy' },
          fields: {
            'source.ip': src,
            'destination.ip': dst,
            'url.original': url,
            'url.domain': host,
            'related.hosts': [host],
            'related.ip': [src, dst],
          },
        });
        break;
      }
      default:
        events.push({
          ...base,
          logsource: { product: 'windows', category: 'process_creation' },
          fields: {
            'host.name': 'WS-FIN-023.corp.example.com',
            'process.hash.sha256': hashes[i] as string,
            'related.hash': [hashes[i] as string],
            'related.hosts': ['WS-FIN-023.corp.example.com'],
          },
        });
    }
  }
  return events;
}

function main(): void {
  const args = parseArgs(process.argv.slice(2));
  const [load1] = loadavg();
  console.log(`node ${process.version}, ${args.indicators} indicators, best of ${args.runs} runs`);
  const indicators = makeIndicators(args.indicators);

  global.gc?.();
  const heap0 = process.memoryUsage().heapUsed;
  const t0 = process.hrtime.bigint();
  const index = new IndicatorIndex([setOf(indicators)]);
  const buildMs = Number(process.hrtime.bigint() - t0) / 1e6;
  global.gc?.();
  const heapMb = (process.memoryUsage().heapUsed - heap0) / 1048576;
  const stats = index.stats();
  console.log(
    `index build: ${buildMs.toFixed(0)} ms for ${fmt(stats.indicators)} indicators` +
      ` (${JSON.stringify(stats.byType)}; ${stats.ipv4PrefixLengths.length} IPv4 and ${stats.ipv6PrefixLengths.length} IPv6 prefix lengths)` +
      (global.gc ? `, heap +${heapMb.toFixed(0)} MB` : ' (run with --expose-gc for the heap figure)'),
  );

  const perKind = Math.max(1000, Math.floor(args.lookups / 4));
  const lookups = new Map<LookupKind, string[]>(
    (['ip', 'domain', 'url', 'hash'] as const).map((k) => [k, makeLookups(indicators, k, perKind)]),
  );
  const small = new IndicatorIndex([setOf(indicators.slice(0, 1000))]);
  // Warm-up so the JIT has compiled the lookup paths before timing.
  benchLookups('warm-up', small, new Map([...lookups].map(([k, v]) => [k, v.slice(0, 20_000)])), 1);
  benchLookups(`${fmt(stats.indicators)} indicators`, index, lookups, args.runs);
  benchLookups('1,000 indicators', small, lookups, args.runs);

  const events = makeEvents(indicators, Math.max(1000, Math.floor(args.lookups / 4)));
  let findings = 0;
  const { best: rate } = best(args.runs, () => {
    findings = 0;
    for (const e of events) findings += matchEvent(index, e).length;
    return events.length;
  });
  console.log(
    `matchEvent: best ${fmt(rate)} events/s (${fmt(events.length)} firewall/DNS/proxy/process events, ${fmt(findings)} findings)`,
  );
  if (load1 !== undefined) console.log(`load average at start: ${load1.toFixed(2)}`);
}

main();
