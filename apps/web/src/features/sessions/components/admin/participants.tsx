import { QueryState } from '../../../../components/query-state.tsx';
import { formatDateTime } from '../../../../lib/dates.ts';
import { useLanguage, useTranslation } from '../../../../lib/i18n.ts';
import { sessionsJa } from '../../../../locales/sessions.ja.ts';
import { useParticipants } from '../../api/get-participants.ts';
import '../sessions.css';

type KnownAction = keyof typeof sessionsJa.participants.actions;

function isKnownAction(action: string): action is KnownAction {
  return Object.hasOwn(sessionsJa.participants.actions, action);
}

/**
 * Everyone on the session, cancelled entries too, each with the history of their booking
 * (booked, waitlisted, promoted, moved, cancelled…) and who did it.
 */
export function Participants({ sessionId }: { sessionId: number }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const participants = useParticipants(sessionId);
  return (
    <QueryState
      query={participants}
      empty={{ when: (items) => items.length === 0, message: t('sessions.participants.empty') }}
    >
      {(items) => (
        <>
          <p className="muted">
            {t('sessions.participants.summary', {
              confirmed: items.filter((e) => e.status === 'confirmed').length,
              waiting: items.filter((e) => e.status === 'waitlisted').length,
              cancelled: items.filter((e) => e.status === 'cancelled').length,
            })}
          </p>
          <ol className="participants">
            {items.map((entry) => (
              <li key={entry.bookingId} className="participants__entry">
                <div className="participants__person">
                  <span className="staff-number">{entry.staffNumber}</span>
                  <span className="participants__name" lang="ja">
                    {entry.name}
                  </span>
                  <span className="muted" lang="ja">
                    {entry.nameKana}
                  </span>
                  <span className="muted">{lang === 'en' ? entry.unitEn : entry.unitJa}</span>
                  <span className={`status-badge status-badge--${entry.status}`}>
                    {t(`sessions.participants.status.${entry.status}`)}
                  </span>
                </div>
                <ol
                  className="participants__history"
                  aria-label={t('sessions.participants.history', { name: entry.name })}
                >
                  {entry.history.map((event, i) => (
                    <li key={i}>
                      <time dateTime={event.at}>{formatDateTime(new Date(event.at), lang)}</time>{' '}
                      {isKnownAction(event.action)
                        ? t(`sessions.participants.actions.${event.action}`)
                        : event.action}{' '}
                      <span className="muted">
                        {event.actorStaffId === null
                          ? t('sessions.participants.bySystem')
                          : event.actorStaffId === entry.staffId
                            ? t('sessions.participants.bySelf')
                            : t('sessions.participants.byOther', { id: event.actorStaffId })}
                      </span>
                    </li>
                  ))}
                </ol>
                {entry.cancelReason ? (
                  <p className="muted">
                    {t('sessions.participants.reason', {
                      // Moves and dropped waits record their kind as the reason.
                      reason: isKnownAction(entry.cancelReason)
                        ? t(`sessions.participants.actions.${entry.cancelReason}`)
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
