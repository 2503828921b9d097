// Device parsers: vendor-specific refinement after the generic format parse (FortiGate, PAN-OS, ASA, ...).
// Adding one is a file `devices/<vendor-product>.ts` exporting a DeviceParser, and one line in `builtin`.
import type { ParseContext, ParsedRecord } from '../types.js';

export interface DeviceParser {
  /** "fortigate", "panos", "cisco-asa": shown by `yagura parse --explain`. */
  name: string;
  description: string;
  /** Cheap test on the generic result (e.g. `fields['process.name']`, `fields['cef.device.vendor']`). */
  match(record: ParsedRecord, text: string): boolean;
  /** Returns the refined record (may be the same object, changed). May throw: the caller keeps the generic record. */
  normalize(record: ParsedRecord, ctx: ParseContext): ParsedRecord;
}

const builtin: DeviceParser[] = [
  // One line per device parser, e.g.: fortigate,
];

/** The device parsers in the order they are tried; every one that matches runs, each on the previous result. */
export const deviceParsers: readonly DeviceParser[] = builtin;

/** Adds a device parser (tests, plugins); returns a function that removes it again. */
export function registerDeviceParser(parser: DeviceParser): () => void {
  builtin.push(parser);
  return () => {
    const i = builtin.indexOf(parser);
    if (i >= 0) builtin.splice(i, 1);
  };
}
