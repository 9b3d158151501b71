import { describe, expect, it } from 'vitest';
import { changesMembership, diffStaff, diffUnit, type CurrentStaff } from './diff.ts';
import type { StaffImportPerson } from './records.ts';

const current: CurrentStaff = {
  staffNumber: 'A1',
  familyName: '山田',
  givenName: '花子',
  familyNameKana: 'やまだ',
  givenNameKana: 'はなこ',
  email: 'hanako@example.jp',
  unitCode: 'DIV-1',
  employmentType: 'regular',
  sectionHead: false,
  unitSecurityOfficer: false,
  systemSecurityOfficer: false,
  pjmoMember: false,
  locale: 'ja',
  active: true,
};
const file: StaffImportPerson = { ...current, line: 2 };

describe('diffStaff', () => {
  it('calls a person not in Kenshu new, and an identical one unchanged', () => {
    expect(diffStaff(file, undefined)).toEqual({ change: 'new', fields: [] });
    expect(diffStaff(file, current)).toEqual({ change: 'unchanged', fields: [] });
  });

  it('calls a transfer a move even when other fields change with it', () => {
    const diff = diffStaff({ ...file, unitCode: 'DIV-2', sectionHead: true }, current);
    expect(diff).toEqual({ change: 'moved', fields: ['unit_code', 'section_head'] });
    expect(changesMembership(diff)).toBe(true);
  });

  it('calls a new name a change that does not touch the membership history', () => {
    const diff = diffStaff({ ...file, familyName: '佐藤' }, current);
    expect(diff).toEqual({ change: 'changed', fields: ['family_name'] });
    expect(changesMembership(diff)).toBe(false);
  });

  it('counts someone who comes back as changed (reactivated)', () => {
    const diff = diffStaff(file, { ...current, active: false });
    expect(diff).toEqual({ change: 'changed', fields: ['active'] });
    expect(changesMembership(diff)).toBe(true);
  });
});

describe('diffUnit', () => {
  const unit = {
    line: 3,
    code: 'DIV-1',
    parentCode: 'BUR',
    kind: 'division',
    nameJa: '総務課',
    nameEn: 'General Affairs',
    noGroupSessions: null,
  } as const;
  it('tells new, moved, renamed and unchanged units apart', () => {
    const existing = { ...unit, active: true, noGroupSessions: false };
    expect(diffUnit(unit, undefined).change).toBe('new');
    expect(diffUnit(unit, existing).change).toBe('unchanged');
    expect(diffUnit({ ...unit, parentCode: 'OTHER' }, existing).change).toBe('moved');
    expect(diffUnit({ ...unit, nameEn: 'General Affairs Division' }, existing)).toEqual({
      change: 'changed',
      fields: ['name_en'],
    });
  });

  it('changes group-session access only where the file says so', () => {
    const withoutSessions = { ...unit, active: true, noGroupSessions: true };
    // Blank keeps what an admin set on the organisation page.
    expect(diffUnit(unit, withoutSessions).change).toBe('unchanged');
    expect(diffUnit({ ...unit, noGroupSessions: true }, withoutSessions).change).toBe('unchanged');
    expect(diffUnit({ ...unit, noGroupSessions: false }, withoutSessions)).toEqual({
      change: 'changed',
      fields: ['no_group_sessions'],
    });
  });
});
