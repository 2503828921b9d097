// The state database's tables, as Kysely sees them: each area declares its own and they are joined here.
import type { AccessTables } from '../access/tables.js';
import type { AuditTables } from '../audit/tables.js';
import type { SessionTables } from '../access/session-service.js';
import type { DetectionTables } from '../detection/tables.js';
import type { TriageTables } from '../triage/tables.js';
import type { EscalationTables } from '../triage/escalation-tables.js';
import type { CaseTables } from '../cases/tables.js';
import type { EvidenceTables } from '../cases/evidence/tables.js';
import type { ContactTables } from '../cases/contacts/tables.js';
import type { InquiryTables } from '../cases/inquiries/tables.js';

export type StateTables = AccessTables &
  AuditTables &
  SessionTables &
  DetectionTables &
  TriageTables &
  EscalationTables &
  CaseTables &
  EvidenceTables &
  ContactTables &
  InquiryTables;
