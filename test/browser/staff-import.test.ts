import { AxeBuilder } from '@axe-core/playwright';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makePerson } from '../support/auth.ts';
import {
  launchChromium,
  signedInPage,
  startAppServer,
  type RunningApp,
} from '../support/browser.ts';
import { useTestDatabase } from '../support/database.ts';
import { staffImportCsv } from '../support/staff-import.ts';

const EXAMPLE = fileURLToPath(
  new URL('../../apps/api/src/services/staff-import/example-staff-import.csv', import.meta.url),
);

const database = useTestDatabase();
let running: RunningApp;
let browser: Browser;
let adminNumber: string;
let dir: string;

beforeAll(async () => {
  // An otherwise empty ministry: the example file's units and people are all new to it.
  adminNumber = (await makePerson(database.current.db, ['admin'])).staff_number;
  running = await startAppServer(database.current);
  browser = await launchChromium();
  dir = mkdtempSync(join(tmpdir(), 'kenshu-staff-import-browser-'));
});

afterAll(async () => {
  await browser?.close();
  await running?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

async function openImportPage(): Promise<Page> {
  const page = await signedInPage(browser, running, database.current, adminNumber);
  await page.goto(`${running.baseUrl}/admin/staff-import`);
  await page.getByRole('heading', { name: '職員名簿の取り込み', level: 1 }).waitFor();
  return page;
}

/** Axe's findings, reduced to what a reader of a failed test needs. */
async function accessibilityViolations(page: Page) {
  const { violations } = await new AxeBuilder({ page }).analyze();
  return violations.map((v) => ({
    rule: v.id,
    impact: v.impact,
    targets: v.nodes.map((n) => n.target),
  }));
}

/** The number in the counts table's row for `kind`, in the people (or units) column. */
async function count(page: Page, kind: string, column: 1 | 2): Promise<string> {
  const table = page.getByRole('grid', { name: '変更の内訳' });
  const row = table.getByRole('row').filter({ has: page.getByRole('rowheader', { name: kind }) });
  return (
    (await row
      .getByRole('gridcell')
      .nth(column - 1)
      .textContent()) ?? ''
  );
}

describe('importing the HR staff file from the web', () => {
  it('still opens from the address it had when it was called the roster import', async () => {
    const page = await signedInPage(browser, running, database.current, adminNumber);
    await page.goto(`${running.baseUrl}/admin/roster-import`);
    await page.getByRole('heading', { name: '職員名簿の取り込み', level: 1 }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/admin/staff-import');
  });

  it('shows the errors of a bad file and will not apply it', async () => {
    const bad = join(dir, 'bad.csv');
    // The second person works in a unit that exists neither in the file nor in Kenshu.
    writeFileSync(
      bad,
      staffImportCsv(
        [{ code: 'BAD-TOP' }],
        [
          { number: 'B0001', unit: 'BAD-TOP' },
          { number: 'B0002', unit: 'NO-SUCH-UNIT' },
        ],
      ),
    );
    const page = await openImportPage();
    await page.getByLabel('名簿ファイル（CSV）').setInputFiles(bad);
    await page.getByRole('button', { name: '内容を確認' }).click();

    await page.getByRole('heading', { name: '確認結果' }).waitFor();
    const errors = page.getByRole('grid', { name: 'ファイルのエラー' });
    // A row is named by its row header (the line); its cells hold the reason.
    const row = errors.getByRole('row').filter({ hasText: '所属組織のコードが見つかりません' });
    await row.waitFor();
    expect(await row.getByRole('rowheader').textContent()).toBe('4');
    expect(await page.getByRole('button', { name: '反映する' }).isDisabled()).toBe(true);
    expect(await accessibilityViolations(page)).toEqual([]);
  });

  it('previews the example file with an upload progress bar, applies it, and shows the result', async () => {
    const page = await openImportPage();
    expect(await accessibilityViolations(page)).toEqual([]);

    await page.getByLabel('名簿ファイル（CSV）').setInputFiles(EXAMPLE);
    await page.getByRole('radio', { name: /部分取り込み/ }).check();
    // The bar appears while the file is sent and checked; on a fast loopback it may already
    // be gone, so the test waits for either the bar or the preview.
    await page.getByRole('button', { name: '内容を確認' }).click();
    await page
      .getByRole('progressbar')
      .or(page.getByRole('heading', { name: '確認結果' }))
      .first()
      .waitFor();
    await page.getByRole('heading', { name: '確認結果' }).waitFor();

    const lines = readFileSync(EXAMPLE, 'utf8').trim().split('\n').slice(1);
    const people = lines.filter((l) => l.startsWith('staff,')).length;
    const units = lines.filter((l) => l.startsWith('unit,')).length;
    expect(await count(page, '新規', 1)).toBe(String(people));
    expect(await count(page, '新規', 2)).toBe(String(units));
    await page
      .getByRole('definition')
      .filter({ hasText: /^UTF-8$/ })
      .waitFor();
    await page.getByText('エラーはありません。').waitFor();
    const changes = page.getByRole('grid', { name: '変更内容' });
    expect(await changes.getByRole('row').count()).toBe(people + units + 1);
    expect(await accessibilityViolations(page)).toEqual([]);

    // Everyone in the file is new: the admin has them sent a link to set their password.
    const invite = page.getByRole('checkbox', {
      name: '新しく登録された人にパスワード設定の案内を送る',
    });
    expect(await invite.isChecked()).toBe(false);
    await page.getByText('新しく登録された人にパスワード設定の案内を送る').click();
    expect(await invite.isChecked()).toBe(true);
    await page.getByRole('button', { name: '反映する' }).click();
    await page.getByRole('heading', { name: '反映しました' }).waitFor();
    await page
      .getByText(
        `新しく登録された${people}名にパスワード設定の案内をメールで送りました(送信待ち)。`,
      )
      .waitFor();
    const invitations = await database.current.db
      .selectFrom('mail_outbox')
      .select(['status', 'reason'])
      .where('kind', '=', 'account.password_link')
      .execute();
    expect(invitations).toHaveLength(people);
    expect(new Set(invitations.map((m) => `${m.reason} ${m.status}`))).toEqual(
      new Set(['account.invitation queued']),
    );
    // The result counts what it changed in the preview's words: the same numbers.
    await page.getByRole('heading', { name: '変更した内容' }).waitFor();
    expect(await count(page, '新規', 1)).toBe(String(people));
    expect(await count(page, '新規', 2)).toBe(String(units));
    const added = await database.current.db
      .selectFrom('staff')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(added.n)).toBe(people + 1);
    expect(await accessibilityViolations(page)).toEqual([]);

    // In English, the same page and the same result.
    await page.getByRole('radio', { name: 'English' }).click();
    await page.getByRole('heading', { name: 'Applied' }).waitFor();
  });
});
