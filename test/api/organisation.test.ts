import { chasers } from '@kenshu/db';
import { makeCourse, makeOrgUnit, makeStaff } from '@kenshu/db/testing';
import { describe, expect, it } from 'vitest';
import { useTestApp } from '../support/app.ts';
import { makePerson, signedInAs, type SignedInClient } from '../support/auth.ts';
import { failure, okBody, typedApi } from '../support/typed-api.ts';

const t = useTestApp();

function orgUnits(as: SignedInClient) {
  return typedApi(t.app, as)['org-units'];
}

function setGroupSessions(as: SignedInClient, unitId: number, hasGroupSessions: boolean) {
  return orgUnits(as)[':id']['group-sessions'].$put({
    param: { id: String(unitId) },
    json: { hasGroupSessions },
  });
}

/** Sets (PUT) or clears (DELETE) the unit a section head oversees. */
function oversight(as: SignedInClient, unitId: number, staffId: number) {
  const param = { id: String(unitId), staffId: String(staffId) };
  const route = orgUnits(as)[':id']['section-heads'][':staffId'];
  return { set: () => route.$put({ param }), clear: () => route.$delete({ param }) };
}

function sectionHeadsOf(as: SignedInClient, unitId: number) {
  return orgUnits(as)[':id']['section-heads'].$get({ param: { id: String(unitId) } });
}

function teamStatus(as: SignedInClient, courseId: number, orgUnitId?: number) {
  return typedApi(t.app, as).team.status.$get({
    query: {
      courseId: String(courseId),
      ...(orgUnitId === undefined ? { limit: '200' } : { orgUnitId: String(orgUnitId) }),
    },
  });
}

async function admin() {
  return signedInAs(t.app, t.db, (await makePerson(t.db, ['admin'])).id);
}

async function auditRows(action: string, targetId: number) {
  return t.db
    .selectFrom('audit_log')
    .select(['before', 'after', 'target_type'])
    .where('action', '=', action)
    .where('target_id', '=', String(targetId))
    .execute();
}

describe('units without group sessions', () => {
  it('are set by admins, audited, and listed with the tree', async () => {
    const office = await makeOrgUnit(t.db, { kind: 'regional_office' });
    const client = await admin();
    expect(await okBody(setGroupSessions(client, office.id, false), 200)).toMatchObject({
      id: office.id,
      hasGroupSessions: false,
    });
    const tree = await okBody(orgUnits(client).$get());
    expect(tree.items.find((u) => u.id === office.id)).toMatchObject({
      hasGroupSessions: false,
    });
    expect(await auditRows('org_unit.group_sessions_changed', office.id)).toEqual([
      {
        target_type: 'org_unit',
        before: { hasGroupSessions: true },
        after: { hasGroupSessions: false },
      },
    ]);
    // Saying it again changes nothing and writes no second audit row.
    await okBody(setGroupSessions(client, office.id, false));
    expect(await auditRows('org_unit.group_sessions_changed', office.id)).toHaveLength(1);
  });

  it('refuse anyone but admins, unknown units and wrong bodies with a clear 4xx', async () => {
    const office = await makeOrgUnit(t.db, { kind: 'regional_office' });
    const headStaff = await makePerson(t.db, ['section_head'], { org_unit_id: office.id });
    const head = await signedInAs(t.app, t.db, headStaff.id);
    expect((await failure(setGroupSessions(head, office.id, false))).status).toBe(403);
    const client = await admin();
    expect((await failure(setGroupSessions(client, 999999999, false))).status).toBe(404);
    // Wrong bodies and a non-numeric id are malformed on purpose: raw requests.
    const put = (path: string, body: unknown) =>
      client.request(path, {
        method: 'PUT',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
    for (const body of [{}, { hasGroupSessions: 'no' }, { hasGroupSessions: false, x: 1 }, null]) {
      expect((await put(`/api/org-units/${office.id}/group-sessions`, body)).status).toBe(400);
    }
    expect((await put('/api/org-units/abc/group-sessions', {})).status).toBe(400);
  });
});

describe("a section head's oversight unit", () => {
  async function divisionWithSection() {
    const bureau = await makeOrgUnit(t.db);
    const division = await makeOrgUnit(t.db, { parent_id: bureau.id, kind: 'division' });
    const section = await makeOrgUnit(t.db, { parent_id: division.id, kind: 'section' });
    const sibling = await makeOrgUnit(t.db, { parent_id: division.id, kind: 'section' });
    return { bureau, division, section, sibling };
  }

  it('is set by admins (audited) and then used by the team page, me and escalations', async () => {
    const { division, section, sibling } = await divisionWithSection();
    const course = await makeCourse(t.db);
    const headStaff = await makePerson(t.db, ['section_head'], { org_unit_id: section.id });
    const colleague = await makeStaff(t.db, { org_unit_id: section.id });
    const inSibling = await makeStaff(t.db, { org_unit_id: sibling.id });
    const head = await signedInAs(t.app, t.db, headStaff.id);
    const teamIds = async () =>
      (await okBody(teamStatus(head, course.id), 200)).items.map((i) => i.staffId);
    expect(await teamIds()).toContain(colleague.id);
    expect(await teamIds()).not.toContain(inSibling.id);

    const client = await admin();
    const set = await okBody(oversight(client, division.id, headStaff.id).set(), 200);
    expect(set).toMatchObject({
      staffId: headStaff.id,
      unit: { id: section.id },
      oversightUnit: { id: division.id },
      basis: 'set_by_admin',
    });
    expect(await auditRows('section_head.oversight_changed', headStaff.id)).toEqual([
      {
        target_type: 'staff',
        before: { oversightUnitId: section.id },
        after: { oversightUnitId: division.id },
      },
    ]);
    // The team page now covers the whole 課, the sibling 係 included.
    expect(await teamIds()).toEqual(expect.arrayContaining([colleague.id, inSibling.id]));
    await okBody(teamStatus(head, course.id, sibling.id), 200);
    expect(await okBody(typedApi(t.app, head).auth.me.$get())).toMatchObject({
      sectionHeadUnitId: division.id,
    });
    // Escalations go to the head of the unit they oversee.
    const chaser = (await chasers(t.db)).find((c) => c.id === headStaff.id);
    expect(chaser).toMatchObject({ section_head: true, head_path: division.path });

    const listed = await okBody(sectionHeadsOf(client, division.id));
    expect(listed.items).toContainEqual(
      expect.objectContaining({ staffId: headStaff.id, basis: 'set_by_admin' }),
    );
    const inSection = await okBody(sectionHeadsOf(client, section.id));
    expect(inSection.items).toContainEqual(
      expect.objectContaining({
        staffId: headStaff.id,
        oversightUnit: expect.objectContaining({ id: division.id }),
      }),
    );

    const cleared = await okBody(oversight(client, division.id, headStaff.id).clear(), 200);
    expect(cleared).toMatchObject({
      basis: 'own_unit',
      oversightUnit: { id: section.id },
    });
    expect(await teamIds()).not.toContain(inSibling.id);
    expect(await auditRows('section_head.oversight_changed', headStaff.id)).toHaveLength(2);
  });

  it('is refused for people who are not section heads, strangers and other units', async () => {
    const { division, section, sibling } = await divisionWithSection();
    const plain = await makeStaff(t.db, { org_unit_id: section.id });
    const headStaff = await makePerson(t.db, ['section_head'], { org_unit_id: section.id });
    const client = await admin();
    const status = async (call: Parameters<typeof failure>[0]) => (await failure(call)).status;
    expect(await status(oversight(client, division.id, plain.id).set())).toBe(409);
    expect(await status(oversight(client, 999999999, headStaff.id).set())).toBe(404);
    expect(await status(oversight(client, division.id, 999999999).set())).toBe(409);
    // Ids that are not positive numbers are malformed on purpose: raw requests.
    const path = (unit: number | string, staff: number | string) =>
      `/api/org-units/${unit}/section-heads/${staff}`;
    expect((await client.request(path('x', headStaff.id), { method: 'PUT' })).status).toBe(400);
    expect((await client.request(path(division.id, '-1'), { method: 'PUT' })).status).toBe(400);
    // Clearing a unit they were never set to oversee says so.
    expect(await status(oversight(client, sibling.id, headStaff.id).clear())).toBe(409);
    const head = await signedInAs(t.app, t.db, headStaff.id);
    expect(await status(oversight(head, division.id, headStaff.id).set())).toBe(403);
    expect(await status(sectionHeadsOf(head, division.id))).toBe(403);
    // Setting their own unit is the same as no setting.
    const own = await okBody(oversight(client, section.id, headStaff.id).set());
    expect(own).toMatchObject({ basis: 'own_unit' });
    expect(await auditRows('section_head.oversight_changed', headStaff.id)).toHaveLength(0);
  });
});

describe('external agencies (外局)', () => {
  it('are a unit kind of their own, and their officer oversees the agency', async () => {
    const agency = await makeOrgUnit(t.db, { kind: 'agency', name_ja: '国税庁' });
    const division = await makeOrgUnit(t.db, { parent_id: agency.id, kind: 'division' });
    const officerStaff = await makePerson(t.db, ['unit_security_officer'], {
      org_unit_id: division.id,
    });
    const officer = await signedInAs(t.app, t.db, officerStaff.id);
    const course = await makeCourse(t.db);
    const tree = await okBody(orgUnits(officer).$get());
    expect(tree.items.find((u) => u.id === agency.id)).toMatchObject({ kind: 'agency' });
    await okBody(teamStatus(officer, course.id, agency.id), 200);
    const chaser = (await chasers(t.db)).find((c) => c.id === officerStaff.id);
    expect(chaser?.bureau_path).toBe(agency.path);
  });
});
