// Netfilter LOG target maps (data): packet keys -> ECS / iptables.* names, flag words, log-prefix verdicts.

/** How a value is converted: text as is, decimal, hexadecimal ("0x1C" or "1C"), port, or special handling. */
export type Conversion = 'text' | 'int' | 'hex' | 'port' | 'mac' | 'proto';

export interface KeyRule {
  field: string;
  as: Conversion;
  /** The same key after PROTO=, per transport, means something else (LEN of UDP, ID and SEQ of ICMP). */
  afterProto?: Readonly<Record<string, string>>;
}

/** Keys of the kernel's LOG line (nf_log_ipv4/ipv6 and the ICMP/TCP/UDP details). Unlisted keys are skipped. */
export const KEYS: Readonly<Record<string, KeyRule>> = {
  IN: { field: 'iptables.input_device', as: 'text' },
  OUT: { field: 'iptables.output_device', as: 'text' },
  PHYSIN: { field: 'iptables.physical_input_device', as: 'text' },
  PHYSOUT: { field: 'iptables.physical_output_device', as: 'text' },
  MAC: { field: 'mac', as: 'mac' },
  SRC: { field: 'source.ip', as: 'text' },
  DST: { field: 'destination.ip', as: 'text' },
  LEN: {
    field: 'iptables.length',
    as: 'int',
    afterProto: { udp: 'iptables.udp.length', udplite: 'iptables.udp.length' },
  },
  TOS: { field: 'iptables.tos', as: 'hex' },
  TC: { field: 'iptables.tos', as: 'int' },
  PREC: { field: 'iptables.precedence_bits', as: 'hex' },
  TTL: { field: 'iptables.ttl', as: 'int' },
  HOPLIMIT: { field: 'iptables.ttl', as: 'int' },
  FLOWLBL: { field: 'iptables.flow_label', as: 'int' },
  ID: {
    field: 'iptables.id',
    as: 'int',
    afterProto: { icmp: 'iptables.icmp.id', 'ipv6-icmp': 'iptables.icmp.id' },
  },
  PROTO: { field: 'network.transport', as: 'proto' },
  SPT: { field: 'source.port', as: 'port' },
  DPT: { field: 'destination.port', as: 'port' },
  SEQ: {
    field: 'iptables.tcp.seq',
    as: 'int',
    afterProto: { icmp: 'iptables.icmp.seq', 'ipv6-icmp': 'iptables.icmp.seq' },
  },
  ACK: { field: 'iptables.tcp.ack', as: 'int' },
  WINDOW: { field: 'iptables.tcp.window', as: 'int' },
  RES: { field: 'iptables.tcp.reserved_bits', as: 'hex' },
  TYPE: { field: 'iptables.icmp.type', as: 'int' },
  CODE: { field: 'iptables.icmp.code', as: 'int' },
  PARAMETER: { field: 'iptables.icmp.parameter', as: 'int' },
  GATEWAY: { field: 'iptables.icmp.redirect', as: 'text' },
  MTU: { field: 'iptables.icmp.mtu', as: 'int' },
  MARK: { field: 'iptables.mark', as: 'hex' },
  UID: { field: 'user.id', as: 'text' },
  GID: { field: 'group.id', as: 'text' },
};

/** Bare words after the IP header: fragment flags and TCP flags. */
export const FRAGMENT_FLAGS: ReadonlySet<string> = new Set(['CE', 'DF', 'MF']);
export const TCP_FLAGS: ReadonlySet<string> = new Set([
  'CWR',
  'ECE',
  'URG',
  'ACK',
  'PSH',
  'RST',
  'SYN',
  'FIN',
]);

/** EtherType (from MAC=) -> ECS network.type. */
export const ETHER_TYPES: Readonly<Record<number, string>> = { 0x0800: 'ipv4', 0x86dd: 'ipv6' };

/** The verdict letter at the end of a Ubiquiti / EdgeOS / VyOS prefix "[ruleset-rule-A]". */
export const RULE_VERDICTS: Readonly<Record<string, string>> = { A: 'accept', D: 'drop', R: 'reject' };

/** Words in a log prefix (or its action) that say what happened to the packet -> ECS event.type. */
export const VERDICT_TYPES: readonly (readonly [string, string])[] = [
  ['drop', 'denied'],
  ['deny', 'denied'],
  ['reject', 'denied'],
  ['block', 'denied'],
  ['accept', 'allowed'],
  ['allow', 'allowed'],
  ['pass', 'allowed'],
];
