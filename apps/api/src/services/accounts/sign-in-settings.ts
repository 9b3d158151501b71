import type { SignInSettings } from '@kenshu/contracts';
import {
  findStaffById,
  listBreakGlassAdmins,
  listGrantedRoles,
  saveSignInSettings,
  setBreakGlassAccount,
  signInSettings,
  type Executor,
} from '@kenshu/db';
import { conflict, notFound } from '@kenshu/domain';
import type { ServiceContext } from '../../context.ts';
import { requireAdmin } from '../../lib/service-context.ts';
import { auditedChange } from '../audit/audited-change.ts';

/** Why anyone but an admin is refused here. */
const ADMINS_ONLY = 'Only admins change sign-in settings';

async function settingsView(db: Executor, ctx: ServiceContext): Promise<SignInSettings> {
  const [saved, admins] = await Promise.all([signInSettings(db), listBreakGlassAdmins(db)]);
  return {
    ssoConfigured: ctx.config.oidc !== undefined,
    ssoRequired: saved.ssoRequired,
    breakGlassAdmins: admins.map((a) => ({
      staffId: a.id,
      staffNumber: a.staff_number,
      familyName: a.family_name,
      givenName: a.given_name,
    })),
  };
}

export async function getSignInSettings({ ctx }: { ctx: ServiceContext }) {
  requireAdmin(ctx, ADMINS_ONLY);
  return settingsView(ctx.db, ctx);
}

/**
 * Requires single sign-on (or stops requiring it); audited. Only while it is configured, and
 * only with a break-glass admin account marked, so a provider outage cannot lock everyone out.
 */
export async function updateSignInSettings({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: { ssoRequired: boolean };
}) {
  const viewer = requireAdmin(ctx, ADMINS_ONLY);
  if (input.ssoRequired && !ctx.config.oidc) {
    throw conflict('Single sign-on is not configured (KENSHU_OIDC_ISSUER)');
  }
  return auditedChange(ctx, viewer, async (trx) => {
    const before = await signInSettings(trx);
    if (input.ssoRequired && (await listBreakGlassAdmins(trx)).length === 0) {
      throw conflict('Mark at least one admin account as break-glass first');
    }
    await saveSignInSettings(trx, input, viewer.staffId, ctx.now);
    return {
      answer: await settingsView(trx, ctx),
      audit: {
        action: 'sign_in_settings.saved',
        targetType: 'org_unit',
        targetId: null,
        before: { ssoRequired: before.ssoRequired },
        after: input,
      },
    };
  });
}

/** Marks an admin account break-glass (it keeps its password under required SSO); audited. */
export async function setBreakGlass({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: { staffId: number; breakGlass: boolean };
}) {
  const viewer = requireAdmin(ctx, ADMINS_ONLY);
  return auditedChange(ctx, viewer, async (trx) => {
    const staff = await findStaffById(trx, input.staffId);
    if (!staff) throw notFound('staff member');
    if (input.breakGlass && !(await listGrantedRoles(trx, staff.id)).includes('admin')) {
      throw conflict('Only admin accounts can be break-glass accounts');
    }
    const changed = await setBreakGlassAccount(
      trx,
      staff.id,
      input.breakGlass,
      viewer.staffId,
      ctx.now,
    );
    if (!input.breakGlass && (await signInSettings(trx)).ssoRequired) {
      if ((await listBreakGlassAdmins(trx)).length === 0)
        throw conflict('Single sign-on is required: keep at least one break-glass admin account');
    }
    return {
      answer: await settingsView(trx, ctx),
      audit: changed
        ? {
            action: 'account.break_glass_changed',
            targetType: 'staff',
            targetId: staff.id,
            before: { breakGlass: !input.breakGlass },
            after: { breakGlass: input.breakGlass },
          }
        : null,
    };
  });
}
