// Evidence as the tab shows and sends it: sizes in words, the upload's query, how to download, and check results.
import type { Schemas } from '../../../api/client.js';

export type Evidence = Schemas['Evidence'];
export type EvidenceCheck = Schemas['EvidenceCheck'];
export type LedgerVerification = Schemas['LedgerVerification'];

export const MANUAL_CUSTODY_ACTIONS = ['collected', 'transferred', 'analysed', 'accessed'] as const;
export type ManualCustodyAction = (typeof MANUAL_CUSTODY_ACTIONS)[number];

const UNITS = ['B', 'KiB', 'MiB', 'GiB', 'TiB'] as const;

/** "512 B", "1.5 KiB", "2.0 GiB": binary units, one decimal above bytes. */
export function formatBytes(bytes: number): string {
  if (!Number.isFinite(bytes) || bytes < 0) return '';
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < UNITS.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return unit === 0 ? `${bytes} B` : `${value.toFixed(1)} ${UNITS[unit]}`;
}

/** The exact byte count with thousands separators, for a title next to the short form. */
export function exactBytes(bytes: number): string {
  return `${bytes.toLocaleString('en-US')} B`;
}

export interface UploadFields {
  name: string;
  reason: string;
  description: string;
  source: string;
}

export interface UploadQuery {
  name: string;
  reason: string;
  description?: string;
  source?: string;
}

export type UploadProblem = 'noFile' | 'noName' | 'nameTooLong' | 'noReason';

/** What is wrong with the upload form before anything is sent (the server checks the same again). */
export function uploadProblems(file: { size: number } | undefined, fields: UploadFields): UploadProblem[] {
  const problems: UploadProblem[] = [];
  if (!file) problems.push('noFile');
  const name = fields.name.trim();
  if (name === '') problems.push('noName');
  else if (name.length > 255) problems.push('nameTooLong');
  if (fields.reason.trim() === '') problems.push('noReason');
  return problems;
}

/** The upload's query parameters (the file itself is the body): trimmed, empty optional fields left out. */
export function uploadQuery(fields: UploadFields): UploadQuery {
  const query: UploadQuery = { name: fields.name.trim(), reason: fields.reason.trim() };
  const description = fields.description.trim();
  const source = fields.source.trim();
  if (description !== '') query.description = description;
  if (source !== '') query.source = source;
  return query;
}

/** `/api/incidents/<id>/evidence?name=…&reason=…`, the address the file is sent to. */
export function uploadUrl(incidentId: string, fields: UploadFields): string {
  const params = new URLSearchParams(Object.entries(uploadQuery(fields)));
  return `/api/incidents/${encodeURIComponent(incidentId)}/evidence?${params.toString()}`;
}

/** `/api/evidence/<id>/download?reason=…`: a plain link the browser streams to disk. */
export function downloadUrl(evidenceId: string, reason: string): string {
  const params = new URLSearchParams({ reason: reason.trim() });
  return `/api/evidence/${encodeURIComponent(evidenceId)}/download?${params.toString()}`;
}

/** Files up to this size are fetched first, so that a refusal (an altered file) can be shown in words. */
export const FETCHED_DOWNLOAD_MAX = 256 * 1024 * 1024;

/** Small files are fetched and saved (errors shown); large ones go to the browser's own download, kept off memory. */
export function downloadMode(size: number): 'fetch' | 'link' {
  return size <= FETCHED_DOWNLOAD_MAX ? 'fetch' : 'link';
}

/** The file name in a Content-Disposition header (RFC 6266 `filename*` first), else the fallback. */
export function fileNameOf(disposition: string | null, fallback: string): string {
  if (!disposition) return fallback;
  const star = /filename\*=UTF-8''([^;]+)/i.exec(disposition);
  if (star?.[1]) {
    try {
      return decodeURIComponent(star[1]);
    } catch {
      // A malformed encoding: the plain filename below, or the fallback.
    }
  }
  const plain = /filename="([^"]*)"/i.exec(disposition);
  return plain?.[1] || fallback;
}

/** One finding of a check, as a message key of incidentTabs.evidence.problem and its values. */
export interface CheckFinding {
  key: 'fileAltered' | 'fileMissing' | 'hashMismatch' | 'brokenLink' | 'sequenceGap' | 'other';
  values: Record<string, string | number>;
}

/**
 * The problems of a verification in words the tab can translate: an altered file names the stored file and both
 * hashes, a ledger problem the entry; a kind the tab does not know keeps the server's own sentence.
 */
export function checkFindings(check: EvidenceCheck): CheckFinding[] {
  const findings: CheckFinding[] = [];
  for (const p of check.problems) {
    const seq = p.seq ?? '';
    if (p.kind === 'file_altered' && check.stored) {
      findings.push({
        key: 'fileAltered',
        values: { file: check.file, expected: check.stored.expected, actual: check.stored.actual },
      });
    } else if (p.kind === 'file_missing') {
      findings.push({ key: 'fileMissing', values: { file: check.file } });
    } else if (p.kind === 'hash_mismatch') {
      findings.push({ key: 'hashMismatch', values: { seq } });
    } else if (p.kind === 'broken_link') {
      findings.push({ key: 'brokenLink', values: { seq } });
    } else if (p.kind === 'sequence_gap') {
      findings.push({ key: 'sequenceGap', values: { seq } });
    } else {
      findings.push({ key: 'other', values: { message: p.message } });
    }
  }
  // The stored bytes differ but the server named it otherwise: still say which file and both hashes.
  if (check.stored && !check.stored.ok && !findings.some((f) => f.key === 'fileAltered')) {
    findings.unshift({
      key: 'fileAltered',
      values: { file: check.file, expected: check.stored.expected, actual: check.stored.actual },
    });
  }
  return findings;
}

/** The custody chain's verdict: intact, or its problems as findings. */
export function ledgerFindings(verification: LedgerVerification): CheckFinding[] {
  return verification.problems.map((p) => {
    const key =
      p.kind === 'hash_mismatch' ? 'hashMismatch' : p.kind === 'broken_link' ? 'brokenLink' : 'sequenceGap';
    return { key, values: { seq: p.seq } };
  });
}

/** True when an item can no longer be handled (downloaded, verified, held): it was disposed of. */
export function isDisposed(evidence: Evidence): boolean {
  return evidence.disposed !== null;
}
