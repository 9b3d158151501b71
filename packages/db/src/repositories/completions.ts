import type { Executor } from '../connection.ts';
import type { CompletionKind } from '../schema.ts';

/** Records a completion event. Never updated or deleted afterwards (a trigger enforces it). */
export async function insertCompletion(
  db: Executor,
  row: {
    staff_id: number;
    course_id: number;
    fiscal_year: number;
    kind: CompletionKind;
    session_id?: number | null;
    source_ref?: string | null;
    reason?: string | null;
    recorded_by: number | null;
  },
): Promise<void> {
  await db.insertInto('completion').values(row).execute();
}

export async function completionsOf(db: Executor, staffId: number, fiscalYear: number) {
  return db
    .selectFrom('completion')
    .selectAll()
    .where('staff_id', '=', staffId)
    .where('fiscal_year', '=', fiscalYear)
    .orderBy('recorded_at')
    .execute();
}
