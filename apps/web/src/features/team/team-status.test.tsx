import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { parseTeamSearch } from '../../app/routes/team-search.ts';
import { FISCAL_YEAR_2026, MINISTRY, orgUnit } from '../../testing/fixtures.ts';
import { mockApi } from '../../testing/mock-api.ts';
import { renderApp } from '../../testing/test-utils.tsx';
import { coveragePercent } from './utils/coverage.ts';
import { overseenUnits } from './utils/overseen-units.ts';
import { mergePageSelection } from './utils/page-selection.ts';

describe('parseTeamSearch', () => {
  it('keeps valid parameters, whether the router parsed them to numbers or not', () => {
    expect(
      parseTeamSearch({
        course: '3',
        unit: 8,
        status: 'not_started',
        q: ' 山田 ',
        offset: '50',
        limit: 25,
      }),
    ).toEqual({ course: 3, unit: 8, status: 'not_started', q: '山田', offset: 50, limit: 25 });
    expect(parseTeamSearch({ status: 'all' })).toEqual({ status: 'all' });
    expect(parseTeamSearch({ year: '2025' })).toEqual({ year: 2025 });
  });

  it('leaves the default status out, so the plain address is the usual view', () => {
    expect(parseTeamSearch({ status: 'not_completed' })).toEqual({});
    expect(parseTeamSearch({})).toEqual({});
  });

  it('drops what a hand-edited link got wrong instead of failing', () => {
    expect(
      parseTeamSearch({ course: 0, unit: 'abc', status: 'done', q: '  ', offset: -5, limit: 7 }),
    ).toEqual({});
    expect(parseTeamSearch({ course: 1.5, unit: -2, status: ['all'], q: ['a'] })).toEqual({});
    expect(parseTeamSearch({ q: 'x'.repeat(150) }).q).toHaveLength(100);
    expect(parseTeamSearch({ year: 1999 })).toEqual({});
    expect(parseTeamSearch({ year: '2025.5' })).toEqual({});
  });
});

describe('coveragePercent', () => {
  it('is the share of people who must take the course who have completed it', () => {
    expect(coveragePercent({ required: 15, completed: 5 })).toBe(33);
    expect(coveragePercent({ required: 4, completed: 4 })).toBe(100);
    expect(coveragePercent({ required: 4, completed: 0 })).toBe(0);
  });

  it('shows 100% only when everyone is done, and 0% only when nobody is', () => {
    expect(coveragePercent({ required: 1000, completed: 999 })).toBe(99);
    expect(coveragePercent({ required: 1000, completed: 1 })).toBe(1);
  });

  it('has no value when nobody must take the course', () => {
    expect(coveragePercent({ required: 0, completed: 0 })).toBeNull();
  });
});

describe('overseenUnits', () => {
  const viewer = {
    orgUnitId: 8,
    isAdmin: false,
    isSectionHead: false,
    isUnitSecurityOfficer: false,
  };
  const ids = (units: { id: number }[]) => units.map((u) => u.id);

  it("gives a section head their own unit and what is under it, an officer their bureau's", () => {
    const units = [...MINISTRY, orgUnit({ id: 9, parentId: 8, depth: 3, kind: 'section' })];
    expect(ids(overseenUnits(units, { ...viewer, isSectionHead: true }))).toEqual([8, 9]);
    expect(ids(overseenUnits(units, { ...viewer, isUnitSecurityOfficer: true }))).toEqual([
      7, 8, 9,
    ]);
    expect(
      ids(overseenUnits(units, { ...viewer, isSectionHead: true, isUnitSecurityOfficer: true })),
    ).toEqual([7, 8, 9]);
    expect(ids(overseenUnits(units, { ...viewer, isAdmin: true }))).toEqual([1, 7, 8, 9, 10]);
    expect(overseenUnits(units, viewer)).toEqual([]);
  });
});

describe('mergePageSelection', () => {
  it("keeps other pages' choices and makes this page's exactly the new choice", () => {
    const before = new Set([1, 2, 10]);
    expect([...mergePageSelection(before, [10, 11, 12], 'all')].sort()).toEqual([1, 10, 11, 12, 2]);
    expect([...mergePageSelection(before, [10, 11, 12], new Set([11]))]).toEqual([1, 2, 11]);
    expect([...mergePageSelection(before, [10, 11, 12], new Set())]).toEqual([1, 2]);
  });
});

const COURSE = { id: 3, code: 'SEC-ALL', titleJa: '情報セキュリティ研修', titleEn: 'Security' };

function person(staffId: number, status: string, score: number | null = null) {
  return {
    staffId,
    staffNumber: `S${String(staffId).padStart(4, '0')}`,
    name: `山田 ${staffId}`,
    nameKana: 'やまだ',
    email: `s${staffId}@example.jp`,
    unit: { id: 8, nameJa: '総務課', nameEn: 'General Affairs Division' },
    status,
    score,
  };
}

describe('team page', () => {
  // jsdom has no CSS.escape, which react-aria's dialogs use when they open.
  beforeEach(() => {
    vi.stubGlobal('CSS', { escape: (value: string) => value, supports: () => false });
  });

  // The page is split out lazily, which jsdom takes its time over.
  it('shows counts and coverage, keeps filters in the URL, and reminds the chosen people', async () => {
    const reminded: unknown[] = [];
    const fetchMock = mockApi({
      '/api/fiscal-years/current': () => ({ status: 500, body: {} }),
      '/api/org-units': () => ({ body: { items: MINISTRY } }),
      '/api/courses': () => ({ body: { items: [] } }),
      '/api/team/status': () => ({
        body: {
          course: COURSE,
          fiscalYear: 2026,
          counts: {
            required: 8,
            completed: 2,
            booked: 1,
            waiting: 0,
            eLearningAssigned: 1,
            notStarted: 4,
          },
          items: [
            person(11, 'not_started'),
            person(12, 'booked'),
            person(13, 'completed', 90),
            person(14, 'completed'),
          ],
          total: 4,
        },
      }),
      '/api/team/reminders/preview': () => ({
        body: {
          course: { id: COURSE.id, titleJa: COURSE.titleJa, titleEn: COURSE.titleEn },
          fiscalYear: 2026,
          matching: 1,
          recipients: 1,
          skipped: [
            {
              reason: 'already_booked',
              count: 1,
              people: [{ staffId: 12, staffNumber: 'S0012', name: '山田 12' }],
            },
          ],
          noAddress: { count: 0, people: [] },
          messages: {
            ja: { subject: '【研修】受講のお願い: 情報セキュリティ研修', body: '山田 11 様' },
            en: { subject: 'Reminder: please complete Security', body: 'Dear 山田 11' },
          },
        },
      }),
      '/api/team/reminders': () => {
        reminded.push(true);
        return {
          body: { reminded: 1, skipped: 0, skippedBy: {}, emailQueued: 1, noAddress: 0 },
        };
      },
    });
    const { router } = await renderApp('/team?status=all');

    const meter = await screen.findByRole('meter', { name: '把握率' });
    expect(meter.getAttribute('aria-valuetext')).toBe('25%（8名中 2名修了）');
    expect(router.state.location.search).toEqual({ status: 'all' });
    const statusUrls = fetchMock.mock.calls
      .map(([input]) => String(input))
      .filter((u) => u.startsWith('/api/team/status'));
    expect(statusUrls.at(-1)).toBe('/api/team/status?limit=50&offset=0');

    const table = screen.getByRole('grid', { name: '情報セキュリティ研修の受講状況' });
    // A completion by e-learning says its score; one made otherwise says only that it is done.
    expect(
      within(within(table).getByRole('row', { name: /S0013/ })).getByText(
        '修了（eラーニング・90点）',
      ),
    ).toBeTruthy();
    expect(
      within(within(table).getByRole('row', { name: /S0014/ })).getByText('修了'),
    ).toBeTruthy();
    const row = within(table).getByRole('row', { name: /S0011/ });
    fireEvent.click(within(row).getByRole('checkbox'));
    expect(await screen.findByText('1名を選択中')).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: '選択した職員にリマインド（1名）' }));
    const dialog = await screen.findByRole('dialog', { name: 'リマインドを送る' });
    expect(await within(dialog).findByText('予約済み・出欠確認中（1名）')).toBeTruthy();
    expect(within(dialog).getByText('【研修】受講のお願い: 情報セキュリティ研修')).toBeTruthy();
    const send = await within(dialog).findByRole('button', { name: '1名に送信する' });
    await waitFor(() => expect(send.getAttribute('disabled')).toBeNull());
    fireEvent.click(send);
    expect(
      await screen.findByText(
        '1名にリマインドを送りました（メール1通、アプリのみ0名）。0名には送りませんでした。',
      ),
    ).toBeTruthy();
    expect(reminded).toHaveLength(1);
  }, 20_000);

  it("shows last year's list for reading only, and opens records of that year", async () => {
    const fetchMock = mockApi({
      '/api/fiscal-years/current': () => ({ body: FISCAL_YEAR_2026 }),
      '/api/org-units': () => ({ body: { items: MINISTRY } }),
      '/api/courses': () => ({ body: { items: [] } }),
      '/api/team/status': (url) => ({
        body: {
          course: COURSE,
          fiscalYear: Number(url.searchParams.get('fiscalYear') ?? 2026),
          counts: {
            required: 2,
            completed: 1,
            booked: 0,
            waiting: 0,
            eLearningAssigned: 0,
            notStarted: 1,
          },
          items: [person(11, 'not_started'), person(12, 'completed')],
          total: 2,
        },
      }),
      '/api/staff/11/training': (url) => ({
        body: { fiscalYear: Number(url.searchParams.get('fiscalYear') ?? 2026), items: [] },
      }),
    });
    const { router } = await renderApp('/team?year=2025');

    expect(
      await screen.findByText(
        '令和7年度の受講状況は閲覧のみです。リマインドは今年度（令和8年度）の受講状況からのみ送れます。',
      ),
    ).toBeTruthy();
    expect(router.state.location.search).toEqual({ year: 2025 });
    const urls = () => fetchMock.mock.calls.map(([input]) => String(input));
    expect(
      urls()
        .filter((u) => u.startsWith('/api/team/status'))
        .at(-1),
    ).toBe('/api/team/status?limit=50&offset=0&fiscalYear=2025&status=not_completed');
    expect(screen.queryByRole('button', { name: /リマインド/ })).toBeNull();
    const table = screen.getByRole('grid', { name: '情報セキュリティ研修の受講状況' });
    expect(within(table).queryAllByRole('checkbox')).toHaveLength(0);

    fireEvent.click(within(table).getByRole('button', { name: '山田 11の受講記録' }));
    const record = await screen.findByRole('dialog', { name: '山田 11の受講記録' });
    expect(await within(record).findByText(/令和7年度/)).toBeTruthy();
    expect(urls()).toContain('/api/staff/11/training?fiscalYear=2025');
  }, 20_000);
});
