import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readStaffImportCsv, StaffImportCsvError, type CsvRow } from './read-csv.ts';

const dir = mkdtempSync(join(tmpdir(), 'kenshu-read-csv-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let files = 0;

async function read(content: string | Buffer): Promise<CsvRow[]> {
  const path = join(dir, `${(files += 1)}.csv`);
  writeFileSync(path, content);
  const rows: CsvRow[] = [];
  for await (const batch of readStaffImportCsv(path, 'auto', () => undefined)) rows.push(...batch);
  return rows;
}

describe('readStaffImportCsv', () => {
  it('numbers records by the line they start on, through blank lines and quoted line breaks', async () => {
    const rows = await read('a,b\r\n1,"two\r\nlines"\r\n\r\n3,x\r\n');
    expect(rows).toEqual([
      { line: 1, values: ['a', 'b'], garbled: false },
      { line: 2, values: ['1', 'two\r\nlines'], garbled: false },
      { line: 5, values: ['3', 'x'], garbled: false },
    ]);
  });

  it('reads LF files and a last line without a line break', async () => {
    expect(await read('a,b\n1,"x,y"\n2,z')).toEqual([
      { line: 1, values: ['a', 'b'], garbled: false },
      { line: 2, values: ['1', 'x,y'], garbled: false },
      { line: 3, values: ['2', 'z'], garbled: false },
    ]);
  });

  it('keeps records whole across chunk boundaries of a large file', async () => {
    const lines = Array.from({ length: 20_000 }, (_, i) => `${i},"名前 ${i}, ""引用"""`);
    const rows = await read(`n,name\n${lines.join('\n')}\n`);
    expect(rows).toHaveLength(20_001);
    expect(rows[12_345]).toEqual({
      line: 12_346,
      values: ['12344', '名前 12344, "引用"'],
      garbled: false,
    });
    expect(rows.at(-1)?.line).toBe(20_001);
  });

  it('marks the records whose bytes did not decode, and only those', async () => {
    const rows = await read(
      Buffer.concat([Buffer.from('a,b\n1,ok\n2,'), Buffer.from([0xff, 0x0a])]),
    );
    expect(rows.map((r) => r.garbled)).toEqual([false, false, true]);
  });

  it('stops at a quote left open instead of reading the rest of the file into one field', async () => {
    const rest = 'x,y\n'.repeat(50_000);
    const error = await read(`a,b\n1,"open\n${rest}`).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StaffImportCsvError);
    expect(error).toMatchObject({ line: 2, message: expect.stringMatching(/quote left open/) });
  });
});
