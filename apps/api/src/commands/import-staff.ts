import { createReadStream } from 'node:fs';
import { basename } from 'node:path';
import { parseArgs } from 'node:util';
import { findStaffByLogin } from '@kenshu/db';
import { isAppError, isAdmin, tokyoDateOf } from '@kenshu/domain';
import type { StaffImportPreview } from '@kenshu/contracts';
import { loadConfig } from '../config.ts';
import { systemClock } from '../lib/clock.ts';
import { loadViewer } from '../services/auth/viewer.ts';
import { applyStaffImport } from '../services/staff-import/apply.ts';
import { describeStaffImport, previewStaffImport } from '../services/staff-import/preview.ts';
import { discardUpload, prepareUploadDir, receiveUpload } from '../services/uploads/receive.ts';
import { prepareDatabase, StartupError } from '../start.ts';

export const IMPORT_USAGE = `  import <file.csv> [--dry-run] [--mode full|partial] [--encoding auto|utf-8|cp932]
         [--effective-date YYYY-MM-DD] [--as STAFF_NUMBER]
      Previews an HR staff file (counts, changes, every problem by line) and, without
      --dry-run, applies it all-or-nothing as the admin given by --as. Exits non-zero if the
      file has problems. Partial by default; a full import deactivates people not in the file.`;

const MODES = ['full', 'partial'] as const;
const ENCODINGS = ['auto', 'utf-8', 'cp932'] as const;

/** `pnpm kenshu import`: the same preview and apply services the web page uses. */
export async function importStaff(argv: string[]): Promise<void> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      'dry-run': { type: 'boolean', default: false },
      mode: { type: 'string', default: 'partial' },
      encoding: { type: 'string', default: 'auto' },
      'effective-date': { type: 'string' },
      as: { type: 'string' },
    },
  });
  const path = positionals[0];
  if (!path || positionals.length > 1) throw new StartupError(`Usage:\n${IMPORT_USAGE}`);
  const mode = MODES.find((m) => m === values.mode);
  if (!mode) throw new StartupError('--mode must be full or partial');
  const encoding = ENCODINGS.find((e) => e === values.encoding);
  if (!encoding) throw new StartupError('--encoding must be auto, utf-8 or cp932');
  const effectiveDate = values['effective-date'];
  if (effectiveDate !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(effectiveDate)) {
    throw new StartupError('--effective-date must be YYYY-MM-DD');
  }
  const dryRun = values['dry-run'];
  if (!dryRun && !values.as) {
    throw new StartupError(
      'Applying needs --as STAFF_NUMBER (an admin); or preview with --dry-run',
    );
  }

  const config = { ...loadConfig(), seed: 'none' as const };
  const { database } = await prepareDatabase(config);
  try {
    await prepareUploadDir(config.uploadDir);
    const viewer = values.as ? await adminViewer(database.db, values.as) : null;
    const file = await receiveUpload(createReadStream(path), {
      maxBytes: config.staffImportMaxBytes,
      dir: config.uploadDir,
      fileName: basename(path),
    });
    try {
      const ctx = { db: database.db, now: systemClock(), viewer, requestId: 'cli', config };
      const input = {
        file,
        mode,
        encoding,
        effectiveDate: effectiveDate ?? tokyoDateOf(ctx.now),
      };
      const checking = { ...input, onProgress: progress('checking') };
      // Without --as the system itself asks: a dry run writes nothing, and whoever runs the
      // server's command line holds its database already, so no admin is needed to look.
      const preview = ctx.viewer
        ? await previewStaffImport({ ctx, input: checking })
        : await describeStaffImport({ ctx, input: checking });
      printPreview(preview);
      if (preview.errorCount > 0) {
        process.exitCode = 1;
        return;
      }
      if (dryRun) {
        console.log('\nDry run: nothing was written.');
        return;
      }
      const result = await applyStaffImport({
        ctx,
        input: {
          ...input,
          checksum: preview.checksum,
          onProgress: progress('applying'),
          onPhase: (phase) => console.error(`applying: ${phase}`),
        },
      });
      console.log(`\nApplied as import #${result.importId}. What changed:\n`);
      printCounts(result.counts);
      if (result.signInsEnded > 0) {
        console.log(`\n${result.signInsEnded.toLocaleString('en-US')} sign-in session(s) ended`);
      }
    } finally {
      await discardUpload(file);
    }
  } catch (error) {
    // A rejected file or a refused apply is an answer for the operator, not a crash.
    if (!isAppError(error)) throw error;
    console.error(`${error.code}: ${error.message}`);
    const errors = error.details?.errors;
    if (Array.isArray(errors)) for (const e of errors) console.error(`  ${JSON.stringify(e)}`);
    process.exitCode = 1;
  } finally {
    await database.close();
  }
}

async function adminViewer(db: Parameters<typeof loadViewer>[0], login: string) {
  const staff = await findStaffByLogin(db, login);
  const viewer = staff ? await loadViewer(db, staff.id) : null;
  if (!viewer || !isAdmin(viewer)) {
    throw new StartupError(`--as ${login} must be an active person with the admin role`);
  }
  return viewer;
}

/** A line on stderr each time the count of rows read passes another 10,000. */
function progress(label: string): (rows: number) => void {
  let printed = 0;
  return (rows) => {
    if (Math.floor(rows / 10_000) <= Math.floor(printed / 10_000)) return;
    printed = rows;
    console.error(`${label}: ${rows.toLocaleString('en-US')} rows`);
  };
}

function printPreview(p: StaffImportPreview): void {
  console.log(
    `${p.fileName ?? 'file'}: ${p.bytes.toLocaleString('en-US')} bytes, ${p.encoding ?? 'unknown encoding'}, ` +
      `${p.records.units} units and ${p.records.staff} people; ${p.mode} import effective ${p.effectiveDate}`,
  );
  console.log(`checksum ${p.checksum}\n`);
  printCounts(p.counts);
  if (p.errorCount > 0) {
    console.log(`\n${p.errorCount} problem(s); nothing can be imported until they are fixed:`);
    for (const e of p.errors.slice(0, 100)) console.log(`  line ${e.line}: ${e.message}`);
    if (p.errorCount > 100) console.log(`  … and ${p.errorCount - 100} more`);
  }
}

/** People and units by kind of change: the same table before (preview) and after (apply). */
function printCounts(counts: StaffImportPreview['counts']): void {
  const n = (v: number) => v.toLocaleString('en-US').padStart(12);
  console.log(
    `           ${['new', 'changed', 'moved', 'deactivated', 'unchanged'].map((h) => h.padStart(12)).join('')}`,
  );
  const s = counts.staff;
  console.log(
    `people     ${[s.new, s.changed, s.moved, s.deactivated, s.unchanged].map(n).join('')}`,
  );
  const u = counts.units;
  console.log(
    `units      ${[u.new, u.changed, u.moved].map(n).join('')}${' '.repeat(12)}${n(u.unchanged)}`,
  );
}
