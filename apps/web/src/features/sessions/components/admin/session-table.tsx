import type { TrainingSession } from '@kenshu/contracts';
import { Link } from '../../../../components/link.tsx';
import { SessionPhaseBadge } from '../../../../components/session-phase-badge.tsx';
import { Cell, Column, Row, Table, TableBody, TableHeader } from '../../../../components/table.tsx';
import { sessionTimeLabel } from '../../../../lib/dates.ts';
import { useLanguage, useTranslation } from '../../../../lib/i18n.ts';
import { courseTitle } from '../session-card.tsx';
import '../sessions.css';

/**
 * The admin's list of sessions: when, course, venue, seats, waiting, and where each is in its
 * life; each opens, and one that has begun links to its attendance.
 */
export function SessionTable({
  label,
  sessions,
}: {
  label: string;
  sessions: readonly TrainingSession[];
}) {
  const { t } = useTranslation();
  const lang = useLanguage();
  return (
    <Table aria-label={label}>
      <TableHeader>
        <Column isRowHeader>{t('sessions.admin.columns.when')}</Column>
        <Column>{t('sessions.admin.columns.course')}</Column>
        <Column>{t('sessions.admin.columns.venue')}</Column>
        <Column>{t('sessions.admin.columns.seats')}</Column>
        <Column>{t('sessions.admin.columns.waiting')}</Column>
        <Column>{t('sessions.admin.columns.status')}</Column>
      </TableHeader>
      <TableBody items={sessions} dependencies={[lang, t]}>
        {(s) => (
          <Row id={s.id}>
            <Cell>
              <AdminSessionLink session={s} />
            </Cell>
            <Cell>
              <span className="course-code">{s.course.code}</span> {courseTitle(s.course, lang)}
            </Cell>
            <Cell>
              {s.venue ?? ''}
              {s.onlineUrl ? ` ${t('sessions.card.online')}` : ''}
            </Cell>
            <Cell>
              {t('sessions.admin.seatsValue', { taken: s.seatsTaken, capacity: s.capacity })}
            </Cell>
            <Cell>{s.waitingCount}</Cell>
            <Cell>
              <span className="session-phase">
                <SessionPhaseBadge phase={s.phase} />
                {hasBegun(s) ? <AttendanceLink session={s} /> : null}
              </span>
            </Cell>
          </Row>
        )}
      </TableBody>
    </Table>
  );
}

/** Whether a session has begun (and so has attendance to look at). */
export function hasBegun(session: TrainingSession): boolean {
  return (
    session.phase === 'in_progress' ||
    session.phase === 'awaiting_roster' ||
    session.phase === 'finalised'
  );
}

/**
 * "Attendance": the session's attendance sheet with marks (the trainer's page, which admins may
 * open).
 */
export function AttendanceLink({ session }: { session: TrainingSession }) {
  const { t } = useTranslation();
  return (
    <Link
      to="/teaching/$sessionId"
      params={{ sessionId: String(session.id) }}
      className="text-link"
    >
      {t('sessions.attendanceLink')}
    </Link>
  );
}

/** A session's day and hours, linking to its admin page. */
export function AdminSessionLink({ session }: { session: TrainingSession }) {
  const lang = useLanguage();
  return (
    <Link
      to="/admin/sessions/$sessionId"
      params={{ sessionId: String(session.id) }}
      className="text-link"
    >
      {sessionTimeLabel(session.startsAt, session.endsAt, lang)}
    </Link>
  );
}
