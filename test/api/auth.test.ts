import { setPasswordHash } from '@kenshu/db';
import { makeOrgUnit } from '@kenshu/db/testing';
import { hashPassword } from '@kenshu/api/passwords';
import { beforeAll, describe, expect, it } from 'vitest';
import { useTestApp } from '../support/app.ts';
import { clientFor, makePerson, signedInAs } from '../support/auth.ts';

const t = useTestApp();
const PASSWORD = 'correct horse battery';
let passwordHash: string;
beforeAll(async () => {
  passwordHash = await hashPassword(PASSWORD);
});

async function personWithPassword(roles: Parameters<typeof makePerson>[1] = []) {
  const staff = await makePerson(t.db, roles);
  await setPasswordHash(t.db, staff.id, passwordHash);
  return staff;
}

function signIn(login: string, password: string, headers: Record<string, string> = {}) {
  return t.app.request('http://localhost/api/auth/sign-in', {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ login, password }),
  });
}

function sessionCookie(res: Response): string {
  const header = res.headers.get('set-cookie') ?? '';
  const match = /kenshu_session=([^;]+)/.exec(header);
  if (!match) throw new Error(`no session cookie in "${header}"`);
  return `kenshu_session=${match[1]}`;
}

describe('signing in', () => {
  it('accepts the staff number or the e-mail, and sets an HttpOnly SameSite cookie', async () => {
    const staff = await personWithPassword();
    const byNumber = await signIn(staff.staff_number, PASSWORD);
    expect(byNumber.status).toBe(200);
    const me = await byNumber.json();
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
    const res = await t.app.request('https://kenshu.example/api/auth/sign-in', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ login: staff.staff_number, password: PASSWORD }),
    });
    expect(res.headers.get('set-cookie')).toMatch(/Secure/);
  });

  it('gives the same answer for a wrong password and an unknown person', async () => {
    const staff = await personWithPassword();
    const wrong = await signIn(staff.staff_number, 'not the password');
    const unknown = await signIn('NOBODY-12345', 'not the password');
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect((await wrong.json()).error.message).toBe((await unknown.json()).error.message);
  });

  it('refuses inactive people', async () => {
    const staff = await personWithPassword();
    await t.db.updateTable('staff').set({ active: false }).where('id', '=', staff.id).execute();
    expect((await signIn(staff.staff_number, PASSWORD)).status).toBe(401);
  });

  it('locks an account out after repeated failures, even with the right password', async () => {
    const staff = await personWithPassword();
    for (let i = 0; i < 10; i++) await signIn(staff.staff_number, `wrong-${i}`);
    const locked = await signIn(staff.staff_number, PASSWORD);
    expect(locked.status).toBe(429);
    expect((await locked.json()).error.code).toBe('RATE_LIMITED');
    // Unknown logins lock the same way, so the lock reveals nothing about who exists.
    for (let i = 0; i < 10; i++) await signIn('GHOST-99', `wrong-${i}`);
    expect((await signIn('GHOST-99', 'whatever')).status).toBe(429);
  }, 60_000);

  it('refuses a sign-in posted from another site', async () => {
    const staff = await personWithPassword();
    const res = await signIn(staff.staff_number, PASSWORD, { origin: 'https://evil.example' });
    expect(res.status).toBe(403);
    expect((await res.json()).error.code).toBe('CSRF_REJECTED');
  });
});

describe('sessions', () => {
  it('rejects a tampered cookie', async () => {
    const res = await t.app.request('/api/auth/me', {
      headers: { cookie: 'kenshu_session=forged-value' },
    });
    expect(res.status).toBe(401);
  });

  it('rejects a state-changing request without the CSRF token, and changes nothing', async () => {
    const staff = await personWithPassword();
    const client = await signedInAs(t.app, t.db, staff.id);
    const res = await client.request('/api/auth/sign-out', {
      method: 'POST',
      headers: { 'x-csrf-token': 'wrong' },
    });
    expect(res.status).toBe(403);
    expect((await res.json()).error.code).toBe('CSRF_REJECTED');
    expect((await client.request('/api/auth/me')).status).toBe(200);
  });

  it('ends the session on the server at sign-out', async () => {
    const staff = await personWithPassword();
    const res = await signIn(staff.staff_number, PASSWORD);
    const me = await res.json();
    const client = clientFor(t.app, staff.id, sessionCookie(res), me.csrfToken);
    expect((await client.request('/api/auth/sign-out', { method: 'POST' })).status).toBe(204);
    // Replaying the old cookie does not work: the session is gone on the server, not just the cookie.
    expect((await client.request('/api/auth/me')).status).toBe(401);
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
    expect((await idle.request('/api/auth/me')).status).toBe(401);
    expect((await old.request('/api/auth/me')).status).toBe(401);
  });

  it('lists my sessions and ends the others', async () => {
    const staff = await personWithPassword();
    const phone = await signedInAs(t.app, t.db, staff.id);
    const laptop = await signedInAs(t.app, t.db, staff.id);
    const list = await (await laptop.request('/api/auth/sessions')).json();
    expect(list.items).toHaveLength(2);
    expect(list.items.filter((s: { current: boolean }) => s.current)).toHaveLength(1);
    const ended = await (
      await laptop.request('/api/auth/sessions/end-others', { method: 'POST' })
    ).json();
    expect(ended.ended).toBe(1);
    expect((await phone.request('/api/auth/me')).status).toBe(401);
    expect((await laptop.request('/api/auth/me')).status).toBe(200);
  });

  it("cannot end someone else's session", async () => {
    const a = await signedInAs(t.app, t.db, (await personWithPassword()).id);
    const b = await signedInAs(t.app, t.db, (await personWithPassword()).id);
    const [bSession] = (await (await b.request('/api/auth/sessions')).json()).items;
    expect(
      (await a.request(`/api/auth/sessions/${bSession.id}`, { method: 'DELETE' })).status,
    ).toBe(404);
    expect((await b.request('/api/auth/me')).status).toBe(200);
  });
});

describe('set-password links', () => {
  it('sets a password once; the link cannot be reused; the change is audited', async () => {
    const admin = await signedInAs(t.app, t.db, (await makePerson(t.db, ['admin'])).id);
    const newcomer = await makePerson(t.db);
    const linkRes = await admin.request(`/api/accounts/${newcomer.id}/password-link`, {
      method: 'POST',
    });
    expect(linkRes.status).toBe(201);
    const { url } = await linkRes.json();
    const token = new URL(url).hash.replace('#token=', '');
    const set = () =>
      t.app.request('/api/auth/password', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ token, password: 'a brand new password' }),
      });
    expect((await set()).status).toBe(204);
    expect((await signIn(newcomer.staff_number, 'a brand new password')).status).toBe(200);
    const again = await set();
    expect(again.status).toBe(403);

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
    const { url } = await (
      await admin.request(`/api/accounts/${person.id}/password-link`, { method: 'POST' })
    ).json();
    await t.db
      .updateTable('password_token')
      .set({ expires_at: new Date(Date.now() - 1000) })
      .where('staff_id', '=', person.id)
      .execute();
    const res = await t.app.request('/api/auth/password', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        token: new URL(url).hash.replace('#token=', ''),
        password: 'long enough password',
      }),
    });
    expect(res.status).toBe(403);
    expect(
      await t.db
        .selectFrom('credential')
        .select('staff_id')
        .where('staff_id', '=', person.id)
        .executeTakeFirst(),
    ).toBeUndefined();
  });

  it('refuses a short password with the field named', async () => {
    const res = await t.app.request('/api/auth/password', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ token: 'x'.repeat(43), password: 'short' }),
    });
    expect(res.status).toBe(400);
    expect((await res.json()).error.details.fields[0].field).toBe('password');
  });
});

describe('roles', () => {
  it('lets an admin grant a role, audited with before and after', async () => {
    const adminStaff = await makePerson(t.db, ['admin']);
    const admin = await signedInAs(t.app, t.db, adminStaff.id);
    const person = await makePerson(t.db, ['section_head']);
    const res = await admin.json(
      `/api/accounts/${person.id}/roles`,
      { grantedRoles: ['trainer'] },
      'PUT',
    );
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({
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
    const admin = await signedInAs(t.app, t.db, adminStaff.id);
    const res = await admin.json(
      `/api/accounts/${adminStaff.id}/roles`,
      { grantedRoles: [] },
      'PUT',
    );
    expect(res.status).toBe(409);
    expect((await admin.request('/api/auth/me').then((r) => r.json())).roles).toContain('admin');
  });
});

describe('audit log', () => {
  it('cannot be edited or deleted, even with SQL', async () => {
    const admin = await signedInAs(t.app, t.db, (await makePerson(t.db, ['admin'])).id);
    await admin.json(
      `/api/accounts/${(await makePerson(t.db)).id}/roles`,
      { grantedRoles: ['trainer'] },
      'PUT',
    );
    await expect(
      t.db.updateTable('audit_log').set({ action: 'tampered' }).execute(),
    ).rejects.toThrow(/cannot be changed/);
    await expect(t.db.deleteFrom('audit_log').execute()).rejects.toThrow(/cannot be changed/);
  });

  it('filters by action and exports CSV with a BOM', async () => {
    const adminStaff = await makePerson(t.db, ['admin']);
    const admin = await signedInAs(t.app, t.db, adminStaff.id);
    const person = await makePerson(t.db, [], { family_name: '山田' });
    await admin.json(`/api/accounts/${person.id}/roles`, { grantedRoles: ['trainer'] }, 'PUT');
    const pageRes = await admin.request(
      `/api/audit-log?action=account.roles_changed&actorStaffNumber=${adminStaff.staff_number}`,
    );
    const page = await pageRes.json();
    expect(pageRes.status, JSON.stringify(page)).toBe(200);
    expect(page.total).toBe(1);
    expect(page.items[0]).toMatchObject({
      targetId: String(person.id),
      actor: { staffNumber: adminStaff.staff_number },
    });
    const csv = await admin.request(
      `/api/audit-log/export.csv?actorStaffNumber=${adminStaff.staff_number}`,
    );
    expect(csv.headers.get('content-type')).toMatch(/text\/csv/);
    const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(await csv.arrayBuffer());
    expect(text.charCodeAt(0)).toBe(0xfeff);
    expect(text).toContain('account.roles_changed');
  });
});

describe('accounts', () => {
  it('lets an admin create an account; a duplicate staff number is a clear conflict', async () => {
    const admin = await signedInAs(t.app, t.db, (await makePerson(t.db, ['admin'])).id);
    const unit = await makeOrgUnit(t.db);
    const body = {
      staffNumber: `N${Date.now()}`,
      familyName: '新井',
      givenName: '花子',
      familyNameKana: 'あらい',
      givenNameKana: 'はなこ',
      email: `hanako${Date.now()}@example.jp`,
      orgUnitId: unit.id,
      employmentType: 'part_time',
    };
    const created = await admin.json('/api/accounts', body);
    expect(created.status).toBe(201);
    const dup = await admin.json('/api/accounts', { ...body, email: 'other@example.jp' });
    expect(dup.status).toBe(409);
    expect((await dup.json()).error.details.field).toBe('staffNumber');
  });
});

describe('security headers', () => {
  it('sends a CSP, no-sniff, frame denial and a referrer policy on every response', async () => {
    for (const path of ['/api/health', '/api/does-not-exist', '/']) {
      const res = await t.app.request(path);
      expect(res.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('x-frame-options')).toBe('DENY');
      expect(res.headers.get('referrer-policy')).toBe('strict-origin-when-cross-origin');
    }
  });
});
