import type { Role } from '../access.ts';
import type { EmploymentType } from '../staff.ts';

/** Who must take a course each fiscal year. */
export type Audience =
  | { kind: 'all_staff' }
  | { kind: 'section_heads' }
  | { kind: 'pjmo_members' }
  | {
      kind: 'rule';
      /** Any of these roles (empty: no role condition). */
      roles: readonly Role[];
      /** Under any of these units, by materialised path (empty: anywhere). */
      unitPaths: readonly string[];
      /** Any of these employment types (empty: all). */
      employmentTypes: readonly EmploymentType[];
    };

/**
 * Every audience as one rule of three conditions, each "any of" and each ignored when empty.
 * This is the definition of "required": the one-person check below and the database's version
 * for whole populations (`inAudienceSql` in @kenshu/db) both evaluate this rule and nothing else.
 */
export interface AudienceRule {
  roles: readonly Role[];
  unitPaths: readonly string[];
  employmentTypes: readonly EmploymentType[];
}

export function audienceRule(audience: Audience): AudienceRule {
  switch (audience.kind) {
    case 'all_staff':
      return { roles: [], unitPaths: [], employmentTypes: [] };
    case 'section_heads':
      return { roles: ['section_head'], unitPaths: [], employmentTypes: [] };
    case 'pjmo_members':
      return { roles: ['pjmo_member'], unitPaths: [], employmentTypes: [] };
    case 'rule':
      return audience;
  }
}

/** The facts about a person that audiences look at. */
export interface AudienceMember {
  roles: ReadonlySet<Role>;
  unitPath: string;
  employmentType: EmploymentType;
  active: boolean;
}

/** Whether a person is required to take a course with this audience. */
export function isInAudience(audience: Audience, person: AudienceMember): boolean {
  if (!person.active) return false;
  const rule = audienceRule(audience);
  return (
    (rule.roles.length === 0 || rule.roles.some((r) => person.roles.has(r))) &&
    (rule.unitPaths.length === 0 || rule.unitPaths.some((p) => person.unitPath.startsWith(p))) &&
    (rule.employmentTypes.length === 0 || rule.employmentTypes.includes(person.employmentType))
  );
}

/**
 * Whether a course asks anyone to take it at all: an inactive course requires no one, and nor
 * does a draft, until an admin publishes it.
 */
export function courseRequiresAnyone(course: { active: boolean; published: boolean }): boolean {
  return course.active && course.published;
}
