import { makeOrgUnit, makeStaff } from '@kenshu/db/testing';
import { beforeAll, describe, expect, it } from 'vitest';
import { makePerson } from '../support/auth.ts';
import { accessibilityViolations, useBrowserApp } from '../support/browser.ts';
import { useTestDatabase } from '../support/database.ts';

const database = useTestDatabase();
const app = useBrowserApp(database);
let adminNumber: string;

beforeAll(async () => {
  adminNumber = (await makePerson(database.current.db, ['admin'])).staff_number;
});

async function auditCount(action: string, targetId: number) {
  const rows = await database.current.db
    .selectFrom('audit_log')
    .select('id')
    .where('action', '=', action)
    .where('target_id', '=', String(targetId))
    .execute();
  return rows.length;
}

describe('an admin keeps the organisation settings HR does not send', () => {
  it('sets a regional office to go straight to e-learning, and its units below follow', async () => {
    const db = database.current.db;
    const office = await makeOrgUnit(db, {
      kind: 'regional_office',
      name_ja: '北陸財務局',
      name_en: 'Hokuriku Local Finance Bureau',
    });
    const below = await makeOrgUnit(db, {
      parent_id: office.id,
      kind: 'division',
      name_ja: '北陸総務課',
      name_en: 'Hokuriku General Affairs',
    });
    await makeOrgUnit(db, { kind: 'agency', name_ja: '試験庁', name_en: 'Test Agency' });
    const page = await app.signedInPage(adminNumber);
    await page.goto(app.url(`/organisation?unit=${office.id}`));
    // An external agency (外局) shows its kind in the tree.
    await page.locator('.org-tree__name', { hasText: '試験庁' }).getByText('外局').waitFor();
    const settings = page.getByRole('region', { name: '北陸財務局の設定' });
    await settings.getByText('地方支分部局', { exact: true }).waitFor();
    await settings.getByText('この組織の職員は集合研修を受講できます。').waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);

    await settings
      .getByRole('checkbox', {
        name: 'この組織の職員は集合研修を受講できない（eラーニングで受講する）',
      })
      .check({ force: true });
    await settings.getByRole('button', { name: '集合研修の設定を保存' }).click();
    await settings.getByText('保存しました。').waitFor();
    await settings
      .getByText('この組織の職員は集合研修を受講できません（eラーニングで受講します）。')
      .waitFor();
    const saved = await db
      .selectFrom('org_unit')
      .select('has_group_sessions')
      .where('id', '=', office.id)
      .executeTakeFirstOrThrow();
    expect(saved.has_group_sessions).toBe(false);
    expect(await auditCount('org_unit.group_sessions_changed', office.id)).toBe(1);

    // The division below says why its staff cannot attend either.
    await page.goto(app.url(`/organisation?unit=${below.id}`));
    await page
      .getByRole('region', { name: '北陸総務課の設定' })
      .getByText(
        '上位の北陸財務局が集合研修を受講できない設定のため、この組織の職員も集合研修を受講できません。',
      )
      .waitFor();
  });

  it('makes a section head listed in a 係 oversee the whole 課, and back', async () => {
    const db = database.current.db;
    const bureau = await makeOrgUnit(db, { name_ja: '理財局', name_en: 'Financial Bureau' });
    const division = await makeOrgUnit(db, {
      parent_id: bureau.id,
      kind: 'division',
      name_ja: '理財総務課',
      name_en: 'Financial General Affairs Division',
    });
    const section = await makeOrgUnit(db, {
      parent_id: division.id,
      kind: 'section',
      name_ja: '庶務係',
      name_en: 'General Section',
    });
    const head = await makeStaff(db, {
      org_unit_id: section.id,
      is_section_head: true,
      family_name: '高橋',
      given_name: '誠',
    });
    const page = await app.signedInPage(adminNumber);
    await page.goto(app.url(`/organisation?unit=${division.id}`));
    const settings = page.getByRole('region', { name: '理財総務課の設定' });
    await settings.getByText('この組織を所管する課室情報セキュリティ責任者はいません。').waitFor();

    await settings
      .getByRole('searchbox', { name: 'この組織を所管する責任者を追加' })
      .fill(head.staff_number);
    await settings.getByRole('button', { name: '高橋 誠さんを選択' }).click();
    await settings.getByText('高橋 誠さんの所管組織を理財総務課にしました。').waitFor();
    const list = settings.getByRole('list', {
      name: 'この組織を所管する課室情報セキュリティ責任者',
    });
    await list.getByText('この組織を所管（管理者が設定。人事上の所属は庶務係）').waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);
    const set = await db
      .selectFrom('staff')
      .select('oversight_unit_id')
      .where('id', '=', head.id)
      .executeTakeFirstOrThrow();
    expect(set.oversight_unit_id).toBe(division.id);
    expect(await auditCount('section_head.oversight_changed', head.id)).toBe(1);

    await list.getByRole('button', { name: '高橋 誠：所属組織に戻す' }).click();
    await settings.getByText('高橋 誠さんの所管組織を庶務係にしました。').waitFor();
    await settings.getByText('この組織を所管する課室情報セキュリティ責任者はいません。').waitFor();
    expect(await auditCount('section_head.oversight_changed', head.id)).toBe(2);
  });
});
