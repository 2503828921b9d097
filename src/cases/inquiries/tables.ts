// The inquiry (問合せ) tables: tickets from a customer CSIRT, their message threads and the per-tenant SLA targets.

export interface InquiriesTable {
  id: string;
  tenant: string;
  /** Per-tenant sequence number, what people quote ("問合せ #12"). */
  number: number;
  type: string;
  subject: string;
  body: string;
  priority: string;
  status: string;
  submitted_by: string;
  submitted_by_name: string;
  assignee: string | null;
  created_at: number;
  updated_at: number;
  first_response_at: number | null;
  first_response_due_at: number;
  /** The resolution due time with the time spent waiting on the customer added, up to waiting_since. */
  resolution_due_at: number;
  /** When the inquiry last went to waiting_customer (the SLA clock pauses); null otherwise. */
  waiting_since: number | null;
  resolved_at: number | null;
  closed_at: number | null;
  incident_id: string | null;
}

export interface InquiryMessagesTable {
  id: string;
  inquiry_id: string;
  tenant: string;
  /** 'customer' or 'soc'. */
  side: string;
  author_id: string;
  author_name: string;
  body: string;
  at: number;
  /** The status the inquiry moved to with this message, if it moved. */
  status_after: string | null;
}

export interface InquirySlaTable {
  tenant: string;
  priority: string;
  first_response_minutes: number;
  resolution_minutes: number;
  updated_by: string;
  updated_at: number;
}

export interface InquiryTables {
  inquiries: InquiriesTable;
  inquiry_messages: InquiryMessagesTable;
  inquiry_sla: InquirySlaTable;
}
