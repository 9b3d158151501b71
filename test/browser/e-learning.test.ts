import {
  DEMO_ACCOUNTS,
  DEMO_COURSES,
  findCourseByCode,
  findStaffByLogin,
  seedDemo,
} from '@kenshu/db';
import { describe, expect, it } from 'vitest';
import { useBrowserApp } from '../support/browser.ts';
import { useTestDatabase } from '../support/database.ts';
import { markAbsent } from '../support/training.ts';

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
    const assignment = await db
      .selectFrom('assignment')
      .select('status')
      .where('staff_id', '=', learner.id)
      .where('course_id', '=', course.id)
      .executeTakeFirstOrThrow();
    expect(assignment.status).toBe('completed');
    await page.goto(app.url('/my-training'));
    await page.getByRole('link', { name: 'eラーニングを始める' }).waitFor({ state: 'detached' });
  });
});

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
