import { describe, expect, it } from 'vitest';
import { parseOrganisationSearch } from './organisation-search.ts';

describe('parseOrganisationSearch', () => {
  it('keeps valid parameters, whether the router parsed them to numbers or not', () => {
    expect(parseOrganisationSearch({ unit: 7, q: ' 山田 ', offset: '50', limit: 100 })).toEqual({
      unit: 7,
      q: '山田',
      offset: 50,
      limit: 100,
    });
  });

  it('drops what a hand-edited link got wrong instead of failing', () => {
    expect(parseOrganisationSearch({ unit: 'abc', q: '   ', offset: -5, limit: 7 })).toEqual({});
    expect(parseOrganisationSearch({ unit: 1.5, q: ['a'] })).toEqual({});
  });
});
