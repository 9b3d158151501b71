import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { neutraliseCell, toCsv } from './csv.ts';

describe('CSV cells', () => {
  it.each([
    ['=HYPERLINK("http://x","y")', `'=HYPERLINK("http://x","y")`],
    ["=cmd|' /C calc'!A0", `'=cmd|' /C calc'!A0`],
    ['-1+1 三郎', `'-1+1 三郎`],
    ['+81 3 1234', `'+81 3 1234`],
    ['@SUM(A1)', `'@SUM(A1)`],
    ['\tx', `'\tx`],
    ['\rx', `'\rx`],
  ])('neutralises %j', (given, expected) => {
    expect(neutraliseCell(given)).toBe(expected);
  });

  it('leaves ordinary text, numbers and empty cells alone', () => {
    expect(neutraliseCell('山田 太郎')).toBe('山田 太郎');
    expect(neutraliseCell('a=b')).toBe('a=b');
    expect(neutraliseCell(-1)).toBe(-1);
    expect(neutraliseCell(null)).toBe('');
    expect(neutraliseCell(undefined)).toBe('');
  });
});

describe('toCsv', () => {
  it('writes a BOM, quotes what needs quoting, and reads back cell for cell', () => {
    const csv = toCsv(
      ['名前', 'note'],
      [
        ['山田, "太郎"', '=1+1'],
        ['a\nb', 3],
      ],
    );
    expect(csv.startsWith('\uFEFF')).toBe(true);
    const back = Papa.parse<string[]>(csv.slice(1), { skipEmptyLines: true }).data;
    expect(back).toEqual([
      ['名前', 'note'],
      ['山田, "太郎"', "'=1+1"],
      ['a\nb', '3'],
    ]);
  });
});
