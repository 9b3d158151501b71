import {
  DEMO_ACCOUNTS,
  DEMO_COURSES,
  findCourseByCode,
  findStaffByLogin,
  seedDemo,
} from '@kenshu/db';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useBrowserApp } from '../support/browser.ts';
import { useTestDatabase } from '../support/database.ts';
import { assignmentStatus, markAbsent } from '../support/training.ts';

const database = useTestDatabase();
const app = useBrowserApp(database, ({ db }) => seedDemo(db));

describe('e-learning for someone who missed the group session', () => {
  it('absent → assigned in My training → study → pass the quiz → requirement completed', async () => {
    const db = database.current.db;
    const learner = await findStaffByLogin(db, DEMO_ACCOUNTS.staff);
    const course = await findCourseByCode(db, DEMO_COURSES.security);
    if (!learner || !course) throw new Error('demo data missing');
    await markAbsent(database.current, learner.id, course.id);

    const page = await app.signedInPage(DEMO_ACCOUNTS.staff);
    await page.goto(app.url('/my-training'));
    await page.getByRole('link', { name: 'eラーニングを始める' }).click();

    // Study: every section, in order, with the Next button.
    await page.getByRole('heading', { name: 'はじめに：情報管理7か条' }).waitFor();
    const next = page.getByRole('button', { name: '次へ' });
    while (await next.isVisible()) {
      const before = await page.locator('#player-section-title').textContent();
      await next.click();
      await page.waitForFunction(
        (old) => document.querySelector('#player-section-title')?.textContent !== old,
        before,
      );
    }
    await page.getByRole('progressbar', { name: '進捗' }).waitFor();
    await page.waitForFunction(
      () => document.querySelector('[role="progressbar"]')?.getAttribute('aria-valuenow') === '100',
    );

    // The quiz: the right answers come from the database, as the browser never gets them.
    await page.getByRole('button', { name: '確認テストへ' }).click();
    await page.getByRole('button', { name: 'テストを始める' }).click();
    const questions = await db
      .selectFrom('module_question')
      .innerJoin('module_version', 'module_version.id', 'module_question.module_version_id')
      .innerJoin('module', 'module.id', 'module_version.module_id')
      .select(['module_question.text_ja', 'module_question.options', 'module_question.correct'])
      .where('module.course_id', '=', course.id)
      .execute();
    expect(questions).toHaveLength(7);
    for (const q of questions) {
      const group = page.getByRole('group', { name: new RegExp(escapeRegExp(q.text_ja)) });
      for (const index of q.correct) {
        const text = q.options[index]?.ja ?? '';
        await group.getByLabel(text, { exact: true }).check();
      }
    }
    await page.getByRole('button', { name: '解答を送信' }).click();
    await page.getByText('合格です。', { exact: true }).waitFor();
    await page.getByText('得点 100%（7 / 7問正解）').waitFor();
    await page.getByText('今年度の研修の受講が記録されました。', { exact: false }).waitFor();

    // The requirement is met, and the assignment closed by itself.
    const completion = await db
      .selectFrom('completion')
      .select(['kind', 'source_ref'])
      .where('staff_id', '=', learner.id)
      .where('course_id', '=', course.id)
      .executeTakeFirstOrThrow();
    expect(completion.kind).toBe('e_learning');
    expect(completion.source_ref).toMatch(/^module:\d+:v1$/);
    expect(await assignmentStatus(db, learner.id, course.id)).toBe('completed');
    await page.goto(app.url('/my-training'));
    await page.getByRole('link', { name: 'eラーニングを始める' }).waitFor({ state: 'detached' });
  });
});

describe('the quiz player', () => {
  it('asks for every answer, keeps the answers hidden until a pass, then shows them', async () => {
    const db = database.current.db;
    const course = await findCourseByCode(db, DEMO_COURSES.security);
    if (!course) throw new Error('demo data missing');
    // The demo module: unlimited attempts, set to reveal the answers after a pass.
    const module = await db
      .selectFrom('module')
      .innerJoin('module_version', 'module_version.module_id', 'module.id')
      .select(['module.id', 'module_version.id as versionId', 'module_version.reveal_answers'])
      .where('module.course_id', '=', course.id)
      .where('module_version.status', '=', 'published')
      .executeTakeFirstOrThrow();
    expect(module.reveal_answers).toBe(true);
    const questions = await db
      .selectFrom('module_question')
      .select(['text_ja', 'options', 'correct'])
      .where('module_version_id', '=', module.versionId)
      .execute();
    const groupOf = (page: Page, text: string) =>
      page.getByRole('group', { name: new RegExp(escapeRegExp(text)) });

    const page = await app.signedInPage(DEMO_ACCOUNTS.pjmo);
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(app.url(`/e-learning/modules/${module.id}`));
    await page.getByRole('navigation').getByRole('button', { name: '確認テスト' }).click();
    await page.getByRole('button', { name: 'テストを始める' }).click();

    // One question answered: submitting is stopped here, and the blank ones are pointed out.
    const [first, ...rest] = questions;
    if (!first) throw new Error('no questions');
    await groupOf(page, first.text_ja)
      .getByLabel(first.options[first.correct[0] ?? 0]?.ja ?? '', { exact: true })
      .check();
    await page.getByRole('button', { name: '解答を送信' }).click();
    await page
      .getByRole('alert')
      .filter({
        hasText: `すべての問題に解答してから送信してください（未解答 ${rest.length}問）。`,
      })
      .waitFor();
    expect(await page.getByText('未解答', { exact: true }).count()).toBe(rest.length);
    const submitted = await db
      .selectFrom('quiz_attempt')
      .innerJoin('staff', 'staff.id', 'quiz_attempt.staff_id')
      .select('quiz_attempt.submitted_at')
      .where('staff.staff_number', '=', DEMO_ACCOUNTS.pjmo)
      .execute();
    expect(submitted.map((a) => a.submitted_at)).toEqual([null]);

    // Every question answered, all but the first wrong: a fail that shows no answers.
    for (const q of rest) {
      const wrong = q.options.findIndex((_, i) => !q.correct.includes(i));
      await groupOf(page, q.text_ja)
        .getByLabel(q.options[wrong]?.ja ?? '', { exact: true })
        .check();
    }
    await page.getByRole('button', { name: '解答を送信' }).click();
    await page.getByText(/^不合格です。/).waitFor();
    await page.getByText('正解は合格すると表示されます。').waitFor();
    expect(await page.getByRole('term').allTextContents()).not.toContain('正解');
    const review = page.locator('.quiz__review');
    expect(await review.getByText(/^[✓✗] /).count()).toBe(0);

    // Try again with the right answers: a pass, and now the answers are shown.
    await page.getByRole('button', { name: 'もう一度受ける' }).click();
    for (const q of questions) {
      const group = groupOf(page, q.text_ja);
      for (const index of q.correct) {
        await group.getByLabel(q.options[index]?.ja ?? '', { exact: true }).check();
      }
    }
    await page.getByRole('button', { name: '解答を送信' }).click();
    await page.getByText('合格です。', { exact: true }).waitFor();
    expect(
      await page
        .getByRole('term')
        .filter({ hasText: /^正解$/ })
        .count(),
    ).toBe(questions.length);
    expect(await review.getByText(/^✓ 正解/).count()).toBe(questions.length);
  });
});

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
