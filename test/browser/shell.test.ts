import { DEMO_ACCOUNTS, seedDemo } from '@kenshu/db';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { accessibilityViolations, useBrowserApp } from '../support/browser.ts';
import { useTestDatabase } from '../support/database.ts';

const database = useTestDatabase();
const app = useBrowserApp(database, ({ db }) => seedDemo(db));

/** An admin's page on the organisation page, the way a bookmark would open it. */
async function openOrganisation(path = '/organisation'): Promise<Page> {
  const page = await app.signedInPage(DEMO_ACCOUNTS.admin);
  await page.goto(app.url(path));
  return page;
}

describe('the app shell', () => {
  it('is in Japanese first, switches to English, and shows the organisation from the API', async () => {
    const page = await openOrganisation();
    const menu = page.getByRole('navigation', { name: 'メインメニュー' });
    await menu.getByRole('link', { name: '組織と職員' }).waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('ja');

    await page.getByRole('row', { name: /主計局/ }).click();
    const staffTable = page.getByRole('grid', { name: '主計局の職員' });
    await staffTable.waitFor();
    expect(await staffTable.getByRole('row').count()).toBeGreaterThan(1);

    await page.getByRole('radio', { name: 'English' }).click();
    await page
      .getByRole('navigation', { name: 'Main menu' })
      .getByRole('link', { name: 'Organisation and staff' })
      .waitFor();
    await page.getByRole('row', { name: /Budget Bureau/ }).waitFor();
    await page.getByRole('grid', { name: 'Staff of Budget Bureau' }).waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('en');

    // The choice survives a reload, and the home page shows the fiscal year the API reports.
    await page.reload();
    await page.getByRole('link', { name: 'Home' }).click();
    await page.getByRole('heading', { name: 'This fiscal year' }).waitFor();
    const { labelEn } = await (await page.request.get(app.url('/api/fiscal-years/current'))).json();
    await page.getByText(labelEn, { exact: true }).first().waitFor();
    await page.getByRole('link', { name: 'Budget Bureau' }).waitFor();
  });

  it('answers an unknown address with its own page, linking home', async () => {
    const page = await openOrganisation('/no-such-page');
    await page.getByRole('heading', { name: 'ページが見つかりません' }).waitFor();
    await page.getByRole('link', { name: 'ホームへ戻る' }).waitFor();
  });

  it('has no accessibility violations axe can find, in either language', async () => {
    const page = await openOrganisation();
    await page.getByRole('row', { name: /財務省/ }).click();
    await page.getByRole('grid', { name: '財務省の職員' }).waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);

    await page.getByRole('radio', { name: 'English' }).click();
    await page.getByRole('link', { name: 'Home' }).click();
    await page.getByRole('heading', { name: 'Organisation overview' }).waitFor();
    await page.getByRole('link', { name: 'Budget Bureau' }).waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);
  });
});
