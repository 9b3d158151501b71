import { sql, type Transaction } from 'kysely';
import { STAFF_IMPORT_PERSON_FIELDS, type CurrentStaff, type CurrentUnit } from '@kenshu/domain';
import type { Executor } from '../../connection.ts';
import type { DB } from '../../schema.ts';
import { currentPersonValues, membershipDiffers, personFromValues } from './person-columns.ts';

/**
 * Every unit as the staff import compares it, the parent by code as the file names it (a few
 * thousand rows; read once per import).
 */
export async function listUnitsForImport(db: Executor): Promise<CurrentUnit[]> {
  return db
    .selectFrom('org_unit as u')
    .leftJoin('org_unit as p', 'p.id', 'u.parent_id')
    .select([
      'u.code',
      'p.code as parentCode',
      'u.kind',
      'u.name_ja as nameJa',
      'u.name_en as nameEn',
      'u.active',
      sql<boolean>`not u.has_group_sessions`.as('noGroupSessions'),
    ])
    .orderBy('u.id')
    .execute();
}

/** A person as the staff import compares them: the unit by code. */
export interface StaffForImport extends CurrentStaff {
  /**
   * The person has no current membership, or one that does not match their staff row: the
   * import repairs it even when the file changes nothing else about them.
   */
  membershipDiffers: boolean;
}

/**
 * Everyone's current state, in one query: one scan and two hash joins cost far less than a
 * lookup per batch of the file (the import diffs every person). The rows come back packed in
 * one JSON array: the embedded engine hands each result row to JavaScript separately, and
 * 80,000 rows that way took seconds (most of a re-import), where one JSON value takes a small
 * fraction of that. Holds one small row per person in the database, whatever the file's size.
 */
export async function listStaffForImport(db: Executor): Promise<StaffForImport[]> {
  const result = await sql<{ states: unknown[][] | null }>`
    select json_agg(json_build_array(${currentPersonValues}, s.active,
      (m.id is null or ${membershipDiffers}))) as states
    from staff s
    join org_unit u on u.id = s.org_unit_id
    left join staff_membership m on m.staff_id = s.id and m.valid_to is null`.execute(db);
  const active = STAFF_IMPORT_PERSON_FIELDS.length;
  return (result.rows[0]?.states ?? []).map((values) => ({
    ...personFromValues(values),
    active: values[active] === true,
    membershipDiffers: values[active + 1] === true,
  }));
}

/**
 * Serialises imports: two at once would each diff against a state the other is changing.
 * Released when the transaction ends.
 */
export async function lockStaffImports(trx: Transaction<DB>): Promise<void> {
  await sql`select pg_advisory_xact_lock(hashtext('kenshu.staff_import'))`.execute(trx);
}
