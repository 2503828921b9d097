// Criticality of an asset: 1 (lab box) to 5 (crown jewel), or not rated; how the form reads and writes it.

export const CRITICALITIES = [1, 2, 3, 4, 5] as const;
export type CriticalityKey = 'unrated' | '1' | '2' | '3' | '4' | '5';

/** The text key under `assets.criticality` for a stored value; anything outside 1-5 counts as not rated. */
export function criticalityKey(value: number | null | undefined): CriticalityKey {
  if (value === null || value === undefined || !Number.isInteger(value) || value < 1 || value > 5) {
    return 'unrated';
  }
  return String(value) as CriticalityKey;
}

/** The value of the form's select ('' for not rated) as the API takes it. */
export function criticalityFromField(field: string): number | null {
  const key = criticalityKey(field.trim() === '' ? null : Number(field));
  return key === 'unrated' ? null : Number(key);
}

export function criticalityToField(value: number | null): string {
  const key = criticalityKey(value);
  return key === 'unrated' ? '' : key;
}
