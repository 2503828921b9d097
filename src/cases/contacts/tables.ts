// The contacts directory and the per-incident communications log, as Kysely sees them. Times: epoch ms.

export interface ContactsTable {
  id: string;
  /** Null for an installation-wide contact (JPCERT/CC, a police cyber desk) that every tenant's incidents may use. */
  tenant: string | null;
  kind: string;
  organization: string;
  name: string | null;
  title: string | null;
  /** JSON array of { kind, value, label?, preferred }. */
  channels: string;
  hours: string | null;
  escalation_notes: string | null;
  language: string;
  created_by: string;
  created_at: number;
  updated_by: string;
  updated_at: number;
  deleted_at: number | null;
}

export interface CommunicationsTable {
  id: string;
  tenant: string;
  incident_id: string;
  direction: string;
  channel: string;
  contact_id: string | null;
  /** Who the other side was, as written then: the contact's organization and name, or free text. */
  counterpart: string;
  subject: string;
  summary: string;
  body: string | null;
  occurred_at: number;
  recorded_at: number;
  recorded_by: string;
  recorded_by_name: string;
  /** JSON array of evidence ids (the evidence locker's). */
  attachments: string;
  /** For requests that wait on the other side: 'open', 'answered' or 'closed'; null for plain messages. */
  request_status: string | null;
  due_at: number | null;
  updated_at: number;
}

export interface ContactTables {
  contacts: ContactsTable;
  communications: CommunicationsTable;
}
