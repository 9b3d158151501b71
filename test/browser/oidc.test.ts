import { createServer } from 'node:net';
import { loadConfig } from '@kenshu/api/config';
import { findStaffByLogin, seedDemo } from '@kenshu/db';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  JAPANESE_BROWSER,
  launchChromium,
  signedInPage,
  startAppServer,
  type RunningApp,
} from '../support/browser.ts';
import { useTestDatabase } from '../support/database.ts';
import { startOidcProvider, type TestOidcProvider } from '../support/oidc-provider.ts';

// A real browser signs in through a real OpenID Connect provider on 127.0.0.1 and back.
const database = useTestDatabase();
let provider: TestOidcProvider;
let running: RunningApp;
let browser: Browser;

/** A free port for the app, chosen first: the provider must know where to send people back. */
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise((resolve) => server.close(resolve));
  if (!address || typeof address === 'string') throw new Error('no port');
  return address.port;
}

beforeAll(async () => {
  await seedDemo(database.current.db);
  const port = await freePort();
  const appUrl = `http://127.0.0.1:${port}`;
  provider = await startOidcProvider({
    redirectUris: [`${appUrl}/api/auth/sso/callback`],
    postLogoutRedirectUris: [`${appUrl}/sign-in`],
  });
  const oidc = loadConfig({
    KENSHU_OIDC_ISSUER: provider.issuer,
    KENSHU_OIDC_CLIENT_ID: provider.clientId,
    KENSHU_OIDC_CLIENT_SECRET: provider.clientSecret,
    KENSHU_PUBLIC_URL: appUrl,
    KENSHU_OIDC_NAME_JA: '財務省アカウント',
    KENSHU_OIDC_NAME_EN: 'the MOF account',
  }).oidc;
  running = await startAppServer(database.current, { oidc }, undefined, port);
  browser = await launchChromium();
}, 180_000);
afterAll(async () => {
  await browser?.close();
  await running?.close();
  await provider?.close();
});

async function providerAccount(staffNumber: string) {
  const staff = await findStaffByLogin(database.current.db, staffNumber);
  if (!staff) throw new Error(`no ${staffNumber} in the demo`);
  provider.accounts.set(staffNumber, { sub: staffNumber, claims: { email: staff.email } });
}

describe('signing in with single sign-on in a browser', () => {
  it('goes from a bookmark of My training, through the provider, to My training', async () => {
    await providerAccount('S0001');
    const page = await (await browser.newContext(JAPANESE_BROWSER)).newPage();
    await page.goto(`${running.baseUrl}/my-training`);
    // Signed out: the sign-in page offers the ministry's account first, the password below.
    const button = page.getByRole('link', { name: '財務省アカウントでログイン' });
    await button.waitFor();
    const passwordForm = page.getByLabel('職員番号またはメールアドレス');
    await passwordForm.waitFor();
    const buttonFirst = await button.evaluate(
      (link, field) =>
        (link.compareDocumentPosition(field) & Node.DOCUMENT_POSITION_FOLLOWING) !== 0,
      await passwordForm.elementHandle(),
    );
    expect(buttonFirst).toBe(true);
    await button.click();
    // The provider's own sign-in form.
    await page.waitForURL(`${provider.issuer}/interaction/**`);
    await page.getByLabel('User').fill('S0001');
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.waitForURL(`${running.baseUrl}/my-training`);
    await page.getByRole('heading', { level: 1, name: '私の研修' }).waitFor();

    // Signing out ends Kenshu's session and goes on to the provider's sign-out, then back.
    await page.getByRole('button', { name: /アカウント/ }).click();
    await page.getByRole('button', { name: 'ログアウト' }).click();
    await page.waitForURL(`${provider.issuer}/session/end**`);
    await page.getByRole('button', { name: /Yes, sign me out/ }).click();
    await page.waitForURL(`${running.baseUrl}/sign-in**`);
    const me = await page.request.get(`${running.baseUrl}/api/auth/me`);
    expect(me.status()).toBe(401);
  }, 120_000);

  it('tells someone the staff list does not know, in Japanese, and signs nobody in', async () => {
    provider.accounts.set('X9999', {
      sub: 'X9999',
      claims: { email: 'nobody@elsewhere.example' },
    });
    const page = await (await browser.newContext(JAPANESE_BROWSER)).newPage();
    await page.goto(`${running.baseUrl}/sign-in`);
    await page.getByRole('link', { name: '財務省アカウントでログイン' }).click();
    await page.getByLabel('User').fill('X9999');
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.waitForURL(`${running.baseUrl}/sign-in/sso?problem=not_in_roster`);
    await page
      .getByRole('heading', { level: 1, name: 'シングルサインオンでログインできませんでした' })
      .waitFor();
    await page.getByText('職員名簿に登録されていません').waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('ja');
    const me = await page.request.get(`${running.baseUrl}/api/auth/me`);
    expect(me.status()).toBe(401);
  }, 120_000);

  it('lets an admin mark a break-glass account and require single sign-on', async () => {
    const admin = await findStaffByLogin(database.current.db, 'A0001');
    if (!admin) throw new Error('no A0001');
    const page = await signedInPage(browser, running, database.current, 'A0001');
    await page.goto(`${running.baseUrl}/admin/accounts?staff=${admin.id}`);
    const require = page.getByRole('checkbox', { name: '全員にシングルサインオンを必須にする' });
    await page.getByText('まだありません。', { exact: false }).waitFor();
    // react-aria keeps the real input visually hidden; people press its label.
    await page.getByText('非常用アカウント（', { exact: false }).click();
    await page.getByRole('listitem').filter({ hasText: 'A0001' }).waitFor();
    await page.getByText('全員にシングルサインオンを必須にする').click();
    await expect.poll(() => require.isChecked()).toBe(true);

    // The sign-in page now says passwords are only for break-glass accounts.
    const signIn = await (await browser.newContext(JAPANESE_BROWSER)).newPage();
    await signIn.goto(`${running.baseUrl}/sign-in`);
    await signIn.getByText('パスワードでのログインは無効です。', { exact: false }).waitFor();
    await page.getByText('全員にシングルサインオンを必須にする').click();
    await expect.poll(() => require.isChecked()).toBe(false);
  }, 120_000);
});
