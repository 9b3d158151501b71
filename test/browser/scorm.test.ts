import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEMO_ACCOUNTS, findStaffByLogin, seedDemo } from '@kenshu/db';
import { makeCourse } from '@kenshu/db/testing';
import type { Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { signedInAs } from '../support/auth.ts';
import { useBrowserApp } from '../support/browser.ts';
import { useTestDatabase } from '../support/database.ts';
import { scormPackage } from '../support/scorm.ts';
import { assignmentStatus } from '../support/training.ts';

const contentDir = mkdtempSync(join(tmpdir(), 'kenshu-scorm-browser-'));
afterAll(() => rmSync(contentDir, { recursive: true, force: true }));

const database = useTestDatabase();
const app = useBrowserApp(
  database,
  ({ db }) => seedDemo(db),
  () => ({ contentDir }),
);

/** Waits until the server holds what the runtime committed for this learner. */
async function runtimeSaved(staffId: number, check: (r: Record<string, unknown>) => boolean) {
  for (let i = 0; i < 100; i++) {
    const row = await database.current.db
      .selectFrom('scorm_runtime')
      .innerJoin('module_progress', 'module_progress.id', 'scorm_runtime.progress_id')
      .selectAll('scorm_runtime')
      .where('module_progress.staff_id', '=', staffId)
      .executeTakeFirst();
    if (row && check(row)) return row;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error('the runtime data never reached the server');
}

function packageFrame(page: Page) {
  return page.frameLocator('iframe[title^="教材"]');
}

describe('a SCORM package from upload to completion', () => {
  it('admin imports and publishes; the learner suspends on a phone, resumes on a desktop and passes', async () => {
    const db = database.current.db;
    const course = await makeCourse(db);
    const learner = await findStaffByLogin(db, DEMO_ACCOUNTS.staff);
    const adminRow = await findStaffByLogin(db, DEMO_ACCOUNTS.admin);
    if (!learner || !adminRow) throw new Error('demo data missing');

    // The admin uploads the package from the browser, checks it, saves it and publishes it.
    const admin = await app.signedInPage(DEMO_ACCOUNTS.admin);
    await admin.goto(app.url('/admin/e-learning/new'));
    await admin
      .getByRole('combobox')
      .first()
      .selectOption({ value: String(course.id) });
    // A package without a manifest is refused, in the admin's words (the API only names the problem).
    await admin.getByLabel('パッケージ（.zip）').setInputFiles({
      name: 'no-manifest.zip',
      mimeType: 'application/zip',
      buffer: Buffer.from(scormPackage('1.2', { manifest: null })),
    });
    await admin.getByRole('button', { name: '内容を確認' }).click();
    await admin
      .getByRole('alert')
      .filter({ hasText: 'パッケージの最上位に imsmanifest.xml がありません。' })
      .waitFor();
    await admin.getByLabel('パッケージ（.zip）').setInputFiles({
      name: 'security-basics.zip',
      mimeType: 'application/zip',
      buffer: Buffer.from(scormPackage('1.2', { title: 'セキュリティ基礎', passing: 80 })),
    });
    await admin.getByRole('button', { name: '内容を確認' }).click();
    await admin.getByText('SCORM 1.2', { exact: true }).waitFor();
    await admin.getByText('セキュリティ基礎', { exact: true }).waitFor();
    await admin.getByRole('button', { name: '新しい版として保存' }).click();
    await admin.waitForURL(/\/admin\/e-learning\/modules\/\d+$/);
    const moduleId = Number(/modules\/(\d+)$/.exec(admin.url())?.[1]);
    await admin.getByRole('button', { name: '公開する' }).click();
    await admin.getByText('版 1 を公開しました。').waitFor();

    // The course is assigned to the learner (as the absent rule or an admin would).
    const adminApi = await signedInAs(app.running.app, db, adminRow.id);
    const assigned = await adminApi.json('/api/e-learning/assignments', {
      staffId: learner.id,
      courseId: course.id,
      reason: 'SCORM browser test',
    });
    expect(assigned.status).toBe(201);

    // On a phone: start, then suspend part-way.
    const phone = await app.signedInPhone(DEMO_ACCOUNTS.staff);
    await phone.goto(app.url(`/e-learning/modules/${moduleId}`));
    await packageFrame(phone).getByText('new', { exact: true }).waitFor();
    await packageFrame(phone).getByRole('button', { name: 'Suspend' }).click();
    await packageFrame(phone).getByText('suspended').waitFor();
    await runtimeSaved(learner.id, (r) => r.location === 'page-2');

    // On a desktop: the package resumes where the phone left off, then the learner passes.
    const desktop = await app.signedInPage(DEMO_ACCOUNTS.staff);
    await desktop.goto(app.url(`/e-learning/modules/${moduleId}`));
    await packageFrame(desktop).getByText('resumed:page-2:answered=1').waitFor();
    await packageFrame(desktop).getByRole('button', { name: 'Answer and pass' }).click();
    const saved = await runtimeSaved(learner.id, (r) => r.lesson_status === 'passed');
    expect(saved.score).toBe(90);
    await desktop.getByText('今年度の研修の受講が記録されました。', { exact: false }).waitFor();

    expect(await assignmentStatus(db, learner.id, course.id)).toBe('completed');

    // My training shows the course completed by e-learning, with the package's score.
    await desktop.goto(app.url('/my-training'));
    await desktop
      .getByText('にeラーニングを修了しました（90点）。', { exact: false })
      .first()
      .waitFor();
  }, 120_000);
});
