// Messages between the store (main thread) and its writer worker.
import type { DayGroup } from './row-codec.js';
import type { WriterTuning } from './schema.js';

export interface WriterInit {
  dataDir: string;
  tuning: WriterTuning;
  /** Day files the writer keeps open at once (late events for older days reopen theirs). */
  maxOpenDays: number;
  /** Quiet time after which the writer merges FTS segments and checkpoints the WAL. */
  idleMs: number;
}

export type WriterRequest =
  | { type: 'append'; id: number; groups: DayGroup[] }
  | { type: 'drop'; id: number; days: string[] }
  /** Deletes one tenant's events older than `before` from the given days, full-text entries included. */
  | { type: 'purge'; id: number; tenant: string; before: number; days: string[] }
  | { type: 'close'; id: number };

export interface WriterFailure {
  code: 'STORE_FAILED' | 'STORE_DISK_FULL';
  message: string;
}

export type WriterReply =
  | { type: 'done'; id: number; /** Rows affected, for requests that count. */ count?: number }
  | { type: 'failed'; id: number; error: WriterFailure };
