import { loadConfig } from '@kenshu/api/config';
import { createMailer } from '@kenshu/api/mailer';
import { deliverMail } from '@kenshu/api/messages';
import { DIGEST_REASON, runDailyReminders } from '@kenshu/api/reminders';
import { courseObligationsQuery, runInTransaction, withoutJit } from '@kenshu/db';
import { makeCourse } from '@kenshu/db/testing';
import { fiscalYearRange } from '@kenshu/domain';
import { sql } from 'kysely';
import { generateMinistry, loadMinistry } from '../../generator/index.ts';
import { startSmtpServer } from '../../support/smtp.ts';
import { formatNumber, median, type Benchmark } from '../harness.ts';

const UNFINISHED = 20_000;
const DELIVERED = 2_000;
// 14 days before the end of FY2026, a Wednesday: every unfinished person is due a digest.
const NOW = new Date('2027-03-17T10:00:00+09:00');
const TODAY = '2027-03-17';

/**
 * The daily reminder run for the generated ministry (80,000 staff) of whom 20,000 have not
 * finished: deciding every digest (schedule, cap, one message per person in their language,
 * in-app notices, progress, the day's record) and writing it to the outbox in one transaction,
 * against one INSERT … SELECT of the same rows (the same obligations query, fixed words). Then
 * delivery throughput of 2,000 of them to a local SMTP server.
 */
export const reminders: Benchmark = {
  name: 'reminders',
  description: `daily reminder run, 80,000 staff / ${formatNumber(UNFINISHED)} unfinished, vs. one INSERT … SELECT`,
  async run(ctx) {
    const config = { ...loadConfig({}), seed: 'none' as const };
    await loadMinistry(ctx.db, generateMinistry({ seed: 2026 }));
    const course = await makeCourse(ctx.db);
    const staff = await ctx.db
      .selectFrom('staff')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('active', '=', true)
      .executeTakeFirstOrThrow();
    await ctx.exec(`
      INSERT INTO completion (staff_id, course_id, fiscal_year, kind, reason)
      SELECT id, ${course.id}, 2026, 'credited', 'bench' FROM staff WHERE active
      ORDER BY id LIMIT ${Number(staff.n) - UNFINISHED}`);
    const clear = () =>
      ctx.exec(`TRUNCATE mail_outbox, notification, reminder_progress, reminder_run`);
    const insertSelect = (jitOff: boolean) =>
      runInTransaction(ctx.db, async (trx) => {
        if (jitOff) await withoutJit(trx);
        const obligations = courseObligationsQuery(
          trx,
          { id: course.id, audience: { kind: 'all_staff' } },
          { fiscalYear: 2026, now: NOW, today: TODAY, yearEnd: fiscalYearRange(2026).lastDay },
        );
        await sql`
          insert into mail_outbox
            (staff_id, kind, reason, period, to_address, locale, subject, body, status,
             next_attempt_at, created_at)
          select o.staff_id, 'reminder.digest', ${DIGEST_REASON}, ${TODAY}, s.email, s.locale,
                 'subject', 'body', 'queued', ${NOW}, ${NOW}
          from (${obligations}) o join staff s on s.id = o.staff_id`.execute(trx);
      });
    let digests = 0;
    const { subject, baseline } = await ctx.compare(
      {
        label: 'decide + enqueue',
        reset: clear,
        run: async () => {
          const result = await runInTransaction(ctx.db, (trx) =>
            runDailyReminders(trx, NOW, config),
          );
          digests = result.digests;
        },
      },
      { label: 'INSERT … SELECT', reset: clear, run: () => insertSelect(false) },
    );
    // The run turns JIT off for its transaction (withoutJit); the same for the baseline, so
    // the ratio is not flattered by the compile time the baseline pays (PGlite has no JIT).
    const noJitMs: number[] = [];
    for (let i = 0; i < ctx.repeat; i++) {
      await clear();
      const started = performance.now();
      await insertSelect(true);
      noJitMs.push(performance.now() - started);
    }
    const baselineNoJit = median(noJitMs);
    if (digests !== UNFINISHED)
      throw new Error(`expected ${UNFINISHED} digests, decided ${digests}`);

    // Delivery: the last run's outbox, 2,000 of it, to a real SMTP server on 127.0.0.1.
    await clear();
    await runInTransaction(ctx.db, (trx) => runDailyReminders(trx, NOW, config));
    await ctx.exec(`
      UPDATE mail_outbox SET status = 'no_address'
      WHERE id NOT IN (SELECT id FROM mail_outbox ORDER BY id LIMIT ${DELIVERED})`);
    const smtp = await startSmtpServer();
    const mailer = createMailer({ ...config, smtpUrl: smtp.url });
    if (!mailer) throw new Error('no mailer');
    const started = performance.now();
    const sent = await deliverMail(ctx.db, NOW, { ...config, mailBatchSize: 200 }, mailer);
    const ms = performance.now() - started;
    mailer.close();
    await smtp.close();
    if (sent.sent !== DELIVERED || smtp.received.length !== DELIVERED) {
      throw new Error(`delivered ${sent.sent}, received ${smtp.received.length} of ${DELIVERED}`);
    }
    return {
      subject,
      baseline,
      figures: [
        ['digests decided', formatNumber(digests)],
        [
          'INSERT … SELECT with JIT off',
          `${formatNumber(baselineNoJit)} ms (ratio ${(subject.medianMs / baselineNoJit).toFixed(2)}×)`,
        ],
        ['SMTP delivery', `${formatNumber(Math.round((DELIVERED / ms) * 1000))} msgs/s`],
      ],
    };
  },
};
