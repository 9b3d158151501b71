import {
  addWalkIn as addWalkInRoute,
  checkIn as checkInRoute,
  decideCheckInRequest,
  exportAttendance,
  finaliseAttendance,
  findWalkIns as findWalkInsRoute,
  getAttendance,
  getCheckInCode,
  markUnmarkedPresent,
  setAttendance,
} from '@kenshu/contracts';
import { anyOf, SIGNED_IN } from '@kenshu/domain';
import { withAccess } from '../lib/access.ts';
import { createRouter } from '../lib/router.ts';
import { serviceContext } from '../lib/service-context.ts';
import { checkIn, currentCheckInCode } from '../services/attendance/check-in.ts';
import { decideRequest } from '../services/attendance/check-in-requests.ts';
import { finaliseAttendanceSheet } from '../services/attendance/finalise.ts';
import { findWalkIns } from '../services/attendance/find-walk-ins.ts';
import { addWalkIn, markAllUnmarkedPresent, setMarks } from '../services/attendance/mark.ts';
import { attendanceCsv, attendanceSheet } from '../services/attendance/sheet.ts';
import { csvHeaders } from '../lib/csv.ts';

const MARKERS = anyOf('trainer', 'admin');

/** Optional JSON bodies: absent means no reason given. */
function reasonOf(body: unknown): string | undefined {
  return (body as { reason?: string } | undefined)?.reason || undefined;
}

/** Attendance lives under its session: /api/sessions/{id}/attendance… */
export const attendanceRoutes = createRouter()
  .openapi(withAccess(getAttendance, MARKERS), async (c) => {
    const input = { sessionId: c.req.valid('param').id, q: c.req.valid('query').q };
    return c.json(await attendanceSheet({ ctx: serviceContext(c), input }), 200);
  })
  .openapi(withAccess(setAttendance, MARKERS), async (c) => {
    const body = c.req.valid('json');
    const input = { sessionId: c.req.valid('param').id, marks: body.marks, reason: body.reason };
    return c.json(await setMarks({ ctx: serviceContext(c), input }), 200);
  })
  .openapi(withAccess(markUnmarkedPresent, MARKERS), async (c) => {
    const input = { sessionId: c.req.valid('param').id, reason: reasonOf(c.req.valid('json')) };
    return c.json(await markAllUnmarkedPresent({ ctx: serviceContext(c), input }), 200);
  })
  .openapi(withAccess(findWalkInsRoute, MARKERS), async (c) => {
    const input = { sessionId: c.req.valid('param').id, q: c.req.valid('query').q };
    return c.json(await findWalkIns({ ctx: serviceContext(c), input }), 200);
  })
  .openapi(withAccess(addWalkInRoute, MARKERS), async (c) => {
    const input = { sessionId: c.req.valid('param').id, ...c.req.valid('json') };
    return c.json(await addWalkIn({ ctx: serviceContext(c), input }), 201);
  })
  .openapi(withAccess(decideCheckInRequest, MARKERS), async (c) => {
    const { id, staffId } = c.req.valid('param');
    const input = { sessionId: id, staffId, ...c.req.valid('json') };
    return c.json(await decideRequest({ ctx: serviceContext(c), input }), 200);
  })
  .openapi(withAccess(finaliseAttendance, MARKERS), async (c) => {
    const input = { sessionId: c.req.valid('param').id, reason: reasonOf(c.req.valid('json')) };
    return c.json(await finaliseAttendanceSheet({ ctx: serviceContext(c), input }), 200);
  })
  .openapi(withAccess(exportAttendance, MARKERS), async (c) => {
    const { id } = c.req.valid('param');
    const csv = await attendanceCsv({
      ctx: serviceContext(c),
      input: { sessionId: id, lang: c.req.valid('query').lang },
    });
    return c.body(csv, 200, csvHeaders(`kenshu-session-${id}-attendance.csv`));
  })
  .openapi(withAccess(getCheckInCode, MARKERS), async (c) => {
    const input = { sessionId: c.req.valid('param').id, origin: new URL(c.req.url).origin };
    return c.json(await currentCheckInCode({ ctx: serviceContext(c), input }), 200);
  });

export const checkInRoutes = createRouter().openapi(
  withAccess(checkInRoute, SIGNED_IN),
  async (c) => {
    return c.json(await checkIn({ ctx: serviceContext(c), input: c.req.valid('json') }), 200);
  },
);
