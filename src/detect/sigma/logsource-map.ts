// Log-source mappings in the THOR/sigmac form: which events a rule's logsource means (EventID, channel) and how Sigma
// field names are spelled in them. The ECS field-mapping pipelines build on the same idea for normalized events.
import type { FieldValue } from '../../core/event.js';
import type { LogSource } from './rule.js';

export interface LogSourceEntry {
  category?: string;
  product?: string;
  service?: string;
  /** Field values the event must have (a list: any of them). */
  conditions?: Record<string, FieldValue>;
  /** Channels the events come from ("WinEventLog:Security" means Channel "Security"). */
  sources?: string[];
  /** Sigma field name -> the name in these events. */
  fieldmappings?: Record<string, string>;
}

export interface LogSourceBinding {
  /** Does this event belong to the rule's log source? */
  accepts(event: (field: string) => FieldValue | undefined): boolean;
  /** The event's name for a Sigma field. */
  field(name: string): string;
}

const KEYS = ['category', 'product', 'service'] as const;

function sameText(a: FieldValue | undefined, b: FieldValue): boolean {
  const want = Array.isArray(b) ? b : [b];
  const got = Array.isArray(a) ? a : [a];
  return got.some(
    (g) => g !== undefined && want.some((w) => String(g).toLowerCase() === String(w).toLowerCase()),
  );
}

function binding(entry: LogSourceEntry): LogSourceBinding {
  const conditions = Object.entries(entry.conditions ?? {});
  const channels = (entry.sources ?? []).map((s) => s.replace(/^WinEventLog:/, ''));
  const mappings = entry.fieldmappings ?? {};
  return {
    accepts: (get) =>
      conditions.every(([k, v]) => sameText(get(k), v)) &&
      (channels.length === 0 || sameText(get('Channel'), channels)),
    field: (name) => mappings[name] ?? name,
  };
}

/**
 * The bindings of a rule's logsource: the entries whose category/product/service all equal the rule's and that name
 * the rule's most specific key (its category, else its service). None: the rule looks at every event as it is.
 */
export function bindLogSource(entries: readonly LogSourceEntry[], logsource: LogSource): LogSourceBinding[] {
  const specific =
    logsource.category !== undefined ? 'category' : logsource.service !== undefined ? 'service' : undefined;
  return entries
    .filter(
      (e) =>
        specific !== undefined &&
        e[specific] === logsource[specific] &&
        KEYS.every((k) => e[k] === undefined || e[k] === logsource[k]) &&
        (e.conditions !== undefined || e.sources !== undefined),
    )
    .map(binding);
}
