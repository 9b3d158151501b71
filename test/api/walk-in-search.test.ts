import { makeCourse, makeOrgUnit, makeSession, makeStaff, unique } from '@kenshu/db/testing';
import { describe, expect, it } from 'vitest';
import { useTestApp } from '../support/app.ts';
import { makePerson, signedInAs, type SignedInClient } from '../support/auth.ts';
import { failure, okBody, typedApi } from '../support/typed-api.ts';

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

/** The walk-in search as a person calls it, typed end to end. */
function search(client: SignedInClient, id: number, q: string) {
  return typedApi(t.app, client).sessions[':id'].attendance.people.$get({
    param: { id: String(id) },
    query: { q },
  });
}

async function found(client: SignedInClient, id: number, q: string) {
  return (await okBody(search(client, id, q))).items;
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

    const byKanji = await found(trainer, session.id, family);
    // The inactive namesake is not offered.
    expect(byKanji).toEqual([
      expect.objectContaining({ staffNumber: watanabe.staff_number, name: `${family} 美咲` }),
    ]);
    for (const q of ['ミサキユニーク', 'みさきゆにーく', `美咲　${family}`, 'ﾐｻｷﾕﾆｰｸ']) {
      const people = await found(trainer, session.id, q);
      expect(
        people.map((p) => p.staffNumber),
        q,
      ).toEqual([watanabe.staff_number]);
    }
    const byNumber = await found(trainer, session.id, watanabe.staff_number.toLowerCase());
    expect(byNumber[0]).toMatchObject({ staffNumber: watanabe.staff_number, onRoster: false });

    // Added as a walk-in, they show as already on the session.
    const added = await typedApi(t.app, trainer).sessions[':id'].attendance['walk-ins'].$post({
      param: { id: String(session.id) },
      json: { staffNumber: watanabe.staff_number },
    });
    expect(added.status).toBe(201);
    const again = await found(trainer, session.id, 'みさきゆにーく');
    expect(again[0]?.onRoster).toBe(true);
  });

  it('treats LIKE wildcards and odd input as text, and refuses what is not a search', async () => {
    const { session, trainer } = await sessionWithTrainer();
    for (const q of ['%', '_', '\\', "' or 1=1 --", '=cmd|calc']) {
      const people = await found(trainer, session.id, q);
      // A wildcard matches only a name that contains it, and nobody here has one.
      expect(people.filter((p) => !p.name.includes(q) && !p.staffNumber.includes(q))).toEqual([]);
    }
    // Empty, blank, too long, a NUL.
    for (const q of ['', '   ', 'x'.repeat(51), 'a\u0000b']) {
      expect(await failure(search(trainer, session.id, q)), JSON.stringify(q)).toEqual({
        status: 400,
        code: 'VALIDATION',
      });
    }
    // The UTF-8 form of a lone surrogate is not text: it is searched for as typed, and found in no
    // one. A string path, as the typed client would send the surrogate as U+FFFD instead.
    const surrogate = await trainer.request(
      `/api/sessions/${session.id}/attendance/people?q=a%ED%A0%80b`,
    );
    expect(surrogate.status).toBe(200);
    expect((await surrogate.json()).items).toEqual([]);
  });

  it('is only for the session’s trainers while they may mark, and for admins', async () => {
    const { session, trainer } = await sessionWithTrainer();
    const other = await signedInAs(t.app, t.db, (await makePerson(t.db, ['trainer'])).id);
    expect(await failure(search(other, session.id, 'a'))).toMatchObject({ status: 403 });
    const learner = await signedInAs(t.app, t.db, (await makeStaff(t.db)).id);
    expect(await failure(search(learner, session.id, 'a'))).toMatchObject({ status: 403 });
    expect(await failure(search(trainer, 99_999_999, 'a'))).toMatchObject({ status: 404 });

    const later = await sessionWithTrainer(48);
    expect(await failure(search(later.trainer, later.session.id, 'a'))).toEqual({
      status: 409,
      code: 'ATTENDANCE_NOT_OPEN',
    });
    const admin = await signedInAs(t.app, t.db, (await makePerson(t.db, ['admin'])).id);
    expect((await search(admin, later.session.id, 'a')).status).toBe(200);
    expect((await search(trainer, session.id, 'a')).status).toBe(200);
  });
});
