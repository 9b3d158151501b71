import { loadConfig, type Config } from '@kenshu/api/config';
import { dailyRemindersJob, runJobOnce } from '@kenshu/api/jobs';
import { saveReminderSchedule, saveReminderSettings, type Course } from '@kenshu/db';
import { makeCourse, makeOrgUnit, makeStaff } from '@kenshu/db/testing';
import { addDays, isWorkingDay, tokyoDateOf } from '@kenshu/domain';
import { describe, expect, it } from 'vitest';
import { useTestApp } from '../support/app.ts';
import { assignByHand } from '../support/training.ts';

/**
 * A simulated run of days, driven by the clock: the daily reminder job is woken every day at
 * 08:00 (before the hours), 10:00 and 15:00 Tokyo time, weekends and holidays included, and the
 * outbox shows what it decided: one digest per person per day listing all they owe, nothing on
 * weekends or holidays, at most one reminder per person in three days, and the section head,
 * then the bureau's unit security officer, told about people still overdue.
 */
const t = useTestApp();
const config: Config = { ...loadConfig({}), seed: 'none' };

function assign(course: Course, staffId: number, dueOn: string) {
  return assignByHand(t.db, { courseId: course.id, staffId, fiscalYear: 2026, dueOn });
}

async function runDay(day: string) {
  const results = [];
  for (const time of ['08:00', '10:00', '15:00']) {
    t.clock.set(`${day}T${time}:00+09:00`);
    results.push(await runJobOnce(t.database, dailyRemindersJob, config, t.clock.now()));
  }
  return results;
}

async function outbox(kind: string) {
  return t.db
    .selectFrom('mail_outbox')
    .select(['staff_id', 'reason', 'period', 'status', 'subject', 'body', 'created_at', 'locale'])
    .where('kind', '=', kind)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
}

describe('the daily reminder run over seven weeks', () => {
  it('skips weekends and holidays, holds the cap, lists everything owed, and escalates', async () => {
    const bureau = await makeOrgUnit(t.db, { kind: 'bureau' });
    const division = await makeOrgUnit(t.db, { kind: 'division', parent_id: bureau.id });
    const officer = await makeStaff(t.db, {
      org_unit_id: bureau.id,
      is_unit_security_officer: true,
    });
    const head = await makeStaff(t.db, {
      org_unit_id: division.id,
      is_section_head: true,
      locale: 'en',
    });
    const a = await makeStaff(t.db, { org_unit_id: division.id, given_name: '一郎' });
    const b = await makeStaff(t.db, {
      org_unit_id: division.id,
      given_name: '二郎',
      email: '',
      locale: 'en',
    });
    const audience = {
      kind: 'rule' as const,
      roles: [],
      unitIds: [division.id],
      employmentTypes: [],
    };
    const x = await makeCourse(t.db, { audience });
    const y = await makeCourse(t.db, { audience });
    const admin = await makeStaff(t.db, { org_unit_id: bureau.id });
    await saveReminderSchedule(
      t.db,
      x.id,
      {
        enabled: true,
        daysBefore: [14, 3],
        onDueDate: true,
        overdueEveryDays: 2,
        escalateAfter: 2,
        officerAfter: 3,
      },
      admin.id,
      new Date(),
    );
    await saveReminderSchedule(
      t.db,
      y.id,
      {
        enabled: true,
        daysBefore: [60],
        onDueDate: true,
        overdueEveryDays: 7,
        escalateAfter: 5,
        officerAfter: 6,
      },
      admin.id,
      new Date(),
    );
    await saveReminderSettings(
      t.db,
      { capDays: 3, hours: { from: '09:00', until: '17:00' } },
      admin.id,
      new Date(),
    );
    await assign(x, a.id, '2027-02-10');
    await assign(x, b.id, '2027-02-10');
    // Someone who finished both is never reminded.
    const done = await makeStaff(t.db, { org_unit_id: division.id });
    for (const course of [x, y]) {
      await t.db
        .insertInto('completion')
        .values({
          staff_id: done.id,
          course_id: course.id,
          fiscal_year: 2026,
          kind: 'credited',
          reason: 'test',
        })
        .execute();
    }

    const ranOn: string[] = [];
    for (let day = '2027-01-20'; day <= '2027-02-26'; day = addDays(day, 1)) {
      const [early, first, again] = await runDay(day);
      expect(early?.changed ?? 0, `${day} 08:00`).toBe(0);
      expect(again?.changed ?? 0, `${day} 15:00 decides nothing new`).toBe(0);
      if ((first?.changed ?? 0) > 0) ranOn.push(day);
    }

    const digests = await outbox('reminder.digest');
    const daysOf = (staffId: number) =>
      digests.filter((d) => d.staff_id === staffId).map((d) => tokyoDateOf(d.created_at));
    // Nothing on a weekend or holiday (11 Feb 建国記念の日, 23 Feb 天皇誕生日), none before 09:00.
    for (const d of digests) {
      expect(isWorkingDay(tokyoDateOf(d.created_at))).toBe(true);
      expect(d.period).toBe(tokyoDateOf(d.created_at));
    }
    expect(ranOn.every(isWorkingDay)).toBe(true);
    // 27 Jan: 14 days before X. 30 Jan (Y's 60 days) is a Saturday: made up on Monday 1 Feb.
    // 7 Feb (3 days before X) is a Sunday: Monday 8 Feb. 10 Feb (due) is held by the cap, 11 Feb
    // is a holiday, 12 Feb the first overdue reminder; then every 2 days, held to one in 3.
    expect(daysOf(a.id).slice(0, 7)).toEqual([
      '2027-01-27',
      '2027-02-01',
      '2027-02-08',
      '2027-02-12',
      '2027-02-15',
      '2027-02-18',
      '2027-02-22',
    ]);
    const days = daysOf(a.id);
    for (let i = 1; i < days.length; i++) {
      expect(Date.parse(days[i] ?? '') - Date.parse(days[i - 1] ?? '')).toBeGreaterThanOrEqual(
        3 * 86_400_000,
      );
    }
    // One message lists both courses, in the reader's language, and says why it cannot be stopped.
    const first = digests.find((d) => d.staff_id === a.id);
    expect(first?.body).toContain(x.title_ja);
    expect(first?.body).toContain(y.title_ja);
    expect(first?.body).toContain('配信を停止することはできません');
    const english = digests.find((d) => d.staff_id === b.id);
    expect(english?.status).toBe('no_address');
    expect(english?.body).toContain('cannot be turned off');
    expect(digests.some((d) => d.staff_id === done.id)).toBe(false);
    // The head and the officer owe course Y's 60-day stage too; it reached them once.
    expect(daysOf(head.id)).toContain('2027-02-01');

    const escalations = await outbox('escalation.digest');
    const toHead = escalations.filter((e) => e.staff_id === head.id);
    const toOfficer = escalations.filter((e) => e.staff_id === officer.id);
    expect(toHead.map((e) => tokyoDateOf(e.created_at))).toEqual(['2027-02-15']);
    expect(toHead[0]?.locale).toBe('en');
    expect(toHead[0]?.body).toContain(a.staff_number);
    expect(toHead[0]?.body).toContain(b.staff_number);
    expect(toOfficer.map((e) => tokyoDateOf(e.created_at))).toEqual(['2027-02-18']);
    expect(toOfficer[0]?.body).toContain(a.staff_number);
    expect(toOfficer[0]?.body).toContain('情報セキュリティ責任者');
    const progress = await t.db
      .selectFrom('reminder_progress')
      .selectAll()
      .where('staff_id', '=', a.id)
      .where('course_id', '=', x.id)
      .executeTakeFirstOrThrow();
    expect(progress.escalation).toBe(2);

    // Completing stops the reminders.
    await t.db
      .insertInto('completion')
      .values({
        staff_id: a.id,
        course_id: x.id,
        fiscal_year: 2026,
        kind: 'credited',
        reason: 'test',
      })
      .execute();
    await t.db
      .updateTable('assignment')
      .set({ status: 'completed', closed_at: t.clock.now() })
      .where('staff_id', '=', a.id)
      .execute();
    const before = daysOf(a.id).length;
    for (let day = '2027-03-01'; day <= '2027-03-12'; day = addDays(day, 1)) await runDay(day);
    const after = (await outbox('reminder.digest')).filter((d) => d.staff_id === a.id);
    expect(after.length).toBe(before);
  }, 180_000);
});
