import { Secret, TOTP } from 'otpauth';
import { describe, expect, it } from 'vitest';
import { useTestApp } from '../support/app.ts';
import { attendanceOf, checkIn, sessionUnderWay as underWay } from '../support/attendance.ts';
import { makePerson, signedInAs, type SignedInClient } from '../support/auth.ts';
import { failure, okBody } from '../support/typed-api.ts';

const t = useTestApp({ checkInWrongCodeLimit: 5, checkInSecret: 's'.repeat(48) });

/** A two-hour session under way, its trainer showing the check-in code, `booked` people booked. */
async function sessionUnderWay(booked: number) {
  const under = await underWay(t, booked, { durationMinutes: 120 });
  const shown = await okBody(attendanceOf(t.app, under.trainer, under.session.id).checkInCode());
  return { ...under, shown };
}

function one<T>(items: T[]): T {
  const [first] = items;
  if (first === undefined) throw new Error('nothing there');
  return first;
}

/** A six-digit code that is not the one shown now (nor the one before). */
async function wrongCode(sessionId: number): Promise<string> {
  const row = await t.db
    .selectFrom('training_session')
    .select('check_in_secret')
    .where('id', '=', sessionId)
    .executeTakeFirstOrThrow();
  const totp = new TOTP({
    secret: Secret.fromHex(row.check_in_secret ?? ''),
    digits: 6,
    period: 30,
    algorithm: 'SHA256',
  });
  const valid = new Set([
    totp.generate({ timestamp: Date.now() }),
    totp.generate({ timestamp: Date.now() - 30_000 }),
    totp.generate({ timestamp: Date.now() + 30_000 }),
  ]);
  let n = 123_456;
  while (valid.has(String(n))) n++;
  return String(n);
}

async function sheet(client: SignedInClient, sessionId: number) {
  return okBody(attendanceOf(t.app, client, sessionId).sheet(), 200);
}

function tokenOf(checkInUrl: string): string {
  const token = new URL(checkInUrl).searchParams.get('token');
  if (!token) throw new Error(`no token in ${checkInUrl}`);
  return token;
}

describe('wrong check-in codes', () => {
  it('locks a person out of self check-in after five wrong codes, and the trainer sees it', async () => {
    const { session, people, trainer, shown } = await sessionUnderWay(1);
    const me = await signedInAs(t.app, t.db, one(people).id);
    const wrong = await wrongCode(session.id);
    for (let i = 0; i < 5; i++) {
      const wrongly = checkIn(t.app, me, { code: wrong, sessionId: session.id });
      expect(await failure(wrongly)).toEqual({ status: 400, code: 'CHECK_IN_CODE_INVALID' });
    }
    // Now even the right code (typed or from the QR) is refused: ask the trainer.
    const typed = checkIn(t.app, me, { code: shown.code, sessionId: session.id });
    expect(await failure(typed)).toEqual({ status: 429, code: 'CHECK_IN_LOCKED' });
    const scanned = checkIn(t.app, me, { token: tokenOf(shown.checkInUrl) });
    expect(await failure(scanned)).toMatchObject({ status: 429 });
    const s = await sheet(trainer, session.id);
    expect(s.wrongCodeLimit).toBe(5);
    expect(s.checkInAttempts).toEqual([
      expect.objectContaining({ staffId: one(people).id, wrongCodes: 5, locked: true }),
    ]);
    expect(one(s.entries).mark).toBeNull();
  });

  it('counts a code typed without a session against the sessions open now', async () => {
    const { session, people, trainer } = await sessionUnderWay(1);
    const me = await signedInAs(t.app, t.db, one(people).id);
    const wrong = await wrongCode(session.id);
    expect(await failure(checkIn(t.app, me, { code: wrong }))).toMatchObject({ status: 400 });
    const s = await sheet(trainer, session.id);
    expect(s.checkInAttempts).toEqual([
      expect.objectContaining({ staffId: one(people).id, wrongCodes: 1, locked: false }),
    ]);
  });

  it('does not charge a right code to the budget', async () => {
    const { session, people, trainer, shown } = await sessionUnderWay(1);
    const me = await signedInAs(t.app, t.db, one(people).id);
    const wrong = await wrongCode(session.id);
    for (let i = 0; i < 4; i++) {
      const wrongly = checkIn(t.app, me, { code: wrong, sessionId: session.id });
      expect(await failure(wrongly)).toMatchObject({ status: 400 });
    }
    const right = await okBody(
      checkIn(t.app, me, { code: shown.code, sessionId: session.id }),
      200,
    );
    expect(right.outcome).toBe('checked_in');
    const s = await sheet(trainer, session.id);
    expect(s.checkInAttempts[0]).toMatchObject({ wrongCodes: 4, locked: false });
  });

  it('lets no more than five of 50 concurrent wrong guesses be checked', async () => {
    const { session, people, trainer } = await sessionUnderWay(1);
    const me = await signedInAs(t.app, t.db, one(people).id);
    const wrong = await wrongCode(session.id);
    const answers = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        checkIn(t.app, me, {
          code: String((Number(wrong) + i * 7919) % 1_000_000).padStart(6, '0'),
          sessionId: session.id,
        }),
      ),
    );
    const statuses = answers.map((r) => r.status);
    // A guess that happened to be right would be a 200; every other checked guess is a 400.
    const checked = statuses.filter((s) => s === 400 || s === 200).length;
    expect(checked).toBeLessThanOrEqual(5);
    expect(statuses.filter((s) => s === 429).length).toBeGreaterThanOrEqual(45);
    expect(statuses.every((s) => s === 400 || s === 429 || s === 200)).toBe(true);
    const row = await t.db
      .selectFrom('check_in_attempt')
      .select('wrong_codes')
      .where('session_id', '=', session.id)
      .executeTakeFirstOrThrow();
    expect(row.wrong_codes).toBeLessThanOrEqual(5);
    expect(one((await sheet(trainer, session.id)).checkInAttempts).locked).toBe(
      row.wrong_codes >= 5,
    );
  }, 60_000);
});

describe('the QR code', () => {
  it('carries a long signed token, not the typed code, that works only for a minute', async () => {
    const { session, people, shown } = await sessionUnderWay(2);
    const url = new URL(shown.checkInUrl);
    expect(url.searchParams.get('code')).toBeNull();
    const token = tokenOf(shown.checkInUrl);
    expect(token.length).toBeGreaterThanOrEqual(43);
    expect(token).not.toContain(shown.code);
    const [first, second] = people;
    if (!first || !second) throw new Error('people missing');
    const me = await signedInAs(t.app, t.db, first.id);
    expect(await okBody(checkIn(t.app, me, { token }), 200)).toEqual({
      sessionId: session.id,
      alreadyCheckedIn: false,
      outcome: 'checked_in',
    });

    // A changed signature, another session's id and an old token are all refused.
    const other = await signedInAs(t.app, t.db, second.id);
    const [id, step, signature = ''] = token.split('.');
    const flipped = `${signature.startsWith('A') ? 'B' : 'A'}${signature.slice(1)}`;
    for (const forged of [`${id}.${step}.${flipped}`, `${Number(id) + 1}.${step}.${signature}`]) {
      expect(await failure(checkIn(t.app, other, { token: forged })), forged).toEqual({
        status: 400,
        code: 'CHECK_IN_CODE_INVALID',
      });
    }
    t.clock.advance(90_000);
    try {
      expect(await failure(checkIn(t.app, other, { token }))).toMatchObject({ status: 400 });
    } finally {
      t.clock.reset();
    }
  });

  it('refuses a body with both a code and a token, or neither', async () => {
    const { people, shown } = await sessionUnderWay(1);
    const me = await signedInAs(t.app, t.db, one(people).id);
    for (const body of [{}, { code: shown.code, token: tokenOf(shown.checkInUrl) }]) {
      expect(await failure(checkIn(t.app, me, body))).toMatchObject({ status: 400 });
    }
  });
});

describe('a check-in without a booking', () => {
  it('is a request the trainer accepts: no attendance until then, and none at finalise', async () => {
    const { session, trainer, shown, course } = await sessionUnderWay(1);
    const stranger = await makePerson(t.db);
    const me = await signedInAs(t.app, t.db, stranger.id);
    const requested = checkIn(t.app, me, { code: shown.code, sessionId: session.id });
    expect(await okBody(requested, 200)).toEqual({
      sessionId: session.id,
      alreadyCheckedIn: false,
      outcome: 'requested',
    });
    // Asking again is still one request.
    const again = await okBody(checkIn(t.app, me, { token: tokenOf(shown.checkInUrl) }));
    expect(again.outcome).toBe('requested');
    const before = await sheet(trainer, session.id);
    expect(before.entries.map((e) => e.staffId)).not.toContain(stranger.id);
    expect(before.checkInRequests).toEqual([
      expect.objectContaining({ staffId: stranger.id, status: 'pending', decidedAt: null }),
    ]);
    const attendance = await t.db
      .selectFrom('attendance')
      .selectAll()
      .where('session_id', '=', session.id)
      .where('staff_id', '=', stranger.id)
      .execute();
    expect(attendance).toEqual([]);

    // Submitting the attendance sheet with the request undecided completes nothing for them.
    const asTrainer = attendanceOf(t.app, trainer, session.id);
    await okBody(asTrainer.finalise(), 200);
    const completions = () =>
      t.db
        .selectFrom('completion')
        .select('kind')
        .where('staff_id', '=', stranger.id)
        .where('course_id', '=', course.id)
        .execute();
    expect(await completions()).toEqual([]);

    // The trainer accepts: now they are present, as a walk-in.
    expect(await okBody(asTrainer.decideCheckIn(stranger.id, 'accept'), 200)).toEqual({
      status: 'accepted',
    });
    const after = await sheet(trainer, session.id);
    expect(after.entries.find((e) => e.staffId === stranger.id)).toMatchObject({
      mark: 'present',
      walkIn: true,
      booked: false,
    });
    expect(after.checkInRequests[0]).toMatchObject({ status: 'accepted' });
    // Deciding twice finds no pending request.
    expect(await failure(asTrainer.decideCheckIn(stranger.id, 'reject'))).toMatchObject({
      status: 404,
    });
  });

  it('is recorded as rejected when the trainer rejects it, and asking again says so', async () => {
    const { session, trainer, shown } = await sessionUnderWay(1);
    const stranger = await makePerson(t.db);
    const me = await signedInAs(t.app, t.db, stranger.id);
    const byCode = () => checkIn(t.app, me, { code: shown.code, sessionId: session.id });
    expect((await okBody(byCode())).outcome).toBe('requested');
    const rejected = attendanceOf(t.app, trainer, session.id).decideCheckIn(stranger.id, 'reject');
    expect(await okBody(rejected)).toEqual({ status: 'rejected' });
    expect((await okBody(byCode())).outcome).toBe('request_rejected');
    const s = await sheet(trainer, session.id);
    expect(s.entries.map((e) => e.staffId)).not.toContain(stranger.id);
  });

  it('is decided only by the session’s trainers and admins', async () => {
    const { session, shown } = await sessionUnderWay(1);
    const stranger = await makePerson(t.db);
    const me = await signedInAs(t.app, t.db, stranger.id);
    await okBody(checkIn(t.app, me, { code: shown.code, sessionId: session.id }));
    const otherTrainer = await signedInAs(t.app, t.db, (await makePerson(t.db, ['trainer'])).id);
    for (const decider of [otherTrainer, me]) {
      const decided = attendanceOf(t.app, decider, session.id).decideCheckIn(stranger.id, 'accept');
      expect(await failure(decided)).toMatchObject({ status: 403 });
    }
  });
});
