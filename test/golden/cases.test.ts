// Golden cases as data: cases/<device>/<name>.log holds raw lines, <name>.expected.jsonl the Event each becomes.
// Optional <name>.config.json: { "timeZone": "Asia/Tokyo", "receivedAt": "2026-03-01T00:00:00Z" }.
// YAGURA_UPDATE_GOLDEN=1 rewrites the expected files from today's output: review the diff before committing it.
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Event } from '../../src/core/event.js';
import { normalizeLine } from './fixtures.js';

const root = join(import.meta.dirname, 'cases');
const update = process.env.YAGURA_UPDATE_GOLDEN === '1';

interface CaseConfig {
  timeZone?: string;
  receivedAt?: string;
}

/** The parts of an Event a golden file pins: everything but the id, tenant, receipt and input. */
export function goldenView(event: Event): Record<string, unknown> {
  const view: Record<string, unknown> = {
    '@timestamp': new Date(event.time).toISOString(),
    logsource: event.logsource,
    fields: Object.fromEntries(Object.entries(event.fields).sort(([a], [b]) => a.localeCompare(b))),
  };
  if (event.tags) view.tags = event.tags;
  return view;
}

const cases = readdirSync(root, { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .flatMap((d) =>
    readdirSync(join(root, d.name))
      .filter((f) => f.endsWith('.log'))
      .map((f) => ({ device: d.name, name: f.slice(0, -4), dir: join(root, d.name) })),
  );

describe('golden cases', () => {
  it.each(cases.map((c) => [`${c.device}/${c.name}`, c] as const))('%s', (_label, c) => {
    const base = join(c.dir, c.name);
    const config: CaseConfig = existsSync(`${base}.config.json`)
      ? (JSON.parse(readFileSync(`${base}.config.json`, 'utf8')) as CaseConfig)
      : {};
    const receivedAt = Date.parse(config.receivedAt ?? '2026-01-01T00:00:00Z');
    const lines = readFileSync(`${base}.log`, 'utf8')
      .split('\n')
      .filter((l) => l.length > 0);
    const got = lines.map((line) => goldenView(normalizeLine(line, receivedAt, config.timeZone)));
    if (update) {
      writeFileSync(`${base}.expected.jsonl`, got.map((g) => JSON.stringify(g)).join('\n') + '\n');
      return;
    }
    const want = readFileSync(`${base}.expected.jsonl`, 'utf8')
      .split('\n')
      .filter((l) => l.length > 0)
      .map((l) => JSON.parse(l) as unknown);
    expect(got.length).toBe(want.length);
    got.forEach((g, i) => expect(g, `line ${i + 1}: ${lines[i]}`).toEqual(want[i]));
  });
});
