import { describe, expect, it } from 'vitest';
import { YaguraError } from '../core/errors.js';
import {
  DEFAULT_HASH_COST,
  assertPasswordPolicy,
  hashNeedsUpgrade,
  hashPassword,
  passwordProblems,
  verifyPassword,
} from './passwords.js';
import { TEST_HASH_COST } from './test-support.js';

describe('password hashing', () => {
  it('stores argon2id hashes at the default cost and verifies only the right password', async () => {
    const started = performance.now();
    const hash = await hashPassword('plum-kettle-harbour-42');
    const elapsed = performance.now() - started;
    expect(hash).toMatch(/^\$argon2id\$v=19\$m=65536,p=4,t=3\$/);
    expect(await verifyPassword(hash, 'plum-kettle-harbour-42')).toBe(true);
    expect(await verifyPassword(hash, 'plum-kettle-harbour-43')).toBe(false);
    expect(elapsed).toBeLessThan(5000);
  });

  it('matches the same password typed in full-width characters', async () => {
    const hash = await hashPassword('Password-２０２５-sakura', TEST_HASH_COST);
    expect(await verifyPassword(hash, 'Password-2025-sakura')).toBe(true);
  });

  it('treats a malformed hash as a wrong password', async () => {
    expect(await verifyPassword('not-a-hash', 'anything at all')).toBe(false);
  });

  it('asks for an upgrade of hashes made at another cost', async () => {
    const cheap = await hashPassword('plum-kettle-harbour-42', TEST_HASH_COST);
    expect(hashNeedsUpgrade(cheap, DEFAULT_HASH_COST)).toBe(true);
    expect(hashNeedsUpgrade(cheap, TEST_HASH_COST)).toBe(false);
  });
});

describe('the password policy', () => {
  it('accepts a long uncommon password', () => {
    expect(passwordProblems('plum-kettle-harbour-42', { username: 'alice' })).toEqual([]);
  });

  it('says how long the password must be and how long it is', () => {
    expect(passwordProblems('short-pw')).toEqual([
      'The password must be at least 12 characters long (it has 8).',
    ]);
    expect(passwordProblems('x'.repeat(200) + 'y'.repeat(57))).toEqual([
      'The password must be at most 256 characters long (it has 257).',
    ]);
  });

  it('refuses the user name inside the password, in any case', () => {
    expect(passwordProblems('Tanaka-Hanako-2025', { username: 'tanaka' })).toEqual([
      'The password must not contain the user name.',
    ]);
  });

  it('refuses common passwords and one repeated character', () => {
    expect(passwordProblems('Password1234')).toEqual([
      'The password is one of the most commonly used passwords; choose another.',
    ]);
    expect(passwordProblems('aaaaaaaaaaaaaa')).toEqual(['The password must not be one character repeated.']);
  });

  it('throws PASSWORD_POLICY listing every problem', () => {
    try {
      assertPasswordPolicy('bob', { username: 'bob' });
      throw new Error('expected a policy error');
    } catch (error) {
      expect(error).toBeInstanceOf(YaguraError);
      const e = error as YaguraError;
      expect(e.code).toBe('PASSWORD_POLICY');
      expect(e.status).toBe(400);
      expect(e.details?.problems).toHaveLength(2);
      expect(e.message).toContain('at least 12 characters');
      expect(e.message).toContain('user name');
    }
  });
});
