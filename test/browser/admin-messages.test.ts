import type { Course, Staff } from '@kenshu/db';
import { makeCourse, makeOrgUnit, makeStaff } from '@kenshu/db/testing';
import { describe, expect, it } from 'vitest';
import { makePerson } from '../support/auth.ts';
import { accessibilityViolations, useBrowserApp } from '../support/browser.ts';
import { useTestDatabase } from '../support/database.ts';
import { createTestClock } from '../support/clock.ts';
import { useMailServer } from '../support/smtp.ts';

/**
 * An admin sets up chasing from the UI and sees what it did: a course's reminder schedule, the
 * English words of the daily digest (a made-up placeholder refused), the per-person cap; then
 * "run today's reminders now" (the app's clock stands on a working morning), confirmed, runs the
 * day's job: it says what it queued and whom it could not reach, the page's last run follows, and
 * the mails go through a local SMTP server in the admin's words; pressed again it sends nothing
 * new. A failed e-mail is retried from the outbox page, and audited.
 */
const database = useTestDatabase();
// Wednesday 13 January 2027, 10:00 in Tokyo: the run for a due date of 8 January.
const clock = createTestClock('2027-01-13T10:00:00+09:00');
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
  clock.now,
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

    const now = clock.now();
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
    // Run today's reminders now: the help says the rules hold, a confirmation comes first.
    await page.getByText(/休日や時間外に押しても何も送りません/).waitFor();
    await page.getByRole('button', { name: '今すぐ日次リマインドを実行' }).click();
    const confirm = page.getByRole('alertdialog', { name: '今日の日次リマインドを実行しますか?' });
    await confirm.getByRole('button', { name: '実行する' }).click();
    await confirm.waitFor({ state: 'detached' });
    const result = page.getByRole('status', { name: '実行結果' });
    await result.getByText('2027-01-13の日次リマインドを実行しました。').waitFor();
    const outcome = await result.textContent();
    expect(outcome).toContain('本人あて3件、上長あて0件を送信待ちにしました');
    expect(outcome).toContain('知らせる情報セキュリティ責任者がいなかった人: 3人');
    expect(
      await result
        .getByRole('list', { name: 'メールアドレスがなく届けられなかった人' })
        .getByRole('listitem')
        .allTextContents(),
    ).toEqual([`${unmailed.family_name} ${unmailed.given_name}(${unmailed.staff_number})`]);
    // The page's last run follows without a reload.
    const lastRun = page.getByRole('status', { name: '前回の実行' });
    await lastRun
      .getByText('前回の実行: 2027-01-13(令和8年度の未修了者)', { exact: false })
      .waitFor();
    const told = await lastRun.textContent();
    expect(told).toContain('知らせる情報セキュリティ責任者がいなかった人: 3人');
    expect(told).toContain('アプリ内のお知らせだけで知らせた人: 1人');

    const sent = await smtp.deliver(database.current.db, now);
    expect(sent.sent).toBe(1);
    const mail = smtp.received.find((m) => m.to === english.email);
    expect(mail?.subject).toBe('Kenshu: 1 course(s) left to finish');
    expect(mail?.text).toContain(course.title_en);

    // Pressed again the same day: already run, nothing new queued.
    await page.getByRole('button', { name: '今すぐ日次リマインドを実行' }).click();
    await page.getByRole('button', { name: '実行する' }).click();
    await result.getByText(/2027-01-13の日次リマインドは10:00に実行済みです。/).waitFor();
    const outbox = await database.current.db
      .selectFrom('mail_outbox')
      .select('staff_id')
      .where('kind', '=', 'reminder.digest')
      .execute();
    expect(outbox.map((m) => m.staff_id).sort()).toEqual(
      [english.id, refused.id, unmailed.id].sort(),
    );
    const presses = await database.current.db
      .selectFrom('audit_log')
      .select('actor_staff_id')
      .where('action', '=', 'reminders.run_now')
      .execute();
    expect(presses.map((p) => p.actor_staff_id)).toEqual([admin.id, admin.id]);
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
