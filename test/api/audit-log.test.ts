import { makeCourse, makeOrgUnit, makeSession, makeStaff } from '@kenshu/db/testing';
import { describe, expect, it } from 'vitest';
import { useTestApp } from '../support/app.ts';
import { makePerson, signedInAs } from '../support/auth.ts';
import { okBody, typedApi } from '../support/typed-api.ts';

const t = useTestApp();

describe('the audit log names what each entry is about', () => {
  it('gives the person, the session (course, day, venue) and the booking by name', async () => {
    const admin = await signedInAs(t.app, t.db, (await makePerson(t.db, ['admin'])).id);
    const api = typedApi(t.app, admin);
    const unit = await makeOrgUnit(t.db, { name_ja: '会計課', name_en: 'Accounts Division' });
    const person = await makeStaff(t.db, {
      org_unit_id: unit.id,
      family_name: '監査',
      given_name: '花子',
    });
    const course = await makeCourse(t.db);
    const session = await makeSession(t.db, { courseId: course.id });

    const booking = await okBody(
      api.bookings.$post({ json: { sessionId: session.id, staffId: person.id } }),
    );
    await okBody(
      api.accounts[':id'].roles.$put({
        param: { id: String(person.id) },
        json: { grantedRoles: ['trainer'] },
      }),
    );

    const page = await okBody(api['audit-log'].$get({ query: { limit: '10' } }));
    const onBehalf = page.items.find((e) => e.action === 'booking.created_on_behalf');
    expect(onBehalf?.target).toEqual({
      type: 'booking',
      id: booking.id,
      sessionId: session.id,
      staffNumber: person.staff_number,
      name: '監査 花子',
      courseTitleJa: course.title_ja,
      courseTitleEn: course.title_en,
      startsAt: session.starts_at.toISOString(),
    });
    const rolesChanged = page.items.find((e) => e.action === 'account.roles_changed');
    expect(rolesChanged?.target).toEqual({
      type: 'staff',
      id: person.id,
      staffNumber: person.staff_number,
      name: '監査 花子',
    });

    const csv = await typedApi(t.app, admin)['audit-log']['export.csv'].$get({ query: {} });
    const text = new TextDecoder().decode(await csv.arrayBuffer());
    expect(text.split('\r\n')[0]).toMatch(/,target_name$/);
    expect(text).toContain(`監査 花子 (${person.staff_number}) ${course.title_ja}`);
  });

  it('answers a target that no longer has a name, or an id of another shape, without one', async () => {
    const admin = await signedInAs(t.app, t.db, (await makePerson(t.db, ['admin'])).id);
    await t.db
      .insertInto('audit_log')
      .values([
        { action: 'session.updated', target_type: 'session', target_id: '99999999' },
        { action: 'session.updated', target_type: 'session', target_id: '=cmd|x' },
        { action: 'session.updated', target_type: 'session', target_id: '99999999999999999999' },
      ])
      .execute();
    const page = await okBody(
      typedApi(t.app, admin)['audit-log'].$get({
        query: { action: 'session.updated', limit: '10' },
      }),
    );
    expect(page.items.map((e) => e.target)).toEqual([null, null, null]);
  });
});
