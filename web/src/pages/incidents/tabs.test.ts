import { describe, expect, it } from 'vitest';
import { readTab, tabKeyTarget, withTab } from './tabs.js';

describe('incident tabs', () => {
  it('reads the tab from the URL, the overview by default', () => {
    expect(readTab(new URLSearchParams('tab=tasks'))).toBe('tasks');
    expect(readTab(new URLSearchParams('tab=bogus'))).toBe('overview');
    expect(readTab(new URLSearchParams())).toBe('overview');
  });
  it('writes the tab, keeping other parameters and leaving the default out', () => {
    expect(withTab(new URLSearchParams('x=1'), 'timeline').toString()).toBe('x=1&tab=timeline');
    expect(withTab(new URLSearchParams('tab=tasks'), 'overview').toString()).toBe('');
  });
  it('moves with arrows (wrapping), Home and End', () => {
    expect(tabKeyTarget(0, 'ArrowRight', 7)).toBe(1);
    expect(tabKeyTarget(6, 'ArrowRight', 7)).toBe(0);
    expect(tabKeyTarget(0, 'ArrowLeft', 7)).toBe(6);
    expect(tabKeyTarget(3, 'Home', 7)).toBe(0);
    expect(tabKeyTarget(3, 'End', 7)).toBe(6);
    expect(tabKeyTarget(3, 'a', 7)).toBeUndefined();
  });
});
