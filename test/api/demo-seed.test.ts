import { autoFinaliseJob, runJobOnce } from '@kenshu/api/jobs';
import { loadConfig } from '@kenshu/api/config';
import {
  DEMO_ACCOUNTS,
  DEMO_COURSES,
  DEMO_PEOPLE,
  findCourseByCode,
  findStaffByLogin,
  seedDemo,
} from '@kenshu/db';
import { tokyoDateOf } from '@kenshu/domain';
import { beforeAll, describe, expect, it } from 'vitest';
import { useTestApp } from '../support/app.ts';
import { signedInAs } from '../support/auth.ts';
import { okBody, typedApi } from '../support/typed-api.ts';

const t = useTestApp();
// A Monday in December: the September sessions are history, February's are ahead.
const SEEDED_AT = '2026-12-07T11:00:00+09:00';

async function staffId(staffNumber: string): Promise<number> {
  const s = await findStaffByLogin(t.db, staffNumber);
  if (!s) throw new Error(`${staffNumber} missing`);
  return s.id;
}

/** This person's security course line on My training. */
async function myTraining(staffNumber: string) {
  const me = await signedInAs(t.app, t.db, await staffId(staffNumber), t.clock.now());
  const body = await okBody(typedApi(t.app, me).me.training.$get({ query: {} }));
  const course = await findCourseByCode(t.db, DEMO_COURSES.security);
  const item = body.items.find((i) => i.course.id === course?.id);
  if (!item) throw new Error(`${staffNumber} has no security course on My training`);
  return item;
}

describe('the demo, as seeded, tells one story', () => {
  beforeAll(async () => {
    t.clock.set(SEEDED_AT);
    await seedDemo(t.db, { now: t.clock.now() });
  });

  it('leaves no attendance sheet for the first start to close: history was recorded the real way', async () => {
    const config = { ...loadConfig({}), autoFinaliseHours: 1 };
    // Only the session under way at seeding time is left open, and it has not ended.
    const result = await runJobOnce(t.database, autoFinaliseJob, config, t.clock.now());
    expect(result?.changed).toBe(0);
    const unfinalised = await t.db
      .selectFrom('training_session')
      .select('id')
      .where('ends_at', '<', t.clock.now())
      .where('finalised_at', 'is', null)
      .execute();
    expect(unfinalised).toEqual([]);
  });

  it('dates each attended completion by its session, and marks its holder present', async () => {
    const rows = await t.db
      .selectFrom('completion as c')
      .innerJoin('training_session as s', 's.id', 'c.session_id')
      .leftJoin('attendance as a', (j) =>
        j.onRef('a.session_id', '=', 'c.session_id').onRef('a.staff_id', '=', 'c.staff_id'),
      )
      .select(['c.recorded_at', 's.starts_at', 'a.mark'])
      .where('c.kind', '=', 'attended')
      .execute();
    expect(rows.length).toBeGreaterThan(50);
    for (const r of rows) {
      expect(tokyoDateOf(r.recorded_at)).toBe(tokyoDateOf(r.starts_at));
      expect(r.mark).toBe('present');
    }
  });

  it('gives every no-show of the security course the e-learning, from the session day', async () => {
    const course = await findCourseByCode(t.db, DEMO_COURSES.security);
    const absent = await t.db
      .selectFrom('attendance as a')
      .innerJoin('training_session as s', 's.id', 'a.session_id')
      .leftJoin('assignment as x', (j) =>
        j
          .onRef('x.staff_id', '=', 'a.staff_id')
          .onRef('x.session_id', '=', 'a.session_id')
          .on('x.course_id', '=', course?.id ?? 0),
      )
      .select(['a.staff_id', 'x.id as assignment_id', 'x.created_at', 's.starts_at'])
      .where('s.course_id', '=', course?.id ?? 0)
      .where('a.mark', '=', 'absent')
      .execute();
    expect(absent.length).toBeGreaterThan(3);
    for (const a of absent) {
      expect(a.assignment_id).not.toBeNull();
      expect(tokyoDateOf(a.created_at as Date)).toBe(tokyoDateOf(a.starts_at));
    }
  });

  it("shows the README's people in their states on My training and on their head's team page", async () => {
    const booked = await myTraining(DEMO_PEOPLE.booked);
    expect(booked.status).toBe('booked');
    expect(booked.booking?.status).toBe('confirmed');
    const waiting = await myTraining(DEMO_PEOPLE.waitlisted);
    expect(waiting.status).toBe('waiting');
    expect(waiting.waits[0]?.waitlistPosition).toBe(1);
    const absent = await myTraining(DEMO_PEOPLE.absent);
    expect(absent.status).toBe('e_learning_assigned');
    expect(absent.pastSession).toMatchObject({ mark: 'absent', finalised: true });
    expect(absent.assignment?.source).toBe('absent');
    const done = await myTraining(DEMO_PEOPLE.completed);
    expect(done.status).toBe('completed');
    expect(done.pastSession).toMatchObject({ mark: 'present', finalised: true });
    if (!done.pastSession) throw new Error('the completed person attended no session');
    expect(done.completion?.completedOn).toBe(tokyoDateOf(new Date(done.pastSession.startsAt)));
    // The staff demo account has nothing yet.
    expect((await myTraining(DEMO_ACCOUNTS.staff)).status).toBe('not_started');

    const course = await findCourseByCode(t.db, DEMO_COURSES.security);
    const head = await signedInAs(
      t.app,
      t.db,
      await staffId(DEMO_ACCOUNTS.sectionHead),
      t.clock.now(),
    );
    const team = await okBody(
      typedApi(t.app, head).team.status.$get({
        query: { courseId: String(course?.id), limit: '200' },
      }),
    );
    const statusOf = async (n: string) => {
      const id = await staffId(n);
      return team.items.find((i) => i.staffId === id)?.status;
    };
    expect(await statusOf(DEMO_PEOPLE.booked)).toBe('booked');
    expect(await statusOf(DEMO_PEOPLE.waitlisted)).toBe('waiting');
    expect(await statusOf(DEMO_PEOPLE.absent)).toBe('e_learning_assigned');
    expect(await statusOf(DEMO_PEOPLE.completed)).toBe('completed');
  });

  it('has a session under way for the demo trainer, on the day of seeding', async () => {
    const trainer = await staffId(DEMO_ACCOUNTS.trainer);
    const today = await t.db
      .selectFrom('training_session as s')
      .innerJoin('session_trainer as st', 'st.session_id', 's.id')
      .select(['s.starts_at', 's.ends_at'])
      .where('st.staff_id', '=', trainer)
      .where('s.starts_at', '<=', t.clock.now())
      .where('s.ends_at', '>', t.clock.now())
      .execute();
    expect(today).toHaveLength(1);
  });
});
