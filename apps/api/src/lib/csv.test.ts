import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
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

describe('one CSV writer', () => {
  // Every CSV the app hands out must be neutralised, so no other file may write CSV: no other
  // serialiser import, no hand-built text/csv answer, no CSV made in the browser.
  const root = fileURLToPath(new URL('../../../..', import.meta.url));
  const sources = ['apps/api/src', 'apps/web/src', 'packages']
    .flatMap((dir) =>
      readdirSync(join(root, dir), { recursive: true, encoding: 'utf8' }).map((f) => join(dir, f)),
    )
    .filter((f) => /\.(ts|tsx)$/.test(f) && !/\.test\.tsx?$/.test(f) && !f.includes('node_modules'))
    .map((f) => ({ file: f, text: readFileSync(join(root, f), 'utf8') }));

  it('is the only file that serialises CSV or answers text/csv', () => {
    expect(sources.length).toBeGreaterThan(100);
    const writers = sources
      .filter(({ text }) =>
        [/csv-stringify/, /\bunparse\(/, /['"]content-type['"]:\s*['"]text\/csv/i].some((p) =>
          p.test(text),
        ),
      )
      .map(({ file }) => file);
    expect(writers).toEqual(['apps/api/src/lib/csv.ts']);
    const browserCsv = sources.filter(
      ({ file, text }) => file.startsWith('apps/web') && /new Blob\(|text\/csv['"]\s*}/.test(text),
    );
    expect(browserCsv.map(({ file }) => file)).toEqual([]);
  });

  it('is what every CSV route answers with', () => {
    const csvRoutes = sources.filter(
      ({ file, text }) => file.startsWith('apps/api/src/routes') && /\.csv\b/.test(text),
    );
    expect(csvRoutes.map(({ file }) => file).sort()).toEqual([
      'apps/api/src/routes/attendance.ts',
      'apps/api/src/routes/audit-log.ts',
      'apps/api/src/routes/reports.ts',
      'apps/api/src/routes/team.ts',
    ]);
    for (const { text } of csvRoutes) expect(text).toContain('csvHeaders(');
  });
});
