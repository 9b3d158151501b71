import { DEMO_ACCOUNTS, seedDemo } from '@kenshu/db';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { accessibilityViolations, JAPANESE_PHONE, useBrowserApp } from '../support/browser.ts';
import { useTestDatabase } from '../support/database.ts';

const database = useTestDatabase();
const app = useBrowserApp(database, ({ db }) => seedDemo(db));

/** An admin's page on the organisation page, the way a bookmark would open it. */
async function openOrganisation(path = '/organisation'): Promise<Page> {
  const page = await app.signedInPage(DEMO_ACCOUNTS.admin);
  await page.goto(app.url(path));
  return page;
}

/**
 * The layout shift (what browsers count as CLS; up to 0.1 is "good") of `path`'s first load until
 * `shown` resolves, with every API answer half a second late, as on a slow network: whatever
 * arrives after the page first shows must not push what is already there.
 */
async function layoutShiftOfFirstLoad(
  page: Page,
  path: string,
  shown: () => Promise<void>,
): Promise<number> {
  await page.route('**/api/**', async (route) => {
    await new Promise((resolve) => setTimeout(resolve, 500));
    await route.continue();
  });
  await page.addInitScript(() => {
    const shifts: number[] = [];
    Object.assign(window, { shifts });
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries())
        shifts.push((entry as unknown as { value: number }).value);
    }).observe({ type: 'layout-shift', buffered: true });
  });
  await page.goto(app.url(path));
  await shown();
  return page.evaluate(() =>
    (window as unknown as { shifts: number[] }).shifts.reduce((sum, value) => sum + value, 0),
  );
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

  it("keeps a phone's sign-in page still while the header fills in", async () => {
    const context = await app.browser.newContext(JAPANESE_PHONE);
    const page = await context.newPage();
    const shifted = await layoutShiftOfFirstLoad(page, '/sign-in', async () => {
      await page.getByRole('textbox', { name: '職員番号またはメールアドレス' }).waitFor();
      await page.locator('p.fiscal-year-badge').waitFor();
    });
    expect(shifted).toBeLessThan(0.01);
    await context.close();
  });

  it("keeps a phone's My training still while its cards fill in", async () => {
    const page = await app.signedInPhone(DEMO_ACCOUNTS.staff);
    const shifted = await layoutShiftOfFirstLoad(page, '/my-training', async () => {
      await page.getByRole('heading', { name: '情報セキュリティ研修' }).waitFor();
      await page.getByRole('heading', { name: 'お知らせ', exact: true }).waitFor();
      await page.getByRole('button', { name: '購読用URLを作成' }).waitFor();
    });
    expect(shifted).toBeLessThan(0.01);
    await page.context().close();
  });

  it("keeps a trainer's home still on a phone while its cards fill in", async () => {
    // A trainer's home has the most above the organisation: today's sessions, then my training.
    const page = await app.signedInPhone(DEMO_ACCOUNTS.trainer);
    const shifted = await layoutShiftOfFirstLoad(page, '/', async () => {
      await page.getByRole('heading', { level: 1, name: 'ホーム' }).waitFor();
      await page.getByRole('heading', { name: '情報セキュリティ研修' }).first().waitFor();
      await page.getByText('主計局').first().waitFor();
    });
    expect(shifted).toBeLessThan(0.01);
    await page.context().close();
  });

  it("shows My training with its other cards when one's courses fail to load, and retries", async () => {
    const page = await app.signedInPhone(DEMO_ACCOUNTS.staff);
    const unavailable = JSON.stringify({
      error: { code: 'UNAVAILABLE', message: 'down' },
      requestId: 'test',
    });
    await page.route('**/api/me/training*', (route) =>
      route.fulfill({ status: 503, contentType: 'application/json', body: unavailable }),
    );
    await page.goto(app.url('/my-training'));
    await page.getByRole('heading', { level: 1, name: '私の研修' }).waitFor();
    await page.getByRole('heading', { name: 'お知らせ', exact: true }).waitFor();
    await page.getByText('データを読み込めませんでした').waitFor();

    await page.unroute('**/api/me/training*');
    await page.getByRole('button', { name: '再読み込み' }).click();
    await page.getByRole('heading', { name: '情報セキュリティ研修' }).waitFor();
    await page.context().close();
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
