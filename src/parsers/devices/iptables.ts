// Linux netfilter LOG lines ("kernel: [prefix] IN=eth0 OUT= MAC=... SRC=... DST=... PROTO=TCP SPT=... DPT=...")
// -> ECS, packet detail under iptables.*; UFW and Ubiquiti/EdgeOS/VyOS prefixes become rule and action.
//
// Decisions:
// - The line is read here, key by key (maps/iptables.ts), not from the generic kv.* split: the kernel glues the
//   prefix to IN=, repeats LEN/ID/SEQ with another meaning after PROTO=, and appends the offending packet of
//   an ICMP error in brackets (not read). The kv.* copies are dropped.
// - The log prefix: "[ruleset-rule-D]" (Ubiquiti) gives rule.name/rule.id, the zones and drop/accept; "[UFW BLOCK]"
//   gives rule.name and block; another prefix becomes rule.name, and event.action when it is one word
//   ("DROP_INPUT" -> drop_input), as in Elastic's iptables integration. Drop/deny/reject/block words make the
//   event "denied", accept/allow/pass "allowed".
// - Logsource: { product: linux, category: firewall }.
import type { FieldValue } from '../../core/event.js';
import type { ParseContext, ParsedRecord } from '../types.js';
import { isIpAddress, toInt, toPort } from '../values.js';
import type { DeviceParser } from './index.js';
import {
  ETHER_TYPES,
  FRAGMENT_FLAGS,
  KEYS,
  RULE_VERDICTS,
  TCP_FLAGS,
  VERDICT_TYPES,
  type KeyRule,
} from './maps/iptables.js';
import { IANA_NUMBER, IANA_TRANSPORT } from './network.js';

type Fields = Record<string, FieldValue>;

const KV = 'kv.';
/** "[ 307.757925]": the kernel's uptime stamp before the prefix. */
const UPTIME = /^\[\s*\d+\.\d+\]\s*/;
/** Ubiquiti / EdgeOS / VyOS: "[WAN_IN-10-D]", "[wan-lan-default-A]". */
const RULE_LABEL = /^\[(.+)-([^-\]]*)-([^-\]]*)\]$/;
const UFW = /^\[UFW ([A-Z ]+)\]$/;
/** A syslog tag that is a log prefix rather than a program ("DENY:" with no host before it). */
const PREFIX_TAG = /^[A-Z0-9_-]+$/;
const ONE_WORD = /^[\w-]+$/;
const SPACES = / +/g;

function match(record: ParsedRecord): boolean {
  const f = record.fields;
  return f['kv.OUT'] !== undefined && f['kv.SRC'] !== undefined;
}

function hexValue(v: string): number {
  let i = v.startsWith('0x') || v.startsWith('0X') ? 2 : 0;
  if (i >= v.length) return NaN;
  let n = 0;
  for (; i < v.length; i++) {
    const c = v.charCodeAt(i) | 32;
    const d = c >= 48 && c <= 57 ? c - 48 : c >= 97 && c <= 102 ? c - 87 : -1;
    if (d < 0) return NaN;
    n = n * 16 + d;
  }
  return n;
}

function hexPair(v: string, i: number): string {
  return v.slice(i, i + 2).toUpperCase();
}

/** MAC= is destination MAC, source MAC and EtherType as colon-separated bytes (more may follow). */
function putMac(f: Fields, v: string): void {
  // "aa:bb:cc:dd:ee:ff" is 17 characters; each further byte adds 3.
  if (v.length < 17) return;
  f['destination.mac'] = macAt(v, 0);
  if (v.length < 35) return;
  f['source.mac'] = macAt(v, 18);
  if (v.length < 41) return;
  const type = hexValue(v.slice(36, 38) + v.slice(39, 41));
  if (Number.isNaN(type)) return;
  f['iptables.ether_type'] = type;
  const network = ETHER_TYPES[type];
  if (network !== undefined) f['network.type'] = network;
}

function macAt(v: string, i: number): string {
  return `${hexPair(v, i)}-${hexPair(v, i + 3)}-${hexPair(v, i + 6)}-${hexPair(v, i + 9)}-${hexPair(v, i + 12)}-${hexPair(v, i + 15)}`;
}

/** Returns the transport name (for the keys PROTO changes the meaning of). */
function putProto(f: Fields, v: string): string {
  const p = v.toLowerCase();
  const n = toInt(p);
  if (!Number.isNaN(n)) {
    f['network.iana_number'] = p;
    const name = IANA_TRANSPORT[p];
    if (name !== undefined && p !== '0') f['network.transport'] = name;
    return name ?? p;
  }
  const name = p === 'icmpv6' ? 'ipv6-icmp' : p;
  f['network.transport'] = name;
  const iana = IANA_NUMBER[name];
  if (iana !== undefined) f['network.iana_number'] = iana;
  return name;
}

function addFlag(f: Fields, name: string, flag: string): void {
  const prev = f[name];
  if (Array.isArray(prev)) prev.push(flag);
  else f[name] = [flag];
}

function putKey(f: Fields, rule: KeyRule, v: string, proto: string | undefined): string | undefined {
  const name = proto === undefined ? rule.field : (rule.afterProto?.[proto] ?? rule.field);
  switch (rule.as) {
    case 'text':
      f[name] = v;
      return proto;
    case 'int': {
      const n = toInt(v);
      if (!Number.isNaN(n)) f[name] = n;
      return proto;
    }
    case 'hex': {
      const n = hexValue(v);
      if (!Number.isNaN(n)) f[name] = n;
      return proto;
    }
    case 'port': {
      const n = toPort(v);
      if (!Number.isNaN(n)) f[name] = n;
      return proto;
    }
    case 'mac':
      putMac(f, v);
      return proto;
    case 'proto':
      return putProto(f, v);
  }
}

/** Reads the packet keys and flags from `start`; stops at the bracketed packet an ICMP error carries. */
function readPacket(f: Fields, s: string, start: number): void {
  let proto: string | undefined;
  let i = start;
  const n = s.length;
  while (i < n) {
    while (i < n && s.charCodeAt(i) === 32) i++;
    if (i >= n || s.charCodeAt(i) === 91 /* [ */) break;
    let e = s.indexOf(' ', i);
    if (e < 0) e = n;
    const eq = s.indexOf('=', i);
    if (eq > i && eq < e) {
      const rule = KEYS[s.slice(i, eq)];
      if (rule !== undefined) proto = putKey(f, rule, s.slice(eq + 1, e), proto);
    } else {
      const word = s.slice(i, e);
      if (TCP_FLAGS.has(word)) addFlag(f, 'iptables.tcp.flags', word);
      else if (FRAGMENT_FLAGS.has(word)) addFlag(f, 'iptables.fragment_flags', word);
      else if (word.startsWith('FRAG:')) {
        // The kernel writes the fragment offset with a colon: "FRAG:185".
        const n = toInt(word.slice(5));
        if (!Number.isNaN(n)) f['iptables.fragment_offset'] = n;
      }
    }
    i = e + 1;
  }
}

function verdictType(action: string): string | undefined {
  for (const [word, type] of VERDICT_TYPES) if (action.indexOf(word) >= 0) return type;
  return undefined;
}

/** The log prefix -> rule.*, zones, event.action; returns the action (lower case) when there is one. */
function readPrefix(f: Fields, raw: string): string | undefined {
  let p = raw.replace(UPTIME, '').trim();
  if (p.length === 0) return undefined;
  const label = RULE_LABEL.exec(p);
  if (label) {
    const ruleSet = label[1] as string;
    f['rule.name'] = ruleSet;
    f['iptables.ubiquiti.rule_set'] = ruleSet;
    if (label[2]) {
      f['rule.id'] = label[2];
      f['iptables.ubiquiti.rule_number'] = label[2];
    }
    const dash = ruleSet.indexOf('-');
    if (dash > 0) {
      const next = ruleSet.indexOf('-', dash + 1);
      const inZone = ruleSet.slice(0, dash);
      const outZone = ruleSet.slice(dash + 1, next < 0 ? ruleSet.length : next);
      f['iptables.ubiquiti.input_zone'] = inZone;
      f['iptables.ubiquiti.output_zone'] = outZone;
      f['observer.ingress.zone'] = inZone;
      if (outZone.length > 0) f['observer.egress.zone'] = outZone;
    }
    const letter = label[3] as string;
    return RULE_VERDICTS[letter.toUpperCase()] ?? (letter.length > 0 ? letter.toLowerCase() : undefined);
  }
  const ufw = UFW.exec(p);
  if (ufw) {
    f['rule.name'] = `UFW ${ufw[1] as string}`;
    return (ufw[1] as string).toLowerCase().replace(SPACES, '-');
  }
  // "iptables DROP_INPUT:", "[FW-DROP]", "DROP IN:" ...
  if (p.startsWith('iptables ')) p = p.slice(9);
  while (p.endsWith(':')) p = p.slice(0, -1);
  if (p.startsWith('[') && p.endsWith(']')) p = p.slice(1, -1);
  p = p.trim();
  if (p.length === 0) return undefined;
  f['rule.name'] = p;
  const lower = p.toLowerCase();
  if (ONE_WORD.test(p)) return lower;
  for (const [word] of VERDICT_TYPES) if (lower.indexOf(word) >= 0) return word;
  return undefined;
}

function normalize(record: ParsedRecord, _ctx: ParseContext): ParsedRecord {
  const old = record.fields;
  const msg = old['message'];
  if (typeof msg !== 'string') return record;
  const out = msg.indexOf(' OUT=');
  if (out < 0) return record;
  const at = msg.lastIndexOf('IN=', out);
  if (at < 0) return record;

  // A fresh object without the generic kv.* copies (cheaper than deleting keys one by one).
  const f: Fields = {};
  for (const k in old) if (!k.startsWith(KV)) f[k] = old[k] as FieldValue;
  record.fields = f;

  let prefix = msg.slice(0, at);
  const tag = f['process.name'];
  if (prefix.trim().length === 0 && typeof tag === 'string' && tag !== 'kernel' && PREFIX_TAG.test(tag)) {
    // "Jan  8 03:37:09 DENY: IN=..." : the log prefix took the tag's place.
    prefix = tag;
    delete f['process.name'];
    delete f['log.syslog.appname'];
  }
  const action = readPrefix(f, prefix);
  readPacket(f, msg, at);

  const src = f['source.ip'];
  const dst = f['destination.ip'];
  if (f['network.type'] === undefined && typeof src === 'string' && isIpAddress(src))
    f['network.type'] = src.indexOf(':') >= 0 ? 'ipv6' : 'ipv4';
  const type: string[] = [];
  if (action !== undefined) {
    f['event.action'] = action;
    const verdict = verdictType(action);
    if (verdict !== undefined) type.push(verdict);
  }
  if (src !== undefined && dst !== undefined) type.push('connection');
  f['event.category'] = ['network'];
  if (type.length > 0) f['event.type'] = type;
  const input = f['iptables.input_device'];
  if (typeof input === 'string' && input.length > 0) f['observer.ingress.interface.name'] = input;
  const output = f['iptables.output_device'];
  if (typeof output === 'string' && output.length > 0) f['observer.egress.interface.name'] = output;
  const host = f['host.hostname'];
  if (typeof host === 'string') f['observer.name'] = host;
  f['observer.vendor'] = 'Netfilter';
  f['observer.product'] = 'iptables';
  f['observer.type'] = 'firewall';
  record.logsource = { product: 'linux', category: 'firewall' };
  return record;
}

export const iptables: DeviceParser = {
  name: 'iptables',
  description:
    'Linux netfilter LOG lines (iptables, nftables log, UFW, Ubiquiti/EdgeOS): addresses, ports, MACs, flags and the log prefix to ECS + iptables.*.',
  why: 'the message holds the kernel LOG keys OUT= and SRC=',
  match,
  normalize,
};
