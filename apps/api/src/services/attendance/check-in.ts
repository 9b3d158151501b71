import {
  confirmedSeatsOf,
  findTrainingSession,
  insertAudit,
  isTrainerOf,
  marksOf,
  runInTransaction,
  sessionsInCheckInWindow,
  setCheckInSecret,
  upsertMarks,
  type TrainingSession,
} from '@kenshu/db';
import { AppError, forbidden, isAdmin, notFound } from '@kenshu/domain';
import { randomBytes } from 'node:crypto';
import { Secret, TOTP } from 'otpauth';
import QRCode from 'qrcode';
import type { ServiceContext } from '../../context.ts';
import { requireViewer } from '../../lib/service-context.ts';
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
  const viewer = requireViewer(ctx);
  const session = await findTrainingSession(ctx.db, input.sessionId);
  if (!session) throw notFound('session');
  if (!isAdmin(viewer) && !(await isTrainerOf(ctx.db, session.id, viewer.staffId))) {
    throw forbidden('Only this session’s trainers show its check-in code');
  }
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
  const checkInUrl = `${base.replace(/\/$/, '')}/check-in?session=${session.id}&code=${code}`;
  return {
    code,
    expiresAt: expiresAt.toISOString(),
    checkInUrl,
    qrDataUrl: await QRCode.toDataURL(checkInUrl, { margin: 1, width: 320 }),
    opensAt: opensAt.toISOString(),
    closesAt: closesAt.toISOString(),
  };
}

/**
 * A signed-in attendee checks themself in with the code on the trainer's screen. The code is
 * checked against the session's own secret and time window, so an old, forged or other
 * session's code fails. Checking in twice is harmless.
 */
export async function checkIn({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: { code: string; sessionId?: number | undefined };
}): Promise<{ sessionId: number; alreadyCheckedIn: boolean }> {
  const viewer = requireViewer(ctx);
  const code = input.code.replace(/\s/g, '');
  const candidates = input.sessionId
    ? [await findTrainingSession(ctx.db, input.sessionId)].filter(
        (s): s is TrainingSession => s !== undefined,
      )
    : await sessionsInCheckInWindow(ctx.db, ctx.now, ctx.config.checkInOpensMinutes * 60_000);
  if (input.sessionId && candidates.length === 0) throw notFound('session');
  const session = candidates.find(
    (s) =>
      s.check_in_secret &&
      totpFor(s.check_in_secret).validate({
        token: code,
        timestamp: ctx.now.getTime(),
        window: 1,
      }) !== null,
  );
  if (!session) {
    throw new AppError(
      'CHECK_IN_CODE_INVALID',
      'This code is not valid now. Type the code currently shown by the trainer.',
    );
  }
  const { opensAt, closesAt } = windowOf(session, ctx);
  if (session.status === 'cancelled' || ctx.now < opensAt || ctx.now >= closesAt) {
    throw new AppError('CHECK_IN_CLOSED', 'Self check-in for this session is closed');
  }
  return runInTransaction(ctx.db, async (trx) => {
    const [existing] = await marksOf(trx, session.id, [viewer.staffId]);
    if (existing && (existing.mark === 'present' || existing.mark === 'late')) {
      return { sessionId: session.id, alreadyCheckedIn: true };
    }
    const [seat] = await confirmedSeatsOf(trx, session.id, [viewer.staffId]);
    await upsertMarks(
      trx,
      session.id,
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
    if (session.finalised_at) {
      await applyOutcomes(
        trx,
        session,
        [{ staffId: viewer.staffId, before: existing?.mark ?? null, after: 'present' }],
        viewer.staffId,
        ctx.now,
      );
    }
    await insertAudit(trx, {
      actorStaffId: viewer.staffId,
      action: 'attendance.checked_in',
      targetType: 'session',
      targetId: session.id,
      before: existing ? { mark: existing.mark } : null,
      after: { staffId: viewer.staffId, mark: 'present', walkIn: !seat },
      requestId: ctx.requestId,
    });
    return { sessionId: session.id, alreadyCheckedIn: false };
  });
}
