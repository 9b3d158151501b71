import type { Config } from '@kenshu/api/config';
import type { Staff } from '@kenshu/db';
import { makeCourse, makeOrgUnit, makeSession, makeStaff } from '@kenshu/db/testing';
import { parse } from 'papaparse';
import { describe, expect, it } from 'vitest';
import { useTestApp } from '../support/app.ts';
import { makePerson, signedInAs, type SignedInClient } from '../support/auth.ts';
import { bookingsOf } from '../support/bookings.ts';
import { useMailServer } from '../support/smtp.ts';
import { failure, okBody, publicApi, typedApi } from '../support/typed-api.ts';

/**
 * Chasing the unfinished: the team page's filters, paging and CSV, "remind everyone matching"
 * with its preview and skip rules, the history of what went to each person, the outbox page and
 * set-password links by e-mail.
 */
const settings: Partial<Config> = { publicUrl: 'https://kenshu.example.go.jp' };
const t = useTestApp(settings);
const smtp = useMailServer(settings);

/** The team page's status list, as this person asks for it. */
function teamStatus(as: SignedInClient, query: StatusQuery) {
  return typedApi(t.app, as).team.status.$get({ query });
}
type StatusQuery = Parameters<ReturnType<typeof typedApi>['team']['status']['$get']>[0]['query'];

/** "Remind everyone matching" (or its preview), as this person presses it. */
function remind(
  as: SignedInClient,
  json: Parameters<ReturnType<typeof remindersOf>['$post']>[0]['json'],
) {
  return remindersOf(as).$post({ json });
}

function remindersOf(as: SignedInClient) {
  return typedApi(t.app, as).team.reminders;
}

function outbox(
  as: SignedInClient,
  query: Parameters<ReturnType<typeof typedApi>['outbox']['$get']>[0]['query'],
) {
  return typedApi(t.app, as).outbox.$get({ query });
}

function messagesOf(as: SignedInClient, staffId: number) {
  return typedApi(t.app, as).staff[':id'].messages.$get({
    param: { id: String(staffId) },
    query: {},
  });
}

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
    const status = (as: SignedInClient, query: StatusQuery) =>
      okBody(teamStatus(as, { courseId: String(course.id), ...query }));

    const partTime = await status(head, { employmentType: 'part_time', limit: '2' });
    expect(partTime.total).toBe(5);
    expect(partTime.items).toHaveLength(2);
    const page3 = await status(head, { employmentType: 'part_time', limit: '2', offset: '4' });
    expect(page3.items).toHaveLength(1);
    const seen = [...partTime.items, ...page3.items].map((i) => i.staffId);
    expect(partTimers.map((p) => p.id)).toEqual(expect.arrayContaining(seen));

    const roles = await status(head, { role: 'pjmo_member' });
    expect(roles.items.map((i) => i.staffId)).toEqual([pjmo.id]);
    const heads = await status(head, { role: 'section_head' });
    expect(heads.items.map((i) => i.staffId)).toEqual([headStaff.id]);

    const subtree = await status(head, { orgUnitId: String(section.id) });
    expect(subtree.total).toBe(5);
    expect(subtree.counts.notStarted).toBe(5);

    // The section head keeps to their division; an admin sees the ministry, the outsider too.
    const elsewhere = teamStatus(head, {
      courseId: String(course.id),
      orgUnitId: String(other.id),
    });
    expect((await failure(elsewhere)).status).toBe(403);
    const ministry = await status(admin, { employmentType: 'part_time', limit: '200' });
    expect(ministry.items.map((i) => i.staffId)).toContain(outsider.id);
  });

  it('downloads everyone matching as CSV with a BOM, not only the page shown', async () => {
    const { course, mine, head } = await team();
    for (let i = 0; i < 3; i++) await makeStaff(t.db, { org_unit_id: mine.id });
    await makeStaff(t.db, { org_unit_id: mine.id, family_name: '=HYPERLINK("x")' });
    // The download takes no page size: a stray one (raw, as the typed client would not send it)
    // must not cut the file short.
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

  // Malformed on purpose (unknown values, a NUL, huge inputs, the wrong content type): the typed
  // client would not let these through, so they go as raw requests.
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
    await okBody(bookingsOf(t.app, await signedInAs(t.app, t.db, booked.id)).book(session.id));
    const recently = await makeStaff(t.db, { org_unit_id: mine.id });
    // Reminded two days ago by someone else: inside the three-day cap.
    t.clock.set(new Date(Date.now() - 2 * 86_400_000));
    await okBody(remind(head, { filter: { courseId: course.id }, staffIds: [recently.id] }));
    t.clock.reset();

    const filter = { courseId: course.id, status: 'not_completed' as const };
    const preview = await okBody(
      remindersOf(head).preview.$post({ json: { filter, message: '今週中にお願いします' } }),
      200,
    );
    const reasons = Object.fromEntries(preview.skipped.map((s) => [s.reason, s.count]));
    expect(reasons).toEqual({ sender: 1, already_booked: 1, reminded_recently: 1 });
    const skippedIds = preview.skipped.flatMap((s) => s.people.map((p) => p.staffId));
    expect(skippedIds).toEqual(expect.arrayContaining([headStaff.id, booked.id, recently.id]));
    expect(preview.recipients).toBe(6);
    expect(preview.noAddress.people.map((p) => p.staffId)).toEqual([noAddress.id]);
    expect(preview.messages.ja.subject).toBe(`【研修】受講のお願い: ${course.title_ja}`);
    expect(preview.messages.en.subject).toBe(`Reminder: please complete ${course.title_en}`);
    expect(preview.messages.ja.body).toContain('今週中にお願いします');

    // 50 presses at once: one batch, one audit row, one e-mail per person.
    const bodies = await Promise.all(
      Array.from({ length: 50 }, () =>
        okBody(remind(head, { filter, message: '今週中にお願いします' }), 200),
      ),
    );
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
    const own = await okBody(
      typedApi(t.app, await signedInAs(t.app, t.db, english.id)).me.messages.$get({ query: {} }),
    );
    expect(own.items[0]).toMatchObject({ kind: 'training.reminder', status: 'sent' });
    expect(own.items[0]?.sentAt).not.toBeNull();
    const theirs = await okBody(messagesOf(head, noAddress.id));
    expect(theirs.items[0]).toMatchObject({ kind: 'training.reminder', status: 'no_address' });
    const stranger = await signedInAs(t.app, t.db, (await makeStaff(t.db)).id);
    expect((await failure(messagesOf(stranger, english.id))).status).toBe(404);
  });

  it('refuses a past fiscal year and a unit outside the sender’s oversight', async () => {
    const { course, other, head } = await team();
    const fy = (await okBody(publicApi(t.app)['fiscal-years'].current.$get())).fiscalYear;
    const pastYear = remindersOf(head).preview.$post({
      json: { filter: { courseId: course.id, fiscalYear: fy - 1 } },
    });
    expect((await failure(pastYear)).status).toBe(400);
    const elsewhere = remind(head, { filter: { courseId: course.id, orgUnitId: other.id } });
    expect((await failure(elsewhere)).status).toBe(403);
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
    await okBody(remind(head, { filter: { courseId: course.id } }));
    const queued = await okBody(outbox(admin, { status: 'queued', q: refused.email }));
    expect(queued.items).toHaveLength(1);
    expect(queued.smtpConfigured).toBe(true);

    await smtp.deliver(t.db, t.clock.now());
    const failed = await okBody(outbox(admin, { status: 'failed', q: refused.email }));
    expect(failed.items).toHaveLength(1);
    const [failedMail] = failed.items;
    expect(failedMail?.lastError).toContain('No such user');
    expect(failedMail?.recipient.staffId).toBe(refused.id);

    const retry = typedApi(t.app, admin).outbox.retry.$post({
      json: { ids: [failedMail?.id ?? 0] },
    });
    expect(await okBody(retry)).toEqual({ requeued: 1 });
    const again = await okBody(outbox(admin, { q: refused.email }));
    expect(again.items[0]?.status).toBe('queued');
    expect((await failure(outbox(head, {}))).status).toBe(403);
    // An unknown status is bad input the typed client would refuse to send.
    expect((await admin.request('/api/outbox?status=lost')).status).toBe(400);
  });
});

describe('set-password links by e-mail', () => {
  it('go through the outbox to the person, and the outbox never shows the link', async () => {
    const admin = await signedInAs(t.app, t.db, (await makePerson(t.db, ['admin'])).id);
    const person = await makeStaff(t.db, { locale: 'en' });
    const emailLink = (staffId: number) =>
      typedApi(t.app, admin).accounts[':id']['password-link'].email.$post({
        param: { id: String(staffId) },
      });
    expect(await okBody(emailLink(person.id), 201)).toMatchObject({
      status: 'queued',
      to: person.email,
    });
    const listed = await okBody(outbox(admin, { q: person.email }));
    expect(listed.items[0]?.kind).toBe('account.password_link');
    expect(listed.items[0]?.body).toBeNull();

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
    expect((await failure(emailLink(nowhere.id))).status).toBe(409);
  });
});
