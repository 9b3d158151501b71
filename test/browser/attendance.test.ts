import { readFileSync } from 'node:fs';
import { makeOrgUnit, makeStaff } from '@kenshu/db/testing';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sessionUnderWay as underWay } from '../support/attendance.ts';
import { signedInAs } from '../support/auth.ts';
import {
  accessibilityViolations,
  launchChromium,
  startAppServer,
  type RunningApp,
} from '../support/browser.ts';
import { useTestDatabase } from '../support/database.ts';

const database = useTestDatabase();
let running: RunningApp;
let browser: Browser;

const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1280, height: 900 };
/** Set KENSHU_SCREENSHOTS=/tmp to keep screenshots of the pages for a look. */
const SCREENSHOTS = process.env.KENSHU_SCREENSHOTS;

beforeAll(async () => {
  running = await startAppServer(database.current);
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await running?.close();
});

/** A page in a fresh browser context (its own cookies), signed in as this person. */
async function pageFor(staffId: number, viewport = PHONE): Promise<Page> {
  const { cookie } = await signedInAs(running.app, database.current.db, staffId);
  const separator = cookie.indexOf('=');
  const context = await browser.newContext({
    viewport,
    hasTouch: viewport === PHONE,
    locale: 'ja-JP',
  });
  await context.addCookies([
    { name: cookie.slice(0, separator), value: cookie.slice(separator + 1), url: running.baseUrl },
  ]);
  return context.newPage();
}

async function screenshot(page: Page, name: string) {
  if (SCREENSHOTS)
    await page.screenshot({ path: `${SCREENSHOTS}/attendance-${name}.png`, fullPage: true });
}

const PEOPLE = [
  ['青木', '一郎', 'あおき', 'いちろう'],
  ['石井', '二郎', 'いしい', 'じろう'],
  ['上田', '三郎', 'うえだ', 'さぶろう'],
  ['江藤', '四郎', 'えとう', 'しろう'],
] as const;

/** A session that started half an hour ago, taught by a trainer, with four people booked. */
function sessionUnderWay() {
  const booked = PEOPLE.map(([family, given, familyKana, givenKana]) => ({
    family_name: family,
    given_name: given,
    family_name_kana: familyKana,
    given_name_kana: givenKana,
  }));
  return underWay({ app: running.app, db: database.current.db }, booked, {
    startsInHours: -0.5,
    durationMinutes: 120,
    unit: { name_ja: '総務課', name_en: 'General Affairs' },
  });
}

function markOf(page: Page, name: string, mark: string) {
  return page
    .getByRole('radiogroup', { name: `${name}の出欠` })
    .getByRole('radio', { name: mark, exact: true });
}

async function expectChecked(page: Page, name: string, mark: string) {
  await expect.poll(() => markOf(page, name, mark).getAttribute('aria-checked')).toBe('true');
}

describe('attendance at phone size', () => {
  it('marks, marks the rest present without overwriting, checks in by code, and finalises', async () => {
    const { course, trainer, session, people } = await sessionUnderWay();
    const attendee = people[3];
    if (!attendee) throw new Error('no attendee');
    const page = await pageFor(trainer.staffId);

    // Sessions I teach → the sheet.
    await page.goto(`${running.baseUrl}/teaching`);
    await page.getByRole('heading', { level: 1, name: '担当する研修' }).waitFor();
    await page.getByRole('heading', { name: '本日' }).waitFor();
    await page.getByRole('link', { name: new RegExp(course.title_ja) }).click();
    await page
      .getByRole('heading', { level: 1, name: new RegExp(`出欠簿: ${course.title_ja}`) })
      .waitFor();
    await page.getByRole('list', { name: '参加者' }).waitFor();

    // Mark a few with one tap each.
    await markOf(page, '青木 一郎', '公欠').click();
    await page.getByText('青木 一郎: 公欠を保存しました。').waitFor();
    await markOf(page, '石井 二郎', '遅刻').click();
    await markOf(page, '江藤 四郎', '欠席').click();
    await page.getByText('江藤 四郎: 欠席を保存しました。').waitFor();

    // Search narrows the list; clearing it brings everyone back.
    const search = page.getByRole('searchbox', { name: '名前・ふりがな・職員番号で検索' });
    await search.fill('ウエダ');
    await expect
      .poll(() => page.getByRole('list', { name: '参加者' }).getByRole('listitem').count())
      .toBe(1);
    await search.fill('');
    await expect
      .poll(() => page.getByRole('list', { name: '参加者' }).getByRole('listitem').count())
      .toBe(4);

    // Someone nobody has heard of is not found, in words.
    await page.getByRole('button', { name: '飛び入りを追加' }).click();
    const walkIn = page.getByRole('dialog', { name: '飛び入りを追加' });
    await walkIn.getByRole('searchbox', { name: '名前・ふりがな・職員番号' }).fill('NO-SUCH-1');
    await walkIn.getByText('「NO-SUCH-1」に該当する職員はいません。').waitFor();
    await walkIn.getByRole('button', { name: '戻る' }).click();
    await walkIn.waitFor({ state: 'detached' });

    // Mark all unmarked: only 上田 is unmarked; the excused mark stays.
    await page.getByRole('button', { name: '未記録を全員出席に' }).click();
    const markAll = page.getByRole('alertdialog', { name: '未記録の人を出席にしますか？' });
    await markAll.getByText(/上書きしません/).waitFor();
    await markAll.getByRole('button', { name: '出席にする' }).click();
    await page.getByText('1名を出席にしました。').waitFor();
    await expectChecked(page, '上田 三郎', '出席');
    await expectChecked(page, '青木 一郎', '公欠');
    await expectChecked(page, '石井 二郎', '遅刻');

    // Show the code; the attendee types it in a second browser.
    await page.getByRole('button', { name: 'チェックインコードを表示' }).click();
    const digits = page.locator('[data-code]');
    await digits.waitFor();
    await page.getByRole('img', { name: 'チェックイン用QRコード' }).waitFor();
    const code = (await digits.getAttribute('data-code')) ?? '';
    expect(code).toMatch(/^\d{6}$/);
    await screenshot(page, 'sheet-phone');

    const phone = await pageFor(attendee.id);
    await phone.goto(`${running.baseUrl}/check-in`);
    const box = phone.getByRole('textbox', { name: 'チェックインコード（6桁の数字）' });
    await box.waitFor();
    expect(await accessibilityViolations(phone)).toEqual([]);
    await box.fill(code);
    await phone.getByRole('button', { name: 'チェックインする' }).click();
    await phone.getByText('チェックインしました。').waitFor();
    await phone.getByText(course.title_ja).waitFor();
    expect(await accessibilityViolations(phone)).toEqual([]);
    await screenshot(phone, 'check-in-phone');

    // The trainer's sheet shows the check-in by itself (it refetches while the code is shown).
    // (Headless chromium counts the other context's page as hidden, which pauses its refetching.)
    await page.bringToFront();
    const row = page.getByRole('listitem').filter({ hasText: '江藤 四郎' });
    await row.getByText(/チェックイン \d\d:\d\d/).waitFor({ timeout: 15_000 });
    await expectChecked(page, '江藤 四郎', '出席');
    await page.getByText('江藤 四郎がチェックインしました。').waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);

    // The CSV downloaded on the phone gives the same check-in time, in Tokyo with its offset.
    const shown = /チェックイン (\d\d:\d\d)/.exec((await row.textContent()) ?? '')?.[1];
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'CSVをダウンロード' }).click(),
    ]);
    const csv = readFileSync((await download.path()) ?? '', 'utf8');
    const line = csv.split(/\r?\n/).find((l) => l.includes('江藤'));
    expect(line).toMatch(new RegExp(`,\\d{4}-\\d\\d-\\d\\dT${shown}:\\d\\d\\+09:00(,|$)`));

    // Submit the attendance sheet.
    await page.getByRole('button', { name: 'チェックインコードを閉じる' }).click();
    await page.getByRole('button', { name: '出欠簿を提出' }).click();
    const submit = page.getByRole('alertdialog', { name: '出欠簿を提出しますか？' });
    await submit.getByRole('button', { name: '提出する' }).click();
    await page.getByText('出欠簿を提出しました。未記録の人はいませんでした。').waitFor();
    await page.getByText(/出欠簿は.*に提出済みです。/).waitFor();
    const finalised = await database.current.db
      .selectFrom('training_session')
      .select('finalised_at')
      .where('id', '=', session.id)
      .executeTakeFirstOrThrow();
    expect(finalised.finalised_at).not.toBeNull();
    // Two browsers, a live refetch and a dozen round trips: more than the default minute on a busy
    // runner.
  }, 120_000);

  it('checks in straight from the QR link, and refuses a wrong code clearly', async () => {
    const { trainer, session, people } = await sessionUnderWay();
    const attendee = people[0];
    if (!attendee) throw new Error('no attendee');
    const codeRes = await trainer.request(`/api/sessions/${session.id}/check-in-code`);
    const { code, checkInUrl } = (await codeRes.json()) as { code: string; checkInUrl: string };
    // The QR code's link carries a signed token, not the code.
    const link = new URL(checkInUrl);
    expect(link.searchParams.get('token')).toBeTruthy();

    const phone = await pageFor(attendee.id);
    await phone.goto(`${running.baseUrl}${link.pathname}${link.search}`);
    await phone.getByText('チェックインしました。').waitFor();
    // The used code is dropped from the address.
    await expect.poll(() => new URL(phone.url()).search).toBe('');

    await phone.getByRole('button', { name: '別のコードを入力' }).click();
    const wrong = code === '000000' ? '111111' : '000000';
    await phone.getByRole('textbox', { name: 'チェックインコード（6桁の数字）' }).fill(wrong);
    await phone.getByRole('button', { name: 'チェックインする' }).click();
    await phone
      .getByRole('alert')
      .getByText(/コードが正しくないか、有効期限が切れています/)
      .waitFor();
  });

  it('turns a check-in without a booking into a request the trainer accepts on the phone', async () => {
    const { trainer, session } = await sessionUnderWay();
    const db = database.current.db;
    const unit = await makeOrgUnit(db, { name_ja: '会計課', name_en: 'Accounts' });
    const stranger = await makeStaff(db, {
      org_unit_id: unit.id,
      family_name: '小川',
      given_name: '五郎',
      family_name_kana: 'おがわ',
      given_name_kana: 'ごろう',
    });
    const codeRes = await trainer.request(`/api/sessions/${session.id}/check-in-code`);
    const link = new URL(((await codeRes.json()) as { checkInUrl: string }).checkInUrl);

    const phone = await pageFor(stranger.id);
    await phone.goto(`${running.baseUrl}${link.pathname}${link.search}`);
    await phone.getByText('この日程の予約がないため、チェックインを講師に申請しました。').waitFor();
    expect(await accessibilityViolations(phone)).toEqual([]);
    await screenshot(phone, 'check-in-request-phone');

    const sheet = await pageFor(trainer.staffId);
    await sheet.goto(`${running.baseUrl}/teaching/${session.id}`);
    const requests = sheet.getByRole('list', { name: 'チェックインの申請' });
    const request = requests.getByRole('listitem').filter({ hasText: '小川 五郎' });
    await request.waitFor();
    // Not on the attendance sheet until accepted.
    const people = sheet.getByRole('list', { name: '参加者' });
    expect(await people.getByText('小川 五郎').count()).toBe(0);
    expect(await accessibilityViolations(sheet)).toEqual([]);
    const overflow = await sheet.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflow).toBeLessThanOrEqual(0);
    await screenshot(sheet, 'check-in-requests-phone');
    await request.getByRole('button', { name: '承認' }).click();
    await sheet.getByText('小川 五郎を出席にしました。').waitFor();
    await request.getByText('承認済み').waitFor();
    await people.getByRole('listitem').filter({ hasText: '小川 五郎' }).waitFor();
    const mark = await db
      .selectFrom('attendance')
      .select(['mark', 'is_walk_in'])
      .where('session_id', '=', session.id)
      .where('staff_id', '=', stranger.id)
      .executeTakeFirstOrThrow();
    expect(mark).toEqual({ mark: 'present', is_walk_in: true });
  });

  it('shows the code screen and a printable sign-in sheet', async () => {
    const { trainer, session, course } = await sessionUnderWay();
    const desk = await pageFor(trainer.staffId, DESKTOP);
    await desk.goto(`${running.baseUrl}/teaching/${session.id}`);
    await desk.getByRole('list', { name: '参加者' }).waitFor();
    await screenshot(desk, 'sheet-desktop');

    await desk.goto(`${running.baseUrl}/teaching/${session.id}/check-in-code`);
    await desk.locator('[data-code]').waitFor();
    await desk.getByText('チェックイン済み 0名').waitFor();
    await screenshot(desk, 'code-desktop');

    await desk.goto(`${running.baseUrl}/teaching/${session.id}/print`);
    const table = desk.getByRole('table');
    await table.waitFor();
    await desk.getByText(course.title_ja).first().waitFor();
    // Four people and eight blank rows for walk-ins, under the header row.
    expect(await table.getByRole('row').count()).toBe(1 + 4 + 8);
    await desk.getByRole('link', { name: 'CSVをダウンロード' }).waitFor();
    expect(await accessibilityViolations(desk)).toEqual([]);
    await desk.emulateMedia({ media: 'print' });
    expect(await desk.locator('.app-header').isVisible()).toBe(false);
    expect(await desk.getByRole('button', { name: '印刷する' }).isVisible()).toBe(false);
    await screenshot(desk, 'print-desktop');

    if (SCREENSHOTS) {
      const phone = await pageFor(trainer.staffId);
      await phone.goto(`${running.baseUrl}/teaching/${session.id}/check-in-code`);
      await phone.locator('[data-code]').waitFor();
      await screenshot(phone, 'code-phone');
      await phone.goto(`${running.baseUrl}/teaching/${session.id}/print`);
      await phone.getByRole('table').waitFor();
      await screenshot(phone, 'print-phone');
      await phone.emulateMedia({ media: 'print' });
      await screenshot(phone, 'print-phone-print');
      await phone.goto(`${running.baseUrl}/teaching`);
      await phone.getByRole('heading', { name: '本日' }).waitFor();
      await screenshot(phone, 'teaching-phone');
    }
  });
});
