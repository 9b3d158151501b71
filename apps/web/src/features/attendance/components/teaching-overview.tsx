import { useTranslation } from '../../../lib/i18n.ts';
import { Link } from '../../../components/link.tsx';
import { QueryState } from '../../../components/query-state.tsx';
import { useTeachingSessions } from '../api/teaching-sessions.ts';
import { groupSessions, TeachingSessionLink } from './teaching-list.tsx';
import './attendance.css';

/** How many of the sessions still to come the home page lists. */
const NEXT_COUNT = 3;

/**
 * A trainer's day at a glance, for the home page: today's sessions, each opening its attendance
 * sheet, then the next few, and the way to all of them.
 */
export function TeachingOverview() {
  const { t } = useTranslation();
  const sessions = useTeachingSessions('teaching');
  return (
    <QueryState query={sessions}>
      {(items) => {
        const { today, upcoming } = groupSessions(items.filter((s) => s.status !== 'cancelled'));
        const next = upcoming.slice(0, NEXT_COUNT);
        return (
          <div className="teaching-overview">
            <h3 className="teaching-group__title">{t('attendance.overview.today')}</h3>
            {today.length === 0 ? (
              <p className="muted">{t('attendance.overview.noneToday')}</p>
            ) : (
              <ul className="teaching-list" aria-label={t('attendance.overview.today')}>
                {today.map((s) => (
                  <li key={s.id}>
                    <TeachingSessionLink session={s} />
                  </li>
                ))}
              </ul>
            )}
            <h3 className="teaching-group__title">{t('attendance.overview.next')}</h3>
            {next.length === 0 ? (
              <p className="muted">{t('attendance.overview.noneNext')}</p>
            ) : (
              <ul className="teaching-list" aria-label={t('attendance.overview.next')}>
                {next.map((s) => (
                  <li key={s.id}>
                    <TeachingSessionLink session={s} />
                  </li>
                ))}
              </ul>
            )}
            <div className="card__footer">
              <Link to="/teaching" className="text-link">
                {t('attendance.overview.all')}
              </Link>
            </div>
          </div>
        );
      }}
    </QueryState>
  );
}
