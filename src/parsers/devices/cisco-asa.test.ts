import { describe, expect, it } from 'vitest';
import { parseText } from '../detect.js';
import type { ParseContext } from '../types.js';
import { ciscoAsa } from './cisco-asa.js';

const ctx: ParseContext = { receivedAt: Date.UTC(2025, 10, 28, 18), timeZone: 'UTC' };
const parse = (line: string) => {
  const r = parseText(line, ctx).record;
  if (!r) throw new Error(`no record for ${line}`);
  return r;
};

describe('cisco-asa', () => {
  it('reads the code from the syslog tag and drops the tag as a program name', () => {
    const r = parse(
      '<166>Nov 28 17:13:20 fw01 %ASA-6-302013: Built outbound TCP connection 912004 for outside:93.184.216.34/443 (93.184.216.34/443) to inside:10.1.4.22/53844 (203.0.113.9/53844)',
    );
    expect(r.format).toBe('rfc3164+cisco-asa');
    expect(r.logsource).toEqual({ product: 'cisco', category: 'firewall' });
    expect(r.fields['process.name']).toBeUndefined();
    expect(r.fields).toMatchObject({
      'event.code': '302013',
      'cisco.asa.message_id': '302013',
      'event.severity': 6,
      'log.level': 'informational',
      'observer.vendor': 'Cisco',
      'observer.product': 'asa',
      'observer.hostname': 'fw01',
      message: expect.stringMatching(/^Built outbound TCP/),
    });
  });

  it('makes the inside host the source of an outbound connection, with its NAT address', () => {
    const r = parse(
      '<166>Nov 28 2025 17:13:20 fw01 : %ASA-6-302013: Built outbound TCP connection 912004 for outside:93.184.216.34/443 (93.184.216.34/443) to inside:10.1.4.22/53844 (203.0.113.9/53844)',
    );
    expect(r.fields).toMatchObject({
      'source.ip': '10.1.4.22',
      'source.port': 53844,
      'source.nat.ip': '203.0.113.9',
      'destination.ip': '93.184.216.34',
      'destination.port': 443,
      'observer.ingress.interface.name': 'inside',
      'observer.egress.interface.name': 'outside',
      'network.direction': 'outbound',
      'network.transport': 'tcp',
      'network.iana_number': '6',
      'event.type': ['connection', 'start'],
      'event.action': 'flow-creation',
    });
    expect(r.fields['source.nat.port']).toBeUndefined();
  });

  it('keeps the outside host as the source of an inbound connection and fills destination.nat', () => {
    const r = parse(
      '<166>Nov 28 2025 17:13:20 fw01 : %ASA-6-302013: Built inbound TCP connection 4816237 for outside:198.51.100.23/51522 (198.51.100.23/51522) to dmz:10.20.0.15/443 (203.0.113.15/443)',
    );
    expect(r.fields).toMatchObject({
      'source.ip': '198.51.100.23',
      'destination.ip': '10.20.0.15',
      'destination.nat.ip': '203.0.113.15',
      'observer.egress.interface.name': 'dmz',
    });
  });

  it('turns a teardown duration into event.duration, start and end', () => {
    const r = parse(
      '<166>Nov 28 2025 17:14:22 fw01 : %ASA-6-302014: Teardown TCP connection 912010 for outside:93.184.216.34/443 to inside:10.1.4.22/53850 duration 1:00:05 bytes 5123 TCP Reset-O from inside (LOCAL\\jdoe)',
    );
    expect(r.fields).toMatchObject({
      'network.bytes': 5123,
      'event.reason': 'TCP Reset-O',
      'cisco.asa.termination_initiator': 'inside',
      'cisco.asa.termination_user': 'LOCAL\\jdoe',
      'event.duration': 3605e9,
      'event.end': '2025-11-28T17:14:22.000Z',
      'event.start': '2025-11-28T16:14:17.000Z',
      'event.type': ['connection', 'end'],
    });
  });

  it('reads IPv6 addresses after an interface name', () => {
    const r = parse(
      '<166>Nov 28 2025 17:14:24 fw01 : %ASA-6-302016: Teardown UDP connection 913000 for outside:2001:db8::53/53 to inside:2001:db8:1::22/61001 duration 0:00:01 bytes 96',
    );
    expect(r.fields).toMatchObject({
      'source.ip': '2001:db8::53',
      'source.port': 53,
      'destination.ip': '2001:db8:1::22',
      'cisco.asa.source_interface': 'outside',
    });
  });

  it('puts a translation into source.nat, not into destination', () => {
    const r = parse(
      '<166>Nov 28 2025 17:14:29 fw01 : %ASA-6-305011: Built dynamic TCP translation from inside:10.1.4.22/53844 to outside:203.0.113.9/1024',
    );
    expect(r.fields).toMatchObject({
      'source.ip': '10.1.4.22',
      'source.nat.ip': '203.0.113.9',
      'source.nat.port': 1024,
      'event.action': 'nat-slot',
    });
    expect(r.fields['destination.ip']).toBeUndefined();
  });

  it('reads an access-group deny with a protocol number, an ICMP type and an identity user', () => {
    expect(
      parse(
        '<164>Nov 28 2025 17:20:03 fw01 : %ASA-4-106023: Deny protocol 47 src outside:198.51.100.9 dst inside:10.1.1.1 by access-group "outside_access_in" [0x0, 0x0]',
      ).fields,
    ).toMatchObject({
      'network.iana_number': '47',
      'network.transport': 'gre',
      'cisco.asa.rule_name': 'outside_access_in',
      'event.type': ['connection', 'denied'],
      'event.outcome': 'failure',
    });
    expect(
      parse(
        '<164>Nov 28 2025 17:20:02 fw01 : %ASA-4-106023: Deny icmp src outside:198.51.100.9 dst inside:10.1.1.10 (type 8, code 0) by access-group "outside_access_in" [0x0, 0x0]',
      ).fields,
    ).toMatchObject({ 'cisco.asa.icmp_type': 8, 'cisco.asa.icmp_code': 0, 'destination.ip': '10.1.1.10' });
    expect(
      parse(
        '<164>Nov 28 2025 17:20:04 fw01 : %ASA-4-106023: Deny tcp src inside:10.1.4.22/50123(CORP\\jdoe) dst outside:203.0.113.200/445 by access-group "inside_access_in" [0x0, 0x0]',
      ).fields,
    ).toMatchObject({ 'source.user.name': 'jdoe', 'source.user.domain': 'CORP', 'user.name': 'jdoe' });
  });

  it('categorizes 106100 by its permitted or denied word', () => {
    const denied = parse(
      '<166>Nov 28 2025 17:20:11 fw01 : %ASA-6-106100: access-list inside_access_in denied tcp inside/10.1.4.22(50124) -> outside/203.0.113.201(23) hit-cnt 1 first hit [0x3c2a7b90, 0x0]',
    );
    expect(denied.fields).toMatchObject({
      'event.type': ['connection', 'denied'],
      'event.outcome': 'failure',
      'destination.port': 23,
    });
    const permitted = parse(
      '<166>Nov 28 2025 17:20:12 fw01 : %ASA-6-106100: access-list outside_access_in permitted tcp outside/198.51.100.23(51522) -> dmz/10.20.0.15(443) hit-cnt 12 300-second interval [0x91f6a8e2, 0x0]',
    );
    expect(permitted.fields).toMatchObject({
      'event.type': ['connection', 'allowed'],
      'event.outcome': 'success',
    });
  });

  it('reads failed and successful logins with the user and address', () => {
    expect(
      parse(
        '<166>Nov 28 2025 17:30:02 fw01 : %ASA-6-113015: AAA user authentication Rejected : reason = Invalid password : local database : user = admin : user IP = 198.51.100.61',
      ).fields,
    ).toMatchObject({
      'event.category': ['authentication', 'network'],
      'event.outcome': 'failure',
      'event.action': 'logon-failed',
      'event.reason': 'Invalid password',
      'user.name': 'admin',
      'source.ip': '198.51.100.61',
    });
    expect(
      parse(
        '<166>Nov 28 2025 17:30:04 fw01 : %ASA-6-605005: Login permitted from 10.1.4.30/52312 to inside:10.1.1.1/https for user "netops"',
      ).fields,
    ).toMatchObject({ 'event.action': 'logged-in', 'network.protocol': 'https', 'user.name': 'netops' });
  });

  it('leaves out a masked user name', () => {
    const r = parse(
      '<166>Nov 28 2025 17:30:01 fw01 : %ASA-6-113005: AAA user authentication Rejected : reason = AAA failure : server = 10.1.1.5 : user = ***** : user IP = 198.51.100.60',
    );
    expect(r.fields['source.user.name']).toBeUndefined();
    expect(r.fields['user.name']).toBeUndefined();
    expect(r.fields['source.ip']).toBe('198.51.100.60');
  });

  it('reads AnyConnect sessions and the assigned address', () => {
    expect(
      parse(
        '<164>Nov 28 2025 17:30:10 fw01 : %ASA-4-722051: Group <RemoteAccess> User <jdoe> IP <198.51.100.70> IPv4 Address <172.16.50.12> IPv6 address <::> assigned to session',
      ).fields,
    ).toMatchObject({
      'source.user.group.name': 'RemoteAccess',
      'user.name': 'jdoe',
      'cisco.asa.assigned_ip': '172.16.50.12',
      'event.action': 'address-assigned',
    });
    expect(
      parse(
        '<166>Nov 28 2025 17:30:11 fw01 : %ASA-6-734001: DAP: User jdoe@corp.example, Addr 198.51.100.70, Connection AnyConnect: The following DAP records were selected for this connection: DfltAccessPolicy, Engineering',
      ).fields,
    ).toMatchObject({
      'user.name': 'jdoe',
      'user.email': 'jdoe@corp.example',
      'cisco.asa.dap_records': ['DfltAccessPolicy', 'Engineering'],
    });
  });

  it('reads configuration commands with the user who ran them', () => {
    expect(
      parse(
        "<165>Nov 28 2025 17:31:01 fw01 : %ASA-5-111010: User 'netops', running 'CLI' from IP 10.1.4.30, executed 'write memory'",
      ).fields,
    ).toMatchObject({
      'event.category': ['configuration'],
      'event.type': ['change'],
      'user.name': 'netops',
      'source.ip': '10.1.4.30',
      'cisco.asa.command_line_arguments': 'write memory',
    });
  });

  it('takes the firewall time and name after a relay header', () => {
    const r = parse(
      '<166>Nov 28 17:31:09 relay01 Nov 28 2025 17:31:01 fw02 : %ASA-6-611103: User logged out: Uname: netops',
    );
    expect(new Date(r.time ?? 0).toISOString()).toBe('2025-11-28T17:31:01.000Z');
    expect(r.fields['observer.hostname']).toBe('fw02');
    expect(r.fields['user.name']).toBe('netops');
  });

  it('keeps FTD messages under cisco.ftd', () => {
    const r = parse(
      '<164>Nov 28 2025 17:20:16 ftd01 : %FTD-4-106023: Deny tcp src outside:185.220.101.9/50000 dst inside:10.1.1.10/445 by access-group "CSM_FW_ACL_" [0x97aa021a, 0x0]',
    );
    expect(r.fields).toMatchObject({
      'observer.product': 'ftd',
      'cisco.ftd.rule_name': 'CSM_FW_ACL_',
      'cisco.ftd.message_id': '106023',
    });
    expect(r.fields['cisco.asa.rule_name']).toBeUndefined();
  });

  it('keeps the header fields of a message ID it has no pattern for, or of text that does not fit', () => {
    const unknown = parse('<164>Nov 28 2025 17:20:17 fw01 : %ASA-4-999999: Something new happened');
    expect(unknown.fields).toMatchObject({
      'event.code': '999999',
      'event.category': ['network'],
      message: 'Something new happened',
    });
    const odd = parse('<164>Nov 28 2025 17:20:17 fw01 : %ASA-4-106023: Deny in some wording we do not know');
    expect(odd.fields['event.type']).toEqual(['connection', 'denied']);
    expect(odd.fields['source.ip']).toBeUndefined();
  });

  it('does not claim lines of other devices', () => {
    const other = parseText('<13>Nov 28 10:00:00 host app: upload 100% done', ctx).record;
    expect(other && ciscoAsa.match(other, '')).toBe(false);
    const ios = parseText(
      '<189>123: Nov 28 10:00:00.123 UTC: %SYS-5-CONFIG_I: Configured from console by admin on vty0 (10.1.1.5)',
      ctx,
    ).record;
    expect(ios && ciscoAsa.match(ios, '')).toBe(false);
  });
});
