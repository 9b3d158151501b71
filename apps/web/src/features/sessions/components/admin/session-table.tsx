import type { TrainingSession } from '@kenshu/contracts';
import { useTranslation } from 'react-i18next';
import { Link } from '../../../../components/link.tsx';
import { Cell, Column, Row, Table, TableBody, TableHeader } from '../../../../components/table.tsx';
import { sessionTimeLabel } from '../../../../lib/dates.ts';
import { useLanguage } from '../../../../lib/i18n.ts';
import { courseTitle } from '../session-card.tsx';
import '../sessions.css';

/** The admin's list of sessions: when, course, venue, seats, waiting, status; each opens. */
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
              {s.status === 'cancelled' ? (
                <span className="status-badge status-badge--cancelled">
                  {t('sessions.admin.status.cancelled')}
                </span>
              ) : (
                <span className="status-badge">{t('sessions.admin.status.scheduled')}</span>
              )}
            </Cell>
          </Row>
        )}
      </TableBody>
    </Table>
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
