import {
  createAccount as createAccountRoute,
  emailPasswordLink as emailPasswordLinkRoute,
  getAccountRoles as getAccountRolesRoute,
  getSignInSettings as getSignInSettingsRoute,
  setBreakGlass as setBreakGlassRoute,
  updateSignInSettings as updateSignInSettingsRoute,
  issuePasswordLink as issuePasswordLinkRoute,
  previewInvitations as previewInvitationsRoute,
  sendInvitations as sendInvitationsRoute,
  updateAccountRoles as updateAccountRolesRoute,
} from '@kenshu/contracts';
import { anyOf } from '@kenshu/domain';
import { withAccess } from '../lib/access.ts';
import { createRouter } from '../lib/router.ts';
import { serviceContext } from '../lib/service-context.ts';
import { createAccount } from '../services/accounts/create.ts';
import { emailPasswordLink } from '../services/accounts/email-password-link.ts';
import { previewInvitations, sendInvitations } from '../services/accounts/invite.ts';
import { issuePasswordLink } from '../services/accounts/issue-password-link.ts';
import { getAccountRoles, updateAccountRoles } from '../services/accounts/roles.ts';
import {
  getSignInSettings,
  setBreakGlass,
  updateSignInSettings,
} from '../services/accounts/sign-in-settings.ts';

const ADMIN = anyOf('admin');

export const accountRoutes = createRouter()
  .openapi(withAccess(getSignInSettingsRoute, ADMIN), async (c) => {
    return c.json(await getSignInSettings({ ctx: serviceContext(c) }), 200);
  })
  .openapi(withAccess(updateSignInSettingsRoute, ADMIN), async (c) => {
    return c.json(
      await updateSignInSettings({ ctx: serviceContext(c), input: c.req.valid('json') }),
      200,
    );
  })
  .openapi(withAccess(setBreakGlassRoute, ADMIN), async (c) => {
    return c.json(
      await setBreakGlass({
        ctx: serviceContext(c),
        input: { staffId: c.req.valid('param').id, breakGlass: c.req.valid('json').breakGlass },
      }),
      200,
    );
  })
  .openapi(withAccess(previewInvitationsRoute, ADMIN), async (c) => {
    return c.json(
      await previewInvitations({ ctx: serviceContext(c), input: c.req.valid('json') }),
      200,
    );
  })
  .openapi(withAccess(sendInvitationsRoute, ADMIN), async (c) => {
    const sent = await sendInvitations({
      ctx: serviceContext(c),
      input: { ...c.req.valid('json'), origin: new URL(c.req.url).origin },
    });
    return c.json(sent, 201);
  })
  .openapi(withAccess(createAccountRoute, ADMIN), async (c) => {
    return c.json(await createAccount({ ctx: serviceContext(c), input: c.req.valid('json') }), 201);
  })
  .openapi(withAccess(issuePasswordLinkRoute, ADMIN), async (c) => {
    const link = await issuePasswordLink({
      ctx: serviceContext(c),
      input: { staffId: c.req.valid('param').id, origin: new URL(c.req.url).origin },
    });
    return c.json(link, 201);
  })
  .openapi(withAccess(emailPasswordLinkRoute, ADMIN), async (c) => {
    const sent = await emailPasswordLink({
      ctx: serviceContext(c),
      input: { staffId: c.req.valid('param').id, origin: new URL(c.req.url).origin },
    });
    return c.json(sent, 201);
  })
  .openapi(withAccess(getAccountRolesRoute, ADMIN), async (c) => {
    return c.json(
      await getAccountRoles({
        ctx: serviceContext(c),
        input: { staffId: c.req.valid('param').id },
      }),
      200,
    );
  })
  .openapi(withAccess(updateAccountRolesRoute, ADMIN), async (c) => {
    const roles = await updateAccountRoles({
      ctx: serviceContext(c),
      input: { staffId: c.req.valid('param').id, grantedRoles: c.req.valid('json').grantedRoles },
    });
    return c.json(roles, 200);
  });
