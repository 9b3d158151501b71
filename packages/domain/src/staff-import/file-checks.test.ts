import { describe, expect, it } from 'vitest';
import { checkUnitTree, StaffImportFileChecks } from './file-checks.ts';
import type { StaffImportPerson, StaffImportUnit } from './records.ts';

function unit(line: number, code: string, parentCode: string | null): StaffImportUnit {
  return {
    line,
    code,
    parentCode,
    kind: 'division',
    nameJa: code,
    nameEn: code,
    noGroupSessions: null,
  };
}

function staff(
  line: number,
  staffNumber: string,
  email: string,
  unitCode = 'MIN',
): StaffImportPerson {
  return {
    line,
    staffNumber,
    familyName: '山田',
    givenName: '花子',
    familyNameKana: 'やまだ',
    givenNameKana: 'はなこ',
    email,
    unitCode,
    employmentType: 'regular',
    sectionHead: false,
    unitSecurityOfficer: false,
    systemSecurityOfficer: false,
    pjmoMember: false,
    locale: 'ja',
  };
}

describe('StaffImportFileChecks', () => {
  it('reports duplicate staff numbers, e-mails (ignoring case) and unit codes against the first line', () => {
    const checks = new StaffImportFileChecks([]);
    expect(checks.addUnit(unit(2, 'MIN', null))).toEqual([]);
    expect(checks.addUnit(unit(3, 'MIN', null)).map((p) => p.message)).toEqual([
      'Unit code MIN is already on line 2',
    ]);
    expect(checks.addStaff(staff(4, 'A1', 'a@example.jp'))).toEqual([]);
    expect(checks.addStaff(staff(5, 'A1', 'A@Example.jp')).map((p) => [p.line, p.code])).toEqual([
      [5, 'duplicate_staff_number'],
      [5, 'duplicate_email'],
    ]);
  });

  it('accepts units listed after the people in them, and reports codes found nowhere', () => {
    const checks = new StaffImportFileChecks([{ code: 'OLD', parentCode: null }]);
    checks.addStaff(staff(2, 'A1', 'a@example.jp', 'LATER'));
    checks.addStaff(staff(3, 'A2', 'b@example.jp', 'OLD'));
    checks.addStaff(staff(4, 'A3', 'c@example.jp', 'NOWHERE'));
    checks.addUnit(unit(5, 'LATER', 'OLD'));
    expect(checks.finish([{ code: 'OLD', parentCode: null }])).toEqual([
      {
        line: 4,
        code: 'unknown_unit',
        message: 'Unit code NOWHERE is neither in the file nor in Kenshu',
      },
    ]);
  });

  it('allows taking over an e-mail only from someone who is in the file too', () => {
    const checks = new StaffImportFileChecks([]);
    checks.addUnit(unit(2, 'MIN', null));
    checks.addStaff(staff(3, 'A1', 'swap@example.jp'));
    checks.noteEmailHolder(3, 'swap@example.jp', 'A2');
    checks.addStaff(staff(4, 'A3', 'gone@example.jp'));
    checks.noteEmailHolder(4, 'gone@example.jp', 'LEFT');
    checks.addStaff(staff(5, 'A2', 'new@example.jp'));
    expect(checks.finish([]).map((p) => [p.line, p.code])).toEqual([[4, 'email_in_use']]);
  });
});

describe('checkUnitTree', () => {
  it('reports an unknown parent', () => {
    expect(checkUnitTree([unit(2, 'A', 'GHOST')], []).map((p) => p.message)).toEqual([
      'Parent code GHOST of unit A is neither in the file nor in Kenshu',
    ]);
  });

  it('reports a cycle once, on its first line, including a unit that is its own parent', () => {
    const problems = checkUnitTree(
      [
        unit(2, 'ROOT', null),
        unit(3, 'A', 'C'),
        unit(4, 'B', 'A'),
        unit(5, 'C', 'B'),
        unit(6, 'D', 'A'),
        unit(7, 'S', 'S'),
      ],
      [],
    );
    expect(problems.map((p) => [p.line, p.message])).toEqual([
      [3, 'Units form a cycle: A → C → B → A'],
      [7, 'Units form a cycle: S → S'],
    ]);
  });

  it('finds a cycle made by moving an existing unit under its own descendant', () => {
    const existing = [
      { code: 'TOP', parentCode: null },
      { code: 'MID', parentCode: 'TOP' },
      { code: 'LOW', parentCode: 'MID' },
    ];
    const problems = checkUnitTree([unit(9, 'MID', 'LOW')], existing);
    expect(problems.map((p) => p.code)).toEqual(['unit_cycle']);
    expect(checkUnitTree([unit(9, 'LOW', 'TOP')], existing)).toEqual([]);
  });
});
