import { autoFinaliseJob, runJobOnce } from '@kenshu/api/jobs';
import { loadConfig } from '@kenshu/api/config';
import { makeStaff } from '@kenshu/db/testing';
import type { TrainingSession } from '@kenshu/db';
import { Secret, TOTP } from 'otpauth';
import { describe, expect, it } from 'vitest';
import { useTestApp } from '../support/app.ts';
import { attendanceOf, checkIn, sessionUnderWay as underWay } from '../support/attendance.ts';
import { makePerson, signedInAs, type SignedInClient } from '../support/auth.ts';
import { failure, okBody, typedApi } from '../support/typed-api.ts';

const t = useTestApp();

function sessionUnderWay(booked: number, opts: Parameters<typeof underWay>[2] = {}) {
  return underWay(t, booked, opts);
}

async function sheet(client: SignedInClient, sessionId: number) {
  return okBody(attendanceOf(t.app, client, sessionId).sheet(), 200);
}

function markOf(s: { entries: { staffId: number; mark: string | null }[] }, staffId: number) {
  return s.entries.find((e) => e.staffId === staffId)?.mark ?? null;
}

describe('marking an attendance sheet', () => {
  it('marks a few, marks the rest present without overwriting, and finalises with no-shows', async () => {
    const { session, people, trainer, course } = await sessionUnderWay(5);
    const [a, b, c] = people;
    if (!a || !b || !c) throw new Error('people missing');
    const attendance = attendanceOf(t.app, trainer, session.id);
    const marked = await okBody(
      attendance.mark([
        { staffId: a.id, mark: 'excused', note: '出張' },
        { staffId: b.id, mark: 'late' },
      ]),
    );
    expect(marked).toEqual({ changed: 2 });

    expect(await okBody(attendance.markUnmarkedPresent())).toEqual({ marked: 3 });
    let s = await sheet(trainer, session.id);
    expect(markOf(s, a.id)).toBe('excused'); // never overwritten
    expect(markOf(s, b.id)).toBe('late');
    expect(markOf(s, c.id)).toBe('present');

    // Someone decides they were not there after all, and one person is never marked before submit.
    await okBody(attendance.mark([{ staffId: c.id, mark: 'absent' }]));
    const fin = await okBody(attendance.finalise(), 200);
    expect(fin.alreadyFinalised).toBe(false);

    const completions = await t.db
      .selectFrom('completion')
      .select(['staff_id', 'kind'])
      .where('course_id', '=', course.id)
      .execute();
    expect(completions.map((x) => x.staff_id).sort()).toEqual(
      [b.id, ...people.slice(3).map((p) => p.id)].sort(),
    );
    s = await sheet(trainer, session.id);
    expect(s.finalisedAt).not.toBeNull();
    const again = await okBody(attendance.finalise());
    expect(again.alreadyFinalised).toBe(true);
    const audit = await t.db
      .selectFrom('audit_log')
      .select('action')
      .where('target_type', '=', 'session')
      .where('target_id', '=', String(session.id))
      .execute();
    expect(audit.map((r) => r.action)).toEqual(
      expect.arrayContaining([
        'attendance.marked',
        'attendance.marked_unmarked_present',
        'attendance.finalised',
      ]),
    );
  });

  it('turns unmarked people into no-shows (absent) on finalising', async () => {
    const { session, people, trainer } = await sessionUnderWay(3);
    await okBody(attendanceOf(t.app, trainer, session.id).finalise());
    const s = await sheet(trainer, session.id);
    for (const p of people) expect(markOf(s, p.id)).toBe('absent');
    expect(s.entries.every((e) => e.via === 'no_show')).toBe(true);
  });

  it('marks 100 people in one request', async () => {
    const { session, people, trainer } = await sessionUnderWay(100);
    const attendance = attendanceOf(t.app, trainer, session.id);
    const marked = await okBody(
      attendance.mark(
        people.map((p, i) => ({ staffId: p.id, mark: i % 10 === 0 ? 'absent' : 'present' })),
      ),
    );
    expect(marked).toEqual({ changed: 100 });
    await okBody(attendance.finalise(), 200);
    const done = await t.db
      .selectFrom('completion')
      .select('staff_id')
      .where('session_id', '=', session.id)
      .execute();
    expect(done).toHaveLength(90);
  }, 60_000);

  it('withdraws the completion when a mark is corrected after finalising', async () => {
    const { session, people, trainer, course } = await sessionUnderWay(1);
    const [p] = people;
    if (!p) throw new Error('no person');
    const attendance = attendanceOf(t.app, trainer, session.id);
    await okBody(attendance.mark([{ staffId: p.id, mark: 'present' }]));
    await okBody(attendance.finalise());
    const admin = await signedInAs(t.app, t.db, (await makePerson(t.db, ['admin'])).id);
    const statusNow = async () => {
      const record = await okBody(
        typedApi(t.app, admin).staff[':id'].training.$get({
          param: { id: String(p.id) },
          query: {},
        }),
      );
      const item = record.items.find((i) => i.course.id === course.id);
      if (!item) throw new Error('the course is on their record');
      return item.status;
    };
    expect(await statusNow()).toBe('completed');
    await okBody(attendance.mark([{ staffId: p.id, mark: 'absent' }]));
    expect(await statusNow()).not.toBe('completed');
  });

  it('adds a walk-in to a full session, flagged', async () => {
    const { session, trainer } = await sessionUnderWay(1);
    const visitor = await makeStaff(t.db);
    const attendance = attendanceOf(t.app, trainer, session.id);
    await okBody(attendance.addWalkIn(visitor.staff_number), 201);
    const s = await sheet(trainer, session.id);
    expect(s.entries.find((e) => e.staffId === visitor.id)).toMatchObject({
      walkIn: true,
      booked: false,
      mark: 'present',
    });
    expect(await failure(attendance.addWalkIn('NO-SUCH-PERSON'))).toMatchObject({ status: 404 });
  });

  it('searches the attendance sheet by name, kana or staff number', async () => {
    const { session, people, trainer } = await sessionUnderWay(3);
    const [p] = people;
    if (!p) throw new Error('no person');
    const found = await okBody(attendanceOf(t.app, trainer, session.id).sheet(p.staff_number));
    expect(found.entries.map((e) => e.staffId)).toEqual([p.id]);
  });

  it('exports the attendance sheet as CSV with a BOM', async () => {
    const { session, trainer } = await sessionUnderWay(2);
    // The download as on the wire, its bytes and headers, so by string path.
    const res = await trainer.request(`/api/sessions/${session.id}/attendance.csv`);
    expect(res.headers.get('content-type')).toMatch(/text\/csv/);
    const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(await res.arrayBuffer());
    expect(text.charCodeAt(0)).toBe(0xfeff);
    expect(text).toContain('職員番号');
    expect(text.trim().split('\n')).toHaveLength(3);
  });
});

describe('who may mark, and when', () => {
  it('refuses someone who does not teach the session, changing nothing', async () => {
    const { session, people } = await sessionUnderWay(1);
    const otherTrainer = await signedInAs(t.app, t.db, (await makePerson(t.db, ['trainer'])).id);
    const [p] = people;
    if (!p) throw new Error('no person');
    const marked = attendanceOf(t.app, otherTrainer, session.id).mark([
      { staffId: p.id, mark: 'present' },
    ]);
    expect(await failure(marked)).toMatchObject({ status: 403 });
    const learner = await signedInAs(t.app, t.db, p.id);
    expect(await failure(attendanceOf(t.app, learner, session.id).sheet())).toMatchObject({
      status: 403,
    });
    expect(
      await t.db
        .selectFrom('attendance')
        .selectAll()
        .where('session_id', '=', session.id)
        .execute(),
    ).toEqual([]);
  });

  it('answers 404 for a session that does not exist, and refuses people not on the attendance sheet', async () => {
    const { session, trainer } = await sessionUnderWay(1);
    const nowhere = attendanceOf(t.app, trainer, 99_999_999).mark([
      { staffId: 1, mark: 'present' },
    ]);
    expect(await failure(nowhere)).toMatchObject({ status: 404 });
    const stranger = await makeStaff(t.db);
    const refused = attendanceOf(t.app, trainer, session.id).mark([
      { staffId: stranger.id, mark: 'present' },
    ]);
    expect(await failure(refused)).toMatchObject({ status: 400 });
  });

  it('locks marks for trainers after the lock; admins need a reason', async () => {
    const { session, people, trainer } = await sessionUnderWay(1, { startsInHours: -24 * 9 });
    const [p] = people;
    if (!p) throw new Error('no person');
    const marks = [{ staffId: p.id, mark: 'present' as const }];
    const locked = attendanceOf(t.app, trainer, session.id).mark(marks);
    expect(await failure(locked)).toEqual({ status: 409, code: 'ATTENDANCE_LOCKED' });
    const admin = await signedInAs(t.app, t.db, (await makePerson(t.db, ['admin'])).id);
    const asAdmin = attendanceOf(t.app, admin, session.id);
    expect(await failure(asAdmin.mark(marks))).toMatchObject({ status: 400 });
    await okBody(asAdmin.mark(marks, '名簿の記入漏れ'), 200);
  });

  it('does not open marking long before the session starts', async () => {
    const { session, people, trainer } = await sessionUnderWay(1, { startsInHours: 48 });
    const [p] = people;
    if (!p) throw new Error('no person');
    const marked = attendanceOf(t.app, trainer, session.id).mark([
      { staffId: p.id, mark: 'present' },
    ]);
    expect(await failure(marked)).toEqual({ status: 409, code: 'ATTENDANCE_NOT_OPEN' });
  });
});

describe('self check-in', () => {
  async function secretOf(session: TrainingSession) {
    const row = await t.db
      .selectFrom('training_session')
      .select('check_in_secret')
      .where('id', '=', session.id)
      .executeTakeFirstOrThrow();
    if (!row.check_in_secret) throw new Error('no secret yet');
    return new TOTP({
      secret: Secret.fromHex(row.check_in_secret),
      digits: 6,
      period: 30,
      algorithm: 'SHA256',
    });
  }

  it('checks in with the code shown, twice harmlessly, and the trainer sees it', async () => {
    const { session, people, trainer } = await sessionUnderWay(2);
    const [p] = people;
    if (!p) throw new Error('no person');
    const code = await okBody(attendanceOf(t.app, trainer, session.id).checkInCode());
    expect(code.code).toMatch(/^\d{6}$/);
    expect(code.qrDataUrl).toMatch(/^data:image\/png;base64,/);
    expect(code.checkInUrl).toMatch(/\/check-in\?token=/);
    const me = await signedInAs(t.app, t.db, p.id);
    expect(await okBody(checkIn(t.app, me, { code: code.code }))).toEqual({
      sessionId: session.id,
      alreadyCheckedIn: false,
      outcome: 'checked_in',
    });
    const second = await okBody(
      checkIn(t.app, me, { code: code.code, sessionId: session.id }),
      200,
    );
    expect(second.alreadyCheckedIn).toBe(true);
    const s = await sheet(trainer, session.id);
    expect(s.entries.find((e) => e.staffId === p.id)).toMatchObject({
      mark: 'present',
      via: 'check_in',
    });
  });

  it("refuses an old code, a forged code and another session's code", async () => {
    const one = await sessionUnderWay(1);
    const two = await sessionUnderWay(1);
    await okBody(attendanceOf(t.app, one.trainer, one.session.id).checkInCode());
    const otherCode = (await okBody(attendanceOf(t.app, two.trainer, two.session.id).checkInCode()))
      .code;
    const totp = await secretOf(one.session);
    const old = totp.generate({ timestamp: Date.now() - 5 * 60_000 });
    const current = totp.generate();
    const forged = String((Number(current) + 1) % 1_000_000).padStart(6, '0');
    const [p] = one.people;
    if (!p) throw new Error('no person');
    const me = await signedInAs(t.app, t.db, p.id);
    for (const code of [old, forged, otherCode]) {
      if (code === current) continue;
      expect(await failure(checkIn(t.app, me, { code, sessionId: one.session.id })), code).toEqual({
        status: 400,
        code: 'CHECK_IN_CODE_INVALID',
      });
    }
    expect(
      await t.db
        .selectFrom('attendance')
        .selectAll()
        .where('session_id', '=', one.session.id)
        .execute(),
    ).toEqual([]);
  });

  it('shows no code outside the check-in window', async () => {
    const { session, trainer } = await sessionUnderWay(1, { startsInHours: 24 });
    expect(await failure(attendanceOf(t.app, trainer, session.id).checkInCode())).toEqual({
      status: 409,
      code: 'CHECK_IN_CLOSED',
    });
  });
});

describe('auto-finalising', () => {
  it('closes attendance sheets nobody submitted, once', async () => {
    const { session, people } = await sessionUnderWay(2, { startsInHours: -30 });
    const config = { ...loadConfig({}), autoFinaliseHours: 1 };
    const first = await runJobOnce(t.database, autoFinaliseJob, config);
    expect(first?.changed).toBeGreaterThanOrEqual(1);
    const marks = await t.db
      .selectFrom('attendance')
      .select(['staff_id', 'mark'])
      .where('session_id', '=', session.id)
      .execute();
    expect(marks.map((m) => m.mark)).toEqual(people.map(() => 'absent'));
    const second = await runJobOnce(t.database, autoFinaliseJob, config);
    expect(second?.changed).toBe(0);
  });
});
