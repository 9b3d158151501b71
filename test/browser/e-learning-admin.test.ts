import { DEMO_ACCOUNTS, DEMO_COURSES, findCourseByCode, seedDemo } from '@kenshu/db';
import { makeCourse, makeOrgUnit, makeStaff, unique } from '@kenshu/db/testing';
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { accessibilityViolations, useBrowserApp } from '../support/browser.ts';
import { useTestDatabase } from '../support/database.ts';
import { markAbsent } from '../support/training.ts';

const database = useTestDatabase();
const app = useBrowserApp(database, ({ db }) => seedDemo(db));

/** The admin's browser on the e-learning admin page, reached from the main menu. */
async function openELearningAdmin(): Promise<Page> {
  const page = await app.signedInPage(DEMO_ACCOUNTS.admin);
  await page.goto(app.url('/'));
  await page
    .getByRole('navigation', { name: 'メインメニュー' })
    .getByRole('link', { name: 'eラーニングの管理' })
    .click();
  await page.getByRole('heading', { level: 1, name: 'eラーニングの管理' }).waitFor();
  return page;
}

/** A text box (input or textarea) by its exact label, within `scope`. */
function field(scope: Page | Locator, label: string): Locator {
  return scope.getByRole('textbox', { name: label, exact: true });
}

/** A list item of the learner's e-learning page that mentions `text`. */
function listItem(page: Page, card: string, text: string): Locator {
  return page.getByRole('region', { name: card }).getByRole('listitem').filter({ hasText: text });
}

describe('authoring an e-learning module', () => {
  it('creates a module with sections and a quiz, previews it, publishes it, and learners study it', async () => {
    const db = database.current.db;
    const course = await makeCourse(db, { code: unique('EL') });
    const title = { ja: `標的型メール対策 ${course.code}`, en: `Phishing mail ${course.code}` };

    const page = await openELearningAdmin();
    await page.getByRole('link', { name: '教材を追加' }).click();
    await page.getByRole('heading', { level: 1, name: '教材を追加' }).waitFor();
    // Saving an empty form is refused, in the page's language.
    await page.getByRole('button', { name: '保存', exact: true }).click();
    await page.getByRole('alert').getByText('入力内容に誤りがあります。').waitFor();
    expect(new URL(page.url()).pathname).toBe('/admin/e-learning/new');

    await page
      .getByRole('combobox', { name: '研修' })
      .selectOption({ label: `${course.code} ${course.title_ja}` });
    await field(page, 'タイトル（日本語）').fill(title.ja);
    await field(page, 'タイトル（英語）').fill(title.en);

    // Section 1, with Markdown that the server renders (and sanitises) for the preview.
    const first = page.getByRole('group', { name: '第1節' });
    await field(first, '節の見出し（日本語）').fill('不審なメールを見分ける');
    await field(first, '節の見出し（英語）').fill('Spotting a suspicious mail');
    await field(first, '本文（日本語、Markdown）').fill(
      '**差出人**を確かめる。\n\n- 添付を開かない\n- リンクを押さない\n\n<script>window.hacked = true</script>',
    );
    await field(first, '本文（英語、Markdown）').fill('Check the **sender**.');
    await first.getByRole('button', { name: 'プレビュー' }).click();
    const japanese = first.getByRole('region', { name: 'プレビュー（日本語）' });
    await japanese.locator('strong', { hasText: '差出人' }).waitFor();
    expect(await japanese.getByRole('listitem').allTextContents()).toEqual([
      '添付を開かない',
      'リンクを押さない',
    ]);
    expect(await japanese.locator('script').count()).toBe(0);
    const english = first.getByRole('region', { name: 'プレビュー（英語）' });
    await english.locator('strong', { hasText: 'sender' }).waitFor();

    await page.getByRole('button', { name: '節を追加' }).click();
    const second = page.getByRole('group', { name: '第2節' });
    await field(second, '節の見出し（日本語）').fill('見つけたら報告する');
    await field(second, '節の見出し（英語）').fill('Report what you find');
    await field(second, '本文（日本語、Markdown）').fill('すぐに**情報システム担当**へ連絡する。');
    await field(second, '本文（英語、Markdown）').fill('Tell the **IT desk** at once.');

    // A single-choice question with three options (the second right), and a multiple-choice one.
    await page.getByRole('button', { name: '問題を追加' }).click();
    const q1 = page.getByRole('group', { name: '問1' });
    await field(q1, '問題文（日本語）').fill('知らない差出人から添付付きのメールが来たら？');
    await field(q1, '問題文（英語）').fill(
      'A mail with an attachment from a stranger arrives. What now?',
    );
    await q1.getByRole('button', { name: '選択肢を追加' }).click();
    const q1Options: [ja: string, en: string][] = [
      ['すぐに開く', 'Open it at once'],
      ['開かずに報告する', 'Report it without opening it'],
      ['同僚に転送する', 'Forward it to a colleague'],
    ];
    for (const [index, [ja, en]] of q1Options.entries()) {
      await field(q1, `選択肢${index + 1}（日本語）`).fill(ja);
      await field(q1, `選択肢${index + 1}（英語）`).fill(en);
    }
    await q1.getByRole('checkbox', { name: '選択肢2を正解にする', exact: true }).check();

    await page.getByRole('button', { name: '問題を追加' }).click();
    const q2 = page.getByRole('group', { name: '問2' });
    await q2.getByRole('radio', { name: '複数選択' }).check();
    await field(q2, '問題文（日本語）').fill('不審なメールの特徴はどれ？');
    await field(q2, '問題文（英語）').fill('Which are signs of a suspicious mail?');
    const q2Options: [ja: string, en: string][] = [
      ['差出人のアドレスが不自然', 'An odd sender address'],
      ['至急の対応を求める', 'It demands urgent action'],
    ];
    for (const [index, [ja, en]] of q2Options.entries()) {
      await field(q2, `選択肢${index + 1}（日本語）`).fill(ja);
      await field(q2, `選択肢${index + 1}（英語）`).fill(en);
    }
    await q2.getByRole('checkbox', { name: '選択肢2を正解にする', exact: true }).check();
    const reveal = page.getByRole('checkbox', {
      name: '合格した後、または最後の受験の後に正解と解説を表示する',
    });
    expect(await reveal.isChecked()).toBe(false);
    await reveal.check();
    expect(await accessibilityViolations(page)).toEqual([]);

    // Saved as a draft, the editor reopens it from the server.
    await page.getByRole('button', { name: '保存', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: '教材を編集' }).waitFor();
    expect(new URL(page.url()).pathname).toMatch(/^\/admin\/e-learning\/modules\/\d+$/);
    await page.getByText('版 1 · 下書き').waitFor();
    expect(await field(page, 'タイトル（日本語）').inputValue()).toBe(title.ja);
    expect(
      await field(page.getByRole('group', { name: '第2節' }), '節の見出し（英語）').inputValue(),
    ).toBe('Report what you find');
    expect(await reveal.isChecked()).toBe(true);
    const savedQ1 = page.getByRole('group', { name: '問1' });
    expect(await savedQ1.getByRole('radio', { name: '単一選択' }).isChecked()).toBe(true);
    expect(
      await Promise.all(
        [1, 2, 3].map((n) =>
          savedQ1
            .getByRole('checkbox', { name: `選択肢${n}を正解にする`, exact: true })
            .isChecked(),
        ),
      ),
    ).toEqual([false, true, false]);
    const savedQ2 = page.getByRole('group', { name: '問2' });
    expect(await savedQ2.getByRole('radio', { name: '複数選択' }).isChecked()).toBe(true);
    expect(
      await Promise.all(
        [1, 2].map((n) =>
          savedQ2
            .getByRole('checkbox', { name: `選択肢${n}を正解にする`, exact: true })
            .isChecked(),
        ),
      ),
    ).toEqual([true, true]);

    // A draft is not for learners yet.
    const learner = await app.signedInPage(DEMO_ACCOUNTS.staff);
    await learner.goto(app.url('/e-learning'));
    await listItem(learner, 'すべての教材', '情報管理7か条').first().waitFor();
    expect(await listItem(learner, 'すべての教材', title.ja).count()).toBe(0);

    // An edit to the draft, then publishing it.
    title.ja = `${title.ja}（改訂）`;
    await field(page, 'タイトル（日本語）').fill(title.ja);
    await page.getByRole('button', { name: '保存', exact: true }).click();
    await page.getByRole('status').getByText('保存しました（版 1、下書き）。').waitFor();
    await page.getByRole('button', { name: '公開する' }).click();
    await page.getByRole('status').getByText('版 1 を公開しました。').waitFor();
    await page.getByText('版 1 · 公開中').waitFor();
    expect(await page.getByRole('button', { name: '公開する' }).count()).toBe(0);

    await page
      .getByRole('navigation', { name: 'メインメニュー' })
      .getByRole('link', { name: 'eラーニングの管理' })
      .click();
    const row = page.getByRole('row').filter({ hasText: title.ja });
    await row.waitFor();
    expect(await row.getByRole('cell').allTextContents()).toEqual([
      title.ja,
      course.title_ja,
      '版 1 · 公開中',
      '編集 割り当て',
    ]);

    // The learner now finds it, studies both sections and sees the quiz, in English too.
    await learner.reload();
    const item = listItem(learner, 'すべての教材', title.ja);
    await item.getByRole('link', { name: '開く' }).click();
    await learner.getByRole('heading', { level: 1, name: title.ja, exact: true }).waitFor();
    await learner.getByRole('heading', { name: '不審なメールを見分ける' }).waitFor();
    await learner.locator('strong', { hasText: '差出人' }).waitFor();
    expect(await learner.evaluate(() => 'hacked' in window)).toBe(false);
    await learner.getByRole('button', { name: '次へ' }).click();
    await learner.getByRole('heading', { name: '見つけたら報告する' }).waitFor();
    await learner.getByRole('button', { name: '確認テストへ' }).click();
    await learner.getByText('2問。合格点は80%です。').waitFor();
    await learner.getByRole('button', { name: 'テストを始める' }).click();
    const question = learner.getByRole('group', { name: /知らない差出人から添付付きのメール/ });
    for (const [ja] of q1Options) await question.getByLabel(ja, { exact: true }).waitFor();

    await learner.getByRole('radio', { name: 'English' }).click();
    await learner.getByRole('heading', { level: 1, name: title.en, exact: true }).waitFor();
    await learner
      .getByRole('group', { name: /A mail with an attachment from a stranger arrives/ })
      .getByLabel('Report it without opening it', { exact: true })
      .waitFor();

    // Saving the published module starts version 2 as a draft; learners keep version 1 meanwhile.
    await row.getByRole('link', { name: '編集' }).click();
    await page.getByText('版 1 · 公開中').waitFor();
    await page
      .getByText('公開中の版を保存すると、新しい下書きの版になります。', { exact: false })
      .waitFor();
    await field(page, 'タイトル（英語）').fill(`${title.en}, 2nd edition`);
    await page.getByRole('button', { name: '保存', exact: true }).click();
    await page.getByRole('status').getByText('保存しました（版 2、下書き）。').waitFor();
    await page.getByText('版 2 · 下書き').waitFor();
    await page.getByRole('button', { name: '公開する' }).waitFor();
    await learner.reload();
    await learner.getByRole('heading', { level: 1, name: title.en, exact: true }).waitFor();
  });
});

describe("a course's e-learning assignments", () => {
  it('filters them, assigns one by hand with a reason, and withdraws it with a reason', async () => {
    const db = database.current.db;
    const course = await findCourseByCode(db, DEMO_COURSES.security);
    if (!course) throw new Error('demo data missing');
    const [unitA, unitB] = [await makeOrgUnit(db), await makeOrgUnit(db)];
    const newcomer = await makeStaff(db, {
      org_unit_id: unitA.id,
      family_name: '新任',
      given_name: '一郎',
    });
    const absentee = await makeStaff(db, {
      org_unit_id: unitB.id,
      family_name: '欠席',
      given_name: '二郎',
    });
    await markAbsent(database.current, absentee.id, course.id);
    // The demo's own history has assigned this course's e-learning to its absent people too:
    // the counts below start from what is there already.
    const { fiscal_year: year } = await db
      .selectFrom('assignment')
      .select('fiscal_year')
      .where('staff_id', '=', absentee.id)
      .where('course_id', '=', course.id)
      .executeTakeFirstOrThrow();
    const countOf = async (status?: 'open' | 'withdrawn') => {
      const { n } = await db
        .selectFrom('assignment')
        .select((eb) => eb.fn.countAll<string>().as('n'))
        .where('course_id', '=', course.id)
        .where('fiscal_year', '=', year)
        .$if(status !== undefined, (qb) => qb.where('status', '=', status ?? 'open'))
        .executeTakeFirstOrThrow();
      return Number(n);
    };
    const [open, all, withdrawn] = [
      await countOf('open'),
      await countOf(),
      await countOf('withdrawn'),
    ];

    const page = await openELearningAdmin();
    await page
      .getByRole('row')
      .filter({ hasText: '情報管理7か条' })
      .getByRole('link', { name: '割り当て' })
      .click();
    await page.getByRole('heading', { level: 1, name: 'eラーニングの割り当て' }).waitFor();
    const list = page.getByRole('region', { name: 'eラーニングの割り当て' });
    const rowOf = (name: string) => list.getByRole('row').filter({ hasText: name });
    await rowOf('欠席 二郎').waitFor();
    expect(await rowOf('欠席 二郎').getByRole('cell').nth(4).textContent()).toBe(
      '集合研修を欠席したため',
    );
    await list.getByText(`${open}件`, { exact: true }).waitFor();

    // Assigning by hand: choose the person, give the reason.
    const assign = page.getByRole('region', { name: '個別に割り当てる' });
    const submit = assign.getByRole('button', { name: '割り当てる', exact: true });
    await assign.getByRole('searchbox', { name: '割り当てる職員' }).fill(newcomer.staff_number);
    await assign.getByRole('button', { name: '新任 一郎さんを選択' }).click();
    await assign.getByText('割り当てる職員：新任 一郎').waitFor();
    expect(await submit.isDisabled()).toBe(true);
    await assign.getByRole('textbox', { name: '割り当ての理由' }).fill('年度途中の採用のため');
    expect(await accessibilityViolations(page)).toEqual([]);
    await submit.click();
    await assign.getByRole('status').getByText('新任 一郎さんに割り当てました。').waitFor();
    await rowOf('新任 一郎').waitFor();
    await list.getByText(`${open + 1}件`, { exact: true }).waitFor();
    expect(await rowOf('新任 一郎').getByRole('cell').nth(4).textContent()).toBe(
      '管理者による割り当て — 年度途中の採用のため',
    );

    // The same person twice is refused in words.
    await assign.getByRole('searchbox', { name: '割り当てる職員' }).fill(newcomer.staff_number);
    await assign.getByRole('button', { name: '新任 一郎さんを選択' }).click();
    await assign.getByRole('textbox', { name: '割り当ての理由' }).fill('念のため');
    await submit.click();
    await assign
      .getByRole('alert')
      .getByText('この人には、この研修の未修了の割り当てがすでにあります。')
      .waitFor();

    // The filters: a unit shows only its people.
    const unitFilter = list.getByRole('combobox', { name: '組織' });
    await unitFilter.selectOption({ label: unitA.name_ja });
    await list.getByText('1件', { exact: true }).waitFor();
    expect(await rowOf('欠席 二郎').count()).toBe(0);
    await rowOf('新任 一郎').waitFor();

    // The newcomer sees it: on the e-learning page and as the next step in My training.
    const learner = await app.signedInPage(newcomer.staff_number);
    await learner.goto(app.url('/e-learning'));
    const assigned = listItem(learner, '割り当てられた教材', course.title_ja);
    await assigned.getByText('管理者による割り当て').waitFor();
    await assigned.getByRole('link', { name: '受講する' }).waitFor();
    await learner.goto(app.url('/my-training'));
    await learner.getByRole('link', { name: 'eラーニングを始める' }).waitFor();

    // Withdrawn with a reason: gone from the open list, kept (with both reasons) under all.
    await rowOf('新任 一郎').getByRole('button', { name: '取り消す' }).click();
    const confirm = rowOf('新任 一郎').getByRole('button', { name: '取り消しを確定' });
    expect(await confirm.isDisabled()).toBe(true);
    await rowOf('新任 一郎')
      .getByRole('textbox', { name: '取り消しの理由' })
      .fill('採用の取り消し');
    await confirm.click();
    await list.getByText('該当する割り当てはありません。').waitFor();
    await list.getByRole('combobox', { name: '状態' }).selectOption({ label: 'すべて' });
    await rowOf('新任 一郎').waitFor();
    expect(await rowOf('新任 一郎').getByRole('cell').allTextContents()).toEqual([
      expect.stringContaining('新任 一郎'),
      unitA.name_ja,
      expect.any(String),
      '取消',
      '管理者による割り当て — 年度途中の採用のため — 採用の取り消し',
      '',
    ]);
    await unitFilter.selectOption({ label: 'すべての組織' });
    await list.getByText(`${all + 1}件`, { exact: true }).waitFor();
    await list.getByRole('combobox', { name: '状態' }).selectOption({ label: '取消' });
    await list.getByText(`${withdrawn + 1}件`, { exact: true }).waitFor();
    expect(await rowOf('欠席 二郎').count()).toBe(0);

    // The newcomer has nothing assigned any more, in English too.
    await learner.goto(app.url('/e-learning'));
    await learner.getByText('割り当てられた教材はありません。').waitFor();
    await learner.getByRole('radio', { name: 'English' }).click();
    await learner.getByText('Nothing is assigned to you.').waitFor();
    await learner.goto(app.url('/my-training'));
    await learner.getByRole('heading', { level: 1, name: 'My training' }).waitFor();
    await learner.getByRole('article', { name: course.title_en }).waitFor();
    expect(await learner.getByRole('link', { name: 'Start e-learning' }).count()).toBe(0);
  });
});
