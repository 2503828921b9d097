// CSV import of assets: the columns the server reads, when a dry run still holds, and the report as the page shows it.
import type { Schemas } from '../../api/client.js';

export type ImportReport = Schemas['AssetImportReport'];

/** The columns the server reads (src/triage/asset-csv.ts); `name` is required. */
export const ASSET_CSV_COLUMNS = [
  'name',
  'hostnames',
  'addresses',
  'users',
  'owner',
  'criticality',
  'tags',
] as const;

export const ASSET_CSV_EXAMPLE = [
  'name,hostnames,addresses,owner,criticality,tags',
  'dc01,dc01;dc01.corp.example,10.0.0.10,Infra,5,prod;ad',
  'office,,10.1.0.0/16,IT,2,',
].join('\n');

/** What an import is about: a dry run of one tenant and text says nothing about another. */
export function importKey(tenant: string, content: string): string {
  return `${tenant}\n${content}`;
}

export interface ImportReportView {
  dryRun: boolean;
  created: number;
  updated: number;
  skipped: number;
  /** Sorted by line. */
  problems: { line: number; message: string }[];
  /** No row would be (or was) created or updated. */
  nothingToDo: boolean;
}

export function readImportReport(report: ImportReport): ImportReportView {
  const problems = [...report.problems].sort((a, b) => a.line - b.line);
  return {
    dryRun: report.dryRun,
    created: report.created,
    updated: report.updated,
    skipped: problems.length,
    problems,
    nothingToDo: report.created + report.updated === 0,
  };
}

/** The import may run once a dry run of exactly this tenant and text found something to do. */
export function canImport(
  dryRun: { key: string; report: ImportReportView } | undefined,
  tenant: string,
  content: string,
): boolean {
  return (
    dryRun !== undefined &&
    dryRun.report.dryRun &&
    dryRun.key === importKey(tenant, content) &&
    !dryRun.report.nothingToDo
  );
}
