import { readFileSync } from 'node:fs';
import { DEMO_ACCOUNTS, DEMO_PEOPLE, findStaffByLogin, seedDemo } from '@kenshu/db';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useBrowserApp } from '../support/browser.ts';
import { useTestDatabase } from '../support/database.ts';

const database = useTestDatabase();
const app = useBrowserApp(database, ({ db }) => seedDemo(db));

/** A demo person on a phone (touch, 390×844), signed in. */
function onPhone(staffNumber: string): Promise<Page> {
  return app.signedInPhone(staffNumber);
}

/** The security course's card on My training. */
async function securityCard(page: Page) {
  await page.goto(app.url('/my-training'));
  const card = page.getByRole('article').filter({ hasText: '情報セキュリティ研修' }).first();
  await card.waitFor();
  return card;
}

describe("the README's demo people, each in their state on a phone", () => {
  it('shows the booked, the waitlisted, the absent with e-learning and the completed', async () => {
    const booked = await securityCard(await onPhone(DEMO_PEOPLE.booked));
    await booked.getByText('予約済み', { exact: true }).waitFor();

    const waiting = await securityCard(await onPhone(DEMO_PEOPLE.waitlisted));
    await waiting.getByText('キャンセル待ち 1番目', { exact: true }).waitFor();

    const absentPage = await onPhone(DEMO_PEOPLE.absent);
    const absent = await securityCard(absentPage);
    await absent.getByText('eラーニング割当済み', { exact: true }).waitFor();
    await absent.getByText(/の集合研修は欠席となりました。/).waitFor();
    expect(await absent.getByText('予約済み', { exact: true }).count()).toBe(0);
    await absent.getByRole('link', { name: 'eラーニングを始める' }).waitFor();

    const done = await securityCard(await onPhone(DEMO_PEOPLE.completed));
    await done.getByText('修了', { exact: true }).waitFor();
    await done.getByText(/に集合研修に出席し、修了しました。/).waitFor();
  });

  it("lists the same four on their section head's team page", async () => {
    const page = await onPhone(DEMO_ACCOUNTS.sectionHead);
    const expected: [string, string][] = [
      [DEMO_PEOPLE.booked, '予約済み'],
      [DEMO_PEOPLE.waitlisted, 'キャンセル待ち'],
      [DEMO_PEOPLE.absent, 'eラーニング割当済み'],
      [DEMO_PEOPLE.completed, '修了'],
    ];
    for (const [staffNumber, label] of expected) {
      await page.goto(app.url(`/team?status=all&q=${staffNumber}`));
      const row = page.getByRole('row').filter({ hasText: staffNumber });
      await row.waitFor();
      await row.getByText(label, { exact: true }).waitFor();
    }
  });
});

describe('a booking in the phone calendar', () => {
  it('downloads an event that names the course, links back to the booking and the organiser', async () => {
    const db = database.current.db;
    const person = await findStaffByLogin(db, DEMO_PEOPLE.booked);
    if (!person) throw new Error('no booked demo person');
    const booking = await db
      .selectFrom('booking')
      .innerJoin('training_session', 'training_session.id', 'booking.session_id')
      .innerJoin('course', 'course.id', 'training_session.course_id')
      .select(['booking.id', 'training_session.starts_at', 'course.title_ja'])
      .where('booking.staff_id', '=', person.id)
      .where('booking.status', '=', 'confirmed')
      .where('course.code', '=', 'SEC-ALL')
      .executeTakeFirstOrThrow();

    const card = await securityCard(await onPhone(DEMO_PEOPLE.booked));
    const page = card.page();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      card.getByRole('link', { name: 'カレンダーに追加' }).click(),
    ]);
    // iCalendar folds long lines; unfold before reading.
    const ics = readFileSync((await download.path()) ?? '', 'utf8')
      .replace(/\r\n[ \t]/g, '')
      .replace(/\r\n/g, '\n');
    const start = booking.starts_at
      .toISOString()
      .replace(/[-:]/g, '')
      .replace(/\.\d{3}/, '');
    expect(ics).toContain(`DTSTART:${start}`);
    const description = /^DESCRIPTION:(.*)$/m.exec(ics)?.[1] ?? '';
    expect(description).toContain(booking.title_ja);
    expect(description).toContain(`/my-training#booking-${booking.id}`);
    expect(ics).toMatch(/^ORGANIZER[;:].*mailto:\S+@\S+$/im);
  });
});
