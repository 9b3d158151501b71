import { useState } from 'react';
import { useTranslation } from '../../../lib/i18n.ts';
import { Button } from '../../../components/button.tsx';
import { QueryState } from '../../../components/query-state.tsx';
import type { BookingChangeOptions } from '../api/bookings.ts';
import { useMySeats, useSessions } from '../api/list-sessions.ts';
import { usePlacesOf, type CourseStanding } from '../api/places-of.ts';
import { SessionCard, type BookingFor } from './session-card.tsx';
import { SessionFilters, type SessionFiltersProps } from './session-filters.tsx';
import { StaffPicker } from '../../staff/index.ts';
import './sessions.css';

export interface SessionFinderProps extends SessionFiltersProps, BookingChangeOptions {
  /** Section heads, unit officers and admins may book for people in their scope. */
  canBookForOthers: boolean;
}

/**
 * The session finder: filters, then the sessions with what I can do on each. Booking for someone
 * else switches to every session (the person's courses are not mine), and each card shows that
 * person's seat or wait instead of mine, so a booker moves their seat rather than booking twice.
 */
export function SessionFinder({
  value,
  onChange,
  courses,
  months,
  canBookForOthers,
  onChanged,
}: SessionFinderProps) {
  const { t } = useTranslation();
  const [bookingFor, setBookingFor] = useState<BookingFor | undefined>(undefined);
  const [choosing, setChoosing] = useState(false);
  const sessions = useSessions({
    courseId: value.course,
    month: value.month,
    venue: value.venue,
    withSeats: value.seats,
    scope: bookingFor ? 'all' : 'mine',
    // People come here to book: sessions already held only show when their month is chosen.
    upcoming: value.month === undefined,
  });
  const mySeats = useMySeats();
  const theirPlaces = usePlacesOf(bookingFor?.staffId);

  const results = (theirs: Map<number, CourseStanding> | undefined) => (
    <QueryState
      query={sessions}
      empty={{ when: (items) => items.length === 0, message: t('sessions.finder.empty') }}
    >
      {(items) => (
        <div className="dim-while-busy" aria-busy={sessions.isPlaceholderData}>
          <p className="finder__count" role="status">
            {t('sessions.finder.count', { count: items.length })}
          </p>
          <ul className="session-list">
            {items.map((session) => {
              const standing = theirs?.get(session.course.id);
              return (
                // Keyed by whom the card is for, so choosing another person clears its outcome.
                <li key={`${bookingFor?.staffId ?? 'me'}-${session.id}`}>
                  {theirs ? (
                    <SessionCard
                      session={session}
                      place={standing?.places.get(session.id) ?? null}
                      heldSeat={standing?.seat}
                      bookingFor={bookingFor}
                      standing={standing}
                      onChanged={onChanged}
                    />
                  ) : (
                    <SessionCard
                      session={session}
                      place={session.myPlace}
                      heldSeat={mySeats.data?.get(session.course.id)}
                      onChanged={onChanged}
                    />
                  )}
                </li>
              );
            })}
          </ul>
        </div>
      )}
    </QueryState>
  );

  return (
    <div className="stack">
      <SessionFilters value={value} onChange={onChange} courses={courses} months={months} />
      {canBookForOthers ? (
        <section className="book-for" aria-label={t('sessions.bookFor.heading')}>
          {bookingFor ? (
            <div className="book-for__chosen">
              <p role="status">{t('sessions.bookFor.bookingFor', { name: bookingFor.name })}</p>
              <Button onPress={() => setBookingFor(undefined)}>{t('sessions.bookFor.stop')}</Button>
            </div>
          ) : choosing ? (
            <div className="book-for__picker">
              <StaffPicker
                label={t('sessions.bookFor.searchLabel')}
                onPick={(person) => {
                  setBookingFor(person);
                  setChoosing(false);
                }}
              />
              <Button onPress={() => setChoosing(false)}>{t('sessions.bookFor.close')}</Button>
            </div>
          ) : (
            <Button onPress={() => setChoosing(true)}>{t('sessions.bookFor.start')}</Button>
          )}
        </section>
      ) : null}
      {bookingFor ? (
        // Their places must be known before any action is offered: "Book" on a course where they
        // already hold a seat would be refused.
        <QueryState query={theirPlaces}>{(theirs) => results(theirs)}</QueryState>
      ) : (
        results(undefined)
      )}
    </div>
  );
}
