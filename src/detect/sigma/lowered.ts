// Field values as case-insensitive Sigma patterns read them: lower-cased once, then compared by every pattern.
import type { FieldValue } from '../../core/event.js';

/** Each scalar as lower-cased text; null stays null (it matches no text pattern). */
export type LoweredValue = string | null | readonly (string | null)[];

export function lowerValue(value: FieldValue | undefined): LoweredValue | undefined {
  if (value === undefined || value === null) return value;
  if (typeof value === 'string') return value.toLowerCase();
  if (!Array.isArray(value)) return String(value).toLowerCase();
  return value.map((x) => (x === null ? null : String(x).toLowerCase()));
}
