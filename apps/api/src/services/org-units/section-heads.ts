import type { SectionHeadOversight } from '@kenshu/contracts';
import {
  findOrgUnitById,
  findSectionHead,
  insertAudit,
  listSectionHeadsOfUnit,
  runInTransaction,
  setSectionHeadUnit,
  type SectionHeadRow,
} from '@kenshu/db';
import { conflict, notFound } from '@kenshu/domain';
import type { ServiceContext } from '../../context.ts';
import { requireAdmin } from '../../lib/service-context.ts';

/** Why anyone but an admin is refused here. */
const ADMINS_ONLY = 'Only admins may change the organisation';

function present(row: SectionHeadRow): SectionHeadOversight {
  const setByAdmin = row.oversight_unit_id !== null;
  return {
    staffId: row.staff_id,
    staffNumber: row.staff_number,
    familyName: row.family_name,
    givenName: row.given_name,
    unit: { id: row.unit_id, nameJa: row.unit_name_ja, nameEn: row.unit_name_en },
    oversightUnit: setByAdmin
      ? {
          id: row.oversight_unit_id ?? row.unit_id,
          nameJa: row.oversight_name_ja ?? '',
          nameEn: row.oversight_name_en ?? '',
        }
      : { id: row.unit_id, nameJa: row.unit_name_ja, nameEn: row.unit_name_en },
    basis: setByAdmin ? 'set_by_admin' : 'own_unit',
  };
}

/** Section heads who oversee the unit, and those HR lists in it who oversee another (admins). */
export async function listUnitSectionHeads({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: { unitId: number };
}): Promise<SectionHeadOversight[]> {
  requireAdmin(ctx, ADMINS_ONLY);
  const unit = await findOrgUnitById(ctx.db, input.unitId);
  if (!unit) throw notFound('org unit');
  return (await listSectionHeadsOfUnit(ctx.db, unit.id)).map(present);
}

/**
 * Makes a section head oversee `unitId` (set) or their own unit again (clear), audited with
 * before and after. Setting the unit HR lists them in is the same as clearing. Only a section
 * head (by HR's flag or an admin's grant) can be given a unit to oversee.
 */
export async function changeSectionHeadOversight({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: { unitId: number; staffId: number; action: 'set' | 'clear' };
}): Promise<SectionHeadOversight> {
  const viewer = requireAdmin(ctx, ADMINS_ONLY);
  return runInTransaction(ctx.db, async (trx) => {
    const unit = await findOrgUnitById(trx, input.unitId);
    if (!unit) throw notFound('org unit');
    const head = await findSectionHead(trx, input.staffId);
    if (!head) {
      throw conflict(
        'This person is not an active section head; give them the section head role first',
        { staffId: input.staffId },
      );
    }
    let next: number | null;
    if (input.action === 'set') {
      if (!unit.active) throw conflict('This unit is no longer active', { unitId: unit.id });
      next = unit.id === head.unit_id ? null : unit.id;
    } else {
      if (head.oversight_unit_id !== unit.id) {
        throw conflict('This person was not set to oversee this unit', {
          staffId: head.staff_id,
          unitId: unit.id,
        });
      }
      next = null;
    }
    if (next !== head.oversight_unit_id) {
      await setSectionHeadUnit(trx, head.staff_id, next, ctx.now);
      await insertAudit(trx, {
        actorStaffId: viewer.staffId,
        action: 'section_head.oversight_changed',
        targetType: 'staff',
        targetId: head.staff_id,
        before: { oversightUnitId: head.oversight_unit_id ?? head.unit_id },
        after: { oversightUnitId: next ?? head.unit_id },
        requestId: ctx.requestId,
      });
    }
    const now = await findSectionHead(trx, head.staff_id);
    if (!now) throw notFound('staff member');
    return present(now);
  });
}
