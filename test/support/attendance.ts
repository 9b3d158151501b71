import type { AppType } from '@kenshu/api';
import type { AttendanceMark } from '@kenshu/contracts';
import type { Executor, NewOrgUnit, NewStaff } from '@kenshu/db';
import {
  makeConfirmedBookings,
  makeCourse,
  makeOrgUnit,
  makeSession,
  makeStaff,
} from '@kenshu/db/testing';
import { makePerson, signedInAs, type SignedInClient } from './auth.ts';
import { typedApi } from './typed-api.ts';

/**
 * A session's attendance calls as this person makes them, through the typed client: the steps
 * many tests share (mark, mark the rest present, add a walk-in, finalise), each answering the
 * response for okBody or failure.
 */
export function attendanceOf(app: AppType, as: SignedInClient, sessionId: number) {
  const session = typedApi(app, as).sessions[':id'];
  const param = { id: String(sessionId) };
  const withReason = (reason: string | undefined) => (reason === undefined ? {} : { reason });
  return {
    sheet: (q?: string) => session.attendance.$get({ param, query: q === undefined ? {} : { q } }),
    mark: (marks: { staffId: number; mark: AttendanceMark; note?: string }[], reason?: string) =>
      session.attendance.$put({ param, json: { marks, ...withReason(reason) } }),
    markUnmarkedPresent: () =>
      session.attendance['mark-unmarked-present'].$post({ param, json: {} }),
    addWalkIn: (staffNumber: string, reason?: string) =>
      session.attendance['walk-ins'].$post({ param, json: { staffNumber, ...withReason(reason) } }),
    finalise: (reason?: string) =>
      session.attendance.finalise.$post({ param, json: withReason(reason) }),
    decideCheckIn: (staffId: number, decision: 'accept' | 'reject') =>
      session.attendance['check-in-requests'][':staffId'].$post({
        param: { ...param, staffId: String(staffId) },
        json: { decision },
      }),
    checkInCode: () => session['check-in-code'].$get({ param }),
  };
}

/** Checks this person in to a session themselves: the code typed from the screen, or the QR's token. */
export function checkIn(
  app: AppType,
  as: SignedInClient,
  body: { code?: string; token?: string; sessionId?: number },
) {
  return typedApi(app, as)['check-in'].$post({ json: body });
}

/**
 * A session under way (by default started an hour ago, 90 minutes long) taught by a signed-in
 * trainer, with people of one unit holding confirmed seats: `booked` says how many, or who (each
 * one's details, e.g. the names a page shows), in the order they come back.
 */
export async function sessionUnderWay(
  t: { app: AppType; db: Executor },
  booked: number | Partial<NewStaff>[],
  opts: {
    startsInHours?: number;
    durationMinutes?: number;
    unit?: Partial<Omit<NewOrgUnit, 'path' | 'depth'>>;
  } = {},
) {
  const startsInHours = opts.startsInHours ?? -1;
  const who = typeof booked === 'number' ? Array.from({ length: booked }, () => ({})) : booked;
  const course = await makeCourse(t.db);
  const trainerStaff = await makePerson(t.db, ['trainer']);
  const session = await makeSession(t.db, {
    courseId: course.id,
    capacity: Math.max(who.length, 1),
    startsInHours,
    durationMinutes: opts.durationMinutes ?? 90,
    cutoffInHours: startsInHours - 24,
    opensInHours: -500,
    trainerIds: [trainerStaff.id],
  });
  const unit = await makeOrgUnit(t.db, opts.unit);
  const people = [];
  for (const details of who) {
    people.push(await makeStaff(t.db, { ...details, org_unit_id: unit.id }));
  }
  await makeConfirmedBookings(
    t.db,
    session,
    people.map((p) => p.id),
  );
  const trainer = await signedInAs(t.app, t.db, trainerStaff.id);
  return { course, session, people, trainer };
}
