import { createMailer } from '@kenshu/api/mailer';
import { loadConfig, type Config } from '@kenshu/api/config';
import { dailyRemindersJob, runJobOnce } from '@kenshu/api/jobs';
import { deliverMail } from '@kenshu/api/messages';
import { saveReminderSchedule, type Course } from '@kenshu/db';
import { makeCourse, makeOrgUnit, makeStaff } from '@kenshu/db/testing';
import { addDays, tokyoDateOf, type ReminderScheduleRule } from '@kenshu/domain';
import { describe, expect, it } from 'vitest';
import { useTestApp } from '../support/app.ts';
import { assignByHand } from '../support/training.ts';
import { makePerson, signedInAs, type SignedInClient } from '../support/auth.ts';
import { startSmtpServer } from '../support/smtp.ts';
import { failure, okBody, typedApi } from '../support/typed-api.ts';

/**
 * Whom chasing cannot reach, and what it no longer chases: a day's run that finds nobody above
 * an overdue person, or no address, says so to admins; after 1 April last year's unfinished are
 * left to the new year; with no mail server nothing is lost, and a later one sends each message
 * once; retrying a failed e-mail leaves an audit row. The app here has no SMTP configured.
 */
const t = useTestApp();

function reminderSettings(admin: SignedInClient) {
  return okBody(typedApi(t.app, admin).reminders.settings.$get(), 200);
}
const config: Config = { ...loadConfig({}), seed: 'none' };

const rule = (r: Partial<ReminderScheduleRule>): ReminderScheduleRule => ({
  enabled: true,
  daysBefore: [14],
  onDueDate: false,
  overdueEveryDays: 1,
  escalateAfter: 1,
  officerAfter: 2,
  ...r,
});

async function courseFor(unitId: number, schedule: ReminderScheduleRule, by: number) {
  const course = await makeCourse(t.db, {
    audience: { kind: 'rule', roles: [], unitIds: [unitId], employmentTypes: [] },
  });
  await saveReminderSchedule(t.db, course.id, schedule, by, new Date());
  return course;
}

function assign(course: Course, staffId: number, fiscalYear: number, dueOn: string) {
  return assignByHand(t.db, { courseId: course.id, staffId, fiscalYear, dueOn });
}

async function runAt(at: string) {
  t.clock.set(at);
  return runJobOnce(t.database, dailyRemindersJob, config, t.clock.now());
}

async function mailsTo(staffId: number, kind: string) {
  return t.db
    .selectFrom('mail_outbox')
    .select(['id', 'status', 'subject', 'body', 'created_at', 'period'])
    .where('staff_id', '=', staffId)
    .where('kind', '=', kind)
    .orderBy('id')
    .execute();
}

describe('a day’s reminder run', () => {
  it('tells admins whom it could not escalate to anyone, and who has no address', async () => {
    // A bureau and division with no section head and no unit security officer.
    const bureau = await makeOrgUnit(t.db, { kind: 'bureau' });
    const division = await makeOrgUnit(t.db, { kind: 'division', parent_id: bureau.id });
    const adminStaff = await makePerson(t.db, ['admin']);
    const mailed = await makeStaff(t.db, { org_unit_id: division.id });
    const unmailed = await makeStaff(t.db, { org_unit_id: division.id, email: '' });
    const course = await courseFor(division.id, rule({}), adminStaff.id);
    await assign(course, mailed.id, 2026, '2027-01-08');
    await assign(course, unmailed.id, 2026, '2027-01-08');

    // Wednesday 13 January: the first overdue reminder, and escalation after one.
    expect((await runAt('2027-01-13T10:00:00+09:00'))?.changed).toBeGreaterThan(0);
    expect(await mailsTo(mailed.id, 'reminder.digest')).toHaveLength(1);
    expect((await mailsTo(unmailed.id, 'reminder.digest'))[0]?.status).toBe('no_address');
    const escalations = await t.db
      .selectFrom('mail_outbox')
      .select('id')
      .where('kind', '=', 'escalation.digest')
      .execute();
    expect(escalations).toHaveLength(0);

    // Signed in on the day (a session does not outlive the clock's jumps).
    const admin = await signedInAs(t.app, t.db, adminStaff.id, t.clock.now());
    const settings = await reminderSettings(admin);
    expect(settings.lastRun).toMatchObject({
      day: '2027-01-13',
      fiscalYear: 2026,
      digests: 2,
      escalations: 0,
      nobodyToTell: 2,
      noAddress: 1,
    });
  });
});

describe('after 1 April', () => {
  it('no longer chases last year’s unfinished, and the run and preview name the new year', async () => {
    const bureau = await makeOrgUnit(t.db, { kind: 'bureau' });
    const division = await makeOrgUnit(t.db, { kind: 'division', parent_id: bureau.id });
    const headStaff = await makePerson(t.db, ['section_head'], { org_unit_id: division.id });
    const adminStaff = await makePerson(t.db, ['admin']);
    const late = await makeStaff(t.db, { org_unit_id: division.id });
    const course = await courseFor(
      division.id,
      rule({ escalateAfter: 3, officerAfter: 4 }),
      adminStaff.id,
    );
    await assign(course, late.id, 2026, '2027-03-19');

    // Overdue in March: reminded about FY2026 (令和8年度) every working day.
    for (const day of ['2027-03-23', '2027-03-24', '2027-03-25', '2027-03-26', '2027-03-29']) {
      await runAt(`${day}T10:00:00+09:00`);
    }
    const march = await mailsTo(late.id, 'reminder.digest');
    expect(march.length).toBeGreaterThan(0);
    expect(march[0]?.body).toContain('令和8年度');

    // From 1 April (the first days of FY2027) nothing more about FY2026, and no escalation.
    for (let day = '2027-04-01'; day <= '2027-04-16'; day = addDays(day, 1)) {
      await runAt(`${day}T10:00:00+09:00`);
    }
    const april = (await mailsTo(late.id, 'reminder.digest')).filter(
      (m) => tokyoDateOf(m.created_at) >= '2027-04-01',
    );
    expect(april).toEqual([]);
    const toHead = await mailsTo(headStaff.id, 'escalation.digest');
    for (const m of toHead) expect(tokyoDateOf(m.created_at) < '2027-04-01').toBe(true);
    const lastYear = await t.db
      .selectFrom('reminder_progress')
      .select(['fiscal_year', 'last_reminded_on'])
      .where('staff_id', '=', late.id)
      .execute();
    expect(lastYear.every((p) => p.fiscal_year === 2026 && p.last_reminded_on < '2027-04-01')).toBe(
      true,
    );
    const admin = await signedInAs(t.app, t.db, adminStaff.id, t.clock.now());
    const settings = await reminderSettings(admin);
    expect(settings.lastRun).toMatchObject({ day: '2027-04-16', fiscalYear: 2027 });

    // The section head's preview is about the new year; last year's cannot be chased.
    const head = await signedInAs(t.app, t.db, headStaff.id, t.clock.now());
    const preview = typedApi(t.app, head).team.reminders.preview;
    const body = await okBody(preview.$post({ json: { filter: { courseId: course.id } } }), 200);
    expect(body.fiscalYear).toBe(2027);
    expect(body.messages.ja.body).toContain('令和9年度');
    const past = preview.$post({ json: { filter: { courseId: course.id, fiscalYear: 2026 } } });
    expect((await failure(past)).status).toBe(400);
    t.clock.reset();
  }, 120_000);
});

describe('the outbox with no mail server', () => {
  it('keeps every message queued and in sight; a server set later sends each once', async () => {
    t.clock.reset();
    const division = await makeOrgUnit(t.db, { kind: 'division' });
    const headStaff = await makePerson(t.db, ['section_head'], { org_unit_id: division.id });
    const head = await signedInAs(t.app, t.db, headStaff.id, t.clock.now());
    const adminStaff = await makePerson(t.db, ['admin']);
    const people = [];
    for (let i = 0; i < 3; i++) people.push(await makeStaff(t.db, { org_unit_id: division.id }));
    const refused = await makeStaff(t.db, {
      org_unit_id: division.id,
      email: `nobody${Date.now()}@refused.example`,
    });
    const course = await makeCourse(t.db);
    const sent = typedApi(t.app, head).team.reminders.$post({
      json: { filter: { courseId: course.id } },
    });
    expect((await okBody(sent, 200)).emailQueued).toBe(4);

    // An hour on, still queued (not failed, not gone), and the outbox page says why.
    t.clock.set(new Date(Date.now() + 3_600_000));
    const admin = await signedInAs(t.app, t.db, adminStaff.id, t.clock.now());
    const ours = [...people, refused].map((p) => p.id);
    const waiting = async () =>
      t.db
        .selectFrom('mail_outbox')
        .select(['id', 'staff_id', 'status', 'attempts'])
        .where('staff_id', 'in', ours)
        .orderBy('id')
        .execute();
    expect((await waiting()).map((m) => [m.status, m.attempts])).toEqual(
      ours.map(() => ['queued', 0]),
    );
    const outbox = typedApi(t.app, admin).outbox;
    const page = await okBody(outbox.$get({ query: { status: 'queued', limit: '100' } }));
    expect(page.smtpConfigured).toBe(false);
    const listed = new Set(page.items.map((m) => m.recipient.staffId));
    for (const id of ours) expect(listed.has(id)).toBe(true);

    // A mail server is set up later: each message leaves once, however often delivery runs.
    const smtp = await startSmtpServer();
    const mailer = createMailer({ ...config, smtpUrl: smtp.url });
    if (!mailer) throw new Error('the mailer needs an SMTP URL');
    try {
      const first = await deliverMail(t.db, t.clock.now(), config, mailer);
      const again = await deliverMail(t.db, t.clock.now(), config, mailer);
      expect(first.sent).toBeGreaterThanOrEqual(3);
      expect(again.sent).toBe(0);
      for (const person of people) {
        expect(smtp.received.filter((m) => m.to === person.email)).toHaveLength(1);
      }
      const after = await waiting();
      expect(after.filter((m) => m.staff_id !== refused.id).map((m) => m.status)).toEqual([
        'sent',
        'sent',
        'sent',
      ]);
      const failed = after.find((m) => m.staff_id === refused.id);
      expect(failed?.status).toBe('failed');

      // Retrying it is the admin's word that Kenshu sends again: audited, with the old error.
      const retry = () => outbox.retry.$post({ json: { ids: [failed?.id ?? 0] } });
      expect(await okBody(retry())).toEqual({ requeued: 1 });
      const audit = await t.db
        .selectFrom('audit_log')
        .selectAll()
        .where('action', '=', 'mail.retried')
        .execute();
      expect(audit).toHaveLength(1);
      expect(audit[0]).toMatchObject({
        actor_staff_id: adminStaff.id,
        target_type: 'staff',
        target_id: String(refused.id),
      });
      expect(JSON.stringify(audit[0]?.before)).toContain('No such user');
      // Nothing left to retry: no second row.
      expect(await okBody(retry())).toEqual({ requeued: 0 });
      expect(
        await t.db
          .selectFrom('audit_log')
          .select('id')
          .where('action', '=', 'mail.retried')
          .execute(),
      ).toHaveLength(1);
    } finally {
      mailer.close();
      await smtp.close();
      t.clock.reset();
    }
  });
});
