import type { DB, Transaction } from '@kenshu/db';

/**
 * What happened to a person's requirement, published inside the transaction that caused it, so
 * whatever reacts (e-learning assignment, for one) commits or rolls back with it.
 */
export type TrainingEvent =
  | {
      type: 'requirement.completed';
      staffId: number;
      courseId: number;
      fiscalYear: number;
      via: 'attended' | 'e_learning' | 'credited';
    }
  | {
      /** Marked absent or excused on a finalised attendance sheet: they did not attend. */
      type: 'attendance.absent' | 'attendance.excused';
      staffId: number;
      courseId: number;
      fiscalYear: number;
      sessionId: number;
    };

/**
 * Receives every event of one change at once (a finalised attendance sheet of 100 people is one
 * call), so a reaction can act on all of them in a few set-based statements rather than one query
 * per person.
 */
export type TrainingEventHandler = (
  trx: Transaction<DB>,
  events: readonly TrainingEvent[],
  at: Date,
) => Promise<void>;

/**
 * The reactions of this process: filled once at start by registerTrainingReactions()
 * (reactions.ts), the same list on every instance.
 */
const handlers: TrainingEventHandler[] = [];

/** Subscribes a reaction to training events; only reactions.ts calls this, at start. */
export function onTrainingEvent(handler: TrainingEventHandler): void {
  if (!handlers.includes(handler)) handlers.push(handler);
}

/** Runs every subscribed reaction for these events, in the caller's transaction. */
export async function publishTrainingEvents(
  trx: Transaction<DB>,
  events: readonly TrainingEvent[],
  at: Date,
): Promise<void> {
  if (events.length === 0) return;
  if (handlers.length === 0) {
    throw new Error(
      'training events published before any reaction was registered: call registerTrainingReactions() at start',
    );
  }
  for (const handler of handlers) await handler(trx, events, at);
}
