import { createApp } from '@kenshu/api';
import { loadConfig, type Config } from '@kenshu/api/config';
import { dailyRemindersJob, startJobRunner, type JobRunner } from '@kenshu/api/jobs';
import { saveReminderSchedule, type Course, type Staff } from '@kenshu/db';
import { makeCourse, makeOrgUnit, makeStaff } from '@kenshu/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makePerson, signedInAs, type SignedInClient } from '../support/auth.ts';
import { createTestClock } from '../support/clock.ts';
import { useTestDatabase } from '../support/database.ts';
import { failure, failureBody, okBody, publicApi, typedApi } from '../support/typed-api.ts';

/**
 * An admin presses "run today's reminders now": the daily job itself runs, through this
 * instance's job runner (pg-boss on PostgreSQL, in-process on the embedded database), by the
 * same rules as at nine. Only admins may; a second press sends nothing new; fifty presses at
 * once run it once, and every other press is told it already ran or is running (409), never 500.
 */
const database = useTestDatabase();
const clock = createTestClock('2027-01-13T10:00:00+09:00'); // a Wednesday, inside the hours
let config: Config;
let runner: JobRunner;
let app: ReturnType<typeof createApp>;
let adminId: number;
let course: Course;
let unitId: number;

beforeAll(async () => {
  config = { ...loadConfig({}), seed: 'none', databaseUrl: database.current.url };
  // The schedule is pushed out of the way so only the presses run the job in this test.
  runner = await startJobRunner(
    database.current,
    [{ ...dailyRemindersJob, schedule: '0 3 1 1 *' }],
    config,
    clock.now,
  );
  app = createApp({
    database: database.current,
    config,
    clock: clock.now,
    lifecycle: { jobsRunning: () => runner.running, draining: () => false, jobs: () => runner },
  });
  const adminPerson = await makePerson(database.current.db, ['admin']);
  adminId = adminPerson.id;
  const bureau = await makeOrgUnit(database.current.db, { kind: 'bureau' });
  unitId = (await makeOrgUnit(database.current.db, { kind: 'division', parent_id: bureau.id })).id;
  course = await makeCourse(database.current.db, {
    audience: { kind: 'rule', roles: [], unitIds: [unitId], employmentTypes: [] },
  });
  const rule = {
    enabled: true,
    daysBefore: [14],
    onDueDate: false,
    overdueEveryDays: 1,
    escalateAfter: 5,
    officerAfter: 6,
  };
  await saveReminderSchedule(database.current.db, course.id, rule, adminPerson.id, clock.now());
}, 60_000);
afterAll(async () => {
  await runner.stop(10_000);
});

/** People of the course's unit, each owing an e-learning assignment that was due on 8 January. */
async function overduePeople(count: number, withAddress = true): Promise<Staff[]> {
  const db = database.current.db;
  const people: Staff[] = [];
  for (let i = 0; i < count; i++) {
    const person = await makeStaff(db, {
      org_unit_id: unitId,
      ...(withAddress ? {} : { email: '' }),
    });
    const mod = await db
      .insertInto('module')
      .values({ course_id: course.id })
      .returning('id')
      .executeTakeFirstOrThrow();
    await db
      .insertInto('assignment')
      .values({
        staff_id: person.id,
        course_id: course.id,
        fiscal_year: 2026,
        module_id: mod.id,
        due_on: '2027-01-08',
        source: 'manual',
        reason: 'test',
      })
      .execute();
    people.push(person);
  }
  return people;
}

async function messagesOf(people: Staff[]) {
  const ids = people.map((p) => p.id);
  const db = database.current.db;
  const [mails, notices] = await Promise.all([
    db
      .selectFrom('mail_outbox')
      .select(['staff_id', 'period'])
      .where('staff_id', 'in', ids)
      .execute(),
    db
      .selectFrom('notification')
      .select('staff_id')
      .where('staff_id', 'in', ids)
      .where('kind', '=', 'reminder.digest')
      .execute(),
  ]);
  return { mails, notices };
}

/** The admin presses the button, signed in at the test clock's time. */
async function admin(): Promise<SignedInClient> {
  return signedInAs(app, database.current.db, adminId, clock.now());
}
const press = async (as?: SignedInClient) =>
  typedApi(app, as ?? (await admin())).reminders.runs.$post();

describe("running today's reminders now", () => {
  it('is for admins only', async () => {
    const db = database.current.db;
    const learner = await signedInAs(app, db, (await makeStaff(db)).id, clock.now());
    const head = await signedInAs(
      app,
      db,
      (await makePerson(db, ['section_head'])).id,
      clock.now(),
    );
    for (const who of [learner, head]) {
      expect((await failure(press(who))).status).toBe(403);
    }
    expect((await failure(publicApi(app).reminders.runs.$post())).status).toBe(401);
    expect(await db.selectFrom('reminder_run').selectAll().execute()).toEqual([]);
  });

  it('runs by the usual rules: nothing on a Saturday; pressed twice, each message is sent once', async () => {
    const people = await overduePeople(3);
    const unmailed = (await overduePeople(1, false))[0];
    const everyone = [...people, unmailed].filter((p): p is Staff => p !== undefined);

    clock.set('2027-01-16T10:00:00+09:00'); // Saturday
    expect(await okBody(press(), 200)).toMatchObject({
      outcome: 'not_working_day_or_hours',
      day: '2027-01-16',
      run: null,
    });

    clock.set('2027-01-13T10:00:00+09:00');
    const ran = await okBody(press(), 200);
    expect(ran).toMatchObject({
      outcome: 'ran',
      day: '2027-01-13',
      hours: { from: '09:00', until: '17:00' },
      run: { day: '2027-01-13', digests: 4, noAddress: 1 },
    });
    expect(ran.noAddress).toEqual([
      {
        staffId: unmailed?.id,
        staffNumber: unmailed?.staff_number,
        name: `${unmailed?.family_name} ${unmailed?.given_name}`,
      },
    ]);

    clock.advance(60_000);
    const again = await okBody(press(), 200);
    expect(again.outcome).toBe('already_ran');
    expect(again.run).toEqual(ran.run);

    const { mails, notices } = await messagesOf(everyone);
    expect(mails.map((m) => m.staff_id).sort()).toEqual(everyone.map((p) => p.id).sort());
    expect(notices).toHaveLength(everyone.length);
    const audit = await database.current.db
      .selectFrom('audit_log')
      .select(['actor_staff_id', 'after'])
      .where('action', '=', 'reminders.run_now')
      .orderBy('id')
      .execute();
    expect(audit.map((a) => (a.after as { outcome: string }).outcome)).toEqual([
      'not_working_day_or_hours',
      'ran',
      'already_ran',
    ]);
    expect(new Set(audit.map((a) => a.actor_staff_id))).toEqual(new Set([adminId]));
  });

  it('runs once when fifty presses come at once; the others are told, none fails', async () => {
    // Thursday: yesterday's people are held back by the cap; these five are new.
    clock.set('2027-01-14T10:00:00+09:00');
    const people = await overduePeople(5);
    const signedIn = await admin();
    const answers = await Promise.all(Array.from({ length: 50 }, () => press(signedIn)));
    const statuses = answers.map((a) => a.status);
    expect(statuses.filter((s) => s !== 200 && s !== 409)).toEqual([]);
    const outcomes = await Promise.all(
      answers
        .filter((a) => a.status === 200)
        .map(async (a) => (await okBody(Promise.resolve(a))).outcome),
    );
    expect(outcomes.filter((o) => o === 'ran')).toHaveLength(1);
    expect(outcomes.filter((o) => o !== 'ran' && o !== 'already_ran')).toEqual([]);
    for (const busy of answers.filter((a) => a.status === 409)) {
      const { error } = await failureBody(Promise.resolve(busy));
      expect(error.details).toEqual({ reason: 'reminder_run_in_progress' });
    }

    const { mails, notices } = await messagesOf(people);
    expect(mails.map((m) => m.staff_id).sort()).toEqual(people.map((p) => p.id).sort());
    expect(new Set(mails.map((m) => m.period))).toEqual(new Set(['2027-01-14']));
    expect(notices).toHaveLength(people.length);
    const runs = await database.current.db.selectFrom('reminder_run').select('day').execute();
    expect(runs.map((r) => r.day).sort()).toEqual(['2027-01-13', '2027-01-14']);
  }, 60_000);
});
