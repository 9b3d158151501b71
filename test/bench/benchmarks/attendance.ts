import { loadConfig } from '@kenshu/api/config';
import { finaliseAttendanceSheet, markAllUnmarkedPresent, setMarks } from '@kenshu/api/attendance';
import { makeConfirmedBookings, makeCourse, makeOrgUnit, makeSession } from '@kenshu/db/testing';
import { insertStaff } from '@kenshu/db';
import { makePerson } from '../../support/auth.ts';
import { actingAs } from '../acting-as.ts';
import type { Benchmark } from '../harness.ts';

const PEOPLE = 100;

/**
 * A trainer's busiest minute: mark 10 of a 100-person room by hand, mark the other 90 present in
 * one go, then submit the attendance sheet (which records 100 outcomes). Through the app's
 * services, against a baseline of writing the same 100 rows with one bare INSERT.
 */
export const attendance: Benchmark = {
  name: 'attendance',
  description: 'mark a 100-person session and finalise it, vs. one bare 100-row INSERT',
  async run(ctx) {
    const config = loadConfig({});
    const admin = await makePerson(ctx.db, ['admin']);
    const unit = await makeOrgUnit(ctx.db);
    const people = await insertStaff(
      ctx.db,
      Array.from({ length: PEOPLE }, (_, i) => ({
        staff_number: `BA${String(i).padStart(5, '0')}`,
        family_name: '出席',
        given_name: `${i}`,
        family_name_kana: 'しゅっせき',
        given_name_kana: `${i}`,
        email: `bench-attendance-${i}@example.jp`,
        org_unit_id: unit.id,
        employment_type: 'regular' as const,
      })),
    );
    await ctx.exec('CREATE TABLE bare_attendance (session_id int, staff_id int, mark text)');
    let sessionId = 0;
    const ctxFor = () => actingAs(ctx.db, admin.id, { roles: ['admin'], config });

    const { subject, baseline } = await ctx.compare(
      {
        label: 'mark 10, mark 90 present, finalise',
        reset: async () => {
          // A fresh course each round: completions are append-only, so last round's would count.
          const course = await makeCourse(ctx.db);
          const session = await makeSession(ctx.db, {
            courseId: course.id,
            capacity: PEOPLE,
            startsInHours: -1,
            cutoffInHours: -25,
            opensInHours: -100,
          });
          sessionId = session.id;
          await makeConfirmedBookings(
            ctx.db,
            session,
            people.map((p) => p.id),
          );
        },
        run: async () => {
          await setMarks({
            ctx: ctxFor(),
            input: {
              sessionId,
              marks: people
                .slice(0, 10)
                .map((p, i) => ({ staffId: p.id, mark: i < 5 ? 'late' : 'excused' })),
            },
          });
          await markAllUnmarkedPresent({ ctx: ctxFor(), input: { sessionId } });
          await finaliseAttendanceSheet({ ctx: ctxFor(), input: { sessionId } });
        },
      },
      {
        label: 'one bare 100-row INSERT',
        reset: () => ctx.exec('TRUNCATE bare_attendance'),
        run: async () => {
          const values = people.map((p) => `(${sessionId}, ${p.id}, 'present')`).join(',');
          await ctx.exec(`INSERT INTO bare_attendance VALUES ${values}`);
        },
      },
    );
    return { subject, baseline, figures: [['people', String(PEOPLE)]] };
  },
};
