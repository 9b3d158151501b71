import { z } from '@hono/zod-openapi';
import {
  errorResponses,
  Id,
  IdParam,
  jsonBody,
  jsonResponse,
  Locale,
  PersonNameParts,
  routesOf,
} from './common.ts';
import { RoleName } from './auth.ts';
import { EmploymentType } from './staff.ts';

const route = routesOf('accounts');

export const CreateAccountRequest = z
  .object({
    staffNumber: z
      .string()
      .trim()
      .min(1)
      .max(32)
      .regex(/^[A-Za-z0-9-]+$/, 'Letters, digits and hyphens only'),
    familyName: z.string().trim().min(1).max(100),
    givenName: z.string().trim().min(1).max(100),
    familyNameKana: z.string().trim().min(1).max(100),
    givenNameKana: z.string().trim().min(1).max(100),
    email: z.email().max(254),
    orgUnitId: Id,
    employmentType: EmploymentType,
    locale: Locale.default('ja'),
  })
  .openapi('CreateAccountRequest');

export const AccountCreated = z.object({ id: z.number().int() }).openapi('AccountCreated');

export const createAccount = route({
  method: 'post',
  path: '/',
  summary: 'Create a staff account (admins)',
  request: {
    body: jsonBody(CreateAccountRequest),
  },
  responses: {
    201: jsonResponse('Created', AccountCreated),
    ...errorResponses(400, 401, 403, 404, 409),
  },
});

export const PasswordLink = z
  .object({ url: z.string(), expiresAt: z.string() })
  .openapi('PasswordLink', { description: 'Hand this link to the person; it works once' });

export const issuePasswordLink = route({
  method: 'post',
  path: '/{id}/password-link',
  summary: 'Issue a one-time set-password link (admins)',
  request: { params: IdParam },
  responses: {
    201: jsonResponse('Issued', PasswordLink),
    ...errorResponses(400, 401, 403, 404),
  },
});

export const EmailedPasswordLink = z
  .object({
    status: z.enum(['queued', 'no_address']),
    to: z.string(),
    expiresAt: z.string(),
  })
  .openapi('EmailedPasswordLink', {
    description: 'The link goes by e-mail through the outbox; nobody sees it on the way',
  });

export const emailPasswordLink = route({
  method: 'post',
  path: '/{id}/password-link/email',
  summary: 'E-mail a one-time set-password link to the person (admins)',
  request: { params: IdParam },
  responses: {
    201: jsonResponse('Queued', EmailedPasswordLink),
    ...errorResponses(400, 401, 403, 404, 409),
  },
});

export const AccountRoles = z
  .object({
    hrRoles: z
      .array(RoleName)
      .openapi({ description: 'From the HR staff file; change them there' }),
    grantedRoles: z.array(RoleName),
    breakGlass: z
      .boolean()
      .openapi({ description: 'May sign in with a password while single sign-on is required' }),
  })
  .openapi('AccountRoles');

export const getAccountRoles = route({
  method: 'get',
  path: '/{id}/roles',
  summary: "A person's roles (admins)",
  request: { params: IdParam },
  responses: {
    200: jsonResponse('Roles', AccountRoles),
    ...errorResponses(400, 401, 403, 404),
  },
});

export const UpdateRolesRequest = z
  .object({ grantedRoles: z.array(RoleName).max(6) })
  .openapi('UpdateRolesRequest');

export const updateAccountRoles = route({
  method: 'put',
  path: '/{id}/roles',
  summary: "Replace a person's granted roles (admins)",
  request: {
    params: IdParam,
    body: jsonBody(UpdateRolesRequest),
  },
  responses: {
    200: jsonResponse('Updated', AccountRoles),
    ...errorResponses(400, 401, 403, 404, 409),
  },
});

export const InvitationRequest = z
  .object({
    orgUnitId: Id.optional().openapi({
      description: 'A unit and everything under it; leave out for the whole ministry',
    }),
    onlyWithoutPassword: z.boolean().default(true),
  })
  .openapi('InvitationRequest');
/** What the admin chooses; `onlyWithoutPassword` may be left out (it defaults to true). */
export type InvitationRequest = z.input<typeof InvitationRequest>;

export const InvitationSummary = z
  .object({
    invited: z.number().int(),
    skipped: z.object({ hasPassword: z.number().int(), noEmail: z.number().int() }),
  })
  .openapi('InvitationSummary');

export const previewInvitations = route({
  method: 'post',
  path: '/invitations/preview',
  summary: 'Who a set-password invitation run would reach (admins)',
  request: {
    body: jsonBody(InvitationRequest),
  },
  responses: {
    200: jsonResponse('Preview', InvitationSummary),
    ...errorResponses(400, 401, 403, 404),
  },
});

export const sendInvitations = route({
  method: 'post',
  path: '/invitations',
  summary: 'E-mail one-time set-password links to everyone chosen (admins)',
  request: {
    body: jsonBody(InvitationRequest),
  },
  responses: {
    201: jsonResponse('Queued', InvitationSummary),
    ...errorResponses(400, 401, 403, 404),
  },
});

export const BreakGlassAdmin = PersonNameParts.openapi('BreakGlassAdmin');

export const SignInSettings = z
  .object({
    ssoConfigured: z.boolean().openapi({ description: 'KENSHU_OIDC_ISSUER is set' }),
    ssoRequired: z.boolean().openapi({
      description: 'Passwords are refused, except for break-glass admin accounts',
    }),
    breakGlassAdmins: z.array(BreakGlassAdmin),
  })
  .openapi('SignInSettings');
export type SignInSettings = z.infer<typeof SignInSettings>;

export const getSignInSettings = route({
  method: 'get',
  path: '/sign-in-settings',
  summary: 'Whether single sign-on is required, and the break-glass admin accounts (admins)',
  responses: {
    200: jsonResponse('Sign-in settings', SignInSettings),
    ...errorResponses(401, 403),
  },
});

export const SignInSettingsRequest = z
  .object({ ssoRequired: z.boolean() })
  .openapi('SignInSettingsRequest');

export const updateSignInSettings = route({
  method: 'put',
  path: '/sign-in-settings',
  summary: 'Require single sign-on for everyone but break-glass admin accounts, or not (admins)',
  request: {
    body: jsonBody(SignInSettingsRequest),
  },
  responses: {
    200: jsonResponse('Saved', SignInSettings),
    ...errorResponses(400, 401, 403, 409),
  },
});

export const BreakGlassRequest = z.object({ breakGlass: z.boolean() }).openapi('BreakGlassRequest');

export const setBreakGlass = route({
  method: 'put',
  path: '/{id}/break-glass',
  summary: 'Mark or unmark an admin account as break-glass (keeps its password) (admins)',
  request: {
    params: IdParam,
    body: jsonBody(BreakGlassRequest),
  },
  responses: {
    200: jsonResponse('Saved', SignInSettings),
    ...errorResponses(400, 401, 403, 404, 409),
  },
});
