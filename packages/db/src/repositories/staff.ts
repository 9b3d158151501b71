import { sql } from 'kysely';
import type { Executor } from '../connection.ts';
import type { NewStaff, Staff } from '../schema.ts';
import { escapeLike } from './like.ts';
import { matchesStaffSearch } from './staff-search.ts';

export interface StaffQuery {
  /** Limit to these subtrees, by materialised path (e.g. "/1/5/"); absent means everywhere. */
  subtreePaths?: readonly string[] | undefined;
  /** Matches staff number, name, kana or e-mail. */
  search?: string | undefined;
  includeInactive?: boolean | undefined;
  limit: number;
  offset: number;
}

/**
 * Inserts people and opens each one's membership history (unit, employment type and HR roles
 * from `memberSince`, by default today in Tokyo), so past years' reports can count them where
 * they were. The staff import writes memberships itself, with the file's effective date.
 */
/**
 * The columns a list of people shows for each (the person as `s`, their unit as `u`): staff
 * number, name with its kana reading (lists sort by it), and the unit's name in both languages.
 */
export const PERSON_ON_LIST_COLUMNS = [
  's.staff_number',
  's.family_name',
  's.given_name',
  's.family_name_kana',
  's.given_name_kana',
  'u.name_ja as unit_name_ja',
  'u.name_en as unit_name_en',
] as const;

/** A row with those columns and the person's id. */
export interface PersonOnListRow {
  staff_id: number;
  staff_number: string;
  family_name: string;
  given_name: string;
  family_name_kana: string;
  given_name_kana: string;
  unit_name_ja: string;
  unit_name_en: string;
}

export async function insertStaff(
  db: Executor,
  rows: NewStaff[],
  options: { memberSince?: string | null } = {},
): Promise<Staff[]> {
  const out: Staff[] = [];
  for (let i = 0; i < rows.length; i += 1000) {
    const inserted = await db
      .insertInto('staff')
      .values(rows.slice(i, i + 1000))
      .returningAll()
      .execute();
    out.push(...inserted);
    if (options.memberSince === null || inserted.length === 0) continue;
    const since = options.memberSince
      ? sql<string>`${options.memberSince}::date`
      : sql<string>`(now() at time zone 'Asia/Tokyo')::date`;
    await db
      .insertInto('staff_membership')
      .values(
        inserted.map((s) => ({
          staff_id: s.id,
          org_unit_id: s.org_unit_id,
          employment_type: s.employment_type,
          is_section_head: s.is_section_head,
          is_unit_security_officer: s.is_unit_security_officer,
          is_system_security_officer: s.is_system_security_officer,
          is_pjmo_member: s.is_pjmo_member,
          valid_from: since,
          // Someone added as already gone was a member for no day at all.
          valid_to: s.active ? null : since,
        })),
      )
      .execute();
  }
  return out;
}

export async function findStaffById(db: Executor, id: number): Promise<Staff | undefined> {
  return db.selectFrom('staff').selectAll().where('id', '=', id).executeTakeFirst();
}

/** The people with these ids (any order; unknown ids are left out). */
export async function findStaffByIds(db: Executor, ids: readonly number[]): Promise<Staff[]> {
  if (ids.length === 0) return [];
  return db
    .selectFrom('staff')
    .selectAll()
    .where('id', 'in', [...new Set(ids)])
    .execute();
}

/** Which of these people are active staff (unknown or inactive ids are left out). */
export async function activeStaffIdsOf(db: Executor, ids: readonly number[]): Promise<number[]> {
  if (ids.length === 0) return [];
  const rows = await db
    .selectFrom('staff')
    .select('id')
    .where('id', 'in', ids)
    .where('active', '=', true)
    .execute();
  return rows.map((r) => r.id);
}

/** Whether the database holds anybody yet (a fresh database gets the demo when asked). */
export async function hasAnyStaff(db: Executor): Promise<boolean> {
  return (await db.selectFrom('staff').select('id').limit(1).executeTakeFirst()) !== undefined;
}

/** Finds a person by staff number or e-mail, the two things people sign in with. */
export async function findStaffByLogin(db: Executor, login: string): Promise<Staff | undefined> {
  return db
    .selectFrom('staff')
    .selectAll()
    .where((eb) =>
      eb.or([eb('staff_number', '=', login), eb(sql`lower(email)`, '=', login.toLowerCase())]),
    )
    .executeTakeFirst();
}

/** The person with this staff number (exactly) or e-mail (any case), active or not. */
export async function findStaffBy(
  db: Executor,
  by: 'staff_number' | 'email',
  value: string,
): Promise<Staff | undefined> {
  const query = db.selectFrom('staff').selectAll();
  return (
    by === 'staff_number'
      ? query.where('staff_number', '=', value)
      : query.where(sql`lower(email)`, '=', value.toLowerCase())
  ).executeTakeFirst();
}

/** One page of staff with their unit, and the total matching. */
export async function searchStaff(
  db: Executor,
  query: StaffQuery,
): Promise<{
  rows: (Staff & { unit_code: string; unit_name_ja: string; unit_name_en: string })[];
  total: number;
}> {
  let base = db.selectFrom('staff').innerJoin('org_unit', 'org_unit.id', 'staff.org_unit_id');
  if (!query.includeInactive) base = base.where('staff.active', '=', true);
  const paths = query.subtreePaths;
  if (paths) {
    if (paths.length === 0) return { rows: [], total: 0 };
    base = base.where((eb) =>
      eb.or(paths.map((p) => eb('org_unit.path', 'like', `${escapeLike(p)}%`))),
    );
  }
  if (query.search) {
    const search = query.search;
    base = base.where((eb) =>
      eb.or([
        matchesStaffSearch(eb, 'staff', search),
        eb('staff.email', 'ilike', `%${escapeLike(search)}%`),
      ]),
    );
  }
  const [rows, count] = await Promise.all([
    base
      .selectAll('staff')
      .select([
        'org_unit.code as unit_code',
        'org_unit.name_ja as unit_name_ja',
        'org_unit.name_en as unit_name_en',
      ])
      .orderBy('staff.staff_number')
      .limit(query.limit)
      .offset(query.offset)
      .execute(),
    base.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: count.total };
}

/** A person found by id or staff number, with their unit (for scope checks and display). */
export type StaffWithUnit = Staff & {
  unit_path: string;
  unit_name_ja: string;
  unit_name_en: string;
};

/**
 * People by id and by staff number (compared without regard to case), with their units, in
 * one query. Inactive people are included; the caller decides what they mean.
 */
export async function findStaffByIdsOrNumbers(
  db: Executor,
  ids: readonly number[],
  staffNumbers: readonly string[],
): Promise<StaffWithUnit[]> {
  if (ids.length === 0 && staffNumbers.length === 0) return [];
  const upper = [...new Set(staffNumbers.map((n) => n.toUpperCase()))];
  return db
    .selectFrom('staff')
    .innerJoin('org_unit', 'org_unit.id', 'staff.org_unit_id')
    .selectAll('staff')
    .select([
      'org_unit.path as unit_path',
      'org_unit.name_ja as unit_name_ja',
      'org_unit.name_en as unit_name_en',
    ])
    .where((eb) =>
      eb.or([
        ...(ids.length ? [eb('staff.id', 'in', ids)] : []),
        ...(upper.length ? [eb(sql`upper(staff.staff_number)`, 'in', upper)] : []),
      ]),
    )
    .execute();
}
