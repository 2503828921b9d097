// The reusable view of the event being evaluated, one per field resolver: each Sigma field is resolved (and
// lower-cased) at most once per event, however many needle scans and candidate rules read it.
import type { Event, FieldValue } from '../../../core/event.js';
import type { EventView } from '../compile.js';
import { lowerValue, type LoweredValue } from '../lowered.js';

/** One Sigma field as the resolver reads it, and its value in the current event once looked up. */
export interface FieldSlot {
  /** Event fields to look in, first present wins (FieldResolver.candidates). */
  names: readonly string[];
  /** The view's epoch when `value` was read; another epoch means another event. */
  valueEpoch: number;
  value: FieldValue | undefined;
  loweredEpoch: number;
  lowered: LoweredValue | undefined;
}

export class ScratchView implements EventView {
  event: Event | undefined;
  // Epochs instead of clearing the slots for every event: moving to the next event is one increment.
  private epoch = 0;
  private readonly slots = new Map<string, FieldSlot>();
  private textList: readonly string[] | undefined;

  constructor(
    private readonly candidates: (field: string) => readonly string[],
    private readonly textsOf: (event: Event) => readonly string[],
  ) {}

  /** Points the view at `event`, forgetting what it read from the previous one. */
  at(event: Event): this {
    this.event = event;
    this.epoch++;
    this.textList = undefined;
    return this;
  }

  /** The field's slot: a reader that asks for the same field at every event keeps it and calls read(). */
  slot(field: string): FieldSlot {
    let slot = this.slots.get(field);
    if (slot === undefined) {
      slot = {
        names: this.candidates(field),
        valueEpoch: 0,
        value: undefined,
        loweredEpoch: 0,
        lowered: undefined,
      };
      this.slots.set(field, slot);
    }
    return slot;
  }

  /** The slot's field in the current event. */
  read(slot: FieldSlot): FieldValue | undefined {
    if (slot.valueEpoch !== this.epoch) {
      const fields = this.event!.fields;
      const names = slot.names;
      let value: FieldValue | undefined;
      for (let i = 0; i < names.length && value === undefined; i++) value = fields[names[i]!];
      slot.value = value;
      slot.valueEpoch = this.epoch;
    }
    return slot.value;
  }

  get(field: string): FieldValue | undefined {
    return this.read(this.slot(field));
  }

  lowered(field: string): LoweredValue | undefined {
    const slot = this.slot(field);
    if (slot.loweredEpoch !== this.epoch) {
      slot.lowered = lowerValue(this.read(slot));
      slot.loweredEpoch = this.epoch;
    }
    return slot.lowered;
  }

  texts(): readonly string[] {
    return (this.textList ??= this.textsOf(this.event!));
  }
}
