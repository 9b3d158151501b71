import { loadConfig } from '@kenshu/api/config';
import { dailyRemindersJob, runJobOnce } from '@kenshu/api/jobs';
import { makeCourse, makeOrgUnit, makeStaff } from '@kenshu/db/testing';
import { beforeAll, describe, expect, it } from 'vitest';
import { useTestApp } from '../support/app.ts';
import { makePerson, signedInAs, type SignedInClient } from '../support/auth.ts';

/** Admins set each course's reminder schedule, the cap and hours, and the words of each message. */
const t = useTestApp();
let admin: SignedInClient;
let learner: SignedInClient;

beforeAll(async () => {
  admin = await signedInAs(t.app, t.db, (await makePerson(t.db, ['admin'])).id);
  learner = await signedInAs(t.app, t.db, (await makeStaff(t.db)).id);
});

describe('a course reminder schedule', () => {
  it('follows the defaults until an admin sets its own, and refuses impossible ones', async () => {
    const course = await makeCourse(t.db);
    const path = `/api/reminders/courses/${course.id}/schedule`;
    const defaults = await (await admin.request(path)).json();
    expect(defaults).toMatchObject({ custom: false, enabled: true });
    const schedule = {
      enabled: true,
      daysBefore: [3, 21],
      onDueDate: false,
      overdueEveryDays: 5,
      escalateAfter: 2,
      officerAfter: 4,
    };
    const saved = await admin.json(path, schedule, 'PUT');
    expect(saved.status).toBe(200);
    expect(await saved.json()).toMatchObject({ ...schedule, daysBefore: [21, 3], custom: true });
    expect(await (await admin.request(path)).json()).toMatchObject({ daysBefore: [21, 3] });

    for (const bad of [
      { ...schedule, officerAfter: 2 },
      { ...schedule, daysBefore: [3, 3] },
      { ...schedule, daysBefore: [0] },
      { ...schedule, overdueEveryDays: 'x'.repeat(100_000) },
      { ...schedule, extra: true },
    ]) {
      expect((await admin.json(path, bad, 'PUT')).status).toBe(400);
    }
    expect((await learner.json(path, schedule, 'PUT')).status).toBe(403);
    expect(
      (await admin.json('/api/reminders/courses/999999/schedule', schedule, 'PUT')).status,
    ).toBe(404);
  });
});

describe('reminder settings', () => {
  it('hold the cap and hours the daily run keeps to', async () => {
    const before = await (await admin.request('/api/reminders/settings')).json();
    expect(before.effective.capDays).toBe(3);
    const saved = await admin.json(
      '/api/reminders/settings',
      { capDays: 5, hours: { from: '10:00', until: '12:00' } },
      'PUT',
    );
    expect(saved.status).toBe(200);
    expect((await saved.json()).effective).toEqual({
      capDays: 5,
      hours: { from: '10:00', until: '12:00' },
    });
    const bad = [
      { capDays: 0, hours: null },
      { capDays: 3, hours: { from: '12:00', until: '10:00' } },
      { capDays: 3, hours: { from: '25:00', until: '26:00' } },
      { capDays: 3, hours: { from: '10:00\u0000', until: '12:00' } },
    ];
    for (const body of bad)
      expect((await admin.json('/api/reminders/settings', body, 'PUT')).status).toBe(400);
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
    const status = await (await admin.request('/api/reminders/settings')).json();
    expect(status.lastRun).toMatchObject({ day: '2027-03-16' });
  });
});

describe('message wording', () => {
  it('lists every kind in both languages, saves an edit, and resets it', async () => {
    const list = await (await admin.request('/api/message-templates')).json();
    const digest = list.items.find((i: { kind: string }) => i.kind === 'reminder.digest');
    expect(digest.placeholders).toEqual(['name', 'count', 'list']);
    expect(digest.ja.custom).toBe(false);
    const words = {
      subject: '研修 {{count}}件',
      body: '{{name}} 様\n{{list}}\nよろしくお願いします。',
    };
    const saved = await admin.json('/api/message-templates/reminder.digest/ja', words, 'PUT');
    expect(saved.status).toBe(200);
    expect((await saved.json()).ja).toEqual({ ...words, custom: true });
    const reset = await admin.request('/api/message-templates/reminder.digest/ja', {
      method: 'DELETE',
    });
    expect((await reset.json()).ja.custom).toBe(false);
  });

  it('refuses a template with an unknown placeholder, naming it', async () => {
    const res = await admin.json(
      '/api/message-templates/reminder.digest/en',
      { subject: 'Reminder', body: 'Dear {{name}}, finish by {{dueDate}}.' },
      'PUT',
    );
    expect(res.status).toBe(400);
    const body = await res.json();
    expect(body.error.message).toContain('{{dueDate}}');
    expect(body.error.details.problems).toContainEqual({
      field: 'body',
      problem: 'unknown_placeholder',
      placeholder: 'dueDate',
    });
  });

  it('refuses hostile input and non-admins', async () => {
    const path = '/api/message-templates/reminder.digest/en';
    for (const body of [
      { subject: 'a\u0000', body: 'b' },
      { subject: 'a', body: 'b\ud800' },
      { subject: 'a', body: 'x'.repeat(100_000) },
      { subject: 'line\nbreak', body: 'b' },
      { subject: '', body: 'b' },
    ]) {
      expect((await admin.json(path, body, 'PUT')).status).toBe(400);
    }
    expect(
      (await admin.json('/api/message-templates/no.such/en', { subject: 'a', body: 'b' }, 'PUT'))
        .status,
    ).toBe(400);
    expect(
      (
        await admin.json(
          '/api/message-templates/reminder.digest/fr',
          { subject: 'a', body: 'b' },
          'PUT',
        )
      ).status,
    ).toBe(400);
    expect((await learner.json(path, { subject: 'a', body: 'b' }, 'PUT')).status).toBe(403);
    expect((await learner.request('/api/message-templates')).status).toBe(403);
  });
});
