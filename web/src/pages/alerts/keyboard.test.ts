import { describe, expect, it } from 'vitest';
import { commandOf, moveCursor } from './keyboard.js';

const key = (k: string, over: Partial<Parameters<typeof commandOf>[0]> = {}) =>
  commandOf({
    key: k,
    ctrlKey: false,
    metaKey: false,
    altKey: false,
    targetTag: 'TR',
    targetEditable: false,
    ...over,
  });

describe('keyboard triage', () => {
  it('maps the documented keys and the arrow aliases', () => {
    expect([key('j'), key('k'), key('x'), key('Enter'), key('a'), key('f'), key('?')]).toEqual([
      'next',
      'previous',
      'toggle',
      'open',
      'acknowledge',
      'false_positive',
      'help',
    ]);
    expect([key('ArrowDown'), key('ArrowUp'), key('o')]).toEqual(['next', 'previous', 'open']);
    expect(key('q')).toBeUndefined();
  });

  it('leaves keys alone while the user types or uses a browser shortcut', () => {
    expect(key('a', { targetTag: 'INPUT' })).toBeUndefined();
    expect(key('a', { targetTag: 'div', targetEditable: true })).toBeUndefined();
    expect(key('a', { ctrlKey: true })).toBeUndefined();
    expect(key('Enter', { targetTag: 'BUTTON' })).toBeUndefined();
    expect(key('j', { targetTag: 'BUTTON' })).toBe('next');
  });

  it('moves the cursor within the list', () => {
    expect(moveCursor(-1, 3, 'next')).toBe(0);
    expect(moveCursor(2, 3, 'next')).toBe(2);
    expect(moveCursor(0, 3, 'previous')).toBe(0);
    expect(moveCursor(1, 3, 'previous')).toBe(0);
    expect(moveCursor(0, 0, 'next')).toBe(-1);
  });
});
