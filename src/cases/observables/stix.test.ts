import { describe, expect, it } from 'vitest';
import { importStix } from '../../detect/intel/stix.js';
import { parseStixPattern } from '../../detect/intel/stix-pattern.js';
import { observable, type Observable } from './observable.js';
import type { Tlp } from '../incident-model.js';
import { stixPattern, stixString, toStixBundle } from './stix.js';

const NOW = Date.UTC(2025, 10, 28, 10, 0, 0);

const observables: Observable[] = [
  observable('ip', '198.51.100.7'),
  observable('ip', '2001:db8::bad:1'),
  observable('domain', 'login.evil.example'),
  observable('url', 'https://login.evil.example/ja/verify.php?id=8812'),
  observable('md5', '44d88612fea8a8f36de82e1278abb02f'),
  observable('sha1', 'aaf4c61ddcc5e8a2dabede0f3b482cd9aea9434d'),
  observable('sha256', '275a021bbfb6489e54d471899f7db9d1663fc695ec2fe2a2c4538aabf651fd0f'),
  observable('email', 'support@evil.example'),
  observable('user', 'CORP\\t.yamada'),
  observable('file_path', "C:\\Users\\O'Brien\\AppData\\Local\\Temp\\upd.exe"),
  observable('registry_key', 'HKLM\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Run'),
  observable('host', 'ws-042'),
];

describe('stixPattern', () => {
  it('writes the STIX 2.1 pattern of each type, hashes under their STIX names', () => {
    expect(observables.map(stixPattern)).toEqual([
      "[ipv4-addr:value = '198.51.100.7']",
      "[ipv6-addr:value = '2001:db8::bad:1']",
      "[domain-name:value = 'login.evil.example']",
      "[url:value = 'https://login.evil.example/ja/verify.php?id=8812']",
      "[file:hashes.MD5 = '44d88612fea8a8f36de82e1278abb02f']",
      "[file:hashes.'SHA-1' = 'aaf4c61ddcc5e8a2dabede0f3b482cd9aea9434d']",
      "[file:hashes.'SHA-256' = '275a021bbfb6489e54d471899f7db9d1663fc695ec2fe2a2c4538aabf651fd0f']",
      "[email-addr:value = 'support@evil.example']",
      "[user-account:user_id = 'CORP\\\\t.yamada']",
      "[file:name = 'upd.exe' AND file:parent_directory_ref.path = 'C:\\\\Users\\\\O\\'Brien\\\\AppData\\\\Local\\\\Temp']",
      "[windows-registry-key:key = 'HKEY_LOCAL_MACHINE\\\\SOFTWARE\\\\Microsoft\\\\Windows\\\\CurrentVersion\\\\Run']",
      undefined,
    ]);
  });

  it('escapes quotes and backslashes so the project STIX parser reads the value back unchanged', () => {
    const value = "C:\\a'b\\";
    const tree = parseStixPattern(`[file:name = ${stixString(value)}]`);
    expect(tree).toMatchObject({ kind: 'observation', comparison: { values: [value] } });
  });

  it('names a folder alone as a directory and a Unix file by its name and folder', () => {
    expect(stixPattern(observable('file_path', '/tmp/.x/'))).toBe("[directory:path = '/tmp/.x']");
    expect(stixPattern(observable('file_path', '/dev/shm/kworker'))).toBe(
      "[file:name = 'kworker' AND file:parent_directory_ref.path = '/dev/shm']",
    );
  });
});

describe('toStixBundle', () => {
  const bundle = toStixBundle(observables, {
    now: NOW,
    incidentTitle: 'フィッシング被害 2025-11',
    createdBy: 'Example CSIRT',
    idScope: 'INC-2025-0042',
  });
  const indicators = bundle.objects.filter((o) => o.type === 'indicator');
  const marked = toStixBundle(observables, {
    now: NOW,
    createdBy: 'Example CSIRT',
    idScope: 'INC-2025-0042',
    tlp: 'amber+strict',
  });

  it('holds an identity and one STIX 2.1 indicator per observable but the host', () => {
    expect(bundle.type).toBe('bundle');
    expect(bundle.objects[0]).toMatchObject({
      type: 'identity',
      name: 'Example CSIRT',
      identity_class: 'organization',
    });
    expect(indicators).toHaveLength(observables.length - 1);
    expect(indicators[0]).toEqual({
      type: 'indicator',
      spec_version: '2.1',
      id: expect.stringMatching(
        /^indicator--[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
      ),
      created: '2025-11-28T10:00:00.000Z',
      modified: '2025-11-28T10:00:00.000Z',
      name: 'IP address: 198.51.100.7',
      description: 'Observed in incident: フィッシング被害 2025-11',
      pattern: "[ipv4-addr:value = '198.51.100.7']",
      pattern_type: 'stix',
      pattern_version: '2.1',
      valid_from: '2025-11-28T10:00:00.000Z',
      created_by_ref: bundle.objects[0]?.id,
    });
  });

  it('gives the same ids for the same incident and other ids for another one', () => {
    const again = toStixBundle(observables, { now: NOW + 60_000, idScope: 'INC-2025-0042' });
    const other = toStixBundle(observables, { now: NOW, idScope: 'INC-2025-0043' });
    const ids = (b: typeof bundle): string[] =>
      b.objects.filter((o) => o.type === 'indicator').map((o) => o.id);
    expect(ids(again)).toEqual(ids(bundle));
    expect(ids(other).some((id) => ids(bundle).includes(id))).toBe(false);
    expect(new Set(ids(bundle)).size).toBe(indicators.length);
  });

  it('is read back by the project STIX importer: addresses, domain, URL, hashes and e-mail, with the producer', () => {
    const result = importStix(JSON.parse(JSON.stringify(bundle)));
    expect(result.indicators.map((i) => `${i.type} ${i.value}`)).toEqual([
      'ipv4 198.51.100.7',
      'ipv6 2001:db8::bad:1',
      'domain login.evil.example',
      'url https://login.evil.example/ja/verify.php?id=8812',
      'md5 44d88612fea8a8f36de82e1278abb02f',
      'sha1 aaf4c61ddcc5e8a2dabede0f3b482cd9aea9434d',
      'sha256 275a021bbfb6489e54d471899f7db9d1663fc695ec2fe2a2c4538aabf651fd0f',
      'email support@evil.example',
    ]);
    expect(result.indicators[0]).toMatchObject({ validFrom: NOW, ref: indicators[0]?.id });
    expect(result.producer).toBe('Example CSIRT');
    // Users, files and registry keys are valid STIX the importer does not match events on: it says so, it does not fail.
    expect(result.problems.map((p) => p.reason)).toEqual([
      'user-account:user_id is not a property indicators are matched on',
      'AND-combined comparisons cannot be matched on one field',
      'windows-registry-key:key is not a property indicators are matched on',
    ]);
  });

  it('is read back by the project STIX importer when it carries a TLP marking', () => {
    const plain = importStix(JSON.parse(JSON.stringify(bundle)));
    const result = importStix(JSON.parse(JSON.stringify(marked)));
    expect(result.indicators.map((i) => `${i.type} ${i.value}`)).toEqual(
      plain.indicators.map((i) => `${i.type} ${i.value}`),
    );
    expect(result.indicators).toHaveLength(8);
    expect(result.producer).toBe('Example CSIRT');
    expect(result.problems.map((p) => p.reason)).toEqual(plain.problems.map((p) => p.reason));
  });

  it('gives an empty bundle for no observables', () => {
    expect(toStixBundle([], { now: NOW }).objects).toEqual([]);
  });
});

describe('toStixBundle TLP marking', () => {
  // The ids and objects OASIS publishes for TLP 2.0 (cti-stix-common-objects, extension-definition-specifications/
  // tlp-2.0): a consumer recognises the label by these ids, so they are compared here literally.
  const PUBLISHED: [Tlp, string, string][] = [
    ['clear', 'marking-definition--94868c89-83c2-464b-929b-a1a8aa3c8487', 'TLP:CLEAR'],
    ['green', 'marking-definition--bab4a63c-aed9-4cf5-a766-dfca5abac2bb', 'TLP:GREEN'],
    ['amber', 'marking-definition--55d920b0-5e8b-4f79-9ee9-91f868d9b421', 'TLP:AMBER'],
    ['amber+strict', 'marking-definition--939a9414-2ddd-4d32-a0cd-375ea402b003', 'TLP:AMBER+STRICT'],
    ['red', 'marking-definition--e828b379-4e03-4974-9ac4-e53a884c97c1', 'TLP:RED'],
  ];

  it.each(PUBLISHED)('marks %s with the published marking definition %s', (tlp, id, name) => {
    const bundle = toStixBundle(observables, { now: NOW, idScope: 'INC-2025-0042', tlp });
    const markings = bundle.objects.filter((o) => o.type === 'marking-definition');
    expect(markings).toEqual([
      {
        type: 'marking-definition',
        spec_version: '2.1',
        id,
        created: '2022-10-01T00:00:00.000Z',
        name,
        extensions: {
          'extension-definition--60a3c5c5-0d10-413e-aab3-9e08dde9e88d': {
            extension_type: 'property-extension',
            tlp_2_0: tlp,
          },
        },
      },
    ]);
    const indicators = bundle.objects.filter((o) => o.type === 'indicator');
    expect(indicators).toHaveLength(observables.length - 1);
    for (const indicator of indicators) expect(indicator['object_marking_refs']).toEqual([id]);
  });

  it('keeps the indicator ids of the unmarked export and marks nothing without a label', () => {
    const plain = toStixBundle(observables, { now: NOW, idScope: 'INC-2025-0042' });
    const red = toStixBundle(observables, { now: NOW, idScope: 'INC-2025-0042', tlp: 'red' });
    const ids = (b: typeof plain): string[] =>
      b.objects.filter((o) => o.type === 'indicator').map((o) => o.id);
    expect(ids(red)).toEqual(ids(plain));
    expect(plain.objects.some((o) => o.type === 'marking-definition' || 'object_marking_refs' in o)).toBe(
      false,
    );
  });

  it('marks an empty export too, and refuses a label that is not TLP 2.0', () => {
    expect(toStixBundle([], { now: NOW, tlp: 'green' }).objects.map((o) => o.type)).toEqual([
      'marking-definition',
    ]);
    expect(() => toStixBundle(observables, { now: NOW, tlp: 'white' as Tlp })).toThrow(
      expect.objectContaining({ code: 'REQUEST_INVALID' }),
    );
  });
});
