// A quick "none of these needles can be in this text" for a few long needles (Wu-Manber shifts on 2-character
// blocks): it looks at about one block every few characters instead of every character. Case-insensitive.

const BLOCK = 2;
const KELVIN = 0x212a;

function fold(code: number): number {
  if (code >= 65 && code <= 90) return code + 32;
  return code === KELVIN ? 107 : code;
}

/** The low six bits of each ASCII code after folding: a table lookup rather than branches in the hot loop. */
const LOW6 = Uint8Array.from({ length: 128 }, (_, code) => fold(code) & 0x3f);
const KELVIN_LOW6 = fold(KELVIN) & 0x3f;

function low6(code: number): number {
  return code < 128 ? LOW6[code]! : code === KELVIN ? KELVIN_LOW6 : code & 0x3f;
}

function hash(a: number, b: number): number {
  return (low6(a) << 6) | low6(b);
}

export class ShiftScan {
  /** The window: the shortest needle's length; each needle is looked at by its first `window` characters. */
  readonly window: number;
  private readonly shift: Uint8Array;

  /** Undefined when the needles are too short for shifts to pay. */
  static for(needles: readonly string[], minWindow = 4): ShiftScan | undefined {
    const window = Math.min(...needles.map((n) => n.length));
    return needles.length > 0 && window >= minWindow && window < 256
      ? new ShiftScan(needles, window)
      : undefined;
  }

  private constructor(needles: readonly string[], window: number) {
    this.window = window;
    this.shift = new Uint8Array(4096).fill(window - BLOCK + 1);
    for (const needle of needles) {
      for (let q = BLOCK; q <= window; q++) {
        const h = hash(needle.charCodeAt(q - 2), needle.charCodeAt(q - 1));
        // Hash collisions only shorten shifts: the scan may say "maybe" too often, never "no" wrongly.
        if (window - q < this.shift[h]!) this.shift[h] = window - q;
      }
    }
  }

  /** False when no needle occurs in the text; true when one may. */
  maybe(text: string): boolean {
    return this.next(text, this.window) !== -1;
  }

  /**
   * The first window end at or after `end` where a needle may start (at `end - window`), or -1: no needle starts
   * between `end - window` and the end of the text.
   */
  next(text: string, end: number): number {
    const { shift } = this;
    while (end <= text.length) {
      const s = shift[hash(text.charCodeAt(end - 2), text.charCodeAt(end - 1))]!;
      if (s === 0) return end;
      end += s;
    }
    return -1;
  }
}
