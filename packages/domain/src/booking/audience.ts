import type { Role } from '../access.ts';

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
      employmentTypes: readonly string[];
    };

/** The facts about a person that audiences look at. */
export interface AudienceMember {
  roles: ReadonlySet<Role>;
  unitPath: string;
  employmentType: string;
  active: boolean;
}

/** Whether a person is required to take a course with this audience. */
export function isInAudience(audience: Audience, person: AudienceMember): boolean {
  if (!person.active) return false;
  switch (audience.kind) {
    case 'all_staff':
      return true;
    case 'section_heads':
      return person.roles.has('section_head');
    case 'pjmo_members':
      return person.roles.has('pjmo_member');
    case 'rule':
      return (
        (audience.roles.length === 0 || audience.roles.some((r) => person.roles.has(r))) &&
        (audience.unitPaths.length === 0 ||
          audience.unitPaths.some((p) => person.unitPath.startsWith(p))) &&
        (audience.employmentTypes.length === 0 ||
          audience.employmentTypes.includes(person.employmentType))
      );
  }
}
