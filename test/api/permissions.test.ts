import type { Role } from '@kenshu/db';
import { makeOrgUnit, makeStaff } from '@kenshu/db/testing';
import { beforeAll, describe, expect, it } from 'vitest';
import { useTestApp } from '../support/app.ts';
import { makePerson, signedInAs, type SignedInClient } from '../support/auth.ts';
import { failure, okBody, typedApi } from '../support/typed-api.ts';

/**
 * Walks every route the app registers and checks, for each role, that the declared access is
 * what actually happens. A route without a declaration fails here.
 */
const t = useTestApp();

type Persona =
  'anonymous' | 'staff' | 'trainer' | 'section_head' | 'unit_security_officer' | 'admin';
const PERSONAS: Persona[] = [
  'anonymous',
  'staff',
  'trainer',
  'section_head',
  'unit_security_officer',
  'admin',
];
// Routes outside the API contract: the document itself and its viewer are public by design.
const UNDECLARED_BY_DESIGN = new Set([
  'GET /api/openapi.json',
  'GET /api/docs',
  'GET /api/docs/init.js',
  'GET /api/docs/:asset',
]);

interface Operation {
  method: string;
  path: string;
  access: string | undefined;
}

let operations: Operation[] = [];
const staffIds = new Map<Persona, number>();

beforeAll(async () => {
  const doc = await (await t.app.request('/api/openapi.json')).json();
  operations = Object.entries(
    doc.paths as Record<string, Record<string, { 'x-access'?: string }>>,
  ).flatMap(([path, ops]) =>
    Object.entries(ops).map(([method, op]) => ({
      method: method.toUpperCase(),
      path,
      access: op['x-access'],
    })),
  );
  const bureau = await makeOrgUnit(t.db);
  const division = await makeOrgUnit(t.db, { parent_id: bureau.id, kind: 'division' });
  for (const persona of PERSONAS) {
    if (persona === 'anonymous') continue;
    const roles: Role[] = persona === 'staff' ? [] : [persona];
    staffIds.set(persona, (await makePerson(t.db, roles, { org_unit_id: division.id })).id);
  }
});

function expectedFor(access: string, persona: Persona): 'allowed' | 401 | 403 {
  if (access === 'public') return 'allowed';
  if (persona === 'anonymous') return 401;
  if (access === 'signed-in') return 'allowed';
  const roles = access.replace(/^role:/, '').split('|');
  return roles.includes(persona) ? 'allowed' : 403;
}

async function call(op: Operation, persona: Persona): Promise<Response> {
  const ownId = staffIds.get(persona) ?? staffIds.get('staff') ?? 1;
  const path = op.path
    .replace('{id}', String(ownId))
    .replace('{sessionId}', '00000000-0000-4000-8000-000000000000')
    .replace(/\{[^}]+\}/g, '1');
  const init: RequestInit = { method: op.method };
  if (!['GET', 'HEAD', 'DELETE'].includes(op.method)) {
    init.body = '{}';
    init.headers = { 'content-type': 'application/json' };
  }
  if (persona === 'anonymous') return t.app.request(`http://localhost${path}`, init);
  // A fresh session per call: some routes (sign-out) end the session they are called with.
  const client = await signedInAs(t.app, t.db, staffIds.get(persona) ?? 0);
  return client.request(path, init);
}

describe('every route declares who may call it', () => {
  it('has an access declaration for each registered API route', () => {
    const registered = new Set(
      t.app.routes
        .filter((r) => r.path.startsWith('/api/') && r.method !== 'ALL')
        .map((r) => `${r.method} ${r.path}`),
    );
    const declared = new Set(
      operations.map((o) => `${o.method} ${o.path.replace(/\{([^}]+)\}/g, ':$1')}`),
    );
    const missing = [...registered].filter((r) => !declared.has(r) && !UNDECLARED_BY_DESIGN.has(r));
    expect(missing).toEqual([]);
    expect(operations.filter((o) => !o.access).map((o) => `${o.method} ${o.path}`)).toEqual([]);
    expect(operations.length).toBeGreaterThan(10);
  });

  it('allows and denies each role exactly as declared', async () => {
    const mismatches: string[] = [];
    for (const op of operations) {
      for (const persona of PERSONAS) {
        const expected = expectedFor(op.access ?? 'undeclared', persona);
        const res = await call(op, persona);
        const got = res.status;
        const ok = expected === 'allowed' ? got !== 401 && got !== 403 : got === expected;
        if (!ok)
          mismatches.push(
            `${op.method} ${op.path} as ${persona}: expected ${expected}, got ${got}`,
          );
        if (expected !== 'allowed') {
          // Denied requests carry the error shape, never data.
          const body = await res.json();
          expect(Object.keys(body).sort()).toEqual(['error', 'requestId']);
        }
      }
    }
    expect(mismatches).toEqual([]);
  }, 120_000);
});

/** One person's record as this person asks for it. */
function staffMember(as: SignedInClient, staffId: number) {
  return typedApi(t.app, as).staff[':id'].$get({ param: { id: String(staffId) } });
}

// The walk above goes by the OpenAPI document's paths on purpose (every route, whatever its
// type); these scope checks are ordinary calls, through the typed client.
describe('scope', () => {
  it("hides someone outside a section head's unit, and refuses a unit outside it", async () => {
    const bureau = await makeOrgUnit(t.db);
    const mine = await makeOrgUnit(t.db, { parent_id: bureau.id, kind: 'division' });
    const other = await makeOrgUnit(t.db, { parent_id: bureau.id, kind: 'division' });
    const head = await signedInAs(
      t.app,
      t.db,
      (await makePerson(t.db, ['section_head'], { org_unit_id: mine.id })).id,
    );
    const colleague = await makeStaff(t.db, { org_unit_id: mine.id });
    const stranger = await makeStaff(t.db, { org_unit_id: other.id });

    await okBody(staffMember(head, colleague.id), 200);
    expect((await failure(staffMember(head, stranger.id))).status).toBe(404);
    const staffList = typedApi(t.app, head).staff;
    const outside = staffList.$get({ query: { orgUnitId: String(other.id) } });
    expect((await failure(outside)).status).toBe(403);
    const page = await okBody(staffList.$get({ query: {} }));
    const ids = page.items.map((s) => s.id);
    expect(ids).toContain(colleague.id);
    expect(ids).not.toContain(stranger.id);
  });

  it('lets a unit security officer see their whole bureau, but not another bureau', async () => {
    const bureau = await makeOrgUnit(t.db);
    const division = await makeOrgUnit(t.db, { parent_id: bureau.id, kind: 'division' });
    const sibling = await makeOrgUnit(t.db, { parent_id: bureau.id, kind: 'division' });
    const officer = await signedInAs(
      t.app,
      t.db,
      (await makePerson(t.db, ['unit_security_officer'], { org_unit_id: division.id })).id,
    );
    const inSibling = await makeStaff(t.db, { org_unit_id: sibling.id });
    const elsewhere = await makeStaff(t.db);
    await okBody(staffMember(officer, inSibling.id), 200);
    expect((await failure(staffMember(officer, elsewhere.id))).status).toBe(404);
  });

  it("does not show a learner another learner's record", async () => {
    const unit = await makeOrgUnit(t.db);
    const me = await signedInAs(t.app, t.db, (await makeStaff(t.db, { org_unit_id: unit.id })).id);
    const neighbour = await makeStaff(t.db, { org_unit_id: unit.id });
    await okBody(staffMember(me, me.staffId), 200);
    const res = await staffMember(me, neighbour.id);
    expect(res.status).toBe(404);
    expect(Object.keys(await res.json()).sort()).toEqual(['error', 'requestId']);
  });
});
