import { describe, expect, it } from 'vitest';
import {
  nextSequence,
  prefillSections,
  readReportRecords,
  reportFileName,
  reportRequest,
  SECTIONS_BY_KIND,
  type ReportRecord,
} from './report-sections.js';

const record = (over: Partial<ReportRecord>): ReportRecord => ({
  id: 'r',
  kind: 'flash',
  language: 'ja',
  sequence: 1,
  generatedAt: 1,
  generatedBy: { id: 'u', name: 'aoi' },
  sections: {},
  ...over,
});

describe('report sections', () => {
  it('asks for what is known, impact, actions and next steps in a flash report', () => {
    expect(SECTIONS_BY_KIND.flash).toEqual(['summary', 'impact', 'actionsTaken', 'nextSteps']);
  });

  it('asks for cause, impact, response and recommendations in a final report', () => {
    expect(SECTIONS_BY_KIND.final).toEqual(['cause', 'impact', 'response', 'recommendations']);
  });

  it('sends only the kind’s written sections, trimmed, and the recipient when given', () => {
    const request = reportRequest(
      'flash',
      'ja',
      'pdf',
      { summary: ' 概要 ', impact: '  ', cause: '原因' },
      ' 情報システム部 ',
    );
    expect(request).toEqual({
      kind: 'flash',
      language: 'ja',
      format: 'pdf',
      sections: { summary: '概要' },
      recipient: '情報システム部',
    });
    expect(reportRequest('final', 'en', 'html', {}, '')).toEqual({
      kind: 'final',
      language: 'en',
      format: 'html',
      sections: {},
    });
  });
});

describe('earlier reports', () => {
  const reports = [
    record({ id: 'a', sequence: 1, generatedAt: 10, sections: { summary: 'first' } }),
    record({ id: 'b', sequence: 2, generatedAt: 20, sections: { summary: 'second', impact: 'wide' } }),
    record({ id: 'c', kind: 'final', sequence: 1, generatedAt: 30, sections: { cause: 'phish' } }),
  ];

  it('pre-fills from the latest report of the same kind', () => {
    expect(prefillSections(reports, 'flash')).toEqual({
      summary: 'second',
      impact: 'wide',
      actionsTaken: '',
      nextSteps: '',
    });
    expect(prefillSections([], 'final')).toEqual({
      cause: '',
      impact: '',
      response: '',
      recommendations: '',
    });
  });

  it('numbers the next report of a kind after the highest so far (第N報)', () => {
    expect(nextSequence(reports, 'flash')).toBe(3);
    expect(nextSequence(reports, 'final')).toBe(2);
    expect(nextSequence([], 'flash')).toBe(1);
  });

  it('keeps only well-formed records of the list', () => {
    expect(readReportRecords({ reports: [reports[0], { id: 'x', kind: 'weekly' }, null] })).toEqual([
      reports[0],
    ]);
    expect(readReportRecords(undefined)).toEqual([]);
  });

  it('names the file as the server does', () => {
    expect(reportFileName('INC-2026-0007', reportRequest('flash', 'ja', 'pdf', {}, ''), 2)).toBe(
      'INC-2026-0007-flash-2.ja.pdf',
    );
  });
});
