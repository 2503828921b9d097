import { describe, expect, it } from 'vitest';
import { criticalityFromField, criticalityKey, criticalityToField } from './criticality.js';

describe('criticality', () => {
  it('names 1 to 5 by their number and everything else as not rated', () => {
    expect([1, 2, 3, 4, 5].map(criticalityKey)).toEqual(['1', '2', '3', '4', '5']);
    expect(criticalityKey(null)).toBe('unrated');
    expect(criticalityKey(0)).toBe('unrated');
    expect(criticalityKey(6)).toBe('unrated');
    expect(criticalityKey(2.5)).toBe('unrated');
  });

  it('reads the select value: empty is null, a level is its number', () => {
    expect(criticalityFromField('')).toBeNull();
    expect(criticalityFromField('5')).toBe(5);
    expect(criticalityFromField('9')).toBeNull();
  });

  it('writes a stored value back into the select', () => {
    expect(criticalityToField(null)).toBe('');
    expect(criticalityToField(4)).toBe('4');
  });
});
