import { existsSync } from 'node:fs';
import { enqueueMail, runInTransaction, type NewMail } from '@kenshu/db';
import { makeStaff } from '@kenshu/db/testing';
import { afterAll, describe, expect, it } from 'vitest';
import {
  stopServer,
  waitUntilListening,
  type ServerProcess,
  useServerProcesses,
} from '../support/server-process.ts';
import { startSmtpServer, type SmtpTestServer } from '../support/smtp.ts';

/**
 * The outbox survives kill -9 in the middle of a batch. A few thousand decided messages are
 * delivered by the app as a real child process to a real SMTP server on 127.0.0.1; the process
 * is killed with SIGKILL while it sends, started again, and every message arrives, each under
 * the one Message-ID of its outbox row. Only a message the server had accepted in the instant
 * before the kill, before its row was marked sent, can be handed over a second time, and then
 * with the same Message-ID (the at-least-once window every SMTP client has; see the README).
 */
const processes = useServerProcesses('mail-kill');
let smtp: SmtpTestServer | undefined;
afterAll(async () => {
  await smtp?.close();
});

const MESSAGES = 3000;
const { dataDir, databaseUrl, withDatabase } = processes;

function start(url: string) {
  return processes.start({
    KENSHU_JOBS: 'on',
    KENSHU_SMTP_URL: url,
    KENSHU_MAIL_FROM: 'Kenshu <kenshu@mof.example.go.jp>',
    KENSHU_MAIL_CLAIM_SECONDS: '3',
    KENSHU_MAIL_BATCH: '100',
  });
}

async function until(condition: () => boolean, what: string, server: ServerProcess, ms = 240_000) {
  const deadline = Date.now() + ms;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}\n${server.output()}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe('delivering the outbox through kill -9', () => {
  it('delivers every message, each under its one Message-ID, after a restart', async () => {
    smtp = await startSmtpServer();
    const received = smtp.received;
    const ids = await withDatabase(async ({ db }) => {
      const people: Awaited<ReturnType<typeof makeStaff>>[] = [];
      for (let i = 0; i < 30; i++)
        people.push(await makeStaff(db, { locale: i % 2 ? 'en' : 'ja' }));
      const decided = new Date(Date.now() - 60_000);
      const mails: NewMail[] = Array.from({ length: MESSAGES }, (_, i) => {
        const person = people[i % people.length];
        if (!person) throw new Error('no person');
        return {
          staff_id: person.id,
          kind: 'reminder.digest',
          reason: 'kill-test',
          period: String(Math.floor(i / people.length)),
          to_address: person.email,
          locale: person.locale,
          subject: `Message ${i}`,
          body: `Body of message ${i}`,
          calendar: [],
          status: 'queued',
          created_at: decided,
        };
      });
      const written = await runInTransaction(db, (trx) => enqueueMail(trx, mails));
      // The same decision again (a retry, a second instance): the unique constraint keeps one.
      const again = await runInTransaction(db, (trx) => enqueueMail(trx, mails));
      expect(again).toEqual([]);
      return written.map((w) => Number(w.id));
    });
    expect(ids).toHaveLength(MESSAGES);

    const first = start(smtp.url);
    await waitUntilListening(first);
    await until(() => received.length >= MESSAGES / 5, 'a fifth of the batch', first);
    first.child.kill('SIGKILL');
    expect((await first.exited).signal).toBe('SIGKILL');
    const atKill = received.length;
    expect(atKill).toBeLessThan(MESSAGES);

    const second = start(smtp.url);
    await waitUntilListening(second);
    const distinct = () => new Set(received.map((m) => m.outboxId)).size;
    await until(() => distinct() >= MESSAGES, 'every message', second);
    // Give a taken-over claim time to show up twice, if it were going to.
    await new Promise((resolve) => setTimeout(resolve, 5_000));
    await stopServer(second);

    const byOutboxId = new Map<number, Set<string>>();
    for (const mail of received) {
      const seen = byOutboxId.get(mail.outboxId) ?? new Set();
      seen.add(mail.messageId);
      byOutboxId.set(mail.outboxId, seen);
    }
    expect([...byOutboxId.keys()].sort((a, b) => a - b)).toEqual([...ids].sort((a, b) => a - b));
    // Each message arrived under one Message-ID, and no two messages share one.
    expect([...byOutboxId.values()].every((s) => s.size === 1)).toBe(true);
    expect(new Set(received.map((m) => m.messageId)).size).toBe(MESSAGES);
    // A hand-over a second time happens only for messages in flight at the kill.
    const repeated = received.length - MESSAGES;
    expect(repeated).toBeLessThanOrEqual(100);
    console.log(`mail-kill: ${atKill} received before kill -9, ${repeated} handed over twice`);

    const statuses = await withDatabase(async ({ db }) =>
      db
        .selectFrom('mail_outbox')
        .select(['status', (eb) => eb.fn.countAll<number>().as('n')])
        .where('reason', '=', 'kill-test')
        .groupBy('status')
        .execute(),
    );
    expect(statuses.map((s) => [s.status, Number(s.n)])).toEqual([['sent', MESSAGES]]);
    expect(existsSync(dataDir) || databaseUrl() !== '').toBe(true);
  }, 600_000);
});
