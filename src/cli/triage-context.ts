// Opens the triage services (alerts, allow-list, assets) on the data folder's state database for one CLI command.
import type { Command } from 'commander';
import { openAccess } from '../access/open.js';
import { cliActor } from '../access/actor.js';
import { YaguraError } from '../core/errors.js';
import type { TenantId } from '../core/ids.js';
import { openTriage, type Triage } from '../triage/triage-stage.js';
import { configFor } from './context.js';

/**
 * Runs `use` with the triage services; the tenants they know are those of the state database, as for the server.
 * Changes go straight to the database: a running server sees them on its next read.
 */
export async function withTriage<T>(command: Command, use: (triage: Triage) => Promise<T>): Promise<T> {
  const access = await openAccess(configFor(command).dataDir);
  try {
    const known = (await access.tenants.list(cliActor())).map((t) => t.id as TenantId);
    const triage = await openTriage({ db: access.db, audit: access.audit, knownTenants: () => known });
    try {
      return await use(triage);
    } finally {
      await triage.stage.close();
    }
  } finally {
    await access.close();
  }
}

/** A positive whole number from an option such as --limit. */
export function positiveInt(text: string, option: string, max: number): number {
  const n = Number(text);
  if (!Number.isInteger(n) || n < 1 || n > max) {
    throw new YaguraError(
      'REQUEST_INVALID',
      `${option} must be a whole number from 1 to ${max}, not "${text}"`,
    );
  }
  return n;
}

/** An epoch-millisecond time as ISO text, or "-". */
export function isoOrDash(ms: number | null | undefined): string {
  return ms === null || ms === undefined ? '-' : new Date(ms).toISOString();
}

// Stored values come from logs and people: control characters are flattened so a table row stays one line.
export function flat(text: string): string {
  return text.replace(/[\u0000-\u001f\u007f]+/g, ' ');
}
