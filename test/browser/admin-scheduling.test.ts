import { DEMO_ACCOUNTS, seedDemo } from '@kenshu/db';
import { makeCourse, makeSession, makeStaff, unique } from '@kenshu/db/testing';
import { addDays, tokyoDateOf } from '@kenshu/domain';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { accessibilityViolations, useBrowserApp } from '../support/browser.ts';
import { useTestDatabase } from '../support/database.ts';

const database = useTestDatabase();
const app = useBrowserApp(database, ({ db }) => seedDemo(db));

async function newSessionForm(page: Page, courseLabel: string) {
  await page.goto(app.url('/admin/sessions/new'));
  await page.getByRole('heading', { level: 1, name: '日程を1件登録' }).waitFor();
  // The course picker is a react-aria select: a button that opens a list of options.
  await page.locator('form .select__button').first().click();
  await page.getByRole('option', { name: courseLabel, exact: true }).click();
}

async function fillTime(page: Page, date: string, start: string, end: string) {
  // The session's own day and times come first (the booking cut-off's fields follow).
  await page.locator('form input[type="date"]').first().fill(date);
  await page.locator('form input[type="time"]').nth(0).fill(start);
  await page.locator('form input[type="time"]').nth(1).fill(end);
}

describe('admin scheduling', () => {
  it('warns of a holiday and a venue clash but saves, marks holidays on the calendar, publishes a draft and records a past session', async () => {
    const db = database.current.db;
    const course = await makeCourse(db, { code: unique('SCH') });
    const label = `${course.code} ${course.title_ja}`;
    const room = `第${Math.floor(Math.random() * 900 + 100)}会議室`;
    // Another course's session in the same room on National Foundation Day 2027, 10:00–11:30.
    const otherCourse = await makeCourse(db, { code: unique('OTH') });
    const other = await makeSession(db, { courseId: otherCourse.id });
    await db
      .updateTable('training_session')
      .set({
        venue: room,
        starts_at: new Date('2027-02-11T10:00:00+09:00'),
        ends_at: new Date('2027-02-11T11:30:00+09:00'),
        booking_cutoff_at: new Date('2027-02-10T17:00:00+09:00'),
        fiscal_year: 2026,
      })
      .where('id', '=', other.id)
      .execute();

    const page = await app.signedInPage(DEMO_ACCOUNTS.admin);

    // 1. Warnings while typing, and the admin can still save.
    await newSessionForm(page, label);
    await fillTime(page, '2027-02-11', '11:00', '12:00');
    await page.getByRole('textbox', { name: '会場' }).fill(room);
    const warnings = page.getByRole('status').filter({ hasText: '保存前の確認' });
    await warnings.getByText('祝日（建国記念の日）').waitFor();
    await warnings.getByText(new RegExp(`${room}では同じ時間に${otherCourse.code}`)).waitFor();
    await warnings.getByRole('link', { name: 'もう一方の日程を開く' }).waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);
    await page.getByRole('button', { name: '登録する' }).click();
    await page.waitForURL(/\/admin\/sessions\/\d+$/);
    const saved = await db
      .selectFrom('training_session')
      .select(['id', 'venue'])
      .where('course_id', '=', course.id)
      .execute();
    expect(saved).toEqual([{ id: expect.any(Number), venue: room }]);

    // 2. The month calendar marks the holiday and names the courses.
    await page.goto(app.url('/admin/sessions?view=calendar&month=2027-02'));
    await page.getByText('祝日：建国記念の日').first().waitFor();
    await page
      .getByRole('link', { name: new RegExp(`${course.code} ${course.title_ja}`) })
      .waitFor();
    await page
      .getByRole('link', { name: new RegExp(`${otherCourse.code} ${otherCourse.title_ja}`) })
      .waitFor();

    // 3. A draft course is published after a confirmation, and the publication is audited.
    await db
      .updateTable('course')
      .set({ published_at: null })
      .where('id', '=', course.id)
      .execute();
    await page.goto(app.url(`/admin/courses/${course.id}`));
    await page.getByText(/この研修コースは下書きです/).waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);
    await page.getByRole('button', { name: '研修コースを公開' }).click();
    const confirm = page.getByRole('alertdialog', { name: 'この研修コースを公開しますか？' });
    await confirm.getByRole('button', { name: '公開する' }).click();
    await page.getByText(/に公開$/).waitFor();
    const published = await db
      .selectFrom('course')
      .select('published_at')
      .where('id', '=', course.id)
      .executeTakeFirstOrThrow();
    expect(published.published_at).not.toBeNull();
    const audit = await db
      .selectFrom('audit_log')
      .select('action')
      .where('action', '=', 'course.published')
      .where('target_id', '=', String(course.id))
      .execute();
    expect(audit).toHaveLength(1);

    // 4. A session that took place three days ago is recorded with a reason, then marked.
    const threeDaysAgo = addDays(tokyoDateOf(new Date()), -3);
    await newSessionForm(page, label);
    await fillTime(page, threeDaysAgo, '10:00', '11:30');
    await page.getByText('過去の日時です').waitFor();
    await page.getByRole('button', { name: '実施済みの日程を登録' }).click();
    await page.getByRole('alert').getByText('事後登録の理由を入力してください。').waitFor();
    await page.getByRole('textbox', { name: '事後登録の理由' }).fill('紙の出席簿から登録');
    await page.getByRole('button', { name: '実施済みの日程を登録' }).click();
    await page.waitForURL(/\/admin\/sessions\/\d+$/);
    await page.getByText('実施後に登録：紙の出席簿から登録').waitFor();
    const sessionId = Number(new URL(page.url()).pathname.split('/').pop());
    const recorded = await db
      .selectFrom('audit_log')
      .select('action')
      .where('action', '=', 'session.recorded')
      .where('target_id', '=', String(sessionId))
      .execute();
    expect(recorded).toHaveLength(1);

    const attendee = await makeStaff(db, { staff_number: unique('P') });
    await page.getByRole('link', { name: '出欠を見る' }).click();
    await page.getByRole('button', { name: '飛び入りを追加' }).click();
    const walkIn = page.getByRole('dialog', { name: '飛び入りを追加' });
    await walkIn
      .getByRole('searchbox', { name: '名前・ふりがな・職員番号' })
      .fill(attendee.staff_number);
    await walkIn.getByRole('button', { name: /を飛び入りとして追加/ }).click();
    await page.getByText(/を飛び入りとして追加しました。/).waitFor();
    const marks = await db
      .selectFrom('attendance')
      .select('mark')
      .where('session_id', '=', sessionId)
      .where('staff_id', '=', attendee.id)
      .execute();
    expect(marks).toEqual([{ mark: 'present' }]);
  }, 120_000);

  it('warns of each holiday and weekend of a series once, however many start times it has', async () => {
    const db = database.current.db;
    const course = await makeCourse(db, { code: unique('SER') });
    const page = await app.signedInPage(DEMO_ACCOUNTS.admin);
    await page.goto(app.url('/admin/sessions/series'));
    await page.getByRole('heading', { level: 1, name: '日程をまとめて登録' }).waitFor();
    await page.locator('form .select__button').first().click();
    await page
      .getByRole('option', { name: `${course.code} ${course.title_ja}`, exact: true })
      .click();
    // National Foundation Day (a Thursday) and the Saturday after, at the two default times.
    for (const date of ['2027-02-11', '2027-02-13']) {
      await page.getByLabel('追加する日付').fill(date);
      await page.getByRole('button', { name: '日付を追加' }).click();
    }
    const warnings = page.getByRole('status').filter({ hasText: '保存前の確認' });
    await warnings.getByText('祝日（建国記念の日）').waitFor();
    await warnings.getByText(/土日です/).waitFor();
    expect(await warnings.getByRole('listitem').count()).toBe(2);
    expect(await accessibilityViolations(page)).toEqual([]);
    // Still saved: four sessions, the warnings kept in the audit row.
    await page.getByRole('button', { name: '4件を登録' }).click();
    await page.getByText('4件の日程を登録しました。').waitFor();
    const audit = await db
      .selectFrom('audit_log')
      .select('after')
      .where('action', '=', 'session.series_created')
      .where('target_id', '=', String(course.id))
      .executeTakeFirstOrThrow();
    expect((audit.after as { warnings: string[] }).warnings.sort()).toEqual(['holiday', 'weekend']);
  });
});
