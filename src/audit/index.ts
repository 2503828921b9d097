// The audit module's public surface: the log, its entry and query types, and the chain's hash rules.
export {
  AuditLog,
  AUDIT_PAGE_MAX,
  type AuditHead,
  type AuditLogOptions,
  type VerifyOptions,
} from './audit-log.js';
export { canonicalJson, entryHash, GENESIS_HASH } from './chain.js';
export {
  AUDIT_OUTCOMES,
  type AuditEntry,
  type AuditEntryInput,
  type AuditOutcome,
  type AuditPage,
  type AuditQuery,
  type AuditRecorder,
  type AuditVerifyResult,
  type RecordOptions,
} from './types.js';
