// Linux netfilter LOG lines ("kernel: [prefix] IN=eth0 OUT= MAC=... SRC=... DST=... PROTO=TCP SPT=... DPT=...")
// -> ECS, packet detail under iptables.*; UFW and Ubiquiti/EdgeOS/VyOS prefixes become rule and action.
//
// Decisions:
// - The line is read here, key by key (maps/iptables.ts), not from the generic kv.* split: the kernel glues the
//   prefix to IN=, repeats LEN/ID/SEQ with another meaning after PROTO=, and appends the offending packet of
//   an ICMP error in brackets (not read). The kv.* copies are dropped; behind a syslog header the line is claimed
//   before the generic split is even made, when its keys prove it would not change the result.
// - The log prefix: "[ruleset-rule-D]" (Ubiquiti) gives rule.name/rule.id, the zones and drop/accept; "[UFW BLOCK]"
//   gives rule.name and block; another prefix becomes rule.name, and event.action when it is one word
//   ("DROP_INPUT" -> drop_input), as in Elastic's iptables integration. Drop/deny/reject/block words make the
//   event "denied", accept/allow/pass "allowed".
// - Logsource: { product: linux, category: firewall }.
import type { FieldValue } from '../../core/event.js';
import type { ParseContext, ParsedRecord } from '../types.js';
import { isIpAddress, toInt } from '../values.js';
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
import { addPacketFlag, storePacketField } from './iptables-store.js';
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

function hexDigit(c: number): number {
  const l = c | 32;
  return l >= 48 && l <= 57 ? l - 48 : l >= 97 && l <= 102 ? l - 87 : -1;
}

/** hexValue(s.slice(from, to)) without the slice when the text is only hex digits. */
function hexAt(s: string, from: number, to: number): number {
  let n = 0;
  let k = from;
  for (; k < to && k - from < 12; k++) {
    const d = hexDigit(s.charCodeAt(k));
    if (d < 0) break;
    n = n * 16 + d;
  }
  return k === to && to > from ? n : hexValue(s.slice(from, to));
}

/** toInt(s.slice(from, to)) without the slice when the text is only digits (as the kernel writes numbers). */
function intAt(s: string, from: number, to: number): number {
  let n = 0;
  let k = from;
  for (; k < to && k - from < 15; k++) {
    const d = s.charCodeAt(k) - 48;
    if (d < 0 || d > 9) break;
    n = n * 10 + d;
  }
  return k === to && to > from ? n : toInt(s.slice(from, to));
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
  const h = hexDigit(v.charCodeAt(36));
  const l = hexDigit(v.charCodeAt(37));
  const h2 = hexDigit(v.charCodeAt(39));
  const l2 = hexDigit(v.charCodeAt(40));
  const type =
    h >= 0 && l >= 0 && h2 >= 0 && l2 >= 0
      ? ((h * 16 + l) * 16 + h2) * 16 + l2
      : hexValue(v.slice(36, 38) + v.slice(39, 41));
  if (Number.isNaN(type)) return;
  f['iptables.ether_type'] = type;
  const network = ETHER_TYPES[type];
  if (network !== undefined) f['network.type'] = network;
}

/** ASCII upper case of one character code (what toUpperCase does to ASCII). */
function upper(c: number): number {
  return c >= 97 && c <= 122 ? c - 32 : c;
}

/** The six bytes at `i` upper case with dashes ("AA-BB-CC-DD-EE-FF", ECS), whatever separates them in the log. */
function macAt(v: string, i: number): string {
  let ascii = true;
  for (let k = i; k < i + 17; k++) if (v.charCodeAt(k) > 127) ascii = false;
  if (!ascii) {
    return `${hexPair(v, i)}-${hexPair(v, i + 3)}-${hexPair(v, i + 6)}-${hexPair(v, i + 9)}-${hexPair(v, i + 12)}-${hexPair(v, i + 15)}`;
  }
  // One string from its 17 codes: several times cheaper than slicing and upper-casing each pair.
  const at = (k: number): number => upper(v.charCodeAt(i + k));
  return String.fromCharCode(
    at(0),
    at(1),
    45,
    at(3),
    at(4),
    45,
    at(6),
    at(7),
    45,
    at(9),
    at(10),
    45,
    at(12),
    at(13),
    45,
    at(15),
    at(16),
  );
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

/** Writes the value s[from, to) of a packet key; returns the transport seen so far (PROTO= sets it). */
function putKey(
  f: Fields,
  rule: KeyRule,
  s: string,
  from: number,
  to: number,
  proto: string | undefined,
): string | undefined {
  const name = proto === undefined ? rule.field : (rule.afterProto?.[proto] ?? rule.field);
  switch (rule.as) {
    case 'text':
      storePacketField(f, name, s.slice(from, to));
      return proto;
    case 'int': {
      const n = intAt(s, from, to);
      if (!Number.isNaN(n)) storePacketField(f, name, n);
      return proto;
    }
    case 'hex': {
      const n = hexAt(s, from, to);
      if (!Number.isNaN(n)) storePacketField(f, name, n);
      return proto;
    }
    case 'port': {
      const n = intAt(s, from, to);
      if (n >= 0 && n <= 65535) storePacketField(f, name, n);
      return proto;
    }
    case 'mac':
      putMac(f, s.slice(from, to));
      return proto;
    case 'proto':
      return putProto(f, s.slice(from, to));
  }
}

/** The rules by the first letter of their key, so a key is found without cutting it out of the line. */
const RULES_BY_FIRST: (readonly (readonly [string, KeyRule])[] | undefined)[] = [];
for (const [key, rule] of Object.entries(KEYS)) {
  const c = key.charCodeAt(0);
  RULES_BY_FIRST[c] = [...(RULES_BY_FIRST[c] ?? []), [key, rule] as const];
}

/** The rule for the key s[i, eq), if it is one. */
function ruleAt(s: string, i: number, eq: number): KeyRule | undefined {
  const list = RULES_BY_FIRST[s.charCodeAt(i)];
  if (list === undefined) return undefined;
  const len = eq - i;
  for (let r = 0; r < list.length; r++) {
    const [key, rule] = list[r] as readonly [string, KeyRule];
    if (key.length !== len) continue;
    let k = 1;
    while (k < len && key.charCodeAt(k) === s.charCodeAt(i + k)) k++;
    if (k === len) return rule;
  }
  return undefined;
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
      const rule = ruleAt(s, i, eq);
      if (rule !== undefined) proto = putKey(f, rule, s, eq + 1, e, proto);
    } else {
      const word = s.slice(i, e);
      if (TCP_FLAGS.has(word)) addPacketFlag(f, true, word);
      else if (FRAGMENT_FLAGS.has(word)) addPacketFlag(f, false, word);
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

/** Where the packet keys start ("IN="), or -1 when the message is not a LOG line. */
function packetStart(msg: string): number {
  const out = msg.indexOf(' OUT=');
  return out < 0 ? -1 : msg.lastIndexOf('IN=', out);
}

function normalize(record: ParsedRecord, _ctx: ParseContext): ParsedRecord {
  const old = record.fields;
  const msg = old['message'];
  if (typeof msg !== 'string') return record;
  const at = packetStart(msg);
  if (at < 0) return record;

  // A fresh object without the generic kv.* copies (cheaper than deleting keys one by one).
  const f: Fields = {};
  for (const k in old) if (!k.startsWith(KV)) f[k] = old[k] as FieldValue;
  record.fields = f;
  return refine(record, f, msg, at);
}

/**
 * True when the generic key=value pass over `msg` would find only keys without lower-case letters (so it adds
 * nothing but kv.<KEY> fields, which this parser drops, and nothing the devices before it look at), among them
 * OUT and SRC (so match() holds). Nothing quoted or tab-separated, where that pass reads values differently.
 */
function kernelKeysOnly(msg: string): boolean {
  if (msg.indexOf('"') >= 0 || msg.indexOf("'") >= 0 || msg.indexOf('\t') >= 0) return false;
  if (msg.indexOf(' SRC=') < 0) return false;
  for (let eq = msg.indexOf('='); eq >= 0; eq = msg.indexOf('=', eq + 1)) {
    for (let k = eq - 1; k >= 0; k--) {
      const c = msg.charCodeAt(k);
      if (c >= 97 && c <= 122) return false;
      if (c === 32 || c === 61) break;
    }
  }
  return true;
}

/** The shortcut: a LOG line behind a syslog header, read here without the generic key=value pass. */
function claim(
  header: ParsedRecord,
  msg: string,
  _ctx: ParseContext,
  noEarlierMatch: () => boolean,
): ParsedRecord | null {
  const at = packetStart(msg);
  if (at < 0 || !kernelKeysOnly(msg) || !noEarlierMatch()) return null;
  header.format += '+kv+iptables';
  return refine(header, header.fields, msg, at);
}

/** Maps the log prefix and the packet keys of `msg` (from `at`) into `f`, the record's fields without kv.*. */
function refine(record: ParsedRecord, f: Fields, msg: string, at: number): ParsedRecord {
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
  claim,
};
