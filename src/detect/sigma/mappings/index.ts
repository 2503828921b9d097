// The built-in field mappings and how a rule's fields are resolved against an Event with them.
import type { Event, FieldValue } from '../../../core/event.js';
import type { EventView } from '../compile.js';
import { logSourceApplies, type LogSource } from '../rule.js';
import { lowerValue } from '../lowered.js';
import { network } from './network.js';
import { ScratchView, type FieldSlot } from './scratch-view.js';
import type { FieldMapping } from './types.js';
import { windows } from './windows.js';

export const BUILTIN_MAPPINGS: readonly FieldMapping[] = [...windows, ...network];

/**
 * Where each Sigma field of rules with this log source is looked for: the most specific mappings first (a
 * category's before its product's), then the prefixes, then the name itself (ECS-named rules, raw JSON).
 */
export class FieldResolver {
  private readonly cache = new Map<string, readonly string[]>();
  private readonly scratch = new ScratchView(
    (field) => this.candidates(field),
    (event) => eventTexts(event)(),
  );
  private readonly mappings: FieldMapping[];

  constructor(logsource: LogSource, mappings: readonly FieldMapping[] = BUILTIN_MAPPINGS) {
    const specificity = (m: FieldMapping) => Object.keys(m.logsource).length;
    this.mappings = mappings
      .filter((m) => logSourceApplies(m.logsource, logsource))
      .sort((a, b) => specificity(b) - specificity(a));
  }

  candidates(field: string): readonly string[] {
    let list = this.cache.get(field);
    if (!list) {
      const names: string[] = [];
      for (const m of this.mappings)
        for (const f of m.fields[field] ?? []) if (!names.includes(f)) names.push(f);
      for (const m of this.mappings)
        for (const p of m.prefixes ?? []) if (!names.includes(p + field)) names.push(p + field);
      if (!names.includes(field)) names.push(field);
      list = names;
      this.cache.set(field, list);
    }
    return list;
  }

  /**
   * The resolver's one reusable view, pointed at `event`: for evaluating an event synchronously (allocates
   * nothing per event); never keep it, the next event re-points it.
   */
  scratchView(event: Event): EventView {
    return this.scratch.event === event ? this.scratch : this.scratch.at(event);
  }

  /** Re-points the reusable view at `event` even when it looked at it before (its values may have changed). */
  startEvent(event: Event): void {
    this.scratch.at(event);
  }

  /** A handle on one Sigma field of the reusable view, for a reader that asks for it at every event. */
  slotOf(field: string): FieldSlot {
    return this.scratch.slot(field);
  }

  /** The field behind `slot` in the event the reusable view points at (see startEvent). */
  current(slot: FieldSlot): FieldValue | undefined {
    return this.scratch.read(slot);
  }

  /**
   * A view of an Event for a compiled rule: Sigma names resolved through the mappings. `texts` (every value, for
   * keyword search) is shared by the caller when several views look at the same event.
   */
  view(event: Event, texts: () => readonly string[] = eventTexts(event)): EventView {
    const get = (field: string): FieldValue | undefined => {
      for (const name of this.candidates(field)) {
        const value: FieldValue | undefined = event.fields[name];
        if (value !== undefined) return value;
      }
      return undefined;
    };
    return { get, lowered: (field) => lowerValue(get(field)), texts };
  }
}

/**
 * What keywords (field-less Sigma values) are searched in: the original line when the event kept one, as a
 * full-text search of the log would (Splunk's _raw); otherwise every value of the event as text. Values the
 * normalizer derived (event.category "process", ...) are not searched: they were never in the log.
 */
export function eventTexts(event: Event): () => readonly string[] {
  let texts: string[] | undefined;
  return () => {
    if (!texts) {
      if (event.raw !== undefined) texts = [event.raw];
      else {
        texts = [];
        for (const v of Object.values(event.fields)) {
          if (Array.isArray(v)) for (const x of v) texts.push(String(x));
          else if (v !== null) texts.push(String(v));
        }
      }
    }
    return texts;
  };
}
