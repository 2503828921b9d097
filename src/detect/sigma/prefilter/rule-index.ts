// The rules of one log source, indexed by their needles: an event is run through one multi-needle scan per field,
// and only the rules whose needle groups all occur in it (plus those without needles) are evaluated in full.
import type { Event, FieldValue } from '../../../core/event.js';
import type { FieldResolver } from '../mappings/index.js';
import type { FieldSlot } from '../mappings/scratch-view.js';
import { MultiNeedle } from './multi-needle.js';
import { KEYWORDS, type Needle } from './needles.js';

export interface IndexedRule {
  /** Groups of needles (see ruleNeedGroups): a needle of every group must occur; undefined: always evaluated. */
  needs: readonly (readonly Needle[])[] | undefined;
  resolver: FieldResolver;
}

/** Rules have at most this many needle groups: one bit each in a rule's mark. */
const MAX_GROUPS = 8;

interface FieldScan {
  /** The Sigma field scanned, as the rules' resolver reads it, or KEYWORDS for every value of the event. */
  field: string;
  resolver: FieldResolver;
  /** The field's slot in the resolver's view (none for KEYWORDS): read without looking the name up. */
  slot: FieldSlot | undefined;
  scanner: MultiNeedle;
  /** When needle `id` occurs: the rules it concerns, each as position * 256 + the bits of its groups it is in. */
  rulesOf: number[][];
}

export class RuleIndex<R extends IndexedRule> {
  private readonly scans: FieldScan[] = [];
  /** Positions of rules with no needles: evaluated for every event. */
  private readonly always: number[] = [];
  /** The distinct resolvers of the rules: their views are re-pointed at each event. */
  private readonly resolvers: FieldResolver[];
  // One context and one output list for every event: candidates() allocates nothing.
  private readonly context: ScanContext;

  constructor(readonly rules: readonly R[]) {
    this.resolvers = [...new Set(rules.map((r) => r.resolver))];
    const complete = new Uint8Array(rules.length);
    this.context = {
      seen: new Uint32Array(rules.length),
      marks: new Uint8Array(rules.length),
      complete,
      stamp: 0,
      out: [],
      rulesOf: NONE,
    };
    // Keyed by resolver and Sigma field: the scan reads the very value the rule's predicate will read. Innermost:
    // rule position -> the bits of the rule's groups the needle is in.
    const byField = new Map<FieldResolver, Map<string, Map<string, Map<number, number>>>>();
    rules.forEach((rule, position) => {
      if (!rule.needs || rule.needs.length === 0) {
        this.always.push(position);
        return;
      }
      if (rule.needs.length > MAX_GROUPS) throw new Error(`more than ${MAX_GROUPS} needle groups`);
      complete[position] = (1 << rule.needs.length) - 1;
      rule.needs.forEach((group, g) => {
        for (const needle of group) {
          // Keywords do not go through a resolver: one scan serves the keyword rules of every log source.
          const resolver = needle.field === KEYWORDS ? rules[0]!.resolver : rule.resolver;
          let fields = byField.get(resolver);
          if (!fields) byField.set(resolver, (fields = new Map()));
          let texts = fields.get(needle.field);
          if (!texts) fields.set(needle.field, (texts = new Map()));
          let bits = texts.get(needle.text);
          if (!bits) texts.set(needle.text, (bits = new Map()));
          bits.set(position, (bits.get(position) ?? 0) | (1 << g));
        }
      });
    });
    for (const [resolver, fields] of byField) {
      for (const [field, texts] of fields) {
        this.scans.push({
          field,
          resolver,
          slot: field === KEYWORDS ? undefined : resolver.slotOf(field),
          scanner: new MultiNeedle([...texts.keys()]),
          rulesOf: [...texts.values()].map((bits) => [...bits].map(([position, b]) => position * 256 + b)),
        });
      }
    }
  }

  get unindexed(): number {
    return this.always.length;
  }

  /**
   * Positions (ascending) of the rules that may match the event: the others cannot. The list is reused by the
   * next call. Also points the rules' views at the event.
   */
  candidates(event: Event): readonly number[] {
    for (const resolver of this.resolvers) resolver.startEvent(event);
    const context = this.context;
    if (++context.stamp === 0xffffffff) {
      context.seen.fill(0);
      context.stamp = 1;
    }
    const out = context.out;
    out.length = 0;
    for (let i = 0; i < this.always.length; i++) out.push(this.always[i]!);
    for (const scan of this.scans) {
      context.rulesOf = scan.rulesOf;
      if (scan.field === KEYWORDS) {
        // The same texts as EventView.texts() (see eventTexts), read in place.
        if (event.raw !== undefined) scan.scanner.scan(event.raw, found, context);
        else for (const key in event.fields) scanValue(scan.scanner, event.fields[key], context);
        continue;
      }
      scanValue(scan.scanner, scan.resolver.current(scan.slot!), context);
    }
    context.rulesOf = NONE;
    return this.always.length === out.length ? out : out.sort(ascending);
  }
}

interface ScanContext {
  /** `stamp` where `marks` holds the current event's bits for a rule. */
  seen: Uint32Array;
  /** The rule's groups met so far in this event, one bit each. */
  marks: Uint8Array;
  /** All of a rule's group bits. */
  complete: Uint8Array;
  stamp: number;
  out: number[];
  rulesOf: number[][];
}

const NONE: number[][] = [];

const ascending = (a: number, b: number): number => a - b;

function found(context: ScanContext, id: number): void {
  const { seen, marks, complete, stamp, out } = context;
  const entries = context.rulesOf[id]!;
  for (let i = 0; i < entries.length; i++) {
    const position = entries[i]! >>> 8;
    const bits = entries[i]! & 0xff;
    const before = seen[position] === stamp ? marks[position]! : 0;
    const after = before | bits;
    if (after === before) continue;
    seen[position] = stamp;
    marks[position] = after;
    // Bits only accumulate, so a rule becomes complete once: it is listed once.
    if (after === complete[position]) out.push(position);
  }
}

function scanValue(scanner: MultiNeedle, value: FieldValue | undefined, context: ScanContext): void {
  if (value === undefined || value === null) return;
  if (Array.isArray(value)) {
    for (const v of value) if (v !== null) scanner.scan(String(v), found, context);
  } else scanner.scan(typeof value === 'string' ? value : String(value), found, context);
}
