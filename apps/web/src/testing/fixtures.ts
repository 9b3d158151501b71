import type { FiscalYear, Me, OrgUnit, StaffMember } from '@kenshu/contracts';
import { ROLES } from '@kenshu/domain';

export const FISCAL_YEAR_2026: FiscalYear = {
  fiscalYear: 2026,
  labelJa: '令和8年度',
  labelEn: 'FY2026',
  firstDay: '2026-04-01',
  lastDay: '2027-03-31',
};

/** A unit; only what a test cares about needs to be given. */
export function orgUnit(overrides: Partial<OrgUnit> & Pick<OrgUnit, 'id'>): OrgUnit {
  return {
    code: `U${overrides.id}`,
    parentId: null,
    kind: 'bureau',
    nameJa: `組織${overrides.id}`,
    nameEn: `Unit ${overrides.id}`,
    depth: 0,
    active: true,
    staffCount: 0,
    hasGroupSessions: true,
    ...overrides,
  };
}

/** A small ministry: 財務省 › 主計局 › 総務課, and 財務省 › 主税局. */
export const MINISTRY: OrgUnit[] = [
  orgUnit({
    id: 1,
    kind: 'ministry',
    nameJa: '財務省',
    nameEn: 'Ministry of Finance',
    staffCount: 2,
  }),
  orgUnit({
    id: 7,
    parentId: 1,
    depth: 1,
    nameJa: '主計局',
    nameEn: 'Budget Bureau',
    staffCount: 5,
  }),
  orgUnit({
    id: 8,
    parentId: 7,
    depth: 2,
    kind: 'division',
    nameJa: '総務課',
    nameEn: 'General Affairs Division',
    staffCount: 10,
  }),
  orgUnit({ id: 10, parentId: 1, depth: 1, nameJa: '主税局', nameEn: 'Tax Bureau', staffCount: 3 }),
];

export function staffMember(
  overrides: Partial<StaffMember> & Pick<StaffMember, 'id'>,
): StaffMember {
  return {
    staffNumber: `S${String(overrides.id).padStart(4, '0')}`,
    familyName: '山田',
    givenName: '花子',
    familyNameKana: 'やまだ',
    givenNameKana: 'はなこ',
    email: `staff${overrides.id}@example.jp`,
    orgUnit: { id: 8, code: 'U8', nameJa: '総務課', nameEn: 'General Affairs Division' },
    employmentType: 'regular',
    active: true,
    locale: 'ja',
    roles: [],
    ...overrides,
  };
}

/** The signed-in person most tests assume: an admin who holds every role. */
export const ME_ADMIN: Me = {
  staffId: 1,
  staffNumber: 'A0001',
  familyName: '佐藤',
  givenName: '一郎',
  email: 'a0001@example.jp',
  locale: 'ja',
  orgUnit: { id: 8, code: 'U8', nameJa: '総務課', nameEn: 'General Affairs Division' },
  sectionHeadUnitId: null,
  roles: [...ROLES],
  oversees: true,
  csrfToken: 'csrf-test-token',
};

/** A learner with no roles beyond staff. */
export const ME_LEARNER: Me = {
  ...ME_ADMIN,
  staffId: 2,
  staffNumber: 'S0001',
  familyName: '山田',
  givenName: '花子',
  roles: [],
  oversees: false,
};
