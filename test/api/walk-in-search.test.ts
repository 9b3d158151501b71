import { makeCourse, makeOrgUnit, makeSession, makeStaff, unique } from '@kenshu/db/testing';
import { describe, expect, it } from 'vitest';
import { useTestApp } from '../support/app.ts';
import { makePerson, signedInAs } from '../support/auth.ts';

const t = useTestApp();

/** A session that started half an hour ago, taught by a new trainer. */
async function sessionWithTrainer(startsInHours = -0.5) {
  const course = await makeCourse(t.db);
  const trainer = await makePerson(t.db, ['trainer']);
  const session = await makeSession(t.db, {
    courseId: course.id,
    startsInHours,
    cutoffInHours: startsInHours - 24,
    opensInHours: -500,
    trainerIds: [trainer.id],
  });
  return { session, trainer: await signedInAs(t.app, t.db, trainer.id) };
}

type Found = { staffNumber: string; name: string; onRoster: boolean }[];

async function search(client: Awaited<ReturnType<typeof signedInAs>>, id: number, q: string) {
  return client.request(`/api/sessions/${id}/attendance/people?q=${encodeURIComponent(q)}`);
}

describe('finding a walk-in by name or kana', () => {
  it('finds people by kanji, by kana in either script, by words in any order, and by staff number', async () => {
    const { session, trainer } = await sessionWithTrainer();
    const unit = await makeOrgUnit(t.db, { name_ja: '会計課', name_en: 'Accounts' });
    const family = `渡辺${unique('')}`;
    const watanabe = await makeStaff(t.db, {
      org_unit_id: unit.id,
      family_name: family,
      given_name: '美咲',
      family_name_kana: 'わたなべ',
      given_name_kana: 'みさきゆにーく',
    });
    await makeStaff(t.db, {
      org_unit_id: unit.id,
      family_name: family,
      given_name: '健',
      active: false,
    });

    const byKanji = (await (await search(trainer, session.id, family)).json()).items as Found;
    // The inactive namesake is not offered.
    expect(byKanji).toEqual([
      expect.objectContaining({ staffNumber: watanabe.staff_number, name: `${family} 美咲` }),
    ]);
    for (const q of ['ミサキユニーク', 'みさきゆにーく', `美咲　${family}`, 'ﾐｻｷﾕﾆｰｸ']) {
      const found = (await (await search(trainer, session.id, q)).json()).items as Found;
      expect(
        found.map((p) => p.staffNumber),
        q,
      ).toEqual([watanabe.staff_number]);
    }
    const byNumber = (
      await (await search(trainer, session.id, watanabe.staff_number.toLowerCase())).json()
    ).items as Found;
    expect(byNumber[0]).toMatchObject({ staffNumber: watanabe.staff_number, onRoster: false });

    // Added as a walk-in, they show as already on the session.
    const added = await trainer.json(`/api/sessions/${session.id}/attendance/walk-ins`, {
      staffNumber: watanabe.staff_number,
    });
    expect(added.status).toBe(201);
    const again = (await (await search(trainer, session.id, 'みさきゆにーく')).json())
      .items as Found;
    expect(again[0]?.onRoster).toBe(true);
  });

  it('treats LIKE wildcards and odd input as text, and refuses what is not a search', async () => {
    const { session, trainer } = await sessionWithTrainer();
    for (const q of ['%', '_', '\\', "' or 1=1 --", '=cmd|calc']) {
      const res = await search(trainer, session.id, q);
      expect(res.status, q).toBe(200);
      const found = (await res.json()).items as Found;
      // A wildcard matches only a name that contains it, and nobody here has one.
      expect(found.filter((p) => !p.name.includes(q) && !p.staffNumber.includes(q))).toEqual([]);
    }
    // As sent on the wire: empty, blank, too long, a NUL.
    for (const raw of ['', '%20%20%20', 'x'.repeat(51), 'a%00b']) {
      const res = await trainer.request(`/api/sessions/${session.id}/attendance/people?q=${raw}`);
      expect(res.status, raw).toBe(400);
      expect((await res.json()).error.code).toBe('VALIDATION');
    }
    // The UTF-8 form of a lone surrogate is not text: it is searched for as typed, and found in no one.
    const surrogate = await trainer.request(
      `/api/sessions/${session.id}/attendance/people?q=a%ED%A0%80b`,
    );
    expect(surrogate.status).toBe(200);
    expect((await surrogate.json()).items).toEqual([]);
  });

  it('is only for the session’s trainers while they may mark, and for admins', async () => {
    const { session, trainer } = await sessionWithTrainer();
    const other = await signedInAs(t.app, t.db, (await makePerson(t.db, ['trainer'])).id);
    expect((await search(other, session.id, 'a')).status).toBe(403);
    const learner = await signedInAs(t.app, t.db, (await makeStaff(t.db)).id);
    expect((await search(learner, session.id, 'a')).status).toBe(403);
    expect((await search(trainer, 99_999_999, 'a')).status).toBe(404);

    const later = await sessionWithTrainer(48);
    const early = await search(later.trainer, later.session.id, 'a');
    expect(early.status).toBe(409);
    expect((await early.json()).error.code).toBe('ATTENDANCE_NOT_OPEN');
    const admin = await signedInAs(t.app, t.db, (await makePerson(t.db, ['admin'])).id);
    expect((await search(admin, later.session.id, 'a')).status).toBe(200);
    expect((await search(trainer, session.id, 'a')).status).toBe(200);
  });
});
