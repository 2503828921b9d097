import { describe, expect, it } from 'vitest';
import { parseText } from '../detect.js';
import type { ParseContext } from '../types.js';
import { iptables } from './iptables.js';

const ctx: ParseContext = { receivedAt: Date.UTC(2025, 10, 28, 18), timeZone: 'UTC' };
const parse = (line: string) => {
  const r = parseText(line, ctx).record;
  if (!r) throw new Error(`no record for ${line}`);
  return r;
};

describe('iptables', () => {
  it('reads a UFW block: addresses, ports, MACs, flags, and the prefix as rule and action', () => {
    const r = parse(
      '<4>Nov 28 17:13:20 fw01 kernel: [123456.789012] [UFW BLOCK] IN=eth0 OUT= MAC=52:54:00:12:34:56:52:54:00:ab:cd:ef:08:00 SRC=185.220.101.4 DST=10.0.2.15 LEN=60 TOS=0x00 PREC=0x00 TTL=51 ID=40213 DF PROTO=TCP SPT=44321 DPT=22 WINDOW=29200 RES=0x00 SYN URGP=0',
    );
    expect(r.format).toBe('rfc3164+kv+iptables');
    expect(r.logsource).toEqual({ product: 'linux', category: 'firewall' });
    expect(r.fields).toMatchObject({
      'source.ip': '185.220.101.4',
      'source.port': 44321,
      'destination.ip': '10.0.2.15',
      'destination.port': 22,
      'destination.mac': '52-54-00-12-34-56',
      'source.mac': '52-54-00-AB-CD-EF',
      'iptables.ether_type': 2048,
      'network.type': 'ipv4',
      'network.transport': 'tcp',
      'network.iana_number': '6',
      'iptables.input_device': 'eth0',
      'iptables.output_device': '',
      'observer.ingress.interface.name': 'eth0',
      'iptables.ttl': 51,
      'iptables.id': 40213,
      'iptables.fragment_flags': ['DF'],
      'iptables.tcp.flags': ['SYN'],
      'iptables.tcp.window': 29200,
      'rule.name': 'UFW BLOCK',
      'event.action': 'block',
      'event.type': ['denied', 'connection'],
      'observer.name': 'fw01',
    });
  });

  it('drops the generic kv.* copies', () => {
    const r = parse(
      '<4>Nov 28 17:13:20 fw01 kernel: [UFW BLOCK] IN=eth0 OUT= SRC=185.220.101.4 DST=10.0.2.15 LEN=60 TOS=0x00 PREC=0x00 TTL=51 ID=1 PROTO=TCP SPT=1 DPT=22 WINDOW=1 RES=0x00 SYN URGP=0',
    );
    expect(Object.keys(r.fields).filter((k) => k.startsWith('kv.'))).toEqual([]);
  });

  it('reads a Ubiquiti prefix glued to IN= into rule, zones and verdict', () => {
    const r = parse(
      '<161>Oct 10 07:25:12 Hostname kernel: [wan-lan-default-D]IN=eth0 OUT= MAC=90:10:20:76:8d:20:90:10:65:29:b6:2a:08:00 SRC=67.43.156.15 DST=10.4.0.5 LEN=52 TOS=0x00 PREC=0x00 TTL=63 ID=0 DF PROTO=TCP SPT=38842 DPT=443 WINDOW=2853 RES=0x00 ACK URGP=0',
    );
    expect(r.fields).toMatchObject({
      'rule.name': 'wan-lan',
      'rule.id': 'default',
      'observer.ingress.zone': 'wan',
      'observer.egress.zone': 'lan',
      'event.action': 'drop',
      'iptables.input_device': 'eth0',
      'iptables.tcp.flags': ['ACK'],
    });
  });

  it('takes the log prefix from the syslog tag when no kernel tag is there', () => {
    const r = parse(
      'Jan  8 03:37:09 DENY: IN=eth0 OUT= MAC=90:10:28:5f:62:24:90:10:18:5a:89:2a:08:00 SRC=192.168.2.71 DST=192.168.2.83 LEN=88 TOS=0x00 PREC=0x00 TTL=118 ID=21684 PROTO=ICMP TYPE=3 CODE=3 [SRC=192.168.2.83 DST=192.168.173.191 LEN=60 TOS=0x00 PREC=0x00 TTL=54 ID=0 DF PROTO=UDP SPT=21458 DPT=62936 LEN=40 ]',
    );
    expect(r.fields['process.name']).toBeUndefined();
    expect(r.fields).toMatchObject({
      'event.action': 'deny',
      'event.type': ['denied', 'connection'],
      'iptables.icmp.type': 3,
      'iptables.icmp.code': 3,
      // The packet in brackets is the one the ICMP error is about, not this one.
      'source.ip': '192.168.2.71',
      'iptables.length': 88,
      'iptables.id': 21684,
    });
    expect(r.fields['source.port']).toBeUndefined();
  });

  it('reads IPv6 keys and ICMPv6 echo identifiers', () => {
    const r = parse(
      'Jan 22 09:05:05 ubuntu-bionic kernel: [16571.459614] IN= OUT=lo SRC=2a02:cf40:add:4002:91f2:a9b2:e09a:6fc6 DST=2a02:cf40:add:4002:91f2:a9b2:e09a:6fc6 LEN=104 TC=0 HOPLIMIT=64 FLOWLBL=868225 PROTO=ICMPv6 TYPE=128 CODE=0 ID=3427 SEQ=1',
    );
    expect(r.fields).toMatchObject({
      'network.transport': 'ipv6-icmp',
      'network.iana_number': '58',
      'network.type': 'ipv6',
      'iptables.ttl': 64,
      'iptables.flow_label': 868225,
      'iptables.icmp.type': 128,
      'iptables.icmp.id': 3427,
      'iptables.icmp.seq': 1,
      'observer.egress.interface.name': 'lo',
      'event.type': ['connection'],
    });
    expect(r.fields['iptables.id']).toBeUndefined();
    expect(r.fields['event.action']).toBeUndefined();
  });

  it('reads UDP length, TCP sequence numbers, fragments and a numeric protocol', () => {
    expect(
      parse(
        '<4>Nov 28 17:13:22 web01 kernel: [UFW AUDIT] IN= OUT=eth0 SRC=10.0.2.15 DST=10.0.2.3 LEN=72 TOS=0x00 PREC=0x00 TTL=64 ID=2213 DF PROTO=UDP SPT=50321 DPT=53 LEN=52',
      ).fields,
    ).toMatchObject({
      'iptables.length': 72,
      'iptables.udp.length': 52,
      'event.action': 'audit',
      'event.type': ['connection'],
    });
    expect(
      parse(
        '<4>Nov 28 17:20:01 gw01 kernel: [FW-REJECT] IN=ens3 OUT= SRC=45.155.205.11 DST=10.20.0.5 LEN=40 TOS=0x08 PREC=0x20 TTL=239 ID=1 PROTO=TCP SPT=40000 DPT=23 SEQ=1913727346 ACK=0 WINDOW=65535 RES=0x00 SYN URGP=0',
      ).fields,
    ).toMatchObject({
      'iptables.tcp.seq': 1913727346,
      'iptables.tcp.ack': 0,
      'iptables.tos': 8,
      'iptables.precedence_bits': 32,
      'event.action': 'fw-reject',
      'event.type': ['denied', 'connection'],
    });
    expect(
      parse(
        '<4>Nov 28 17:20:05 gw01 kernel: nft drop: IN=ens3 OUT= SRC=198.51.100.200 DST=10.20.0.5 LEN=520 TOS=0x00 PREC=0x00 TTL=50 ID=999 FRAG:185 PROTO=47',
      ).fields,
    ).toMatchObject({
      'iptables.fragment_offset': 185,
      'network.iana_number': '47',
      'network.transport': 'gre',
      'rule.name': 'nft drop',
      'event.action': 'drop',
    });
  });

  it('reads numbers in any spelling the kernel or a relay may use, and skips values that are none', () => {
    const f = parse(
      '<4>Nov 28 17:20:01 gw01 kernel: [FW-DROP] IN=ens3 OUT= MAC=AA:bb:CC:dd:EE:ff:01:02:03:04:05:06:86:dd SRC=10.0.0.1 DST=10.0.0.2 LEN=0040 TOS=1C PREC=0X20 TTL=abc ID=99999999999999999 MARK=0x1f PROTO=TCP SPT=70000 DPT=080 WINDOW=-1 RES=0x00 URGP=0',
    ).fields;
    expect(f).toMatchObject({
      'destination.mac': 'AA-BB-CC-DD-EE-FF',
      'source.mac': '01-02-03-04-05-06',
      'iptables.ether_type': 0x86dd,
      'network.type': 'ipv6',
      'iptables.length': 40,
      'iptables.tos': 0x1c,
      'iptables.precedence_bits': 0x20,
      'iptables.mark': 0x1f,
      'destination.port': 80,
      'iptables.tcp.window': -1,
    });
    expect(f['iptables.ttl']).toBeUndefined();
    expect(f['iptables.id']).toBeUndefined(); // more digits than a log number has
    expect(f['source.port']).toBeUndefined();
  });

  it('spells a MAC address with dashes whatever separates its bytes in the log', () => {
    const f = parse(
      '<4>Nov 28 17:20:01 gw01 kernel: [FW-DROP] IN=ens3 OUT= MAC=aa-bb-cc-dd-ee-ff.11.22.33.44.55.66 SRC=10.0.0.1 DST=10.0.0.2 PROTO=UDP',
    ).fields;
    expect(f['destination.mac']).toBe('AA-BB-CC-DD-EE-FF');
    expect(f['source.mac']).toBe('11-22-33-44-55-66');
  });

  it('does not claim key=value lines of other devices', () => {
    const other = parseText(
      '<13>Nov 28 10:00:00 host app: src=10.0.0.1 dst=10.0.0.2 action=deny',
      ctx,
    ).record;
    expect(other && iptables.match(other, '')).toBe(false);
  });
});
