// A reusable view of one line's key=value pairs, for device parsers that read them without merging them as fields.
import type { FieldValue } from '../core/event.js';

const MAX_SLOTS = 4096;

/**
 * The kv.* names a parser reads, each with a slot number: the parser resolves its names once, at load (before any
 * line: pairs are filed by slot as they are added), and reads a line's values by slot, an array index, instead of
 * by name, a hash lookup per read.
 */
export class KvNames {
  private readonly slots = new Map<string, number>();
  private readonly names: string[] = [];

  /** The slot of `name` ("kv.srcip"), given on first use. */
  slot(name: string): number {
    let s = this.slots.get(name);
    if (s === undefined) {
      s = this.names.length;
      this.slots.set(name, s);
      this.names.push(name);
    }
    return s;
  }

  /** The name of a slot. */
  nameOf(slot: number): string {
    return this.names[slot] as string;
  }

  /** The slot of `name` if it has one, without giving one. */
  find(name: string): number | undefined {
    return this.slots.get(name);
  }

  /**
   * The slot of `name`, given on first use while fewer than MAX_SLOTS names have one (sender-chosen keys must not
   * grow the table without bound); -1 after that. Every key of a line then has a slot a parser can keep its own
   * per-key decisions under (an array index), instead of looking the key up again in a map of its own.
   */
  slotOrNew(name: string): number {
    const s = this.slots.get(name);
    if (s !== undefined) return s;
    return this.names.length < MAX_SLOTS ? this.slot(name) : -1;
  }

  /** Slots for several keys: { srcip: slot('kv.srcip'), ... }. */
  slotsOf<K extends string>(keys: readonly K[]): Readonly<Record<K, number>> {
    const out = {} as Record<K, number>;
    for (const k of keys) out[k] = this.slot('kv.' + k);
    return out;
  }
}

/** A line's pairs read by slot: scanned (KvPairs) or already merged into a record's fields (KvFields). */
export interface KvValues {
  at(slot: number): FieldValue | undefined;
}

/** The kv.* fields of a record the generic key=value parse filled, read by slot. */
export class KvFields implements KvValues {
  constructor(
    private readonly known: KvNames,
    private readonly fields: Record<string, FieldValue>,
  ) {}

  at(slot: number): FieldValue | undefined {
    return this.fields[this.known.nameOf(slot)];
  }
}

/**
 * The pairs of one line, scanned from its text: in line order, and by slot for the names that have one. Reused
 * from line to line: nothing is allocated per line.
 */
export class KvPairs implements KvValues {
  private names: string[] = [];
  private values: FieldValue[] = [];
  /** The slot of each pair's name, -1 when the names table is full. */
  private slots: number[] = [];
  private count = 0;
  private bySlot: (FieldValue | undefined)[] = [];

  constructor(private readonly known: KvNames) {}

  get size(): number {
    return this.count;
  }

  clear(): void {
    const bySlot = this.bySlot;
    for (let i = 0; i < this.count; i++) {
      const s = this.slots[i] as number;
      if (s >= 0) bySlot[s] = undefined;
    }
    this.count = 0;
  }

  add(name: string, value: FieldValue): void {
    const s = this.known.slotOrNew(name);
    this.names[this.count] = name;
    this.values[this.count] = value;
    this.slots[this.count] = s;
    this.count++;
    if (s >= 0 && this.bySlot[s] === undefined) this.bySlot[s] = value;
  }

  /** The value of the first pair whose name has slot `slot`, or undefined. */
  at(slot: number): FieldValue | undefined {
    return this.bySlot[slot];
  }

  nameAt(i: number): string {
    return this.names[i] as string;
  }

  valueAt(i: number): FieldValue {
    return this.values[i] as FieldValue;
  }

  /** The slot of the i-th pair's name (see KvNames.slotOrNew), -1 when it has none. */
  slotAt(i: number): number {
    return this.slots[i] as number;
  }
}
