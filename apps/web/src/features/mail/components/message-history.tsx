import { QueryState } from '../../../components/query-state.tsx';
import { formatDateTime } from '../../../lib/dates.ts';
import { useLanguage, useTranslation } from '../../../lib/i18n.ts';
import { useMessageHistory, type SentMessage } from '../api/mail.ts';
import './mail.css';

/** The badge colour of each delivery status (the words carry the meaning). */
const STATUS_LOOK: Record<SentMessage['status'], string> = {
  sent: 'completed',
  queued: 'e_learning_assigned',
  sending: 'e_learning_assigned',
  failed: 'not_started',
  no_address: 'waiting',
  opted_out: 'cancelled',
};

/** A delivery status as a badge: failed ones stand out. */
export function MailStatusBadge({ status }: { status: SentMessage['status'] }) {
  const { t } = useTranslation();
  return (
    <span className={`status-badge status-badge--${STATUS_LOOK[status]}`}>
      {t(`mail.status.${status}`)}
    </span>
  );
}

/** A message's first line, in the history and the outbox alike: when it was written, and its status. */
export function MessageHeading({
  message,
}: {
  message: Pick<SentMessage, 'createdAt' | 'status'>;
}) {
  const lang = useLanguage();
  return (
    <div className="mail-history__top">
      <time dateTime={message.createdAt} className="muted">
        {formatDateTime(new Date(message.createdAt), lang)}
      </time>
      <MailStatusBadge status={message.status} />
    </div>
  );
}

/**
 * What was sent to a person, newest first: when, the subject (which says why), and whether it
 * was delivered, with the error when it was not. Mine when `staffId` is undefined.
 */
export function MessageHistory({ staffId }: { staffId?: number | undefined }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const history = useMessageHistory(staffId);
  return (
    <QueryState
      query={history}
      empty={{ when: (data) => data.items.length === 0, message: t('mail.history.empty') }}
    >
      {(data) => (
        <ul className="mail-history" aria-label={t('mail.history.label')}>
          {data.items.map((m) => (
            <li key={m.id} className="mail-history__item">
              <MessageHeading message={m} />
              <p className="mail-history__subject">{m.subject}</p>
              {m.sentAt ? (
                <p className="muted">
                  {t('mail.history.sentAt', { when: formatDateTime(new Date(m.sentAt), lang) })}
                </p>
              ) : null}
              {m.lastError ? (
                <p className="field__error">{t('mail.history.error', { error: m.lastError })}</p>
              ) : null}
            </li>
          ))}
        </ul>
      )}
    </QueryState>
  );
}
