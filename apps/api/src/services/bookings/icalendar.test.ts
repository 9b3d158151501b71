import fc from 'fast-check';
import { createEvents } from 'ics';
import { describe, expect, it } from 'vitest';
import { calendarText, type CalendarEvent, type CalendarMethod } from './icalendar.ts';

const AT = new Date('2026-09-01T03:04:05Z');
const stamp = (ics: string) => ics.replace(/^DTSTAMP:.*$/gm, 'DTSTAMP:-');

/** What the `ics` library wrote for the same calendar: the text Kenshu sent before. */
function byLibrary(method: CalendarMethod, events: CalendarEvent[], name?: string): string {
  const result = createEvents(
    events.map((e) => ({
      uid: e.uid,
      sequence: e.sequence,
      title: e.title,
      start: e.start.getTime(),
      startInputType: 'utc' as const,
      startOutputType: 'utc' as const,
      end: e.end.getTime(),
      endInputType: 'utc' as const,
      endOutputType: 'utc' as const,
      description: e.description,
      ...(e.location ? { location: e.location } : {}),
      ...(e.url ? { url: e.url } : {}),
      status: e.status,
      organizer: e.organizer.name
        ? { name: e.organizer.name, email: e.organizer.email }
        : { email: e.organizer.email },
      ...(e.attendee
        ? {
            attendees: [
              {
                name: e.attendee.name,
                ...(e.attendee.email ? { email: e.attendee.email } : {}),
                rsvp: false,
                partstat: 'ACCEPTED' as const,
                role: 'REQ-PARTICIPANT' as const,
              },
            ],
          }
        : {}),
    })),
    { productId: '-//Kenshu//Training//JA', method, ...(name ? { calName: name } : {}) },
  );
  if (result.error || result.value === null) throw result.error ?? new Error('no calendar');
  return result.value;
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
const event: fc.Arbitrary<CalendarEvent> = fc.record({
  uid: fc.uuid().map((u) => `${u}@kenshu`),
  sequence: fc.nat({ max: 50 }),
  title: words,
  start: moment,
  end: moment,
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
      name: words.map((w) => w.replace(/\n/g, ' ')),
      email: fc.option(fc.constantFrom('taro.yamada@example.go.jp'), { nil: undefined }),
    }),
    { nil: undefined },
  ),
});

describe('calendarText', () => {
  it('writes what the ics library wrote for the same events, line for line', () => {
    fc.assert(
      fc.property(
        fc.constantFrom<CalendarMethod>('PUBLISH', 'REQUEST', 'CANCEL'),
        fc.array(event, { minLength: 1, maxLength: 3 }),
        fc.option(fc.constant('Kenshu'), { nil: undefined }),
        (method, events, name) => {
          const ours = calendarText({
            productId: '-//Kenshu//Training//JA',
            method,
            ...(name ? { name } : {}),
            events,
            at: AT,
          });
          expect(stamp(ours)).toBe(stamp(byLibrary(method, events, name)));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('writes an empty calendar as its frame alone, and stamps events with the time given', () => {
    const ics = calendarText({
      productId: '-//Kenshu//Training//JA',
      method: 'PUBLISH',
      events: [],
      at: AT,
    });
    expect(ics).toBe(
      'BEGIN:VCALENDAR\r\nVERSION:2.0\r\nCALSCALE:GREGORIAN\r\nPRODID:-//Kenshu//Training//JA\r\n' +
        'METHOD:PUBLISH\r\nX-PUBLISHED-TTL:PT1H\r\nEND:VCALENDAR\r\n',
    );
    const one = calendarText({
      productId: 'p',
      method: 'REQUEST',
      events: [
        {
          uid: 'u@kenshu',
          sequence: 0,
          title: 't',
          start: AT,
          end: AT,
          description: 'd',
          status: 'CONFIRMED',
          organizer: { email: 'o@example.jp' },
        },
      ],
      at: AT,
    });
    expect(one).toContain('\r\nDTSTAMP:20260901T030405Z\r\n');
  });
});
