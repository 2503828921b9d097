// Where the embedded store keeps its files: one SQLite database per UTC day under <dataDir>/events/.
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

export const DAY_MS = 86_400_000;

const DAY_FILE = /^(\d{4}-\d{2}-\d{2})\.db$/;
const dayNameCache = new Map<number, string>();

/** Days since the epoch of an epoch-ms time (UTC). */
export function dayNumber(time: number): number {
  return Math.floor(time / DAY_MS);
}

/** "YYYY-MM-DD" of a day number. */
export function dayName(day: number): string {
  let name = dayNameCache.get(day);
  if (name === undefined) {
    name = new Date(day * DAY_MS).toISOString().slice(0, 10);
    if (dayNameCache.size > 4096) dayNameCache.clear();
    dayNameCache.set(day, name);
  }
  return name;
}

/** Epoch ms at which the named day starts. */
export function dayStart(name: string): number {
  return Date.parse(`${name}T00:00:00.000Z`);
}

export function eventsDir(dataDir: string): string {
  return join(dataDir, 'events');
}

export function dayFile(dataDir: string, name: string): string {
  return join(eventsDir(dataDir), `${name}.db`);
}

/** The companion files SQLite keeps beside a WAL database. */
export const SIDE_FILES = ['-wal', '-shm'] as const;

/** Day names present on disk, oldest first. */
export function listDays(dataDir: string): string[] {
  let names: string[];
  try {
    names = readdirSync(eventsDir(dataDir));
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw e;
  }
  const days: string[] = [];
  for (const n of names) {
    const m = DAY_FILE.exec(n);
    if (m?.[1] !== undefined) days.push(m[1]);
  }
  return days.sort();
}

/** Day names whose files can hold events in [from, to), in the order asked. */
export function daysInRange(dataDir: string, from: number, to: number, order: 'asc' | 'desc'): string[] {
  const first = dayName(dayNumber(from));
  const last = dayName(dayNumber(Math.max(from, to - 1)));
  const days = listDays(dataDir).filter((d) => d >= first && d <= last);
  return order === 'desc' ? days.reverse() : days;
}

/** Bytes a day takes on disk, WAL and shared-memory files included. */
export function dayBytes(dataDir: string, name: string): number {
  const base = dayFile(dataDir, name);
  let total = 0;
  for (const suffix of ['', ...SIDE_FILES]) {
    try {
      total += statSync(base + suffix).size;
    } catch {
      // A missing -wal/-shm simply adds nothing.
    }
  }
  return total;
}
