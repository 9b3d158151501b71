import { useTranslation } from 'react-i18next';
import { QueryState } from '../../../../components/query-state.tsx';
import { formatDateTime } from '../../../../lib/dates.ts';
import { useLanguage } from '../../../../lib/i18n.ts';
import { sessionsJa } from '../../../../locales/sessions.ja.ts';
import { useRoster } from '../../api/get-roster.ts';
import '../sessions.css';

type KnownAction = keyof typeof sessionsJa.roster.actions;

function isKnownAction(action: string): action is KnownAction {
  return Object.hasOwn(sessionsJa.roster.actions, action);
}

/**
 * Everyone on the session, cancelled entries too, each with the history of their booking
 * (booked, waitlisted, promoted, moved, cancelled…) and who did it.
 */
export function Roster({ sessionId }: { sessionId: number }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const roster = useRoster(sessionId);
  return (
    <QueryState
      query={roster}
      empty={{ when: (items) => items.length === 0, message: t('sessions.roster.empty') }}
    >
      {(items) => (
        <>
          <p className="muted">
            {t('sessions.roster.summary', {
              confirmed: items.filter((e) => e.status === 'confirmed').length,
              waiting: items.filter((e) => e.status === 'waitlisted').length,
              cancelled: items.filter((e) => e.status === 'cancelled').length,
            })}
          </p>
          <ol className="roster">
            {items.map((entry) => (
              <li key={entry.bookingId} className="roster__entry">
                <div className="roster__person">
                  <span className="staff-number">{entry.staffNumber}</span>
                  <span className="roster__name" lang="ja">
                    {entry.name}
                  </span>
                  <span className="muted" lang="ja">
                    {entry.nameKana}
                  </span>
                  <span className="muted">{lang === 'en' ? entry.unitEn : entry.unitJa}</span>
                  <span className={`status-badge status-badge--${entry.status}`}>
                    {t(`sessions.roster.status.${entry.status}`)}
                  </span>
                </div>
                <ol
                  className="roster__history"
                  aria-label={t('sessions.roster.history', { name: entry.name })}
                >
                  {entry.history.map((event, i) => (
                    <li key={i}>
                      <time dateTime={event.at}>{formatDateTime(new Date(event.at), lang)}</time>{' '}
                      {isKnownAction(event.action)
                        ? t(`sessions.roster.actions.${event.action}`)
                        : event.action}{' '}
                      <span className="muted">
                        {event.actorStaffId === null
                          ? t('sessions.roster.bySystem')
                          : event.actorStaffId === entry.staffId
                            ? t('sessions.roster.bySelf')
                            : t('sessions.roster.byOther', { id: event.actorStaffId })}
                      </span>
                    </li>
                  ))}
                </ol>
                {entry.cancelReason ? (
                  <p className="muted">
                    {t('sessions.roster.reason', {
                      // Moves and dropped waits record their kind as the reason.
                      reason: isKnownAction(entry.cancelReason)
                        ? t(`sessions.roster.actions.${entry.cancelReason}`)
                        : entry.cancelReason,
                    })}
                  </p>
                ) : null}
              </li>
            ))}
          </ol>
        </>
      )}
    </QueryState>
  );
}
