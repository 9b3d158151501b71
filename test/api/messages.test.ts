import type { Config } from '@kenshu/api/config';
import { makeCourse, makeOrgUnit, makeSession, makeStaff } from '@kenshu/db/testing';
import { describe, expect, it } from 'vitest';
import { useTestApp } from '../support/app.ts';
import { makePerson, signedInAs } from '../support/auth.ts';
import { bookingsOf } from '../support/bookings.ts';
import { useMailServer } from '../support/smtp.ts';
import { okBody, typedApi } from '../support/typed-api.ts';

/**
 * Every message kind reaches the person twice in the same words: as a notice in the app and as
 * an e-mail through the outbox to a real SMTP server on 127.0.0.1, in the person's language.
 */
const settings: Partial<Config> = {
  mailFrom: '研修事務局 <kenshu@mof.example.go.jp>',
  publicUrl: 'https://kenshu.example.go.jp',
};
const t = useTestApp(settings);
const smtp = useMailServer(settings);

async function deliver() {
  return smtp.deliver(t.db, t.clock.now());
}

async function outboxOf(staffId: number) {
  return t.db
    .selectFrom('mail_outbox')
    .selectAll()
    .where('staff_id', '=', staffId)
    .orderBy('id')
    .execute();
}

/** This person's booking calls, signed in as them. */
async function bookingsAs(staffId: number) {
  return bookingsOf(t.app, await signedInAs(t.app, t.db, staffId));
}

/** The notices in this person's app, newest first. */
async function noticesOf(staffId: number) {
  const as = await signedInAs(t.app, t.db, staffId);
  return okBody(typedApi(t.app, as).me.notifications.$get({ query: {} }), 200);
}

function field(ics: string, name: string): string | undefined {
  return new RegExp(`^${name}[:;](.*)$`, 'm').exec(ics)?.[1]?.trim();
}

describe('booking e-mails', () => {
  it('confirm a booking with a calendar invitation, and cancel it with the same UID', async () => {
    const course = await makeCourse(t.db);
    const session = await makeSession(t.db, { courseId: course.id });
    const learner = await makeStaff(t.db, { locale: 'en' });
    const bookings = await bookingsAs(learner.id);
    const booked = await okBody(bookings.book(session.id), 201);
    smtp.clear();
    expect(await deliver()).toMatchObject({ sent: 1, retrying: 0, failed: 0 });

    const [confirmation] = smtp.received;
    expect(confirmation?.to).toBe(learner.email);
    expect(confirmation?.subject).toBe(`Booking confirmed: ${course.title_en}`);
    expect(confirmation?.text).toContain('https://kenshu.example.go.jp/my-training');
    const invite = confirmation?.calendars[0] ?? '';
    expect(field(invite, 'METHOD')).toBe('REQUEST');
    const uid = field(invite, 'UID');
    const row = await t.db
      .selectFrom('booking')
      .select('uid')
      .where('id', '=', booked.id)
      .executeTakeFirstOrThrow();
    expect(uid).toBe(`${row.uid}@kenshu`);
    const firstSequence = Number(field(invite, 'SEQUENCE') ?? 0);

    smtp.clear();
    await okBody(bookings.cancel(booked.id), 200);
    await deliver();
    const [cancellation] = smtp.received;
    expect(cancellation?.subject).toBe(`Booking cancelled: ${course.title_en}`);
    const cancel = cancellation?.calendars[0] ?? '';
    expect(field(cancel, 'METHOD')).toBe('CANCEL');
    expect(field(cancel, 'UID')).toBe(uid);
    expect(Number(field(cancel, 'SEQUENCE'))).toBeGreaterThan(firstSequence);
  });

  it('tell a person in Japanese who booked for them, the same words as their notice', async () => {
    const course = await makeCourse(t.db);
    const session = await makeSession(t.db, { courseId: course.id });
    const division = await makeOrgUnit(t.db);
    const head = await makePerson(t.db, ['section_head'], {
      org_unit_id: division.id,
      family_name: '佐藤',
      given_name: '花子',
    });
    const learner = await makeStaff(t.db, { org_unit_id: division.id, locale: 'ja' });
    await okBody((await bookingsAs(head.id)).book(session.id, learner.id), 201);
    smtp.clear();
    await deliver();
    const [mail] = smtp.received;
    expect(mail?.subject).toBe(
      `【研修】佐藤 花子 さんがあなたの研修を予約しました: ${course.title_ja}`,
    );
    expect(mail?.text).toContain('試験 太郎 様');
    const [note] = (await noticesOf(learner.id)).items;
    expect(note?.text.ja.subject).toBe(mail?.subject);
    expect(mail?.text).toContain(note?.text.ja.body);
    expect(note?.text.en.subject).toContain('佐藤 花子 booked a training session for you');
  });

  it('send the new invitation and the old cancellation when a booking moves', async () => {
    const course = await makeCourse(t.db);
    const first = await makeSession(t.db, { courseId: course.id, startsInHours: 24 * 20 });
    const second = await makeSession(t.db, { courseId: course.id, startsInHours: 24 * 30 });
    const learner = await makeStaff(t.db, { locale: 'en' });
    const bookings = await bookingsAs(learner.id);
    const booked = await okBody(bookings.book(first.id), 201);
    await deliver();
    smtp.clear();
    await okBody(bookings.move(booked.id, second.id), 200);
    await deliver();
    const [mail] = smtp.received;
    expect(mail?.subject).toBe(`Your training booking has moved: ${course.title_en}`);
    const methods = [...new Set(mail?.calendars ?? [])].map((ics) => field(ics, 'METHOD'));
    expect(methods).toEqual(['REQUEST', 'CANCEL']);
  });
});

describe('the outbox', () => {
  it('keeps a notice for a person without an e-mail address and reports it', async () => {
    const course = await makeCourse(t.db);
    const session = await makeSession(t.db, { courseId: course.id });
    const learner = await makeStaff(t.db, { email: '' });
    await okBody((await bookingsAs(learner.id)).book(session.id), 201);
    const [row] = await outboxOf(learner.id);
    expect(row).toMatchObject({ status: 'no_address', kind: 'booking.made' });
    smtp.clear();
    await deliver();
    expect(smtp.received).toHaveLength(0);
  });

  it('leaves a message queued with the error while the server refuses, and retries it', async () => {
    const course = await makeCourse(t.db);
    const session = await makeSession(t.db, { courseId: course.id });
    const learner = await makeStaff(t.db);
    t.clock.set(new Date());
    try {
      await okBody((await bookingsAs(learner.id)).book(session.id), 201);
      smtp.refuse(451);
      expect(await deliver()).toMatchObject({ sent: 0, retrying: 1 });
      const [waiting] = await outboxOf(learner.id);
      expect(waiting).toMatchObject({ status: 'queued', attempts: 1 });
      expect(waiting?.last_error).toContain('451');
      expect(waiting?.next_attempt_at.getTime()).toBeGreaterThan(t.clock.now().getTime());

      smtp.refuse(null);
      smtp.clear();
      expect(await deliver()).toMatchObject({ sent: 0 });
      t.clock.advance(2 * 60_000);
      expect(await deliver()).toMatchObject({ sent: 1 });
      const [sent] = await outboxOf(learner.id);
      expect(sent).toMatchObject({ status: 'sent', attempts: 2, last_error: null });
      expect(smtp.received.map((m) => m.outboxId)).toEqual([sent?.id]);
    } finally {
      smtp.refuse(null);
      t.clock.reset();
    }
  });

  it('gives up on an address the server refuses for good, with the reason', async () => {
    const course = await makeCourse(t.db);
    const session = await makeSession(t.db, { courseId: course.id });
    const learner = await makeStaff(t.db, { email: 'nobody@refused.example' });
    await okBody((await bookingsAs(learner.id)).book(session.id), 201);
    expect(await deliver()).toMatchObject({ failed: 1 });
    const [row] = await outboxOf(learner.id);
    expect(row?.status).toBe('failed');
    expect(row?.last_error).toContain('No such user');
  });
});

describe('reminders in the notice list', () => {
  it('show the course and the sender’s own words (they used to read only "new notice")', async () => {
    const course = await makeCourse(t.db);
    const division = await makeOrgUnit(t.db);
    const head = await makePerson(t.db, ['section_head'], { org_unit_id: division.id });
    const learner = await makeStaff(t.db, { org_unit_id: division.id });
    const reminders = typedApi(t.app, await signedInAs(t.app, t.db, head.id)).team.reminders;
    const reminded = reminders.$post({
      json: {
        filter: { courseId: course.id },
        staffIds: [learner.id],
        message: '今月中に受講してください',
      },
    });
    await okBody(reminded, 200);
    const [note] = (await noticesOf(learner.id)).items;
    expect(note?.kind).toBe('training.reminder');
    expect(note?.text.ja.subject).toBe(`【研修】受講のお願い: ${course.title_ja}`);
    expect(note?.text.ja.body).toContain('今月中に受講してください');
    expect(note?.link).toBe('/my-training');
  });
});
