import { sql, type RawBuilder } from 'kysely';
import { STAFF_IMPORT_PERSON_FIELDS, type StaffImportPersonFields } from '@kenshu/domain';

// The import's statements name a person's columns from @kenshu/domain's one list of the file's
// person fields, so a field added there reaches the stage, the diff's query and the writes.

type PersonField = (typeof STAFF_IMPORT_PERSON_FIELDS)[number];

/** The staff table's column for a field: the file names the unit by code, the table by id. */
function staffColumnOf(field: PersonField): string {
  return field.row === 'unit_code' ? 'org_unit_id' : field.row;
}

/** The fields the staff number identifies: everything but the key itself. */
export const PERSON_FIELDS_BUT_KEY = STAFF_IMPORT_PERSON_FIELDS.filter(
  (f) => f.row !== 'staff_number',
);

/** The facts kept with an effective date in staff_membership (and mirrored on staff). */
export const MEMBERSHIP_FIELDS = STAFF_IMPORT_PERSON_FIELDS.filter((f) => 'membership' in f);

/** `alias.column, …` for the fields' staff columns (no alias: bare column names). */
export function staffColumns(fields: readonly PersonField[], alias?: string): RawBuilder<unknown> {
  return sql.join(
    fields.map((f) => sql.ref(alias ? `${alias}.${staffColumnOf(f)}` : staffColumnOf(f))),
  );
}

/** `column = alias.column, …` for the fields' staff columns, for an update's set list. */
export function staffAssignments(
  fields: readonly PersonField[],
  from: string,
): RawBuilder<unknown> {
  return sql.join(
    fields.map((f) => sql`${sql.id(staffColumnOf(f))} = ${sql.ref(`${from}.${staffColumnOf(f)}`)}`),
  );
}

/** The membership columns, as staff and staff_membership both name them. */
export function membershipColumns(alias?: string): RawBuilder<unknown> {
  return staffColumns(MEMBERSHIP_FIELDS, alias);
}

/** Whether a membership row `m` no longer matches its person's staff row `s`. */
export const membershipDiffers = sql`(${membershipColumns('m')}) is distinct from (${membershipColumns('s')})`;

/**
 * The staged person `st`'s value for a field's staff column: the unit by the id of the org_unit
 * joined as `u`.
 */
function stagedValueOf(field: PersonField): RawBuilder<unknown> {
  return field.row === 'unit_code' ? sql`u.id` : sql.ref(`st.${field.row}`);
}

/** The staged person's values for the fields' staff columns (see stagedValueOf). */
export function stagedStaffValues(fields: readonly PersonField[]): RawBuilder<unknown> {
  return sql.join(fields.map(stagedValueOf));
}

/** The same values, each named as its staff column. */
export function stagedStaffValuesAsColumns(fields: readonly PersonField[]): RawBuilder<unknown> {
  return sql.join(fields.map((f) => sql`${stagedValueOf(f)} as ${sql.id(staffColumnOf(f))}`));
}

/** The person's current values as listStaffForImport reads them, with unit `u` by its code. */
export const currentPersonValues = sql.join(
  STAFF_IMPORT_PERSON_FIELDS.map((f) =>
    f.row === 'unit_code' ? sql`u.code` : sql.ref(`s.${f.row}`),
  ),
);

/** The stage's person columns, as created, with their types. */
export const stagedPersonColumnDefinitions = sql.join(
  STAFF_IMPORT_PERSON_FIELDS.map(
    (f) => sql`${sql.id(f.row)} ${sql.raw(f.kind === 'flag' ? 'boolean' : 'text')} not null`,
  ),
);

/** The stage's person column names. */
export const stagedPersonColumns = sql.join(STAFF_IMPORT_PERSON_FIELDS.map((f) => sql.id(f.row)));

/** The stage's person columns read back from text, as staging sends every value. */
export const stagedPersonColumnsFromText = sql.join(
  STAFF_IMPORT_PERSON_FIELDS.map((f) =>
    f.kind === 'flag' ? sql`${sql.id(f.row)}::boolean` : sql.id(f.row),
  ),
);

/** Each field's values across the people, as text ('t'/'f' for flags), in the list's order. */
export function personValuesAsText(
  people: readonly StaffImportPersonFields[],
): (readonly string[])[] {
  return STAFF_IMPORT_PERSON_FIELDS.map((f) =>
    people.map((p) => {
      const value = p[f.property];
      return typeof value === 'boolean' ? (value ? 't' : 'f') : value;
    }),
  );
}

/**
 * A person's fields from values in the list's order, as a query built from these columns
 * returns them; `values` may go on past them.
 */
export function personFromValues(values: readonly unknown[]): StaffImportPersonFields {
  const person: Record<string, unknown> = {};
  STAFF_IMPORT_PERSON_FIELDS.forEach((f, i) => (person[f.property] = values[i]));
  // The query selected exactly these fields, in this order, with the database's types.
  return person as StaffImportPersonFields;
}
