import { sql, type Kysely } from 'kysely';

// Frozen: organisation settings admins keep, as of this date. Imports no app code.
//
// An external agency (外局, such as 国税庁) becomes a kind of unit of its own, and a person may
// oversee, as section head, a unit other than the one HR lists them in (a head recorded in a
// 係 who runs the whole 課).
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations see an untyped database
export async function up(db: Kysely<any>): Promise<void> {
  await sql`alter table org_unit drop constraint org_unit_kind_check`.execute(db);
  await sql`alter table org_unit add constraint org_unit_kind_check
    check (kind in ('ministry', 'bureau', 'agency', 'regional_office', 'division', 'section'))`.execute(
    db,
  );
  await db.schema
    .alterTable('staff')
    .addColumn('oversight_unit_id', 'integer', (c) => c.references('org_unit.id'))
    .execute();
  await db.schema
    .createIndex('staff_oversight_unit_idx')
    .on('staff')
    .column('oversight_unit_id')
    .where(sql.ref('oversight_unit_id'), 'is not', null)
    .execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations see an untyped database
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('staff_oversight_unit_idx').execute();
  await db.schema.alterTable('staff').dropColumn('oversight_unit_id').execute();
  await sql`update org_unit set kind = 'bureau' where kind = 'agency'`.execute(db);
  await sql`alter table org_unit drop constraint org_unit_kind_check`.execute(db);
  await sql`alter table org_unit add constraint org_unit_kind_check
    check (kind in ('ministry', 'bureau', 'regional_office', 'division', 'section'))`.execute(db);
}
