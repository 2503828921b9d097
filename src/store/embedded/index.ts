// The embedded (SQLite) event store: what the composition root and the CLI import.
export { SqliteEventStore, type SqliteEventStoreOptions } from './sqlite-event-store.js';
export {
  RetentionEnforcer,
  type RetentionLogger,
  type RetentionPolicy,
  type RetentionReport,
} from './retention.js';
export { DEFAULT_TUNING, type WriterTuning } from './schema.js';
