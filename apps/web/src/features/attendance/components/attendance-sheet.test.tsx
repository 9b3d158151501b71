import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { mockApi } from '../../../testing/mock-api.ts';
import { renderApp } from '../../../testing/test-utils.tsx';
import type { AttendanceEntry, AttendanceSheet } from '../api/attendance-sheet.ts';

const HOUR = 3600_000;

function person(
  staffId: number,
  name: string,
  mark: AttendanceEntry['mark'] = null,
): AttendanceEntry {
  return {
    staffId,
    staffNumber: `S000${staffId}`,
    name,
    nameKana: 'かな',
    unitJa: '総務課',
    unitEn: 'General Affairs',
    booked: true,
    walkIn: false,
    mark,
    note: null,
    via: mark ? 'trainer' : null,
    checkedInAt: null,
    markedAt: null,
  };
}

function sheet(entries: AttendanceEntry[]): AttendanceSheet {
  const now = Date.now();
  return {
    sessionId: 5,
    startsAt: new Date(now - HOUR / 2).toISOString(),
    endsAt: new Date(now + HOUR).toISOString(),
    finalisedAt: null,
    markingOpensAt: new Date(now - HOUR).toISOString(),
    lockedAt: new Date(now + 7 * 24 * HOUR).toISOString(),
    canMark: true,
    entries,
    checkInRequests: [],
    checkInAttempts: [],
    wrongCodeLimit: 5,
  };
}

function counts() {
  const bar = document.querySelector('dl.attendance-counts');
  if (!bar) throw new Error('no counts');
  return Object.fromEntries(
    [...bar.querySelectorAll('div')].map((item) => [
      item.querySelector('dt')?.textContent,
      Number(item.querySelector('dd')?.textContent),
    ]),
  );
}

// jsdom has no CSS.escape, which react-aria's dialogs use when they open.
beforeEach(() => {
  vi.stubGlobal('CSS', { escape: (value: string) => value, supports: () => false });
});

// Each test first loads the lazily split sheet page, which jsdom takes its time over (15 s each).
describe('attendance sheet', () => {
  it('counts marks, marks with one tap at once, and saves with PUT', async () => {
    const entries = [
      person(1, '山田 花子', 'excused'),
      person(2, '鈴木 一郎'),
      person(3, '田中 次郎'),
    ];
    const fake = mockApi({
      '/api/sessions/5/attendance': () => ({ body: sheet(entries) }),
    });
    // The server answers a PUT only when the test says so, then keeps the mark.
    let answer: () => void = () => undefined;
    const puts: unknown[] = [];
    vi.stubGlobal('fetch', async (input: RequestInfo | URL, init?: RequestInit) => {
      if (init?.method !== 'PUT') return fake(input);
      const body: { marks: { staffId: number; mark: AttendanceEntry['mark'] }[] } = JSON.parse(
        String(init.body),
      );
      puts.push(body);
      await new Promise<void>((resolve) => {
        answer = resolve;
      });
      for (const m of body.marks) {
        const index = entries.findIndex((e) => e.staffId === m.staffId);
        const current = entries[index];
        if (current) entries[index] = { ...current, mark: m.mark };
      }
      return new Response(JSON.stringify({ changed: 1 }), {
        headers: { 'content-type': 'application/json' },
      });
    });
    await renderApp('/teaching/5');
    const list = await screen.findByRole('list', { name: '参加者' }, { timeout: 5000 });
    expect(within(list).getAllByRole('listitem')).toHaveLength(3);
    expect(counts()).toMatchObject({ 出席: 0, 公欠: 1, 未記録: 2 });

    const suzuki = screen.getByRole('radiogroup', { name: '鈴木 一郎の出欠' });
    fireEvent.click(within(suzuki).getByRole('radio', { name: '出席' }));
    // Shown (and counted) before the server answers.
    await waitFor(() => expect(counts()).toMatchObject({ 出席: 1, 未記録: 1 }));
    expect(within(suzuki).getByRole('radio', { name: '出席' }).getAttribute('aria-checked')).toBe(
      'true',
    );
    expect(puts).toEqual([{ marks: [{ staffId: 2, mark: 'present' }] }]);
    act(() => answer());
    await screen.findByText('鈴木 一郎: 出席を保存しました。');
    expect(counts()).toMatchObject({ 出席: 1, 公欠: 1, 未記録: 1 });
  }, 15_000);

  it('filters by name, kana or staff number', async () => {
    mockApi({
      '/api/sessions/5/attendance': () => ({
        body: sheet([person(1, '山田 花子'), person(2, '鈴木 一郎')]),
      }),
    });
    await renderApp('/teaching/5');
    const list = await screen.findByRole('list', { name: '参加者' }, { timeout: 5000 });
    const search = screen.getByRole('searchbox', { name: '名前・ふりがな・職員番号で検索' });
    act(() => {
      fireEvent.change(search, { target: { value: 'S0002' } });
    });
    expect(
      within(list)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual([expect.stringContaining('鈴木 一郎')]);
  }, 15_000);

  it('asks before marking the unmarked present, saying existing marks stay', async () => {
    const fetchMock = mockApi({
      '/api/sessions/5/attendance': () => ({
        body: sheet([person(1, '山田 花子', 'excused'), person(2, '鈴木 一郎')]),
      }),
      '/api/sessions/5/attendance/mark-unmarked-present': () => ({ body: { marked: 1 } }),
    });
    await renderApp('/teaching/5');
    fireEvent.click(
      await screen.findByRole('button', { name: '未記録を全員出席に' }, { timeout: 5000 }),
    );
    const dialog = await screen.findByRole('alertdialog', { name: '未記録の人を出席にしますか？' });
    expect(dialog.textContent).toContain('上書きしません');
    fireEvent.click(within(dialog).getByRole('button', { name: '出席にする' }));
    await screen.findByText('1名を出席にしました。');
    expect(
      fetchMock.mock.calls.some(([input]) =>
        String(input).endsWith('/attendance/mark-unmarked-present'),
      ),
    ).toBe(true);
  }, 15_000);
});
