import { makeOrgUnit, makeStaff } from '@kenshu/db/testing';
import { beforeAll, describe, expect, it } from 'vitest';
import { useTestApp } from '../support/app.ts';
import { makePerson, signedInAs, type SignedInClient } from '../support/auth.ts';
import { failure, okBody, publicApi, typedApi } from '../support/typed-api.ts';

const t = useTestApp({ bodyLimitBytes: 64 * 1024 });
let admin: SignedInClient;
beforeAll(async () => {
  admin = await signedInAs(t.app, t.db, (await makePerson(t.db, ['admin'])).id);
});

/** The staff list as the admin asks for it. */
function staffList(query: { q?: string; orgUnitId?: string }) {
  return typedApi(t.app, admin).staff.$get({ query });
}

describe('health', () => {
  it('reports the database kind, the migration version and the runtime', async () => {
    const body = await okBody(publicApi(t.app).health.$get(), 200);
    expect(body).toMatchObject({ status: 'ok', migration: expect.stringMatching(/^\d{4}-/) });
    expect(body.database).toBe(process.env.DATABASE_URL ? 'postgres' : 'embedded');
    // Every pnpm script runs on the Node 24 LTS the `node` devDependency brings.
    expect(body.runtime).toMatch(/^node v24\./);
  });
});

describe('the clock', () => {
  it('is the one the app was given, so a test can move to another fiscal year', async () => {
    t.clock.set('2027-03-31T23:59:00+09:00');
    const current = () => okBody(publicApi(t.app)['fiscal-years'].current.$get());
    const before = await current();
    t.clock.advance(60_000);
    const after = await current();
    t.clock.reset();
    expect([before.fiscalYear, before.labelJa]).toEqual([2026, '令和8年度']);
    expect([after.fiscalYear, after.labelEn]).toEqual([2027, 'FY2027']);
  });
});

describe('organisation and staff', () => {
  it('finds staff anywhere in a unit subtree, and not outside it', async () => {
    const bureau = await makeOrgUnit(t.db);
    const division = await makeOrgUnit(t.db, { parent_id: bureau.id, kind: 'division' });
    const elsewhere = await makeOrgUnit(t.db);
    const inDivision = await makeStaff(t.db, { org_unit_id: division.id });
    const inBureau = await makeStaff(t.db, { org_unit_id: bureau.id });
    await makeStaff(t.db, { org_unit_id: elsewhere.id });

    const page = await okBody(staffList({ orgUnitId: String(bureau.id) }), 200);
    expect(page.total).toBe(2);
    expect(page.items.map((s) => s.staffNumber).sort()).toEqual(
      [inDivision.staff_number, inBureau.staff_number].sort(),
    );
  });

  it('lists units parents-first with their staff counts', async () => {
    const bureau = await makeOrgUnit(t.db);
    const division = await makeOrgUnit(t.db, { parent_id: bureau.id, kind: 'division' });
    await makeStaff(t.db, { org_unit_id: division.id });
    const { items } = await okBody(typedApi(t.app, admin)['org-units'].$get());
    const ids = items.map((u) => u.id);
    expect(ids.indexOf(bureau.id)).toBeLessThan(ids.indexOf(division.id));
    expect(items.find((u) => u.id === division.id)).toMatchObject({
      parentId: bureau.id,
      depth: 1,
      staffCount: 1,
    });
  });

  it('searches by kana and staff number', async () => {
    const s = await makeStaff(t.db, { family_name_kana: 'ほしの', given_name_kana: 'げん' });
    const byKana = await okBody(staffList({ q: 'ほしの' }));
    expect(byKana.items.map((x) => x.id)).toContain(s.id);
    const byNumber = await okBody(staffList({ q: s.staff_number }));
    expect(byNumber.total).toBe(1);
  });
});

// Most of these requests are malformed on purpose (a word for a number, broken JSON, wrong
// types, a route that does not exist), which the typed client would not send: they stay raw.
describe('bad input', () => {
  it('names the offending field of a malformed query', async () => {
    const res = await admin.request('/api/staff?limit=many');
    expect(res.status).toBe(400);
    const body = await res.json();
    expect(body.error.code).toBe('VALIDATION');
    expect(body.error.details.fields[0].field).toBe('limit');
    expect(body.requestId).toEqual(expect.any(String));
  });

  it('answers malformed JSON with a 400 in the error shape', async () => {
    const res = await t.app.request('/api/auth/sign-in', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"login": "A0001", ',
    });
    expect(res.status).toBe(400);
    expect((await res.json()).error.code).toBe('VALIDATION');
  });

  it('names a missing field and a wrong type', async () => {
    const res = await t.app.request('/api/auth/sign-in', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ login: 42 }),
    });
    expect(res.status).toBe(400);
    const fields = (await res.json()).error.details.fields.map((f: { field: string }) => f.field);
    expect(fields).toEqual(expect.arrayContaining(['login', 'password']));
  });

  it('refuses an oversized body with 413 before reading it all', async () => {
    const signIn = publicApi(t.app).auth['sign-in'].$post({
      json: { login: 'x', password: 'y'.repeat(100 * 1024) },
    });
    expect(await failure(signIn)).toEqual({ status: 413, code: 'PAYLOAD_TOO_LARGE' });
  });

  it('asks an anonymous caller to sign in', async () => {
    const anonymous = publicApi(t.app).staff.$get({ query: {} });
    expect(await failure(anonymous)).toEqual({ status: 401, code: 'UNAUTHENTICATED' });
  });

  it('answers an unknown API route with a JSON 404', async () => {
    const res = await t.app.request('/api/does-not-exist');
    expect(res.status).toBe(404);
    expect((await res.json()).error.code).toBe('NOT_FOUND');
  });

  it('answers an unknown staff id with 404, not 500', async () => {
    const unknown = typedApi(t.app, admin).staff[':id'].$get({ param: { id: '99999999' } });
    expect((await failure(unknown)).status).toBe(404);
  });

  it('treats LIKE wildcards in a search as plain text', async () => {
    expect((await okBody(staffList({ q: '%_' }), 200)).total).toBe(0);
  });
});

// The web page, the OpenAPI document and the docs are not API routes of the typed client.
describe('the web app', () => {
  it('serves the SPA page at / and at any client-side path', async () => {
    for (const path of ['/', '/my-training', '/no/such/page']) {
      const res = await t.app.request(path);
      expect(res.status, path).toBe(200);
      expect(res.headers.get('content-type'), path).toMatch(/text\/html/);
      expect(await res.text()).toContain('<div id="root">');
    }
  });
});

describe('OpenAPI', () => {
  it('publishes an OpenAPI 3.1 document describing the routes', async () => {
    const doc = await (await t.app.request('/api/openapi.json')).json();
    expect(doc.openapi).toBe('3.1.0');
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining(['/api/health', '/api/staff', '/api/staff/{id}', '/api/org-units']),
    );
  });

  it('serves readable docs', async () => {
    const res = await t.app.request('/api/docs');
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('swagger-ui');
  });
});
