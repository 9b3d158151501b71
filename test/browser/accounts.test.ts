import { findStaffByLogin } from '@kenshu/db';
import { makeOrgUnit, unique } from '@kenshu/db/testing';
import type { Locator, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { makePerson } from '../support/auth.ts';
import { accessibilityViolations, JAPANESE_BROWSER, useBrowserApp } from '../support/browser.ts';
import { useTestDatabase } from '../support/database.ts';

const database = useTestDatabase();
const app = useBrowserApp(database);
let adminNumber: string;
const UNIT = { ja: '情報管理室', en: 'Information Management Office' };

beforeAll(async () => {
  const db = database.current.db;
  adminNumber = (await makePerson(db, ['admin'])).staff_number;
  await makeOrgUnit(db, { name_ja: UNIT.ja, name_en: UNIT.en });
});

/** The new password field, the confirmation field and the submit button of the set-password form. */
function setPasswordForm(page: Page) {
  return {
    password: page.getByLabel(/^新しいパスワード( \*)?$/),
    confirm: page.getByLabel(/^新しいパスワード（確認）( \*)?$/),
    submit: page.getByRole('button', { name: 'パスワードを設定' }),
  };
}

/** The text under a field (its description and error), as a screen reader would read it. */
async function describedBy(field: Locator): Promise<string> {
  return field.evaluate((input) =>
    (input.getAttribute('aria-describedby') ?? '')
      .split(' ')
      .map((id) => document.getElementById(id)?.textContent ?? '')
      .join(' '),
  );
}

describe('a new account, from the admin to its first sign-in', () => {
  it('is created, gets a one-time link, sets a password once, and signs in with it', async () => {
    const newNumber = unique('N');
    const page = await app.signedInPage(adminNumber);
    await page.goto(app.url('/admin/accounts'));
    await page.getByRole('heading', { level: 1, name: 'アカウントと役割' }).waitFor();

    // An admin fills in the form; the staff number chosen first is already someone else's.
    const form = page.getByRole('region', { name: 'アカウントを作成' });
    const staffNumber = form.getByRole('textbox', { name: '職員番号', exact: true });
    await staffNumber.fill(adminNumber);
    await form.getByRole('textbox', { name: '姓', exact: true }).fill('研修');
    await form.getByRole('textbox', { name: '名', exact: true }).fill('花子');
    await form.getByRole('textbox', { name: '姓（かな）' }).fill('けんしゅう');
    await form.getByRole('textbox', { name: '名（かな）' }).fill('はなこ');
    await form
      .getByRole('textbox', { name: 'メールアドレス' })
      .fill(`${newNumber.toLowerCase()}@test.kenshu.example`);
    await form.getByRole('combobox', { name: '所属' }).selectOption({ label: UNIT.ja });
    await form.getByRole('combobox', { name: '雇用区分' }).selectOption({ label: '非常勤職員' });
    expect(await accessibilityViolations(page)).toEqual([]);
    await form.getByRole('button', { name: 'アカウントを作成' }).click();

    const alert = form.getByRole('alert');
    await alert.getByText('アカウントを作成できませんでした').waitFor();
    await alert.getByText('入力内容を確認してください。').waitFor();
    await form.getByText('この職員番号はすでに使われています。').waitFor();
    expect(await staffNumber.getAttribute('aria-invalid')).toBe('true');
    expect(await describedBy(staffNumber)).toContain('この職員番号はすでに使われています。');

    // With a number of their own, the account is made and chosen for the next steps.
    await staffNumber.fill(newNumber);
    await form.getByRole('button', { name: 'アカウントを作成' }).click();
    const person = page.getByRole('region', { name: '選んだ職員' });
    await person
      .getByText(
        '研修 花子さんのアカウントを作成しました。パスワード設定用リンクを発行して本人に渡してください。',
      )
      .waitFor();
    await person.getByText(newNumber, { exact: true }).waitFor();
    await person.getByText(UNIT.ja, { exact: true }).waitFor();
    // The form is empty again, ready for the next person.
    expect(await staffNumber.inputValue()).toBe('');
    const created = await findStaffByLogin(database.current.db, newNumber);
    expect(created).toMatchObject({
      family_name: '研修',
      given_name: '花子',
      employment_type: 'part_time',
      active: true,
    });

    // The one-time link, shown once with its expiry.
    await person.getByRole('button', { name: 'リンクを発行' }).click();
    const linkField = person.getByRole('textbox', { name: 'パスワード設定用リンク' });
    await linkField.waitFor();
    const link = await linkField.inputValue();
    expect(link).toMatch(new RegExp(`^${app.running.baseUrl}/set-password#token=[\\w-]{20,}$`));
    expect(await describedBy(linkField)).toMatch(/有効期限: /);
    expect(await person.getByRole('button', { name: 'リンクを発行' }).count()).toBe(0);

    // The new person opens the link; the token leaves the address bar at once.
    const newcomer = await (await app.browser.newContext(JAPANESE_BROWSER)).newPage();
    await newcomer.goto(link);
    await newcomer.getByRole('heading', { level: 1, name: 'パスワードの設定' }).waitFor();
    expect(newcomer.url()).toBe(app.url('/set-password'));
    expect(await accessibilityViolations(newcomer)).toEqual([]);

    // Too short, then not the same twice: each refused under its own field, nothing sent.
    const fields = setPasswordForm(newcomer);
    await fields.password.fill('short');
    await fields.confirm.fill('short');
    await fields.submit.click();
    await newcomer.getByText('10文字以上で入力してください。').waitFor();
    expect(await fields.password.getAttribute('aria-invalid')).toBe('true');
    expect(await describedBy(fields.password)).toContain('10文字以上で入力してください。');
    expect(await fields.password.evaluate((input) => input === document.activeElement)).toBe(true);

    const password = 'tsuki-ga-kirei-desune';
    await fields.password.fill(password);
    await fields.confirm.fill('tsuki-ga-kirei-desuka');
    await fields.submit.click();
    await newcomer.getByText('1回目と同じパスワードを入力してください。').waitFor();
    expect(await fields.confirm.getAttribute('aria-invalid')).toBe('true');
    expect(await fields.password.getAttribute('aria-invalid')).toBeNull();
    expect(newcomer.url()).toBe(app.url('/set-password'));

    await fields.confirm.fill(password);
    await fields.submit.click();
    await newcomer.getByRole('heading', { level: 1, name: 'ログイン' }).waitFor();
    await newcomer
      .getByRole('status')
      .getByText('パスワードを設定しました。新しいパスワードでログインしてください。')
      .waitFor();

    // Signing in with the new password opens home as the new person.
    await newcomer.getByLabel('職員番号またはメールアドレス').fill(newNumber);
    await newcomer.getByLabel(/^パスワード( \*)?$/).fill(password);
    await newcomer.getByRole('button', { name: 'ログイン', exact: true }).click();
    await newcomer.getByRole('heading', { level: 1, name: 'ホーム' }).waitFor();
    expect(new URL(newcomer.url()).pathname).toBe('/');
    await newcomer.getByRole('button', { name: 'アカウント: 研修 花子' }).waitFor();
    const me = await (await newcomer.request.get(app.url('/api/auth/me'))).json();
    expect(me).toMatchObject({ staffNumber: newNumber, familyName: '研修', givenName: '花子' });

    // The same link a second time: refused, with a message that says to ask for a new one.
    const again = await (await app.browser.newContext(JAPANESE_BROWSER)).newPage();
    await again.goto(link);
    const second = setPasswordForm(again);
    await second.password.fill('another-long-password');
    await second.confirm.fill('another-long-password');
    await second.submit.click();
    const refusal = again.getByRole('alert');
    await refusal.getByText('パスワードを設定できませんでした').waitFor();
    await refusal
      .getByText(
        'このリンクは有効期限が切れたか、すでに使われています。管理者に新しいリンクの発行を依頼してください。',
      )
      .waitFor();
    expect(await second.submit.isDisabled()).toBe(true);
    expect(again.url()).toBe(app.url('/set-password'));

    // The password set the first time is still the one that works.
    const check = await app.browser.newContext(JAPANESE_BROWSER);
    const refused = await check.request.post(app.url('/api/auth/sign-in'), {
      data: { login: newNumber, password: 'another-long-password' },
    });
    expect(refused.status()).toBe(401);
    const accepted = await check.request.post(app.url('/api/auth/sign-in'), {
      data: { login: newNumber, password },
    });
    expect(accepted.status()).toBe(200);
  });

  it('explains a link with no token instead of showing the form', async () => {
    const page = await app.signedOutPage('/set-password');
    await page.getByRole('heading', { level: 1, name: 'パスワードの設定' }).waitFor();
    await page
      .getByRole('alert')
      .getByText(
        'リンクが正しくありません。管理者から受け取ったリンクを、省略せずにそのまま開いてください。',
      )
      .waitFor();
    expect(await page.getByRole('button', { name: 'パスワードを設定' }).count()).toBe(0);
    await page.getByRole('link', { name: 'ログイン画面へ' }).click();
    await page.getByRole('heading', { level: 1, name: 'ログイン' }).waitFor();
  });
});
