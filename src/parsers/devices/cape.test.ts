import { describe, expect, it } from 'vitest';
import { tenantId } from '../../core/ids.js';
import { normalize } from '../../normalize/normalize.js';
import { parseText } from '../detect.js';
import type { ParseContext } from '../types.js';
import { ALERT_SCORE } from './cape.js';

const ctx: ParseContext = { receivedAt: Date.UTC(2026, 10, 27, 3), timeZone: 'UTC' };

const REPORT = {
  info: {
    id: 48213,
    started: '2026-11-27 01:02:03',
    ended: '2026-11-27 01:05:41',
    duration: 218,
    package: 'doc',
  },
  target: {
    category: 'file',
    file: {
      name: 'invoice.docm',
      size: 48213,
      sha256: 'E3B0C44298FC1C149AFBF4C8996FB92427AE41E4649B934CA495991B7852B855',
    },
  },
  malscore: 9.2,
  malstatus: 'Malicious',
  detections: [{ family: 'Emotet' }],
  signatures: [
    {
      name: 'office_macro_autoexec',
      description: 'An Office document contains an auto-executing macro',
      severity: 2,
    },
    { name: 'injection_runpe', description: 'Injected code into another process', severity: 3 },
  ],
  network: {
    hosts: [{ ip: '192.0.2.77', hostname: 'cnc.example.net' }, { ip: '2001:db8:ff::77' }],
    domains: [{ domain: 'cnc.example.net', ip: '192.0.2.77' }],
    http: [{ host: 'cnc.example.net', uri: 'http://cnc.example.net:8080/gate.php' }],
  },
  dropped: [
    { name: 'ajwe8.exe', sha256: '9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08' },
  ],
  behavior: { processes: [{ process_id: 4242, calls: [{ api: 'NtCreateFile' }] }] },
};

function parse(obj: unknown) {
  const { record } = parseText(JSON.stringify(obj), ctx);
  if (!record) throw new Error('no record');
  return record;
}

describe('cape device parser', () => {
  it('reads a CAPE report as a sandbox alert with the verdict, score, signatures and family', () => {
    const r = parse(REPORT);
    expect(r.format).toBe('json+cape');
    expect(r.logsource).toEqual({ product: 'cape', category: 'sandbox' });
    expect(r.fields).toMatchObject({
      'event.kind': 'alert',
      'event.category': ['malware'],
      'cape.verdict': 'malicious',
      'cape.score': 9.2,
      'event.severity': 3,
      'cape.signature.names': ['injection_runpe', 'office_macro_autoexec'],
      'threat.software.name': ['Emotet'],
      'file.name': 'invoice.docm',
      'file.hash.sha256': 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
      'event.duration': 218e9,
    });
    expect(String(r.fields['message'])).toContain('invoice.docm scored 9.2/10 (malicious): Injected code');
  });

  it('collects contacted IPs (IPv6 too), hosts and dropped hashes into related.*', () => {
    const r = parse(REPORT);
    expect(r.fields['related.ip']).toEqual(['192.0.2.77', '2001:db8:ff::77']);
    expect(r.fields['related.hosts']).toEqual(['cnc.example.net']);
    expect(r.fields['related.hash']).toEqual([
      '9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08',
    ]);
    expect(r.fields['cape.network.http.uri']).toEqual(['http://cnc.example.net:8080/gate.php']);
  });

  it('keeps the bulky parts of the report out of the fields (the raw text has them)', () => {
    const r = parse(REPORT);
    expect(Object.keys(r.fields).some((k) => k.startsWith('behavior') || k === 'signatures')).toBe(false);
  });

  it(`calls a Cuckoo report scoring under ${ALERT_SCORE} an event, not an alert`, () => {
    const r = parse({
      info: { id: 7, score: 2.4, started: 1795741500, ended: 1795741620 },
      target: { category: 'file', file: { name: 'putty.exe' } },
      network: { hosts: ['203.0.113.9'] },
    });
    expect(r.fields).toMatchObject({
      'event.kind': 'event',
      'cape.verdict': 'clean',
      'observer.product': 'Cuckoo Sandbox',
      'related.ip': ['203.0.113.9'],
    });
    expect(new Date(r.time!).toISOString()).toBe('2026-11-27T01:07:00.000Z');
  });

  it('reads an object handed over already decoded (POST /api/ingest with JSON) the same way', () => {
    const e = normalize(
      { tenant: tenantId('t'), input: 'http', receivedAt: ctx.receivedAt, text: '', object: REPORT },
      ctx,
    );
    expect(e.logsource).toEqual({ product: 'cape', category: 'sandbox' });
    expect(e.fields['cape.verdict']).toBe('malicious');
  });

  it('claims no JSON without a sandbox score', () => {
    expect(parse({ target: { category: 'file' }, info: { id: 1 } }).format).toBe('json');
  });
});
