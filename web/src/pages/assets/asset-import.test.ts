import { describe, expect, it } from 'vitest';
import { canImport, importKey, readImportReport } from './asset-import.js';

describe('readImportReport', () => {
  it('sorts the problems by line and counts them as skipped rows', () => {
    const view = readImportReport({
      dryRun: true,
      created: 2,
      updated: 1,
      problems: [
        { line: 9, message: 'The host name "a b" contains a space' },
        { line: 3, message: 'Criticality must be a whole number from 1 to 5, not "high"' },
      ],
    });
    expect(view.problems.map((p) => p.line)).toEqual([3, 9]);
    expect(view).toMatchObject({ created: 2, updated: 1, skipped: 2, nothingToDo: false, dryRun: true });
  });

  it('says when no row would change anything', () => {
    expect(readImportReport({ dryRun: true, created: 0, updated: 0, problems: [] }).nothingToDo).toBe(true);
  });
});

describe('canImport', () => {
  const report = readImportReport({ dryRun: true, created: 1, updated: 0, problems: [] });
  const checked = { key: importKey('acme', 'name\ndc01'), report };

  it('needs a dry run first', () => {
    expect(canImport(undefined, 'acme', 'name\ndc01')).toBe(false);
  });

  it('allows the import of exactly the text and tenant that were checked', () => {
    expect(canImport(checked, 'acme', 'name\ndc01')).toBe(true);
    expect(canImport(checked, 'acme', 'name\ndc02')).toBe(false);
    expect(canImport(checked, 'globex', 'name\ndc01')).toBe(false);
  });

  it('refuses after a real import or when there is nothing to do', () => {
    expect(canImport({ ...checked, report: { ...report, dryRun: false } }, 'acme', 'name\ndc01')).toBe(false);
    expect(
      canImport({ ...checked, report: { ...report, created: 0, nothingToDo: true } }, 'acme', 'name\ndc01'),
    ).toBe(false);
  });
});
