import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ROLES, type Role } from '../access.ts';
import { EMPLOYMENT_TYPES } from '../staff.ts';
import {
  audienceRule,
  courseRequiresAnyone,
  isInAudience,
  type AudienceMember,
} from './audience.ts';

const person = (overrides: Partial<AudienceMember> = {}): AudienceMember => ({
  roles: new Set<Role>(),
  unitPath: '/1/7/12/',
  employmentType: 'regular',
  active: true,
  ...overrides,
});

describe('who a course requires', () => {
  it('all staff means every active person, and nobody inactive', () => {
    expect(isInAudience({ kind: 'all_staff' }, person())).toBe(true);
    expect(isInAudience({ kind: 'all_staff' }, person({ active: false }))).toBe(false);
  });

  it('section heads and PJMO courses are for those roles only', () => {
    const head = person({ roles: new Set(['section_head']) });
    expect(isInAudience({ kind: 'section_heads' }, head)).toBe(true);
    expect(isInAudience({ kind: 'section_heads' }, person())).toBe(false);
    expect(isInAudience({ kind: 'pjmo_members' }, head)).toBe(false);
    expect(
      isInAudience({ kind: 'pjmo_members' }, person({ roles: new Set(['pjmo_member']) })),
    ).toBe(true);
  });

  it('a rule needs every condition given, each met by any of its values', () => {
    const rule = {
      kind: 'rule' as const,
      roles: ['trainer', 'pjmo_member'] as Role[],
      unitPaths: ['/1/9/', '/1/7/'],
      employmentTypes: ['part_time' as const],
    };
    const match = person({ roles: new Set(['pjmo_member']), employmentType: 'part_time' });
    expect(isInAudience(rule, match)).toBe(true);
    expect(isInAudience(rule, { ...match, employmentType: 'regular' })).toBe(false);
    expect(isInAudience(rule, { ...match, unitPath: '/1/8/' })).toBe(false);
    expect(isInAudience(rule, { ...match, roles: new Set<Role>(['section_head']) })).toBe(false);
  });

  it('a unit path covers its whole subtree and nothing beside it', () => {
    const rule = { kind: 'rule' as const, roles: [], unitPaths: ['/1/7/'], employmentTypes: [] };
    expect(isInAudience(rule, person({ unitPath: '/1/7/' }))).toBe(true);
    expect(isInAudience(rule, person({ unitPath: '/1/7/12/40/' }))).toBe(true);
    // '/1/70/' starts with '/1/7' but not with '/1/7/': paths end in a slash for this reason.
    expect(isInAudience(rule, person({ unitPath: '/1/70/' }))).toBe(false);
  });

  it('every audience is the one rule of three conditions', () => {
    const arbitraryMember = fc.record({
      roles: fc.subarray([...ROLES]).map((r) => new Set<Role>(r)),
      unitPath: fc.constantFrom('/1/', '/1/7/', '/1/7/12/', '/1/8/'),
      employmentType: fc.constantFrom(...EMPLOYMENT_TYPES),
      active: fc.boolean(),
    });
    const arbitraryAudience = fc.oneof(
      fc.constant({ kind: 'all_staff' as const }),
      fc.constant({ kind: 'section_heads' as const }),
      fc.constant({ kind: 'pjmo_members' as const }),
      fc.record({
        kind: fc.constant('rule' as const),
        roles: fc.subarray([...ROLES]),
        unitPaths: fc.subarray(['/1/7/', '/1/8/']),
        employmentTypes: fc.subarray([...EMPLOYMENT_TYPES]),
      }),
    );
    fc.assert(
      fc.property(arbitraryAudience, arbitraryMember, (audience, member) => {
        const rule = audienceRule(audience);
        const expected =
          member.active &&
          (rule.roles.length === 0 || rule.roles.some((r) => member.roles.has(r))) &&
          (rule.unitPaths.length === 0 ||
            rule.unitPaths.some((p) => member.unitPath.startsWith(p))) &&
          (rule.employmentTypes.length === 0 ||
            rule.employmentTypes.includes(member.employmentType));
        expect(isInAudience(audience, member)).toBe(expected);
      }),
    );
  });

  it('an inactive course, or a draft, requires no one', () => {
    expect(courseRequiresAnyone({ active: false, published: true })).toBe(false);
    expect(courseRequiresAnyone({ active: true, published: true })).toBe(true);
    expect(courseRequiresAnyone({ active: true, published: false })).toBe(false);
  });
});
