import { tokyoDateOf } from '@kenshu/domain';
import type { StaffImportPreview } from '@kenshu/contracts';
import type { ServiceContext } from '../../context.ts';
import { requireAdmin } from '../../lib/service-context.ts';
import { analyseStaffImport, type StaffImportMode } from './analyse.ts';
import type { StaffImportEncodingChoice } from './read-csv.ts';
import type { UploadedFile } from '../uploads/receive.ts';

export interface StaffImportInput {
  file: UploadedFile;
  mode: StaffImportMode;
  encoding: StaffImportEncodingChoice;
  /** 'YYYY-MM-DD'; today in Tokyo when absent. */
  effectiveDate?: string | undefined;
  onProgress?: (rows: number) => void;
}

/**
 * What applying the file would do, and everything wrong with it, without writing anything.
 * The answer carries the file's checksum; the apply must send it back (see applyStaffImport).
 */
export async function previewStaffImport({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: StaffImportInput;
}): Promise<StaffImportPreview> {
  requireAdmin(ctx, STAFF_IMPORT_ADMINS_ONLY);
  return describeStaffImport({ ctx, input });
}

/**
 * The preview with no one to authorise: for the system itself, i.e. the server's command line,
 * whose operator holds the database already. Everyone else goes through previewStaffImport.
 */
export async function describeStaffImport({
  ctx,
  input,
}: {
  ctx: Pick<ServiceContext, 'db' | 'now'>;
  input: StaffImportInput;
}): Promise<StaffImportPreview> {
  const analysis = await analyseStaffImport(ctx.db, input.file, {
    encoding: input.encoding,
    mode: input.mode,
    ...(input.onProgress ? { onProgress: input.onProgress } : {}),
  });
  return {
    checksum: input.file.checksum,
    fileName: input.file.fileName,
    bytes: input.file.bytes,
    encoding: analysis.encoding,
    mode: input.mode,
    effectiveDate: input.effectiveDate ?? tokyoDateOf(ctx.now),
    records: analysis.records,
    counts: analysis.counts,
    errorCount: analysis.problemCount,
    errors: analysis.problems,
    changeCount: analysis.changeCount,
    changes: analysis.changes,
  };
}

/** Staff imports change everyone's record: admins only, from the web and the command line. */
export const STAFF_IMPORT_ADMINS_ONLY = 'Only admins may import the HR staff file';
