import { sql, type Transaction } from 'kysely';
import type { Executor } from '../connection.ts';
import type { DB, EmploymentType, Locale, OrgUnitKind } from '../schema.ts';
import { recomputeOrgUnitPaths } from './org-units.ts';

/** A unit as the staff import compares it: the parent by code, as the file names it. */
export interface UnitForImport {
  code: string;
  parent_code: string | null;
  kind: OrgUnitKind;
  name_ja: string;
  name_en: string;
  active: boolean;
  has_group_sessions: boolean;
}

/** Every unit with its parent's code (a few thousand rows; read once per import). */
export async function listUnitsForImport(db: Executor): Promise<UnitForImport[]> {
  return db
    .selectFrom('org_unit as u')
    .leftJoin('org_unit as p', 'p.id', 'u.parent_id')
    .select([
      'u.code',
      'p.code as parent_code',
      'u.kind',
      'u.name_ja',
      'u.name_en',
      'u.active',
      'u.has_group_sessions',
    ])
    .orderBy('u.id')
    .execute();
}

/** A person as the staff import compares them: the unit by code. */
export interface StaffForImport {
  staff_number: string;
  family_name: string;
  given_name: string;
  family_name_kana: string;
  given_name_kana: string;
  email: string;
  unit_code: string;
  employment_type: EmploymentType;
  is_section_head: boolean;
  is_unit_security_officer: boolean;
  is_system_security_officer: boolean;
  is_pjmo_member: boolean;
  locale: Locale;
  active: boolean;
  /**
   * The person has no current membership, or one that does not match their staff row: the
   * import repairs it even when the file changes nothing else about them.
   */
  membership_differs: boolean;
}

/** A StaffForImport as listStaffForImport's query packs it: the same fields, in order. */
type StaffForImportTuple = [
  staff_number: string,
  family_name: string,
  given_name: string,
  family_name_kana: string,
  given_name_kana: string,
  email: string,
  unit_code: string,
  employment_type: EmploymentType,
  is_section_head: boolean,
  is_unit_security_officer: boolean,
  is_system_security_officer: boolean,
  is_pjmo_member: boolean,
  locale: Locale,
  active: boolean,
  membership_differs: boolean,
];

/**
 * Everyone's current state, in one query: one scan and two hash joins cost far less than a
 * lookup per batch of the file (the import diffs every person). The rows come back packed in
 * one JSON array: the embedded engine hands each result row to JavaScript separately, and
 * 80,000 rows that way took seconds (most of a re-import), where one JSON value takes a small
 * fraction of that. Holds one small row per person in the database, whatever the file's size.
 */
export async function listStaffForImport(db: Executor): Promise<StaffForImport[]> {
  const result = await sql<{ states: StaffForImportTuple[] | null }>`
    select json_agg(json_build_array(s.staff_number, s.family_name, s.given_name,
      s.family_name_kana, s.given_name_kana, s.email, u.code, s.employment_type,
      s.is_section_head, s.is_unit_security_officer, s.is_system_security_officer,
      s.is_pjmo_member, s.locale, s.active,
      (m.id is null or (m.org_unit_id, m.employment_type, m.is_section_head,
        m.is_unit_security_officer, m.is_system_security_officer, m.is_pjmo_member)
          is distinct from (s.org_unit_id, s.employment_type, s.is_section_head,
        s.is_unit_security_officer, s.is_system_security_officer, s.is_pjmo_member)))) as states
    from staff s
    join org_unit u on u.id = s.org_unit_id
    left join staff_membership m on m.staff_id = s.id and m.valid_to is null`.execute(db);
  return (result.rows[0]?.states ?? []).map((t) => ({
    staff_number: t[0],
    family_name: t[1],
    given_name: t[2],
    family_name_kana: t[3],
    given_name_kana: t[4],
    email: t[5],
    unit_code: t[6],
    employment_type: t[7],
    is_section_head: t[8],
    is_unit_security_officer: t[9],
    is_system_security_officer: t[10],
    is_pjmo_member: t[11],
    locale: t[12],
    active: t[13],
    membership_differs: t[14],
  }));
}

/**
 * Serialises imports: two at once would each diff against a state the other is changing.
 * Released when the transaction ends.
 */
export async function lockStaffImports(trx: Transaction<DB>): Promise<void> {
  await sql`select pg_advisory_xact_lock(hashtext('kenshu.staff_import'))`.execute(trx);
}

export interface StagedUnit {
  line: number;
  code: string;
  parent_code: string | null;
  kind: OrgUnitKind;
  name_ja: string;
  name_en: string;
  /** Null keeps what the unit has (a new unit then has group sessions). */
  no_group_sessions: boolean | null;
}

export interface StagedStaff {
  line: number;
  staff_number: string;
  family_name: string;
  given_name: string;
  family_name_kana: string;
  given_name_kana: string;
  email: string;
  unit_code: string;
  employment_type: EmploymentType;
  is_section_head: boolean;
  is_unit_security_officer: boolean;
  is_system_security_officer: boolean;
  is_pjmo_member: boolean;
  locale: Locale;
  /** Not in the database yet: inserted with its first membership, so history skips it. */
  is_new: boolean;
}

/**
 * Temporary tables for the rows the import will write, dropped when the transaction ends (also
 * on rollback, or when a killed process's connection goes away). No indexes: the apply reads
 * each once, with hash joins.
 */
export async function createStaffImportStage(trx: Transaction<DB>): Promise<void> {
  await sql`
    create temp table staff_import_stage_unit (
      line integer not null, code text not null, parent_code text, kind text not null,
      name_ja text not null, name_en text not null, no_group_sessions boolean,
      is_new boolean not null default false
    ) on commit drop`.execute(trx);
  await sql`
    create temp table staff_import_stage_staff (
      line integer not null, staff_number text not null, family_name text not null,
      given_name text not null, family_name_kana text not null, given_name_kana text not null,
      email text not null, unit_code text not null, employment_type text not null,
      is_section_head boolean not null, is_unit_security_officer boolean not null,
      is_system_security_officer boolean not null, is_pjmo_member boolean not null,
      locale text not null, is_new boolean not null
    ) on commit drop`.execute(trx);
  await sql`
    create temp table staff_import_stage_gone (staff_number text not null) on commit drop`.execute(
    trx,
  );
}

// One text array per column, unnested server-side: no limit on bound parameters, no JSON to
// build and parse, and the same statement on both engines. Everything travels as text (the
// casts are in the select) because the two drivers serialise typed JS arrays differently.
const texts = (values: readonly (string | null)[]) => sql`${sql.val([...values])}::text[]`;
const flags = (values: readonly boolean[]) => texts(values.map((v) => (v ? 't' : 'f')));
const numbers = (values: readonly number[]) => texts(values.map(String));

export async function stageStaffImportUnits(
  trx: Transaction<DB>,
  rows: readonly StagedUnit[],
): Promise<void> {
  if (rows.length === 0) return;
  await sql`
    insert into staff_import_stage_unit (line, code, parent_code, kind, name_ja, name_en, no_group_sessions)
    select line::int, code, parent_code, kind, name_ja, name_en, no_group_sessions::boolean
    from unnest(${numbers(rows.map((r) => r.line))}, ${texts(rows.map((r) => r.code))},
      ${texts(rows.map((r) => r.parent_code))}, ${texts(rows.map((r) => r.kind))},
      ${texts(rows.map((r) => r.name_ja))}, ${texts(rows.map((r) => r.name_en))},
      ${texts(rows.map((r) => (r.no_group_sessions === null ? null : r.no_group_sessions ? 't' : 'f')))})
      as t(line, code, parent_code, kind, name_ja, name_en, no_group_sessions)
  `.execute(trx);
}

export async function stageStaffImportPeople(
  trx: Transaction<DB>,
  rows: readonly StagedStaff[],
): Promise<void> {
  if (rows.length === 0) return;
  const col = <K extends keyof StagedStaff>(key: K) => rows.map((r) => r[key]);
  await sql`
    insert into staff_import_stage_staff
    select line::int, staff_number, family_name, given_name, family_name_kana, given_name_kana,
      email, unit_code, employment_type, is_section_head::boolean,
      is_unit_security_officer::boolean, is_system_security_officer::boolean,
      is_pjmo_member::boolean, locale, is_new::boolean
    from unnest(${numbers(col('line'))}, ${texts(col('staff_number'))},
      ${texts(col('family_name'))}, ${texts(col('given_name'))},
      ${texts(col('family_name_kana'))}, ${texts(col('given_name_kana'))},
      ${texts(col('email'))}, ${texts(col('unit_code'))}, ${texts(col('employment_type'))},
      ${flags(col('is_section_head'))}, ${flags(col('is_unit_security_officer'))},
      ${flags(col('is_system_security_officer'))}, ${flags(col('is_pjmo_member'))},
      ${texts(col('locale'))}, ${flags(col('is_new'))})
      as t(line, staff_number, family_name, given_name, family_name_kana, given_name_kana,
        email, unit_code, employment_type, is_section_head, is_unit_security_officer,
        is_system_security_officer, is_pjmo_member, locale, is_new)
  `.execute(trx);
}

/** Active people missing from a full import's file: the ones it deactivates. */
export async function stageStaffImportGone(
  trx: Transaction<DB>,
  staffNumbers: readonly string[],
): Promise<void> {
  if (staffNumbers.length === 0) return;
  await sql`
    insert into staff_import_stage_gone select unnest(${texts(staffNumbers)})`.execute(trx);
}

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

/** A foreign key, unique constraint or index set aside for a bulk insert, and how to restore it. */
interface SetAside {
  table_name: string;
  name: string;
  kind: 'foreign_key' | 'constraint' | 'index';
  definition: string;
}

/**
 * Sets aside the foreign keys, unique constraints and secondary indexes of staff and
 * staff_membership for a bulk insert, as PostgreSQL's guide to populating a database advises.
 * Maintained row by row they were most of the time of inserting 80,000 people with their
 * memberships; rebuilt once after (restoreSetAside), each index is one sort, and each key and
 * unique constraint is checked for every row before the transaction can commit, so nothing
 * unchecked is ever visible. The price is an exclusive lock on staff, org_unit and
 * staff_membership until the import commits, which is why only bulk loads (a first import, a
 * reorganisation) take this path. DDL is transactional: a rollback restores them as well.
 * Primary keys stay: other tables' foreign keys depend on them.
 */
async function setAsideStaffChecks(trx: Transaction<DB>): Promise<SetAside[]> {
  const found = await sql<SetAside>`
    select c.conrelid::regclass::text as table_name, c.conname as name,
      case c.contype when 'f' then 'foreign_key' else 'constraint' end as kind,
      pg_get_constraintdef(c.oid) as definition
    from pg_constraint c
    where c.contype in ('f', 'u') and c.conrelid in ('staff'::regclass, 'staff_membership'::regclass)
    union all
    select i.indrelid::regclass::text, i.indexrelid::regclass::text, 'index',
      pg_get_indexdef(i.indexrelid)
    from pg_index i
    where i.indrelid in ('staff'::regclass, 'staff_membership'::regclass)
      and not i.indisprimary
      and not exists (select 1 from pg_constraint c where c.conindid = i.indexrelid)
    order by 3, 2`.execute(trx);
  // Foreign keys first: a unique constraint cannot go while a key still refers to it.
  const ordered = [...found.rows].sort(
    (a, b) => Number(b.kind === 'foreign_key') - Number(a.kind === 'foreign_key'),
  );
  for (const item of ordered) {
    if (item.kind === 'index') await sql`drop index ${sql.id(item.name)}`.execute(trx);
    else {
      await sql`alter table ${sql.id(item.table_name)} drop constraint ${sql.id(item.name)}`.execute(
        trx,
      );
    }
  }
  return ordered.reverse();
}

async function restoreSetAside(trx: Transaction<DB>, items: readonly SetAside[]) {
  for (const item of items) {
    // Each definition is the catalogue's own text for what was just set aside.
    if (item.kind === 'index') await sql.raw(item.definition).execute(trx);
    else {
      await sql`alter table ${sql.id(item.table_name)} add constraint ${sql.id(item.name)} ${sql.raw(
        item.definition,
      )}`.execute(trx);
    }
  }
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
  const affected = (r: { numAffectedRows?: bigint }) => Number(r.numAffectedRows ?? 0);
  // First, so the exclusive locks are taken before this transaction holds any others.
  const setAside = options.bulkInsert ? await setAsideStaffChecks(trx) : [];
  // Accurate row counts for the joins below; only the join columns need statistics.
  await sql`analyze staff_import_stage_unit (code, parent_code)`.execute(trx);
  await sql`analyze staff_import_stage_staff (staff_number, unit_code)`.execute(trx);

  // Existing units are told apart from new ones before anything is inserted, so a new unit's
  // parent link is never counted as a change to it. New units go in first, without parents (a
  // parent may itself be new), then their parent links; then existing units are updated.
  await sql`
    update staff_import_stage_unit su
    set is_new = not exists (select 1 from org_unit u where u.code = su.code)`.execute(trx);
  const unitsInserted = affected(
    await sql`
      insert into org_unit (code, parent_id, kind, name_ja, name_en, has_group_sessions, path, depth)
      select su.code, null, su.kind, su.name_ja, su.name_en,
        coalesce(not su.no_group_sessions, true), '', 0
      from staff_import_stage_unit su
      where su.is_new
      order by su.line`.execute(trx),
  );
  if (unitsInserted > 0) {
    await sql`
      update org_unit u set parent_id = p.id
      from staff_import_stage_unit su join org_unit p on p.code = su.parent_code
      where su.is_new and u.code = su.code`.execute(trx);
  }
  const unitChanges = await sql<{ moved: number; changed: number }>`
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
  const unitsMoved = unitChanges.rows[0]?.moved ?? 0;
  const unitsChanged = unitChanges.rows[0]?.changed ?? 0;
  if (unitsInserted + unitsMoved > 0) await recomputeOrgUnitPaths(trx);

  // An e-mail may pass from one person to another in the same file; the unique index checks
  // row by row, so the people whose e-mail changes let go of the old one first.
  await sql`
    update staff s set email = s.id || '@staff-import.invalid'
    from staff_import_stage_staff st
    where s.staff_number = st.staff_number and lower(s.email) <> lower(st.email)`.execute(trx);
  // A person HR moves to another unit loses the unit an admin set for them to oversee as
  // section head: it was set for the post they held, and must not outlive it.
  const staffChanges = await sql<{ moved: number; changed: number }>`
    with target as (
      select s.id, u.id as unit_id, s.org_unit_id <> u.id as moved, st.*
      from staff_import_stage_staff st
      join staff s on s.staff_number = st.staff_number
      join org_unit u on u.code = st.unit_code
      where (s.family_name, s.given_name, s.family_name_kana, s.given_name_kana, s.email,
             s.org_unit_id, s.employment_type, s.is_section_head, s.is_unit_security_officer,
             s.is_system_security_officer, s.is_pjmo_member, s.locale, s.active)
          is distinct from
            (st.family_name, st.given_name, st.family_name_kana, st.given_name_kana, st.email,
             u.id, st.employment_type, st.is_section_head, st.is_unit_security_officer,
             st.is_system_security_officer, st.is_pjmo_member, st.locale, true)
    ), updated as (
      update staff s
      set family_name = t.family_name, given_name = t.given_name,
        family_name_kana = t.family_name_kana, given_name_kana = t.given_name_kana,
        email = t.email, org_unit_id = t.unit_id, employment_type = t.employment_type,
        is_section_head = t.is_section_head, is_unit_security_officer = t.is_unit_security_officer,
        is_system_security_officer = t.is_system_security_officer,
        is_pjmo_member = t.is_pjmo_member, locale = t.locale, active = true,
        oversight_unit_id = case when t.moved then null else s.oversight_unit_id end,
        updated_at = ${now}
      from target t where s.id = t.id
      returning t.moved
    )
    select (count(*) filter (where moved))::int as moved,
      (count(*) filter (where not moved))::int as changed
    from updated`.execute(trx);
  const staffMoved = staffChanges.rows[0]?.moved ?? 0;
  const staffChanged = staffChanges.rows[0]?.changed ?? 0;
  // New people get their first membership in the same statement: joining the staff table
  // again right after a large insert would be planned on stale statistics.
  const inserted = await sql<{ inserted: number }>`
    with inserted as (
      insert into staff (staff_number, family_name, given_name, family_name_kana, given_name_kana,
        email, org_unit_id, employment_type, is_section_head, is_unit_security_officer,
        is_system_security_officer, is_pjmo_member, locale)
      select st.staff_number, st.family_name, st.given_name, st.family_name_kana,
        st.given_name_kana, st.email, u.id, st.employment_type, st.is_section_head,
        st.is_unit_security_officer, st.is_system_security_officer, st.is_pjmo_member, st.locale
      from staff_import_stage_staff st join org_unit u on u.code = st.unit_code
      where st.is_new
      order by st.line
      returning id, org_unit_id, employment_type, is_section_head, is_unit_security_officer,
        is_system_security_officer, is_pjmo_member
    ), opened as (
      insert into staff_membership (staff_id, org_unit_id, employment_type, is_section_head,
        is_unit_security_officer, is_system_security_officer, is_pjmo_member, valid_from)
      select id, org_unit_id, employment_type, is_section_head, is_unit_security_officer,
        is_system_security_officer, is_pjmo_member, ${effectiveDate}::date
      from inserted
      returning 1
    )
    select (select count(*) from opened)::int as inserted`.execute(trx);
  const staffInserted = inserted.rows[0]?.inserted ?? 0;
  await restoreSetAside(trx, setAside);

  let staffDeactivated = 0;
  let sessionsEnded = 0;
  let deactivatedMemberships = 0;
  if (options.deactivateMissing) {
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
    staffDeactivated = row?.deactivated ?? 0;
    sessionsEnded = row?.ended ?? 0;
    deactivatedMemberships = row?.closed ?? 0;
  }

  // Membership history for everyone in the file: a current row that no longer matches is
  // corrected in place if it starts on or after the effective date, closed otherwise; then
  // whoever has no current row gets one from the effective date.
  const differs = sql`
    (m.org_unit_id, m.employment_type, m.is_section_head, m.is_unit_security_officer,
     m.is_system_security_officer, m.is_pjmo_member)
      is distinct from
    (s.org_unit_id, s.employment_type, s.is_section_head, s.is_unit_security_officer,
     s.is_system_security_officer, s.is_pjmo_member)`;
  const membershipsCorrected = affected(
    await sql`
      update staff_membership m
      set org_unit_id = s.org_unit_id, employment_type = s.employment_type,
        is_section_head = s.is_section_head, is_unit_security_officer = s.is_unit_security_officer,
        is_system_security_officer = s.is_system_security_officer, is_pjmo_member = s.is_pjmo_member
      from staff s join staff_import_stage_staff st on st.staff_number = s.staff_number
      where not st.is_new and m.staff_id = s.id and m.valid_to is null and m.valid_from >= ${effectiveDate}::date
        and ${differs}`.execute(trx),
  );
  const membershipsClosed =
    deactivatedMemberships +
    affected(
      await sql`
        update staff_membership m set valid_to = ${effectiveDate}::date
        from staff s join staff_import_stage_staff st on st.staff_number = s.staff_number
        where not st.is_new and m.staff_id = s.id and m.valid_to is null and m.valid_from < ${effectiveDate}::date
          and ${differs}`.execute(trx),
    );
  const membershipsOpened =
    staffInserted +
    affected(
      await sql`
      insert into staff_membership (staff_id, org_unit_id, employment_type, is_section_head,
        is_unit_security_officer, is_system_security_officer, is_pjmo_member, valid_from)
      select s.id, s.org_unit_id, s.employment_type, s.is_section_head,
        s.is_unit_security_officer, s.is_system_security_officer, s.is_pjmo_member,
        ${effectiveDate}::date
      from staff s join staff_import_stage_staff st on st.staff_number = s.staff_number
      where not st.is_new and not exists (
        select 1 from staff_membership m where m.staff_id = s.id and m.valid_to is null)`.execute(
        trx,
      ),
    );

  return {
    unitsInserted,
    unitsMoved,
    unitsChanged,
    staffInserted,
    staffMoved,
    staffChanged,
    staffDeactivated,
    sessionsEnded,
    membershipsOpened,
    membershipsClosed,
    membershipsCorrected,
  };
}

export async function insertStaffImport(
  trx: Transaction<DB>,
  row: {
    checksum: string;
    fileName: string | null;
    mode: 'full' | 'partial';
    effectiveDate: string;
    counts: unknown;
    appliedBy: number;
    appliedAt: Date;
  },
): Promise<number> {
  const inserted = await trx
    .insertInto('roster_import')
    .values({
      checksum: row.checksum,
      file_name: row.fileName,
      mode: row.mode,
      effective_date: row.effectiveDate,
      counts: JSON.stringify(row.counts),
      applied_by: row.appliedBy,
      applied_at: row.appliedAt,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return inserted.id;
}

/** A person's membership history, oldest first. */
export async function listStaffMemberships(db: Executor, staffId: number) {
  return db
    .selectFrom('staff_membership as m')
    .innerJoin('org_unit as u', 'u.id', 'm.org_unit_id')
    .select([
      'm.valid_from',
      'm.valid_to',
      'u.code as unit_code',
      'm.employment_type',
      'm.is_section_head',
      'm.is_unit_security_officer',
      'm.is_system_security_officer',
      'm.is_pjmo_member',
    ])
    .where('m.staff_id', '=', staffId)
    .orderBy('m.valid_from')
    .orderBy('m.id')
    .execute();
}

/**
 * The people this import's stage added (new staff numbers), once applied, with their e-mail
 * address: whom "send new people a link to set their password" is about.
 */
export async function peopleAddedByStage(trx: Transaction<DB>) {
  const { rows } = await sql<{ id: number; email: string }>`
    select s.id, s.email from staff s
    join staff_import_stage_staff st on st.staff_number = s.staff_number
    where st.is_new
    order by s.id`.execute(trx);
  return rows;
}
