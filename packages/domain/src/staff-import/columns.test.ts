import { describe, expect, it } from 'vitest';
import { closestName, resolveStaffImportHeader, STAFF_IMPORT_COLUMNS } from './columns.ts';

describe('resolveStaffImportHeader', () => {
  it('accepts the columns in any order, trimmed and in any case', () => {
    const names = [...STAFF_IMPORT_COLUMNS].reverse().map((c) => ` ${c.toUpperCase()} `);
    const { header, problems } = resolveStaffImportHeader(names);
    expect(problems).toEqual([]);
    expect(header.get('locale')).toBe(0);
    expect(header.get('record_type')).toBe(STAFF_IMPORT_COLUMNS.length - 1);
  });

  it('names a misspelt column and suggests the one it was meant to be', () => {
    const names = STAFF_IMPORT_COLUMNS.map((c) => (c === 'email' ? 'e-mail' : c));
    const { problems } = resolveStaffImportHeader(names);
    expect(problems.map((p) => p.message)).toEqual([
      'Unknown column "e-mail" (did you mean "email"?)',
      'Missing column "email" (is "e-mail" meant to be it?)',
    ]);
    expect(problems.every((p) => p.line === 1)).toBe(true);
  });

  it('reports a missing column without a hint when nothing resembles it', () => {
    const { problems } = resolveStaffImportHeader(
      STAFF_IMPORT_COLUMNS.filter((c) => c !== 'unit_code'),
    );
    expect(problems).toEqual([
      { line: 1, code: 'missing_column', message: 'Missing column "unit_code"' },
    ]);
  });

  it('lets the locale column be left out, but not twice in', () => {
    expect(
      resolveStaffImportHeader(STAFF_IMPORT_COLUMNS.filter((c) => c !== 'locale')).problems,
    ).toEqual([]);
    const twice = resolveStaffImportHeader([...STAFF_IMPORT_COLUMNS, 'locale']);
    expect(twice.problems.map((p) => p.code)).toEqual(['duplicate_column']);
  });
});

describe('closestName', () => {
  it('finds near typos and ignores unrelated words', () => {
    expect(closestName('staf_number', STAFF_IMPORT_COLUMNS)).toBe('staff_number');
    expect(closestName('Family Name', STAFF_IMPORT_COLUMNS)).toBe('family_name');
    expect(closestName('salary', STAFF_IMPORT_COLUMNS)).toBeUndefined();
  });
});
