import { z } from '@hono/zod-openapi';
import { ROLES, SSO_PROBLEMS } from '@kenshu/domain';
import {
  errorResponses,
  jsonBody,
  jsonResponse,
  listOf,
  Locale,
  PersonNameParts,
  routesOf,
  UnitWithCode,
} from './common.ts';

const route = routesOf('sign-in');

export const RoleName = z.enum(ROLES).openapi('Role');

export const Me = z
  .object({
    ...PersonNameParts.shape,
    email: z.string(),
    locale: Locale,
    orgUnit: UnitWithCode,
    sectionHeadUnitId: z.number().int().nullable().openapi({
      description:
        'The unit this person oversees as section head when an admin set one other than their own',
    }),
    roles: z.array(RoleName),
    oversees: z.boolean().openapi({ description: 'Section head, unit security officer or admin' }),
    csrfToken: z
      .string()
      .openapi({ description: 'Send as the x-csrf-token header on every state-changing request' }),
  })
  .openapi('Me');
export type Me = z.infer<typeof Me>;

export const SignInRequest = z
  .object({
    login: z
      .string()
      .trim()
      .min(1)
      .max(254)
      .openapi({ description: 'Staff number or e-mail', example: 'A0001' }),
    password: z.string().min(1).max(200),
  })
  .openapi('SignInRequest');

export const signIn = route({
  method: 'post',
  path: '/sign-in',
  summary: 'Sign in with staff number or e-mail and password; sets the session cookie',
  request: { body: jsonBody(SignInRequest) },
  responses: {
    200: jsonResponse('Signed in', Me),
    ...errorResponses(400, 401, 403, 429),
  },
});

export const SignedOut = z
  .object({
    endSessionUrl: z.string().openapi({
      description:
        "The provider's sign-out page (RP-initiated logout) to send the browser to, for a session begun with single sign-on",
    }),
  })
  .openapi('SignedOut');

export const signOut = route({
  method: 'post',
  path: '/sign-out',
  summary: 'End this sign-in session',
  responses: {
    200: jsonResponse(
      "Signed out here; sign out at the single sign-on provider's page too",
      SignedOut,
    ),
    204: { description: 'Signed out' },
    ...errorResponses(401, 403),
  },
});

/** Why a single sign-on did not sign the person in (the list lives in the domain). */
export const SsoProblem = z.enum(SSO_PROBLEMS).openapi('SsoProblem');
export type SsoProblem = z.infer<typeof SsoProblem>;

export const SsoInfo = z
  .object({
    enabled: z.boolean(),
    name: z
      .object({ ja: z.string(), en: z.string() })
      .nullable()
      .openapi({ description: "The provider's name for the sign-in button" }),
    required: z
      .boolean()
      .openapi({ description: 'Admins turned passwords off (break-glass admin accounts aside)' }),
  })
  .openapi('SsoInfo');
export type SsoInfo = z.infer<typeof SsoInfo>;

export const getSsoInfo = route({
  method: 'get',
  path: '/sso',
  summary: 'Whether single sign-on is offered, under what name, and whether it is required',
  responses: {
    200: jsonResponse('Single sign-on', SsoInfo),
  },
});

const redirect = (description: string) => ({
  description,
  headers: { Location: { schema: { type: 'string' as const } } },
});

export const startSso = route({
  method: 'get',
  path: '/sso/start',
  summary: 'Go to the single sign-on provider (authorization code flow with PKCE)',
  request: {
    query: z.object({
      next: z.string().max(2000).optional().openapi({
        description: 'A page of this app to open afterwards; anything else is ignored',
      }),
    }),
  },
  responses: {
    302: redirect("To the provider's sign-in page, or to /sign-in/sso when it cannot be reached"),
    ...errorResponses(400, 404),
  },
});

const callbackParam = z.string().max(4096).optional();

export const ssoCallback = route({
  method: 'get',
  path: '/sso/callback',
  summary: 'Where the provider sends the browser back; signs in an active person of the staff list',
  request: {
    query: z.object({
      code: callbackParam,
      state: callbackParam,
      iss: callbackParam,
      error: callbackParam,
      error_description: callbackParam,
    }),
  },
  responses: {
    302: redirect('Signed in: to the page asked for; refused: to /sign-in/sso saying why'),
    ...errorResponses(400, 404),
  },
});

export const getMe = route({
  method: 'get',
  path: '/me',
  summary: 'The signed-in person, their roles and CSRF token',
  responses: {
    200: jsonResponse('Signed in', Me),
    ...errorResponses(401),
  },
});

export const ActiveSession = z
  .object({
    id: z.string(),
    createdAt: z.string(),
    lastSeenAt: z.string(),
    expiresAt: z.string(),
    userAgent: z.string().nullable(),
    clientAddress: z.string().nullable(),
    current: z.boolean(),
  })
  .openapi('ActiveSession');

export const listMySignInSessions = route({
  method: 'get',
  path: '/sessions',
  summary: 'My active sign-in sessions',
  responses: {
    200: jsonResponse('Active sessions, newest first', listOf(ActiveSession)),
    ...errorResponses(401),
  },
});

export const endMySignInSession = route({
  method: 'delete',
  path: '/sessions/{sessionId}',
  summary: 'End one of my sessions (on another device, say)',
  request: {
    params: z.object({ sessionId: z.uuid().openapi({ param: { name: 'sessionId', in: 'path' } }) }),
  },
  responses: { 204: { description: 'Ended' }, ...errorResponses(400, 401, 403, 404) },
});

export const endMyOtherSignInSessions = route({
  method: 'post',
  path: '/sessions/end-others',
  summary: 'End all my sessions except this one',
  responses: {
    200: jsonResponse('Ended', z.object({ ended: z.number().int() })),
    ...errorResponses(401, 403),
  },
});

export const SetPasswordRequest = z
  .object({
    token: z.string().min(20).max(200),
    password: z.string().min(10, 'At least 10 characters').max(200),
  })
  .openapi('SetPasswordRequest');

export const setPassword = route({
  method: 'post',
  path: '/password',
  summary: 'Set a password with a one-time link token',
  request: {
    body: jsonBody(SetPasswordRequest),
  },
  responses: { 204: { description: 'Password set; sign in with it' }, ...errorResponses(400, 403) },
});
