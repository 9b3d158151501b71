import { fiscalYearLabel, tokyoDateOf } from '@kenshu/domain';
import { Heading } from 'react-aria-components';
import { Badge } from '../../../components/badge.tsx';
import { Button } from '../../../components/button.tsx';
import { Dialog } from '../../../components/dialog.tsx';
import { Link } from '../../../components/link.tsx';
import { QueryState } from '../../../components/query-state.tsx';
import { formatDate } from '../../../lib/dates.ts';
import { localName, useLanguage, useTranslation } from '../../../lib/i18n.ts';
import { MessageHistory } from '../../mail/index.ts';
import { useStaffTraining, type StaffRequirement } from '../../staff/index.ts';
import type { OverseenPerson } from '../api/team-status.ts';
import { TeamStatusBadge } from './team-status-badge.tsx';

export interface PersonRecordDialogProps {
  /** Whose record; the dialog is closed when null. */
  person: OverseenPerson | null;
  /** The fiscal year of the record; the current one when undefined. */
  fiscalYear: number | undefined;
  onClose: () => void;
  /** Whether to offer booking a session on the person's behalf (the session finder does it). */
  canBookForThem: boolean;
}

/** Someone's training record for a fiscal year: each course, its status and the detail. */
export function PersonRecordDialog({
  person,
  fiscalYear,
  onClose,
  canBookForThem,
}: PersonRecordDialogProps) {
  return (
    <Dialog
      isOpen={person !== null}
      onOpenChange={(open) => {
        if (!open) onClose();
      }}
      className="team-record"
    >
      {person ? (
        <PersonRecord
          person={person}
          fiscalYear={fiscalYear}
          onClose={onClose}
          canBookForThem={canBookForThem}
        />
      ) : null}
    </Dialog>
  );
}

function PersonRecord({
  person,
  fiscalYear,
  onClose,
  canBookForThem,
}: {
  person: OverseenPerson;
  fiscalYear: number | undefined;
  onClose: () => void;
  canBookForThem: boolean;
}) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const record = useStaffTraining(person.staffId, fiscalYear);
  return (
    <>
      <div>
        <Heading slot="title" className="dialog__title">
          {t('team.record.title', { name: person.name })}
        </Heading>
        <p className="muted">
          {t('team.record.subtitle', {
            staffNumber: person.staffNumber,
            unit: localName(person.unit, lang),
          })}
          {record.data ? ` · ${fiscalYearLabel(record.data.fiscalYear, lang)}` : ''}
        </p>
      </div>
      <div className="dialog__body">
        <QueryState
          query={record}
          empty={{ when: (data) => data.items.length === 0, message: t('team.record.empty') }}
        >
          {(data) => (
            <ul className="team-record__items">
              {data.items.map((item) => (
                <li key={item.course.id} className="team-record__item">
                  <div className="team-record__course">
                    <span className="team-record__title">
                      {lang === 'en' ? item.course.titleEn : item.course.titleJa}
                    </span>
                    <span className="badges">
                      <Badge>
                        {item.required ? t('team.record.required') : t('team.record.notRequired')}
                      </Badge>
                      <TeamStatusBadge status={item.status} score={item.completion?.score} />
                    </span>
                  </div>
                  <RecordDetail item={item} />
                  {canBookForThem &&
                  item.required &&
                  item.status === 'not_started' &&
                  item.course.completionModes !== 'e_learning' ? (
                    <Link
                      className="text-link"
                      to="/sessions"
                      search={{ course: item.course.id }}
                      onClick={onClose}
                    >
                      {t('team.record.bookForThem')}
                    </Link>
                  ) : null}
                </li>
              ))}
            </ul>
          )}
        </QueryState>
        <h3 className="team-record__heading">{t('mail.history.heading')}</h3>
        <MessageHistory staffId={person.staffId} />
      </div>
      <div className="dialog__actions">
        <Button variant="primary" onPress={onClose}>
          {t('team.record.close')}
        </Button>
      </div>
    </>
  );
}

/** The one line that says when: completed on, booked for, waitlisted for, or e-learning due. */
function RecordDetail({ item }: { item: StaffRequirement }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const day = (instant: string) => formatDate(tokyoDateOf(new Date(instant)), lang);
  const wait = item.waits[0] ?? (item.booking?.status === 'waitlisted' ? item.booking : undefined);
  const detail = item.completion
    ? t('team.record.completedOn', { date: day(item.completion.recordedAt) })
    : item.booking?.status === 'confirmed'
      ? t('team.record.bookedFor', { when: day(item.booking.startsAt) })
      : wait
        ? t('team.record.waitingFor', { when: day(wait.startsAt) })
        : item.assignment
          ? t('team.record.dueOn', { date: formatDate(item.assignment.dueOn, lang) })
          : undefined;
  return detail ? <p className="team-record__detail">{detail}</p> : null;
}
