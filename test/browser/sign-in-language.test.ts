import { findStaffByLogin, seedDemo } from '@kenshu/db';
import { describe, expect, it } from 'vitest';
import { signedInAs } from '../support/auth.ts';
import { useBrowserApp } from '../support/browser.ts';
import { useTestDatabase } from '../support/database.ts';

const database = useTestDatabase();
const app = useBrowserApp(database, ({ db }) => seedDemo(db));

const PHONE = { width: 390, height: 844 };

async function signInPage(options: { locale: string; chosen?: 'ja' | 'en' }) {
  const context = await app.browser.newContext({
    viewport: PHONE,
    hasTouch: true,
    locale: options.locale,
  });
  if (options.chosen) {
    const chosen = options.chosen;
    await context.addInitScript((lang) => localStorage.setItem('kenshu.language', lang), chosen);
  }
  const page = await context.newPage();
  await page.goto(app.url('/sign-in'));
  return page;
}

/** A browser context in `locale`, signed in as the staff member with this staff number. */
async function signedInContext(staffNumber: string, locale: string) {
  const context = await app.browser.newContext({ locale });
  const person = await findStaffByLogin(database.current.db, staffNumber);
  if (!person) throw new Error(`no ${staffNumber}`);
  const { cookie } = await signedInAs(app.running.app, database.current.db, person.id);
  const separator = cookie.indexOf('=');
  await context.addCookies([
    {
      name: cookie.slice(0, separator),
      value: cookie.slice(separator + 1),
      url: app.running.baseUrl,
    },
  ]);
  return context;
}

describe("the sign-in page speaks the browser's language until someone chooses", () => {
  it('is in English for an English browser, in Japanese for a Japanese one', async () => {
    const english = await signInPage({ locale: 'en-US' });
    await english.getByRole('heading', { level: 1, name: 'Sign in' }).waitFor();
    expect(await english.evaluate(() => document.documentElement.lang)).toBe('en');
    await english.getByLabel('Staff number or e-mail').waitFor();

    const japanese = await signInPage({ locale: 'ja-JP' });
    await japanese.getByRole('heading', { level: 1, name: 'ログイン' }).waitFor();
    expect(await japanese.evaluate(() => document.documentElement.lang)).toBe('ja');

    // A browser in a language the app does not have falls back to Japanese.
    const french = await signInPage({ locale: 'fr-FR' });
    await french.getByRole('heading', { level: 1, name: 'ログイン' }).waitFor();
  });

  it('switches with the switch in its header, and remembers the choice', async () => {
    const page = await signInPage({ locale: 'ja-JP' });
    await page.getByRole('heading', { level: 1, name: 'ログイン' }).waitFor();
    await page.getByRole('radio', { name: 'English' }).click();
    await page.getByRole('heading', { level: 1, name: 'Sign in' }).waitFor();
    await page.getByLabel('Staff number or e-mail').waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
    expect(await page.title()).toBe('Sign in | 研修 Kenshu');

    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Sign in' }).waitFor();
    expect(await page.getByRole('radio', { name: 'English' }).isChecked()).toBe(true);
  });

  it('keeps a language chosen with the switch over the browsers', async () => {
    const page = await signInPage({ locale: 'en-GB', chosen: 'ja' });
    await page.getByRole('heading', { level: 1, name: 'ログイン' }).waitFor();
    expect(await page.getByRole('heading', { level: 1, name: 'Sign in' }).count()).toBe(0);
  });

  it("shows a signed-in person's pages in their own language from the first, in a browser speaking another", async () => {
    // S0001's record says Japanese; the browser speaks English.
    const context = await signedInContext('S0001', 'en-US');
    // Every heading the page ever shows, from its first paint.
    await context.addInitScript(() => {
      const seen: string[] = [];
      Object.assign(window, { seen });
      new MutationObserver(() => {
        for (const heading of Array.from(document.querySelectorAll('h1, h2')))
          if (heading.textContent && !seen.includes(heading.textContent))
            seen.push(heading.textContent);
      }).observe(document, { childList: true, subtree: true, characterData: true });
    });
    const page = await context.newPage();
    await page.goto(app.url('/my-training'));
    await page.getByRole('heading', { level: 1, name: '私の研修' }).waitFor();
    await page.getByRole('heading', { name: 'お知らせ', exact: true }).waitFor();
    const seen = await page.evaluate(() => (window as unknown as { seen: string[] }).seen);
    expect(seen).toContain('私の研修');
    expect(seen.filter((text) => /^[\x20-\x7e]+$/.test(text))).toEqual([]);
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('ja');
  });

  it('writes English dates one way: the day as on every other page, then the time', async () => {
    // A0002 reads English; their sessions page lists when they signed in.
    const context = await signedInContext('A0002', 'en-GB');
    const page = await context.newPage();
    await page.goto(app.url('/account/sessions'));
    await page.getByRole('heading', { level: 1 }).waitFor();
    // The heading comes before the list of sign-ins has loaded: wait for the first date.
    const englishDate = /(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d{1,2} [A-Z][a-z]{2} \d{4} \d\d:\d\d/;
    await page.locator('main').getByText(englishDate).first().waitFor();
    const body = (await page.locator('main').textContent()) ?? '';
    expect(body).toMatch(englishDate);
    expect(body).not.toMatch(/\d\d\/\d\d\/\d{4}/);
  });
});
