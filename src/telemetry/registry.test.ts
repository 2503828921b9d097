import { describe, expect, it } from 'vitest';
import { Registry } from './registry.js';
import { parseExposition } from './parse-exposition.js';

describe('Registry', () => {
  it('renders counters per label set with HELP and TYPE lines', async () => {
    const r = new Registry();
    const c = r.counter('things_total', 'Things seen.', ['kind']);
    c.inc({ kind: 'a' });
    c.inc({ kind: 'a' }, 2);
    c.inc({ kind: 'b' }, 5);
    const text = await r.render();
    expect(text).toContain('# HELP things_total Things seen.\n# TYPE things_total counter\n');
    const parsed = parseExposition(text);
    expect(parsed.samples).toEqual([
      { name: 'things_total', labels: { kind: 'a' }, value: 3 },
      { name: 'things_total', labels: { kind: 'b' }, value: 5 },
    ]);
  });

  it('shows an unlabelled counter as 0 before its first increment', async () => {
    const r = new Registry();
    r.counter('idle_total', 'Nothing yet.');
    expect(await r.render()).toContain('\nidle_total 0\n');
  });

  it('escapes quotes, backslashes and newlines in label values so the text still parses', async () => {
    const r = new Registry();
    r.counter('odd_total', 'Odd labels.', ['reason']).inc({ reason: 'say "hi"\\\nbye' });
    const text = await r.render();
    expect(text).toContain('odd_total{reason="say \\"hi\\"\\\\\\nbye"} 1');
    expect(parseExposition(text).samples[0]?.labels).toEqual({ reason: 'say "hi"\\\nbye' });
  });

  it('refuses a counter decrement and a missing label', () => {
    const c = new Registry().counter('x_total', 'x', ['input']);
    expect(() => c.inc({ input: 'a' }, -1)).toThrow(RangeError);
    expect(() => c.inc({})).toThrow(/needs the label "input"/);
  });

  it('computes gauges on scrape through their callback, labelled or not', async () => {
    const r = new Registry();
    let depth = 7;
    r.gauge('depth', 'Queue depth.', [], () => depth);
    r.gauge('per_input', 'Per input.', ['input'], async () => [
      { labels: { input: 'syslog' }, value: 1 },
      { labels: { input: 'hec' }, value: 2 },
    ]);
    expect(parseExposition(await r.render()).samples.find((s) => s.name === 'depth')?.value).toBe(7);
    depth = 9;
    const samples = parseExposition(await r.render()).samples;
    expect(samples.find((s) => s.name === 'depth')?.value).toBe(9);
    expect(samples.filter((s) => s.name === 'per_input').map((s) => [s.labels['input'], s.value])).toEqual([
      ['syslog', 1],
      ['hec', 2],
    ]);
  });

  it('skips a gauge whose callback throws but still renders the others', async () => {
    const r = new Registry();
    r.gauge('broken', 'Fails.', [], () => {
      throw new Error('nope');
    });
    r.counter('ok_total', 'Fine.').inc();
    const text = await r.render();
    expect(text).not.toContain('broken');
    expect(text).toContain('ok_total 1');
  });

  it('renders histograms with cumulative buckets, +Inf, sum and count', async () => {
    const r = new Registry();
    const h = r.histogram('latency_seconds', 'Latency.', ['op'], [0.1, 1, 0.5]);
    for (const v of [0.05, 0.2, 0.7, 3]) h.observe({ op: 'w' }, v);
    const samples = parseExposition(await r.render()).samples;
    const buckets = samples
      .filter((s) => s.name === 'latency_seconds_bucket')
      .map((s) => [s.labels['le'], s.value]);
    expect(buckets).toEqual([
      ['0.1', 1],
      ['0.5', 2],
      ['1', 3],
      ['+Inf', 4],
    ]);
    expect(samples.find((s) => s.name === 'latency_seconds_sum')?.value).toBeCloseTo(3.95);
    expect(samples.find((s) => s.name === 'latency_seconds_count')?.value).toBe(4);
  });

  it('rejects invalid and duplicate metric names', () => {
    const r = new Registry();
    expect(() => r.counter('bad-name', 'x')).toThrow(/Invalid metric name/);
    r.counter('dup_total', 'x');
    expect(() => r.counter('dup_total', 'x')).toThrow(/already registered/);
  });
});

describe('parseExposition', () => {
  it('names the line that is not "name{labels} value"', () => {
    expect(() => parseExposition('# TYPE a counter\na 1\nthis is wrong\n')).toThrow(/line 3/);
  });
});
