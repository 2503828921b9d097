import { describe, expect, it } from 'vitest';
import { isTenantId, newEventId, tenantId } from './ids.js';

describe('newEventId', () => {
  it('makes 26-character ids that sort by creation time and never repeat', () => {
    const ids = [
      newEventId(1_000),
      newEventId(1_000),
      newEventId(2_000),
      newEventId(2_000),
      newEventId(3_000),
    ];
    expect(ids.every((id) => /^[0-9A-Z]{26}$/.test(id))).toBe(true);
    expect(new Set(ids).size).toBe(ids.length);
    expect([...ids].sort()).toEqual(ids);
  });
});

describe('tenantId', () => {
  it('accepts lowercase ids and rejects the rest with a reason', () => {
    expect(tenantId('acme-jp_1')).toBe('acme-jp_1');
    expect(isTenantId('ACME')).toBe(false);
    expect(() => tenantId('a b')).toThrow(/Invalid tenant id "a b"/);
  });
});
