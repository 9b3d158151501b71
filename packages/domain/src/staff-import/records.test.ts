import { describe, expect, it } from 'vitest';
import {
  resolveStaffImportHeader,
  STAFF_IMPORT_COLUMNS,
  type StaffImportColumn,
} from './columns.ts';
import { validateStaffImportRecord } from './records.ts';

const { header, width } = resolveStaffImportHeader(STAFF_IMPORT_COLUMNS);

function record(fields: Partial<Record<StaffImportColumn, string>>): string[] {
  return STAFF_IMPORT_COLUMNS.map((c) => fields[c] ?? '');
}

const person = {
  record_type: 'staff',
  staff_number: 'A0001',
  family_name: '山田',
  given_name: '花子',
  family_name_kana: 'やまだ',
  given_name_kana: 'はなこ',
  email: 'hanako.yamada@example.go.jp',
  unit_code: 'MIN',
  employment_type: 'regular',
  section_head: 'yes',
  pjmo_member: '1',
} satisfies Partial<Record<StaffImportColumn, string>>;

describe('validateStaffImportRecord', () => {
  it('reads a person, with flags in any of the accepted spellings and Japanese by default', () => {
    const { record: r, problems } = validateStaffImportRecord(record(person), header, width, 7);
    expect(problems).toEqual([]);
    expect(r).toEqual({
      type: 'staff',
      staff: expect.objectContaining({
        line: 7,
        staffNumber: 'A0001',
        sectionHead: true,
        unitSecurityOfficer: false,
        pjmoMember: true,
        locale: 'ja',
      }),
    });
  });

  it('reads a unit and treats a blank parent as the top of the tree', () => {
    const { record: r } = validateStaffImportRecord(
      record({
        record_type: 'unit',
        code: 'MIN',
        kind: 'ministry',
        name_ja: '本省',
        name_en: 'Ministry',
      }),
      header,
      width,
      2,
    );
    expect(r).toEqual({
      type: 'unit',
      unit: {
        line: 2,
        code: 'MIN',
        parentCode: null,
        kind: 'ministry',
        nameJa: '本省',
        nameEn: 'Ministry',
        noGroupSessions: null,
      },
    });
  });

  it('reads an external agency and whether a unit has group sessions (blank keeps it)', () => {
    const unit = (no_group_sessions: string) =>
      validateStaffImportRecord(
        record({
          record_type: 'unit',
          code: 'NTA',
          parent_code: 'MIN',
          kind: 'agency',
          name_ja: '国税庁',
          name_en: 'National Tax Agency',
          no_group_sessions,
        }),
        header,
        width,
        3,
      );
    expect(unit('yes').record).toMatchObject({
      unit: { kind: 'agency', noGroupSessions: true },
    });
    expect(unit('0').record).toMatchObject({ unit: { noGroupSessions: false } });
    expect(unit('').record).toMatchObject({ unit: { noGroupSessions: null } });
    expect(unit('maybe').problems).toMatchObject([{ code: 'invalid_flag', line: 3 }]);
  });

  it('reports every problem on the line with a reason', () => {
    const { record: r, problems } = validateStaffImportRecord(
      record({
        ...person,
        email: 'hanako.at.example',
        employment_type: 'contractor',
        given_name: '',
        locale: 'fr',
      }),
      header,
      width,
      9,
    );
    expect(r).toBeNull();
    expect(problems.map((p) => [p.line, p.code])).toEqual([
      [9, 'missing_field'],
      [9, 'invalid_email'],
      [9, 'unknown_employment_type'],
      [9, 'unknown_locale'],
    ]);
    expect(problems[2]?.message).toBe(
      'Unknown employment_type "contractor" (expected regular, part_time, temporary)',
    );
  });

  it('rejects an unknown unit kind and an unknown record type', () => {
    const unit = validateStaffImportRecord(
      record({ record_type: 'unit', code: 'X', kind: 'department', name_ja: 'x', name_en: 'x' }),
      header,
      width,
      3,
    );
    expect(unit.problems.map((p) => p.code)).toEqual(['unknown_kind']);
    const other = validateStaffImportRecord(record({ record_type: 'manager' }), header, width, 4);
    expect(other.problems.map((p) => p.code)).toEqual(['unknown_record_type']);
  });

  it('refuses a line with more fields than the header, but not a trailing comma', () => {
    const extra = validateStaffImportRecord([...record(person), 'surprise'], header, width, 5);
    expect(extra.problems).toEqual([
      { line: 5, code: 'too_many_columns', message: '21 fields, but the header has 20 columns' },
    ]);
    expect(validateStaffImportRecord([...record(person), ''], header, width, 5).problems).toEqual(
      [],
    );
    expect(
      validateStaffImportRecord(record(person).slice(0, 10), header, width, 6).problems[0]?.code,
    ).toBe('too_few_columns');
  });

  it('refuses a flag it cannot read as yes or no', () => {
    const { problems } = validateStaffImportRecord(
      record({ ...person, pjmo_member: 'maybe' }),
      header,
      width,
      8,
    );
    expect(problems.map((p) => p.code)).toEqual(['invalid_flag']);
  });
});
