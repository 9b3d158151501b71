import { loadConfig } from '@kenshu/api/config';
import { dailyRemindersJob, runJobOnce } from '@kenshu/api/jobs';
import { makeCourse, makeOrgUnit, makeStaff } from '@kenshu/db/testing';
import { beforeAll, describe, expect, it } from 'vitest';
import { useTestApp } from '../support/app.ts';
import { makePerson, signedInAs, type SignedInClient } from '../support/auth.ts';
import { failure, failureBody, okBody, typedApi } from '../support/typed-api.ts';

/** Admins set each course's reminder schedule, the cap and hours, and the words of each message. */
const t = useTestApp();
let admin: SignedInClient;
let learner: SignedInClient;

beforeAll(async () => {
  admin = await signedInAs(t.app, t.db, (await makePerson(t.db, ['admin'])).id);
  learner = await signedInAs(t.app, t.db, (await makeStaff(t.db)).id);
});

type ScheduleRoute = ReturnType<typeof typedApi>['reminders']['courses'][':id']['schedule'];
type TemplateRoute = ReturnType<typeof typedApi>['message-templates'][':kind'][':locale'];

function schedule(as: SignedInClient, courseId: number) {
  const route = typedApi(t.app, as).reminders.courses[':id'].schedule;
  const param = { id: String(courseId) };
  return {
    get: () => route.$get({ param }),
    put: (json: Parameters<ScheduleRoute['$put']>[0]['json']) => route.$put({ param, json }),
  };
}

function settings() {
  return typedApi(t.app, admin).reminders.settings;
}

/** One message's wording in one language. */
function template(as: SignedInClient, kind: string, locale: 'ja' | 'en') {
  const route = typedApi(t.app, as)['message-templates'][':kind'][':locale'];
  const param = { kind, locale };
  return {
    put: (json: Parameters<TemplateRoute['$put']>[0]['json']) => route.$put({ param, json }),
    reset: () => route.$delete({ param }),
  };
}

describe('a course reminder schedule', () => {
  it('follows the defaults until an admin sets its own, and refuses impossible ones', async () => {
    const course = await makeCourse(t.db);
    const path = `/api/reminders/courses/${course.id}/schedule`;
    const ofCourse = schedule(admin, course.id);
    const defaults = await okBody(ofCourse.get());
    expect(defaults).toMatchObject({ custom: false, enabled: true });
    const ownSchedule = {
      enabled: true,
      daysBefore: [3, 21],
      onDueDate: false,
      overdueEveryDays: 5,
      escalateAfter: 2,
      officerAfter: 4,
    };
    expect(await okBody(ofCourse.put(ownSchedule), 200)).toMatchObject({
      ...ownSchedule,
      daysBefore: [21, 3],
      custom: true,
    });
    expect(await okBody(ofCourse.get())).toMatchObject({ daysBefore: [21, 3] });

    // Impossible schedules, some malformed on purpose (a string for a number, an extra field):
    // raw requests.
    for (const bad of [
      { ...ownSchedule, officerAfter: 2 },
      { ...ownSchedule, daysBefore: [3, 3] },
      { ...ownSchedule, daysBefore: [0] },
      { ...ownSchedule, overdueEveryDays: 'x'.repeat(100_000) },
      { ...ownSchedule, extra: true },
    ]) {
      expect((await admin.json(path, bad, 'PUT')).status).toBe(400);
    }
    expect((await failure(schedule(learner, course.id).put(ownSchedule))).status).toBe(403);
    expect((await failure(schedule(admin, 999999).put(ownSchedule))).status).toBe(404);
  });
});

describe('reminder settings', () => {
  it('hold the cap and hours the daily run keeps to', async () => {
    const before = await okBody(settings().$get());
    expect(before.effective.capDays).toBe(3);
    const saved = settings().$put({
      json: { capDays: 5, hours: { from: '10:00', until: '12:00' } },
    });
    expect((await okBody(saved, 200)).effective).toEqual({
      capDays: 5,
      hours: { from: '10:00', until: '12:00' },
    });
    const bad = [
      { capDays: 0, hours: null },
      { capDays: 3, hours: { from: '12:00', until: '10:00' } },
      { capDays: 3, hours: { from: '25:00', until: '26:00' } },
      { capDays: 3, hours: { from: '10:00\u0000', until: '12:00' } },
    ];
    for (const json of bad) expect((await failure(settings().$put({ json }))).status).toBe(400);
    // The wrong content type is malformed on purpose: a raw request.
    const wrongType = await admin.request('/api/reminders/settings', {
      method: 'PUT',
      body: 'capDays=3',
      headers: { 'content-type': 'text/plain' },
    });
    expect(wrongType.status).toBeGreaterThanOrEqual(400);
    expect(wrongType.status).toBeLessThan(500);

    // 10:30 on a working day is inside the new hours; 09:30 is not any more.
    const unit = await makeOrgUnit(t.db);
    await makeStaff(t.db, { org_unit_id: unit.id });
    await makeCourse(t.db, {
      audience: { kind: 'rule', roles: [], unitIds: [unit.id], employmentTypes: [] },
    });
    const config = { ...loadConfig({}), seed: 'none' as const };
    const early = await runJobOnce(
      t.database,
      dailyRemindersJob,
      config,
      new Date('2027-03-16T09:30:00+09:00'),
    );
    expect(early?.changed).toBe(0);
    const inside = await runJobOnce(
      t.database,
      dailyRemindersJob,
      config,
      new Date('2027-03-16T10:30:00+09:00'),
    );
    expect(inside?.changed).toBeGreaterThan(0);
    const status = await okBody(settings().$get());
    expect(status.lastRun).toMatchObject({ day: '2027-03-16' });
  });
});

describe('message wording', () => {
  it('lists every kind in both languages, saves an edit, and resets it', async () => {
    const list = await okBody(typedApi(t.app, admin)['message-templates'].$get());
    const digest = list.items.find((i) => i.kind === 'reminder.digest');
    expect(digest?.placeholders).toEqual(['name', 'count', 'list']);
    expect(digest?.ja.custom).toBe(false);
    const words = {
      subject: '研修 {{count}}件',
      body: '{{name}} 様\n{{list}}\nよろしくお願いします。',
    };
    const japanese = template(admin, 'reminder.digest', 'ja');
    expect((await okBody(japanese.put(words), 200)).ja).toEqual({ ...words, custom: true });
    expect((await okBody(japanese.reset())).ja.custom).toBe(false);
  });

  it('refuses a template with an unknown placeholder, naming it', async () => {
    const res = template(admin, 'reminder.digest', 'en').put({
      subject: 'Reminder',
      body: 'Dear {{name}}, finish by {{dueDate}}.',
    });
    const { status, error } = await failureBody(res);
    expect(status).toBe(400);
    expect(error.message).toContain('{{dueDate}}');
    expect(error.details?.problems).toContainEqual({
      field: 'body',
      problem: 'unknown_placeholder',
      placeholder: 'dueDate',
    });
  });

  it('refuses hostile input and non-admins', async () => {
    const english = template(admin, 'reminder.digest', 'en');
    for (const json of [
      { subject: 'a\u0000', body: 'b' },
      { subject: 'a', body: 'b\ud800' },
      { subject: 'a', body: 'x'.repeat(100_000) },
      { subject: 'line\nbreak', body: 'b' },
      { subject: '', body: 'b' },
    ]) {
      expect((await failure(english.put(json))).status).toBe(400);
    }
    const words = { subject: 'a', body: 'b' };
    expect((await failure(template(admin, 'no.such', 'en').put(words))).status).toBe(400);
    // A language the app does not have, which the typed client would not send: a raw request.
    const french = await admin.json('/api/message-templates/reminder.digest/fr', words, 'PUT');
    expect(french.status).toBe(400);
    expect((await failure(template(learner, 'reminder.digest', 'en').put(words))).status).toBe(403);
    const listed = typedApi(t.app, learner)['message-templates'].$get();
    expect((await failure(listed)).status).toBe(403);
  });
});
