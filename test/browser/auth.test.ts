import { hashPassword } from '@kenshu/api/passwords';
import { DEMO_ACCOUNTS, DEMO_PASSWORD, seedDemo } from '@kenshu/db';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import {
  accessibilityViolations,
  JAPANESE_BROWSER,
  launchChromium,
  signedInPage,
  useBrowserApp,
} from '../support/browser.ts';
import { useTestDatabase } from '../support/database.ts';

const database = useTestDatabase();
const app = useBrowserApp(database, async (db) => {
  await seedDemo(db.db, { demoPasswordHash: await hashPassword(DEMO_PASSWORD) });
});

async function signInThroughPage(page: Page, login: string, password: string) {
  await page.getByLabel('職員番号またはメールアドレス').fill(login);
  await page.getByLabel('パスワード', { exact: false }).first().fill(password);
  await page.getByRole('button', { name: 'ログイン', exact: true }).click();
}

describe('signing in and out', () => {
  it('signs in through the sign-in page, returns to the page wanted, and signs out', async () => {
    const page = await app.signedOutPage('/organisation?unit=1');
    await page.getByRole('heading', { level: 1, name: 'ログイン' }).waitFor();
    const signInUrl = new URL(page.url());
    expect(signInUrl.pathname).toBe('/sign-in');
    expect(signInUrl.searchParams.get('next')).toBe('/organisation?unit=1');
    expect(await page.title()).toBe('ログイン | 研修 Kenshu');
    expect(await accessibilityViolations(page)).toEqual([]);

    await signInThroughPage(page, DEMO_ACCOUNTS.admin, DEMO_PASSWORD);
    await page.getByRole('heading', { level: 1, name: '組織と職員' }).waitFor();
    expect(page.url()).toBe(app.url('/organisation?unit=1'));
    const me = await (await page.request.get(app.url(`/api/auth/me`))).json();
    const name = `${me.familyName} ${me.givenName}`;
    const menuButton = page.getByRole('button', { name: `アカウント: ${name}` });
    await menuButton.waitFor();
    expect(await menuButton.textContent()).toContain(name);

    await menuButton.click();
    const dialog = page.getByRole('dialog');
    await dialog.getByText(DEMO_ACCOUNTS.admin).waitFor();
    await dialog.getByRole('button', { name: 'ログアウト' }).click();
    await page.getByRole('heading', { level: 1, name: 'ログイン' }).waitFor();
    await page.getByText('ログアウトしました。').waitFor();
    expect(new URL(page.url()).search).toBe('?reason=signedOut');
    // The session is over on the server too.
    expect((await page.request.get(app.url(`/api/auth/me`))).status()).toBe(401);
  });

  it('shows nothing of the person who signed out on "back", though the browser kept the page', async () => {
    const browser = await launchChromium({ backForwardCache: true });
    try {
      const page = await signedInPage(browser, app.running, database.current, DEMO_ACCOUNTS.admin);
      await page.goto(app.url('/organisation'));
      await page.getByRole('heading', { level: 1, name: '組織と職員' }).waitFor();
      await page.getByRole('button', { name: /アカウント/ }).click();
      await page.getByRole('dialog').getByRole('button', { name: 'ログアウト' }).click();
      await page.getByText('ログアウトしました。').waitFor();

      await page.goBack({ waitUntil: 'commit' });
      await page.waitForURL((url) => url.searchParams.get('next') === '/organisation');
      await page.getByRole('heading', { level: 1, name: 'ログイン' }).waitFor();
      expect(await page.getByRole('heading', { name: '組織と職員' }).count()).toBe(0);
    } finally {
      await browser.close();
    }
  });

  it('sends someone whose session ended to sign-in, says why, and brings them back', async () => {
    const page = await app.signedInPage(DEMO_ACCOUNTS.staff);
    await page.goto(app.url('/my-training'));
    await page.getByRole('heading', { level: 1, name: '私の研修' }).waitFor();
    // The session ends elsewhere (as the idle timeout would end it).
    const { csrfToken } = await (await page.request.get(app.url('/api/auth/me'))).json();
    const signOut = await page.request.post(app.url('/api/auth/sign-out'), {
      headers: { 'x-csrf-token': csrfToken },
    });
    expect(signOut.ok()).toBe(true);

    await page
      .getByRole('navigation', { name: 'メインメニュー' })
      .getByRole('link', { name: 'ホーム' })
      .click();
    await page
      .getByText('一定時間操作がなかったため、ログアウトしました。', { exact: false })
      .waitFor();
    const signInUrl = new URL(page.url());
    expect(signInUrl.pathname).toBe('/sign-in');
    expect(signInUrl.searchParams.get('reason')).toBe('expired');
    const next = signInUrl.searchParams.get('next');
    expect(['/my-training', '/']).toContain(next);

    await signInThroughPage(page, DEMO_ACCOUNTS.staff, DEMO_PASSWORD);
    await page.waitForURL(app.url(next ?? ''));
  });

  it('signs someone in on a browser that is still signed in as someone else', async () => {
    const page = await app.signedInPage(DEMO_ACCOUNTS.staff);
    await page.goto(app.url('/sign-in'));
    await page.getByRole('heading', { level: 1, name: 'ログイン' }).waitFor();
    await signInThroughPage(page, DEMO_ACCOUNTS.admin, DEMO_PASSWORD);
    await page.waitForURL(app.url('/'));
    const me = await (await page.request.get(app.url('/api/auth/me'))).json();
    expect(me.staffNumber).toBe(DEMO_ACCOUNTS.admin);
  });

  it('shows how long to wait once repeated wrong passwords lock the account', async () => {
    const page = await app.signedOutPage('/sign-in');
    await page.getByRole('heading', { level: 1, name: 'ログイン' }).waitFor();
    const alert = page.getByRole('alert');
    // The API locks an account after 10 failures in 15 minutes; the 11th try is refused.
    for (let attempt = 1; attempt <= 10; attempt++) {
      await signInThroughPage(page, DEMO_ACCOUNTS.trainer, `wrong-${attempt}`);
      await alert.getByText('パスワードが正しくありません').waitFor();
      // Wait for this answer before the next try (the button is busy meanwhile).
      await page.getByRole('button', { name: 'ログイン', exact: true }).waitFor();
    }
    await signInThroughPage(page, DEMO_ACCOUNTS.trainer, DEMO_PASSWORD);
    await alert.getByText(/一時的にログインできなくなっています。\d+分ほど待ってから/).waitFor();
  }, 40_000);
});

describe('the page after signing in', () => {
  // Each of these once took the browser away from the app (or was meant to): only paths of
  // this app may follow sign-in; anything else goes home.
  const HOSTILE_NEXT = [
    'https://evil.example/',
    '//evil.example/',
    '/\\evil.example/',
    '/%2F%2Fevil.example/',
    '/%5Cevil.example/',
    'HTTPS:%2F%2Fevil.example/',
    'javascript:alert(document.domain)',
  ];

  it.each(HOSTILE_NEXT)('goes home, on this site, for next=%j', async (next) => {
    const context = await app.browser.newContext(JAPANESE_BROWSER);
    const offSite: string[] = [];
    // Nothing may leave for another site; record the attempt instead of making it.
    await context.route(
      (url) => url.origin !== new URL(app.running.baseUrl).origin,
      async (route) => {
        offSite.push(route.request().url());
        await route.abort();
      },
    );
    const page = await context.newPage();
    await page.goto(app.url(`/sign-in?next=${encodeURIComponent(next)}`));
    await page.getByRole('heading', { level: 1, name: 'ログイン' }).waitFor();
    await signInThroughPage(page, DEMO_ACCOUNTS.staff, DEMO_PASSWORD);
    await page.getByRole('heading', { level: 1, name: 'ホーム' }).waitFor({ timeout: 15_000 });
    expect(page.url()).toBe(app.url('/'));
    expect(offSite).toEqual([]);
    await context.close();
  });
});

describe('roles and the admin pages', () => {
  it('shows a learner the not-allowed page for an admin page', async () => {
    const page = await app.signedInPage(DEMO_ACCOUNTS.staff);
    await page.goto(app.url(`/admin/accounts`));
    await page
      .getByRole('heading', { level: 1, name: 'このページを表示する権限がありません' })
      .waitFor();
    const menu = page.getByRole('navigation', { name: 'メインメニュー' });
    expect(await menu.getByRole('link', { name: 'アカウントと役割' }).count()).toBe(0);
  });

  it('lets an admin change someone’s roles, and shows the change in the audit log', async () => {
    const page = await app.signedInPage(DEMO_ACCOUNTS.admin);
    await page.goto(app.url(`/admin/accounts`));
    await page.getByRole('heading', { level: 1, name: 'アカウントと役割' }).waitFor();

    await page.getByRole('searchbox', { name: '職員を検索' }).fill(DEMO_ACCOUNTS.pjmo);
    await page
      .getByRole('list', { name: '検索結果' })
      .getByRole('link', { name: new RegExp(DEMO_ACCOUNTS.pjmo) })
      .click();
    const trainer = page.getByRole('checkbox', { name: '講師' });
    await trainer.waitFor();
    expect(await trainer.isChecked()).toBe(false);
    expect(await accessibilityViolations(page)).toEqual([]);

    // react-aria keeps the real input visually hidden; people press its label.
    await page.getByRole('group', { name: '付与する役割' }).getByText('講師').click();
    expect(await trainer.isChecked()).toBe(true);
    await page.getByRole('button', { name: '役割を保存' }).click();
    await page.getByText('役割を保存しました。').waitFor();

    await page
      .getByRole('navigation', { name: 'メインメニュー' })
      .getByRole('link', { name: '監査ログ' })
      .click();
    await page.getByRole('heading', { level: 1, name: '監査ログ' }).waitFor();
    const row = page.getByRole('row', { name: /役割の変更/ }).first();
    await row.waitFor();
    expect(await row.textContent()).toContain(DEMO_ACCOUNTS.admin);
    await row.getByText('変更内容を表示').click();
    expect(await row.getByText(/"trainer"/).count()).toBeGreaterThan(0);
    const exportLink = page.getByRole('link', { name: 'CSVでダウンロード' });
    expect(await exportLink.getAttribute('href')).toBe('/api/audit-log/export.csv');
  });
});
