import { dailyRemindersJob, runJobOnce } from '@kenshu/api/jobs';
import type { Course, Staff } from '@kenshu/db';
import { makeCourse, makeOrgUnit, makeStaff } from '@kenshu/db/testing';
import { describe, expect, it } from 'vitest';
import { makePerson } from '../support/auth.ts';
import { accessibilityViolations, useBrowserApp } from '../support/browser.ts';
import { useTestDatabase } from '../support/database.ts';
import { useMailServer } from '../support/smtp.ts';

/**
 * An admin sets up chasing from the UI and sees what it did: a course's reminder schedule, the
 * English words of the daily digest (a made-up placeholder refused), the per-person cap; the
 * day's run (driven here by its job at a set time) then mails through a local SMTP server in
 * the admin's words, and the Reminders and messages page says which fiscal year it chased and
 * whom it could not reach; a failed e-mail is retried from the outbox page, and audited.
 */
const database = useTestDatabase();
const smtp = useMailServer({ seed: 'none' });
let admin: Staff;
let english: Staff;
let refused: Staff;
let unmailed: Staff;
let course: Course;

const app = useBrowserApp(
  database,
  async ({ db }) => {
    // A division with no section head in a bureau with no unit security officer.
    const bureau = await makeOrgUnit(db, { kind: 'bureau' });
    const division = await makeOrgUnit(db, { kind: 'division', parent_id: bureau.id });
    admin = await makePerson(db, ['admin']);
    english = await makeStaff(db, { org_unit_id: division.id, locale: 'en' });
    refused = await makeStaff(db, {
      org_unit_id: division.id,
      email: `nobody${Date.now()}@refused.example`,
    });
    unmailed = await makeStaff(db, { org_unit_id: division.id, email: '' });
    course = await makeCourse(db, {
      audience: { kind: 'rule', roles: [], unitIds: [division.id], employmentTypes: [] },
    });
  },
  () => ({ smtpUrl: smtp.config.smtpUrl }),
);

describe('an admin sets up the chase and sees what the day’s run did', () => {
  it('schedule, words and cap from the UI; mails arrive; unreached people are shown', async () => {
    const page = await app.signedInPage(admin.staff_number);

    // The course's reminder schedule card.
    await page.goto(app.url(`/admin/courses/${course.id}`));
    const schedule = page.getByRole('form', { name: 'リマインドの日程' });
    await schedule.getByText('この研修は既定の日程に従っています。').waitFor();
    await schedule.getByLabel('期限後は何日ごとに知らせるか').fill('1');
    await schedule
      .getByLabel('期限後のリマインドが何回で課室情報セキュリティ責任者に知らせるか')
      .fill('1');
    await schedule.getByLabel('何回で部局の情報セキュリティ責任者にも知らせるか').fill('2');
    await schedule.getByRole('button', { name: '日程を保存' }).click();
    await schedule.getByText('日程を保存しました。').waitFor();
    const saved = await database.current.db
      .selectFrom('reminder_schedule')
      .selectAll()
      .where('course_id', '=', course.id)
      .executeTakeFirstOrThrow();
    expect(saved).toMatchObject({ overdue_every_days: 1, escalate_after: 1, officer_after: 2 });

    // The digest's English words: a placeholder the kind does not have is refused.
    await page.goto(app.url('/admin/messages'));
    await page
      .getByRole('status', { name: '前回の実行' })
      .getByText('まだ実行されていません。')
      .waitFor();
    const digest = page.locator('details').filter({ hasText: 'reminder.digest' });
    await digest.getByText('未修了のまとめ(定期リマインド)').click();
    const words = digest.locator('form[lang="en"]');
    const subject = words.getByLabel('件名');
    await subject.fill('Kenshu {{course_title}}');
    await words.getByRole('button', { name: '保存' }).click();
    await words.getByRole('alert').waitFor();
    await subject.fill('Kenshu: {{count}} course(s) left to finish');
    await words.getByRole('button', { name: '保存' }).click();
    // Saved: the editor shows the kind as changed, with the new words.
    await digest.getByText('変更済み').waitFor();
    expect(await digest.locator('form[lang="en"]').getByLabel('件名').inputValue()).toBe(
      'Kenshu: {{count}} course(s) left to finish',
    );

    // The per-person cap, away from the configuration's default.
    const rules = page.getByRole('form', { name: 'リマインドの送信ルール' });
    await rules.getByText(/^既定値を使う/).click();
    await rules.getByLabel('1人あたりの間隔(日)').fill('5');
    await rules.getByRole('button', { name: '保存' }).click();
    await rules.getByText('保存しました。').waitFor();
    const setting = await database.current.db
      .selectFrom('reminder_setting')
      .selectAll()
      .executeTakeFirstOrThrow();
    expect(setting.cap_days).toBe(5);

    // Wednesday 13 January 2027, 10:00 in Tokyo: the run for a due date of 8 January.
    const now = new Date('2027-01-13T10:00:00+09:00');
    await database.current.db
      .insertInto('assignment')
      .values(
        await Promise.all(
          [english, refused, unmailed].map(async (p) => ({
            staff_id: p.id,
            course_id: course.id,
            fiscal_year: 2026,
            module_id: (
              await database.current.db
                .insertInto('module')
                .values({ course_id: course.id })
                .returning('id')
                .executeTakeFirstOrThrow()
            ).id,
            due_on: '2027-01-08',
            source: 'manual' as const,
            reason: 'test',
          })),
        ),
      )
      .execute();
    await runJobOnce(database.current, dailyRemindersJob, smtp.config, now);
    const sent = await smtp.deliver(database.current.db, now);
    expect(sent.sent).toBe(1);
    const mail = smtp.received.find((m) => m.to === english.email);
    expect(mail?.subject).toBe('Kenshu: 1 course(s) left to finish');
    expect(mail?.text).toContain(course.title_en);

    // What the admin sees of the run: its fiscal year, and whom it could not reach.
    await page.reload();
    const lastRun = page.getByRole('status', { name: '前回の実行' });
    await lastRun
      .getByText('前回の実行: 2027-01-13(令和8年度の未修了者)', { exact: false })
      .waitFor();
    const told = await lastRun.textContent();
    expect(told).toContain('知らせる情報セキュリティ責任者がいなかった人: 3人');
    expect(told).toContain('アプリ内のお知らせだけで知らせた人: 1人');
    expect(await accessibilityViolations(page)).toEqual([]);

    // The refused address failed for good; the admin retries it, and the log says who did.
    await page.goto(app.url('/admin/outbox?status=failed'));
    const item = page.getByRole('listitem').filter({ hasText: refused.email });
    await item.getByText(/No such user/).waitFor();
    await item.getByRole('button', { name: '再送する' }).click();
    // Back in the queue: it leaves the list of failed ones.
    await item.waitFor({ state: 'detached' });
    const requeued = await database.current.db
      .selectFrom('mail_outbox')
      .select('status')
      .where('staff_id', '=', refused.id)
      .executeTakeFirstOrThrow();
    expect(requeued.status).toBe('queued');
    const audit = await database.current.db
      .selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'mail.retried')
      .execute();
    expect(audit.map((a) => [a.actor_staff_id, a.target_id])).toEqual([
      [admin.id, String(refused.id)],
    ]);
  }, 120_000);
});
