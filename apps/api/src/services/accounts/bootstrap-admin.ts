import {
  findOrgUnitByCode,
  findStaffByLogin,
  grantRoles,
  insertAudit,
  insertOrgUnits,
  insertStaff,
  runInTransaction,
} from '@kenshu/db';
import { conflict, forbidden, validation } from '@kenshu/domain';
import type { ServiceContext } from '../../context.ts';
import { issueLinkFor } from './issue-password-link.ts';

export interface BootstrapAdminInput {
  staffNumber: string;
  /** Needed only when the person is not in Kenshu yet. */
  email?: string | undefined;
  familyName?: string | undefined;
  givenName?: string | undefined;
  /** The unit a new person belongs to; created as the ministry's root when it does not exist. */
  unitCode: string;
  origin: string;
}

/**
 * The first admin of a fresh production database, made by the operator at the server's console
 * (`pnpm kenshu bootstrap-admin`): finds or creates the person, grants them admin and issues their
 * one-time set-password link, all in one transaction. Nobody is signed in, so the audit rows carry
 * no actor; the request id says it came from the console.
 */
export async function bootstrapAdmin({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: BootstrapAdminInput;
}): Promise<{ staffId: number; created: boolean; url: string; expiresAt: string }> {
  if (ctx.viewer) throw forbidden('Only the server console makes the first admin');
  return runInTransaction(ctx.db, async (trx) => {
    let staff = await findStaffByLogin(trx, input.staffNumber);
    const created = !staff;
    if (!staff) {
      const { email, familyName, givenName } = input;
      if (!email || !familyName || !givenName) {
        throw validation('A new admin needs an e-mail, a family name and a given name');
      }
      const unit =
        (await findOrgUnitByCode(trx, input.unitCode)) ??
        (
          await insertOrgUnits(trx, [
            {
              code: input.unitCode,
              parent_id: null,
              kind: 'ministry',
              name_ja: '本省',
              name_en: 'Ministry',
            },
          ])
        )[0];
      if (!unit) throw new Error('could not create the root unit');
      [staff] = await insertStaff(trx, [
        {
          staff_number: input.staffNumber,
          email,
          family_name: familyName,
          given_name: givenName,
          family_name_kana: familyName,
          given_name_kana: givenName,
          org_unit_id: unit.id,
          employment_type: 'regular',
        },
      ]);
      if (!staff) throw new Error('could not create the admin');
    }
    if (!staff.active) throw conflict('This person is no longer active');
    await grantRoles(trx, [{ staff_id: staff.id, role: 'admin' }], null);
    await insertAudit(trx, {
      actorStaffId: null,
      action: 'account.admin_bootstrapped',
      targetType: 'staff',
      targetId: staff.id,
      after: { created },
      requestId: ctx.requestId,
    });
    const link = await issueLinkFor(trx, ctx, {
      staffId: staff.id,
      issuedBy: null,
      origin: input.origin,
    });
    return { staffId: staff.id, created, ...link };
  });
}
