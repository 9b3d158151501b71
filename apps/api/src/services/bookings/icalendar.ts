import ical, {
  ICalAttendeeRole,
  ICalAttendeeStatus,
  ICalCalendarMethod,
  ICalEventStatus,
} from 'ical-generator';

/**
 * iCalendar (RFC 5545) text for the few properties Kenshu's events carry, written by
 * `ical-generator`: it escapes, quotes and folds (by octets, which Japanese titles need) without
 * validating each event against a schema, which with the `ics` library was the largest cost of
 * booking a seat. Callers pass plain facts; nothing else in the API builds calendar text.
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

const METHODS: Record<CalendarMethod, ICalCalendarMethod> = {
  PUBLISH: ICalCalendarMethod.PUBLISH,
  REQUEST: ICalCalendarMethod.REQUEST,
  CANCEL: ICalCalendarMethod.CANCEL,
};

const STATUSES: Record<CalendarEvent['status'], ICalEventStatus> = {
  CONFIRMED: ICalEventStatus.CONFIRMED,
  TENTATIVE: ICalEventStatus.TENTATIVE,
  CANCELLED: ICalEventStatus.CANCELLED,
};

/** A whole calendar: its product, method, optional name and events, stamped `at`. */
export function calendarText(calendar: {
  /** Written as `-//company//product//language`. */
  productId: { company: string; product: string; language: string };
  method: CalendarMethod;
  name?: string;
  events: readonly CalendarEvent[];
  at: Date;
}): string {
  const file = ical({
    prodId: calendar.productId,
    method: METHODS[calendar.method],
    ...(calendar.name ? { name: calendar.name } : {}),
    // Calendar apps re-read a subscribed feed hourly.
    ttl: 60 * 60,
  });
  for (const event of calendar.events) {
    file.createEvent({
      id: event.uid,
      sequence: event.sequence,
      stamp: calendar.at,
      start: event.start,
      end: event.end,
      summary: event.title,
      description: event.description || null,
      location: event.location || null,
      url: event.url || null,
      status: STATUSES[event.status],
      organizer: {
        name: event.organizer.name || event.organizer.email,
        email: event.organizer.email,
      },
      // An attendee is a calendar address (RFC 5545 3.8.4.1); a person without one is left out.
      attendees: event.attendee?.email
        ? [
            {
              name: event.attendee.name,
              email: event.attendee.email,
              rsvp: false,
              role: ICalAttendeeRole.REQ,
              status: ICalAttendeeStatus.ACCEPTED,
            },
          ]
        : [],
    });
  }
  // Every content line ends in CRLF (RFC 5545 3.1), the last one too.
  return `${file.toString()}\r\n`;
}
