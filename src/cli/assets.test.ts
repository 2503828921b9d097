import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Asset } from '../triage/asset-index.js';
import { triageCliFixture, type TriageCliFixture } from './triage-test-support.js';

const CSV = [
  'name,hostnames,addresses,owner,criticality,tags',
  'dc01,dc01.acme.local,10.0.0.10,IT,5,ad;tier0',
  'ws-lab,ws-lab,10.0.9.0/24,Lab,7,lab',
  'web01,web01,10.0.1.20,Web team,3,dmz',
  '',
].join('\n');

let f: TriageCliFixture;
let file: string;
beforeEach(async () => {
  f = await triageCliFixture();
  file = join(f.dir, 'assets.csv');
  writeFileSync(file, CSV);
});
afterEach(() => f.close());

async function listed(tenant: string): Promise<Asset[]> {
  const { out } = await f.run('assets', 'list', '--tenant', tenant, '--json');
  return out
    .trim()
    .split('\n')
    .filter((l) => l !== '')
    .map((l) => JSON.parse(l) as Asset);
}

describe('yagura assets import', () => {
  it('imports the good lines, prints each bad line with its number and exits 1', async () => {
    const { out, err, code } = await f.run('assets', 'import', '--tenant', 'acme', file);
    expect(out).toBe('2 created, 0 updated, 1 line skipped\n');
    expect(err).toBe(`${file}:3: Criticality must be a whole number from 1 to 5, not 7\n`);
    expect(code).toBe(1);
    const assets = await listed('acme');
    expect(assets.map((a) => [a.name, a.criticality, a.tags, a.source])).toEqual([
      ['dc01', 5, ['ad', 'tier0'], 'import'],
      ['web01', 3, ['dmz'], 'import'],
    ]);
    expect(await listed('globex')).toEqual([]);
  });

  it('changes nothing on a dry run, and updates existing assets on a second import', async () => {
    const dry = await f.run('assets', 'import', '--tenant', 'acme', file, '--dry-run');
    expect(dry.out).toBe('2 created, 0 updated, 1 line skipped (dry run: nothing was changed)\n');
    expect(await listed('acme')).toEqual([]);

    writeFileSync(file, 'name,criticality\ndc01,4\nweb01,2\n');
    await f.run('assets', 'import', '--tenant', 'acme', file);
    writeFileSync(file, 'name,owner\ndc01,Directory team\n');
    const again = await f.run('assets', 'import', '--tenant', 'acme', file);
    expect(again).toMatchObject({ out: '0 created, 1 updated, 0 lines skipped\n', code: undefined });
    const dc = (await listed('acme')).find((a) => a.name === 'dc01');
    expect(dc).toMatchObject({ owner: 'Directory team', criticality: 4 });
  });

  it('refuses a file without a name column, an unknown tenant and a missing file', async () => {
    writeFileSync(file, 'host,owner\nx,y\n');
    const noName = await f.run('assets', 'import', '--tenant', 'acme', file);
    expect(noName.code).toBe(1);
    expect(noName.err).toContain('[REQUEST_INVALID]');
    const unknown = await f.run('assets', 'import', '--tenant', 'initech', file);
    expect(unknown.err).toContain('No tenant "initech"');
    const missing = await f.run('assets', 'import', '--tenant', 'acme', join(f.dir, 'nope.csv'));
    expect(missing.err).toContain('Cannot read');
    expect(missing.code).toBe(1);
  });
});

describe('yagura assets list', () => {
  it('prints a table by name and filters by text', async () => {
    await f.run('assets', 'import', '--tenant', 'acme', file);
    const { out, err } = await f.run('assets', 'list', '--tenant', 'acme');
    const lines = out.trim().split('\n');
    expect(lines[0]).toMatch(
      /^NAME\s+CRITICALITY\s+OWNER\s+HOSTNAMES\s+ADDRESSES\s+TAGS\s+SOURCE\s+LAST SEEN$/,
    );
    expect(lines[1]).toMatch(/^dc01\s+5\s+IT\s+dc01\.acme\.local\s+10\.0\.0\.10\s+ad;tier0\s+import\s+-$/);
    expect(lines[2]).toMatch(/^web01\s+3\s+Web team\s+/);
    expect(err).toBe('2 assets.\n');
    const found = await f.run('assets', 'list', '--tenant', 'acme', '--search', 'WEB');
    expect(
      found.out
        .trim()
        .split('\n')
        .slice(1)
        .map((l) => l.split(/\s+/)[0]),
    ).toEqual(['web01']);
  });
});
