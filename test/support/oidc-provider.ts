import { generateKeyPairSync, sign, type KeyObject } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import Provider, { type Configuration } from 'oidc-provider';

/** A person the provider knows: their subject and the claims it asserts about them. */
export interface ProviderAccount {
  sub: string;
  claims: Record<string, string | boolean>;
}

/** Changes the ID token the token endpoint hands out (a tampered, expired or replayed one). */
export type IdTokenTamper = (idToken: string) => string;

export interface TestOidcProvider {
  /** e.g. http://127.0.0.1:41234 */
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** Who may sign in at the provider, by subject (what its login form asks for). */
  accounts: Map<string, ProviderAccount>;
  /** Set to change the next ID tokens the token endpoint sends; undefined sends them as issued. */
  tamper: IdTokenTamper | undefined;
  /** The ID tokens the token endpoint sent, in order. */
  issuedIdTokens: string[];
  /** Re-signs an ID token with the provider's own key after changing its claims. */
  resign(idToken: string, change: (claims: Record<string, unknown>) => void): string;
  close(): Promise<void>;
}

function decodePart(part: string | undefined): Record<string, unknown> {
  return JSON.parse(Buffer.from(part ?? '', 'base64url').toString('utf8'));
}

function signJwt(
  header: Record<string, unknown>,
  claims: Record<string, unknown>,
  key: KeyObject,
): string {
  const encode = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
  const input = `${encode(header)}.${encode(claims)}`;
  return `${input}.${sign('sha256', Buffer.from(input), key).toString('base64url')}`;
}

async function formBody(ctx: { req: AsyncIterable<unknown> }): Promise<URLSearchParams> {
  const chunks: Buffer[] = [];
  for await (const chunk of ctx.req) chunks.push(chunk as Buffer);
  return new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
}

const page = (title: string, body: string) =>
  `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${title}</title></head>` +
  `<body><main><h1>${title}</h1>${body}</main></body></html>`;

/**
 * A real OpenID Connect provider (the `oidc-provider` package) on 127.0.0.1, with one client
 * for Kenshu and a plain login form (a subject, no password: the provider's own sign-in is not
 * what the tests are about). It signs with an RSA key made here, so a test can hand out tokens
 * that are honestly signed but wrong (expired, another audience) or tampered after signing.
 */
export async function startOidcProvider(options: {
  redirectUris: string[];
  postLogoutRedirectUris: string[];
}): Promise<TestOidcProvider> {
  const server: Server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const kid = 'kenshu-test-key';
  const accounts = new Map<string, ProviderAccount>();
  const clientId = 'kenshu';
  const clientSecret = 'kenshu-test-client-secret-0123456789';

  const configuration: Configuration = {
    clients: [
      {
        client_id: clientId,
        client_secret: clientSecret,
        redirect_uris: options.redirectUris,
        post_logout_redirect_uris: options.postLogoutRedirectUris,
        response_types: ['code'],
        grant_types: ['authorization_code'],
        token_endpoint_auth_method: 'client_secret_basic',
      },
    ],
    jwks: {
      keys: [{ ...privateKey.export({ format: 'jwk' }), kid, alg: 'RS256', use: 'sig' }],
    },
    cookies: { keys: ['kenshu-test-provider-cookie-key'] },
    claims: {
      openid: ['sub'],
      email: ['email', 'email_verified'],
      profile: ['name', 'preferred_username', 'employee_id'],
    },
    // Claims of the requested scopes go into the ID token itself, as Entra ID does.
    conformIdTokenClaims: false,
    features: { devInteractions: { enabled: false } },
    interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
    pkce: { required: () => true },
    ttl: {
      Interaction: 600,
      Session: 3600,
      Grant: 3600,
      AccessToken: 600,
      AuthorizationCode: 60,
      IdToken: 3600,
    },
    findAccount: async (_ctx, sub) => {
      const account = accounts.get(sub);
      if (!account) return undefined;
      return { accountId: sub, claims: async () => ({ sub, ...account.claims }) };
    },
  };
  const provider = new Provider(issuer, configuration);
  const state: TestOidcProvider = {
    issuer,
    clientId,
    clientSecret,
    accounts,
    tamper: undefined,
    issuedIdTokens: [],
    resign(idToken, change) {
      const [header, payload] = idToken.split('.');
      const claims = decodePart(payload);
      change(claims);
      return signJwt(decodePart(header), claims, privateKey);
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };

  // The provider's sign-in: a form asking for the subject; signing in consents to the scopes.
  provider.use(async (ctx, next) => {
    const match = /^\/interaction\/([^/]+)(\/login)?$/.exec(ctx.path);
    if (!match) return next();
    const details = await provider.interactionDetails(ctx.req, ctx.res);
    if (ctx.method === 'GET') {
      ctx.type = 'html';
      ctx.body = page(
        'Test provider sign-in',
        `<form method="post" action="/interaction/${details.uid}/login">` +
          `<label>User <input name="login" autocomplete="username"></label>` +
          `<button type="submit">Continue</button></form>`,
      );
      return;
    }
    const login = (await formBody(ctx)).get('login') ?? '';
    if (!accounts.has(login)) {
      ctx.status = 400;
      ctx.type = 'html';
      ctx.body = page('Unknown user', '<p>No such user at the test provider.</p>');
      return;
    }
    const grant = new provider.Grant({ accountId: login, clientId });
    grant.addOIDCScope(String(details.params.scope ?? 'openid'));
    const grantId = await grant.save();
    await provider.interactionFinished(
      ctx.req,
      ctx.res,
      { login: { accountId: login }, consent: { grantId } },
      { mergeWithLastSubmission: false },
    );
  });

  // After the token endpoint answered: remember the ID token, and change it if a test asks.
  provider.use(async (ctx, next) => {
    await next();
    if (ctx.path !== '/token' || ctx.status !== 200) return;
    const body = ctx.body as { id_token?: string } | undefined;
    if (!body?.id_token) return;
    state.issuedIdTokens.push(body.id_token);
    if (state.tamper) ctx.body = { ...body, id_token: state.tamper(body.id_token) };
  });

  server.on('request', provider.callback());
  return state;
}

/**
 * Signs in at the provider the way a browser would, without one: follows the authorization URL
 * to the provider's form, submits the subject, and returns the redirect back to Kenshu's
 * callback (with code, state and iss).
 */
export async function signInAtProvider(authorizationUrl: string, subject: string): Promise<URL> {
  const jar = new Map<string, string>();
  const send = async (url: string, init: RequestInit = {}) => {
    const headers = new Headers(init.headers);
    headers.set('cookie', [...jar].map(([k, v]) => `${k}=${v}`).join('; '));
    const res = await fetch(url, { ...init, headers, redirect: 'manual' });
    for (const cookie of res.headers.getSetCookie()) {
      const [pair = ''] = cookie.split(';');
      const at = pair.indexOf('=');
      jar.set(pair.slice(0, at), pair.slice(at + 1));
    }
    await res.arrayBuffer();
    return res;
  };
  let res = await send(authorizationUrl);
  let location = res.headers.get('location');
  if (!location) throw new Error(`the provider did not ask for a sign-in (${res.status})`);
  const interaction = new URL(location, authorizationUrl);
  res = await send(`${interaction.href}/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ login: subject }).toString(),
  });
  location = res.headers.get('location');
  if (!location) throw new Error(`the provider refused the sign-in (${res.status})`);
  for (let hops = 0; hops < 5; hops++) {
    const next = new URL(location, interaction);
    if (next.origin !== new URL(authorizationUrl).origin) return next;
    res = await send(next.href);
    location = res.headers.get('location');
    if (!location) throw new Error(`the provider stopped at ${next.pathname} (${res.status})`);
  }
  throw new Error('the provider redirected too often');
}
