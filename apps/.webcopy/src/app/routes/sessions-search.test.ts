import { describe, expect, it } from 'vitest';
import { parseAdminSessionsSearch, parseSessionFinderSearch } from './sessions-search.ts';

describe('session finder URL filters', () => {
  it('reads every filter', () => {
    expect(
      parseSessionFinderSearch({ course: 3, month: '2027-02', venue: ' 第1会議室 ', seats: true }),
    ).toEqual({ course: 3, month: '2027-02', venue: '第1会議室', seats: true });
  });

  it('accepts what a hand-typed URL gives as strings', () => {
    expect(parseSessionFinderSearch({ course: '12', seats: 'true' })).toEqual({
      course: 12,
      seats: true,
    });
  });

  it('drops bad or empty values instead of failing', () => {
    expect(
      parseSessionFinderSearch({
        course: 'abc',
        month: '2027-13',
        venue: '   ',
        seats: 'no',
      }),
    ).toEqual({});
    expect(parseSessionFinderSearch({ course: -1, month: 202702, seats: false })).toEqual({});
  });

  it('caps a very long venue', () => {
    expect(parseSessionFinderSearch({ venue: 'あ'.repeat(300) }).venue).toHaveLength(100);
  });
});

describe('admin sessions URL state', () => {
  it('reads the calendar view and month, dropping anything else', () => {
    expect(parseAdminSessionsSearch({ view: 'calendar', month: '2026-09', course: '2' })).toEqual({
      view: 'calendar',
      month: '2026-09',
      course: 2,
    });
    expect(parseAdminSessionsSearch({ view: 'grid', month: 'Sept' })).toEqual({});
  });
});
