import { useTranslation } from 'react-i18next';
import { Link } from '../../../../components/link.tsx';
import { formatDate, sessionTimeLabel } from '../../../../lib/dates.ts';
import { useLanguage } from '../../../../lib/i18n.ts';
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

/**
 * What the admin should know about the time and place typed so far — weekend, national holiday,
 * year-end closure, another session in the same venue — without stopping them from saving.
 */
export function ScheduleWarnings({
  date,
  start,
  end,
  venue,
  sessionId,
}: {
  date: string;
  start: string;
  end: string;
  venue: string;
  sessionId?: number;
}) {
  const { t } = useTranslation();
  const complete =
    /^\d{4}-\d{2}-\d{2}$/.test(date) &&
    /^\d{2}:\d{2}$/.test(start) &&
    /^\d{2}:\d{2}$/.test(end) &&
    end > start;
  const warnings = useScheduleWarnings(
    complete
      ? {
          startsAt: tokyoInstant(date, start),
          endsAt: tokyoInstant(date, end),
          venue: venue.trim() || null,
          ...(sessionId === undefined ? {} : { sessionId }),
        }
      : undefined,
  );
  const items = complete ? (warnings.data ?? []) : [];
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
