// Password hashing (argon2id) and the password policy every new password must meet.
import argon2 from 'argon2';
import { YaguraError } from '../core/errors.js';
import { COMMON_PASSWORDS } from './common-passwords.js';

export interface PasswordHashCost {
  /** KiB of memory per hash. */
  memoryCost: number;
  timeCost: number;
  parallelism: number;
}

// RFC 9106's second recommended setting (64 MiB, 3 passes, 4 lanes): about 130 ms per hash or verify on the
// 2-core development machine, slow enough for guessing, fast enough that a sign-in does not feel it.
export const DEFAULT_HASH_COST: PasswordHashCost = { memoryCost: 65536, timeCost: 3, parallelism: 4 };

export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 256;

// NFKC so that the same password typed on different keyboards (full-width digits, composed kana) matches.
function normalize(password: string): string {
  return password.normalize('NFKC');
}

export async function hashPassword(
  password: string,
  cost: PasswordHashCost = DEFAULT_HASH_COST,
): Promise<string> {
  return argon2.hash(normalize(password), { type: argon2.argon2id, ...cost });
}

/** False for a wrong password or a malformed hash; never throws for either. */
export async function verifyPassword(hash: string, password: string): Promise<boolean> {
  try {
    return await argon2.verify(hash, normalize(password));
  } catch {
    return false;
  }
}

/** True when a stored hash was made with other parameters than `cost` and should be replaced at next sign-in. */
export function hashNeedsUpgrade(hash: string, cost: PasswordHashCost = DEFAULT_HASH_COST): boolean {
  try {
    return argon2.needsRehash(hash, cost);
  } catch {
    return true;
  }
}

/** Every way `password` breaks the policy, as sentences; empty when it is acceptable. */
export function passwordProblems(password: string, context: { username?: string } = {}): string[] {
  const problems: string[] = [];
  const chars = [...normalize(password)];
  const lower = chars.join('').toLowerCase();
  if (chars.length < PASSWORD_MIN_LENGTH) {
    problems.push(
      `The password must be at least ${PASSWORD_MIN_LENGTH} characters long (it has ${chars.length}).`,
    );
  }
  if (chars.length > PASSWORD_MAX_LENGTH) {
    problems.push(
      `The password must be at most ${PASSWORD_MAX_LENGTH} characters long (it has ${chars.length}).`,
    );
  }
  const username = context.username?.toLowerCase();
  if (username && username.length > 0 && lower.includes(username)) {
    problems.push('The password must not contain the user name.');
  }
  if (COMMON_PASSWORDS.has(lower)) {
    problems.push('The password is one of the most commonly used passwords; choose another.');
  } else if (chars.length > 0 && new Set(chars).size === 1) {
    problems.push('The password must not be one character repeated.');
  }
  return problems;
}

/** Throws PASSWORD_POLICY listing every problem when `password` breaks the policy. */
export function assertPasswordPolicy(password: string, context: { username?: string } = {}): void {
  const problems = passwordProblems(password, context);
  if (problems.length > 0) {
    throw new YaguraError('PASSWORD_POLICY', problems.join(' '), { problems });
  }
}
