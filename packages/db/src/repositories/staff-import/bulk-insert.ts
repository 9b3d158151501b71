import { sql, type Transaction } from 'kysely';
import type { DB } from '../../schema.ts';

/** A foreign key, unique constraint or index set aside for a bulk insert, and how to restore it. */
export interface SetAside {
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
export async function setAsideStaffChecks(trx: Transaction<DB>): Promise<SetAside[]> {
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

export async function restoreSetAside(trx: Transaction<DB>, items: readonly SetAside[]) {
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
