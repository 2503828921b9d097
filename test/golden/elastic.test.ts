// Yagura's Events against the ECS documents Elastic's own pipelines make from the same lines, format by format.
// Each format is one file in elastic/: which fixture, how Elastic's test ran, and our deliberate differences.
import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { compareFixture, SAMPLES, type ElasticFixture } from './fixtures.js';

const dir = new URL('./elastic/', import.meta.url);
const files = readdirSync(dir)
  .filter((f) => f.endsWith('.ts'))
  .sort();
const fixtures: ElasticFixture[] = [];
for (const file of files) {
  const mod = (await import(new URL(file, dir).href)) as { fixture: ElasticFixture };
  fixtures.push(mod.fixture);
}

describe.skipIf(!SAMPLES)('agreement with Elastic fixtures', () => {
  it.each(fixtures.map((f) => [f.name, f] as const))('%s', (_name, fixture) => {
    const a = compareFixture(fixture);
    const ratio = a.compared ? a.agreed / a.compared : 0;
    const lines = [
      `golden ${fixture.name}: ${a.agreed}/${a.compared} fields agree (${(ratio * 100).toFixed(1)}%)`,
      ...a.mismatches.map((m) => `  differs: ${m}`),
      ...[...a.skipped].map(([field, reason]) => `  not compared: ${field} (${reason})`),
    ];
    console.log(lines.join('\n'));
    expect(a.compared).toBeGreaterThan(0);
    expect(ratio).toBeGreaterThanOrEqual(fixture.minimum ?? 0.95);
  });
});
