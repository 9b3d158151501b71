import type { Me } from '@kenshu/contracts';
import { findOrgUnitById, findStaffById } from '@kenshu/db';
import { AppError, oversees, type Viewer } from '@kenshu/domain';
import type { ServiceContext, SignIn } from '../../context.ts';

/** The signed-in person as the web app needs them, with their sign-in's CSRF token. */
export async function getMe({
  ctx,
  viewer,
  signIn,
}: {
  ctx: Pick<ServiceContext, 'db'>;
  viewer: Viewer;
  signIn: SignIn;
}): Promise<Me> {
  const staff = await findStaffById(ctx.db, viewer.staffId);
  const unit = staff && (await findOrgUnitById(ctx.db, staff.org_unit_id));
  if (!staff || !unit) throw new AppError('UNAUTHENTICATED', 'Sign in first');
  return {
    staffId: staff.id,
    staffNumber: staff.staff_number,
    familyName: staff.family_name,
    givenName: staff.given_name,
    email: staff.email,
    locale: staff.locale,
    orgUnit: { id: unit.id, code: unit.code, nameJa: unit.name_ja, nameEn: unit.name_en },
    sectionHeadUnitId: staff.oversight_unit_id,
    roles: [...viewer.roles].sort(),
    oversees: oversees(viewer),
    csrfToken: signIn.csrfToken,
  };
}
