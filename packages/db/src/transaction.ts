import { sql, type Kysely, type Transaction } from 'kysely';
import type { DB } from './schema.ts';

const RETRYABLE = new Set(['40001', '40P01']); // serialization failure, deadlock detected

function pgCode(error: unknown): string | undefined {
  if (typeof error === 'object' && error !== null && 'code' in error) {
    const code = (error as { code: unknown }).code;
    return typeof code === 'string' ? code : undefined;
  }
  return undefined;
}

/**
 * The one way to run a unit of work: in a transaction, retried a few times when PostgreSQL picks
 * it as a deadlock victim (two bookings that lock in opposite orders), so the user never sees it.
 */
export async function runInTransaction<T>(
  db: Kysely<DB>,
  work: (trx: Transaction<DB>) => Promise<T>,
): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await db.transaction().execute(work);
    } catch (error) {
      if (attempt >= 5 || !RETRYABLE.has(pgCode(error) ?? '')) throw error;
      await new Promise((r) => setTimeout(r, Math.random() * 20 * attempt));
    }
  }
}

/** Whether an error is a unique-index violation (optionally of one named constraint or index). */
export function isUniqueViolation(error: unknown, constraint?: string): boolean {
  if (pgCode(error) !== '23505') return false;
  if (!constraint) return true;
  const named = (error as { constraint?: unknown }).constraint;
  const message = error instanceof Error ? error.message : '';
  return named === constraint || message.includes(constraint);
}

/**
 * Whether an error says every pooled connection stayed busy for the pool's whole wait: the
 * database is overloaded, not wrong, and the request may be tried again shortly.
 */
export function isDatabaseBusy(error: unknown): boolean {
  // pg-pool gives this error no code, only its message.
  return error instanceof Error && error.message === 'timeout exceeded when trying to connect';
}

/**
 * Takes a transaction-scoped advisory lock by name if it is free. Lets several app instances
 * agree that only one of them runs a scheduled job at a time.
 */
export async function tryAdvisoryLock(trx: Transaction<DB>, name: string): Promise<boolean> {
  const { rows } = await sql<{
    locked: boolean;
  }>`select pg_try_advisory_xact_lock(hashtext(${name})) as locked`.execute(trx);
  return rows[0]?.locked === true;
}
