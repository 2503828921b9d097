// Trend Micro Deep Security / Cloud One Workload Security and Apex One (through Apex Central) CEF: the generic
// CEF parse plus the kind of event (anti-malware, web reputation, firewall, IPS, integrity monitoring, log
// inspection, ...) told by the event class ID, and the ECS fields Trend Micro's custom fields carry.
//
// cef.* stays as the CEF parser made it; only ECS fields are added, and none the CEF parser already set is changed.
import type { FieldValue } from '../../core/event.js';
import type { ParseContext, ParsedRecord } from '../types.js';
import { toInt } from '../values.js';
import type { DeviceParser } from './index.js';
import {
  APEX_IDS,
  APEX_PREFIXES,
  APEX_WEB_ACTION_TYPES,
  CLASS_TRAITS,
  DEEP_SECURITY_RANGES,
  EXTENSION_TO_ECS,
  LABEL_TO_ECS,
  type TrendClass,
} from './maps/trendmicro.js';

type Fields = Record<string, FieldValue>;

const EXT = 'cef.extensions.';
/** Custom fields whose label says what they hold. */
const LABELLED: readonly (readonly [value: string, label: string])[] = [
  'deviceCustomString1',
  'deviceCustomString2',
  'deviceCustomString3',
  'deviceCustomString4',
  'deviceCustomString5',
  'deviceCustomString6',
  'deviceCustomNumber1',
  'deviceCustomNumber2',
  'deviceCustomNumber3',
].map((k): readonly [string, string] => [EXT + k, EXT + k + 'Label']);

// Actions as both products word them ("Deny", "IDS:Reset", "File quarantined", "Access denied", "Passed").
const DENIED =
  /\b(?:deny|denied|drop|dropped|reset|block|blocked|quarantine|quarantined|delete|deleted|cleaned)\b/i;
const ALLOWED = /^(?:allow|allowed|pass|passed|accept)\b/i;
/** "Unable to quarantine file", "not blocked": the action named did not happen. */
const FAILED = /\b(?:unable|failed|not)\b/i;
const DS_HOST_KEYS = ['deviceHostName'];
const APEX_HOST_KEYS = ['deviceHostName', 'destinationHostName', 'sourceHostName'];
const HEX = /^[0-9a-fA-F]+$/;

function labelKey(label: string): string {
  return label.toLowerCase().replace(/[^a-z0-9]/g, '');
}

/** Which kind of event: Deep Security by its numeric class id, Apex Central by its id's prefix. */
export function classify(product: string, classId: string): TrendClass | undefined {
  const colon = classId.indexOf(':');
  if (colon > 0) return APEX_PREFIXES[classId.slice(0, colon)];
  const byName = APEX_IDS[classId];
  if (byName) return byName;
  if (product.startsWith('Apex') || product.startsWith('Control Manager')) return undefined;
  const id = toInt(classId);
  if (Number.isNaN(id)) return undefined;
  for (const [from, to, cls] of DEEP_SECURITY_RANGES) if (id >= from && id <= to) return cls;
  return undefined;
}

function putHash(f: Fields, field: string, value: FieldValue | undefined): void {
  if (typeof value !== 'string' || !HEX.test(value) || f[field] !== undefined) return;
  f[field] = value.toLowerCase();
}

function custom(f: Fields): void {
  for (const [valueKey, labelKeyName] of LABELLED) {
    const label = f[labelKeyName];
    const value = f[valueKey];
    if (typeof label !== 'string' || value === undefined || value === '') continue;
    const field = LABEL_TO_ECS[labelKey(label)];
    if (!field || f[field] !== undefined) continue;
    if (field.startsWith('file.hash.')) putHash(f, field, value);
    else f[field] = typeof value === 'string' ? value : String(value);
  }
  for (const key in EXTENSION_TO_ECS) putHash(f, EXTENSION_TO_ECS[key] as string, f[EXT + key]);
}

function categorize(f: Fields, cls: TrendClass): void {
  const traits = CLASS_TRAITS[cls];
  if (traits.kind) f['event.kind'] = traits.kind;
  if (traits.category) f['event.category'] = traits.category.slice();
  const types = traits.type.slice();
  const act = f[EXT + 'deviceAction'];
  const verdict =
    typeof act !== 'string' || FAILED.test(act)
      ? undefined
      : DENIED.test(act)
        ? 'denied'
        : ALLOWED.test(act)
          ? 'allowed'
          : cls === 'web_reputation'
            ? APEX_WEB_ACTION_TYPES[act]
            : undefined;
  const msg = f[EXT + 'message'];
  // Deep Security web reputation says it in the text only: "Blocked By Admin", "Blocked By Page Rating".
  if (verdict) types.push(verdict);
  else if (cls === 'web_reputation' && typeof msg === 'string' && msg.startsWith('Blocked'))
    types.push('denied');
  f['event.type'] = types;
  const name = f['cef.name'];
  if (traits.nameIsRule && typeof name === 'string' && f['rule.name'] === undefined) f['rule.name'] = name;
  const id = f['cef.device.event_class_id'];
  if (traits.idIsRule && typeof id === 'string' && f['rule.id'] === undefined) f['rule.id'] = id;
  if (cls === 'malware' && typeof name === 'string' && f['rule.name'] === undefined) f['rule.name'] = name;
  if (cls === 'system' && typeof name === 'string') signIn(f, name);
}

/** Deep Security Manager's own sign-in events (600 User Signed In, 601 ..., 602 User Sign-In Failed, ...). */
function signIn(f: Fields, name: string): void {
  if (!name.startsWith('User ')) return;
  if (name === 'User Signed In') {
    f['event.category'] = ['authentication'];
    f['event.outcome'] = 'success';
  } else if (/Sign-?In Failed|Locked Out/i.test(name)) {
    f['event.category'] = ['authentication'];
    f['event.outcome'] = 'failure';
  }
}

function endpoint(f: Fields, product: string, cls: TrendClass | undefined): string | undefined {
  const keys = product.startsWith('Apex') && cls !== 'email' ? APEX_HOST_KEYS : DS_HOST_KEYS;
  for (const k of keys) {
    const v = f[EXT + k];
    if (typeof v === 'string' && v.length > 0) return v;
  }
  return undefined;
}

function fileName(f: Fields): void {
  const path = f['file.path'];
  if (typeof path !== 'string' || f['file.name'] !== undefined) return;
  const cut = Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\'));
  const name = path.slice(cut + 1);
  if (name.length > 0) f['file.name'] = name;
}

function match(record: ParsedRecord): boolean {
  const v = record.fields['cef.device.vendor'];
  return typeof v === 'string' && v.startsWith('Trend');
}

function normalize(record: ParsedRecord, _ctx: ParseContext): ParsedRecord {
  const f = record.fields;
  const product = typeof f['cef.device.product'] === 'string' ? f['cef.device.product'] : '';
  const classId = f['cef.device.event_class_id'];
  const cls = typeof classId === 'string' ? classify(product, classId) : undefined;
  custom(f);
  // The protected host replaces the syslog header's (the sender: a manager or relay; it stays in
  // log.syslog.hostname). Deep Security names it in dvchost; Apex Central in dvchost, dhost or shost
  // depending on the log (e-mail logs use them for senders and recipients).
  const host = product === 'Deep Security Manager' ? undefined : endpoint(f, product, cls);
  if (host) f['host.hostname'] = host;
  fileName(f);
  if (cls) categorize(f, cls);
  record.logsource = cls ? CLASS_TRAITS[cls].logsource : { product: 'trendmicro' };
  return record;
}

export const trendmicro: DeviceParser = {
  name: 'trendmicro',
  description:
    'Trend Micro Deep Security / Workload Security and Apex One (Apex Central) CEF: anti-malware, web reputation, firewall, IPS, integrity monitoring, log inspection.',
  why: 'the CEF vendor is Trend Micro',
  match,
  normalize,
};
