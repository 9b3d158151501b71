import { MAIL_STATUSES } from '@kenshu/domain';
import { Button } from '../../../components/button.tsx';
import { Card } from '../../../components/card.tsx';
import { Pagination } from '../../../components/pagination.tsx';
import { QueryState } from '../../../components/query-state.tsx';
import { SearchField } from '../../../components/search-field.tsx';
import { Select } from '../../../components/select.tsx';
import { formatDateTime } from '../../../lib/dates.ts';
import { useLanguage, useTranslation } from '../../../lib/i18n.ts';
import type { PageSize } from '../../../lib/paging.ts';
import { useSearchText } from '../../../lib/use-search-text.ts';
import { useErrorMessage } from '../../sessions/index.ts';
import { useOutbox, useRetryOutbox, type MailStatus, type OutboxPage } from '../api/mail.ts';
import { MessageHeading } from './message-history.tsx';
import './mail.css';

const ALL = 'all';

export interface OutboxViewProps {
  status: MailStatus | undefined;
  q: string;
  offset: number;
  limit: PageSize;
  onChange: (patch: { status?: MailStatus | undefined; q?: string }, replace?: boolean) => void;
  onOffsetChange: (offset: number) => void;
  onLimitChange: (limit: PageSize) => void;
}

/**
 * Every e-mail Kenshu decided to send, newest first: its delivery status, attempts and last error,
 * with retry for failed ones. Without a mail server they wait here, and the page says so.
 */
export function OutboxView(props: OutboxViewProps) {
  const { t } = useTranslation();
  const outbox = useOutbox({
    status: props.status,
    q: props.q || undefined,
    limit: props.limit,
    offset: props.offset,
  });
  const search = useSearchText(props.q, (q) => props.onChange({ q }, true));
  return (
    <div className="outbox">
      {outbox.data && !outbox.data.smtpConfigured ? (
        <p className="alert alert--warning" role="status">
          {t('mail.outbox.noSmtp')}
        </p>
      ) : null}
      <Card title={t('team.filters.label')}>
        <form
          className="outbox-filters"
          aria-label={t('team.filters.label')}
          onSubmit={(e) => e.preventDefault()}
        >
          <Select
            label={t('mail.outbox.filterStatus')}
            options={[
              { id: ALL, label: t('mail.outbox.allStatuses') },
              ...MAIL_STATUSES.map((s) => ({ id: s, label: t(`mail.status.${s}`) })),
            ]}
            value={props.status ?? ALL}
            onChange={(id) => props.onChange({ status: MAIL_STATUSES.find((s) => s === id) })}
          />
          <SearchField
            label={t('mail.outbox.search')}
            description={t('mail.outbox.searchDescription')}
            {...search}
          />
        </form>
      </Card>
      <Card title={t('mail.outbox.label')}>
        <QueryState
          query={outbox}
          empty={{ when: (page) => page.total === 0, message: t('mail.history.empty') }}
        >
          {(page) => (
            <div aria-busy={outbox.isPlaceholderData}>
              <OutboxCounts counts={page.counts} />
              <OutboxList items={page.items} />
              <Pagination
                offset={props.offset}
                limit={props.limit}
                total={page.total}
                onOffsetChange={props.onOffsetChange}
                onLimitChange={props.onLimitChange}
              />
            </div>
          )}
        </QueryState>
      </Card>
    </div>
  );
}

function OutboxCounts({ counts }: { counts: OutboxPage['counts'] }) {
  const { t } = useTranslation();
  return (
    <ul className="outbox-counts">
      {MAIL_STATUSES.filter((s) => counts[s]).map((s) => (
        <li key={s} className="badge">
          {t('mail.outbox.counts', { label: t(`mail.status.${s}`), count: counts[s] ?? 0 })}
        </li>
      ))}
    </ul>
  );
}

function OutboxList({ items }: { items: OutboxPage['items'] }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const retry = useRetryOutbox();
  const errorMessage = useErrorMessage();
  return (
    <>
      <div aria-live="polite">
        {retry.data ? (
          <p className="alert alert--success">
            {t('mail.outbox.retried', { count: retry.data.requeued })}
          </p>
        ) : null}
        {retry.isError ? <p className="field__error">{errorMessage(retry.error)}</p> : null}
      </div>
      <ul className="outbox-list">
        {items.map((m) => (
          <li key={m.id} className="outbox-list__item">
            <MessageHeading message={m} />
            <p className="mail-history__subject">
              <strong>{m.subject}</strong>
            </p>
            <p>
              {t('mail.outbox.recipient')}: {m.recipient.name} ({m.recipient.staffNumber}){' '}
              {m.toAddress ? `<${m.toAddress}>` : ''}
            </p>
            <p className="muted">
              {t('mail.outbox.attempts', { count: m.attempts })}
              {m.sentAt
                ? ` · ${t('mail.history.sentAt', { when: formatDateTime(new Date(m.sentAt), lang) })}`
                : ''}
            </p>
            {m.lastError ? (
              <p className="field__error">{t('mail.history.error', { error: m.lastError })}</p>
            ) : null}
            <details>
              <summary>{m.kind}</summary>
              {m.body === null ? <p>{t('mail.outbox.hidden')}</p> : <pre>{m.body}</pre>}
            </details>
            {m.status === 'failed' ? (
              <Button isPending={retry.isPending} onPress={() => retry.mutate([m.id])}>
                {t('mail.outbox.retry')}
              </Button>
            ) : null}
          </li>
        ))}
      </ul>
    </>
  );
}
