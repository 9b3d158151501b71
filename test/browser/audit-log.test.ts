import { DEMO_ACCOUNTS, findStaffByLogin, seedDemo } from '@kenshu/db';
import { describe, expect, it } from 'vitest';
import { signedInAs } from '../support/auth.ts';
import { accessibilityViolations, useBrowserApp } from '../support/browser.ts';
import { useTestDatabase } from '../support/database.ts';

const database = useTestDatabase();
const app = useBrowserApp(database, ({ db }) => seedDemo(db));

describe('the audit log, as an admin reads it', () => {
  it('labels each action and names its target with a link, in both languages', async () => {
    const db = database.current.db;
    const admin = await findStaffByLogin(db, DEMO_ACCOUNTS.admin);
    const learner = await findStaffByLogin(db, DEMO_ACCOUNTS.staff);
    if (!admin || !learner) throw new Error('demo people missing');
    const session = await db
      .selectFrom('training_session as s')
      .innerJoin('course as c', 'c.id', 's.course_id')
      .select(['s.id', 's.venue', 'c.title_ja', 'c.title_en'])
      .where('c.code', '=', 'SEC-ALL')
      .where('s.starts_at', '>', new Date())
      .where((eb) => eb('s.seats_taken', '<', eb.ref('s.capacity')))
      .orderBy('s.starts_at')
      .executeTakeFirstOrThrow();
    const client = await signedInAs(app.running.app, db, admin.id);
    const booked = await client.json('/api/bookings', {
      sessionId: session.id,
      staffId: learner.id,
    });
    expect(booked.status).toBe(201);
    const capacity = await client.json(`/api/sessions/${session.id}`, { capacity: 80 }, 'PATCH');
    expect(capacity.status).toBe(200);

    const page = await app.signedInPage(DEMO_ACCOUNTS.admin);
    await page.goto(app.url('/admin/audit-log'));
    const table = page.getByRole('table', { name: '監査ログ' });
    await table.waitFor();

    const bookingRow = table.getByRole('row').filter({ hasText: '代理予約' });
    const learnerName = `${learner.family_name} ${learner.given_name}`;
    const bookingLink = bookingRow.getByRole('link', {
      name: new RegExp(`${learnerName}さんの予約（${session.title_ja}`),
    });
    await bookingLink.waitFor();
    // The code stays in small print for those who search by it.
    await bookingRow.getByText('booking.created_on_behalf').waitFor();

    const sessionRow = table.getByRole('row').filter({ hasText: '研修日程の変更' });
    const sessionLink = sessionRow.getByRole('link', { name: new RegExp(session.title_ja) });
    expect(await sessionLink.textContent()).toContain(session.venue ?? '');
    expect(await sessionLink.textContent()).toMatch(/\d{4}年\d{1,2}月\d{1,2}日/);
    // Every entry's target is a named link; its kind and id are only the small print under it.
    const rows = await table.locator('tbody tr').count();
    expect(await table.locator('tbody td.audit-table__target a').count()).toBe(rows);
    expect(await accessibilityViolations(page)).toEqual([]);

    // The filter offers the actions by their words.
    await page.getByRole('combobox', { name: '操作' }).selectOption({ label: '代理予約' });
    await page.getByRole('button', { name: '絞り込む' }).click();
    await page.waitForURL(/action=booking\.created_on_behalf/);

    await bookingLink.click();
    await page.waitForURL(new RegExp(`/admin/sessions/${session.id}$`));

    await page.goto(app.url('/admin/audit-log'));
    await page.getByRole('radio', { name: 'English' }).click();
    const english = page.getByRole('table', { name: 'Audit log' });
    await english.getByRole('row').filter({ hasText: 'Booked on someone’s behalf' }).waitFor();
    await english
      .getByRole('link', { name: new RegExp(`${learnerName}’s booking \\(${session.title_en}`) })
      .waitFor();
    await english.getByRole('row').filter({ hasText: 'Session changed' }).waitFor();
  });
});
