import {
  insertAudit,
  runInTransaction,
  type AuditInput,
  type DB,
  type Transaction,
} from '@kenshu/db';
import type { Viewer } from '@kenshu/domain';
import type { ServiceContext } from '../../context.ts';

/** What an audit row records of a change; who made it and in which request are filled in. */
export type AuditFacts = Omit<AuditInput, 'actorStaffId' | 'requestId' | 'at'>;

/**
 * A change someone makes, in one transaction with its audit row, so the two stand or fall
 * together. `change` writes, then returns the service's answer and what the row records (null
 * when nothing changed, so nothing is logged).
 */
export async function auditedChange<T>(
  ctx: ServiceContext,
  actor: Viewer,
  change: (trx: Transaction<DB>) => Promise<{ answer: T; audit: AuditFacts | null }>,
): Promise<T> {
  return runInTransaction(ctx.db, async (trx) => {
    const { answer, audit } = await change(trx);
    if (audit) {
      await insertAudit(trx, { ...audit, actorStaffId: actor.staffId, requestId: ctx.requestId });
    }
    return answer;
  });
}
