import { makeCourse, makeStaff } from '@kenshu/db/testing';
import { beforeAll, describe, expect, it } from 'vitest';
import { useTestApp } from '../support/app.ts';
import { makePerson, signedInAs, type SignedInClient } from '../support/auth.ts';
import { failure, failureBody, okBody, typedApi } from '../support/typed-api.ts';

const t = useTestApp();
let admin: SignedInClient;
let learner: SignedInClient;
beforeAll(async () => {
  admin = await signedInAs(t.app, t.db, (await makePerson(t.db, ['admin'])).id);
  learner = await signedInAs(t.app, t.db, (await makeStaff(t.db)).id);
});

/** One course as this person asks for it, by the id as it stands in the path. */
function courseAs(client: SignedInClient, id: number | string) {
  return typedApi(t.app, client).courses[':id'].$get({ param: { id: String(id) } });
}

/** A draft, made the way the training office makes one. */
function draftCourse() {
  return okBody(
    typedApi(t.app, admin).courses.$post({
      json: {
        code: `DRAFT-${Math.random().toString(36).slice(2, 8)}`,
        titleJa: '新しい研修',
        titleEn: 'A new course',
        audience: { kind: 'all_staff' },
        completionModes: 'either',
      },
    }),
    201,
  );
}

describe('one course of the catalogue', () => {
  it('reads as the catalogue lists it, also when no longer active', async () => {
    const course = await makeCourse(t.db, { active: false });
    const catalogue = typedApi(t.app, learner).courses.$get({ query: { includeInactive: 'true' } });
    const listed = (await okBody(catalogue)).items.find((c) => c.id === course.id);
    expect(listed).toMatchObject({ code: course.code, active: false });
    expect(await okBody(courseAs(learner, course.id), 200)).toEqual(listed);
  });

  it('shows a draft to admins; to anyone else it answers like no course at all', async () => {
    const draft = await draftCourse();
    expect(await okBody(courseAs(admin, draft.id), 200)).toEqual(draft);
    const hidden = await failureBody(courseAs(learner, draft.id));
    expect(hidden).toEqual(await failureBody(courseAs(learner, 999_999_999)));
    expect(hidden).toEqual({
      status: 404,
      error: { code: 'NOT_FOUND', message: 'course not found' },
    });
  });

  it('refuses an id that is not a positive whole number', async () => {
    for (const id of ['abc', '0', '1.5', '-1', '99999999999999999999', '%00']) {
      expect(await failure(courseAs(admin, id)), id).toEqual({ status: 400, code: 'VALIDATION' });
    }
  });
});
