// Branded identifiers: a TenantId cannot be passed where an EventId is expected by accident.
import { randomBytes } from 'node:crypto';

declare const brand: unique symbol;
export type Brand<T, B extends string> = T & { readonly [brand]: B };

export type TenantId = Brand<string, 'TenantId'>;
export type EventId = Brand<string, 'EventId'>;
export type InputId = Brand<string, 'InputId'>;

const TENANT_ID = /^[a-z0-9][a-z0-9_-]{0,62}$/;

export function isTenantId(value: string): value is TenantId {
  return TENANT_ID.test(value);
}

export function tenantId(value: string): TenantId {
  if (!isTenantId(value)) {
    throw new TypeError(`Invalid tenant id "${value}": use 1-63 lowercase letters, digits, "_" or "-"`);
  }
  return value;
}

const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

function encodeTime(ms: number): string {
  let out = '';
  let n = ms;
  for (let i = 0; i < 10; i++) {
    out = CROCKFORD[n % 32] + out;
    n = Math.floor(n / 32);
  }
  return out;
}

// Monotonic ULID-style ids: sortable by creation time, unique within and across processes.
// A per-process random part plus a counter keeps generation cheap on the ingest hot path.
let lastMs = -1;
let lastTimePart = '';
let counter = 0;
let processPart = randomBytes(5).toString('hex').toUpperCase();

export function newEventId(now: number = Date.now()): EventId {
  if (now !== lastMs) {
    lastMs = now;
    lastTimePart = encodeTime(now);
    counter = 0;
  } else if (++counter > 0xffffff) {
    processPart = randomBytes(5).toString('hex').toUpperCase();
    counter = 0;
  }
  return (lastTimePart + processPart + counter.toString(16).toUpperCase().padStart(6, '0')) as EventId;
}
