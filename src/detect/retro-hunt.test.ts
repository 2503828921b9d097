import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import type { Event } from '../core/event.js';
import { tenantId } from '../core/ids.js';
import { systemScope } from '../store/tenant-scope.js';
import { SqliteEventStore } from '../store/embedded/sqlite-event-store.js';
import type { Finding } from './finding.js';
import { planHunt } from './hunt-plan.js';
import { retroHunt, type HuntProgress, type RetroHuntOptions } from './retro-hunt.js';
import { rule, testEvent } from './sigma/to-query/bounds-fixture.js';
import { loadRules } from './sigma/loader.js';
import { RuleSet } from './sigma/rule-set.js';
import type { SigmaRule } from './sigma/rule.js';
import { regressionEvents } from './sigma/to-query/regression-fixture.js';

const SIGMA = [resolve(import.meta.dirname, '../../../shared/sigma'), '/work/shared/sigma'].find((p) =>
  existsSync(p),
);

const root = mkdtempSync(join(tmpdir(), 'yagura-hunt-'));
let dirs = 0;
const open: SqliteEventStore[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((s) => s.close()));
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

async function storeOf(events: Event[]): Promise<SqliteEventStore> {
  const store = new SqliteEventStore({ dataDir: join(root, String(dirs++)), minFreeBytes: 0 });
  open.push(store);
  for (let i = 0; i < events.length; i += 5000) await store.append(events.slice(i, i + 5000));
  return store;
}

const t = tenantId('t');
const DAY = 86_400_000;
const START = Date.UTC(2025, 0, 1);

async function hunt(options: RetroHuntOptions): Promise<{ findings: Finding[]; progress: HuntProgress[] }> {
  const progress: HuntProgress[] = [];
  const findings: Finding[] = [];
  const run = retroHunt({ ...options, onProgress: (p) => progress.push(p) });
  for await (const f of run) findings.push(f);
  return { findings, progress };
}

const pairs = (findings: readonly Finding[]): string[] =>
  findings.map((f) => `${f.rule.id} ${f.events[0]?.id}`).sort();

function evaluateAll(rules: readonly SigmaRule[], events: readonly Event[]): Finding[] {
  const set = new RuleSet(rules);
  return events.flatMap((e) => set.evaluate(e));
}

describe('retroHunt', () => {
  const whoami = rule(
    `  sel:\n    CommandLine|contains: whoami\n  filter:\n    Image|endswith: '\\cmd.exe'\n  condition: sel and not filter`,
    'product: windows, category: process_creation',
  );
  const keywords = rule(
    `  keywords:\n    - 'failed password'\n  condition: keywords`,
    'product: linux, service: sshd',
  );
  const windows = { product: 'windows', category: 'process_creation', service: 'sysmon' };
  const sshd = { product: 'linux', service: 'sshd' };
  // Three days of mixed events, a few of which the two rules match.
  const events: Event[] = Array.from({ length: 3000 }, (_, i) => {
    const e =
      i % 3 === 0
        ? testEvent(
            {
              'winlog.event_data.CommandLine': i % 97 === 0 ? 'whoami /all' : 'dir',
              'winlog.event_data.Image': i % 2 ? 'C:\\x\\cmd.exe' : 'C:\\x\\pwsh.exe',
            },
            windows,
          )
        : i % 3 === 1
          ? testEvent({ message: i % 89 === 1 ? 'Failed password for root' : 'Accepted key' }, sshd)
          : testEvent({ message: 'other' }, { product: 'cisco' });
    e.tenant = t;
    e.time = START + Math.floor((i * 3 * DAY) / 3000);
    return e;
  });
  const scope = { tenants: systemScope([t]), from: START, to: START + 3 * DAY };

  it('finds exactly what the rule engine finds on the same events, in time order', async () => {
    const store = await storeOf(events);
    const expected = evaluateAll([whoami, keywords], events);
    expect(expected.length).toBeGreaterThan(10);
    for (const groupBudget of [0, 24, Infinity]) {
      const { findings } = await hunt({
        store,
        scope,
        rules: [whoami, keywords],
        planOptions: { groupBudget },
        pageSize: 100,
      });
      expect(pairs(findings)).toEqual(pairs(expected));
      expect(findings.map((f) => f.time)).toEqual([...findings.map((f) => f.time)].sort((a, b) => a - b));
    }
  });

  it('reads only the candidates of a rule the store can narrow', async () => {
    const store = await storeOf(events);
    const plan = planHunt([whoami, keywords]);
    expect(plan.passes.map((p) => p.kind)).toEqual(['filter', 'scan']);
    const { findings, progress } = await hunt({ store, scope, rules: [whoami], pageSize: 10 });
    const last = progress[progress.length - 1]!;
    expect(last.eventsExamined).toBe(
      events.filter((e, i) => i % 3 === 0 && i % 97 === 0 && i % 2 === 0).length,
    );
    expect(last.findings).toBe(findings.length);
  });

  it('reports progress through the time range, ending at 1', async () => {
    const store = await storeOf(events);
    const { progress } = await hunt({ store, scope, rules: [whoami, keywords], pageSize: 50 });
    const fractions = progress.map((p) => p.fraction);
    expect(fractions).toEqual([...fractions].sort((a, b) => a - b));
    expect(progress.filter((p) => p.state === 'running').length).toBeGreaterThan(3);
    expect(progress[progress.length - 1]).toMatchObject({ state: 'done', fraction: 1, through: scope.to });
    expect(fractions.some((f) => f > 0.3 && f < 0.7)).toBe(true);
  });

  it('stops when aborted, and says so', async () => {
    const store = await storeOf(events);
    const controller = new AbortController();
    const progress: HuntProgress[] = [];
    const run = retroHunt({
      store,
      scope,
      rules: [keywords],
      pageSize: 20,
      signal: controller.signal,
      onProgress: (p) => {
        progress.push(p);
        if (p.eventsExamined >= 100) controller.abort();
      },
    });
    let result = await run.next();
    while (!result.done) result = await run.next();
    expect(result.value.state).toBe('aborted');
    expect(result.value.eventsExamined).toBeLessThan(150);
    expect(progress[progress.length - 1]).toMatchObject({ state: 'aborted' });
    expect(progress[progress.length - 1]!.fraction).toBeLessThan(0.5);
  });

  it('feeds every finding to the correlation hook in time order and emits what it returns', async () => {
    const store = await storeOf(events);
    const seen: number[] = [];
    const { findings } = await hunt({
      store,
      scope,
      rules: [whoami, keywords],
      correlate: (f) => {
        seen.push(f.time);
        return seen.length % 5 === 0 ? [{ ...f, kind: 'correlation', rule: { ...f.rule, id: 'five' } }] : [];
      },
    });
    expect(seen).toEqual([...seen].sort((a, b) => a - b));
    const derived = findings.filter((f) => f.kind === 'correlation');
    expect(derived.length).toBe(Math.floor(seen.length / 5));
    expect(findings.length).toBe(seen.length + derived.length);
  });

  it('keeps to the scope: other tenants and times outside the range are not read', async () => {
    const other = events.map((e) => ({ ...e, id: `${e.id}x` as Event['id'], tenant: tenantId('other') }));
    const store = await storeOf([...events, ...other]);
    const day2 = { ...scope, from: START + DAY, to: START + 2 * DAY };
    const { findings } = await hunt({ store, scope: day2, rules: [whoami, keywords] });
    const expected = evaluateAll(
      [whoami, keywords],
      events.filter((e) => e.time >= day2.from && e.time < day2.to),
    );
    expect(pairs(findings)).toEqual(pairs(expected));
  });
});

describe.skipIf(!SIGMA)('retroHunt with the SigmaHQ rules on their regression events', () => {
  it('finds, for every case, exactly the findings the rule engine finds', async () => {
    const { rules } = loadRules([`${SIGMA}/rules`]);
    const dir = `${SIGMA}/regression`;
    // In file order, a minute apart: the recorded times span years, and the store's day files are not the subject.
    const events = regressionEvents(dir).map((e, i) => ({ ...e, tenant: t, time: START + i * 60_000 }));
    const store = await storeOf(events);
    const times = events.map((e) => e.time);
    const scope = { tenants: systemScope([t]), from: Math.min(...times), to: Math.max(...times) + 1 };
    const expected = evaluateAll(rules, events);
    const cases = readFileSync(`${dir}/expected.jsonl`, 'utf8')
      .split('\n')
      .filter((l) => l.trim() !== '')
      .map((l) => JSON.parse(l) as { rule_id: string; expected_matches: number });
    for (const groupBudget of [undefined, Infinity]) {
      const started = performance.now();
      const { findings, progress } = await hunt({ store, scope, rules, planOptions: { groupBudget } });
      const last = progress[progress.length - 1]!;
      console.log(
        `budget ${groupBudget ?? 'default'}: ${findings.length} findings, ${last.eventsExamined} events examined ` +
          `in ${(performance.now() - started).toFixed(0)} ms`,
      );
      expect(last).toMatchObject({ state: 'done', fraction: 1 });
      for (const c of cases) {
        const mine = pairs(findings.filter((f) => f.rule.id === c.rule_id));
        expect(mine, c.rule_id).toEqual(pairs(expected.filter((f) => f.rule.id === c.rule_id)));
      }
      expect(pairs(findings)).toEqual(pairs(expected));
    }
    const reached = cases.filter(
      (c) => expected.filter((f) => f.rule.id === c.rule_id).length >= c.expected_matches,
    ).length;
    console.log(`${reached}/${cases.length} cases reach their expected count on normalized events`);
    expect(expected.length).toBeGreaterThan(cases.length / 2);
  }, 600_000);
});
