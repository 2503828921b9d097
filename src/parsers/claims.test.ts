import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { parseText } from './detect.js';
import { fortigate } from './devices/fortigate.js';
import { iptables } from './devices/iptables.js';
import type { ParseContext, ParsedRecord } from './types.js';

const ctx: ParseContext = { receivedAt: Date.UTC(2025, 10, 28, 18), timeZone: 'UTC' };
const tokyo: ParseContext = { receivedAt: Date.UTC(2025, 10, 28, 18), timeZone: 'Asia/Tokyo' };

const SAMPLES = [
  resolve(import.meta.dirname, '../../../shared/samples/logs'),
  '/work/shared/samples/logs',
].find((p) => existsSync(p));
const CASES = resolve(import.meta.dirname, '../../test/golden/cases');

function filesUnder(dir: string | undefined): string[] {
  if (!dir || !existsSync(dir)) return [];
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return filesUnder(path);
    return name.endsWith('.log') ? [path] : [];
  });
}

/** Every raw line of the device fixtures (Elastic's samples and the golden cases). */
const fixtureLines = [...filesUnder(SAMPLES), ...filesUnder(CASES)].flatMap((f) =>
  readFileSync(f, 'utf8')
    .split('\n')
    .filter((l) => l.length > 0),
);

/** The record the shortcut gives, and the one the step-by-step (explained) generic path gives. */
function bothPaths(line: string, c: ParseContext = ctx): [ParsedRecord | null, ParsedRecord | null] {
  return [parseText(line, c).record, parseText(line, c, { explain: true }).record];
}

function expectSame(line: string, c: ParseContext = ctx): void {
  const [fast, generic] = bothPaths(line, c);
  expect(fast, line).toStrictEqual(generic);
  if (fast && generic) expect(Object.keys(fast.fields), line).toEqual(Object.keys(generic.fields));
}

const UFW =
  '<4>Nov 28 17:13:20 fw01 kernel: [123456.789012] [UFW BLOCK] IN=eth0 OUT= MAC=52:54:00:12:34:56:52:54:00:ab:cd:ef:08:00 SRC=185.220.101.4 DST=10.0.2.15 LEN=60 TOS=0x00 PREC=0x00 TTL=51 ID=40213 DF PROTO=TCP SPT=44321 DPT=22 WINDOW=29200 RES=0x00 SYN URGP=0';
const FORTIGATE =
  '<189>Nov 28 17:13:20 fw fortigate: date=2025-11-28 time=17:13:20 devname="FGT60E" devid="FGT60E4Q17000000" logid="0000000013" type="traffic" subtype="forward" level="notice" vd="root" srcip=10.1.38.114 srcport=31342 srcintf="port1" dstip=203.50.25.167 dstport=80 dstintf="wan1" sessionid=12517517 proto=6 action="close" policyid=16 service="tcp/80" duration=171 sentbyte=426256 rcvdbyte=8147806';

describe('device claims', () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it('give the same record as the generic path for every device fixture line', () => {
    expect(fixtureLines.length).toBeGreaterThan(500);
    for (const line of fixtureLines) {
      expectSame(line);
      expectSame(line, tokyo);
    }
  });

  it('take the kernel LOG and FortiGate lines of the load corpus shape', () => {
    const ipt = vi.spyOn(iptables, 'claim');
    const fgt = vi.spyOn(fortigate, 'claim');
    expect(parseText(UFW, ctx).record?.format).toBe('rfc3164+kv+iptables');
    expect(parseText(FORTIGATE, ctx).record?.format).toBe('rfc3164+kv+fortigate');
    expect(ipt.mock.results.some((r) => r.value !== null)).toBe(true);
    expect(fgt.mock.results.some((r) => r.value !== null)).toBe(true);
  });

  it('are not used for an explained parse, which shows each step', () => {
    const ipt = vi.spyOn(iptables, 'claim');
    const out = parseText(UFW, ctx, { explain: true });
    expect(ipt).not.toHaveBeenCalled();
    expect(out.explanation.some((n) => n.startsWith('kv:'))).toBe(true);
  });

  it.each([
    ['a quoted value', UFW.replace('[UFW BLOCK]', '[UFW "BLOCK"]')],
    ['a tab between pairs', UFW.replace(' DST=', '\tDST=')],
    ['a lower-case key', UFW.replace(' LEN=60', ' len=60')],
    [
      'a lower-case FortiOS key among the kernel ones',
      UFW.replace(' LEN=60', ' logid=0000000013 type=traffic vd=root'),
    ],
    ['the Check Point keys loguid and origin', UFW.replace(' LEN=60', ' loguid=1 origin=10.0.0.1')],
    ['a Cisco code in the message', UFW.replace('[UFW BLOCK]', '%ASA-4-106023:')],
    ['no SRC key', UFW.replace(' SRC=', ' SOURCE=')],
    ['a key=value prefix', UFW.replace('[UFW BLOCK]', 'X=1')],
    ['the prefix as the syslog tag', UFW.replace('kernel: [123456.789012] [UFW BLOCK]', 'DENY:')],
    [
      'an ICMP error with the offending packet in brackets',
      UFW.replace('SYN URGP=0', '[SRC=10.0.2.15 DST=1.2.3.4 LEN=40]'),
    ],
  ])('leave a kernel line with %s to a path that gives the same record', (_what, line) => {
    expectSame(line);
  });

  it.each([
    ['a repeated key', FORTIGATE.replace('level="notice"', 'level="notice" level="warning"')],
    ['a dotted ECS key', FORTIGATE.replace('level="notice"', 'level="notice" source.ip=10.9.9.9')],
    ['a FortiSandbox serial', FORTIGATE.replace('FGT60E4Q17000000', 'FSA1000D00000000')],
    ['no devid and no vd', FORTIGATE.replace(' devid="FGT60E4Q17000000"', '').replace(' vd="root"', '')],
    ['no logid', FORTIGATE.replace(' logid="0000000013"', '')],
    ['an escaped quote', FORTIGATE.replace('srcintf="port1"', 'srcintf="po\\"rt1"')],
    ['a time zone', FORTIGATE.replace('level="notice"', 'level="notice" tz="+0900"')],
    [
      'an event log with a login',
      FORTIGATE.replace(
        'type="traffic" subtype="forward"',
        'type="event" subtype="system" action="login" user="admin" status="success"',
      ),
    ],
    ['N/A and empty values', FORTIGATE.replace('srcintf="port1"', 'srcintf="N/A" dstname=""')],
  ])('leave a FortiGate line with %s to a path that gives the same record', (_what, line) => {
    expectSame(line);
    expectSame(line, tokyo);
  });
});
