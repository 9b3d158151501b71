import {
  bookingsOfPerson,
  bookingsWithSessionsById,
  deleteCalendarFeed,
  findBooking,
  findCalendarFeed,
  findStaffById,
  findStaffByIds,
  replaceCalendarFeed,
} from '@kenshu/db';
import { notFound } from '@kenshu/domain';
import type { Executor, MailCalendarPart, Staff } from '@kenshu/db';
import type { Config } from '../../config.ts';
import type { ServiceContext } from '../../context.ts';
import { randomToken, sha256 } from '../../lib/tokens.ts';
import { requireViewer } from '../../lib/service-context.ts';
import { publicBase } from '../messages/send.ts';
import { calendarText, type CalendarEvent, type CalendarMethod } from './icalendar.ts';
import { assertMayActFor } from './scope.ts';

type BookingWithSession = Awaited<ReturnType<typeof bookingsOfPerson>>[number];

/** What a calendar event says of a booking: its own fields, its session's and its course's. */
export type CalendarBooking = Pick<
  BookingWithSession,
  | 'id'
  | 'uid'
  | 'sequence'
  | 'status'
  | 'starts_at'
  | 'ends_at'
  | 'venue'
  | 'online_url'
  | 'session_status'
  | 'course_code'
  | 'course_title_ja'
  | 'course_title_en'
  | 'course_description_ja'
  | 'course_description_en'
>;

/** Who a calendar invitation is addressed to. */
type Invitee = Pick<Staff, 'family_name' | 'given_name' | 'email' | 'locale'>;

/** Written as PRODID:-//Kenshu//Training//JA. */
const PRODUCT_ID = { company: 'Kenshu', product: 'Training', language: 'JA' };

/** Where a booking is seen and changed in Kenshu: the person's My training page, at its card. */
export function bookingLink(base: string, bookingId: number): string {
  return `${base.replace(/\/$/, '')}/my-training#booking-${bookingId}`;
}

/** The event's description: the course, what it is, and the way back to the booking in Kenshu. */
function descriptionOf(b: CalendarBooking, locale: 'ja' | 'en', base: string): string {
  const [title, about] =
    locale === 'ja'
      ? [b.course_title_ja, b.course_description_ja]
      : [b.course_title_en, b.course_description_en];
  const link = bookingLink(base, b.id);
  return [
    `${locale === 'ja' ? '研修' : 'Course'}: ${title} (${b.course_code})`,
    ...(about ? [about] : []),
    locale === 'ja' ? `予約の確認・変更: ${link}` : `See or change this booking: ${link}`,
  ].join('\n\n');
}

/**
 * One booking as a calendar event: a stable UID, CANCELLED once it no longer holds a seat, a
 * description with the course and a link back to the booking, and the training office as its
 * organiser.
 */
function eventOf(
  b: CalendarBooking,
  locale: 'ja' | 'en',
  config: Pick<Config, 'mailFrom' | 'publicUrl' | 'port'>,
): CalendarEvent {
  const title = locale === 'ja' ? `研修: ${b.course_title_ja}` : `Training: ${b.course_title_en}`;
  const live = b.status !== 'cancelled' && b.session_status === 'scheduled';
  return {
    description: descriptionOf(b, locale, publicBase(config)),
    organizer: organizerOf(config.mailFrom),
    uid: `${b.uid}@kenshu`,
    sequence: b.sequence,
    start: b.starts_at,
    end: b.ends_at,
    title:
      b.status === 'waitlisted'
        ? `${title} (${locale === 'ja' ? 'キャンセル待ち' : 'waitlist'})`
        : title,
    location: b.venue ?? undefined,
    url: b.online_url ?? undefined,
    status: live ? (b.status === 'confirmed' ? 'CONFIRMED' : 'TENTATIVE') : 'CANCELLED',
  };
}

/** One or more events as a calendar file, stamped with the service's clock. */
function calendarOf(
  method: CalendarMethod,
  events: CalendarEvent[],
  at: Date,
  name?: string,
): string {
  return calendarText({
    productId: PRODUCT_ID,
    method,
    ...(name ? { name } : {}),
    events,
    at,
  });
}

/** The name and address of a From line like `研修事務局 <kenshu@example.go.jp>`. */
function organizerOf(from: string): { name?: string; email: string } {
  const match = /^\s*"?([^"<]*?)"?\s*<([^>]+)>\s*$/.exec(from);
  if (!match?.[2]) return { email: from.trim() };
  return match[1] ? { name: match[1], email: match[2] } : { email: match[2] };
}

/**
 * Meeting invitations for booking e-mails, by booking: METHOD:REQUEST while the booking holds a
 * seat, METHOD:CANCEL once it does not. Each keeps the booking's UID and carries its SEQUENCE,
 * which every change raises, so Outlook and phone calendars replace or remove the same event.
 */
export async function bookingInvitations(
  db: Executor,
  bookingIds: readonly number[],
  config: Pick<Config, 'mailFrom' | 'publicUrl' | 'port'>,
  now: Date,
): Promise<Map<number, MailCalendarPart>> {
  const rows = await bookingsWithSessionsById(db, bookingIds);
  if (rows.length === 0) return new Map();
  const people = await findStaffByIds(
    db,
    rows.map((r) => r.staff_id),
  );
  const byId = new Map(people.map((p) => [p.id, p]));
  const parts = new Map<number, MailCalendarPart>();
  for (const row of rows) {
    const person = byId.get(row.staff_id);
    if (person) parts.set(row.id, invitationOf(row, person, config, now));
  }
  return parts;
}

/** The meeting invitation of one booking for its person (see bookingInvitations). */
export function invitationOf(
  booking: CalendarBooking,
  person: Invitee,
  config: Pick<Config, 'mailFrom' | 'publicUrl' | 'port'>,
  now: Date,
): MailCalendarPart {
  const event = eventOf(booking, person.locale, config);
  const method = event.status === 'CANCELLED' ? 'CANCEL' : 'REQUEST';
  const attendee = {
    name: `${person.family_name} ${person.given_name}`,
    ...(person.email ? { email: person.email } : {}),
  };
  return { method, ics: calendarOf(method, [{ ...event, attendee }], now) };
}

/** The .ics file of one booking; a cancelled or moved booking is sent as METHOD:CANCEL. */
export async function bookingCalendar({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: { bookingId: number };
}): Promise<string> {
  const viewer = requireViewer(ctx);
  const booking = await findBooking(ctx.db, input.bookingId);
  if (!booking) throw notFound('booking');
  await assertMayActFor(ctx.db, viewer, booking.staff_id, 'booking');
  const all = await bookingsOfPerson(ctx.db, booking.staff_id);
  const row = all.find((b) => b.id === booking.id);
  if (!row) throw notFound('booking');
  const staff = await findStaffById(ctx.db, booking.staff_id);
  if (!staff) throw notFound('booking');
  const event = eventOf(row, staff.locale, ctx.config);
  return calendarOf(event.status === 'CANCELLED' ? 'CANCEL' : 'PUBLISH', [event], ctx.now);
}

/** Creates or replaces the viewer's private feed; only the token's hash is stored. */
export async function createCalendarFeed({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: { origin: string };
}) {
  const viewer = requireViewer(ctx);
  const token = randomToken();
  await replaceCalendarFeed(ctx.db, viewer.staffId, sha256(token));
  const base = ctx.config.publicUrl ?? input.origin;
  return { url: `${base.replace(/\/$/, '')}/api/calendar/${token}.ics` };
}

export async function revokeCalendarFeed({ ctx }: { ctx: ServiceContext }): Promise<void> {
  await deleteCalendarFeed(ctx.db, requireViewer(ctx).staffId);
}

/** The feed a calendar app polls: every booking of the person, cancelled ones marked so. */
export async function calendarFeed({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: { token: string };
}): Promise<string> {
  const feed = await findCalendarFeed(ctx.db, sha256(input.token.replace(/\.ics$/, '')));
  if (!feed) throw notFound('calendar feed');
  const staff = await findStaffById(ctx.db, feed.staff_id);
  if (!staff?.active) throw notFound('calendar feed');
  const bookings = await bookingsOfPerson(ctx.db, feed.staff_id);
  // A feed shows each booking once; moved and cancelled ones stay as CANCELLED so apps remove them.
  const events = bookings.map((b) => eventOf(b, staff.locale, ctx.config));
  return calendarOf('PUBLISH', events, ctx.now, 'Kenshu');
}
