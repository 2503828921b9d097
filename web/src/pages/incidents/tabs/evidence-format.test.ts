import { describe, expect, it } from 'vitest';
import {
  checkFindings,
  downloadMode,
  downloadUrl,
  fileNameOf,
  formatBytes,
  ledgerFindings,
  uploadProblems,
  uploadQuery,
  uploadUrl,
  type EvidenceCheck,
} from './evidence-format.js';

const fields = { name: ' disk.E01 ', reason: ' 調査のため ', description: '', source: ' WS01, KAPE ' };

describe('formatBytes', () => {
  it('shows bytes exactly and larger sizes in binary units with one decimal', () => {
    expect(formatBytes(0)).toBe('0 B');
    expect(formatBytes(1023)).toBe('1023 B');
    expect(formatBytes(1536)).toBe('1.5 KiB');
    expect(formatBytes(2 * 1024 ** 3)).toBe('2.0 GiB');
  });

  it('shows nothing for a size that is not one', () => {
    expect(formatBytes(-1)).toBe('');
    expect(formatBytes(Number.NaN)).toBe('');
  });
});

describe('the upload', () => {
  it('trims the fields and leaves out the empty optional ones', () => {
    expect(uploadQuery(fields)).toEqual({ name: 'disk.E01', reason: '調査のため', source: 'WS01, KAPE' });
  });

  it('puts the fields in the query of the incident’s evidence address', () => {
    const url = uploadUrl('inc 1', fields);
    expect(url.startsWith('/api/incidents/inc%201/evidence?')).toBe(true);
    const params = new URLSearchParams(url.split('?')[1]);
    expect(params.get('name')).toBe('disk.E01');
    expect(params.get('reason')).toBe('調査のため');
    expect(params.has('description')).toBe(false);
  });

  it('names what is missing before sending', () => {
    expect(uploadProblems(undefined, { ...fields, name: ' ', reason: '' })).toEqual([
      'noFile',
      'noName',
      'noReason',
    ]);
    expect(uploadProblems({ size: 1 }, { ...fields, name: 'x'.repeat(256) })).toEqual(['nameTooLong']);
    expect(uploadProblems({ size: 1 }, fields)).toEqual([]);
  });
});

describe('downloads', () => {
  it('sends the reason in the query', () => {
    expect(downloadUrl('ev/1', ' 解析 ')).toBe('/api/evidence/ev%2F1/download?reason=%E8%A7%A3%E6%9E%90');
  });

  it('fetches small files (to show a refusal) and links large ones', () => {
    expect(downloadMode(10)).toBe('fetch');
    expect(downloadMode(3 * 1024 ** 3)).toBe('link');
  });

  it('reads the UTF-8 file name of Content-Disposition first', () => {
    expect(fileNameOf(`attachment; filename="___.txt"; filename*=UTF-8''%E8%A8%BC%E6%8B%A0.txt`, 'x')).toBe(
      '証拠.txt',
    );
    expect(fileNameOf('attachment; filename="a.bin"', 'x')).toBe('a.bin');
    expect(fileNameOf(null, 'fallback.bin')).toBe('fallback.bin');
  });
});

const intact: EvidenceCheck = {
  ok: true,
  sha256: 'a'.repeat(64),
  file: 'aa/aaaa',
  stored: { ok: true, actual: 'a'.repeat(64), expected: 'a'.repeat(64), size: 3 },
  ledger: { ok: true, problems: [] },
  problems: [],
  summary: 'intact',
};

describe('check findings', () => {
  it('finds nothing in an intact item', () => {
    expect(checkFindings(intact)).toEqual([]);
  });

  it('names the altered file and both hashes', () => {
    const check: EvidenceCheck = {
      ...intact,
      ok: false,
      stored: { ok: false, actual: 'b'.repeat(64), expected: 'a'.repeat(64), size: 3 },
      problems: [{ kind: 'file_altered', message: 'altered' }],
    };
    expect(checkFindings(check)).toEqual([
      { key: 'fileAltered', values: { file: 'aa/aaaa', expected: 'a'.repeat(64), actual: 'b'.repeat(64) } },
    ]);
  });

  it('still names the altered file when the server reported it under another kind', () => {
    const check: EvidenceCheck = {
      ...intact,
      ok: false,
      stored: { ok: false, actual: 'b'.repeat(64), expected: 'a'.repeat(64), size: 3 },
      problems: [{ kind: 'arrival_hash_mismatch', message: 'Arrival hash differs' }],
    };
    expect(checkFindings(check).map((f) => f.key)).toEqual(['fileAltered', 'other']);
    expect(checkFindings(check)[1]?.values).toEqual({ message: 'Arrival hash differs' });
  });

  it('names the ledger entry of a broken chain', () => {
    expect(
      ledgerFindings({
        ok: false,
        problems: [
          { seq: 3, kind: 'hash_mismatch', message: '' },
          { seq: 4, kind: 'broken_link', message: '' },
        ],
      }),
    ).toEqual([
      { key: 'hashMismatch', values: { seq: 3 } },
      { key: 'brokenLink', values: { seq: 4 } },
    ]);
  });
});
