import { describe, expect, it } from 'vitest';
import type { AttendanceEntry } from '../api/attendance-sheet.ts';
import {
  checkedInTime,
  countMarks,
  matchesSearch,
  newCheckIns,
  normaliseSearch,
  withPendingMarks,
} from './sheet.ts';

function entry(overrides: Partial<AttendanceEntry> & Pick<AttendanceEntry, 'staffId'>) {
  return {
    staffNumber: `S${overrides.staffId}`,
    name: '試験 太郎',
    nameKana: 'しけん たろう',
    unitJa: '総務課',
    unitEn: 'General Affairs',
    booked: true,
    walkIn: false,
    mark: null,
    note: null,
    via: null,
    checkedInAt: null,
    markedAt: null,
    ...overrides,
  } satisfies AttendanceEntry;
}

describe('countMarks', () => {
  it('counts each mark and the unmarked', () => {
    const counts = countMarks([
      { mark: 'present' },
      { mark: 'present' },
      { mark: 'late' },
      { mark: 'excused' },
      { mark: null },
    ]);
    expect(counts).toEqual({ present: 2, late: 1, absent: 0, excused: 1, unmarked: 1, total: 5 });
  });

  it('is all zeros for an empty attendance sheet', () => {
    expect(countMarks([])).toEqual({
      present: 0,
      late: 0,
      absent: 0,
      excused: 0,
      unmarked: 0,
      total: 0,
    });
  });
});

describe('withPendingMarks', () => {
  const entries = [
    entry({ staffId: 1, mark: 'excused', note: '出張' }),
    entry({ staffId: 2 }),
    entry({ staffId: 3, mark: 'present' }),
  ];

  it('shows marks being saved at once, the latest tap winning, and keeps notes unless changed', () => {
    const shown = withPendingMarks(entries, [
      { staffId: 2, mark: 'absent' },
      { staffId: 2, mark: 'late' },
      { staffId: 3, mark: 'present', note: null },
    ]);
    expect(shown.map((e) => [e.staffId, e.mark, e.note, e.saving])).toEqual([
      [1, 'excused', '出張', false],
      [2, 'late', null, true],
      [3, 'present', null, true],
    ]);
    expect(countMarks(shown)).toMatchObject({ late: 1, excused: 1, present: 1, unmarked: 0 });
  });

  it('changes nothing when nothing is pending', () => {
    expect(withPendingMarks(entries, []).map((e) => e.mark)).toEqual(['excused', null, 'present']);
  });
});

describe('search', () => {
  const person = entry({
    staffId: 1,
    name: '山田 花子',
    nameKana: 'やまだ はなこ',
    staffNumber: 'S0042',
  });

  it('finds people by name, kana (typed in katakana too) or staff number', () => {
    expect(matchesSearch(person, '山田')).toBe(true);
    expect(matchesSearch(person, 'やまだはなこ')).toBe(true);
    expect(matchesSearch(person, 'ヤマダ')).toBe(true);
    expect(matchesSearch(person, 's0042')).toBe(true);
    expect(matchesSearch(person, 'Ｓ００４２')).toBe(true);
    expect(matchesSearch(person, '  ')).toBe(true);
    expect(matchesSearch(person, '鈴木')).toBe(false);
  });

  it('normalises width, case, katakana and spaces', () => {
    expect(normaliseSearch('ヤマダ　ハナコ ＡＢ')).toBe('やまだはなこab');
  });
});

describe('newCheckIns', () => {
  it('lists only people who checked in since the last look', () => {
    const entries = [
      entry({ staffId: 1, checkedInAt: '2027-02-02T01:00:00Z', name: 'A' }),
      entry({ staffId: 2, checkedInAt: '2027-02-02T01:01:00Z', name: 'B' }),
      entry({ staffId: 3 }),
    ];
    expect(newCheckIns(entries, new Set([1]))).toEqual([{ staffId: 2, name: 'B' }]);
    expect(newCheckIns(entries, new Set([1, 2]))).toEqual([]);
  });

  it('counts a self check-in over an earlier mark, which carries its time in markedAt', () => {
    const over = entry({
      staffId: 4,
      via: 'check_in',
      markedAt: '2027-02-02T01:05:00Z',
      name: 'D',
    });
    expect(checkedInTime(over)).toBe('2027-02-02T01:05:00Z');
    expect(checkedInTime(entry({ staffId: 5, via: 'trainer', markedAt: 'x' }))).toBeNull();
    expect(newCheckIns([over], new Set())).toEqual([{ staffId: 4, name: 'D' }]);
  });
});
