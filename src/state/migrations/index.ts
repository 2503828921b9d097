// Schema migrations of the state database, applied in name order. Each area owns its migration file.
import type { Migration } from 'kysely';
import { accessMigration } from '../../access/migration.js';
import { auditMigration } from '../../audit/migration.js';
import { ingestTokensMigration } from '../../access/ingest-token-migration.js';
import { userPreferencesMigration } from '../../access/user-preferences-migration.js';
import { sessionsMigration } from './0003_sessions.js';
import { detectionMigration } from '../../detection/migration.js';
import { triageMigration } from '../../triage/migration.js';
import { escalationMigration } from '../../triage/escalation-migration.js';
import { escalationOutboxMigration } from '../../triage/escalation-outbox-migration.js';
import { casesMigration } from '../../cases/migration.js';
import { evidenceMigration } from '../../cases/evidence/migration.js';
import { contactsMigration } from '../../cases/contacts/migration.js';

export const migrations: Record<string, Migration> = {
  '0001_access': accessMigration,
  '0002_audit': auditMigration,
  '0003_sessions': sessionsMigration,
  '0004_ingest_tokens': ingestTokensMigration,
  '0005_user_preferences': userPreferencesMigration,
  '0006_detection': detectionMigration,
  '0007_triage': triageMigration,
  '0008_escalation': escalationMigration,
  '0009_cases': casesMigration,
  '0010_contacts': contactsMigration,
  '0011_evidence': evidenceMigration,
  '0012_escalation_outbox': escalationOutboxMigration,
};
