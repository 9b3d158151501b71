import type { Config } from '@kenshu/api/config';
import type { Staff } from '@kenshu/db';
import { makeCourse, makeOrgUnit, makeSession, makeStaff } from '@kenshu/db/testing';
import { parse } from 'papaparse';
import { describe, expect, it } from 'vitest';
import { useTestApp } from '../support/app.ts';
import { makePerson, signedInAs } from '../support/auth.ts';
import { useMailServer } from '../support/smtp.ts';

/**
 * Chasing the unfinished: the team page's filters, paging and CSV, "remind everyone matching"
 * with its preview and skip rules, the history of what went to each person, the outbox page and
 * set-password links by e-mail.
 */
const settings: Partial<Config> = { publicUrl: 'https://kenshu.example.go.jp' };
const t = useTestApp(settings);
const smtp = useMailServer(settings);

async function team() {
  const course = await makeCourse(t.db);
  const bureau = await makeOrgUnit(t.db);
  const mine = await makeOrgUnit(t.db, { parent_id: bureau.id, kind: 'division' });
  const section = await makeOrgUnit(t.db, { parent_id: mine.id, kind: 'section' });
  const other = await makeOrgUnit(t.db, { parent_id: bureau.id, kind: 'division' });
  const headStaff = await makePerson(t.db, ['section_head'], { org_unit_id: mine.id });
  const head = await signedInAs(t.app, t.db, headStaff.id);
  return { course, bureau, mine, section, other, headStaff, head };
}

describe('the team page for admins and section heads', () => {
  it('filters by role, employment type, unit subtree and status, pages on the server', async () => {
    const { course, mine, section, other, headStaff, head } = await team();
    const partTimers: Staff[] = [];
    for (let i = 0; i < 5; i++)
      partTimers.push(
        await makeStaff(t.db, { org_unit_id: section.id, employment_type: 'part_time' }),
      );
    const pjmo = await makeStaff(t.db, { org_unit_id: mine.id, is_pjmo_member: true });
    const outsider = await makeStaff(t.db, { org_unit_id: other.id, employment_type: 'part_time' });
    const admin = await signedInAs(t.app, t.db, (await makePerson(t.db, ['admin'])).id);
    const base = `/api/team/status?courseId=${course.id}`;

    const partTime = await (await head.request(`${base}&employmentType=part_time&limit=2`)).json();
    expect(partTime.total).toBe(5);
    expect(partTime.items).toHaveLength(2);
    const page3 = await (
      await head.request(`${base}&employmentType=part_time&limit=2&offset=4`)
    ).json();
    expect(page3.items).toHaveLength(1);
    const seen = [...partTime.items, ...page3.items].map((i: { staffId: number }) => i.staffId);
    expect(partTimers.map((p) => p.id)).toEqual(expect.arrayContaining(seen));

    const roles = await (await head.request(`${base}&role=pjmo_member`)).json();
    expect(roles.items.map((i: { staffId: number }) => i.staffId)).toEqual([pjmo.id]);
    const heads = await (await head.request(`${base}&role=section_head`)).json();
    expect(heads.items.map((i: { staffId: number }) => i.staffId)).toEqual([headStaff.id]);

    const subtree = await (await head.request(`${base}&orgUnitId=${section.id}`)).json();
    expect(subtree.total).toBe(5);
    expect(subtree.counts.notStarted).toBe(5);

    // The section head keeps to their division; an admin sees the ministry, the outsider too.
    expect((await head.request(`${base}&orgUnitId=${other.id}`)).status).toBe(403);
    const ministry = await (
      await admin.request(`${base}&employmentType=part_time&limit=200`)
    ).json();
    expect(ministry.items.map((i: { staffId: number }) => i.staffId)).toContain(outsider.id);
  });

  it('downloads everyone matching as CSV with a BOM, not only the page shown', async () => {
    const { course, mine, head } = await team();
    for (let i = 0; i < 3; i++) await makeStaff(t.db, { org_unit_id: mine.id });
    await makeStaff(t.db, { org_unit_id: mine.id, family_name: '=HYPERLINK("x")' });
    const res = await head.request(
      `/api/team/status.csv?courseId=${course.id}&status=not_started&limit=1`,
    );
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/csv');
    const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(await res.arrayBuffer());
    expect(text.startsWith('\uFEFF')).toBe(true);
    const rows = parse<string[]>(text.slice(1).trim()).data;
    expect(rows[0]).toContain('status');
    // Four staff plus the section head themself, all not started.
    expect(rows).toHaveLength(6);
    expect(text).toContain(`'=HYPERLINK`);
  });

  it('refuses hostile filters with 4xx', async () => {
    const { course, head } = await team();
    const bad = [
      `q=${'x'.repeat(100_000)}`,
      'q=%00',
      'status=everything',
      'role=emperor',
      'employmentType=x',
      'limit=100000',
      'orgUnitId=-1',
    ];
    for (const query of bad) {
      const res = await head.request(`/api/team/status?courseId=${course.id}&${query}`);
      expect(res.status, query).toBeGreaterThanOrEqual(400);
      expect(res.status, query).toBeLessThan(500);
      const csv = await head.request(`/api/team/status.csv?courseId=${course.id}&${query}`);
      if (!query.startsWith('limit')) expect(csv.status, query).toBe(400);
    }
    const preview = await head.request('/api/team/reminders/preview', {
      method: 'POST',
      headers: { 'content-type': 'text/plain' },
      body: '{}',
    });
    expect(preview.status).toBe(415);
    const nul = await head.json('/api/team/reminders', {
      filter: { courseId: course.id },
      message: 'a\u0000b',
    });
    expect(nul.status).toBe(400);
    const long = await head.json('/api/team/reminders', {
      filter: { courseId: course.id },
      message: 'x'.repeat(100_000),
    });
    expect(long.status).toBe(400);
  });
});

describe('reminding everyone matching the filter', () => {
  it('previews who is reminded and who is skipped and why, then sends in each language', async () => {
    const { course, mine, headStaff, head } = await team();
    const session = await makeSession(t.db, { courseId: course.id });
    const many: Staff[] = [];
    for (let i = 0; i < 4; i++) many.push(await makeStaff(t.db, { org_unit_id: mine.id }));
    const english = await makeStaff(t.db, { org_unit_id: mine.id, locale: 'en' });
    // Addresses are unique: blanks of different lengths are all "no address".
    const noAddress = await makeStaff(t.db, { org_unit_id: mine.id, email: ' ' });
    const booked = await makeStaff(t.db, { org_unit_id: mine.id });
    await (
      await signedInAs(t.app, t.db, booked.id)
    ).json('/api/bookings', {
      sessionId: session.id,
    });
    const recently = await makeStaff(t.db, { org_unit_id: mine.id });
    // Reminded two days ago by someone else: inside the three-day cap.
    t.clock.set(new Date(Date.now() - 2 * 86_400_000));
    await head.json('/api/team/reminders', {
      filter: { courseId: course.id },
      staffIds: [recently.id],
    });
    t.clock.reset();

    const filter = { courseId: course.id, status: 'not_completed' };
    const previewRes = await head.json('/api/team/reminders/preview', {
      filter,
      message: '今週中にお願いします',
    });
    expect(previewRes.status).toBe(200);
    const preview = await previewRes.json();
    const reasons = Object.fromEntries(
      preview.skipped.map((s: { reason: string; count: number }) => [s.reason, s.count]),
    );
    expect(reasons).toEqual({ sender: 1, already_booked: 1, reminded_recently: 1 });
    const skippedIds = preview.skipped.flatMap((s: { people: { staffId: number }[] }) =>
      s.people.map((p) => p.staffId),
    );
    expect(skippedIds).toEqual(expect.arrayContaining([headStaff.id, booked.id, recently.id]));
    expect(preview.recipients).toBe(6);
    expect(preview.noAddress.people.map((p: { staffId: number }) => p.staffId)).toEqual([
      noAddress.id,
    ]);
    expect(preview.messages.ja.subject).toBe(`【研修】受講のお願い: ${course.title_ja}`);
    expect(preview.messages.en.subject).toBe(`Reminder: please complete ${course.title_en}`);
    expect(preview.messages.ja.body).toContain('今週中にお願いします');

    // 50 presses at once: one batch, one audit row, one e-mail per person.
    const results = await Promise.all(
      Array.from({ length: 50 }, () =>
        head.json('/api/team/reminders', { filter, message: '今週中にお願いします' }),
      ),
    );
    const bodies = await Promise.all(results.map((r) => r.json()));
    expect(results.every((r) => r.status === 200)).toBe(true);
    expect(bodies.map((b) => b.reminded).sort((a, b) => b - a)[0]).toBe(6);
    expect(bodies.reduce((sum, b) => sum + b.reminded, 0)).toBe(6);
    const audit = await t.db
      .selectFrom('audit_log')
      .select(['after'])
      .where('action', '=', 'reminders.sent')
      .where('actor_staff_id', '=', headStaff.id)
      .execute();
    expect(audit).toHaveLength(2);
    expect(audit.map((a) => (a.after as { count: number }).count).sort()).toEqual([1, 6]);

    smtp.clear();
    await smtp.deliver(t.db, t.clock.now());
    const toThem = smtp.received.filter((m) => [...many, english].some((p) => p.email === m.to));
    expect(toThem).toHaveLength(5);
    const en = toThem.find((m) => m.to === english.email);
    expect(en?.subject).toBe(`Reminder: please complete ${course.title_en}`);
    const ja = toThem.find((m) => m.to === many[0]?.email);
    expect(ja?.subject).toBe(`【研修】受講のお願い: ${course.title_ja}`);
    const reminderTo = (email: string) =>
      smtp.received.some((m) => m.to === email && m.subject.startsWith('【研修】受講のお願い'));
    expect(reminderTo(booked.email)).toBe(false);
    expect(reminderTo(headStaff.email)).toBe(false);
    const toRecently = await t.db
      .selectFrom('mail_outbox')
      .select('id')
      .where('staff_id', '=', recently.id)
      .where('kind', '=', 'training.reminder')
      .execute();
    expect(toRecently).toHaveLength(1);

    // Each person sees what went to them; their section head sees it too; a stranger does not.
    const own = await (
      await (await signedInAs(t.app, t.db, english.id)).request('/api/me/messages')
    ).json();
    expect(own.items[0]).toMatchObject({ kind: 'training.reminder', status: 'sent' });
    expect(own.items[0].sentAt).not.toBeNull();
    const theirs = await (await head.request(`/api/staff/${noAddress.id}/messages`)).json();
    expect(theirs.items[0]).toMatchObject({ kind: 'training.reminder', status: 'no_address' });
    const stranger = await signedInAs(t.app, t.db, (await makeStaff(t.db)).id);
    expect((await stranger.request(`/api/staff/${english.id}/messages`)).status).toBe(404);
  });

  it('refuses a past fiscal year and a unit outside the sender’s oversight', async () => {
    const { course, other, head } = await team();
    const fy = (await (await t.app.request('/api/fiscal-years/current')).json()).fiscalYear;
    expect(
      (
        await head.json('/api/team/reminders/preview', {
          filter: { courseId: course.id, fiscalYear: fy - 1 },
        })
      ).status,
    ).toBe(400);
    expect(
      (
        await head.json('/api/team/reminders', {
          filter: { courseId: course.id, orgUnitId: other.id },
        })
      ).status,
    ).toBe(403);
  });
});

describe('the outbox page', () => {
  it('shows queued, sent and failed e-mails with the error, and retries failed ones', async () => {
    const admin = await signedInAs(t.app, t.db, (await makePerson(t.db, ['admin'])).id);
    const { course, mine, head } = await team();
    const refused = await makeStaff(t.db, {
      org_unit_id: mine.id,
      email: `nobody${Date.now()}@refused.example`,
    });
    await head.json('/api/team/reminders', { filter: { courseId: course.id } });
    const queued = await (
      await admin.request(`/api/outbox?status=queued&q=${encodeURIComponent(refused.email)}`)
    ).json();
    expect(queued.items).toHaveLength(1);
    expect(queued.smtpConfigured).toBe(true);

    await smtp.deliver(t.db, t.clock.now());
    const failed = await (
      await admin.request(`/api/outbox?status=failed&q=${encodeURIComponent(refused.email)}`)
    ).json();
    expect(failed.items).toHaveLength(1);
    expect(failed.items[0].lastError).toContain('No such user');
    expect(failed.items[0].recipient.staffId).toBe(refused.id);

    const retry = await admin.json('/api/outbox/retry', { ids: [failed.items[0].id] });
    expect(await retry.json()).toEqual({ requeued: 1 });
    const again = await (
      await admin.request(`/api/outbox?q=${encodeURIComponent(refused.email)}`)
    ).json();
    expect(again.items[0].status).toBe('queued');
    expect((await head.request('/api/outbox')).status).toBe(403);
    expect((await admin.request('/api/outbox?status=lost')).status).toBe(400);
  });
});

describe('set-password links by e-mail', () => {
  it('go through the outbox to the person, and the outbox never shows the link', async () => {
    const admin = await signedInAs(t.app, t.db, (await makePerson(t.db, ['admin'])).id);
    const person = await makeStaff(t.db, { locale: 'en' });
    const res = await admin.json(`/api/accounts/${person.id}/password-link/email`, {});
    expect(res.status).toBe(201);
    expect(await res.json()).toMatchObject({ status: 'queued', to: person.email });
    const listed = await (
      await admin.request(`/api/outbox?q=${encodeURIComponent(person.email)}`)
    ).json();
    expect(listed.items[0].kind).toBe('account.password_link');
    expect(listed.items[0].body).toBeNull();

    smtp.clear();
    await smtp.deliver(t.db, t.clock.now());
    const mail = smtp.received.find((m) => m.to === person.email);
    expect(mail?.subject).toBe('Set your Kenshu password');
    const link = /https:\/\/kenshu\.example\.go\.jp\/set-password#token=\S+/.exec(mail?.text ?? '');
    expect(link).not.toBeNull();
    const stored = await t.db
      .selectFrom('mail_outbox')
      .select('body')
      .where('staff_id', '=', person.id)
      .executeTakeFirstOrThrow();
    expect(stored.body).not.toContain('token=');

    const nowhere = await makeStaff(t.db, { email: '  ' });
    expect((await admin.json(`/api/accounts/${nowhere.id}/password-link/email`, {})).status).toBe(
      409,
    );
  });
});
