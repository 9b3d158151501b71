import type { AppType } from '@kenshu/api';
import { makeOrgUnit } from '@kenshu/db/testing';
import { hc } from 'hono/client';
import { describe, expect, it } from 'vitest';
import { useTestApp } from '../support/app.ts';
import { makePerson, signedInAs } from '../support/auth.ts';
import {
  PASSWORD,
  browserAfter,
  passwordLinkToken,
  sessionCookie,
  setPasswordWith,
  signInWith,
  usePasswordPeople,
} from '../support/sign-in.ts';
import {
  failure,
  failureBody,
  okBody,
  okStatus,
  publicApi,
  typedApi,
} from '../support/typed-api.ts';

const t = useTestApp();
const personWithPassword = usePasswordPeople(() => t.db);
const signIn = (login: string, password: string, headers: Record<string, string> = {}) =>
  signInWith(t.app, login, password, headers);

type NewAccount = Parameters<ReturnType<typeof typedApi>['accounts']['$post']>[0]['json'];

describe('signing in', () => {
  it('accepts the staff number or the e-mail, and sets an HttpOnly SameSite cookie', async () => {
    const staff = await personWithPassword();
    const byNumber = await signIn(staff.staff_number, PASSWORD);
    const me = await okBody(Promise.resolve(byNumber), 200);
    expect(me).toMatchObject({ staffId: staff.id, roles: [], csrfToken: expect.any(String) });
    const cookie = byNumber.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Lax/);
    expect(cookie).not.toMatch(/Secure/); // plain http in tests

    const byEmail = await signIn(staff.email.toUpperCase(), PASSWORD);
    expect(byEmail.status).toBe(200);
    expect(sessionCookie(byEmail)).not.toBe(sessionCookie(byNumber)); // a new session id each time
  });

  it('marks the cookie Secure over HTTPS', async () => {
    const staff = await personWithPassword();
    // The test client always calls http://localhost; this one calls the app over https.
    const overHttps = hc<AppType>('https://kenshu.example', {
      fetch: (input: RequestInfo | URL, init?: RequestInit) => t.app.request(input, init),
    }).api;
    const res = await overHttps.auth['sign-in'].$post({
      json: { login: staff.staff_number, password: PASSWORD },
    });
    expect(res.headers.get('set-cookie')).toMatch(/Secure/);
  });

  it('gives the same answer for a wrong password and an unknown person', async () => {
    const staff = await personWithPassword();
    const wrong = await failureBody(signIn(staff.staff_number, 'not the password'));
    const unknown = await failureBody(signIn('NOBODY-12345', 'not the password'));
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(wrong.error.message).toBe(unknown.error.message);
  });

  it('refuses inactive people', async () => {
    const staff = await personWithPassword();
    await t.db.updateTable('staff').set({ active: false }).where('id', '=', staff.id).execute();
    expect((await failure(signIn(staff.staff_number, PASSWORD))).status).toBe(401);
  });

  it('locks an account out after repeated failures, even with the right password', async () => {
    const staff = await personWithPassword();
    for (let i = 0; i < 10; i++) await signIn(staff.staff_number, `wrong-${i}`);
    expect(await failure(signIn(staff.staff_number, PASSWORD))).toEqual({
      status: 429,
      code: 'RATE_LIMITED',
    });
    // Unknown logins lock the same way, so the lock reveals nothing about who exists.
    for (let i = 0; i < 10; i++) await signIn('GHOST-99', `wrong-${i}`);
    expect((await failure(signIn('GHOST-99', 'whatever'))).status).toBe(429);
  }, 60_000);

  it('refuses a sign-in posted from another site', async () => {
    const staff = await personWithPassword();
    const fromElsewhere = signIn(staff.staff_number, PASSWORD, { origin: 'https://evil.example' });
    expect(await failure(fromElsewhere)).toEqual({ status: 403, code: 'CSRF_REJECTED' });
  });
});

describe('sessions', () => {
  it('rejects a tampered cookie', async () => {
    const forged = publicApi(t.app).auth.me.$get(
      {},
      { headers: { cookie: 'kenshu_session=forged-value' } },
    );
    expect((await failure(forged)).status).toBe(401);
  });

  it('rejects a state-changing request without the CSRF token, and changes nothing', async () => {
    const staff = await personWithPassword();
    const client = await signedInAs(t.app, t.db, staff.id);
    const withWrongToken = typedApi(t.app, { cookie: client.cookie, csrfToken: 'wrong' });
    expect(await failure(withWrongToken.auth['sign-out'].$post())).toEqual({
      status: 403,
      code: 'CSRF_REJECTED',
    });
    await okBody(typedApi(t.app, client).auth.me.$get(), 200);
  });

  it('ends the session on the server at sign-out', async () => {
    const staff = await personWithPassword();
    const browser = await browserAfter(t.app, await signIn(staff.staff_number, PASSWORD));
    const api = typedApi(t.app, browser);
    await okStatus(api.auth['sign-out'].$post(), 204);
    // Replaying the old cookie does not work: the session is gone on the server, not just the cookie.
    expect((await failure(api.auth.me.$get())).status).toBe(401);
  });

  it('ends a session after 30 idle minutes and after 12 hours in any case', async () => {
    const staff = await personWithPassword();
    const idle = await signedInAs(t.app, t.db, staff.id);
    const old = await signedInAs(t.app, t.db, staff.id);
    await t.db
      .updateTable('auth_session')
      .set({ last_seen_at: new Date(Date.now() - 31 * 60_000) })
      .where('csrf_token', '=', idle.csrfToken)
      .execute();
    await t.db
      .updateTable('auth_session')
      .set({ expires_at: new Date(Date.now() - 1000) })
      .where('csrf_token', '=', old.csrfToken)
      .execute();
    expect((await failure(typedApi(t.app, idle).auth.me.$get())).status).toBe(401);
    expect((await failure(typedApi(t.app, old).auth.me.$get())).status).toBe(401);
  });

  it('lists my sessions and ends the others', async () => {
    const staff = await personWithPassword();
    const phone = typedApi(t.app, await signedInAs(t.app, t.db, staff.id));
    const laptop = typedApi(t.app, await signedInAs(t.app, t.db, staff.id));
    const list = await okBody(laptop.auth.sessions.$get());
    expect(list.items).toHaveLength(2);
    expect(list.items.filter((s) => s.current)).toHaveLength(1);
    const ended = await okBody(laptop.auth.sessions['end-others'].$post());
    expect(ended.ended).toBe(1);
    expect((await failure(phone.auth.me.$get())).status).toBe(401);
    await okBody(laptop.auth.me.$get(), 200);
  });

  it("cannot end someone else's session", async () => {
    const a = typedApi(t.app, await signedInAs(t.app, t.db, (await personWithPassword()).id));
    const b = typedApi(t.app, await signedInAs(t.app, t.db, (await personWithPassword()).id));
    const [bSession] = (await okBody(b.auth.sessions.$get())).items;
    if (!bSession) throw new Error('b has no session');
    const endIt = a.auth.sessions[':sessionId'].$delete({ param: { sessionId: bSession.id } });
    expect((await failure(endIt)).status).toBe(404);
    await okBody(b.auth.me.$get(), 200);
  });
});

describe('set-password links', () => {
  it('sets a password once; the link cannot be reused; the change is audited', async () => {
    const admin = await signedInAs(t.app, t.db, (await makePerson(t.db, ['admin'])).id);
    const newcomer = await makePerson(t.db);
    const token = await passwordLinkToken(t.app, admin, newcomer.id);
    const set = () => setPasswordWith(t.app, token, 'a brand new password');
    await okStatus(set(), 204);
    await okBody(signIn(newcomer.staff_number, 'a brand new password'), 200);
    expect((await failure(set())).status).toBe(403);

    const audit = await t.db
      .selectFrom('audit_log')
      .select('action')
      .where('target_id', '=', String(newcomer.id))
      .execute();
    expect(audit.map((a) => a.action).sort()).toEqual([
      'account.password_link_issued',
      'account.password_set',
    ]);
  });

  it('refuses an expired link', async () => {
    const admin = await signedInAs(t.app, t.db, (await makePerson(t.db, ['admin'])).id);
    const person = await makePerson(t.db);
    const token = await passwordLinkToken(t.app, admin, person.id);
    await t.db
      .updateTable('password_token')
      .set({ expires_at: new Date(Date.now() - 1000) })
      .where('staff_id', '=', person.id)
      .execute();
    const set = setPasswordWith(t.app, token, 'long enough password');
    expect((await failure(set)).status).toBe(403);
    expect(
      await t.db
        .selectFrom('credential')
        .select('staff_id')
        .where('staff_id', '=', person.id)
        .executeTakeFirst(),
    ).toBeUndefined();
  });

  it('refuses a short password with the field named', async () => {
    const { status, error } = await failureBody(setPasswordWith(t.app, 'x'.repeat(43), 'short'));
    expect(status).toBe(400);
    expect(error.details).toHaveProperty(['fields', 0, 'field'], 'password');
  });
});

describe('roles', () => {
  it('lets an admin grant a role, audited with before and after', async () => {
    const adminStaff = await makePerson(t.db, ['admin']);
    const admin = typedApi(t.app, await signedInAs(t.app, t.db, adminStaff.id));
    const person = await makePerson(t.db, ['section_head']);
    const roles = await okBody(
      admin.accounts[':id'].roles.$put({
        param: { id: String(person.id) },
        json: { grantedRoles: ['trainer'] },
      }),
      200,
    );
    expect(roles).toEqual({
      hrRoles: ['section_head'],
      grantedRoles: ['trainer'],
      breakGlass: false,
    });
    const row = await t.db
      .selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'account.roles_changed')
      .where('target_id', '=', String(person.id))
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({
      actor_staff_id: adminStaff.id,
      before: { grantedRoles: [] },
      after: { grantedRoles: ['trainer'] },
    });
  });

  it('refuses a role that does not exist', async () => {
    const admin = await signedInAs(t.app, t.db, (await makePerson(t.db, ['admin'])).id);
    const person = await makePerson(t.db);
    // A role the app does not have, which the typed client would not send: a raw request.
    const res = await admin.json(
      `/api/accounts/${person.id}/roles`,
      { grantedRoles: ['emperor'] },
      'PUT',
    );
    expect(res.status).toBe(400);
    expect(
      await t.db.selectFrom('role_grant').selectAll().where('staff_id', '=', person.id).execute(),
    ).toEqual([]);
  });

  it('does not let an admin remove their own admin role', async () => {
    const adminStaff = await makePerson(t.db, ['admin']);
    const admin = typedApi(t.app, await signedInAs(t.app, t.db, adminStaff.id));
    const removeOwn = admin.accounts[':id'].roles.$put({
      param: { id: String(adminStaff.id) },
      json: { grantedRoles: [] },
    });
    expect((await failure(removeOwn)).status).toBe(409);
    expect((await okBody(admin.auth.me.$get())).roles).toContain('admin');
  });
});

describe('audit log', () => {
  it('cannot be edited or deleted, even with SQL', async () => {
    const admin = await signedInAs(t.app, t.db, (await makePerson(t.db, ['admin'])).id);
    await okBody(
      typedApi(t.app, admin).accounts[':id'].roles.$put({
        param: { id: String((await makePerson(t.db)).id) },
        json: { grantedRoles: ['trainer'] },
      }),
    );
    await expect(
      t.db.updateTable('audit_log').set({ action: 'tampered' }).execute(),
    ).rejects.toThrow(/cannot be changed/);
    await expect(t.db.deleteFrom('audit_log').execute()).rejects.toThrow(/cannot be changed/);
  });

  it('filters by action and exports CSV with a BOM', async () => {
    const adminStaff = await makePerson(t.db, ['admin']);
    const admin = typedApi(t.app, await signedInAs(t.app, t.db, adminStaff.id));
    const person = await makePerson(t.db, [], { family_name: '山田' });
    await okBody(
      admin.accounts[':id'].roles.$put({
        param: { id: String(person.id) },
        json: { grantedRoles: ['trainer'] },
      }),
    );
    const page = await okBody(
      admin['audit-log'].$get({
        query: { action: 'account.roles_changed', actorStaffNumber: adminStaff.staff_number },
      }),
      200,
    );
    expect(page.total).toBe(1);
    expect(page.items[0]).toMatchObject({
      targetId: String(person.id),
      actor: { staffNumber: adminStaff.staff_number },
    });
    const csv = await admin['audit-log']['export.csv'].$get({
      query: { actorStaffNumber: adminStaff.staff_number },
    });
    expect(csv.headers.get('content-type')).toMatch(/text\/csv/);
    const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(await csv.arrayBuffer());
    expect(text.charCodeAt(0)).toBe(0xfeff);
    expect(text).toContain('account.roles_changed');
  });
});

describe('accounts', () => {
  it('lets an admin create an account; a duplicate staff number is a clear conflict', async () => {
    const admin = typedApi(
      t.app,
      await signedInAs(t.app, t.db, (await makePerson(t.db, ['admin'])).id),
    );
    const unit = await makeOrgUnit(t.db);
    const body: NewAccount = {
      staffNumber: `N${Date.now()}`,
      familyName: '新井',
      givenName: '花子',
      familyNameKana: 'あらい',
      givenNameKana: 'はなこ',
      email: `hanako${Date.now()}@example.jp`,
      orgUnitId: unit.id,
      employmentType: 'part_time',
    };
    await okBody(admin.accounts.$post({ json: body }), 201);
    const dup = await failureBody(
      admin.accounts.$post({ json: { ...body, email: 'other@example.jp' } }),
    );
    expect(dup.status).toBe(409);
    expect(dup.error.details?.field).toBe('staffNumber');
  });
});

describe('security headers', () => {
  it('sends a CSP, no-sniff, frame denial and a referrer policy on every response', async () => {
    const responses = [
      await publicApi(t.app).health.$get(),
      // An unknown route and the web page are no calls of the typed client: raw requests.
      await t.app.request('/api/does-not-exist'),
      await t.app.request('/'),
    ];
    for (const res of responses) {
      expect(res.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('x-frame-options')).toBe('DENY');
      expect(res.headers.get('referrer-policy')).toBe('strict-origin-when-cross-origin');
    }
  });
});
