import {
  findOrgUnitById,
  findStaffByLogin,
  insertAudit,
  insertStaff,
  runInTransaction,
} from '@kenshu/db';
import { conflict, notFound } from '@kenshu/domain';
import type { z } from '@hono/zod-openapi';
import type { CreateAccountRequest } from '@kenshu/contracts';
import type { ServiceContext } from '../../context.ts';
import { requireViewer } from '../../lib/service-context.ts';

/** Creates a staff account by hand (people HR has not sent yet); admins only, audited. */
export async function createAccount({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: z.infer<typeof CreateAccountRequest>;
}): Promise<{ id: number }> {
  const viewer = requireViewer(ctx);
  return runInTransaction(ctx.db, async (trx) => {
    if (!(await findOrgUnitById(trx, input.orgUnitId))) throw notFound('org unit');
    // The unique indexes back these checks; checking first gives a clearer message.
    if (await findStaffByLogin(trx, input.staffNumber)) {
      throw conflict('This staff number is already in use', { field: 'staffNumber' });
    }
    if (await findStaffByLogin(trx, input.email))
      throw conflict('This e-mail is already in use', { field: 'email' });
    const [staff] = await insertStaff(trx, [
      {
        staff_number: input.staffNumber,
        family_name: input.familyName,
        given_name: input.givenName,
        family_name_kana: input.familyNameKana,
        given_name_kana: input.givenNameKana,
        email: input.email,
        org_unit_id: input.orgUnitId,
        employment_type: input.employmentType,
        locale: input.locale,
      },
    ]);
    if (!staff) throw new Error('insert returned no row');
    await insertAudit(trx, {
      actorStaffId: viewer.staffId,
      action: 'account.created',
      targetType: 'staff',
      targetId: staff.id,
      after: input,
      requestId: ctx.requestId,
    });
    return { id: staff.id };
  });
}
