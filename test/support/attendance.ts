import type { AppType } from '@kenshu/api';
import type { AttendanceMark } from '@kenshu/contracts';
import type { SignedInClient } from './auth.ts';
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
