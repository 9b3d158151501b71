import {
  countActiveAdmins,
  findStaffById,
  insertAudit,
  isBreakGlassAccount,
  listGrantedRoles,
  replaceGrantedRoles,
  runInTransaction,
} from '@kenshu/db';
import { conflict, hrRolesOf, notFound, type Role } from '@kenshu/domain';
import type { ServiceContext } from '../../context.ts';
import { requireViewer } from '../../lib/service-context.ts';

export async function getAccountRoles({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: { staffId: number };
}) {
  const staff = await findStaffById(ctx.db, input.staffId);
  if (!staff) throw notFound('staff member');
  return {
    hrRoles: hrRolesOf(staff),
    grantedRoles: (await listGrantedRoles(ctx.db, staff.id)).sort(),
    breakGlass: await isBreakGlassAccount(ctx.db, staff.id),
  };
}

/**
 * Replaces the roles an admin granted to a person, audited with before and after. An admin cannot
 * take away their own admin role, and the programme is never left without an admin.
 */
export async function updateAccountRoles({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: { staffId: number; grantedRoles: Role[] };
}) {
  const viewer = requireViewer(ctx);
  const roles = [...new Set(input.grantedRoles)].sort();
  await runInTransaction(ctx.db, async (trx) => {
    const staff = await findStaffById(trx, input.staffId);
    if (!staff) throw notFound('staff member');
    const before = (await listGrantedRoles(trx, staff.id)).sort();
    const losesAdmin = before.includes('admin') && !roles.includes('admin');
    if (losesAdmin && staff.id === viewer.staffId) {
      throw conflict('You cannot remove your own admin role; ask another admin to do it');
    }
    await replaceGrantedRoles(trx, staff.id, roles, viewer.staffId);
    if (losesAdmin && (await countActiveAdmins(trx)) === 0) {
      throw conflict('This would leave nobody with the admin role');
    }
    await insertAudit(trx, {
      actorStaffId: viewer.staffId,
      action: 'account.roles_changed',
      targetType: 'staff',
      targetId: staff.id,
      before: { grantedRoles: before },
      after: { grantedRoles: roles },
      requestId: ctx.requestId,
    });
  });
  return getAccountRoles({ ctx, input });
}
