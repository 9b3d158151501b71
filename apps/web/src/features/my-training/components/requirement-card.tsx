import type { ReactNode } from 'react';
import { useId } from 'react';
import { Link } from '../../../components/link.tsx';
import { formatDate, sessionTimeLabel } from '../../../lib/dates.ts';
import { useLanguage, type Language, useTranslation } from '../../../lib/i18n.ts';
import { tokyoDateOf } from '@kenshu/domain';
import type { MyBooking, RequirementItem } from '../api/get-my-training.ts';
import { nextStep, type MissedSession } from '../utils/next-step.ts';
import { StatusBadge } from './status-badge.tsx';

/**
 * The booking actions this feature shows but does not own (the sessions feature does): the page
 * that puts My training together supplies them.
 */
export interface BookingActionSlots {
  /** "Cancel" for a seat, "Leave waitlist" for a waitlist place, asking first. */
  cancel: (
    booking: MyBooking,
    options: { variant: 'primary' | 'secondary'; summary: string },
  ) => ReactNode;
  /** "Add to calendar" (.ics). */
  addToCalendar: (booking: MyBooking, options: { variant: 'primary' | 'secondary' }) => ReactNode;
}

export function courseTitle(course: RequirementItem['course'], lang: Language): string {
  return lang === 'en' ? course.titleEn : course.titleJa;
}

/** Where a session is: the venue, "online", or both. */
function Where({ booking }: { booking: MyBooking }) {
  const { t } = useTranslation();
  return (
    <>
      {booking.venue}
      {booking.venue && booking.onlineUrl ? ' / ' : null}
      {booking.onlineUrl ? (
        <a href={booking.onlineUrl} className="text-link" target="_blank" rel="noreferrer">
          {t('myTraining.online')}
        </a>
      ) : null}
    </>
  );
}

/** One required course: its status and the one next step, as a primary button. */
export function RequirementCard({
  item,
  slots,
  headingLevel = 3,
}: {
  item: RequirementItem;
  slots: BookingActionSlots;
  headingLevel?: 2 | 3;
}) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const headingId = useId();
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  const title = courseTitle(item.course, lang);
  const step = nextStep(item);
  const findSession = (variant: 'primary' | 'secondary', label: string) => (
    <Link
      to="/sessions"
      search={{ course: item.course.id }}
      className={`button button--${variant}`}
    >
      {label}
    </Link>
  );

  const eLearningLink = (moduleId: number, variant: 'primary' | 'secondary', label: string) => (
    <a href={`/e-learning/modules/${moduleId}`} className={`button button--${variant}`}>
      {label}
    </a>
  );
  const missedLine = (missed: MissedSession | null) =>
    missed ? (
      <p>
        {t(`myTraining.step.missed.${missed.mark}`, {
          date: formatDate(tokyoDateOf(new Date(missed.startsAt)), lang),
        })}
      </p>
    ) : null;

  let body: ReactNode;
  switch (step.kind) {
    case 'find_session':
      body = (
        <>
          {missedLine(step.missed)}
          <p>
            {step.missed
              ? t('myTraining.step.bookAnother')
              : item.course.completionModes === 'either'
                ? t('myTraining.step.notStartedEither')
                : t('myTraining.step.notStarted')}
          </p>
          <div className="requirement__actions">
            {findSession('primary', t('myTraining.actions.findSession'))}
            {item.eLearningModuleId !== null
              ? eLearningLink(
                  item.eLearningModuleId,
                  'secondary',
                  t('myTraining.actions.takeELearning'),
                )
              : null}
          </div>
        </>
      );
      break;
    case 'attend': {
      const when = sessionTimeLabel(step.booking.startsAt, step.booking.endsAt, lang);
      body = (
        <>
          <dl className="requirement__facts">
            <div>
              <dt>{t('myTraining.when')}</dt>
              <dd>{when}</dd>
            </div>
            <div>
              <dt>{t('myTraining.where')}</dt>
              <dd>
                <Where booking={step.booking} />
              </dd>
            </div>
          </dl>
          <div className="requirement__actions">
            {slots.addToCalendar(step.booking, { variant: 'primary' })}
            {step.canChange ? (
              <>
                {findSession('secondary', t('myTraining.actions.move'))}
                {slots.cancel(step.booking, { variant: 'secondary', summary: `${title} ${when}` })}
              </>
            ) : null}
          </div>
          {!step.canChange ? <p className="muted">{t('myTraining.step.cutoffPassed')}</p> : null}
        </>
      );
      break;
    }
    case 'await_attendance_sheet':
      body = (
        <p>
          {t('myTraining.step.awaitAttendanceSheet', {
            when: sessionTimeLabel(step.startsAt, step.endsAt, lang),
          })}
        </p>
      );
      break;
    case 'wait':
      body = (
        <>
          <ul className="requirement__waits">
            {step.waits.map((wait, i) => {
              const when = sessionTimeLabel(wait.startsAt, wait.endsAt, lang);
              return (
                <li key={wait.id} id={`booking-${wait.id}`}>
                  <p>
                    {wait.waitlistPosition === null
                      ? t('myTraining.step.waiting', { when })
                      : t('myTraining.step.waitingAt', { when, position: wait.waitlistPosition })}
                  </p>
                  {wait.canCancel ? (
                    <div className="requirement__actions">
                      {slots.cancel(wait, {
                        variant: i === 0 ? 'primary' : 'secondary',
                        summary: `${title} ${when}`,
                      })}
                    </div>
                  ) : null}
                </li>
              );
            })}
          </ul>
          <p className="muted">{t('myTraining.step.waitingHint')}</p>
          <div className="requirement__actions">
            {findSession('secondary', t('myTraining.actions.findAnother'))}
          </div>
        </>
      );
      break;
    case 'e_learning':
      body = (
        <>
          {missedLine(step.missed)}
          <p className={step.overdue ? 'requirement__overdue' : undefined}>
            {step.dueOn === null
              ? t('myTraining.step.eLearningStarted')
              : step.overdue
                ? t('myTraining.step.eLearningOverdue', { due: formatDate(step.dueOn, lang) })
                : t('myTraining.step.eLearning', { due: formatDate(step.dueOn, lang) })}
          </p>
          <div className="requirement__actions">
            {eLearningLink(
              step.moduleId,
              'primary',
              step.started
                ? t('myTraining.actions.continueELearning')
                : t('myTraining.actions.startELearning'),
            )}
            {step.sessionsOffered
              ? findSession('secondary', t('myTraining.actions.findSessionInstead'))
              : null}
          </div>
        </>
      );
      break;
    case 'await_e_learning':
      body = <p className="muted">{t('myTraining.step.awaitELearning')}</p>;
      break;
    case 'completed':
      body = (
        <p>
          {step.how === 'e_learning' && step.score !== null
            ? t('myTraining.step.completed.e_learningScore', {
                date: formatDate(step.on, lang),
                score: step.score,
              })
            : t(`myTraining.step.completed.${step.how}`, { date: formatDate(step.on, lang) })}
        </p>
      );
      break;
    case 'none':
      body = <p className="muted">{t('myTraining.step.notRequired')}</p>;
      break;
  }

  return (
    <article
      className={`requirement requirement--${item.status}`}
      aria-labelledby={headingId}
      // The booking's calendar event links here (…/my-training#booking-12).
      id={item.booking ? `booking-${item.booking.id}` : undefined}
    >
      <div className="requirement__head">
        <Heading id={headingId} className="requirement__title">
          {title}
        </Heading>
        <StatusBadge item={item} />
      </div>
      {body}
    </article>
  );
}
