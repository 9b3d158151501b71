import { DEMO_ACCOUNTS, findStaffByLogin, seedDemo } from '@kenshu/db';
import { makeSession } from '@kenshu/db/testing';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { accessibilityViolations, useBrowserApp } from '../support/browser.ts';
import { useTestDatabase } from '../support/database.ts';

const database = useTestDatabase();
const app = useBrowserApp(database, ({ db }) => seedDemo(db));

const PHONE = { width: 390, height: 844 };
/** Set KENSHU_SCREENSHOTS=/tmp to keep screenshots of the pages for a look. */
const SCREENSHOTS = process.env.KENSHU_SCREENSHOTS;

/** The demo trainer on a phone (touch, 390×844). */
function trainerOnPhone(): Promise<Page> {
  return app.signedInPhone(DEMO_ACCOUNTS.trainer);
}

async function screenshot(page: Page, name: string) {
  if (SCREENSHOTS)
    await page.screenshot({ path: `${SCREENSHOTS}/trainer-${name}.png`, fullPage: true });
}

/** Whether the element lies wholly inside the first screenful, without scrolling either way. */
async function onFirstScreen(page: Page, selector: ReturnType<Page['locator']>) {
  const box = await selector.boundingBox();
  return (
    box !== null &&
    box.x >= 0 &&
    box.x + box.width <= PHONE.width &&
    box.y + box.height <= PHONE.height
  );
}

describe('a trainer on a phone', () => {
  it('sees today’s session first on the home page and opens its attendance sheet from there', async () => {
    const page = await trainerOnPhone();
    await page.goto(app.url('/'));
    const card = page.getByRole('region', { name: '担当する研修' });
    const today = card.getByRole('list', { name: '本日' }).getByRole('link').first();
    await today.waitFor();
    expect(await today.textContent()).toContain('情報セキュリティ研修');
    expect(await today.textContent()).toContain('第3会議室');
    expect(await onFirstScreen(page, today)).toBe(true);
    await card.getByRole('list', { name: '次回以降' }).waitFor();
    // Nothing scrolls sideways: no menu bar runs off the screen.
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflow).toBeLessThanOrEqual(0);
    expect(await accessibilityViolations(page)).toEqual([]);
    await screenshot(page, 'home-phone');

    await today.click();
    await page.getByRole('heading', { level: 1, name: /^出欠簿: 情報セキュリティ研修/ }).waitFor();
    await page.getByRole('list', { name: '参加者' }).waitFor();
  });

  it('reaches every page of the menu without scrolling sideways', async () => {
    const page = await trainerOnPhone();
    await page.goto(app.url('/my-training'));
    const menu = page.getByRole('button', { name: /メニュー/ });
    await menu.waitFor();
    // Folded, the menu says where one is and takes one row.
    expect(await menu.textContent()).toContain('私の研修');
    expect(await menu.getAttribute('aria-expanded')).toBe('false');
    const nav = page.getByRole('navigation', { name: 'メインメニュー' });
    expect(await nav.getByRole('link', { name: '担当する研修' }).isVisible()).toBe(false);

    await menu.click();
    expect(await menu.getAttribute('aria-expanded')).toBe('true');
    const teaching = nav.getByRole('link', { name: '担当する研修' });
    await teaching.waitFor();
    expect(await onFirstScreen(page, teaching)).toBe(true);
    expect(await accessibilityViolations(page)).toEqual([]);
    await screenshot(page, 'menu-phone');

    await teaching.click();
    await page.getByRole('heading', { level: 1, name: '担当する研修' }).waitFor();
    // Choosing a page folds the menu away and names the new page.
    expect(await menu.getAttribute('aria-expanded')).toBe('false');
    expect(await menu.textContent()).toContain('担当する研修');
  });

  it('says why the attendance sheet cannot be submitted before the start', async () => {
    const db = database.current.db;
    const trainer = await findStaffByLogin(db, DEMO_ACCOUNTS.trainer);
    const course = await db
      .selectFrom('course')
      .select('id')
      .where('code', '=', 'SEC-ALL')
      .executeTakeFirstOrThrow();
    if (!trainer) throw new Error('no demo trainer');
    // Starts in 20 minutes: check-in (and marking) is open, submitting is not yet.
    const soon = await makeSession(db, {
      courseId: course.id,
      startsInHours: 1 / 3,
      cutoffInHours: -20,
      opensInHours: -500,
      trainerIds: [trainer.id],
    });
    const page = await trainerOnPhone();
    await page.goto(app.url(`/teaching/${soon.id}`));
    const submit = page.getByRole('button', { name: '出欠簿を提出' });
    await submit.waitFor();
    expect(await submit.isDisabled()).toBe(true);
    const hintId = await submit.getAttribute('aria-describedby');
    expect(hintId).toBeTruthy();
    const hint = page.locator(`[id="${hintId}"]`);
    expect(await hint.textContent()).toMatch(
      /^出欠簿は研修の開始（.+\d\d:\d\d）後に提出できます。$/,
    );
    expect(await hint.isVisible()).toBe(true);
    await screenshot(page, 'submit-hint-phone');
  });

  it('adds a walk-in found by kana, not by staff number', async () => {
    const db = database.current.db;
    const session = await db
      .selectFrom('training_session')
      .select('id')
      .where('venue', 'like', '%第3会議室%')
      .executeTakeFirstOrThrow();
    const walker = await findStaffByLogin(db, DEMO_ACCOUNTS.staff);
    if (!walker) throw new Error('no demo learner');
    const name = `${walker.family_name} ${walker.given_name}`;
    // Typed as heard, in katakana; kana are stored in hiragana.
    const katakana = (walker.family_name_kana + walker.given_name_kana).replace(
      /[\u3041-\u3096]/g,
      (c) => String.fromCharCode(c.charCodeAt(0) + 0x60),
    );

    const page = await trainerOnPhone();
    await page.goto(app.url(`/teaching/${session.id}`));
    await page.getByRole('list', { name: '参加者' }).waitFor();
    await page.getByRole('button', { name: '飛び入りを追加' }).click();
    const dialog = page.getByRole('dialog', { name: '飛び入りを追加' });
    await dialog.getByRole('searchbox', { name: '名前・ふりがな・職員番号' }).fill(katakana);
    const add = dialog.getByRole('button', {
      name: `${name}（${walker.staff_number}）を飛び入りとして追加`,
    });
    await add.waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);
    await screenshot(page, 'walk-in-phone');
    await add.click();
    await dialog.waitFor({ state: 'detached' });
    await page.getByText(`${name}を飛び入りとして追加しました。`).waitFor();
    const row = page
      .getByRole('list', { name: '参加者' })
      .getByRole('listitem')
      .filter({ hasText: walker.staff_number });
    await row.getByText('飛び入り').waitFor();
  });
});
