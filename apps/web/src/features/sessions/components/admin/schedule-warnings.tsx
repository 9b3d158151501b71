import { Link } from '../../../../components/link.tsx';
import { formatDate, sessionTimeLabel } from '../../../../lib/dates.ts';
import { useLanguage, useTranslation } from '../../../../lib/i18n.ts';
import { useScheduleWarnings, type ScheduleWarning } from '../../api/schedule.ts';
import { tokyoInstant } from './form-parts.tsx';
import '../sessions.css';

function WarningText({ warning }: { warning: ScheduleWarning }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  switch (warning.kind) {
    case 'weekend':
      return <>{t('scheduling.weekend', { date: formatDate(warning.date, lang) })}</>;
    case 'holiday':
      return (
        <>
          {t('scheduling.holiday', {
            date: formatDate(warning.date, lang),
            name: lang === 'en' ? warning.nameEn : warning.nameJa,
          })}
        </>
      );
    case 'year_end_closure':
      return <>{t('scheduling.yearEndClosure', { date: formatDate(warning.date, lang) })}</>;
    case 'venue_overlap':
      return (
        <>
          {t('scheduling.venueOverlap', {
            venue: warning.venue,
            course: `${warning.courseCode} ${lang === 'en' ? warning.courseTitleEn : warning.courseTitleJa}`,
            time: sessionTimeLabel(warning.startsAt, warning.endsAt, lang),
          })}{' '}
          <Link
            to="/admin/sessions/$sessionId"
            params={{ sessionId: String(warning.sessionId) }}
            className="text-link"
          >
            {t('scheduling.openOther')}
          </Link>
        </>
      );
  }
}

/** A session's time as typed ('YYYY-MM-DD', 'HH:MM' in Tokyo), or nothing while incomplete. */
export function typedSlot(date: string, start: string, end: string) {
  const complete =
    /^\d{4}-\d{2}-\d{2}$/.test(date) &&
    /^\d{2}:\d{2}$/.test(start) &&
    /^\d{2}:\d{2}$/.test(end) &&
    end > start;
  return complete
    ? { startsAt: tokyoInstant(date, start), endsAt: tokyoInstant(date, end) }
    : undefined;
}

/**
 * What the admin should know about the time and place typed so far — weekend, national holiday,
 * year-end closure, another session in the same venue — without stopping them from saving. A
 * series passes each of its sessions as a slot; each fact is said once.
 */
export function ScheduleWarnings({
  slots,
  venue,
  sessionId,
}: {
  slots: readonly ({ startsAt: string; endsAt: string } | undefined)[];
  venue: string;
  sessionId?: number;
}) {
  const { t } = useTranslation();
  const items = useScheduleWarnings(
    slots
      .filter((slot) => slot !== undefined)
      .map((slot) => ({
        ...slot,
        venue: venue.trim() || null,
        ...(sessionId === undefined ? {} : { sessionId }),
      })),
  );
  // Always in the page, so screen readers announce warnings as they appear.
  return (
    <div role="status" className="schedule-warnings">
      {items.length > 0 ? (
        <div className="alert alert--warning">
          <p className="schedule-warnings__title">{t('scheduling.warningsTitle')}</p>
          <ul>
            {items.map((w, i) => (
              <li key={i}>
                <WarningText warning={w} />
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </div>
  );
}
