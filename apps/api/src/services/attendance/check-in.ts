import {
  confirmedSeatsOf,
  findTrainingSession,
  insertAudit,
  marksOf,
  releaseCheckInGuess,
  requestCheckIn,
  reserveCheckInGuess,
  runInTransaction,
  sessionsInCheckInWindow,
  setCheckInSecret,
  upsertMarks,
  wrongCheckInCodes,
  type TrainingSession,
} from '@kenshu/db';
import { AppError, notFound } from '@kenshu/domain';
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { Secret, TOTP } from 'otpauth';
import QRCode from 'qrcode';
import type { ServiceContext } from '../../context.ts';
import { requireViewer, sessionForItsTrainers } from '../../lib/service-context.ts';
import { markingOpensAt } from './marking-rules.ts';
import { applyOutcomes } from './outcomes.ts';

/** The code changes every 30 seconds; the one before is still accepted, so each lives ≤ 60 s. */
const PERIOD_SECONDS = 30;

function totpFor(secretHex: string): TOTP {
  return new TOTP({
    issuer: 'Kenshu',
    secret: Secret.fromHex(secretHex),
    digits: 6,
    period: PERIOD_SECONDS,
    algorithm: 'SHA256',
  });
}

/**
 * The QR code carries a long token instead of the six digits: an HMAC of the session and the
 * 30-second step, keyed by the server's secret and the session's own, so it cannot be guessed
 * and only typed codes need a limit on wrong tries. Like the code, it lives one step more.
 */
function tokenSignature(
  session: TrainingSession,
  secretHex: string,
  step: number,
  ctx: ServiceContext,
) {
  const key = ctx.config.checkInSecret
    ? createHmac('sha256', ctx.config.checkInSecret).update(secretHex).digest()
    : Buffer.from(secretHex, 'hex');
  return createHmac('sha256', key).update(`check-in:${session.id}:${step}`).digest('base64url');
}

function stepAt(at: Date): number {
  return Math.floor(at.getTime() / (PERIOD_SECONDS * 1000));
}

function checkInToken(session: TrainingSession, secretHex: string, ctx: ServiceContext): string {
  const step = stepAt(ctx.now);
  return `${session.id}.${step}.${tokenSignature(session, secretHex, step, ctx)}`;
}

/** The session a QR token is for, when its signature is right and its step current or last. */
async function sessionOfToken(
  ctx: ServiceContext,
  token: string,
): Promise<TrainingSession | undefined> {
  const match = /^(\d{1,10})\.(\d{1,12})\.([A-Za-z0-9_-]{43})$/.exec(token);
  if (!match) return undefined;
  const [, id = '', stepText = '', signature = ''] = match;
  const step = Number(stepText);
  const now = stepAt(ctx.now);
  if (step !== now && step !== now - 1) return undefined;
  const session = await findTrainingSession(ctx.db, Number(id));
  if (!session?.check_in_secret) return undefined;
  const expected = Buffer.from(tokenSignature(session, session.check_in_secret, step, ctx));
  const given = Buffer.from(signature);
  return expected.length === given.length && timingSafeEqual(expected, given) ? session : undefined;
}

function codeMatches(session: TrainingSession, code: string, ctx: ServiceContext): boolean {
  return (
    session.check_in_secret !== null &&
    totpFor(session.check_in_secret).validate({
      token: code,
      timestamp: ctx.now.getTime(),
      window: 1,
    }) !== null
  );
}

function windowOf(session: TrainingSession, ctx: ServiceContext) {
  return { opensAt: markingOpensAt(session, ctx.config), closesAt: session.ends_at };
}

/** The current code for the trainer's screen, as digits and as a QR code of the check-in link. */
export async function currentCheckInCode({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: { sessionId: number; origin: string };
}) {
  const { session } = await sessionForItsTrainers(
    ctx,
    input.sessionId,
    'Only this session’s trainers show its check-in code',
  );
  const { opensAt, closesAt } = windowOf(session, ctx);
  if (session.status === 'cancelled' || ctx.now < opensAt || ctx.now >= closesAt) {
    throw new AppError(
      'CHECK_IN_CLOSED',
      'Self check-in is open from shortly before the start until the end',
      {
        opensAt: opensAt.toISOString(),
        closesAt: closesAt.toISOString(),
      },
    );
  }
  const secret =
    session.check_in_secret ??
    (await setCheckInSecret(ctx.db, session.id, randomBytes(20).toString('hex')));
  const code = totpFor(secret).generate({ timestamp: ctx.now.getTime() });
  const step = PERIOD_SECONDS * 1000;
  const expiresAt = new Date((Math.floor(ctx.now.getTime() / step) + 1) * step);
  const base = ctx.config.publicUrl ?? input.origin;
  const token = checkInToken(session, secret, ctx);
  const checkInUrl = `${base.replace(/\/$/, '')}/check-in?token=${token}`;
  return {
    code,
    expiresAt: expiresAt.toISOString(),
    checkInUrl,
    qrDataUrl: await QRCode.toDataURL(checkInUrl, { margin: 1, width: 320 }),
    opensAt: opensAt.toISOString(),
    closesAt: closesAt.toISOString(),
  };
}

const INVALID = 'This code is not valid now. Type the code currently shown by the trainer.';

export type CheckInOutcome = 'checked_in' | 'already_checked_in' | 'requested' | 'request_rejected';

/**
 * A signed-in person checks themself in with the QR code's token or the six digits on the trainer's
 * screen, checked against the session's own secret and time window. Each typed code is first
 * charged to the person's wrong-code budget for every session it could be for, so no burst of
 * guesses gets more checks than the limit; a right code is given back. Someone with a seat (or
 * already on the attendance sheet) is marked present; anyone else only asks, and the trainer
 * accepts or rejects the request on the attendance sheet. Checking in twice is harmless.
 */
export async function checkIn({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: { code?: string | undefined; token?: string | undefined; sessionId?: number | undefined };
}): Promise<{ sessionId: number; alreadyCheckedIn: boolean; outcome: CheckInOutcome }> {
  const viewer = requireViewer(ctx);
  let session: TrainingSession | undefined;
  if (input.token !== undefined) {
    session = await sessionOfToken(ctx, input.token);
    if (!session || (input.sessionId !== undefined && input.sessionId !== session.id)) {
      throw new AppError('CHECK_IN_CODE_INVALID', INVALID);
    }
    // Whoever used up their wrong codes for a session checks in with the trainer, QR or not.
    const limit = ctx.config.checkInWrongCodeLimit;
    if ((await wrongCheckInCodes(ctx.db, session.id, viewer.staffId)) >= limit) throw locked(limit);
  } else {
    session = await sessionOfTypedCode(ctx, viewer.staffId, input.code ?? '', input.sessionId);
  }
  const found = session;
  const { opensAt, closesAt } = windowOf(found, ctx);
  if (found.status === 'cancelled' || ctx.now < opensAt || ctx.now >= closesAt) {
    throw new AppError('CHECK_IN_CLOSED', 'Self check-in for this session is closed');
  }
  return runInTransaction(ctx.db, async (trx) => {
    const [existing] = await marksOf(trx, found.id, [viewer.staffId]);
    if (existing && (existing.mark === 'present' || existing.mark === 'late')) {
      return {
        sessionId: found.id,
        alreadyCheckedIn: true,
        outcome: 'already_checked_in' as const,
      };
    }
    const [seat] = await confirmedSeatsOf(trx, found.id, [viewer.staffId]);
    if (!seat && !existing) {
      // No booking: a request for the trainer, never attendance on its own.
      const status = await requestCheckIn(trx, found.id, viewer.staffId, ctx.now);
      if (status === 'pending') {
        await insertAudit(trx, {
          actorStaffId: viewer.staffId,
          action: 'attendance.check_in_requested',
          targetType: 'session',
          targetId: found.id,
          before: null,
          after: { staffId: viewer.staffId },
          requestId: ctx.requestId,
        });
      }
      return {
        sessionId: found.id,
        alreadyCheckedIn: false,
        outcome: status === 'rejected' ? ('request_rejected' as const) : ('requested' as const),
      };
    }
    await upsertMarks(
      trx,
      found.id,
      [
        {
          staffId: viewer.staffId,
          bookingId: seat?.id ?? null,
          mark: 'present',
          note: existing?.note ?? null,
          isWalkIn: !seat,
        },
      ],
      { staffId: viewer.staffId, via: 'check_in', at: ctx.now },
    );
    if (found.finalised_at) {
      await applyOutcomes(
        trx,
        found,
        [{ staffId: viewer.staffId, before: existing?.mark ?? null, after: 'present' }],
        viewer.staffId,
        ctx.now,
      );
    }
    await insertAudit(trx, {
      actorStaffId: viewer.staffId,
      action: 'attendance.checked_in',
      targetType: 'session',
      targetId: found.id,
      before: existing ? { mark: existing.mark } : null,
      after: { staffId: viewer.staffId, mark: 'present', walkIn: !seat },
      requestId: ctx.requestId,
    });
    return { sessionId: found.id, alreadyCheckedIn: false, outcome: 'checked_in' as const };
  });
}

function locked(limit: number): AppError {
  return new AppError(
    'CHECK_IN_LOCKED',
    'Too many wrong codes. Ask the trainer to mark you present.',
    { limit },
  );
}

/**
 * The session a typed code is for. The guess is charged first to the person's budget for each
 * session it is tried against (the one named, or every session open for check-in now); sessions
 * whose budget is spent are not tried, and when none is left the person is told to ask the
 * trainer. The charge is given back everywhere when the code is right.
 */
async function sessionOfTypedCode(
  ctx: ServiceContext,
  staffId: number,
  typed: string,
  sessionId: number | undefined,
): Promise<TrainingSession> {
  const code = typed.replace(/\s/g, '');
  let candidates: TrainingSession[];
  if (sessionId !== undefined) {
    const named = await findTrainingSession(ctx.db, sessionId);
    if (!named) throw notFound('session');
    candidates = [named];
  } else {
    candidates = await sessionsInCheckInWindow(
      ctx.db,
      ctx.now,
      ctx.config.checkInOpensMinutes * 60_000,
    );
  }
  candidates = candidates.filter((s) => s.check_in_secret !== null);
  if (candidates.length === 0) throw new AppError('CHECK_IN_CODE_INVALID', INVALID);
  const limit = ctx.config.checkInWrongCodeLimit;
  const reserved: TrainingSession[] = [];
  for (const candidate of candidates) {
    if (await reserveCheckInGuess(ctx.db, candidate.id, staffId, limit, ctx.now)) {
      reserved.push(candidate);
    }
  }
  if (reserved.length === 0) throw locked(limit);
  const match = reserved.find((s) => codeMatches(s, code, ctx));
  if (!match) throw new AppError('CHECK_IN_CODE_INVALID', INVALID);
  await Promise.all(reserved.map((s) => releaseCheckInGuess(ctx.db, s.id, staffId)));
  return match;
}
