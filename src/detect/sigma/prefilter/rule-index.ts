// The rules of one log source, indexed by their needles: an event is run through one multi-needle scan per field,
// and only the rules whose needles occur in it (plus those without needles) are evaluated in full.
import type { Event, FieldValue } from '../../../core/event.js';
import type { FieldResolver } from '../mappings/index.js';
import { MultiNeedle } from './multi-needle.js';
import { KEYWORDS, type Necessary } from './needles.js';

export interface IndexedRule {
  needs: Necessary;
  resolver: FieldResolver;
}

interface FieldScan {
  /** The Sigma field scanned, as the rules' resolver reads it, or KEYWORDS for every value of the event. */
  field: string;
  resolver: FieldResolver;
  scanner: MultiNeedle;
  /** Rule positions to evaluate when needle `id` occurs. */
  rulesOf: number[][];
}

export class RuleIndex<R extends IndexedRule> {
  private readonly scans: FieldScan[] = [];
  /** Positions of rules with no needles: evaluated for every event. */
  private readonly always: number[] = [];
  private readonly seen: Uint32Array;
  private stamp = 0;

  constructor(readonly rules: readonly R[]) {
    this.seen = new Uint32Array(rules.length);
    // Keyed by resolver and Sigma field: the scan reads the very value the rule's predicate will read.
    const byField = new Map<FieldResolver, Map<string, Map<string, number[]>>>();
    rules.forEach((rule, position) => {
      if (!rule.needs) {
        this.always.push(position);
        return;
      }
      for (const needle of rule.needs) {
        // Keywords do not go through a resolver: one scan serves the keyword rules of every log source.
        const resolver = needle.field === KEYWORDS ? rules[0]!.resolver : rule.resolver;
        let fields = byField.get(resolver);
        if (!fields) byField.set(resolver, (fields = new Map()));
        let texts = fields.get(needle.field);
        if (!texts) fields.set(needle.field, (texts = new Map()));
        let list = texts.get(needle.text);
        if (!list) texts.set(needle.text, (list = []));
        if (list.at(-1) !== position) list.push(position);
      }
    });
    for (const [resolver, fields] of byField) {
      for (const [field, texts] of fields) {
        this.scans.push({
          field,
          resolver,
          scanner: new MultiNeedle([...texts.keys()]),
          rulesOf: [...texts.values()],
        });
      }
    }
  }

  get unindexed(): number {
    return this.always.length;
  }

  /** Positions (ascending) of the rules that may match the event: the others cannot. */
  candidates(event: Event): number[] {
    if (++this.stamp === 0xffffffff) {
      this.seen.fill(0);
      this.stamp = 1;
    }
    const stamp = this.stamp;
    const seen = this.seen;
    const out = [...this.always];
    const context: ScanContext = { seen, stamp, out, rulesOf: NONE };
    for (const scan of this.scans) {
      context.rulesOf = scan.rulesOf;
      if (scan.field === KEYWORDS) {
        // The same texts as EventView.texts() (see eventTexts), read in place.
        if (event.raw !== undefined) scan.scanner.scan(event.raw, found, context);
        else for (const key in event.fields) scanValue(scan.scanner, event.fields[key], context);
        continue;
      }
      scanValue(scan.scanner, scan.resolver.scratchView(event).get(scan.field), context);
    }
    return this.always.length === out.length ? out : out.sort((a, b) => a - b);
  }
}

interface ScanContext {
  seen: Uint32Array;
  stamp: number;
  out: number[];
  rulesOf: number[][];
}

const NONE: number[][] = [];

function found(context: ScanContext, id: number): void {
  const { seen, stamp, out } = context;
  for (const position of context.rulesOf[id]!) {
    if (seen[position] !== stamp) {
      seen[position] = stamp;
      out.push(position);
    }
  }
}

function scanValue(scanner: MultiNeedle, value: FieldValue | undefined, context: ScanContext): void {
  if (value === undefined || value === null) return;
  if (Array.isArray(value)) {
    for (const v of value) if (v !== null) scanner.scan(String(v), found, context);
  } else scanner.scan(typeof value === 'string' ? value : String(value), found, context);
}
