// Test support: events made from a rule's own selections (matches, near misses, other mapped fields, null, lists),
// to check rule queries against the rule engine on far more cases than recorded logs hold.
import type { Event, FieldValue, Scalar } from '../../../core/event.js';
import type { DetectionItem } from '../item.js';
import { FieldResolver } from '../mappings/index.js';
import type { SigmaValue } from '../modifiers/types.js';
import type { Selection, SigmaRule } from '../rule.js';
import { isWildcard } from '../value.js';
import { T0, testEvent } from './bounds-fixture.js';

export { seeded, type Random } from '../../../core/seeded-random.js';
import type { Random } from '../../../core/seeded-random.js';

const pick = <T>(rnd: Random, list: readonly T[]): T => list[Math.floor(rnd() * list.length)]!;

function flipCase(rnd: Random, text: string): string {
  return text.replace(/[A-Za-z]/g, (c) =>
    rnd() < 0.3 ? (c === c.toLowerCase() ? c.toUpperCase() : c.toLowerCase()) : c,
  );
}

/** A value satisfying one Sigma value, or undefined when none is easy to make (regex, time parts). */
function instance(rnd: Random, v: SigmaValue, cased: boolean): Scalar | undefined {
  switch (v.type) {
    case 'pattern': {
      if (v.number !== undefined && rnd() < 0.5) return v.number;
      const text = v.pattern
        .map((p) => (isWildcard(p) ? (p.wildcard === '?' ? 'q' : pick(rnd, ['', 'Zz', ' mid '])) : p))
        .join('');
      return cased ? text : flipCase(rnd, text);
    }
    case 'cidr':
      return v.text.split('/')[0];
    case 'compare':
      return v.op.startsWith('g') ? v.number + 1 : v.number - 1;
    case 'exists':
      return v.exists ? 'present' : undefined;
    case 'null':
      return null;
    default:
      return undefined;
  }
}

function itemValue(rnd: Random, item: DetectionItem): Scalar | undefined {
  if (item.values.length === 0) return undefined;
  if (item.flags.all) {
    const parts = item.values.map((v) => instance(rnd, v, item.flags.cased));
    return parts.every((p) => typeof p === 'string') ? parts.join(' ') : parts[0];
  }
  const value = instance(rnd, pick(rnd, item.values), item.flags.cased);
  return item.flags.negate ? `not ${String(value)}` : value;
}

function nearMiss(value: Scalar): Scalar {
  if (typeof value === 'number') return value + 1;
  if (typeof value === 'string') return value.length > 1 ? value.slice(1) : `${value}x`;
  return 'x';
}

/** Puts a value where the rule engine may look for the field: mostly the first mapped name, sometimes another. */
function place(
  rnd: Random,
  fields: Record<string, FieldValue>,
  candidates: readonly string[],
  value: Scalar,
) {
  const at = rnd() < 0.6 ? 0 : Math.floor(rnd() * candidates.length);
  const name = candidates[at]!;
  // An earlier candidate present with null (or a list) hides the later one from the rule engine.
  if (at > 0 && rnd() < 0.15) fields[candidates[0]!] = rnd() < 0.5 ? null : [];
  fields[name] = rnd() < 0.1 ? ['other', value] : value;
}

function maps(selection: Selection): DetectionItem[][] {
  if (selection.kind === 'keywords') return [[selection.item]];
  if (selection.kind === 'map') return [selection.items];
  return selection.maps.flatMap(maps);
}

/** Events for one rule: per selection map a match attempt and a near miss, in the rule's log source. */
export function ruleEvents(rule: SigmaRule, rnd: Random): Event[] {
  const resolver = new FieldResolver(rule.logsource);
  const out: Event[] = [];
  for (const selection of rule.selections.values()) {
    for (const items of maps(selection).slice(0, 4)) {
      for (const variant of ['match', 'miss'] as const) {
        const fields: Record<string, FieldValue> = {};
        let raw: string | undefined;
        const missed = Math.floor(rnd() * items.length);
        items.forEach((item, i) => {
          let value = itemValue(rnd, item);
          if (value === undefined) return;
          if (variant === 'miss' && i === missed) value = nearMiss(value);
          if (item.field === undefined) {
            const where = rnd();
            if (where < 0.5) fields['message'] = `before ${String(value)} after`;
            else if (where < 0.75) raw = `raw ${String(value)}`;
            else fields['some.field'] = String(value);
          } else place(rnd, fields, resolver.candidates(item.field), value);
        });
        const logsource = { ...rule.logsource };
        if (logsource.product === 'windows' && !logsource.service && rnd() < 0.5)
          logsource.service = 'sysmon';
        const event = testEvent(fields, logsource, raw);
        event.time = T0 + out.length;
        out.push(event);
      }
    }
  }
  return out;
}
