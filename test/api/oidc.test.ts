import { createApp } from '@kenshu/api';
import { ConfigError, loadConfig, type Config } from '@kenshu/api/config';
import { grantRoles, setPasswordHash, type Staff } from '@kenshu/db';
import { makeStaff } from '@kenshu/db/testing';
import { hashPassword } from '@kenshu/api/passwords';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { useTestApp } from '../support/app.ts';
import { signedInAs } from '../support/auth.ts';
import {
  signInAtProvider,
  startOidcProvider,
  type TestOidcProvider,
} from '../support/oidc-provider.ts';
import {
  PASSWORD,
  cookieOf,
  passwordLinkToken,
  setPasswordWith,
  signInWith,
} from '../support/sign-in.ts';
import { failure, okBody, okStatus, publicApi, typedApi } from '../support/typed-api.ts';

// Single sign-on against a real OpenID Connect provider (oidc-provider) on 127.0.0.1. The app is
// reached in-process at http://localhost, which is where the provider sends the browser back.
const CALLBACK = 'http://localhost/api/auth/sso/callback';
const overrides: Partial<Config> = {};
const t = useTestApp(overrides);
let provider: TestOidcProvider;

beforeAll(async () => {
  provider = await startOidcProvider({
    redirectUris: [CALLBACK],
    postLogoutRedirectUris: ['http://localhost/sign-in'],
  });
  overrides.oidc = loadConfig({
    KENSHU_OIDC_ISSUER: provider.issuer,
    KENSHU_OIDC_CLIENT_ID: provider.clientId,
    KENSHU_OIDC_CLIENT_SECRET: provider.clientSecret,
    KENSHU_OIDC_REDIRECT_URL: CALLBACK,
    KENSHU_OIDC_NAME_JA: '財務省アカウント',
    KENSHU_OIDC_NAME_EN: 'the MOF account',
  }).oidc;
});
afterAll(() => provider?.close());
afterEach(() => {
  provider.tamper = undefined;
});

/** A person of the staff list who also has an account at the provider (subject = staff number). */
async function listedPerson(overridesForStaff: Partial<Staff> = {}) {
  const staff = await makeStaff(t.db, overridesForStaff);
  provider.accounts.set(staff.staff_number, {
    sub: staff.staff_number,
    claims: { email: staff.email, email_verified: true, preferred_username: staff.email },
  });
  return staff;
}

/** Presses "sign in with …": Kenshu's redirect to the provider and the browser's SSO cookie. */
async function start(next?: string) {
  const res = await publicApi(t.app).auth.sso.start.$get({ query: { next } });
  expect(res.status).toBe(302);
  const browserCookie = cookieOf(res, 'kenshu_sso');
  if (!browserCookie) throw new Error('no kenshu_sso cookie');
  return { authorizationUrl: res.headers.get('location') ?? '', browserCookie };
}

/** The browser comes back to Kenshu's callback with the query the provider gave it. */
function callback(url: URL, browserCookie: string | undefined) {
  expect(`${url.origin}${url.pathname}`).toBe(CALLBACK);
  return publicApi(t.app).auth.sso.callback.$get(
    { query: Object.fromEntries(url.searchParams) },
    { headers: browserCookie ? { cookie: browserCookie } : {} },
  );
}

/** The signed-in browser's own calls, with the session cookie (and no CSRF token yet). */
function withCookie(cookie: string) {
  return typedApi(t.app, { cookie, csrfToken: '' });
}

/** The whole sign-in: Kenshu → provider (signed in as `subject`) → Kenshu's callback. */
async function signInWithSso(subject: string, next?: string) {
  const { authorizationUrl, browserCookie } = await start(next);
  const back = await signInAtProvider(authorizationUrl, subject);
  const res = await callback(back, browserCookie);
  return { res, back, browserCookie };
}

function expectRefused(res: { status: number; headers: Headers }, problem: string) {
  expect(res.status).toBe(302);
  expect(res.headers.get('location')).toBe(`/sign-in/sso?problem=${problem}`);
  expect(cookieOf(res, 'kenshu_session')).toBeUndefined();
}

async function auditOf(action: string, targetId: number | null = null) {
  let q = t.db.selectFrom('audit_log').selectAll().where('action', '=', action);
  q = targetId === null ? q : q.where('target_id', '=', String(targetId));
  return q.orderBy('id').execute();
}

describe('single sign-on with the authorization code flow and PKCE', () => {
  it('signs an active person of the staff list in, with the same session a password gives', async () => {
    const staff = await listedPerson();
    const { authorizationUrl, browserCookie } = await start();
    const asked = new URL(authorizationUrl);
    expect(asked.origin).toBe(provider.issuer);
    expect(asked.searchParams.get('code_challenge_method')).toBe('S256');
    expect(asked.searchParams.get('code_challenge')).toMatch(/^[\w-]{43}$/);
    expect(asked.searchParams.get('nonce')).toBeTruthy();
    expect(asked.searchParams.get('redirect_uri')).toBe(CALLBACK);

    const back = await signInAtProvider(authorizationUrl, staff.staff_number);
    const res = await callback(back, browserCookie);
    expect(res.status).toBe(302);
    expect(res.headers.get('location')).toBe('/my-training');
    const session = res.headers.getSetCookie().find((c) => c.startsWith('kenshu_session='));
    expect(session).toMatch(/HttpOnly/);
    expect(session).toMatch(/SameSite=Lax/);
    expect(session).toMatch(/Max-Age=43200/);

    const browser = withCookie(cookieOf(res, 'kenshu_session') ?? '');
    const me = await okBody(browser.auth.me.$get(), 200);
    expect(me).toMatchObject({ staffId: staff.id, csrfToken: expect.any(String) });
    expect((await okBody(browser.auth.sessions.$get())).items).toHaveLength(1);
    const row = await t.db
      .selectFrom('auth_session')
      .select(['method', 'id_token'])
      .where('staff_id', '=', staff.id)
      .executeTakeFirstOrThrow();
    expect(row.method).toBe('sso');
    expect(row.id_token).toBe(provider.issuedIdTokens.at(-1));
    expect(await auditOf('auth.sso_signed_in', staff.id)).toHaveLength(1);
    // The state is gone once used.
    const left = await t.db.selectFrom('sso_login_state').selectAll().execute();
    expect(left.map((s) => s.next_path)).not.toContain('/my-training');
  });

  it('opens the page asked for, but only a page of this app', async () => {
    const staff = await listedPerson();
    const asked = await signInWithSso(staff.staff_number, '/sessions?course=1');
    expect(asked.res.headers.get('location')).toBe('/sessions?course=1');
    for (const hostile of ['//evil.example/x', 'https://evil.example', '/%2F%2Fevil.example']) {
      const elsewhere = await signInWithSso(staff.staff_number, hostile);
      expect(elsewhere.res.headers.get('location')).toBe('/my-training');
    }
  });

  it('says whether single sign-on is on and under what name', async () => {
    expect(await okBody(publicApi(t.app).auth.sso.$get())).toEqual({
      enabled: true,
      name: { ja: '財務省アカウント', en: 'the MOF account' },
      required: false,
    });
    const off = publicApi(
      createApp({ database: t.database, config: { ...loadConfig({}), seed: 'none' } }),
    ).auth.sso;
    expect(await okBody(off.$get())).toMatchObject({ enabled: false, name: null });
    expect((await failure(off.start.$get({ query: {} }))).status).toBe(404);
    expect((await failure(off.callback.$get({ query: { state: 'x' } }))).status).toBe(404);
  });
});

describe('ID tokens that must be refused', () => {
  it('refuses a token whose claims were changed after the provider signed it', async () => {
    const victim = await listedPerson();
    const attacker = await listedPerson();
    provider.tamper = (token) => {
      const [header, payload, signature] = token.split('.');
      const claims = JSON.parse(Buffer.from(payload ?? '', 'base64url').toString());
      claims.email = victim.email;
      return `${header}.${Buffer.from(JSON.stringify(claims)).toString('base64url')}.${signature}`;
    };
    const { res } = await signInWithSso(attacker.staff_number);
    expectRefused(res, 'failed');
  });

  it('refuses a token signed by the provider for another client (wrong audience)', async () => {
    const staff = await listedPerson();
    // Re-signed unchanged it passes: the refusals below are for the claim changed, nothing else.
    provider.tamper = (token) => provider.resign(token, () => {});
    expect((await signInWithSso(staff.staff_number)).res.headers.get('location')).toBe(
      '/my-training',
    );
    provider.tamper = (token) =>
      provider.resign(token, (claims) => {
        claims.aud = 'another-application';
      });
    expectRefused((await signInWithSso(staff.staff_number)).res, 'failed');
  });

  it('refuses an expired token', async () => {
    const staff = await listedPerson();
    const now = Math.floor(Date.now() / 1000);
    provider.tamper = (token) =>
      provider.resign(token, (claims) => {
        claims.iat = now - 7200;
        claims.exp = now - 3600;
      });
    expectRefused((await signInWithSso(staff.staff_number)).res, 'failed');
  });

  it('refuses a token with another nonce, and a replayed token from an earlier sign-in', async () => {
    const staff = await listedPerson();
    provider.tamper = (token) =>
      provider.resign(token, (claims) => {
        claims.nonce = 'not-the-nonce-kenshu-sent';
      });
    expectRefused((await signInWithSso(staff.staff_number)).res, 'failed');

    provider.tamper = undefined;
    const first = await signInWithSso(staff.staff_number);
    expect(first.res.headers.get('location')).toBe('/my-training');
    const earlier = provider.issuedIdTokens.at(-1) ?? '';
    // A valid, signed, unexpired token of the same person, but for the earlier sign-in's nonce.
    provider.tamper = () => earlier;
    expectRefused((await signInWithSso(staff.staff_number)).res, 'failed');
  });

  it('refuses a replayed state: the second use of a callback signs nobody in', async () => {
    const staff = await listedPerson();
    const { res, back, browserCookie } = await signInWithSso(staff.staff_number);
    expect(res.headers.get('location')).toBe('/my-training');
    const sessionsBefore = await t.db
      .selectFrom('auth_session')
      .select('id')
      .where('staff_id', '=', staff.id)
      .execute();
    expectRefused(await callback(back, browserCookie), 'expired');
    const sessionsAfter = await t.db
      .selectFrom('auth_session')
      .select('id')
      .where('staff_id', '=', staff.id)
      .execute();
    expect(sessionsAfter).toHaveLength(sessionsBefore.length);
  });

  it('refuses a callback in another browser than the one that started the sign-in', async () => {
    const staff = await listedPerson();
    const { authorizationUrl } = await start();
    const back = await signInAtProvider(authorizationUrl, staff.staff_number);
    const other = await start();
    expectRefused(await callback(back, other.browserCookie), 'failed');
    expectRefused(await callback(back, undefined), 'expired'); // taken by the refused attempt
  });

  it('refuses a state that waited too long', async () => {
    const staff = await listedPerson();
    const { authorizationUrl, browserCookie } = await start();
    const back = await signInAtProvider(authorizationUrl, staff.staff_number);
    t.clock.set(new Date(Date.now() + 11 * 60_000));
    try {
      expectRefused(await callback(back, browserCookie), 'expired');
    } finally {
      t.clock.reset();
    }
  });

  it('says the person cancelled when the provider answers with an error', async () => {
    const { authorizationUrl, browserCookie } = await start();
    const state = new URL(authorizationUrl).searchParams.get('state') ?? '';
    const back = new URL(`${CALLBACK}?error=access_denied&state=${state}`);
    expectRefused(await callback(back, browserCookie), 'cancelled');
  });
});

describe('the staff list decides who may sign in', () => {
  it('refuses someone the provider knows but the staff list does not, and audits it', async () => {
    provider.accounts.set('stranger', {
      sub: 'stranger',
      claims: { email: 'stranger@elsewhere.example', email_verified: true },
    });
    const peopleBefore = await t.db.selectFrom('staff').select('id').execute();
    expectRefused((await signInWithSso('stranger')).res, 'not_in_roster');
    expect(await t.db.selectFrom('staff').select('id').execute()).toHaveLength(peopleBefore.length);
    const audit = (await auditOf('auth.sso_refused')).at(-1);
    expect(audit?.after).toMatchObject({
      reason: 'not_in_roster',
      claim: 'email',
      value: 'stranger@elsewhere.example',
    });
  });

  it('refuses a deactivated person, and audits it against them', async () => {
    const staff = await listedPerson({ active: false });
    expectRefused((await signInWithSso(staff.staff_number)).res, 'deactivated');
    const audit = await auditOf('auth.sso_refused', staff.id);
    expect(audit).toHaveLength(1);
    expect(audit[0]?.after).toMatchObject({ reason: 'deactivated' });
  });
});

describe('signing out', () => {
  it("sends a single sign-on session to the provider's sign-out page with the ID token", async () => {
    const staff = await listedPerson();
    const { res } = await signInWithSso(staff.staff_number);
    const cookie = cookieOf(res, 'kenshu_session') ?? '';
    const me = await okBody(withCookie(cookie).auth.me.$get());
    const idToken = provider.issuedIdTokens.at(-1);
    const browser = typedApi(t.app, { cookie, csrfToken: me.csrfToken });
    const out = await okBody(browser.auth['sign-out'].$post(), 200);
    if (!('endSessionUrl' in out)) throw new Error("no address of the provider's sign-out page");
    const endSession = new URL(out.endSessionUrl);
    expect(`${endSession.origin}${endSession.pathname}`).toBe(`${provider.issuer}/session/end`);
    expect(endSession.searchParams.get('id_token_hint')).toBe(idToken);
    expect(endSession.searchParams.get('post_logout_redirect_uri')).toBe(
      'http://localhost/sign-in',
    );
    // Kenshu's session is over…
    expect((await failure(browser.auth.me.$get())).status).toBe(401);
    // …and the provider accepts the hint and the address to come back to (its confirm page).
    const atProvider = await fetch(endSession, { redirect: 'manual' });
    expect(atProvider.status).toBe(200);
    expect(await atProvider.text()).toContain('<form');
  });
});

describe('admins can require single sign-on', () => {
  it('refuses passwords then, except for a break-glass admin', async () => {
    const hash = await hashPassword(PASSWORD);
    const person = await listedPerson();
    const breakGlass = await listedPerson();
    const otherAdmin = await listedPerson();
    for (const s of [person, breakGlass, otherAdmin]) await setPasswordHash(t.db, s.id, hash);
    await grantRoles(
      t.db,
      [breakGlass, otherAdmin].map((s) => ({ staff_id: s.id, role: 'admin' as const })),
      null,
    );
    const adminClient = await signedInAs(t.app, t.db, otherAdmin.id);
    const accounts = typedApi(t.app, adminClient).accounts;
    const require = (ssoRequired: boolean) =>
      accounts['sign-in-settings'].$put({ json: { ssoRequired } });
    const mark = (staffId: number, breakGlassMark: boolean) =>
      accounts[':id']['break-glass'].$put({
        param: { id: String(staffId) },
        json: { breakGlass: breakGlassMark },
      });

    // Not without a way back in: a break-glass admin account must be marked first…
    expect((await failure(require(true))).status).toBe(409);
    // …and only an admin account can be one.
    expect((await failure(mark(person.id, true))).status).toBe(409);
    const marked = await okBody(mark(breakGlass.id, true), 200);
    expect(marked.breakGlassAdmins).toEqual([expect.objectContaining({ staffId: breakGlass.id })]);
    const required = await okBody(require(true), 200);
    expect(required).toMatchObject({ ssoConfigured: true, ssoRequired: true });
    expect(await auditOf('account.break_glass_changed', breakGlass.id)).toHaveLength(1);
    expect((await auditOf('sign_in_settings.saved')).at(-1)?.after).toEqual({
      ssoRequired: true,
    });
    // The last break-glass account stays while SSO is required.
    expect((await failure(mark(breakGlass.id, false))).status).toBe(409);
    const roles = await okBody(
      accounts[':id'].roles.$get({ param: { id: String(breakGlass.id) } }),
    );
    expect(roles.breakGlass).toBe(true);
    try {
      const signIn = (login: string, password = PASSWORD) => signInWith(t.app, login, password);
      const refused = await signIn(person.staff_number);
      expect(await failure(Promise.resolve(refused))).toEqual({
        status: 403,
        code: 'SSO_REQUIRED',
      });
      expect(cookieOf(refused, 'kenshu_session')).toBeUndefined();
      expect((await failure(signIn(otherAdmin.staff_number))).status).toBe(403);
      // A wrong password is still just wrong: nothing is told to someone who does not know it.
      expect((await failure(signIn(person.staff_number, 'wrong password'))).status).toBe(401);
      await okBody(signIn(breakGlass.staff_number), 200);
      // Single sign-on still works for everyone.
      const sso = await signInWithSso(person.staff_number);
      expect(sso.res.headers.get('location')).toBe('/my-training');
      expect(await okBody(publicApi(t.app).auth.sso.$get())).toMatchObject({ required: true });
      // A set-password link still works, but its password does not sign in while SSO is required.
      const token = await passwordLinkToken(t.app, adminClient, person.id);
      await okStatus(setPasswordWith(t.app, token, 'a brand new password 42'), 204);
      expect((await failure(signIn(person.staff_number, 'a brand new password 42'))).status).toBe(
        403,
      );
    } finally {
      await okBody(require(false), 200);
    }
    await okBody(mark(breakGlass.id, false), 200);
  });

  it('cannot be required while single sign-on is not configured', async () => {
    const off = createApp({ database: t.database, config: { ...loadConfig({}), seed: 'none' } });
    const staff = await listedPerson();
    await grantRoles(t.db, [{ staff_id: staff.id, role: 'admin' }], null);
    const settings = typedApi(off, await signedInAs(off, t.db, staff.id)).accounts[
      'sign-in-settings'
    ];
    expect((await failure(settings.$put({ json: { ssoRequired: true } }))).status).toBe(409);
    expect(await okBody(settings.$get())).toMatchObject({
      ssoConfigured: false,
      ssoRequired: false,
    });
  });
});

describe('hostile callbacks', () => {
  it('answer with a 4xx or the refusal page, never a 500', async () => {
    // Malformed on purpose (a NUL, a lone surrogate, a bare %), which the typed client would
    // encode into harmless values: raw requests, as on the wire.
    const values = ['%00', '%ED%A0%80', '%', 'x'.repeat(100_000), '%3Dcmd%7C', '-1'];
    const problems: string[] = [];
    for (const name of ['state', 'code', 'iss', 'error']) {
      for (const value of values) {
        const res = await t.app.request(
          `http://localhost/api/auth/sso/callback?${name}=${value}&state=abc`,
        );
        await res.arrayBuffer();
        if (res.status >= 500 || (res.status === 302 && !res.headers.get('location')))
          problems.push(`${name}=${value.slice(0, 20)}: ${res.status}`);
      }
    }
    expect(problems).toEqual([]);
    expectRefused(await callback(new URL(`${CALLBACK}?code=abc`), undefined), 'failed');
  });
});

describe('configuration', () => {
  it('names the variable that is wrong, in one line', () => {
    expect(() => loadConfig({ KENSHU_OIDC_ISSUER: 'http://login.example.com' })).toThrow(
      ConfigError,
    );
    expect(() => loadConfig({ KENSHU_OIDC_ISSUER: 'http://login.example.com' })).toThrow(
      /^KENSHU_OIDC_ISSUER must be an https:\/\/ issuer URL/,
    );
    expect(() => loadConfig({ KENSHU_OIDC_ISSUER: 'https://login.example.com' })).toThrow(
      /^KENSHU_OIDC_CLIENT_ID must be set/,
    );
    const base = {
      KENSHU_OIDC_ISSUER: 'https://login.microsoftonline.com/tenant/v2.0',
      KENSHU_OIDC_CLIENT_ID: 'kenshu',
    };
    expect(() => loadConfig(base)).toThrow(/^KENSHU_OIDC_REDIRECT_URL must be set/);
    expect(() =>
      loadConfig({ ...base, KENSHU_OIDC_REDIRECT_URL: 'https://kenshu.example/elsewhere' }),
    ).toThrow(/^KENSHU_OIDC_REDIRECT_URL must be/);
    expect(() =>
      loadConfig({ ...base, KENSHU_PUBLIC_URL: 'https://k.example', KENSHU_OIDC_MATCH: 'name' }),
    ).toThrow(/^KENSHU_OIDC_MATCH must be one of email, staff_number/);
    expect(() =>
      loadConfig({
        ...base,
        KENSHU_PUBLIC_URL: 'https://k.example',
        KENSHU_OIDC_ALLOWED_EMAIL_DOMAINS: 'not a domain',
      }),
    ).toThrow(/^KENSHU_OIDC_ALLOWED_EMAIL_DOMAINS must be/);
    const ok = loadConfig({
      ...base,
      KENSHU_PUBLIC_URL: 'https://kenshu.example.go.jp',
      KENSHU_OIDC_CLAIM: 'preferred_username',
      KENSHU_OIDC_ALLOWED_EMAIL_DOMAINS: 'example.go.jp, @Mof.go.jp',
    }).oidc;
    expect(ok).toMatchObject({
      redirectUrl: 'https://kenshu.example.go.jp/api/auth/sso/callback',
      postLogoutRedirectUrl: 'https://kenshu.example.go.jp/sign-in',
      claim: 'preferred_username',
      matchBy: 'email',
      allowedEmailDomains: ['example.go.jp', 'mof.go.jp'],
      loopback: false,
    });
    expect(loadConfig({}).oidc).toBeUndefined();
  });
});
