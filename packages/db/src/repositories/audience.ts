import {
  audienceRule,
  HR_ROLE_FLAGS,
  ROLE_GROUPS,
  type Audience,
  type Role,
  type RoleGroup,
} from '@kenshu/domain';
import { sql, type RawBuilder } from 'kysely';
import type { Executor } from '../connection.ts';
import type { CourseAudience } from '../schema.ts';
import { escapeLike } from './like.ts';

/**
 * Where a query finds the facts about a person: a row alias whose columns are named like
 * `staff`'s (employment_type and the HR flags; `staff_membership` has the same names), the
 * column holding the person's id, and their unit's alias (for its path).
 */
export interface PersonColumns {
  /** Alias of the staff or membership row, e.g. `s` or `m`. */
  facts: string;
  /** The person's id, e.g. `s.id` or `m.staff_id`. */
  staffId: string;
  /** Alias of the person's org_unit row, e.g. `u`. */
  unit: string;
  /** Count only roles granted on or before this day ('YYYY-MM-DD'), for a past year's report. */
  grantedBy?: string | undefined;
}

/** Whether the person holds a role: its HR flag (if HR supplies it) or an admin's grant. */
export function hasRoleSql(p: PersonColumns, roles: readonly Role[]): RawBuilder<boolean> {
  if (roles.length === 0) return sql<boolean>`false`;
  const flags = roles.flatMap((r) =>
    r in HR_ROLE_FLAGS
      ? [sql.ref(`${p.facts}.${HR_ROLE_FLAGS[r as keyof typeof HR_ROLE_FLAGS]}`)]
      : [],
  );
  const grantedBy = p.grantedBy
    ? sql` and g.granted_at < (${p.grantedBy}::date + 1)::timestamp at time zone 'Asia/Tokyo'`
    : sql``;
  // Not correlated, so the planner reads the grants once into a hash rather than probing per row.
  const granted = sql<boolean>`${sql.ref(p.staffId)} in (select g.staff_id from role_grant g where g.role in (${sql.join(roles)})${grantedBy})`;
  return flags.length ? sql<boolean>`(${sql.join(flags, sql` or `)} or ${granted})` : granted;
}

/**
 * The database's form of @kenshu/domain's audience rule, as a condition on a person's row: the
 * one SQL definition of "required" that assignment, the team page and the reports share. It
 * evaluates `audienceRule` (any role, any unit subtree, any employment type) and nothing more,
 * and a property test holds it to `isInAudience`. Whether the person is active is the caller's
 * filter (`staff.active` now, a membership's dates for a past year).
 */
export function inAudienceSql(audience: Audience, p: PersonColumns): RawBuilder<boolean> {
  const rule = audienceRule(audience);
  const parts: RawBuilder<boolean>[] = [];
  if (rule.roles.length) parts.push(hasRoleSql(p, rule.roles));
  if (rule.unitPaths.length) {
    const path = sql.ref(`${p.unit}.path`);
    parts.push(
      sql<boolean>`(${sql.join(
        rule.unitPaths.map((prefix) => sql`${path} like ${escapeLike(prefix) + '%'}`),
        sql` or `,
      )})`,
    );
  }
  if (rule.employmentTypes.length) {
    parts.push(
      sql<boolean>`${sql.ref(`${p.facts}.employment_type`)} in (${sql.join(rule.employmentTypes)})`,
    );
  }
  return parts.length ? sql<boolean>`(${sql.join(parts, sql` and `)})` : sql<boolean>`true`;
}

/** The report group (表4) of a person's row, as @kenshu/domain's roleGroupOf decides it. */
export function roleGroupSql(p: PersonColumns): RawBuilder<RoleGroup> {
  const whens = ROLE_GROUPS.map((g) => sql`when ${hasRoleSql(p, g.roles)} then ${g.group}`);
  return sql<RoleGroup>`(case ${sql.join(whens, sql` `)} else 'other_staff' end)`;
}

/**
 * A stored audience with unit ids turned into the subtree paths the rule compares against. A
 * unit that no longer exists keeps a path no unit has, so a rule limited to it matches nobody
 * rather than everybody.
 */
export async function resolveAudience(db: Executor, audience: CourseAudience): Promise<Audience> {
  if (audience.kind !== 'rule') return audience;
  const units = audience.unitIds.length
    ? await db
        .selectFrom('org_unit')
        .select(['id', 'path'])
        .where('id', 'in', audience.unitIds)
        .execute()
    : [];
  const pathOf = new Map(units.map((u) => [u.id, u.path]));
  return {
    kind: 'rule',
    roles: audience.roles,
    unitPaths: audience.unitIds.map((id) => pathOf.get(id) ?? `/missing-${id}/`),
    employmentTypes: audience.employmentTypes,
  };
}
