import type { OrgUnit } from '@kenshu/contracts';
import { findOrgUnitById, setUnitGroupSessions } from '@kenshu/db';
import { notFound } from '@kenshu/domain';
import type { ServiceContext } from '../../context.ts';
import { requireAdmin } from '../../lib/service-context.ts';
import { auditedChange } from '../audit/audited-change.ts';
import { toOrgUnit } from './list.ts';

/**
 * Sets whether a unit's staff can attend group sessions (a regional office that goes straight
 * to the e-learning), audited with before and after. The units below it follow it; the nightly
 * "units without group sessions" rule assigns the e-learning to its people.
 */
export async function setGroupSessions({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: { unitId: number; hasGroupSessions: boolean };
}): Promise<OrgUnit> {
  const viewer = requireAdmin(ctx, 'Only admins may change the organisation');
  return auditedChange(ctx, viewer, async (trx) => {
    const unit = await findOrgUnitById(trx, input.unitId);
    if (!unit) throw notFound('org unit');
    if (unit.has_group_sessions === input.hasGroupSessions) {
      return { answer: await toOrgUnit(unit, trx), audit: null };
    }
    const updated = await setUnitGroupSessions(trx, unit.id, input.hasGroupSessions, ctx.now);
    if (!updated) throw notFound('org unit');
    return {
      answer: await toOrgUnit(updated, trx),
      audit: {
        action: 'org_unit.group_sessions_changed',
        targetType: 'org_unit',
        targetId: unit.id,
        before: { hasGroupSessions: unit.has_group_sessions },
        after: { hasGroupSessions: updated.has_group_sessions },
      },
    };
  });
}
