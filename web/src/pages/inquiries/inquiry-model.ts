// Inquiries (問合せ) as the console sees them: the API's shapes, the fixed vocabularies, and who may move them where.
import type { Schemas } from '../../api/client.js';

export const INQUIRY_TYPES = ['question', 'request', 'report'] as const;
export type InquiryType = (typeof INQUIRY_TYPES)[number];

export const INQUIRY_PRIORITIES = ['urgent', 'high', 'normal', 'low'] as const;
export type InquiryPriority = (typeof INQUIRY_PRIORITIES)[number];

export const INQUIRY_STATUSES = ['new', 'answered', 'waiting_customer', 'resolved', 'closed'] as const;
export type InquiryStatus = (typeof INQUIRY_STATUSES)[number];

/** The documented incident taxonomy an inquiry may be converted into. */
export const INCIDENT_CATEGORIES = [
  'malware',
  'phishing',
  'unauthorized_access',
  'dos',
  'data_leak',
  'web_defacement',
  'insider',
  'vulnerability',
  'other',
] as const;
export type IncidentCategory = (typeof INCIDENT_CATEGORIES)[number];

export type Side = 'customer' | 'soc';

export interface InquirySla {
  firstResponseDueAt: number;
  firstResponseAt: number | null;
  firstResponseOverdue: boolean;
  firstResponseBreached: boolean;
  resolutionDueAt: number;
  resolutionOverdue: boolean;
  resolutionBreached: boolean;
  paused: boolean;
}

export interface Inquiry {
  id: string;
  tenant: string;
  number: number;
  type: InquiryType;
  subject: string;
  body: string;
  priority: InquiryPriority;
  status: InquiryStatus;
  submittedBy: { id: string; name: string };
  assignee: string | null;
  createdAt: number;
  updatedAt: number;
  resolvedAt: number | null;
  closedAt: number | null;
  incidentId: string | null;
  sla: InquirySla;
}

export interface InquiryMessage {
  id: string;
  side: Side;
  author: { id: string; name: string };
  body: string;
  at: number;
  statusAfter: InquiryStatus | null;
}

export interface InquiryDetail {
  inquiry: Inquiry;
  messages: InquiryMessage[];
}

// The API documents these as open records (see src/cases/inquiries/inquiry-model.ts for their fields).
export const asInquiry = (value: Schemas['Inquiry']): Inquiry => value as unknown as Inquiry;
export const asDetail = (value: Schemas['InquiryDetail']): InquiryDetail => value as unknown as InquiryDetail;

/** Where each side may move an inquiry with POST /status: the server's rules (src/cases/inquiries). */
export const STATUS_MOVES: Readonly<Record<Side, Readonly<Record<InquiryStatus, readonly InquiryStatus[]>>>> =
  {
    soc: {
      new: ['answered', 'waiting_customer', 'resolved', 'closed'],
      answered: ['new', 'waiting_customer', 'resolved', 'closed'],
      waiting_customer: ['new', 'answered', 'resolved', 'closed'],
      resolved: ['new', 'closed'],
      closed: [],
    },
    customer: {
      new: ['resolved', 'closed'],
      answered: ['new', 'resolved', 'closed'],
      waiting_customer: ['new', 'resolved', 'closed'],
      resolved: ['new', 'closed'],
      closed: [],
    },
  };

/** The side the user writes on: the SOC for those who answer, the customer for those who only submit. */
export function sideOf(can: (permission: string) => boolean): Side | undefined {
  if (can('inquiries:answer')) return 'soc';
  if (can('inquiries:submit')) return 'customer';
  return undefined;
}

/**
 * The statuses a message may leave the inquiry in, the default first: a SOC answer makes it "answered" and a
 * customer reply puts it back to the SOC ("new"), where the rules allow; otherwise it keeps its status.
 */
export function replyStatuses(side: Side, from: InquiryStatus): InquiryStatus[] {
  if (from === 'closed') return [];
  const allowed = INQUIRY_STATUSES.filter((s) => s === from || STATUS_MOVES[side][from].includes(s));
  const preferred: InquiryStatus = side === 'soc' ? 'answered' : 'new';
  const first = allowed.includes(preferred) ? preferred : from;
  return [first, ...allowed.filter((s) => s !== first)];
}

/** "#12": the inquiry's number within its tenant. */
export function inquiryRef(inquiry: Pick<Inquiry, 'number'>): string {
  return `#${inquiry.number}`;
}
