import type { Mailer } from '../lib/mailer.ts';
import { deliverMail } from '../services/messages/deliver.ts';
import type { WorkerJob } from './scheduler.ts';

/** Delivers the outbox every 15 seconds, when a mail server is configured. */
export function mailDeliveryJob(mailer: Mailer): WorkerJob {
  return {
    name: 'mail.deliver',
    schedule: '*/15 * * * * *',
    concurrent: true,
    run: async (db, now, config) => {
      const { sent, failed } = await deliverMail(db, now, config, mailer);
      return { changed: sent + failed };
    },
  };
}
