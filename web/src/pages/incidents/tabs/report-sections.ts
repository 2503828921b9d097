// The sections an analyst writes for each kind of report, the request sent to the server, and earlier reports.

export const REPORT_KINDS = ['flash', 'final'] as const;
export type ReportKind = (typeof REPORT_KINDS)[number];
export const REPORT_LANGUAGES = ['ja', 'en'] as const;
export type ReportLanguage = (typeof REPORT_LANGUAGES)[number];
export type ReportFormat = 'html' | 'pdf';

export const SECTION_KEYS = [
  'summary',
  'impact',
  'actionsTaken',
  'nextSteps',
  'cause',
  'response',
  'recommendations',
] as const;
export type SectionKey = (typeof SECTION_KEYS)[number];
export type ReportSections = Partial<Record<SectionKey, string>>;

/** In the order the report shows them (docs/reports.md): 速報 概要/影響範囲/対応状況/今後の対応; 最終報告書 原因/影響/対応内容/再発防止策. */
export const SECTIONS_BY_KIND: Readonly<Record<ReportKind, readonly SectionKey[]>> = {
  flash: ['summary', 'impact', 'actionsTaken', 'nextSteps'],
  final: ['cause', 'impact', 'response', 'recommendations'],
};

/** A report generated earlier, as GET /api/incidents/:id/reports lists it. */
export interface ReportRecord {
  id: string;
  kind: ReportKind;
  language: ReportLanguage;
  sequence: number;
  generatedAt: number;
  generatedBy: { id: string; name: string };
  sections: ReportSections;
  recipient?: string | null;
}

export interface ReportRequest {
  kind: ReportKind;
  language: ReportLanguage;
  format: ReportFormat;
  sections: ReportSections;
  recipient?: string;
}

/** The request for one kind: only that kind's sections, trimmed, the empty ones left to the server's defaults. */
export function reportRequest(
  kind: ReportKind,
  language: ReportLanguage,
  format: ReportFormat,
  texts: ReportSections,
  recipient: string,
): ReportRequest {
  const sections: ReportSections = {};
  for (const key of SECTIONS_BY_KIND[kind]) {
    const text = texts[key]?.trim();
    if (text) sections[key] = text;
  }
  const to = recipient.trim();
  return { kind, language, format, sections, ...(to ? { recipient: to } : {}) };
}

/** The newest earlier report of a kind (the list comes newest first, but the order is not relied on). */
export function latestOfKind(reports: readonly ReportRecord[], kind: ReportKind): ReportRecord | undefined {
  let latest: ReportRecord | undefined;
  for (const r of reports) if (r.kind === kind && (!latest || r.generatedAt > latest.generatedAt)) latest = r;
  return latest;
}

/** The texts to start a new report with: the latest report's of that kind, else empty. */
export function prefillSections(reports: readonly ReportRecord[], kind: ReportKind): ReportSections {
  const latest = latestOfKind(reports, kind);
  const texts: ReportSections = {};
  for (const key of SECTIONS_BY_KIND[kind]) texts[key] = latest?.sections[key] ?? '';
  return texts;
}

/** The number of the next report of a kind: 第N報. */
export function nextSequence(reports: readonly ReportRecord[], kind: ReportKind): number {
  return reports.filter((r) => r.kind === kind).reduce((n, r) => Math.max(n, r.sequence), 0) + 1;
}

/** What the list of reports holds, kept only where each field has the expected type. */
export function readReportRecords(value: unknown): ReportRecord[] {
  const list = (value as { reports?: unknown } | undefined)?.reports;
  if (!Array.isArray(list)) return [];
  return list.filter((r): r is ReportRecord => {
    const o = r as Partial<ReportRecord> | null;
    return (
      typeof o?.id === 'string' &&
      (o.kind === 'flash' || o.kind === 'final') &&
      (o.language === 'ja' || o.language === 'en') &&
      typeof o.sequence === 'number' &&
      typeof o.generatedAt === 'number' &&
      typeof o.generatedBy?.name === 'string' &&
      typeof o.sections === 'object' &&
      o.sections !== null
    );
  });
}

/** The saved file's name: `INC-2026-0007-flash-2.ja.pdf`, as the server names it. */
export function reportFileName(ref: string, request: ReportRequest, sequence: number | undefined): string {
  const n = sequence ?? 'draft';
  return `${ref}-${request.kind}-${n}.${request.language}.${request.format}`;
}
