// Test support: SigmaHQ's regression events (flat Windows event JSON) as Yagura stores them, normalized like any input.
import { readdirSync, readFileSync } from 'node:fs';
import type { Event } from '../../../core/event.js';
import { tenantId } from '../../../core/ids.js';
import { normalize } from '../../../normalize/normalize.js';

/** Every event of `<dir>/events/*.jsonl`, in file order. */
export function regressionEvents(dir: string): Event[] {
  const receivedAt = Date.UTC(2026, 0, 1);
  const out: Event[] = [];
  for (const file of readdirSync(`${dir}/events`).sort()) {
    for (const line of readFileSync(`${dir}/events/${file}`, 'utf8').split('\n')) {
      if (line.trim() === '') continue;
      const raw = { tenant: tenantId('t'), input: 'file', receivedAt, text: line };
      out.push(normalize(raw, { receivedAt, timeZone: 'UTC' }));
    }
  }
  return out;
}
