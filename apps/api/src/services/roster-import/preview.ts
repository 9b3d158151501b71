import { forbidden, isAdmin, tokyoDateOf } from '@kenshu/domain';
import type { RosterImportPreview } from '@kenshu/contracts';
import type { ServiceContext } from '../../context.ts';
import { requireViewer } from '../../lib/service-context.ts';
import { analyseRoster, type RosterImportMode } from './analyse.ts';
import type { RosterEncodingChoice } from './read-csv.ts';
import type { RosterFile } from './receive.ts';

export interface RosterImportInput {
  file: RosterFile;
  mode: RosterImportMode;
  encoding: RosterEncodingChoice;
  /** 'YYYY-MM-DD'; today in Tokyo when absent. */
  effectiveDate?: string | undefined;
  onProgress?: (rows: number) => void;
}

/**
 * What applying the file would do, and everything wrong with it, without writing anything.
 * The answer carries the file's checksum; the apply must send it back (see applyRosterImport).
 */
export async function previewRosterImport({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: RosterImportInput;
}): Promise<RosterImportPreview> {
  requireRosterAdmin(ctx);
  const analysis = await analyseRoster(ctx.db, input.file, {
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

/** Roster imports change everyone's record: admins only, from the web and the command line. */
export function requireRosterAdmin(ctx: ServiceContext) {
  const viewer = requireViewer(ctx);
  if (!isAdmin(viewer)) throw forbidden('Only admins may import the HR roster');
  return viewer;
}
