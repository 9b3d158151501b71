import fc from 'fast-check';
import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { calendarText, type CalendarEvent, type CalendarMethod } from './icalendar.ts';

const AT = new Date('2026-09-01T03:04:05Z');
const PRODUCT = { company: 'Kenshu', product: 'Training', language: 'JA' };

/** What a calendar app reads back: the calendar parsed by ical.js, Mozilla's iCalendar parser. */
function readBack(ics: string) {
  const calendar = new ICAL.Component(ICAL.parse(ics));
  return {
    productId: calendar.getFirstPropertyValue('prodid'),
    method: calendar.getFirstPropertyValue('method'),
    name: calendar.getFirstPropertyValue('x-wr-calname'),
    events: calendar.getAllSubcomponents('vevent').map((vevent) => {
      const event = new ICAL.Event(vevent);
      const attendee = vevent.getFirstProperty('attendee');
      return {
        uid: event.uid,
        sequence: event.sequence,
        title: event.summary,
        start: event.startDate.toJSDate(),
        end: event.endDate.toJSDate(),
        stamp: vevent.getFirstPropertyValue('dtstamp')?.toString(),
        description: event.description ?? '',
        location: event.location ?? undefined,
        url: vevent.getFirstPropertyValue('url') ?? undefined,
        status: vevent.getFirstPropertyValue('status'),
        organizer: {
          name: vevent.getFirstProperty('organizer')?.getParameter('cn'),
          address: vevent.getFirstPropertyValue('organizer'),
        },
        attendee: attendee
          ? {
              name: attendee.getParameter('cn'),
              address: attendee.getFirstValue(),
              partstat: attendee.getParameter('partstat'),
            }
          : undefined,
      };
    }),
  };
}

// Text as bookings carry it: Japanese and English, the characters iCalendar escapes, line
// breaks, and lines long enough to fold. (Emoji sequences fold between code points here and
// between graphemes in the library; both unfold to the same text.)
const words = fc
  .array(
    fc.constantFrom(
      '研修',
      ' 第3会議室',
      'Training',
      ';',
      ',',
      '\\',
      '\n',
      '"',
      'ａ',
      'x'.repeat(40),
    ),
    { minLength: 1, maxLength: 12 },
  )
  .map((parts) => parts.join(''));
const moment = fc
  .integer({ min: Date.UTC(2025, 0, 1), max: Date.UTC(2030, 0, 1) })
  .map((ms) => new Date(Math.floor(ms / 1000) * 1000));
// A session ends after it starts: from a minute to a whole day.
const span = fc.tuple(moment, fc.integer({ min: 1, max: 24 * 60 })).map(([start, minutes]) => ({
  start,
  end: new Date(start.getTime() + minutes * 60_000),
}));
const event: fc.Arbitrary<CalendarEvent> = fc
  .record({
    uid: fc.uuid().map((u) => `${u}@kenshu`),
    sequence: fc.nat({ max: 50 }),
    title: words,
    span,
    description: words,
    location: fc.option(words, { nil: undefined }),
    url: fc.option(fc.constantFrom('https://meet.example.jp/room/1', 'http://localhost:3000/x'), {
      nil: undefined,
    }),
    status: fc.constantFrom('CONFIRMED' as const, 'TENTATIVE' as const, 'CANCELLED' as const),
    organizer: fc.record({
      name: fc.option(fc.constantFrom('研修事務局', 'Kenshu'), { nil: undefined }),
      email: fc.constantFrom('kenshu@example.go.jp'),
    }),
    attendee: fc.option(
      fc.record({
        // A parameter value carries no escapes (RFC 5545 3.2) and ical.js would read a backslash in
        // one as an escape; people's names have neither backslashes nor line breaks.
        name: words.map((w) => w.replace(/\n/g, ' ').replaceAll('\\', '')).filter((w) => w !== ''),
        email: fc.option(fc.constantFrom('taro.yamada@example.go.jp'), { nil: undefined }),
      }),
      { nil: undefined },
    ),
  })
  .map(({ span: { start, end }, ...rest }) => ({ ...rest, start, end }));

describe('calendarText', () => {
  it('writes every fact of each event so that a calendar app reads the same facts back', () => {
    fc.assert(
      fc.property(
        fc.constantFrom<CalendarMethod>('PUBLISH', 'REQUEST', 'CANCEL'),
        fc.array(event, { minLength: 1, maxLength: 3 }),
        fc.option(fc.constant('Kenshu'), { nil: undefined }),
        (method, events, name) => {
          const ics = calendarText({
            productId: PRODUCT,
            method,
            ...(name ? { name } : {}),
            events,
            at: AT,
          });
          // Lines are at most 75 octets (Japanese titles fold by bytes, not characters) and end in CRLF.
          for (const line of ics.split('\r\n').slice(0, -1)) {
            expect(Buffer.byteLength(line)).toBeLessThanOrEqual(75);
          }
          expect(ics.endsWith('END:VCALENDAR\r\n')).toBe(true);
          const read = readBack(ics);
          expect(read.productId).toBe('-//Kenshu//Training//JA');
          expect(read.method).toBe(method);
          expect(read.name ?? undefined).toBe(name);
          expect(read.events).toEqual(
            events.map((e) => ({
              uid: e.uid,
              sequence: e.sequence,
              title: e.title,
              start: e.start,
              end: e.end,
              stamp: '2026-09-01T03:04:05Z',
              description: e.description,
              location: e.location || undefined,
              url: e.url,
              status: e.status,
              organizer: {
                name: e.organizer.name ?? e.organizer.email,
                address: `mailto:${e.organizer.email}`,
              },
              // A person without an address is no calendar attendee.
              attendee: e.attendee?.email
                ? {
                    name: e.attendee.name,
                    address: `MAILTO:${e.attendee.email}`,
                    partstat: 'ACCEPTED',
                  }
                : undefined,
            })),
          );
        },
      ),
      { numRuns: 300 },
    );
  });

  it('writes an empty calendar as its frame alone', () => {
    const read = readBack(
      calendarText({ productId: PRODUCT, method: 'PUBLISH', events: [], at: AT }),
    );
    expect(read).toEqual({
      productId: '-//Kenshu//Training//JA',
      method: 'PUBLISH',
      name: null,
      events: [],
    });
  });
});
