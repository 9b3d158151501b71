import { DEMO_ACCOUNTS, seedDemo } from '@kenshu/db';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { accessibilityViolations, useBrowserApp } from '../support/browser.ts';
import { useTestDatabase } from '../support/database.ts';

const database = useTestDatabase();
const app = useBrowserApp(database, ({ db }) => seedDemo(db));

/** The demo section head (主計局 総務課) on the team page, the way a bookmark would open it. */
async function openTeam(path = '/team'): Promise<Page> {
  const page = await app.signedInPage(DEMO_ACCOUNTS.sectionHead);
  await page.goto(app.url(path));
  return page;
}

const TABLE = '情報セキュリティ研修の受講状況';

describe("a section head's view of their people", () => {
  it('shows the counts and the people not yet done, and reminds the one chosen', async () => {
    const page = await openTeam();
    await page
      .getByRole('navigation', { name: 'メインメニュー' })
      .getByRole('link', { name: '部下の受講状況' })
      .waitFor();
    await page.getByRole('heading', { name: '部下の受講状況', level: 1 }).waitFor();

    const meter = page.getByRole('meter', { name: '把握率' });
    await meter.waitFor();
    const counts = page.getByRole('definition');
    // One figure per requirement status, after the number of people required.
    expect(await counts.count()).toBe(9);
    await page.getByRole('term').filter({ hasText: 'eラーニング期限超過' }).waitFor();
    const required = Number((await counts.first().textContent())?.replace(/\D/g, ''));
    expect(required).toBeGreaterThan(0);
    expect(await meter.getAttribute('aria-valuetext')).toMatch(
      new RegExp(`^\\d+%（${required}名中 \\d+名修了）$`),
    );

    const table = page.getByRole('grid', { name: TABLE });
    await table.waitFor();
    const rows = table.getByRole('row');
    expect(await rows.count()).toBeGreaterThan(1);
    // The default filter is "not completed": nobody listed is done.
    expect(await table.getByText('修了', { exact: true }).count()).toBe(0);

    // Someone not started: a booked person would be skipped by the reminder.
    const person = rows.filter({ hasText: '未着手' }).first();
    const staffNumber = (await person.getByRole('rowheader').textContent())?.trim();
    // The checkbox's box covers the native input, as a label does: force clicks through it.
    await person.getByRole('checkbox').check({ force: true });
    await page.getByText('1名を選択中').waitFor();

    await page.getByRole('button', { name: '選択した職員にリマインド（1名）' }).click();
    const dialog = page.getByRole('dialog', { name: 'リマインドを送る' });
    await dialog
      .getByRole('textbox', { name: 'メッセージ（任意）' })
      .fill('今月中に受講してください');
    const send = dialog.getByRole('button', { name: '1名に送信する' });
    await send.waitFor();
    await dialog.getByText('今月中に受講してください', { exact: false }).last().waitFor({
      state: 'attached',
    });
    await send.click();
    await page
      .getByRole('status')
      .filter({ hasText: /^1名にリマインドを送りました/ })
      .waitFor();
    await dialog.waitFor({ state: 'detached' });
    await page.getByText('職員を選択していません').waitFor();

    const staff = await database.current.db
      .selectFrom('staff')
      .select('id')
      .where('staff_number', '=', staffNumber ?? '')
      .executeTakeFirstOrThrow();
    const notes = await database.current.db
      .selectFrom('notification')
      .select(['payload'])
      .where('kind', '=', 'training.reminder')
      .where('staff_id', '=', staff.id)
      .execute();
    expect(notes).toHaveLength(1);
  });

  it('keeps the filters in the address and opens a person’s record', async () => {
    const page = await openTeam('/team?status=all');
    const table = page.getByRole('grid', { name: TABLE });
    await table.waitFor();
    await page.getByRole('button', { name: /すべて.*受講状況|受講状況.*すべて/ }).waitFor();

    await page.getByRole('searchbox', { name: '職員を検索' }).fill(DEMO_ACCOUNTS.staff);
    await page.waitForURL(/q=S0001/);
    expect(new URL(page.url()).searchParams.get('status')).toBe('all');
    const row = table.getByRole('row', { name: new RegExp(DEMO_ACCOUNTS.staff) });
    await row.waitFor();
    // The old page stays on screen until the search answers; wait for the header row and S0001 alone.
    await expect.poll(() => table.getByRole('row').count(), { timeout: 30_000 }).toBe(2);

    await row.getByRole('button', { name: /の受講記録$/ }).click();
    const record = page.getByRole('dialog', { name: /の受講記録$/ });
    await record.getByText('情報セキュリティ研修').waitFor();
    await record.getByRole('button', { name: '閉じる' }).click();
    await record.waitFor({ state: 'detached' });
  });

  it("shows last fiscal year's list for reading only, and that year's records", async () => {
    const page = await openTeam();
    const table = page.getByRole('grid', { name: TABLE });
    await table.waitFor();
    await page.getByRole('button', { name: /^該当者全員にリマインド/ }).waitFor();

    await page.getByRole('button', { name: /令和8年度/ }).click();
    await page.getByRole('option', { name: '令和7年度' }).click();
    await page.waitForURL(/year=2025/);
    await page
      .getByText(
        '令和7年度の受講状況は閲覧のみです。リマインドは今年度（令和8年度）の受講状況からのみ送れます。',
      )
      .waitFor();
    await page.getByRole('heading', { name: '情報セキュリティ研修（令和7年度）' }).waitFor();
    expect(await page.getByRole('button', { name: /^該当者全員にリマインド/ }).count()).toBe(0);
    expect(await table.getByRole('checkbox').count()).toBe(0);
    expect(await accessibilityViolations(page)).toEqual([]);

    await table
      .getByRole('row')
      .nth(1)
      .getByRole('button', { name: /の受講記録$/ })
      .click();
    const record = page.getByRole('dialog', { name: /の受講記録$/ });
    await record.getByText(/令和7年度/).waitFor();
    expect(await record.getByRole('link', { name: '日程を探して代理で予約' }).count()).toBe(0);
    await record.getByRole('button', { name: '閉じる' }).click();
    await record.waitFor({ state: 'detached' });

    // Back to this year: the plain address again, and reminders are offered.
    await page.getByRole('button', { name: /令和7年度/ }).click();
    await page.getByRole('option', { name: '令和8年度' }).click();
    await page.waitForURL((url) => !url.searchParams.has('year'));
    await page.getByRole('button', { name: /^該当者全員にリマインド/ }).waitFor();
  });

  it('has no accessibility violations axe can find, in either language', async () => {
    const page = await openTeam();
    await page.getByRole('grid', { name: TABLE }).waitFor();
    await page.getByRole('meter').waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);

    await page.getByRole('radio', { name: 'English' }).click();
    await page.getByRole('grid', { name: 'Status on Information security training' }).waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);

    await page
      .getByRole('grid')
      .getByRole('row')
      .nth(1)
      .getByRole('checkbox')
      .check({ force: true });
    await page.getByRole('button', { name: /^Remind selected/ }).click();
    await page.getByRole('dialog', { name: 'Send reminder' }).waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);
  });

  it('works on a phone-sized screen', async () => {
    const page = await openTeam();
    await page.setViewportSize({ width: 375, height: 740 });
    // Any language: the previous test may have switched the viewer to English.
    await page.getByRole('grid').getByRole('row').nth(1).waitFor();
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflow).toBeLessThanOrEqual(0);
  });
});
