import { sql, type Kysely } from 'kysely';

// Frozen: membership history and the record of HR roster imports, as of this date. Imports no
// app code.
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations see an untyped database
export async function up(db: Kysely<any>): Promise<void> {
  // Where a person worked and which HR roles they held, from one day to another, so reports on
  // past fiscal years count people where they were. valid_to is exclusive; null means current.
  await db.schema
    .createTable('staff_membership')
    .addColumn('id', 'integer', (c) => c.primaryKey().generatedAlwaysAsIdentity())
    .addColumn('staff_id', 'integer', (c) => c.notNull().references('staff.id'))
    .addColumn('org_unit_id', 'integer', (c) => c.notNull().references('org_unit.id'))
    .addColumn('employment_type', 'text', (c) =>
      c.notNull().check(sql`employment_type in ('regular', 'part_time', 'temporary')`),
    )
    .addColumn('is_section_head', 'boolean', (c) => c.notNull())
    .addColumn('is_unit_security_officer', 'boolean', (c) => c.notNull())
    .addColumn('is_system_security_officer', 'boolean', (c) => c.notNull())
    .addColumn('is_pjmo_member', 'boolean', (c) => c.notNull())
    .addColumn('valid_from', 'date', (c) => c.notNull())
    .addColumn('valid_to', 'date')
    // An empty range (from = to) is a membership superseded on the day it began.
    .addCheckConstraint('staff_membership_range', sql`valid_to is null or valid_to >= valid_from`)
    .execute();
  // At most one current membership per person, whatever code writes the table.
  await sql`
    create unique index staff_membership_current_idx on staff_membership (staff_id)
    where valid_to is null`.execute(db);
  await db.schema
    .createIndex('staff_membership_staff_idx')
    .on('staff_membership')
    .columns(['staff_id', 'valid_from'])
    .execute();
  await db.schema
    .createIndex('staff_membership_unit_idx')
    .on('staff_membership')
    .columns(['org_unit_id', 'valid_from'])
    .execute();
  // Everyone already here gets one row from the day they were added (Tokyo has no daylight
  // saving, so +9 hours is the Tokyo day on both engines); inactive people get a closed one.
  await sql`
    insert into staff_membership (
      staff_id, org_unit_id, employment_type, is_section_head, is_unit_security_officer,
      is_system_security_officer, is_pjmo_member, valid_from, valid_to)
    select id, org_unit_id, employment_type, is_section_head, is_unit_security_officer,
      is_system_security_officer, is_pjmo_member,
      ((created_at at time zone 'UTC') + interval '9 hours')::date,
      case when active then null
        else greatest(((updated_at at time zone 'UTC') + interval '9 hours')::date,
                      ((created_at at time zone 'UTC') + interval '9 hours')::date) end
    from staff`.execute(db);

  await db.schema
    .createTable('roster_import')
    .addColumn('id', 'integer', (c) => c.primaryKey().generatedAlwaysAsIdentity())
    .addColumn('checksum', 'text', (c) => c.notNull().check(sql`checksum ~ '^[0-9a-f]{64}$'`))
    .addColumn('file_name', 'text')
    .addColumn('mode', 'text', (c) => c.notNull().check(sql`mode in ('full', 'partial')`))
    .addColumn('effective_date', 'date', (c) => c.notNull())
    .addColumn('counts', 'jsonb', (c) => c.notNull())
    .addColumn('applied_by', 'integer', (c) => c.notNull().references('staff.id'))
    .addColumn('applied_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema
    .createIndex('roster_import_applied_at_idx')
    .on('roster_import')
    .column('applied_at')
    .execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations see an untyped database
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('roster_import').execute();
  await db.schema.dropTable('staff_membership').execute();
}
