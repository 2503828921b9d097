// Device parsers: vendor-specific refinement after the generic format parse (FortiGate, PAN-OS, ASA, ...).
// Adding one is a file `devices/<vendor-product>.ts` exporting a DeviceParser, and one line in `builtin`.
import type { ParseContext, ParsedRecord } from '../types.js';
import { fortigate } from './fortigate.js';
import { fortisandbox } from './fortisandbox.js';
import { panos } from './panos.js';
import { checkpoint } from './checkpoint.js';
import { ciscoAsa } from './cisco-asa.js';
import { ciscoIos } from './cisco-ios.js';
import { iptables } from './iptables.js';
import { linuxAuth } from './linux-auth.js';
import { symantecEndpoint } from './symantec-endpoint.js';
import { trendmicro } from './trendmicro.js';
import { suricata } from './suricata.js';
import { zscaler } from './zscaler.js';
import { windows } from './windows.js';
import { crowdstrike } from './crowdstrike.js';
import { mde } from './mde.js';
import { cape } from './cape.js';
import { squid } from './squid.js';
import { snort } from './snort.js';

export interface DeviceParser {
  /** "fortigate", "panos", "cisco-asa": shown by `yagura parse --explain`, and the name an input pins. */
  name: string;
  description: string;
  /** Why a match means this device, for `--explain`: "the message carries FortiOS's devid= and logid=". */
  why: string;
  /**
   * Cheap test on the generic result (e.g. `fields['process.name']`, `fields['cef.device.vendor']`). A line no
   * generic parser understood arrives as format "text" with the whole line in `fields.message`.
   */
  match(record: ParsedRecord, text: string): boolean;
  /** Returns the refined record (may be the same object, changed). May throw: the caller keeps the generic record. */
  normalize(record: ParsedRecord, ctx: ParseContext): ParsedRecord;
  /**
   * Optional shortcut for a line behind a syslog header whose message the key=value parser would read: called with
   * the header's record and the message before any payload parse, it returns the finished record (this device's
   * normalize() included) when it is sure the line is its own, else null without touching the header. It must give
   * exactly what the generic path gives, so it declines whatever it cannot prove, and it must decline when
   * `noEarlierMatch()` (asked after its own cheap checks) is false: a device before it matches the header's record
   * (see detect.ts). The devices after it still run as usual.
   */
  claim?(
    header: ParsedRecord,
    message: string,
    ctx: ParseContext,
    noEarlierMatch: () => boolean,
  ): ParsedRecord | null;
}

// Tried in this order; every one that matches runs. Syslog/kv devices first, then CEF, JSON, and plain-text formats.
const builtin: DeviceParser[] = [
  fortigate,
  fortisandbox,
  panos,
  checkpoint,
  ciscoAsa,
  ciscoIos,
  iptables,
  linuxAuth,
  symantecEndpoint,
  trendmicro,
  suricata,
  zscaler,
  windows,
  crowdstrike,
  mde,
  cape,
  squid,
  snort,
];

/** The device parsers in the order they are tried; every one that matches runs, each on the previous result. */
export const deviceParsers: readonly DeviceParser[] = builtin;

export function findDeviceParser(name: string): DeviceParser | undefined {
  return builtin.find((d) => d.name === name);
}

/** Adds a device parser (tests, plugins); returns a function that removes it again. */
export function registerDeviceParser(parser: DeviceParser): () => void {
  builtin.push(parser);
  return () => {
    const i = builtin.indexOf(parser);
    if (i >= 0) builtin.splice(i, 1);
  };
}
