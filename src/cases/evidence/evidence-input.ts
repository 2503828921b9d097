// Checks of what callers hand the evidence service: texts, the custody entry's "from", and disposed items.
import type { Actor } from '../../access/actor.js';
import { YaguraError } from '../../core/errors.js';
import type { EvidenceRow } from './evidence-rows.js';

const CONTROL = /\p{Cc}/u;

export function refuseDisposed(row: EvidenceRow): void {
  if (row.disposed_at !== null) {
    throw new YaguraError(
      'CONFLICT',
      `Evidence "${row.name}" (${row.id}) was disposed of on ${new Date(row.disposed_at).toISOString()} by ${row.disposed_by_name ?? '?'}`,
    );
  }
}

/** The custody entry's "from": what the caller says, else the request's network address. */
export function fromOf(actor: Actor, from: string | undefined): string {
  const given = from?.trim();
  if (given) {
    if (given.length > 500 || CONTROL.test(given)) {
      throw new YaguraError('REQUEST_INVALID', 'from: at most 500 characters, on one line', {
        location: { key: 'from' },
      });
    }
    return given;
  }
  return actor.address ?? (actor.kind === 'cli' ? 'local command line' : 'unknown');
}

export function checkText(
  value: string | undefined,
  what: string,
  max: number,
  options: { single: boolean; why?: boolean },
): string {
  const trimmed = (value ?? '').trim();
  if (trimmed === '') {
    throw new YaguraError('REQUEST_INVALID', options.why ? `${what} needs a reason` : `${what} is empty`);
  }
  if (trimmed.length > max) {
    throw new YaguraError('REQUEST_INVALID', `${what}: at most ${max} characters`);
  }
  // Multi-line text may hold line breaks and tabs; nothing else invisible.
  const stripped = options.single ? trimmed : trimmed.replace(/[\n\r\t]/g, ' ');
  if (CONTROL.test(stripped)) {
    throw new YaguraError('REQUEST_INVALID', `${what} contains control characters`);
  }
  return trimmed;
}

export function optionalText(value: string | undefined, what: string, max: number): string | undefined {
  return value === undefined || value.trim() === ''
    ? undefined
    : checkText(value, what, max, { single: false });
}
