// The format parsers by name: adding a format is one file and one line here.
import { cef } from './cef.js';
import { json } from './json.js';
import { kv } from './kv.js';
import { leef } from './leef.js';
import { rfc3164 } from './rfc3164.js';
import { rfc5424 } from './rfc5424.js';
import type { FormatParser } from './types.js';

export const parsers = { rfc5424, rfc3164, cef, leef, json, kv } as const satisfies Record<
  string,
  FormatParser
>;

export type FormatName = keyof typeof parsers;

export function isFormatName(name: string): name is FormatName {
  return Object.prototype.hasOwnProperty.call(parsers, name);
}

export type { FormatParser, ParseContext, ParsedRecord } from './types.js';
