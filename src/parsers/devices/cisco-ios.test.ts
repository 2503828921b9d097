import { describe, expect, it } from 'vitest';
import { parseText } from '../detect.js';
import type { ParseContext } from '../types.js';
import { ciscoIos } from './cisco-ios.js';

const ctx: ParseContext = { receivedAt: Date.UTC(2025, 10, 28, 20), timeZone: 'UTC' };
const parse = (line: string, c: ParseContext = ctx) => {
  const r = parseText(line, c).record;
  if (!r) throw new Error(`no record for ${line}`);
  return r;
};
const iso = (ms: number | undefined): string => new Date(ms ?? NaN).toISOString();

describe('cisco-ios', () => {
  it('reads a line straight from the device: count, sequence, time and code', () => {
    const r = parse(
      '<190>48213: 001927: Nov 28 17:40:01.120 UTC: %SEC-6-IPACCESSLOGP: list OUTSIDE-IN denied tcp 185.220.101.4(44321) -> 203.0.113.10(23), 1 packet',
    );
    expect(r.format).toBe('rfc3164+cisco-ios');
    expect(r.logsource).toEqual({ product: 'cisco', service: 'syslog' });
    expect(iso(r.time)).toBe('2025-11-28T17:40:01.120Z');
    expect(r.fields).toMatchObject({
      'cisco.ios.message_count': 48213,
      'cisco.ios.sequence': '001927',
      'event.sequence': 1927,
      'event.code': 'IPACCESSLOGP',
      'cisco.ios.facility': 'SEC',
      'event.severity': 6,
      'log.level': 'informational',
      'event.timezone': 'UTC',
      message: 'list OUTSIDE-IN denied tcp 185.220.101.4(44321) -> 203.0.113.10(23), 1 packet',
      'cisco.ios.access_list': 'OUTSIDE-IN',
      'event.action': 'deny',
      'event.type': ['info', 'denied'],
      'source.ip': '185.220.101.4',
      'source.port': 44321,
      'destination.ip': '203.0.113.10',
      'destination.port': 23,
      'network.transport': 'tcp',
      'network.packets': 1,
      'observer.vendor': 'Cisco',
      'observer.product': 'IOS',
    });
  });

  it('takes the sequence number from the tag a relay header leaves, and the IOS time over the relay time', () => {
    const r = parse(
      'Feb  8 04:00:48 192.168.100.2 585917: Feb  8 04:00:47.272: %SEC-6-IPACCESSLOGRP: list 177 denied igmp 192.168.100.197 -> 224.0.0.22, 1 packet',
    );
    expect(r.fields['process.name']).toBeUndefined();
    expect(r.fields['cisco.ios.sequence']).toBe('585917');
    expect(iso(r.time)).toBe('2025-02-08T04:00:47.272Z');
    expect(r.fields['network.transport']).toBe('igmp');
  });

  it('honours a zone abbreviation after the time and reads the device name', () => {
    const r = parse(
      '<174>15162564: BGP-BETA: 29391555: Jun 26 16:44:58.802 CEST: %FMANFP-6-IPACCESSLOGP: F0/0: fman_fp_image: list acl_in denied tcp 00-00-5E-00-53-23 198.51.100.10(56279) TenGigabitEthernet0/1/1-> 203.0.113.20(45240), 1 packet',
    );
    expect(iso(r.time)).toBe('2025-06-26T14:44:58.802Z');
    expect(r.fields).toMatchObject({
      'event.timezone': 'CEST',
      'observer.hostname': 'BGP-BETA',
      'cisco.ios.sequence': '29391555',
      'source.mac': '00-00-5E-00-53-23',
      'observer.ingress.interface.name': 'TenGigabitEthernet0/1/1',
      'destination.port': 45240,
      message:
        'list acl_in denied tcp 00-00-5E-00-53-23 198.51.100.10(56279) TenGigabitEthernet0/1/1-> 203.0.113.20(45240), 1 packet',
    });
  });

  it('reads the tenant zone when IOS gives none', () => {
    const r = parse(
      '<190>1: 2: Nov 28 18:40:01.000: %SEC-6-IPACCESSLOGS: list 10 denied 192.0.2.77 1 packet',
      {
        ...ctx,
        timeZone: 'Europe/Paris',
      },
    );
    expect(iso(r.time)).toBe('2025-11-28T17:40:01.000Z');
    expect(r.fields['event.timezone']).toBe('Europe/Paris');
  });

  it('keeps the time of a clock never set ("*") as text, not as the event time', () => {
    const r = parse('<189>33: *Mar  1 00:01:02.345: %SYS-5-CONFIG_I: Configured from console by console');
    expect(r.time).toBeUndefined();
    expect(r.fields['cisco.ios.device_time']).toBe('Mar  1 00:01:02.345');
    expect(r.fields['cisco.ios.line']).toBe('console');
  });

  it('reads ICMP type and code, IGMP type, protocol numbers and IPv6', () => {
    expect(
      parse(
        '<190>1: 2: Nov 28 17:40:03.001 UTC: %SEC-6-IPACCESSLOGDP: list OUTSIDE-IN denied icmp 198.51.100.9 -> 203.0.113.10 (8/0), 4 packets',
      ).fields,
    ).toMatchObject({ 'icmp.type': 8, 'icmp.code': 0, 'source.packets': 4 });
    expect(
      parse(
        '<190>1: 2: Nov 28 17:40:03.001 UTC: %SEC-6-IPACCESSLOGSP: list INBOUND denied igmp 192.168.100.2 -> 224.0.0.2 (20), 1 packet',
      ).fields,
    ).toMatchObject({ 'igmp.type': 20 });
    const np = parse(
      '<190>1: 2: Nov 28 17:40:05.002 UTC: %SEC-6-IPACCESSLOGNP: list OUTSIDE-IN denied 47 198.51.100.20 -> 203.0.113.10, 1 packet',
    );
    expect(np.fields).toMatchObject({ 'network.iana_number': '47', 'network.transport': 'gre' });
    const v6 = parse(
      '<190>1: 2: Nov 28 17:40:06.300 UTC: %IPV6_ACL-6-ACCESSLOGDP: list V6-IN/20 permitted icmpv6 2001:db8:10::5 -> 2001:db8:20::1 (128/0), 2 packets',
    );
    expect(v6.fields).toMatchObject({
      'network.transport': 'ipv6-icmp',
      'network.type': 'ipv6',
      'source.ip': '2001:db8:10::5',
      'event.action': 'allow',
      'event.type': ['info', 'allowed'],
    });
  });

  it('reads the input interface and MAC that log-input adds', () => {
    const r = parse(
      '<190>1: 2: Nov 28 17:40:02.450 UTC: %SEC-6-IPACCESSLOGP: list 101 permitted udp 10.10.20.15(51512) (GigabitEthernet0/1 0050.56a1.22f3) -> 10.10.1.53(53), 3 packets',
    );
    expect(r.fields).toMatchObject({
      'observer.ingress.interface.name': 'GigabitEthernet0/1',
      'source.mac': '00-50-56-A1-22-F3',
      'destination.port': 53,
    });
  });

  it('reads interface and line protocol state changes', () => {
    expect(
      parse(
        '<189>1: 2: Nov 28 17:52:10.400 UTC: %LINK-5-CHANGED: Interface GigabitEthernet0/3, changed state to administratively down',
      ).fields,
    ).toMatchObject({
      'cisco.ios.interface.name': 'GigabitEthernet0/3',
      'cisco.ios.interface.state': 'administratively down',
      'event.action': 'interface-administratively-down',
    });
    expect(
      parse(
        '<189>1: 2: Nov 28 17:50:01.011 UTC: %LINEPROTO-5-UPDOWN: Line protocol on Interface GigabitEthernet0/2, changed state to down',
      ).fields,
    ).toMatchObject({
      'event.action': 'line-protocol-down',
      'cisco.ios.interface.name': 'GigabitEthernet0/2',
    });
  });

  it('reads configuration changes and routes the command log to Sigma aaa rules', () => {
    const config = parse(
      '<189>1: 2: Nov 28 18:00:00.100 UTC: %SYS-5-CONFIG_I: Configured from console by netadmin on vty0 (10.10.5.20)',
    );
    expect(config.logsource).toEqual({ product: 'cisco', service: 'syslog' });
    expect(config.fields).toMatchObject({
      'event.category': ['configuration'],
      'event.type': ['change'],
      'user.name': 'netadmin',
      'cisco.ios.line': 'vty0',
      'source.ip': '10.10.5.20',
    });
    const command = parse(
      '<189>1: 2: Nov 28 18:00:10.400 UTC: %PARSER-5-CFGLOG_LOGGEDCMD: User:netadmin  logged command:no logging host 10.10.9.9',
    );
    expect(command.logsource).toEqual({ product: 'cisco', service: 'aaa' });
    expect(command.fields).toMatchObject({
      'user.name': 'netadmin',
      'cisco.ios.command': 'no logging host 10.10.9.9',
    });
  });

  it('reads successful and failed logins as aaa events', () => {
    const ok = parse(
      '<189>1: 2: Nov 28 18:01:00.000 UTC: %SEC_LOGIN-5-LOGIN_SUCCESS: Login Success [user: netadmin] [Source: 10.10.5.20] [localport: 22] at 18:01:00 UTC Fri Nov 28 2025',
    );
    expect(ok.logsource).toEqual({ product: 'cisco', service: 'aaa' });
    expect(ok.fields).toMatchObject({
      'event.category': ['authentication'],
      'event.outcome': 'success',
      'event.action': 'logged-in',
      'user.name': 'netadmin',
      'source.ip': '10.10.5.20',
      'destination.port': 22,
    });
    const failed = parse(
      '<188>1: 2: Nov 28 18:01:30.000 UTC: %SEC_LOGIN-4-LOGIN_FAILED: Login failed [user: admin] [Source: 198.51.100.31] [localport: 22] [Reason: Login Authentication Failed] at 18:01:30 UTC Fri Nov 28 2025',
    );
    expect(failed.fields).toMatchObject({
      'event.outcome': 'failure',
      'event.action': 'logon-failed',
      'event.reason': 'Login Authentication Failed',
    });
    const ssh = parse(
      "<189>1: 2: Nov 28 18:02:30.000 UTC: %SSH-5-SSH2_USERAUTH: User 'root' authentication for SSH2 Session from 198.51.100.32 (tty = 1) using crypto cipher 'aes128-ctr', hmac 'hmac-sha1' Failed",
    );
    expect(ssh.logsource).toEqual({ product: 'cisco', service: 'aaa' });
    expect(ssh.fields).toMatchObject({
      'event.outcome': 'failure',
      'user.name': 'root',
      'source.ip': '198.51.100.32',
    });
  });

  it('leaves IOS XE web UI logins under service syslog, where the CVE-2023-20198 rule looks', () => {
    const r = parse(
      '<189>1: 2: Nov 28 18:31:00.000 UTC: %SEC_LOGIN-5-WEBLOGIN_SUCCESS: Login Success [user: cisco_tac_admin] [Source: 198.51.100.40] [localport: 443] at 18:31:00 UTC Fri Nov 28 2025',
    );
    expect(r.logsource).toEqual({ product: 'cisco', service: 'syslog' });
    expect(r.fields).toMatchObject({ 'event.action': 'logged-in', 'user.name': 'cisco_tac_admin' });
  });

  it('keeps an uptime stamp and the header fields of a mnemonic it does not read', () => {
    const r = parse(
      '<189>48305: 1w2d: %OSPF-5-ADJCHG: Process 1, Nbr 10.0.0.2 on GigabitEthernet0/0 from LOADING to FULL, Loading Done',
    );
    expect(r.time).toBeUndefined();
    expect(r.fields).toMatchObject({
      'cisco.ios.uptime': '1w2d',
      'event.code': 'ADJCHG',
      'cisco.ios.facility': 'OSPF',
      'event.type': ['info'],
      message: 'Process 1, Nbr 10.0.0.2 on GigabitEthernet0/0 from LOADING to FULL, Loading Done',
    });
  });

  it('reads a facility with a sub-facility', () => {
    const r = parse(
      'Mar 24 17:37:39 192.168.100.2 1991221: Mar 24 17:37:39 UTC: %PIM-SW1-6-INVALID_RP_JOIN: Received (*, 10.36.2.78) Join from 10.4.5.66 for invalid RP 10.3.66.3',
    );
    expect(r.fields).toMatchObject({ 'cisco.ios.facility': 'PIM-SW1', 'event.code': 'INVALID_RP_JOIN' });
  });

  it('leaves ASA lines and text with a stray percent sign alone', () => {
    const asa = parseText(
      '<166>Nov 28 2025 10:00:00 fw01 : %ASA-6-302013: Built outbound TCP connection',
      ctx,
    ).record;
    expect(asa && ciscoIos.match(asa, '')).toBe(false);
    const other = parseText('<13>Nov 28 10:00:00 host app: disk at 95% - %d items', ctx).record;
    expect(other && ciscoIos.match(other, '')).toBe(false);
  });
});
