import { readFile } from 'node:fs/promises';
import { DEMO_ACCOUNTS, seedDemo, type Database } from '@kenshu/db';
import { currentFiscalYear, fiscalYearRange } from '@kenshu/domain';
import { sql } from 'kysely';
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { accessibilityViolations, useBrowserApp } from '../support/browser.ts';
import { useTestDatabase } from '../support/database.ts';

const database = useTestDatabase();
const app = useBrowserApp(database, async ({ db }) => {
  await seedDemo(db);
  await lastYear(db);
});

/**
 * The demo records this year only: give its people two years of membership and record last
 * year's all-staff course for two in three of them, so the five-year table has a closed year.
 */
async function lastYear(db: Database['db']) {
  const fy = currentFiscalYear(new Date()) - 1;
  const { firstDay } = fiscalYearRange(fy - 1);
  await sql`update staff_membership set valid_from = ${firstDay}::date
    where valid_to is null and valid_from > ${firstDay}::date`.execute(db);
  await sql`insert into completion (staff_id, course_id, fiscal_year, kind, reason, recorded_at)
    select s.id, c.id, ${fy}::int, 'credited', '前年度の記録',
      make_date(${fy}::int, 4, 1) + (s.id % 300) * interval '1 day'
    from staff s cross join course c
    where c.code = 'SEC-ALL' and s.active and s.id % 3 <> 0`.execute(db);
}

interface Coverage {
  required: number;
  completed: number;
  coverage: number | null;
}
interface Unit {
  id: number;
  kind: string;
  code: string;
  nameJa: string;
  depth: number;
  parentId: number | null;
  own: Coverage;
  subtree: Coverage;
}
interface Report {
  fiscalYear: number;
  overall: Coverage;
  units: Unit[];
  roleGroups: { group: string; counts: Coverage }[];
  progress: { required: number; weeks: { weekStart: string; cumulative: number }[] };
}

const GROUPS: Record<string, string> = {
  security_officers: '情報セキュリティ責任者等',
  system_officers: '情報システムセキュリティ責任者・PJMO',
  other_staff: 'その他の職員',
};

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** A number on the page that opens its people, by the words that name it ("課A: 対象者"). */
function figure(scope: Page | Locator, label: string): Locator {
  return scope.getByRole('button', { name: new RegExp(`^${escapeRegExp(label)}: [\\d,]+$`) });
}

async function numberIn(locator: Locator): Promise<number> {
  return Number((await locator.textContent())?.replace(/[^\d]/g, ''));
}

/** Coverage as the screen writes it (rounded down, so 100% means everyone), or a dash. */
function percent(c: Coverage): string {
  return c.coverage === null ? '—' : `${Math.floor(c.coverage * 1000) / 10}%`;
}

/** The admin on the reports page for the year under way, with the report the page shows. */
async function openReports(): Promise<{ page: Page; report: Report }> {
  const page = await app.signedInPage(DEMO_ACCOUNTS.admin);
  await page.goto(app.url('/reports'));
  await page.getByRole('heading', { level: 1, name: '研修実施状況の報告' }).waitFor();
  await page.getByRole('heading', { name: '組織ごとの把握率' }).waitFor();
  const res = await page.request.get(app.url('/api/reports/annual'));
  expect(res.status()).toBe(200);
  return { page, report: (await res.json()) as Report };
}

/** A CSV download's rows of cells, its byte-order mark checked and removed. */
async function downloadCsv(page: Page, link: string): Promise<string[][]> {
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('link', { name: link, exact: true }).click(),
  ]);
  const path = await download.path();
  const text = await readFile(path, 'utf8');
  expect(text.charCodeAt(0)).toBe(0xfeff);
  return text
    .slice(1)
    .trim()
    .split('\r\n')
    .map((line) => line.split(','));
}

describe('the reports page, for an admin', () => {
  it('shows coverage by bureau and by role group, as the API counts it', async () => {
    const { page, report } = await openReports();
    expect(report.overall.required).toBeGreaterThan(0);
    await page.getByText(percent(report.overall), { exact: true }).first().waitFor();
    expect(await numberIn(figure(page, '修了').first())).toBe(report.overall.completed);

    // The tree opens at the bureau level: every bureau is on screen with its whole subtree.
    const bureaus = report.units.filter((u) => u.kind === 'bureau');
    expect(bureaus.length).toBeGreaterThan(1);
    for (const b of bureaus) {
      expect(await numberIn(figure(page, `${b.nameJa}: 対象者`))).toBe(b.subtree.required);
      expect(await numberIn(figure(page, `${b.nameJa}: 修了`))).toBe(b.subtree.completed);
    }
    // 表4: the three role groups, which add up to the whole.
    for (const g of report.roleGroups) {
      const name = GROUPS[g.group] ?? g.group;
      expect(await numberIn(figure(page, `${name}: 対象者`))).toBe(g.counts.required);
      expect(await numberIn(figure(page, `${name}: 修了`))).toBe(g.counts.completed);
    }
    const sum = report.roleGroups.reduce((n, g) => n + g.counts.required, 0);
    expect(sum).toBe(report.overall.required);
    expect(await accessibilityViolations(page)).toEqual([]);
  });

  it('opens a bureau to its units, and a unit to its people', async () => {
    const { page, report } = await openReports();
    const bureau = report.units.find(
      (b) => b.kind === 'bureau' && report.units.some((u) => u.parentId === b.id),
    );
    if (!bureau) throw new Error('the demo has a bureau with units below it');
    const children = report.units.filter((u) => u.parentId === bureau.id);
    const child = children[0];
    if (!child) throw new Error('the bureau has units');
    expect(await figure(page, `${child.nameJa}: 対象者`).count()).toBe(0);
    await page.getByRole('button', { name: `${bureau.nameJa}の下位組織を表示` }).click();
    for (const c of children) {
      expect(await numberIn(figure(page, `${c.nameJa}: 対象者`))).toBe(c.subtree.required);
    }
    // Roll-up: the bureau's own staff and its units make its figure.
    expect(bureau.own.required + children.reduce((n, c) => n + c.subtree.required, 0)).toBe(
      bureau.subtree.required,
    );

    // Drill down: the unit's "required" opens exactly that many people, all from that unit.
    await figure(page, `${child.nameJa}: 対象者`).click();
    const panel = page.locator('section', {
      has: page.getByRole('heading', { name: `職員一覧: ${child.nameJa}: 対象者` }),
    });
    await panel.getByText(`${child.subtree.required}名`, { exact: true }).waitFor();
    const rows = panel.getByRole('table').locator('tbody tr');
    expect(await rows.count()).toBe(Math.min(child.subtree.required, 50));
    const unitNames = new Set(
      report.units.filter((u) => u.id === child.id || u.parentId === child.id).map((u) => u.nameJa),
    );
    for (const cell of await rows.locator('td:nth-child(3)').allTextContents()) {
      expect(unitNames.has(cell.trim()), cell).toBe(true);
    }
    // The not-completed people of the same unit have no completion date.
    await figure(page, `${child.nameJa}: 未修了`).click();
    const notDone = page.locator('section', {
      has: page.getByRole('heading', { name: `職員一覧: ${child.nameJa}: 未修了` }),
    });
    const missing = child.subtree.required - child.subtree.completed;
    await notDone.getByText(`${missing}名`, { exact: true }).waitFor();
    const dates = await notDone
      .getByRole('table')
      .locator('tbody tr td:nth-child(7)')
      .allTextContents();
    expect(dates).toEqual(Array.from({ length: Math.min(missing, 50) }, () => '—'));
  });

  it('shows five fiscal years side by side, the chosen one last and equal to the report', async () => {
    const { page, report } = await openReports();
    const history = page.locator('section', {
      has: page.getByRole('heading', { name: '過去5年度の推移(表3)' }),
    });
    const headers = history.getByRole('columnheader');
    await headers.first().waitFor();
    expect(await headers.allTextContents()).toEqual(
      Array.from({ length: 5 }, (_, i) => `令和${report.fiscalYear - 2018 - 4 + i}年度`),
    );
    const res = await page.request.get(app.url('/api/reports/history'));
    const years = ((await res.json()) as { years: { fiscalYear: number; overall: Coverage }[] })
      .years;
    expect(years.at(-1)?.overall).toEqual(report.overall);
    for (const y of years) {
      const label = `令和${y.fiscalYear - 2018}年度 把握率(全体)`;
      expect(await numberIn(figure(history, `${label}: 対象者`))).toBe(y.overall.required);
      expect(await numberIn(figure(history, `${label}: 修了`))).toBe(y.overall.completed);
    }
    // Last year is closed and counted from recorded history.
    const last = years.at(-2)?.overall;
    expect(last?.required).toBeGreaterThan(0);
    expect(last?.completed).toBeGreaterThan(0);
    expect(last?.completed).toBeLessThan(last?.required ?? 0);
  });

  it('draws the weekly progress chart from the same figures as its table', async () => {
    const { page, report } = await openReports();
    const section = page.locator('section', {
      has: page.getByRole('heading', { name: '週ごとの修了者数の累計' }),
    });
    const plot = section.locator('.recharts-cartesian-grid');
    await plot.waitFor();
    await section.locator('summary', { hasText: '週ごとの修了者数(表)' }).click();
    const table = section.getByRole('table', { name: '週ごとの修了者数(表)' });
    await table.waitFor();
    const byWeek = new Map<string, number>();
    for (const row of await table.locator('tbody tr').all()) {
      const week = (await row.getByRole('rowheader').textContent())?.trim() ?? '';
      byWeek.set(week, Number(await row.locator('td').nth(1).textContent()));
    }
    expect([...byWeek.keys()]).toEqual(report.progress.weeks.map((w) => w.weekStart));
    // The table ends on the year's completions so far, and every row shows the required line.
    expect([...byWeek.values()].at(-1)).toBe(report.overall.completed);
    const requiredCells = await table.locator('tbody tr td:nth-child(4)').allTextContents();
    expect(new Set(requiredCells)).toEqual(new Set([String(report.progress.required)]));

    // Point at the chart across its width: each tooltip shows a week and its table figure.
    const box = await plot.boundingBox();
    if (!box) throw new Error('the chart is drawn');
    const tooltip = section.locator('.recharts-tooltip-wrapper');
    const seen = new Set<string>();
    for (const at of [0.02, 0.3, 0.6, 0.99]) {
      await page.mouse.move(box.x + box.width * at, box.y + box.height / 2);
      await tooltip.getByText('累計').waitFor();
      const week = (await tooltip.locator('.recharts-tooltip-label').textContent())?.trim() ?? '';
      const value = Number(await tooltip.locator('.recharts-tooltip-item-value').textContent());
      expect(byWeek.has(week), week).toBe(true);
      expect(value, week).toBe(byWeek.get(week));
      seen.add(week);
    }
    expect(seen.size).toBeGreaterThan(1);
    expect(seen.has(report.progress.weeks.at(-1)?.weekStart ?? '')).toBe(true);
    // The required total is drawn as a labelled line.
    await section.locator('svg text', { hasText: '対象者数' }).first().waitFor();
  });

  it('draws an audit sample of ⌈√N⌉ completed people, and draws it again from its seed', async () => {
    const { page, report } = await openReports();
    const section = page.locator('section', {
      has: page.getByRole('heading', { name: '監査用サンプル' }),
    });
    await section.getByRole('button', { name: 'サンプルを抽出' }).click();
    const status = section.getByRole('status').filter({ hasText: '抽出しました' });
    await status.waitFor();
    const [, population, size, seed] =
      /(\d+)名から(\d+)名を抽出しました.シード値 ([0-9a-f]+)/.exec(
        (await status.textContent()) ?? '',
      ) ?? [];
    expect(Number(population)).toBe(report.overall.completed);
    expect(Number(size)).toBe(Math.ceil(Math.sqrt(report.overall.completed)));
    const rows = section.getByRole('table').locator('tbody tr');
    expect(await rows.count()).toBe(Number(size));
    const drawn = await rows.locator('td:nth-child(2)').allTextContents();
    expect(new Set(drawn).size).toBe(Number(size));
    // Each line carries its evidence.
    for (const evidence of await rows.locator('td:nth-child(6)').allTextContents()) {
      expect(evidence.trim()).not.toBe('');
    }

    await section.getByRole('textbox', { name: 'シード値(再現する場合のみ)' }).fill(seed ?? '');
    await section.getByRole('button', { name: 'サンプルを抽出' }).click();
    await section
      .getByRole('listitem')
      .filter({ hasText: `シード値 ${seed}` })
      .nth(1)
      .waitFor();
    expect(await rows.locator('td:nth-child(2)').allTextContents()).toEqual(drawn);
  });

  it('downloads CSVs whose figures are the ones on the screen', async () => {
    const { page, report } = await openReports();
    const units = await downloadCsv(page, '組織ごと (CSVをダウンロード)');
    expect(units[0]?.slice(0, 7)).toEqual([
      '組織コード',
      '組織',
      '上位組織コード',
      '階層',
      '対象者数',
      '修了者数',
      '把握率(%)',
    ]);
    for (const b of report.units.filter((u) => u.kind === 'bureau')) {
      const line = units.find((row) => row[0] === b.code);
      const onScreen = page
        .locator('.report-units tbody tr')
        .filter({ has: figure(page, `${b.nameJa}: 対象者`) });
      const required = await numberIn(figure(onScreen, `${b.nameJa}: 対象者`));
      const completed = await numberIn(figure(onScreen, `${b.nameJa}: 修了`));
      const shown = (await onScreen.locator('td').nth(3).textContent())?.trim();
      expect(line?.slice(1, 2)).toEqual([b.nameJa]);
      expect(line?.slice(4, 7)).toEqual([
        String(required),
        String(completed),
        shown === '—' ? '' : shown?.replace('%', ''),
      ]);
    }

    const groups = await downloadCsv(page, '区分ごと (CSVをダウンロード)');
    for (const [group, name] of Object.entries(GROUPS)) {
      const line = groups.find((row) => row[0] === name);
      const required = await numberIn(figure(page, `${name}: 対象者`));
      const completed = await numberIn(figure(page, `${name}: 修了`));
      expect(line?.slice(1, 3), group).toEqual([String(required), String(completed)]);
    }
    expect(groups.at(-1)?.slice(0, 3)).toEqual([
      '合計',
      String(report.overall.required),
      String(report.overall.completed),
    ]);

    // The people behind a figure download as the same list.
    await figure(page, '修了').first().click();
    const panel = page.locator('section', {
      has: page.getByRole('heading', { name: '職員一覧: 修了' }),
    });
    await panel.getByText(`${report.overall.completed}名`, { exact: true }).waitFor();
    const people = await downloadCsv(page, 'CSVをダウンロード');
    expect(people.length - 1).toBe(report.overall.completed);
    const firstPage = await panel
      .getByRole('table')
      .locator('tbody tr td:nth-child(1)')
      .allTextContents();
    expect(people.slice(1, 1 + firstPage.length).map((row) => row[0])).toEqual(firstPage);
  });

  it('prints a one-page summary in Japanese, and in English on request', async () => {
    const { page, report } = await openReports();
    const [summary] = await Promise.all([
      page.context().waitForEvent('page'),
      page.getByRole('link', { name: '年次報告(1ページ)' }).click(),
    ]);
    await summary.waitForLoadState();
    const era = `令和${report.fiscalYear - 2018}年度`;
    await summary
      .getByRole('heading', { level: 1, name: `情報セキュリティ研修 実施状況 — ${era}` })
      .waitFor();
    const overall = await page.locator('.report-overall__figure strong').textContent();
    expect(await summary.locator('.big').textContent()).toBe(overall);
    // The bureau table: the screen's figures.
    for (const b of report.units.filter((u) => u.kind === 'bureau')) {
      const row = summary.locator('tr', { has: summary.locator('th', { hasText: b.nameJa }) });
      const cells = await row.locator('td').allTextContents();
      expect(cells, b.nameJa).toEqual([
        b.subtree.required.toLocaleString(),
        b.subtree.completed.toLocaleString(),
        percent(b.subtree),
      ]);
    }
    // It prints on one A4 sheet.
    const pdf = Buffer.from(await summary.pdf({ format: 'A4', preferCSSPageSize: true }));
    expect(pdf.toString('latin1').match(/\/Type\s*\/Page\b/g)).toHaveLength(1);

    const url = new URL(summary.url());
    expect(url.searchParams.get('lang')).toBe('ja');
    url.searchParams.set('lang', 'en');
    await summary.goto(url.toString());
    await summary
      .getByRole('heading', {
        level: 1,
        name: `Information-security training: annual summary — FY${report.fiscalYear}`,
      })
      .waitFor();
    expect(await summary.locator('html').getAttribute('lang')).toBe('en');
    expect(await summary.locator('.big').textContent()).toBe(overall);
    await summary.getByRole('heading', { name: 'By bureau' }).waitFor();
    const english = Buffer.from(await summary.pdf({ format: 'A4', preferCSSPageSize: true }));
    expect(english.toString('latin1').match(/\/Type\s*\/Page\b/g)).toHaveLength(1);
  });
});
