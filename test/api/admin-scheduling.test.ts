import { assignAfterWindowClosesJob, autoFinaliseJob } from '@kenshu/api/jobs';
import { runJobOnce } from '@kenshu/api/jobs/scheduler';
import { loadConfig } from '@kenshu/api/config';
import { makeCourse, makeOrgUnit, makeSession, makeStaff } from '@kenshu/db/testing';
import { currentFiscalYear, tokyoDateOf } from '@kenshu/domain';
import { beforeAll, describe, expect, it } from 'vitest';
import { useTestApp } from '../support/app.ts';
import { makePerson, signedInAs, type SignedInClient } from '../support/auth.ts';

const t = useTestApp();
const config = { ...loadConfig({}), seed: 'none' as const };
let admin: SignedInClient;
let trainer: SignedInClient;

beforeAll(async () => {
  admin = await signedInAs(t.app, t.db, (await makePerson(t.db, ['admin'])).id);
  trainer = await signedInAs(t.app, t.db, (await makePerson(t.db, ['trainer'])).id);
});

async function auditOf(action: string, targetId: number) {
  return t.db
    .selectFrom('audit_log')
    .selectAll()
    .where('action', '=', action)
    .where('target_id', '=', String(targetId))
    .execute();
}

async function check(body: Record<string, unknown>, client = admin) {
  return client.json('/api/sessions/check', body);
}

async function warningsFor(body: Record<string, unknown>) {
  const res = await check(body);
  expect(res.status).toBe(200);
  return (await res.json()).items;
}

describe('warnings when scheduling a session', () => {
  it('warns of a Saturday, a national holiday by name and the year-end closure', async () => {
    expect(
      await warningsFor({
        startsAt: '2027-02-13T10:00:00+09:00',
        endsAt: '2027-02-13T11:30:00+09:00',
      }),
    ).toEqual([{ kind: 'weekend', date: '2027-02-13' }]);
    expect(
      await warningsFor({
        startsAt: '2027-02-11T10:00:00+09:00',
        endsAt: '2027-02-11T11:30:00+09:00',
      }),
    ).toEqual([
      {
        kind: 'holiday',
        date: '2027-02-11',
        nameJa: '建国記念の日',
        nameEn: 'National Foundation Day',
      },
    ]);
    expect(
      await warningsFor({
        startsAt: '2026-12-30T10:00:00+09:00',
        endsAt: '2026-12-30T11:30:00+09:00',
      }),
    ).toEqual([{ kind: 'year_end_closure', date: '2026-12-30' }]);
    expect(
      await warningsFor({
        startsAt: '2027-02-10T10:00:00+09:00',
        endsAt: '2027-02-10T11:30:00+09:00',
      }),
    ).toEqual([]);
  });

  it('names the other session in the same venue, however the venue is spaced or cased', async () => {
    const room = `Room ${Math.random().toString(36).slice(2, 8)}`;
    const course = await makeCourse(t.db);
    const other = await makeSession(t.db, { courseId: course.id, startsInHours: 24 * 30 });
    await t.db
      .updateTable('training_session')
      .set({ venue: room })
      .where('id', '=', other.id)
      .execute();
    const during = {
      startsAt: new Date(other.starts_at.getTime() + 30 * 60_000).toISOString(),
      endsAt: new Date(other.ends_at.getTime() + 30 * 60_000).toISOString(),
    };
    const overlaps = (await warningsFor({ ...during, venue: `  ${room.toUpperCase()} ` })).filter(
      (w: { kind: string }) => w.kind === 'venue_overlap',
    );
    expect(overlaps).toEqual([
      {
        kind: 'venue_overlap',
        sessionId: other.id,
        courseCode: course.code,
        courseTitleJa: course.title_ja,
        courseTitleEn: course.title_en,
        startsAt: other.starts_at.toISOString(),
        endsAt: other.ends_at.toISOString(),
        venue: room,
      },
    ]);
    const kinds = async (body: Record<string, unknown>) =>
      (await warningsFor(body)).map((w: { kind: string }) => w.kind);
    // Another room, back to back, or the session itself being edited: no clash.
    expect(await kinds({ ...during, venue: `${room} annex` })).not.toContain('venue_overlap');
    expect(
      await kinds({
        startsAt: other.ends_at.toISOString(),
        endsAt: new Date(other.ends_at.getTime() + 3600_000).toISOString(),
        venue: room,
      }),
    ).not.toContain('venue_overlap');
    expect(await kinds({ ...during, venue: room, sessionId: other.id })).not.toContain(
      'venue_overlap',
    );

    // The admin is warned, not refused: the session is saved, and the audit row keeps the warning.
    const created = await admin.json('/api/sessions', {
      courseId: course.id,
      ...during,
      venue: room,
      capacity: 10,
    });
    expect(created.status).toBe(201);
    const session = await created.json();
    const [row] = await auditOf('session.created', session.id);
    expect(row?.after).toMatchObject({ warnings: ['venue_overlap'] });

    // Cancelled sessions hold no room.
    expect(
      (await admin.json(`/api/sessions/${other.id}/cancel`, { reason: 'Room double-booked' }))
        .status,
    ).toBe(200);
    const afterCancel = await kinds({ ...during, venue: room, sessionId: session.id });
    expect(afterCancel).not.toContain('venue_overlap');
  });

  it('saves an edit onto a holiday, audited with the warning', async () => {
    const course = await makeCourse(t.db);
    const session = await makeSession(t.db, { courseId: course.id, startsInHours: 24 * 30 });
    const res = await admin.json(
      `/api/sessions/${session.id}`,
      { startsAt: '2027-02-11T10:00:00+09:00', endsAt: '2027-02-11T11:30:00+09:00' },
      'PATCH',
    );
    expect(res.status).toBe(200);
    const [row] = await auditOf('session.updated', session.id);
    expect(row?.after).toMatchObject({ warnings: ['holiday'] });
  });

  it('takes only active staff as trainers', async () => {
    const course = await makeCourse(t.db);
    const gone = await makeStaff(t.db, { active: false });
    const present = await makeStaff(t.db);
    const body = {
      courseId: course.id,
      startsAt: '2027-02-10T10:00:00+09:00',
      endsAt: '2027-02-10T11:30:00+09:00',
      capacity: 10,
    };
    for (const trainerIds of [[gone.id], [present.id, 2_000_000_000]]) {
      const refused = await admin.json('/api/sessions', { ...body, trainerIds });
      expect(refused.status).toBe(400);
      expect((await refused.json()).error.details).toMatchObject({ field: 'trainerIds' });
    }
    const created = await admin.json('/api/sessions', { ...body, trainerIds: [present.id] });
    expect(created.status).toBe(201);
    expect((await created.json()).trainers).toEqual([
      { id: present.id, name: `${present.family_name} ${present.given_name}` },
    ]);
  });

  it('is for admins, and answers bad input with 400', async () => {
    const body = { startsAt: '2027-02-13T10:00:00+09:00', endsAt: '2027-02-13T11:00:00+09:00' };
    expect((await check(body, trainer)).status).toBe(403);
    expect((await check({ ...body, endsAt: body.startsAt })).status).toBe(400);
    expect((await check({ ...body, startsAt: 'soon' })).status).toBe(400);
    expect((await check({ ...body, venue: 'x'.repeat(201) })).status).toBe(400);
    // An end typed years late still answers quickly, with at most a week of day warnings.
    const long = await warningsFor({ ...body, endsAt: '2099-01-01T00:00:00+09:00' });
    expect(long.length).toBeLessThanOrEqual(14);
  });
});

describe('holidays for the calendar', () => {
  it('lists a month’s national holidays in both languages', async () => {
    const res = await trainer.request('/api/sessions/holidays?month=2026-09');
    expect(res.status).toBe(200);
    expect((await res.json()).items).toEqual([
      { date: '2026-09-21', nameJa: '敬老の日', nameEn: 'Respect for the Aged Day' },
      { date: '2026-09-22', nameJa: '休日', nameEn: "Citizen's Holiday" },
      { date: '2026-09-23', nameJa: '秋分の日', nameEn: 'Autumnal Equinox Day' },
    ]);
    expect((await trainer.request('/api/sessions/holidays?month=2026-13')).status).toBe(400);
    expect((await trainer.request('/api/sessions/holidays')).status).toBe(400);
  });
});

describe('a new course is a draft until published', () => {
  async function createCourse(unitId: number) {
    const res = await admin.json('/api/courses', {
      code: `DRAFT-${Math.random().toString(36).slice(2, 8)}`,
      titleJa: '新しい研修',
      titleEn: 'A new course',
      audience: { kind: 'rule', roles: [], unitIds: [unitId], employmentTypes: [] },
      completionModes: 'either',
    });
    expect(res.status).toBe(201);
    return res.json();
  }

  async function myCourseIds(client: SignedInClient) {
    const res = await client.request('/api/me/training');
    expect(res.status).toBe(200);
    return (await res.json()).items.map((i: { course: { id: number } }) => i.course.id);
  }

  it('requires nobody until an admin publishes it, then everyone in its audience (audited)', async () => {
    const unit = await makeOrgUnit(t.db);
    const learnerStaff = await makeStaff(t.db, { org_unit_id: unit.id });
    const learner = await signedInAs(t.app, t.db, learnerStaff.id);
    const course = await createCourse(unit.id);
    expect(course.publishedAt).toBeNull();

    // Not in My training, nor on the team page, nor counted by the report.
    expect(await myCourseIds(learner)).not.toContain(course.id);
    const team = await (await admin.request(`/api/team/status?courseId=${course.id}`)).json();
    expect(team.items.map((i: { staffId: number }) => i.staffId)).not.toContain(learnerStaff.id);
    const report = await (await admin.request(`/api/reports/annual?courseId=${course.id}`)).json();
    expect(report.overall.required).toBe(0);
    // Learners do not see drafts in the catalogue; admins do.
    const seen = async (client: SignedInClient) =>
      (await (await client.request('/api/courses?includeInactive=true')).json()).items.map(
        (c: { id: number }) => c.id,
      );
    expect(await seen(learner)).not.toContain(course.id);
    expect(await seen(admin)).toContain(course.id);

    // The nightly e-learning assignment passes it by, even with its window closed.
    const module = await (
      await admin.json('/api/e-learning/modules', {
        courseId: course.id,
        titleJa: '教材',
        titleEn: 'Module',
        sections: [{ titleJa: '一', titleEn: 'One', bodyJa: '本文', bodyEn: 'Text' }],
        questions: [],
        passPercent: 0,
        completionRule: 'all_sections_viewed',
      })
    ).json();
    expect((await admin.json(`/api/e-learning/modules/${module.id}/publish`, {})).status).toBe(200);
    const today = tokyoDateOf(new Date());
    const setting = (enabled: boolean) => ({ enabled, dueDays: 30 });
    expect(
      (
        await admin.json(
          `/api/e-learning/courses/${course.id}/assignment-settings`,
          {
            fiscalYear: currentFiscalYear(),
            windowClosesOn: today,
            rules: {
              absent: setting(false),
              window_closed: setting(true),
              no_group_access: setting(false),
            },
          },
          'PUT',
        )
      ).status,
    ).toBe(200);
    const assignments = () =>
      t.db
        .selectFrom('assignment')
        .select('source')
        .where('staff_id', '=', learnerStaff.id)
        .where('course_id', '=', course.id)
        .execute();
    await runJobOnce(t.database, assignAfterWindowClosesJob, config);
    expect(await assignments()).toEqual([]);

    // Only admins publish.
    expect((await learner.json(`/api/courses/${course.id}/publish`, {})).status).toBe(403);
    const published = await admin.json(`/api/courses/${course.id}/publish`, {});
    expect(published.status).toBe(200);
    expect((await published.json()).publishedAt).not.toBeNull();
    expect(await auditOf('course.published', course.id)).toHaveLength(1);
    expect((await admin.json(`/api/courses/${course.id}/publish`, {})).status).toBe(409);
    expect((await admin.json('/api/courses/999999999/publish', {})).status).toBe(404);
    expect((await admin.json('/api/courses/abc/publish', {})).status).toBe(400);

    expect(await myCourseIds(learner)).toContain(course.id);
    const teamAfter = await (await admin.request(`/api/team/status?courseId=${course.id}`)).json();
    expect(teamAfter.items.map((i: { staffId: number }) => i.staffId)).toContain(learnerStaff.id);
    const reportAfter = await (
      await admin.request(`/api/reports/annual?courseId=${course.id}`)
    ).json();
    expect(reportAfter.overall.required).toBe(1);
    await runJobOnce(t.database, assignAfterWindowClosesJob, config);
    expect(await assignments()).toEqual([{ source: 'window_closed' }]);
  });

  it('leaves the courses that existed before drafts published', async () => {
    const course = await makeCourse(t.db);
    expect(course.published_at).not.toBeNull();
  });
});

describe('recording a session that already took place', () => {
  const threeWeeksAgo = () => new Date(Date.now() - 21 * 86_400_000);

  async function record(body: Record<string, unknown>, client = admin) {
    const course = await makeCourse(t.db);
    const startsAt = threeWeeksAgo();
    return client.json('/api/sessions', {
      courseId: course.id,
      startsAt: startsAt.toISOString(),
      endsAt: new Date(startsAt.getTime() + 90 * 60_000).toISOString(),
      venue: '本省 講堂',
      capacity: 50,
      ...body,
    });
  }

  it('needs a reason, only in the past, and only from an admin', async () => {
    const missing = await record({});
    expect(missing.status).toBe(400);
    expect((await missing.json()).error.details).toMatchObject({ field: 'recordedReason' });
    expect((await record({ recordedReason: '  ' })).status).toBe(400);
    expect((await record({ recordedReason: 'x'.repeat(501) })).status).toBe(400);
    expect((await record({ recordedReason: '紙の出席簿' }, trainer)).status).toBe(403);
    const course = await makeCourse(t.db);
    const future = await admin.json('/api/sessions', {
      courseId: course.id,
      startsAt: '2027-02-10T10:00:00+09:00',
      endsAt: '2027-02-10T11:30:00+09:00',
      capacity: 10,
      recordedReason: '紙の出席簿',
    });
    expect(future.status).toBe(400);
    const ancient = await record({
      startsAt: '2019-06-03T10:00:00+09:00',
      endsAt: '2019-06-03T11:30:00+09:00',
      recordedReason: '紙の出席簿',
    });
    expect(ancient.status).toBe(400);
  });

  it('is recorded with its reason (audited), then its attendance is marked and finalised as usual', async () => {
    const res = await record({ recordedReason: '紙の出席簿から登録' });
    expect(res.status).toBe(201);
    const session = await res.json();
    expect(session).toMatchObject({
      recordedReason: '紙の出席簿から登録',
      phase: 'awaiting_roster',
      bookable: false,
    });
    const [row] = await auditOf('session.recorded', session.id);
    expect(row?.after).toMatchObject({ recordedReason: '紙の出席簿から登録' });
    expect(await auditOf('session.created', session.id)).toHaveLength(0);

    // The nightly close of overdue rosters gives the admin the usual time to type the sheet in.
    await runJobOnce(t.database, autoFinaliseJob, config);
    const still = await (await admin.request(`/api/sessions/${session.id}`)).json();
    expect(still.phase).toBe('awaiting_roster');

    // It ended three weeks ago, past the usual lock, yet the marks take no extra reason.
    const person = await makeStaff(t.db);
    const walkIn = await admin.json(`/api/sessions/${session.id}/attendance/walk-ins`, {
      staffNumber: person.staff_number,
    });
    expect(walkIn.status).toBe(201);
    const finalised = await admin.json(`/api/sessions/${session.id}/attendance/finalise`, {});
    expect(finalised.status).toBe(200);
    const completions = await t.db
      .selectFrom('completion')
      .select(['kind', 'session_id', 'fiscal_year'])
      .where('staff_id', '=', person.id)
      .where('course_id', '=', session.course.id)
      .execute();
    expect(completions).toEqual([
      { kind: 'attended', session_id: session.id, fiscal_year: session.fiscalYear },
    ]);
  });
});
