import { execFile } from 'node:child_process';
import { createReadStream, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { loadConfig } from '@kenshu/api/config';
import { applyStaffImport, discardUpload, receiveUpload } from '@kenshu/api/staff-import';
import type { StaffImportResult } from '@kenshu/contracts';
import { STAFF_IMPORT_COLUMNS } from '@kenshu/domain';
import { generateMinistry, writeStaffImportCsv, type Ministry } from '../../generator/index.ts';
import { actingAs } from '../acting-as.ts';
import { makePerson } from '../../support/auth.ts';
import {
  formatNumber,
  median,
  rowsPerSecond,
  type BenchContext,
  type Benchmark,
} from '../harness.ts';

const run = promisify(execFile);
const root = fileURLToPath(new URL('../../..', import.meta.url));

/**
 * The staff import, end to end below HTTP (spool the file, decode, parse, validate, diff,
 * stage, set-based apply, history, audit; one transaction): 80,000 people into an empty
 * database against a plain COPY of the same file into a bare table. Then a re-import with 1%
 * of the people changed (time, ratio to the first import, records changed), and the peak memory of
 * an import of 80,000 and of 400,000 people, each measured in a child process of its own. A
 * floor figure says what inserting the same rows into the real tables costs by itself.
 */
export const staffImport: Benchmark = {
  name: 'staff-import',
  description: 'staff import (80,000 people) vs. COPY of the file; 1% re-import; peak RSS',
  async run(ctx) {
    const dir = mkdtempSync(join(tmpdir(), 'kenshu-bench-staff-import-'));
    try {
      const ministry = generateMinistry({ seed: 2026 });
      const first = join(dir, 'staff.csv');
      const changed = join(dir, 'staff-import-1pct.csv');
      await writeStaffImportCsv(ministry, first);
      await writeStaffImportCsv(changeOnePercent(ministry), changed);
      const records = readFileSync(first, 'utf8').replace(/^[^\n]*\n/, '');
      const bareColumns = STAFF_IMPORT_COLUMNS.map((c) => `${c} text`).join(', ');
      await ctx.exec(`CREATE TABLE bare_staff_import (${bareColumns})`);

      let adminId = 0;
      const reset = async () => {
        await ctx.exec(
          'TRUNCATE org_unit, staff, staff_membership, roster_import RESTART IDENTITY CASCADE',
        );
        adminId = (await makePerson(ctx.db, ['admin'])).id;
      };
      const { subject, baseline } = await ctx.compare(
        {
          label: 'staff import',
          reset,
          run: async () => void (await importFile(ctx, adminId, first)),
        },
        {
          label: 'COPY into a bare table',
          reset: () => ctx.exec('TRUNCATE bare_staff_import'),
          run: () =>
            ctx.copyCsv([
              { table: 'bare_staff_import', columns: STAFF_IMPORT_COLUMNS, csv: records },
            ]),
        },
      );

      // What writing these people costs at the least: the rows the import made, copied
      // table to table into staff and staff_membership with their indexes and keys in place
      // (no file, no parsing, no checks). The import's ratio to COPY cannot go below this one's.
      await reset();
      await importFile(ctx, adminId, first);
      await ctx.exec(`
        CREATE TABLE floor_staff AS SELECT * FROM staff WHERE id <> ${adminId};
        CREATE TABLE floor_membership AS SELECT * FROM staff_membership WHERE staff_id <> ${adminId}`);
      const floorMs: number[] = [];
      for (let i = 0; i < ctx.repeat; i++) {
        await ctx.exec(`DELETE FROM staff_membership WHERE staff_id <> ${adminId};
          DELETE FROM staff WHERE id <> ${adminId}`);
        await ctx.exec('VACUUM staff, staff_membership');
        const started = performance.now();
        await ctx.exec(`BEGIN;
          INSERT INTO staff OVERRIDING SYSTEM VALUE SELECT * FROM floor_staff ORDER BY id;
          INSERT INTO staff_membership OVERRIDING SYSTEM VALUE SELECT * FROM floor_membership ORDER BY id;
          COMMIT`);
        floorMs.push(performance.now() - started);
      }
      await ctx.exec('DROP TABLE floor_staff, floor_membership');
      const floor = median(floorMs);

      // The re-import starts from the first import each time; only the re-import is timed.
      const reimportMs: number[] = [];
      let written = 0;
      for (let i = 0; i < ctx.repeat; i++) {
        await reset();
        await importFile(ctx, adminId, first);
        const started = performance.now();
        const result = await importFile(ctx, adminId, changed);
        reimportMs.push(performance.now() - started);
        const { staff, units } = result.counts;
        written =
          staff.new +
          staff.changed +
          staff.moved +
          staff.deactivated +
          units.new +
          units.changed +
          units.moved;
        if (result.counts.staff.unchanged !== ministry.staff.length - CHANGED(ministry)) {
          throw new Error(`re-import saw ${JSON.stringify(result.counts.staff)}`);
        }
      }
      const reimport = median(reimportMs);

      const big = join(dir, 'staff-import-400k.csv');
      await writeStaffImportCsv(generateMinistry({ seed: 2027, staff: 400_000 }), big);
      const memory80 = await measureInChild(first, ctx.kind);
      const memory400 = await measureInChild(big, ctx.kind);

      const staff = ministry.staff.length;
      return {
        subject,
        baseline,
        figures: [
          ['rows/s', `${rowsPerSecond(staff, subject)} vs ${rowsPerSecond(staff, baseline)}`],
          [
            'floor (same rows into the indexed tables)',
            `${formatNumber(floor)} ms (${(floor / baseline.medianMs).toFixed(2)}× COPY)`,
          ],
          [
            're-import 1%',
            `${formatNumber(reimport)} ms (${(reimport / subject.medianMs).toFixed(2)}× first import)`,
          ],
          ['records changed by re-import', formatNumber(written)],
          [
            'peak RSS 80k / 400k',
            `${formatNumber(memory80.peakRssMb)} / ${formatNumber(memory400.peakRssMb)} MB ` +
              `(after opening the database ${formatNumber(memory80.rssBeforeMb)} / ${formatNumber(memory400.rssBeforeMb)} MB; ` +
              `400k import ${formatNumber(memory400.ms)} ms)`,
          ],
        ],
      };
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  },
};

const CHANGED = (m: Ministry) => Math.floor(m.staff.length / 100);

/** 1% of people changed: every 100th person moves to the next person's unit or is renamed. */
function changeOnePercent(m: Ministry): Ministry {
  const staff = m.staff.map((s, i) => {
    if (i % 100 !== 0 || i / 100 >= CHANGED(m)) return s;
    const other = m.staff[(i + 1) % m.staff.length];
    return i % 200 === 0 && other && other.unit_code !== s.unit_code
      ? { ...s, unit_code: other.unit_code }
      : { ...s, family_name: `${s.family_name}改` };
  });
  return { ...m, staff };
}

async function importFile(
  ctx: BenchContext,
  adminId: number,
  path: string,
): Promise<StaffImportResult> {
  const file = await receiveUpload(createReadStream(path), {
    maxBytes: 2 ** 32,
    dir: loadConfig({}).uploadDir,
  });
  try {
    return await applyStaffImport({
      ctx: actingAs(ctx.db, adminId, { roles: ['admin'] }),
      input: { file, mode: 'partial', encoding: 'auto', checksum: file.checksum },
    });
  } finally {
    await discardUpload(file);
  }
}

async function measureInChild(
  file: string,
  kind: BenchContext['kind'],
): Promise<{ ms: number; rssBeforeMb: number; peakRssMb: number }> {
  const { stdout } = await run(
    process.execPath,
    ['--import', 'tsx', 'test/bench/staff-import-memory.ts', file, kind],
    { cwd: root, maxBuffer: 1024 * 1024 },
  ).catch((error: unknown) => {
    // execFile's own message says only "Command failed"; the child's stderr says why.
    const stderr =
      typeof error === 'object' && error !== null && 'stderr' in error ? String(error.stderr) : '';
    throw new Error(`memory child for ${file} (${kind}) failed:\n${stderr}`, { cause: error });
  });
  const last = stdout.trim().split('\n').at(-1) ?? '{}';
  return JSON.parse(last);
}
