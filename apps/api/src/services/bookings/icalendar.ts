/**
 * iCalendar (RFC 5545) text for the few properties Kenshu's events carry. Written here rather
 * than with a general library: every booking e-mail carries an invitation, and the library
 * validated each event twice against a schema, the largest cost of booking a seat. The lines are
 * the ones the `ics` library wrote for the same events, folded the same way.
 */

export type CalendarMethod = 'PUBLISH' | 'REQUEST' | 'CANCEL';

/** One event: a booking as a calendar shows it. */
export interface CalendarEvent {
  uid: string;
  sequence: number;
  title: string;
  start: Date;
  end: Date;
  description: string;
  location?: string | undefined;
  url?: string | undefined;
  status: 'CONFIRMED' | 'TENTATIVE' | 'CANCELLED';
  organizer: { name?: string | undefined; email: string };
  attendee?: { name: string; email?: string | undefined };
}

/** A whole calendar: its product, method, optional name and events, stamped `at`. */
export function calendarText(calendar: {
  productId: string;
  method: CalendarMethod;
  name?: string;
  events: readonly CalendarEvent[];
  at: Date;
}): string {
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'CALSCALE:GREGORIAN',
    `PRODID:${oneLine(calendar.productId)}`,
    `METHOD:${calendar.method}`,
    ...(calendar.name ? [`X-WR-CALNAME:${oneLine(calendar.name)}`] : []),
    'X-PUBLISHED-TTL:PT1H',
    ...calendar.events.flatMap((event) => eventLines(event, calendar.at)),
    'END:VCALENDAR',
  ];
  return lines.map(fold).join('\r\n') + '\r\n';
}

function eventLines(event: CalendarEvent, at: Date): string[] {
  const { organizer, attendee } = event;
  return [
    'BEGIN:VEVENT',
    `UID:${oneLine(event.uid)}`,
    ...(event.title ? [`SUMMARY:${oneLine(text(event.title))}`] : []),
    `DTSTAMP:${utc(at)}`,
    `DTSTART:${utc(event.start)}`,
    `DTEND:${utc(event.end)}`,
    `SEQUENCE:${event.sequence}`,
    ...(event.description ? [`DESCRIPTION:${oneLine(text(event.description))}`] : []),
    ...(event.url ? [`URL:${oneLine(event.url)}`] : []),
    ...(event.location ? [`LOCATION:${oneLine(text(event.location))}`] : []),
    `STATUS:${event.status}`,
    `ORGANIZER;CN=${quoted(organizer.name || 'Organizer')}${organizer.email ? `:MAILTO:${organizer.email}` : ''}`,
    ...(attendee
      ? [
          oneLine(
            `ATTENDEE;RSVP=FALSE;ROLE="REQ-PARTICIPANT";PARTSTAT="ACCEPTED";CN=${quoted(attendee.name || 'Unnamed attendee')}${attendee.email ? `:mailto:${attendee.email}` : ''}`,
          ),
        ]
      : []),
    'END:VEVENT',
  ];
}

/** A TEXT value: backslashes, line breaks, semicolons and commas escaped. */
function text(value: string): string {
  return value
    .replace(/\\/g, '\\\\')
    .replace(/\r?\n/g, '\\n')
    .replace(/;/g, '\\;')
    .replace(/,/g, '\\,');
}

/** Line breaks left in a value would start a new property. */
function oneLine(value: string): string {
  return value.replace(/\r?\n/g, '\\n');
}

/** A parameter value, quoted. */
function quoted(value: string): string {
  return `"${value.replaceAll('"', '\\"')}"`;
}

/** 20260918T010000Z */
function utc(date: Date): string {
  return `${date.toISOString().slice(0, 19).replace(/[-:]/g, '')}Z`;
}

/** Lines longer than 75 characters go on in continuation lines of 74 (each starts with a tab). */
function fold(line: string): string {
  if (line.length <= 75) return line;
  const chars = Array.from(line);
  if (chars.length <= 75) return line;
  const parts = [chars.slice(0, 75).join('')];
  for (let i = 75; i < chars.length; i += 74) parts.push(chars.slice(i, i + 74).join(''));
  return parts.join('\r\n\t');
}
