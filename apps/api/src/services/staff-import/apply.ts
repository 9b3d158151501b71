import {
  applyStaffImportStage,
  countActiveAdmins,
  createStaffImportStage,
  findStaffById,
  insertAudit,
  insertStaffImport,
  lockStaffImports,
  refreshStatistics,
  runInTransaction,
  peopleAddedByStage,
  type DB,
  type StaffImportWriteCounts,
  type Transaction,
} from '@kenshu/db';
import { conflict, tokyoDateOf, validation, type StaffImportCounts } from '@kenshu/domain';
import type { StaffImportResult } from '@kenshu/contracts';
import type { ServiceContext } from '../../context.ts';
import { issueInvitations } from '../accounts/invite.ts';
import { publicBase } from '../messages/send.ts';
import { analyseStaffImport } from './analyse.ts';
import { requireAdmin } from '../../lib/service-context.ts';
import { STAFF_IMPORT_ADMINS_ONLY, type StaffImportInput } from './preview.ts';

/**
 * From this many new people on, the apply checks their foreign keys in one pass at the end
 * instead of row by row, holding exclusive locks on the staff tables meanwhile (see
 * applyStaffImportStage): a first import or a big reorganisation, not the routine feeds.
 */
const BULK_INSERT = 10_000;

/**
 * Applies a previewed staff import file all-or-nothing: in one transaction it re-validates the file,
 * stages it, writes only what differs, records the import and its audit row. A file with any
 * problem, or not the one previewed (by checksum), changes nothing.
 */
export async function applyStaffImport({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: StaffImportInput & {
    checksum: string;
    /** E-mail the people it adds a set-password link, in the import's transaction. */
    invite?: { origin: string } | undefined;
    onPhase?: (phase: 'validating' | 'writing' | 'committing') => void;
  };
}): Promise<StaffImportResult> {
  const viewer = requireAdmin(ctx, STAFF_IMPORT_ADMINS_ONLY);
  if (input.checksum !== input.file.checksum) {
    throw conflict('This is not the file that was previewed; preview it again before applying', {
      previewed: input.checksum,
      received: input.file.checksum,
    });
  }
  const effectiveDate = input.effectiveDate ?? tokyoDateOf(ctx.now);
  const result = await runInTransaction(ctx.db, async (trx) => {
    await lockStaffImports(trx);
    await createStaffImportStage(trx);
    input.onPhase?.('validating');
    const analysis = await analyseStaffImport(trx, input.file, {
      encoding: input.encoding,
      mode: input.mode,
      maxProblems: 20,
      maxChanges: 0,
      stageIn: trx,
      ...(input.onProgress ? { onProgress: input.onProgress } : {}),
    });
    if (analysis.problemCount > 0) {
      throw validation(
        `The file has ${analysis.problemCount} problem(s); nothing was imported. Preview it to see them all.`,
        { errorCount: analysis.problemCount, errors: analysis.problems },
      );
    }
    const me = await findStaffById(trx, viewer.staffId);
    if (input.mode === 'full' && me && !analysis.inFile(me.staff_number)) {
      throw conflict(
        'A full import of this file would deactivate you; use a partial import, or a file that lists you',
      );
    }

    input.onPhase?.('writing');
    const written = await applyStaffImportStage(trx, {
      deactivateMissing: input.mode === 'full',
      bulkInsert: analysis.counts.staff.new >= BULK_INSERT,
      effectiveDate,
      now: ctx.now,
    });
    if (written.staffDeactivated > 0 && (await countActiveAdmins(trx)) === 0) {
      throw conflict('This import would leave nobody with the admin role; nothing was imported');
    }
    const applied = appliedCounts(written, analysis.records);
    const invitations = input.invite
      ? await inviteAdded(trx, ctx, viewer.staffId, input.invite.origin)
      : null;
    const importId = await insertStaffImport(trx, {
      checksum: input.file.checksum,
      fileName: input.file.fileName,
      mode: input.mode,
      effectiveDate,
      counts: applied,
      appliedBy: viewer.staffId,
      appliedAt: ctx.now,
    });
    await insertAudit(trx, {
      actorStaffId: viewer.staffId,
      // The audit codes and the table keep the import's earlier name, `roster`: the audit log's
      // rows are never rewritten, and its search links name these codes.
      action: 'roster.imported',
      targetType: 'roster_import',
      targetId: importId,
      after: {
        checksum: input.file.checksum,
        fileName: input.file.fileName,
        bytes: input.file.bytes,
        encoding: analysis.encoding,
        mode: input.mode,
        effectiveDate,
        records: analysis.records,
        counts: applied,
        written,
        invitations,
      },
      requestId: ctx.requestId,
    });
    input.onPhase?.('committing');
    return {
      importId,
      checksum: input.file.checksum,
      fileName: input.file.fileName,
      encoding: analysis.encoding,
      mode: input.mode,
      effectiveDate,
      records: analysis.records,
      counts: applied,
      signInsEnded: written.sessionsEnded,
      invitations,
    };
  });
  // Outside the import's transaction, once its rows are committed: the planner otherwise plans
  // the next pages (team, reports) for the tables as they were before, until autovacuum comes.
  await refreshStatistics(ctx.db, STAFF_IMPORT_TABLES);
  return result;
}

/**
 * Set-password invitations to the people the import added who have an e-mail address, written
 * with the import (tokens, outbox, audit) so they exist exactly when its people do.
 */
async function inviteAdded(
  trx: Transaction<DB>,
  ctx: ServiceContext,
  by: number,
  origin: string,
): Promise<{ invited: number; noEmail: number }> {
  const added = await peopleAddedByStage(trx);
  const withAddress = added.filter((p) => p.email.trim() !== '').map((p) => p.id);
  const expiresAt = new Date(ctx.now.getTime() + ctx.config.passwordLinkHours * 3600_000);
  const base = ctx.config.publicUrl ? publicBase(ctx.config) : origin.replace(/\/$/, '');
  const invited = await issueInvitations(trx, ctx, { staffIds: withAddress, by, base, expiresAt });
  return { invited: invited.length, noEmail: added.length - invited.length };
}

/**
 * What the import changed, counted from the rows it wrote, in the preview's categories and
 * words: the result must say what the preview said (a test holds them to each other).
 * Unchanged is what was in the file and not written.
 */
function appliedCounts(
  written: StaffImportWriteCounts,
  records: { units: number; staff: number },
): StaffImportCounts {
  const units = {
    new: written.unitsInserted,
    changed: written.unitsChanged,
    moved: written.unitsMoved,
  };
  const staff = {
    new: written.staffInserted,
    changed: written.staffChanged,
    moved: written.staffMoved,
  };
  return {
    units: { ...units, unchanged: records.units - units.new - units.changed - units.moved },
    staff: {
      ...staff,
      deactivated: written.staffDeactivated,
      unchanged: records.staff - staff.new - staff.changed - staff.moved,
    },
  };
}

/** The tables a staff import writes to in bulk. */
const STAFF_IMPORT_TABLES = ['org_unit', 'staff', 'staff_membership'] as const;
