import { assignAfterWindowClosesJob, autoFinaliseJob } from '@kenshu/api/jobs';
import { runJobOnce } from '@kenshu/api/jobs/scheduler';
import { loadConfig } from '@kenshu/api/config';
import { makeCourse, makeOrgUnit, makeSession, makeStaff } from '@kenshu/db/testing';
import { currentFiscalYear, tokyoDateOf } from '@kenshu/domain';
import { beforeAll, describe, expect, it } from 'vitest';
import { useTestApp } from '../support/app.ts';
import { attendanceOf } from '../support/attendance.ts';
import { makePerson, signedInAs, type SignedInClient } from '../support/auth.ts';
import { failure, failureBody, okBody, typedApi } from '../support/typed-api.ts';

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

type CheckRequest = Parameters<
  ReturnType<typeof typedApi>['sessions']['check']['$post']
>[0]['json'];
type NewSession = Parameters<ReturnType<typeof typedApi>['sessions']['$post']>[0]['json'];

function check(body: CheckRequest, client = admin) {
  return typedApi(t.app, client).sessions.check.$post({ json: body });
}

async function warningsFor(body: CheckRequest) {
  return (await okBody(check(body), 200)).items;
}

function createSession(body: NewSession, client = admin) {
  return typedApi(t.app, client).sessions.$post({ json: body });
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
      (w) => w.kind === 'venue_overlap',
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
    const kinds = async (body: CheckRequest) => (await warningsFor(body)).map((w) => w.kind);
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
    const session = await okBody(
      createSession({ courseId: course.id, ...during, venue: room, capacity: 10 }),
      201,
    );
    const [row] = await auditOf('session.created', session.id);
    expect(row?.after).toMatchObject({ warnings: ['venue_overlap'] });

    // Cancelled sessions hold no room.
    await okBody(
      typedApi(t.app, admin).sessions[':id'].cancel.$post({
        param: { id: String(other.id) },
        json: { reason: 'Room double-booked' },
      }),
      200,
    );
    const afterCancel = await kinds({ ...during, venue: room, sessionId: session.id });
    expect(afterCancel).not.toContain('venue_overlap');
  });

  it('saves an edit onto a holiday, audited with the warning', async () => {
    const course = await makeCourse(t.db);
    const session = await makeSession(t.db, { courseId: course.id, startsInHours: 24 * 30 });
    await okBody(
      typedApi(t.app, admin).sessions[':id'].$patch({
        param: { id: String(session.id) },
        json: { startsAt: '2027-02-11T10:00:00+09:00', endsAt: '2027-02-11T11:30:00+09:00' },
      }),
      200,
    );
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
      const refused = await failureBody(createSession({ ...body, trainerIds }));
      expect(refused.status).toBe(400);
      expect(refused.error.details).toMatchObject({ field: 'trainerIds' });
    }
    const created = await okBody(createSession({ ...body, trainerIds: [present.id] }), 201);
    expect(created.trainers).toEqual([
      { id: present.id, name: `${present.family_name} ${present.given_name}` },
    ]);
  });

  it('is for admins, and answers bad input with 400', async () => {
    const body = { startsAt: '2027-02-13T10:00:00+09:00', endsAt: '2027-02-13T11:00:00+09:00' };
    expect(await failure(check(body, trainer))).toMatchObject({ status: 403 });
    expect(await failure(check({ ...body, endsAt: body.startsAt }))).toMatchObject({ status: 400 });
    expect(await failure(check({ ...body, startsAt: 'soon' }))).toMatchObject({ status: 400 });
    expect(await failure(check({ ...body, venue: 'x'.repeat(201) }))).toMatchObject({
      status: 400,
    });
    // An end typed years late still answers quickly, with at most a week of day warnings.
    const long = await warningsFor({ ...body, endsAt: '2099-01-01T00:00:00+09:00' });
    expect(long.length).toBeLessThanOrEqual(14);
  });
});

describe('holidays for the calendar', () => {
  it('lists a month’s national holidays in both languages', async () => {
    const holidays = (month: string) =>
      typedApi(t.app, trainer).sessions.holidays.$get({ query: { month } });
    expect((await okBody(holidays('2026-09'), 200)).items).toEqual([
      { date: '2026-09-21', nameJa: '敬老の日', nameEn: 'Respect for the Aged Day' },
      { date: '2026-09-22', nameJa: '休日', nameEn: "Citizen's Holiday" },
      { date: '2026-09-23', nameJa: '秋分の日', nameEn: 'Autumnal Equinox Day' },
    ]);
    expect(await failure(holidays('2026-13'))).toMatchObject({ status: 400 });
    // Without a month at all, which the typed client cannot send: as on the wire.
    expect((await trainer.request('/api/sessions/holidays')).status).toBe(400);
  });
});

describe('a new course is a draft until published', () => {
  async function createCourse(unitId: number) {
    return okBody(
      typedApi(t.app, admin).courses.$post({
        json: {
          code: `DRAFT-${Math.random().toString(36).slice(2, 8)}`,
          titleJa: '新しい研修',
          titleEn: 'A new course',
          audience: { kind: 'rule', roles: [], unitIds: [unitId], employmentTypes: [] },
          completionModes: 'either',
        },
      }),
      201,
    );
  }

  async function myCourseIds(client: SignedInClient) {
    const record = await okBody(typedApi(t.app, client).me.training.$get({ query: {} }), 200);
    return record.items.map((i) => i.course.id);
  }

  async function teamIds(courseId: number) {
    const team = typedApi(t.app, admin).team;
    const status = await okBody(team.status.$get({ query: { courseId: String(courseId) } }));
    return status.items.map((i) => i.staffId);
  }

  async function requiredByReport(courseId: number) {
    const reports = typedApi(t.app, admin).reports;
    const report = await okBody(reports.annual.$get({ query: { courseId: String(courseId) } }));
    return report.overall.required;
  }

  it('requires nobody until an admin publishes it, then everyone in its audience (audited)', async () => {
    const unit = await makeOrgUnit(t.db);
    const learnerStaff = await makeStaff(t.db, { org_unit_id: unit.id });
    const learner = await signedInAs(t.app, t.db, learnerStaff.id);
    const course = await createCourse(unit.id);
    expect(course.publishedAt).toBeNull();

    // Not in My training, nor on the team page, nor counted by the report.
    expect(await myCourseIds(learner)).not.toContain(course.id);
    expect(await teamIds(course.id)).not.toContain(learnerStaff.id);
    expect(await requiredByReport(course.id)).toBe(0);
    // Learners do not see drafts in the catalogue; admins do.
    const seen = async (client: SignedInClient) => {
      const courses = typedApi(t.app, client).courses;
      const list = await okBody(courses.$get({ query: { includeInactive: 'true' } }));
      return list.items.map((c) => c.id);
    };
    expect(await seen(learner)).not.toContain(course.id);
    expect(await seen(admin)).toContain(course.id);

    // The nightly e-learning assignment passes it by, even with its window closed.
    const eLearning = typedApi(t.app, admin)['e-learning'];
    const module = await okBody(
      eLearning.modules.$post({
        json: {
          courseId: course.id,
          titleJa: '教材',
          titleEn: 'Module',
          sections: [{ titleJa: '一', titleEn: 'One', bodyJa: '本文', bodyEn: 'Text' }],
          questions: [],
          completionRule: 'all_sections_viewed',
        },
      }),
      201,
    );
    await okBody(eLearning.modules[':id'].publish.$post({ param: { id: String(module.id) } }), 200);
    const today = tokyoDateOf(new Date());
    const setting = (enabled: boolean) => ({ enabled, dueDays: 30 });
    await okBody(
      eLearning.courses[':id']['assignment-settings'].$put({
        param: { id: String(course.id) },
        json: {
          fiscalYear: currentFiscalYear(),
          windowClosesOn: today,
          rules: {
            absent: setting(false),
            window_closed: setting(true),
            no_group_access: setting(false),
          },
        },
      }),
      200,
    );
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
    const publish = (client: SignedInClient, id: string) =>
      typedApi(t.app, client).courses[':id'].publish.$post({ param: { id } });
    expect(await failure(publish(learner, String(course.id)))).toMatchObject({ status: 403 });
    const published = await okBody(publish(admin, String(course.id)), 200);
    expect(published.publishedAt).not.toBeNull();
    expect(await auditOf('course.published', course.id)).toHaveLength(1);
    expect(await failure(publish(admin, String(course.id)))).toMatchObject({ status: 409 });
    expect(await failure(publish(admin, '999999999'))).toMatchObject({ status: 404 });
    expect(await failure(publish(admin, 'abc'))).toMatchObject({ status: 400 });

    expect(await myCourseIds(learner)).toContain(course.id);
    expect(await teamIds(course.id)).toContain(learnerStaff.id);
    expect(await requiredByReport(course.id)).toBe(1);
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

  async function record(body: Partial<NewSession>, client = admin) {
    const course = await makeCourse(t.db);
    const startsAt = threeWeeksAgo();
    return createSession(
      {
        courseId: course.id,
        startsAt: startsAt.toISOString(),
        endsAt: new Date(startsAt.getTime() + 90 * 60_000).toISOString(),
        venue: '本省 講堂',
        capacity: 50,
        ...body,
      },
      client,
    );
  }

  it('needs a reason, only in the past, and only from an admin', async () => {
    const missing = await failureBody(record({}));
    expect(missing.status).toBe(400);
    expect(missing.error.details).toMatchObject({ field: 'recordedReason' });
    const badRequest = { status: 400 };
    expect(await failure(record({ recordedReason: '  ' }))).toMatchObject(badRequest);
    expect(await failure(record({ recordedReason: 'x'.repeat(501) }))).toMatchObject(badRequest);
    expect(await failure(record({ recordedReason: '紙の出席簿' }, trainer))).toMatchObject({
      status: 403,
    });
    const course = await makeCourse(t.db);
    const future = createSession({
      courseId: course.id,
      startsAt: '2027-02-10T10:00:00+09:00',
      endsAt: '2027-02-10T11:30:00+09:00',
      capacity: 10,
      recordedReason: '紙の出席簿',
    });
    expect(await failure(future)).toMatchObject(badRequest);
    const ancient = record({
      startsAt: '2019-06-03T10:00:00+09:00',
      endsAt: '2019-06-03T11:30:00+09:00',
      recordedReason: '紙の出席簿',
    });
    expect(await failure(ancient)).toMatchObject(badRequest);
  });

  it('is recorded with its reason (audited), then its attendance is marked and finalised as usual', async () => {
    const session = await okBody(record({ recordedReason: '紙の出席簿から登録' }), 201);
    expect(session).toMatchObject({
      recordedReason: '紙の出席簿から登録',
      phase: 'awaiting_roster',
      bookable: false,
    });
    const [row] = await auditOf('session.recorded', session.id);
    expect(row?.after).toMatchObject({ recordedReason: '紙の出席簿から登録' });
    expect(await auditOf('session.created', session.id)).toHaveLength(0);

    // The nightly close of overdue attendance sheets gives the admin the usual time to type the
    // sheet in.
    await runJobOnce(t.database, autoFinaliseJob, config);
    const still = await okBody(
      typedApi(t.app, admin).sessions[':id'].$get({ param: { id: String(session.id) } }),
    );
    expect(still.phase).toBe('awaiting_roster');

    // It ended three weeks ago, past the usual lock, yet the marks take no extra reason.
    const person = await makeStaff(t.db);
    const roster = attendanceOf(t.app, admin, session.id);
    await okBody(roster.addWalkIn(person.staff_number), 201);
    await okBody(roster.finalise(), 200);
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
