// The evidence building blocks' public surface: the locker of files, the custody ledger and the combined check.
export {
  EVIDENCE_FILE_MODE,
  EvidenceFiles,
  parseEvidenceId,
  type EvidenceVerification,
  type StoredEvidence,
  type StoreOptions,
} from './evidence-files.js';
export {
  appendEntry,
  CUSTODY_ACTIONS,
  CUSTODY_FORMAT,
  custodyEntryHash,
  GENESIS_HASH,
  verifyLedger,
  type CustodyAction,
  type CustodyActor,
  type CustodyEntry,
  type CustodyEntryInput,
  type LedgerProblem,
  type LedgerProblemKind,
  type LedgerVerification,
  type VerifyLedgerOptions,
} from './custody-ledger.js';
export {
  verifyEvidence,
  type EvidenceCheck,
  type EvidenceProblem,
  type EvidenceProblemKind,
} from './verify-evidence.js';
