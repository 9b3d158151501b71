import type { Transaction } from 'kysely';
import type { Executor } from '../../connection.ts';
import type { DB } from '../../schema.ts';

/** Records an applied import (the table keeps the import's earlier name, roster_import). */
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
