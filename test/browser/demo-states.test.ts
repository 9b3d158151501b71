import { DEMO_ACCOUNTS, DEMO_PEOPLE, findStaffByLogin, seedDemo } from '@kenshu/db';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { signedInAs } from '../support/auth.ts';
import { useBrowserApp } from '../support/browser.ts';
import { useTestDatabase } from '../support/database.ts';

const database = useTestDatabase();
const app = useBrowserApp(database, ({ db }) => seedDemo(db));

const PHONE = { width: 390, height: 844 };

/** A demo person on a phone (touch, 390×844), signed in. */
async function onPhone(staffNumber: string): Promise<Page> {
  const db = database.current.db;
  const person = await findStaffByLogin(db, staffNumber);
  if (!person) throw new Error(`no demo person ${staffNumber}`);
  const { cookie } = await signedInAs(app.running.app, db, person.id);
  const separator = cookie.indexOf('=');
  const context = await app.browser.newContext({
    viewport: PHONE,
    hasTouch: true,
    locale: 'ja-JP',
  });
  await context.addCookies([
    {
      name: cookie.slice(0, separator),
      value: cookie.slice(separator + 1),
      url: app.running.baseUrl,
    },
  ]);
  return context.newPage();
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
