import { DEMO_ACCOUNTS, seedDemo } from '@kenshu/db';
import { describe, expect, it } from 'vitest';
import { accessibilityViolations, useBrowserApp } from '../support/browser.ts';
import { useTestDatabase } from '../support/database.ts';
import { useMailServer } from '../support/smtp.ts';

/**
 * The whole chase from the UI: a section head reminds everyone in their division who is not
 * done, after a preview; the mails reach a real SMTP server on 127.0.0.1, each in its reader's
 * language, and each reader sees on My training what was sent to them.
 */
const database = useTestDatabase();
const smtp = useMailServer({ publicUrl: 'https://kenshu.example.go.jp' });

const app = useBrowserApp(
  database,
  async ({ db }) => {
    await seedDemo(db);
    // Half the section head's division reads English: the mails must follow each reader.
    const division = await db
      .selectFrom('staff')
      .select(['org_unit_id'])
      .where('staff_number', '=', DEMO_ACCOUNTS.sectionHead)
      .executeTakeFirstOrThrow();
    const people = await db
      .selectFrom('staff')
      .select('id')
      .where('org_unit_id', '=', division.org_unit_id)
      .where('staff_number', '<>', DEMO_ACCOUNTS.sectionHead)
      .orderBy('id')
      .execute();
    const english = people.filter((_, i) => i % 2 === 0).map((p) => p.id);
    await db.updateTable('staff').set({ locale: 'en' }).where('id', 'in', english).execute();
  },
  () => ({ smtpUrl: smtp.config.smtpUrl, publicUrl: smtp.config.publicUrl }),
);

describe('a section head chases their unfinished people from the team page', () => {
  it('previews, sends once, and the mails arrive in each reader’s language', async () => {
    const page = await app.signedInPage(DEMO_ACCOUNTS.sectionHead);
    await page.goto(app.url('/team'));
    await page.getByRole('grid', { name: '情報セキュリティ研修の受講状況' }).waitFor();

    await page.getByRole('button', { name: /^該当者全員にリマインド/ }).click();
    const dialog = page.getByRole('dialog', { name: 'リマインドを送る' });
    const recipientsText = await dialog.getByText(/^送信先: [\d,]+名$/).textContent();
    const recipients = Number(recipientsText?.replace(/\D/g, ''));
    expect(recipients).toBeGreaterThan(1);
    await dialog.getByText('英語で届く文面').click();
    await dialog.getByText(/^Reminder: please complete /).waitFor();
    await dialog.getByText('日本語で届く文面').click();
    await dialog.getByText(/^【研修】受講のお願い: /).waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);

    const send = dialog.getByRole('button', { name: `${recipients}名に送信する` });
    // A double click sends once: the button is pending after the first press.
    await send.dblclick();
    await page
      .getByRole('status')
      .filter({ hasText: new RegExp(`^${recipients}名にリマインドを送りました`) })
      .waitFor();

    const decided = await database.current.db
      .selectFrom('mail_outbox as m')
      .innerJoin('staff as s', 's.id', 'm.staff_id')
      .select(['m.staff_id', 'm.status', 's.email', 's.locale', 's.staff_number'])
      .where('m.kind', '=', 'training.reminder')
      .execute();
    expect(decided).toHaveLength(recipients);
    const audit = await database.current.db
      .selectFrom('audit_log')
      .select('after')
      .where('action', '=', 'reminders.sent')
      .execute();
    expect(audit).toHaveLength(1);
    expect((audit[0]?.after as { count: number } | undefined)?.count).toBe(recipients);

    smtp.clear();
    await smtp.deliver(database.current.db, new Date());
    const mailed = decided.filter((d) => d.status === 'queued');
    const reminders = smtp.received.filter((m) =>
      /^(【研修】受講のお願い|Reminder: please complete)/.test(m.subject),
    );
    expect(reminders).toHaveLength(mailed.length);
    const languages = new Set<string>();
    for (const person of mailed) {
      const mail = reminders.find((m) => m.to === person.email);
      expect(mail, person.email).toBeDefined();
      const expected =
        person.locale === 'en' ? 'Reminder: please complete ' : '【研修】受講のお願い: ';
      expect(mail?.subject.startsWith(expected), mail?.subject).toBe(true);
      expect(mail?.text).toContain('https://kenshu.example.go.jp/my-training');
      languages.add(person.locale);
    }
    expect([...languages].sort()).toEqual(['en', 'ja']);

    // A reader sees it on My training, delivered.
    const reader = mailed[0];
    if (!reader) throw new Error('nobody was mailed');
    const theirs = await app.signedInPage(reader.staff_number);
    await theirs.goto(app.url('/my-training'));
    const history = theirs.getByRole('list', { name: /メールの送信履歴|E-mail history/ });
    await history.getByText(/^(【研修】受講のお願い|Reminder: please complete)/).waitFor();
    await history
      .getByText(/^(送信済み|Sent)$/)
      .first()
      .waitFor();
  });

  it('on a 390px phone: nothing scrolls sideways, and a second send finds nobody left', async () => {
    const page = await app.signedInPage(DEMO_ACCOUNTS.sectionHead);
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(app.url('/team'));
    await page.getByRole('grid', { name: '情報セキュリティ研修の受講状況' }).waitFor();
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflow).toBeLessThanOrEqual(0);
    await page.getByRole('button', { name: /^該当者全員にリマインド/ }).click();
    const dialog = page.getByRole('dialog', { name: 'リマインドを送る' });
    await dialog.getByText('送信先がいません。').waitFor();
    await dialog.getByText(/^最近リマインド済み（[\d,]+名）$/).waitFor();
    expect(await dialog.getByRole('button', { name: '0名に送信する' }).isDisabled()).toBe(true);
    expect(await accessibilityViolations(page)).toEqual([]);
  });
});
