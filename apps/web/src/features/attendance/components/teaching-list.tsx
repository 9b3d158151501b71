import type { TrainingSession } from '@kenshu/contracts';
import { useId } from 'react';
import { SessionPhaseBadge } from '../../../components/session-phase-badge.tsx';
import { QueryState } from '../../../components/query-state.tsx';
import { isTokyoToday, sessionTimeLabel } from '../../../lib/dates.ts';
import { useLanguage, useTranslation } from '../../../lib/i18n.ts';
import { useTeachingSessions, type TeachingScope } from '../api/teaching-sessions.ts';
import { SessionPageLink } from './session-page-link.tsx';
import './attendance.css';

/** Sessions split into today's, those still to come and those finished (latest first). */
export function groupSessions(sessions: readonly TrainingSession[], now: Date = new Date()) {
  const today: TrainingSession[] = [];
  const upcoming: TrainingSession[] = [];
  const past: TrainingSession[] = [];
  for (const s of sessions) {
    if (isTokyoToday(s.startsAt, now)) today.push(s);
    else if (new Date(s.startsAt).getTime() > now.getTime()) upcoming.push(s);
    else past.push(s);
  }
  past.reverse();
  return { today, upcoming, past };
}

/**
 * The sessions a trainer teaches (or every session, for admins), each opening its attendance sheet.
 */
export function TeachingList({ scope }: { scope: TeachingScope }) {
  const { t } = useTranslation();
  const sessions = useTeachingSessions(scope);
  return (
    <QueryState
      query={sessions}
      empty={{ when: (items) => items.length === 0, message: t('attendance.teaching.empty') }}
    >
      {(items) => {
        const groups = groupSessions(items);
        return (
          <div className="teaching-groups">
            <SessionGroup title={t('attendance.teaching.today')} sessions={groups.today} />
            <SessionGroup title={t('attendance.teaching.upcoming')} sessions={groups.upcoming} />
            <SessionGroup title={t('attendance.teaching.past')} sessions={groups.past} />
          </div>
        );
      }}
    </QueryState>
  );
}

function SessionGroup({ title, sessions }: { title: string; sessions: TrainingSession[] }) {
  const { t } = useTranslation();
  const headingId = useId();
  return (
    <section className="teaching-group" aria-labelledby={headingId}>
      <h2 id={headingId} className="teaching-group__title">
        {title}
      </h2>
      {sessions.length === 0 ? (
        <p className="muted">{t('attendance.teaching.emptyGroup')}</p>
      ) : (
        <ul className="teaching-list">
          {sessions.map((s) => (
            <li key={s.id}>
              <TeachingSessionLink session={s} />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

export function TeachingSessionLink({ session }: { session: TrainingSession }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const title = lang === 'en' ? session.course.titleEn : session.course.titleJa;
  const venue = session.venue ?? (session.onlineUrl ? t('attendance.teaching.online') : null);
  return (
    <SessionPageLink sessionId={session.id} page="sheet" className="teaching-item">
      <span className="teaching-item__title">{title}</span>
      <span className="teaching-item__when">
        {sessionTimeLabel(session.startsAt, session.endsAt, lang)}
      </span>
      <span className="teaching-item__meta">
        <span>{venue ?? t('attendance.teaching.noVenue')}</span>
        <span>{t('attendance.teaching.booked', { count: session.seatsTaken })}</span>
        <SessionPhaseBadge phase={session.phase} />
      </span>
    </SessionPageLink>
  );
}
