import { sql, type Transaction } from 'kysely';
import type { StaffImportPerson, StaffImportUnit } from '@kenshu/domain';
import type { DB } from '../../schema.ts';
import {
  personValuesAsText,
  stagedPersonColumnDefinitions,
  stagedPersonColumns,
  stagedPersonColumnsFromText,
} from './person-columns.ts';

/** A person from the file that the import will write. */
export interface StagedStaff extends StaffImportPerson {
  /** Not in the database yet: inserted with its first membership, so history skips it. */
  isNew: boolean;
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
      line integer not null, ${stagedPersonColumnDefinitions}, is_new boolean not null
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
const flags = (values: readonly (boolean | null)[]) =>
  texts(values.map((v) => (v === null ? null : v ? 't' : 'f')));
const numbers = (values: readonly number[]) => texts(values.map(String));

/** The file's units, all of them: the apply compares each with the database. */
export async function stageStaffImportUnits(
  trx: Transaction<DB>,
  units: readonly StaffImportUnit[],
): Promise<void> {
  if (units.length === 0) return;
  await sql`
    insert into staff_import_stage_unit (line, code, parent_code, kind, name_ja, name_en, no_group_sessions)
    select line::int, code, parent_code, kind, name_ja, name_en, no_group_sessions::boolean
    from unnest(${numbers(units.map((u) => u.line))}, ${texts(units.map((u) => u.code))},
      ${texts(units.map((u) => u.parentCode))}, ${texts(units.map((u) => u.kind))},
      ${texts(units.map((u) => u.nameJa))}, ${texts(units.map((u) => u.nameEn))},
      ${flags(units.map((u) => u.noGroupSessions))})
      as t(line, code, parent_code, kind, name_ja, name_en, no_group_sessions)
  `.execute(trx);
}

/** A batch of the people the import writes (new, changed, or with a membership to repair). */
export async function stageStaffImportPeople(
  trx: Transaction<DB>,
  people: readonly StagedStaff[],
): Promise<void> {
  if (people.length === 0) return;
  await sql`
    insert into staff_import_stage_staff
    select line::int, ${stagedPersonColumnsFromText}, is_new::boolean
    from unnest(${numbers(people.map((p) => p.line))},
      ${sql.join(personValuesAsText(people).map(texts))},
      ${flags(people.map((p) => p.isNew))})
      as t(line, ${stagedPersonColumns}, is_new)
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
