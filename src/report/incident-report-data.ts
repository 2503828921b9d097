// The plain snapshot of an incident that incident reports are rendered from; the incident service fills it in.

/** Traffic Light Protocol 2.0 labels, as stored on an incident (written `TLP:AMBER+STRICT` in the report). */
export const TLP_LEVELS = ['clear', 'green', 'amber', 'amber+strict', 'red'] as const;
export type TlpLevel = (typeof TLP_LEVELS)[number];

export const REPORT_KINDS = ['flash', 'final'] as const;
/** `flash`: the first report (速報) while the incident is handled; `final`: the report after it is closed. */
export type IncidentReportKind = (typeof REPORT_KINDS)[number];

export const REPORT_LANGUAGES = ['ja', 'en'] as const;
export type ReportLanguage = (typeof REPORT_LANGUAGES)[number];

/**
 * Every time is epoch milliseconds; the report shows it in the tenant's time zone. Codes (category, severity,
 * phase, status, kinds) are the incident service's words (`unauthorized_access`, `containment`); the report turns
 * the known ones into words of the report's language and shows unknown ones as they are. An optional field may be
 * left out or null, whichever the service has at hand.
 */
export interface IncidentReportData {
  incident: {
    /** The number people quote, e.g. `INC-2025-0042`. */
    number: string;
    title: string;
    category: string;
    severity: string;
    priority: string;
    tlp: TlpLevel;
    phase: string;
    status: string;
    createdAt: number;
    closedAt?: number | null;
    /** When the incident began (発生日時), if known; the report says "under investigation" otherwise. */
    occurredAt?: number | null;
    /** When it was first detected or reported (検知日時); createdAt when absent. */
    detectedAt?: number | null;
    description: string;
    assignees: string[];
    affectedAssets: { name: string; criticality?: string | null }[];
    affectedUsers: string[];
  };
  tenant: { name: string; timeZone: string };
  timeline: {
    /** When it happened, if known and different from when it was recorded. */
    eventTime?: number | null;
    recordedAt: number;
    kind: string;
    summary: string;
    actor: string;
  }[];
  tasks: { phase: string; title: string; status: string; owner?: string | null; due?: number | null }[];
  observables: { type: string; value: string; sightings?: number | null }[];
  communications: {
    at: number;
    /** `inbound` or `outbound`. */
    direction: string;
    counterpart: string;
    subject: string;
    summary: string;
  }[];
  evidence: { name: string; sha256: string; size: number; receivedAt: number }[];
  /** Text the analyst wrote for the report; line breaks are kept. */
  sections: {
    summary?: string;
    impact?: string;
    actionsTaken?: string;
    nextSteps?: string;
    cause?: string;
    response?: string;
    recommendations?: string;
  };
  author: { name: string; organization: string; email?: string; phone?: string };
  /** Who the report is addressed to (宛先), e.g. `株式会社サンプル 情報システム部 御中`. */
  recipient?: string;
  /** Which flash report this is (第2報 = 2), when more than one is sent. */
  sequence?: number;
  generatedAt: number;
}
