import { sql, type Transaction } from 'kysely';
import { STAFF_IMPORT_PERSON_FIELDS } from '@kenshu/domain';
import type { DB } from '../../schema.ts';
import { recomputeOrgUnitPaths } from '../org-units.ts';
import { restoreSetAside, setAsideStaffChecks } from './bulk-insert.ts';
import {
  membershipColumns,
  membershipDiffers,
  MEMBERSHIP_FIELDS,
  PERSON_FIELDS_BUT_KEY,
  staffAssignments,
  staffColumns,
  stagedStaffValues,
  stagedStaffValuesAsColumns,
} from './person-columns.ts';

/**
 * What an apply actually wrote, counted from the rows each statement changed, in the preview's
 * categories: a unit or person is moved (another parent or unit, whatever else changed with
 * it) or changed (anything else). A new unit's link to its parent is part of adding it.
 */
export interface StaffImportWriteCounts {
  unitsInserted: number;
  unitsMoved: number;
  unitsChanged: number;
  staffInserted: number;
  staffMoved: number;
  staffChanged: number;
  staffDeactivated: number;
  sessionsEnded: number;
  membershipsOpened: number;
  membershipsClosed: number;
  membershipsCorrected: number;
}

/**
 * Makes the database match the staged file, set-based: new units and people are inserted,
 * existing ones updated only where something differs, memberships closed and opened from the
 * effective date, and (full imports) active people missing from the file deactivated with their
 * sign-in sessions ended. Expects a validated stage; run it in the import's transaction.
 */
export async function applyStaffImportStage(
  trx: Transaction<DB>,
  options: {
    deactivateMissing: boolean;
    effectiveDate: string;
    now: Date;
    /** Many new people: build indexes and check keys once for all rather than row by row. */
    bulkInsert?: boolean;
  },
): Promise<StaffImportWriteCounts> {
  const { effectiveDate, now } = options;
  // First, so the exclusive locks are taken before this transaction holds any others.
  const setAside = options.bulkInsert ? await setAsideStaffChecks(trx) : [];
  // Accurate row counts for the joins below; only the join columns need statistics.
  await sql`analyze staff_import_stage_unit (code, parent_code)`.execute(trx);
  await sql`analyze staff_import_stage_staff (staff_number, unit_code)`.execute(trx);

  const units = await writeUnits(trx, now);
  await releaseChangingEmails(trx);
  const staff = await updateStaff(trx, now);
  const staffInserted = await insertNewStaff(trx, effectiveDate);
  await restoreSetAside(trx, setAside);
  const gone = options.deactivateMissing
    ? await deactivateGone(trx, effectiveDate, now)
    : { deactivated: 0, ended: 0, closed: 0 };
  const history = await repairMemberships(trx, effectiveDate);

  return {
    unitsInserted: units.inserted,
    unitsMoved: units.moved,
    unitsChanged: units.changed,
    staffInserted,
    staffMoved: staff.moved,
    staffChanged: staff.changed,
    staffDeactivated: gone.deactivated,
    sessionsEnded: gone.ended,
    membershipsOpened: staffInserted + history.opened,
    membershipsClosed: gone.closed + history.closed,
    membershipsCorrected: history.corrected,
  };
}

const affected = (r: { numAffectedRows?: bigint }) => Number(r.numAffectedRows ?? 0);

/**
 * Existing units are told apart from new ones before anything is inserted, so a new unit's
 * parent link is never counted as a change to it. New units go in first, without parents (a
 * parent may itself be new), then their parent links; then existing units are updated.
 */
async function writeUnits(trx: Transaction<DB>, now: Date) {
  await sql`
    update staff_import_stage_unit su
    set is_new = not exists (select 1 from org_unit u where u.code = su.code)`.execute(trx);
  const inserted = affected(
    await sql`
      insert into org_unit (code, parent_id, kind, name_ja, name_en, has_group_sessions, path, depth)
      select su.code, null, su.kind, su.name_ja, su.name_en,
        coalesce(not su.no_group_sessions, true), '', 0
      from staff_import_stage_unit su
      where su.is_new
      order by su.line`.execute(trx),
  );
  if (inserted > 0) {
    await sql`
      update org_unit u set parent_id = p.id
      from staff_import_stage_unit su join org_unit p on p.code = su.parent_code
      where su.is_new and u.code = su.code`.execute(trx);
  }
  const updated = await sql<{ moved: number; changed: number }>`
    with target as (
      select u.id, p.id as parent_id, su.kind, su.name_ja, su.name_en,
        coalesce(not su.no_group_sessions, u.has_group_sessions) as has_group_sessions,
        u.parent_id is distinct from p.id as moved
      from staff_import_stage_unit su
      join org_unit u on u.code = su.code
      left join org_unit p on p.code = su.parent_code
      where not su.is_new
        and (u.parent_id, u.kind, u.name_ja, u.name_en, u.active, u.has_group_sessions)
          is distinct from (p.id, su.kind, su.name_ja, su.name_en, true,
            coalesce(not su.no_group_sessions, u.has_group_sessions))
    ), updated as (
      update org_unit u
      set parent_id = t.parent_id, kind = t.kind, name_ja = t.name_ja, name_en = t.name_en,
        has_group_sessions = t.has_group_sessions, active = true, updated_at = ${now}
      from target t where u.id = t.id
      returning t.moved
    )
    select (count(*) filter (where moved))::int as moved,
      (count(*) filter (where not moved))::int as changed
    from updated`.execute(trx);
  const moved = updated.rows[0]?.moved ?? 0;
  const changed = updated.rows[0]?.changed ?? 0;
  if (inserted + moved > 0) await recomputeOrgUnitPaths(trx);
  return { inserted, moved, changed };
}

/**
 * An e-mail may pass from one person to another in the same file; the unique index checks
 * row by row, so the people whose e-mail changes let go of the old one first.
 */
async function releaseChangingEmails(trx: Transaction<DB>): Promise<void> {
  await sql`
    update staff s set email = s.id || '@staff-import.invalid'
    from staff_import_stage_staff st
    where s.staff_number = st.staff_number and lower(s.email) <> lower(st.email)`.execute(trx);
}

/**
 * Updates the staged people already in the database where anything differs (or they were
 * inactive). A person HR moves to another unit loses the unit an admin set for them to oversee
 * as section head: it was set for the post they held, and must not outlive it.
 */
async function updateStaff(trx: Transaction<DB>, now: Date) {
  const fields = PERSON_FIELDS_BUT_KEY;
  const updated = await sql<{ moved: number; changed: number }>`
    with target as (
      select s.id, s.org_unit_id <> u.id as moved, ${stagedStaffValuesAsColumns(fields)}
      from staff_import_stage_staff st
      join staff s on s.staff_number = st.staff_number
      join org_unit u on u.code = st.unit_code
      where (${staffColumns(fields, 's')}, s.active)
        is distinct from (${stagedStaffValues(fields)}, true)
    ), updated as (
      update staff s
      set ${staffAssignments(fields, 't')}, active = true,
        oversight_unit_id = case when t.moved then null else s.oversight_unit_id end,
        updated_at = ${now}
      from target t where s.id = t.id
      returning t.moved
    )
    select (count(*) filter (where moved))::int as moved,
      (count(*) filter (where not moved))::int as changed
    from updated`.execute(trx);
  return { moved: updated.rows[0]?.moved ?? 0, changed: updated.rows[0]?.changed ?? 0 };
}

/**
 * Inserts the staged new people. Each gets their first membership in the same statement:
 * joining the staff table again right after a large insert would be planned on stale statistics.
 */
async function insertNewStaff(trx: Transaction<DB>, effectiveDate: string): Promise<number> {
  const fields = STAFF_IMPORT_PERSON_FIELDS;
  const inserted = await sql<{ inserted: number }>`
    with inserted as (
      insert into staff (${staffColumns(fields)})
      select ${stagedStaffValues(fields)}
      from staff_import_stage_staff st join org_unit u on u.code = st.unit_code
      where st.is_new
      order by st.line
      returning id, ${membershipColumns()}
    ), opened as (
      insert into staff_membership (staff_id, ${membershipColumns()}, valid_from)
      select id, ${membershipColumns()}, ${effectiveDate}::date
      from inserted
      returning 1
    )
    select (select count(*) from opened)::int as inserted`.execute(trx);
  return inserted.rows[0]?.inserted ?? 0;
}

/**
 * A full import deactivates the active people missing from its file, ends their sign-in
 * sessions and closes their memberships.
 */
async function deactivateGone(trx: Transaction<DB>, effectiveDate: string, now: Date) {
  const gone = await sql<{ deactivated: number; ended: number; closed: number }>`
    with gone as (
      update staff s set active = false, updated_at = ${now}
      from staff_import_stage_gone g
      where s.staff_number = g.staff_number and s.active
      returning s.id
    ), ended as (
      update auth_session a set ended_at = ${now}
      from gone where a.staff_id = gone.id and a.ended_at is null
      returning a.id
    ), closed as (
      update staff_membership m set valid_to = greatest(m.valid_from, ${effectiveDate}::date)
      from gone where m.staff_id = gone.id and m.valid_to is null
      returning m.id
    )
    select (select count(*) from gone)::int as deactivated,
      (select count(*) from ended)::int as ended,
      (select count(*) from closed)::int as closed`.execute(trx);
  const row = gone.rows[0];
  return { deactivated: row?.deactivated ?? 0, ended: row?.ended ?? 0, closed: row?.closed ?? 0 };
}

/**
 * Membership history for everyone in the file already in the database: a current row that no
 * longer matches is corrected in place if it starts on or after the effective date, closed
 * otherwise; then whoever has no current row gets one from the effective date.
 */
async function repairMemberships(trx: Transaction<DB>, effectiveDate: string) {
  const corrected = affected(
    await sql`
      update staff_membership m
      set ${staffAssignments(MEMBERSHIP_FIELDS, 's')}
      from staff s join staff_import_stage_staff st on st.staff_number = s.staff_number
      where not st.is_new and m.staff_id = s.id and m.valid_to is null and m.valid_from >= ${effectiveDate}::date
        and ${membershipDiffers}`.execute(trx),
  );
  const closed = affected(
    await sql`
      update staff_membership m set valid_to = ${effectiveDate}::date
      from staff s join staff_import_stage_staff st on st.staff_number = s.staff_number
      where not st.is_new and m.staff_id = s.id and m.valid_to is null and m.valid_from < ${effectiveDate}::date
        and ${membershipDiffers}`.execute(trx),
  );
  const opened = affected(
    await sql`
      insert into staff_membership (staff_id, ${membershipColumns()}, valid_from)
      select s.id, ${membershipColumns('s')}, ${effectiveDate}::date
      from staff s join staff_import_stage_staff st on st.staff_number = s.staff_number
      where not st.is_new and not exists (
        select 1 from staff_membership m where m.staff_id = s.id and m.valid_to is null)`.execute(
      trx,
    ),
  );
  return { corrected, closed, opened };
}
