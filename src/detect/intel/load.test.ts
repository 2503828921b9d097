import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { detectFormat, loadIndicatorFile } from './load.js';

const fixtures = fileURLToPath(new URL('./fixtures/', import.meta.url));
const scratch = mkdtempSync(join(tmpdir(), 'yagura-intel-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function scratchFile(name: string, text: string): string {
  const path = join(scratch, name);
  writeFileSync(path, text);
  return path;
}

describe('loadIndicatorFile', () => {
  it('tells a STIX bundle from its content and names the set after the file and its producer', async () => {
    const loaded = await loadIndicatorFile(join(fixtures, 'stix-bundle.json'), { importedAt: 1 });
    expect(loaded.format).toBe('stix');
    expect(loaded.set).toMatchObject({
      id: 'stix-bundle',
      name: 'stix-bundle',
      source: 'Example CERT',
      importedAt: 1,
    });
    expect(loaded.set.indicators).toHaveLength(8);
    expect(loaded.problems).toHaveLength(4);
    expect(loaded.skipped).toBe(1);
  });

  it('tells a MISP event and a CSV file from their content', async () => {
    const misp = await loadIndicatorFile(join(fixtures, 'misp-event.json'));
    expect(misp.format).toBe('misp');
    expect(misp.set.indicators).toHaveLength(9);
    const csv = await loadIndicatorFile(join(fixtures, 'indicators.csv'), {
      id: 'local',
      defaultTtlMs: 3_600_000,
    });
    expect(csv.format).toBe('csv');
    expect(csv.set).toMatchObject({ id: 'local', source: 'indicators.csv', defaultTtlMs: 3_600_000 });
    const list = await loadIndicatorFile(join(fixtures, 'blocklist.txt'));
    expect(list.set.indicators).toHaveLength(6);
  });

  it('loads a MISP feed folder through its manifest, reporting a listed event that is missing', async () => {
    const feed = await loadIndicatorFile(join(fixtures, 'misp-feed'));
    expect(feed.format).toBe('misp');
    expect(feed.set).toMatchObject({ id: 'misp-feed', source: 'Example CERT' });
    expect(feed.set.indicators.map((i) => i.value)).toContain('203.0.113.0/24');
    expect(feed.set.indicators).toHaveLength(10);
    const missing = feed.problems.filter((p) => p.file === '7b3f5e4c-9d0a-4ebf-82d3-e4f5a6b7c8d9.json');
    expect(missing).toHaveLength(1);
    expect(missing[0]?.reason).toMatch(/cannot be read/);
    expect(feed.problems.filter((p) => p.file === '5f1d3c2a-7b8e-4c9d-a0b1-c2d3e4f5a6b7.json')).toHaveLength(
      2,
    );
    const viaManifest = await loadIndicatorFile(join(fixtures, 'misp-feed', 'manifest.json'));
    expect(viaManifest.set.indicators).toHaveLength(10);
  });

  it('honours a forced format', async () => {
    const path = scratchFile('odd.json', 'value\nevil.example\n');
    expect((await loadIndicatorFile(path, { format: 'csv' })).set.indicators).toEqual([
      { type: 'domain', value: 'evil.example' },
    ]);
  });

  it('throws FILE_UNREADABLE for a missing file and INTEL_INVALID for JSON in no known shape', async () => {
    await expect(loadIndicatorFile(join(scratch, 'nope.csv'))).rejects.toMatchObject({
      code: 'FILE_UNREADABLE',
    });
    const other = scratchFile('other.json', '{"hello": "world"}');
    await expect(loadIndicatorFile(other)).rejects.toMatchObject({ code: 'INTEL_INVALID' });
    const broken = scratchFile('broken.json', '{"type": "bundle", ');
    await expect(loadIndicatorFile(broken)).rejects.toMatchObject({ code: 'INTEL_INVALID' });
    const notStix = scratchFile('not-stix.json', '{"Event": {}}');
    await expect(loadIndicatorFile(notStix, { format: 'stix' })).rejects.toMatchObject({
      code: 'INTEL_INVALID',
    });
  });
});

describe('detectFormat', () => {
  it('reads JSON with "objects" as STIX, with "Event" as MISP, and anything else as CSV', () => {
    expect(detectFormat('{"type":"bundle","objects":[]}')).toBe('stix');
    expect(detectFormat('[{"type":"indicator"}]')).toBe('stix');
    expect(detectFormat('{"response":[{"Event":{}}]}')).toBe('misp');
    expect(detectFormat('type,value\nip,1.2.3.4')).toBe('csv');
    expect(detectFormat('1.2.3.4\n')).toBe('csv');
  });
});
