import type { TrainingSession } from '@kenshu/contracts';
import { useId, useRef, useState } from 'react';
import { Button } from '../../../components/button.tsx';
import { ConfirmDialog } from '../../../components/dialog.tsx';
import { SessionPhaseBadge } from '../../../components/session-phase-badge.tsx';
import { formatDateTime, sessionTimeLabel, tokyoDayTime } from '../../../lib/dates.ts';
import { useLanguage, type Language, useTranslation } from '../../../lib/i18n.ts';
import { useBookSession, useMoveBooking, type BookingChangeOptions } from '../api/bookings.ts';
import type { CourseStanding, SessionPlace } from '../api/places-of.ts';
import { useErrorMessage } from '../utils/error-message.ts';
import { sessionAction, type HeldSeat } from '../utils/session-action.ts';
import { AddToCalendarLink, CancelBookingButton } from './booking-buttons.tsx';
import { PlaceBadge } from './place-badge.tsx';

/** Someone a section head, unit officer or admin is booking for. */
export interface BookingFor {
  staffId: number;
  name: string;
}

export interface SessionCardProps extends BookingChangeOptions {
  session: TrainingSession;
  /** The place on this session of the person the card is for: mine, or theirs when booking for someone. */
  place: SessionPlace | null;
  /** The seat they hold on another session of this course, if any ("Move here"). */
  heldSeat: HeldSeat | undefined;
  /** Booking on someone else's behalf: the actions act on their places, not mine. */
  bookingFor?: BookingFor | undefined;
  /** When booking for someone: where they stand on the course; undefined if it is not theirs. */
  standing?: CourseStanding | undefined;
}

export function courseTitle(course: { titleJa: string; titleEn: string }, lang: Language) {
  return lang === 'en' ? course.titleEn : course.titleJa;
}

/**
 * One session in the finder: when, where, seats, trainers, the place of the person it is for (me,
 * or whom I book for), and what I can do.
 */
export function SessionCard({
  session,
  place,
  heldSeat,
  bookingFor,
  standing,
  onChanged,
}: SessionCardProps) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const titleId = useId();
  const when = sessionTimeLabel(session.startsAt, session.endsAt, lang);
  const title = courseTitle(session.course, lang);
  const cancelled = session.status === 'cancelled';
  return (
    <article
      className={cancelled ? 'session-card session-card--cancelled' : 'session-card'}
      aria-labelledby={titleId}
    >
      <div className="session-card__head">
        {/* h2: the finder's list sits right under the page title. */}
        <h2 id={titleId} className="session-card__when">
          {when}
        </h2>
        {place ? <PlaceBadge place={place} /> : null}
        {session.phase !== 'scheduled' ? <SessionPhaseBadge phase={session.phase} /> : null}
      </div>
      <p className="session-card__course">{title}</p>
      <dl className="session-facts">
        <div>
          <dt>{t('sessions.card.where')}</dt>
          <dd>
            {session.venue ?? null}
            {session.venue && session.onlineUrl ? ' / ' : null}
            {session.onlineUrl ? t('sessions.card.online') : null}
            {!session.venue && !session.onlineUrl ? t('sessions.card.noVenue') : null}
          </dd>
        </div>
        <div>
          <dt>{t('sessions.card.seats')}</dt>
          <dd>
            <strong className={session.seatsLeft === 0 ? 'seats seats--full' : 'seats'}>
              {session.seatsLeft === 0
                ? t('sessions.card.full')
                : t('sessions.card.seatsLeft', { count: session.seatsLeft })}
            </strong>{' '}
            <span className="muted">
              {t('sessions.card.capacity', { count: session.capacity })}
            </span>
          </dd>
        </div>
        {session.waitingCount > 0 ? (
          <div>
            <dt>{t('sessions.card.waitlist')}</dt>
            <dd>{t('sessions.card.waitingCount', { count: session.waitingCount })}</dd>
          </div>
        ) : null}
        {session.trainers.length > 0 ? (
          <div>
            <dt>{t('sessions.card.trainers')}</dt>
            <dd lang="ja">{session.trainers.map((tr) => tr.name).join('、')}</dd>
          </div>
        ) : null}
      </dl>
      <SessionActions
        session={session}
        place={place}
        heldSeat={heldSeat}
        bookingFor={bookingFor}
        standing={standing}
        summary={`${title} ${when}`}
        onChanged={onChanged}
      />
    </article>
  );
}

function SessionActions({
  session,
  place,
  heldSeat,
  bookingFor,
  standing,
  summary,
  onChanged,
}: SessionCardProps & { summary: string }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const errorMessage = useErrorMessage();
  const book = useBookSession({ onChanged });
  const move = useMoveBooking({ onChanged });
  const [moveOpen, setMoveOpen] = useState(false);
  const [done, setDone] = useState<string | null>(null);
  const doneRef = useRef<HTMLParagraphElement>(null);

  // After a change the pressed button is gone; focus the outcome so keyboard users stay here.
  const announce = (message: string) => {
    setDone(message);
    requestAnimationFrame(() => doneRef.current?.focus());
  };

  const onBooked = (booking: { status: string; waitlistPosition: number | null }) =>
    announce(
      booking.status === 'confirmed'
        ? bookingFor
          ? t('sessions.done.bookedFor', { name: bookingFor.name })
          : t('sessions.done.booked')
        : bookingFor
          ? t('sessions.done.waitlistedFor', {
              name: bookingFor.name,
              position: booking.waitlistPosition ?? '-',
            })
          : t('sessions.done.waitlisted', { position: booking.waitlistPosition ?? '-' }),
    );

  const outcome = (
    <>
      <p className="session-card__done" role="status" tabIndex={-1} ref={doneRef}>
        {done}
      </p>
      {book.isError ? (
        <p className="form-error" role="alert">
          {errorMessage(book.error)}
        </p>
      ) : null}
    </>
  );

  // Someone else's course they have finished, or need not take, cannot be booked for them.
  const ineligible =
    bookingFor && session.status !== 'cancelled' && !place
      ? !standing
        ? t('sessions.card.notRequiredFor', { name: bookingFor.name })
        : standing.completed
          ? t('sessions.card.completedFor', { name: bookingFor.name })
          : null
      : null;
  if (ineligible) {
    return (
      <div className="session-card__actions">
        <p className="muted">{ineligible}</p>
        {outcome}
      </div>
    );
  }

  const action = sessionAction({ ...session, myPlace: place }, heldSeat);
  let controls;
  switch (action.kind) {
    case 'cancelled':
      controls = (
        <p className="session-card__note">
          {t('sessions.card.cancelled', { reason: action.reason ?? '' })}
        </p>
      );
      break;
    case 'booked':
      controls = (
        <>
          {/* The calendar file is the booked person's own: it is offered to them, not to a booker. */}
          {bookingFor ? null : <AddToCalendarLink bookingId={action.bookingId} />}
          {action.canCancel ? (
            <CancelBookingButton
              bookingId={action.bookingId}
              waitlisted={false}
              summary={summary}
              onChanged={onChanged}
            />
          ) : (
            <p className="muted">{t('sessions.card.cutoffPassed')}</p>
          )}
        </>
      );
      break;
    case 'waiting':
      controls = action.canCancel ? (
        <CancelBookingButton
          bookingId={action.bookingId}
          waitlisted
          summary={summary}
          onChanged={onChanged}
        />
      ) : null;
      break;
    case 'not_open':
      controls = (
        <p className="muted">
          {t('sessions.card.opensAt', { time: formatDateTime(new Date(action.opensAt), lang) })}
        </p>
      );
      break;
    case 'closed':
      controls = <p className="muted">{t('sessions.card.closed')}</p>;
      break;
    case 'full_cannot_move':
      controls = (
        <p className="muted">
          {bookingFor
            ? t('sessions.card.fullCannotMoveFor', { name: bookingFor.name })
            : t('sessions.card.fullCannotMove')}
        </p>
      );
      break;
    case 'move':
      controls = (
        <>
          <Button variant="primary" onPress={() => setMoveOpen(true)}>
            {t('sessions.actions.moveHere')}
          </Button>
          <ConfirmDialog
            isOpen={moveOpen}
            onOpenChange={(open) => {
              setMoveOpen(open);
              if (!open) move.reset();
            }}
            title={
              bookingFor
                ? t('sessions.confirm.moveTitleFor', { name: bookingFor.name })
                : t('sessions.confirm.moveTitle')
            }
            cancelLabel={t('sessions.dialog.back')}
            confirmLabel={t('sessions.confirm.moveConfirm')}
            isPending={move.isPending}
            error={move.isError ? errorMessage(move.error) : undefined}
            onConfirm={() =>
              move.mutate(
                { bookingId: action.seat.bookingId, sessionId: session.id },
                {
                  onSuccess: () => {
                    setMoveOpen(false);
                    announce(
                      bookingFor
                        ? t('sessions.done.movedFor', { name: bookingFor.name })
                        : t('sessions.done.moved'),
                    );
                  },
                },
              )
            }
          >
            <p>
              {bookingFor
                ? t('sessions.confirm.moveBodyFor', {
                    name: bookingFor.name,
                    from: tokyoDayTime(action.seat.startsAt, lang),
                    to: summary,
                  })
                : t('sessions.confirm.moveBody', {
                    from: tokyoDayTime(action.seat.startsAt, lang),
                    to: summary,
                  })}
            </p>
          </ConfirmDialog>
        </>
      );
      break;
    case 'book':
    case 'join_waitlist':
      controls = (
        <Button
          variant="primary"
          isPending={book.isPending}
          onPress={() =>
            book.mutate(
              { sessionId: session.id, staffId: bookingFor?.staffId },
              { onSuccess: onBooked },
            )
          }
        >
          {bookingFor
            ? action.kind === 'book'
              ? t('sessions.actions.bookFor', { name: bookingFor.name })
              : t('sessions.actions.joinWaitlistFor', { name: bookingFor.name })
            : action.kind === 'book'
              ? t('sessions.actions.book')
              : t('sessions.actions.joinWaitlist')}
        </Button>
      );
      break;
  }
  return (
    <div className="session-card__actions">
      {controls}
      {outcome}
    </div>
  );
}
