import {
  claimDueMail,
  markMailFailed,
  markMailSent,
  type DB,
  type Kysely,
  type MailOutboxRow,
} from '@kenshu/db';
import { isMessageKind, MESSAGE_CATALOGUE } from '@kenshu/domain';
import type { Config } from '../../config.ts';
import { MailDeliveryError, type Mailer } from '../../lib/mailer.ts';

/** What one delivery run did. */
export interface DeliveryResult {
  sent: number;
  /** Failed this time, due again later. */
  retrying: number;
  /** Refused for good by the mail server. */
  failed: number;
}

const MINUTE = 60_000;
/** Retries wait 1, 2, 4 … minutes, at most an hour: a mail server that is down for a day is
 * tried hourly rather than hammered, and nothing is ever dropped. */
export function retryDelayMs(attempts: number): number {
  return Math.min(2 ** Math.max(0, attempts - 1) * MINUTE, 60 * MINUTE);
}

/** What a message carrying a secret keeps once it has left. */
const REDACTED = '(This message held a one-time link. It was removed once the e-mail was sent.)';

/**
 * Delivers due outbox messages until none is left (or `maxBatches` rounds ran): claim a batch,
 * send each over SMTP, mark each sent the moment the server accepts it. Safe to run on several
 * instances at once: claims skip rows another worker holds. A worker that dies mid-send leaves
 * its rows claimed until `mailClaimSeconds` pass; then another takes them over and sends them
 * again with the same Message-ID (the at-least-once window between the server's acceptance and
 * our record of it; see the README).
 */
export async function deliverMail(
  db: Kysely<DB>,
  now: Date,
  config: Pick<Config, 'mailBatchSize' | 'mailClaimSeconds'>,
  mailer: Mailer,
  options: { maxBatches?: number; onSent?: (row: MailOutboxRow) => void } = {},
): Promise<DeliveryResult> {
  const result: DeliveryResult = { sent: 0, retrying: 0, failed: 0 };
  const started = Date.now();
  // Jobs are handed their `now`; a long run moves it on by the time it has taken, so a claim
  // never outlives what another instance is told.
  const clock = () => new Date(now.getTime() + (Date.now() - started));
  for (let batch = 0; batch < (options.maxBatches ?? Infinity); batch++) {
    const at = clock();
    const claimed = await claimDueMail(
      db,
      at,
      new Date(at.getTime() + config.mailClaimSeconds * 1000),
      config.mailBatchSize,
    );
    if (claimed.length === 0) break;
    const before = { ...result };
    await Promise.all(
      claimed.map(async (row) => {
        try {
          await mailer.send({
            outboxId: row.id,
            to: row.to_address,
            subject: row.subject,
            text: row.body,
            calendar: row.calendar,
          });
        } catch (error) {
          const permanent = error instanceof MailDeliveryError && error.permanent;
          const message = error instanceof Error ? error.message : String(error);
          await markMailFailed(
            db,
            row.id,
            message,
            permanent ? null : new Date(clock().getTime() + retryDelayMs(row.attempts)),
          );
          if (permanent) result.failed++;
          else result.retrying++;
          return;
        }
        const secret = isMessageKind(row.kind) && MESSAGE_CATALOGUE[row.kind].confidential;
        if (await markMailSent(db, row.id, clock(), secret ? REDACTED : null)) {
          result.sent++;
          options.onSent?.(row);
        }
      }),
    );
    // Nothing got through: the server is down or refusing us; the rest waits for the next run.
    if (result.sent === before.sent && result.retrying > before.retrying) break;
  }
  return result;
}
