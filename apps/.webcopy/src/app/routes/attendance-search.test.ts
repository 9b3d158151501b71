import { describe, expect, it } from 'vitest';
import { parseCheckInSearch, parseTeachingSearch } from './attendance-search.ts';

describe('attendance search params', () => {
  it('reads the QR link, dropping what does not fit', () => {
    expect(parseCheckInSearch({ session: '12', code: '012345' })).toEqual({
      session: 12,
      code: '012345',
    });
    expect(parseCheckInSearch({ session: 12, code: 123456 })).toEqual({
      session: 12,
      code: '123456',
    });
    expect(parseCheckInSearch({ session: 'x', code: '12345' })).toEqual({});
    expect(parseCheckInSearch({ session: -1, code: '1234567' })).toEqual({});
  });

  it('shows every session only when asked', () => {
    expect(parseTeachingSearch({ scope: 'all' })).toEqual({ scope: 'all' });
    expect(parseTeachingSearch({ scope: 'mine' })).toEqual({});
  });
});
