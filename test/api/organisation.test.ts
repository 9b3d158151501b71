import { chasers } from '@kenshu/db';
import { makeCourse, makeOrgUnit, makeStaff } from '@kenshu/db/testing';
import { describe, expect, it } from 'vitest';
import { useTestApp } from '../support/app.ts';
import { makePerson, signedInAs } from '../support/auth.ts';

const t = useTestApp();

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
    const res = await client.request(`/api/org-units/${office.id}/group-sessions`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ hasGroupSessions: false }),
    });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ id: office.id, hasGroupSessions: false });
    const tree = await (await client.request('/api/org-units')).json();
    expect(tree.items.find((u: { id: number }) => u.id === office.id)).toMatchObject({
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
    await client.request(`/api/org-units/${office.id}/group-sessions`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ hasGroupSessions: false }),
    });
    expect(await auditRows('org_unit.group_sessions_changed', office.id)).toHaveLength(1);
  });

  it('refuse anyone but admins, unknown units and wrong bodies with a clear 4xx', async () => {
    const office = await makeOrgUnit(t.db, { kind: 'regional_office' });
    const headStaff = await makePerson(t.db, ['section_head'], { org_unit_id: office.id });
    const head = await signedInAs(t.app, t.db, headStaff.id);
    const put = (client: typeof head, path: string, body: unknown) =>
      client.request(path, {
        method: 'PUT',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
    expect(
      (await put(head, `/api/org-units/${office.id}/group-sessions`, { hasGroupSessions: false }))
        .status,
    ).toBe(403);
    const client = await admin();
    expect(
      (await put(client, '/api/org-units/999999999/group-sessions', { hasGroupSessions: false }))
        .status,
    ).toBe(404);
    for (const body of [{}, { hasGroupSessions: 'no' }, { hasGroupSessions: false, x: 1 }, null]) {
      expect((await put(client, `/api/org-units/${office.id}/group-sessions`, body)).status).toBe(
        400,
      );
    }
    expect((await put(client, '/api/org-units/abc/group-sessions', {})).status).toBe(400);
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
    const teamIds = async () => {
      const res = await head.request(`/api/team/status?courseId=${course.id}&limit=200`);
      expect(res.status).toBe(200);
      return (await res.json()).items.map((i: { staffId: number }) => i.staffId);
    };
    expect(await teamIds()).toContain(colleague.id);
    expect(await teamIds()).not.toContain(inSibling.id);

    const client = await admin();
    const set = await client.request(
      `/api/org-units/${division.id}/section-heads/${headStaff.id}`,
      { method: 'PUT' },
    );
    expect(set.status).toBe(200);
    expect(await set.json()).toMatchObject({
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
    expect(
      (await head.request(`/api/team/status?courseId=${course.id}&orgUnitId=${sibling.id}`)).status,
    ).toBe(200);
    expect(await (await head.request('/api/auth/me')).json()).toMatchObject({
      sectionHeadUnitId: division.id,
    });
    // Escalations go to the head of the unit they oversee.
    const chaser = (await chasers(t.db)).find((c) => c.id === headStaff.id);
    expect(chaser).toMatchObject({ section_head: true, head_path: division.path });

    const listed = await (
      await client.request(`/api/org-units/${division.id}/section-heads`)
    ).json();
    expect(listed.items).toContainEqual(
      expect.objectContaining({ staffId: headStaff.id, basis: 'set_by_admin' }),
    );
    const inSection = await (
      await client.request(`/api/org-units/${section.id}/section-heads`)
    ).json();
    expect(inSection.items).toContainEqual(
      expect.objectContaining({
        staffId: headStaff.id,
        oversightUnit: expect.objectContaining({ id: division.id }),
      }),
    );

    const cleared = await client.request(
      `/api/org-units/${division.id}/section-heads/${headStaff.id}`,
      { method: 'DELETE' },
    );
    expect(cleared.status).toBe(200);
    expect(await cleared.json()).toMatchObject({
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
    const path = (unit: number | string, staff: number | string) =>
      `/api/org-units/${unit}/section-heads/${staff}`;
    expect((await client.request(path(division.id, plain.id), { method: 'PUT' })).status).toBe(409);
    expect((await client.request(path(999999999, headStaff.id), { method: 'PUT' })).status).toBe(
      404,
    );
    expect((await client.request(path(division.id, 999999999), { method: 'PUT' })).status).toBe(
      409,
    );
    expect((await client.request(path('x', headStaff.id), { method: 'PUT' })).status).toBe(400);
    expect((await client.request(path(division.id, '-1'), { method: 'PUT' })).status).toBe(400);
    // Clearing a unit they were never set to oversee says so.
    expect(
      (await client.request(path(sibling.id, headStaff.id), { method: 'DELETE' })).status,
    ).toBe(409);
    const head = await signedInAs(t.app, t.db, headStaff.id);
    expect((await head.request(path(division.id, headStaff.id), { method: 'PUT' })).status).toBe(
      403,
    );
    expect((await head.request(`/api/org-units/${division.id}/section-heads`)).status).toBe(403);
    // Setting their own unit is the same as no setting.
    const own = await client.request(path(section.id, headStaff.id), { method: 'PUT' });
    expect(await own.json()).toMatchObject({ basis: 'own_unit' });
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
    const tree = await (await officer.request('/api/org-units')).json();
    expect(tree.items.find((u: { id: number }) => u.id === agency.id)).toMatchObject({
      kind: 'agency',
    });
    expect(
      (await officer.request(`/api/team/status?courseId=${course.id}&orgUnitId=${agency.id}`))
        .status,
    ).toBe(200);
    const chaser = (await chasers(t.db)).find((c) => c.id === officerStaff.id);
    expect(chaser?.bureau_path).toBe(agency.path);
  });
});
