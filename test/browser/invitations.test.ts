import { DEMO_ACCOUNTS, seedDemo } from '@kenshu/db';
import { makeOrgUnit, makeStaff } from '@kenshu/db/testing';
import { describe, expect, it } from 'vitest';
import { accessibilityViolations, useBrowserApp } from '../support/browser.ts';
import { useTestDatabase } from '../support/database.ts';
import { useMailServer } from '../support/smtp.ts';

/**
 * First access without single sign-on, as an admin does it: invite a whole new unit to set
 * passwords from the accounts page; the invitations arrive at a real SMTP server, and a link
 * opens the set-password page.
 */
const database = useTestDatabase();
const smtp = useMailServer();
const newcomers: string[] = [];

const app = useBrowserApp(
  database,
  async ({ db }) => {
    await seedDemo(db);
    // A bureau HR has just sent: three people, none with a password yet.
    const bureau = await makeOrgUnit(db, {
      kind: 'bureau',
      name_ja: '新設局',
      name_en: 'New Bureau',
    });
    for (let i = 0; i < 3; i++)
      newcomers.push((await makeStaff(db, { org_unit_id: bureau.id })).email);
  },
  () => ({ smtpUrl: smtp.config.smtpUrl }),
);

describe('an admin invites a new unit to set passwords', () => {
  it('previews who it reaches, sends after a confirmation, and the mails carry working links', async () => {
    const page = await app.signedInPage(DEMO_ACCOUNTS.admin);
    await page.goto(app.url('/admin/accounts'));
    const card = page.getByRole('region', { name: 'パスワード設定の案内をまとめて送る' });
    await card.getByLabel('組織').selectOption({ label: '新設局' });
    await card.getByText(/^3名に送ります/).waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);

    await card.getByRole('button', { name: '案内を送る' }).click();
    const confirm = page.getByRole('alertdialog', { name: 'パスワード設定の案内を送りますか？' });
    await confirm
      .getByText('新設局の3名に、パスワード設定用のリンクをメールで送ります。')
      .waitFor();
    await confirm.getByRole('button', { name: '送る' }).click();
    await card.getByText(/^3名への案内を送信待ちにしました/).waitFor();
    // Until they set a password they are still counted: sending again would replace the links.
    await card.getByText(/^3名に送ります/).waitFor();

    smtp.clear();
    await smtp.deliver(database.current.db, new Date());
    expect(smtp.received.map((m) => m.to).sort()).toEqual([...newcomers].sort());
    const link = /(http\S+\/set-password#token=[\w-]+)/.exec(smtp.received[0]?.text ?? '')?.[1];
    if (!link) throw new Error('no link in the invitation');
    // The newcomer opens it in a browser of their own, as from their mail. (Opening another page
    // first and then the link would race that page's own move to the sign-in page.)
    const opened = new URL(link);
    expect(opened.origin).toBe(new URL(app.url('/')).origin);
    const newcomer = await app.signedOutPage(`${opened.pathname}${opened.hash}`);
    await newcomer.getByLabel(/^新しいパスワード( \*)?$/).waitFor();
    expect(new URL(newcomer.url()).pathname).toBe('/set-password');
  });
});
