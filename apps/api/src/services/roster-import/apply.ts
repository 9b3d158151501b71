import {
  applyRosterStage,
  countActiveAdmins,
  createRosterStage,
  findStaffById,
  insertAudit,
  insertRosterImport,
  lockRosterImports,
  refreshStatistics,
  runInTransaction,
  stageRosterGone,
  stageRosterStaff,
  stageRosterUnits,
  peopleAddedByStage,
  type DB,
  type RosterWriteCounts,
  type Transaction,
} from '@kenshu/db';
import { conflict, tokyoDateOf, validation, type RosterCounts } from '@kenshu/domain';
import type { RosterImportResult } from '@kenshu/contracts';
import type { ServiceContext } from '../../context.ts';
import { issueInvitations } from '../accounts/invite.ts';
import { publicBase } from '../messages/send.ts';
import { analyseRoster } from './analyse.ts';
import { requireRosterAdmin, type RosterImportInput } from './preview.ts';

/**
 * From this many new people on, the apply checks their foreign keys in one pass at the end
 * instead of row by row, holding exclusive locks on the staff tables meanwhile (see
 * applyRosterStage): a first import or a big reorganisation, not the routine feeds.
 */
const BULK_INSERT = 10_000;

/**
 * Applies a previewed roster all-or-nothing: in one transaction it re-validates the file,
 * stages it, writes only what differs, records the import and its audit row. A file with any
 * problem, or not the one previewed (by checksum), changes nothing.
 */
export async function applyRosterImport({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: RosterImportInput & {
    checksum: string;
    /** E-mail the people it adds a set-password link, in the import's transaction. */
    invite?: { origin: string } | undefined;
    onPhase?: (phase: 'validating' | 'writing' | 'committing') => void;
  };
}): Promise<RosterImportResult> {
  const viewer = requireRosterAdmin(ctx);
  if (input.checksum !== input.file.checksum) {
    throw conflict('This is not the file that was previewed; preview it again before applying', {
      previewed: input.checksum,
      received: input.file.checksum,
    });
  }
  const effectiveDate = input.effectiveDate ?? tokyoDateOf(ctx.now);
  const result = await runInTransaction(ctx.db, async (trx) => {
    await lockRosterImports(trx);
    await createRosterStage(trx);
    input.onPhase?.('validating');
    const analysis = await analyseRoster(trx, input.file, {
      encoding: input.encoding,
      mode: input.mode,
      maxProblems: 20,
      maxChanges: 0,
      onStaffBatch: async (batch) => {
        await stageRosterStaff(
          trx,
          batch.map((s) => ({
            line: s.line,
            staff_number: s.staffNumber,
            family_name: s.familyName,
            given_name: s.givenName,
            family_name_kana: s.familyNameKana,
            given_name_kana: s.givenNameKana,
            email: s.email,
            unit_code: s.unitCode,
            employment_type: s.employmentType,
            is_section_head: s.sectionHead,
            is_unit_security_officer: s.unitSecurityOfficer,
            is_system_security_officer: s.systemSecurityOfficer,
            is_pjmo_member: s.pjmoMember,
            locale: s.locale,
            is_new: s.isNew,
          })),
        );
      },
      onGone: (staffNumbers) => stageRosterGone(trx, staffNumbers),
      onUnits: async (units) => {
        await stageRosterUnits(
          trx,
          units.map((u) => ({
            line: u.line,
            code: u.code,
            parent_code: u.parentCode,
            kind: u.kind,
            name_ja: u.nameJa,
            name_en: u.nameEn,
            no_group_sessions: u.noGroupSessions,
          })),
        );
      },
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
    const written = await applyRosterStage(trx, {
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
    const importId = await insertRosterImport(trx, {
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
  await refreshStatistics(ctx.db, ROSTER_TABLES);
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
  written: RosterWriteCounts,
  records: { units: number; staff: number },
): RosterCounts {
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

/** The tables a roster import writes to in bulk. */
const ROSTER_TABLES = ['org_unit', 'staff', 'staff_membership'] as const;
