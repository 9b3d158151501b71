import { insertCompletionsIfMissing, type DB, type Transaction } from '@kenshu/db';
import { publishTrainingEvents } from './events.ts';

export interface CompletionInput {
  staffId: number;
  courseId: number;
  fiscalYear: number;
  kind: 'attended' | 'e_learning' | 'credited';
  sessionId?: number | null;
  sourceRef?: string | null;
  reason?: string | null;
  recordedBy: number | null;
}

/**
 * The one way requirements get met: appends completion events (once per person, course and year
 * — a second route to the same requirement adds nothing) and tells whoever listens, in one go
 * for a whole attendance sheet. Returns how many were new.
 */
export async function recordCompletions(
  trx: Transaction<DB>,
  inputs: readonly CompletionInput[],
  at: Date,
): Promise<number> {
  const inserted = await insertCompletionsIfMissing(
    trx,
    inputs.map((i) => ({
      staff_id: i.staffId,
      course_id: i.courseId,
      fiscal_year: i.fiscalYear,
      kind: i.kind,
      session_id: i.sessionId ?? null,
      source_ref: i.sourceRef ?? null,
      reason: i.reason ?? null,
      recorded_by: i.recordedBy,
      recorded_at: at,
    })),
  );
  await publishTrainingEvents(
    trx,
    inserted.map((c) => ({
      type: 'requirement.completed' as const,
      staffId: c.staff_id,
      courseId: c.course_id,
      fiscalYear: c.fiscal_year,
      via: c.kind,
    })),
    at,
  );
  return inserted.length;
}

/** One completion; false when the requirement was already met. */
export async function recordCompletion(
  trx: Transaction<DB>,
  input: CompletionInput,
  at: Date,
): Promise<boolean> {
  return (await recordCompletions(trx, [input], at)) > 0;
}
