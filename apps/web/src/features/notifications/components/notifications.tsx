import type { MouseEvent } from 'react';
import { NativeButton } from '../../../components/native-button.tsx';
import { Link } from '../../../components/link.tsx';
import { QueryState } from '../../../components/query-state.tsx';
import { formatDateTime } from '../../../lib/dates.ts';
import { useLanguage, useTranslation } from '../../../lib/i18n.ts';
import {
  useMarkNotificationRead,
  useNotifications,
  type AppNotification,
} from '../api/notifications.ts';
import './notifications.css';

/** The pages a notice can send its reader to (the catalogue's link paths). */
const NOTICE_PAGES = ['/my-training', '/e-learning', '/sessions', '/team'] as const;
type NoticePage = (typeof NOTICE_PAGES)[number];

function noticePage(link: string | null): NoticePage | undefined {
  return NOTICE_PAGES.find((page) => page === link);
}

/** A notice's words in the UI language: the same as its e-mail. */
export function useNotificationText(): (n: AppNotification) => { subject: string; body: string } {
  const lang = useLanguage();
  return (n) => n.text[lang];
}

/** How many are unread: a count beside a bell, linking to the list. */
export function NotificationCount({ targetId }: { targetId: string }) {
  const { t } = useTranslation();
  const { data } = useNotifications();
  const unread = data?.filter((n) => n.readAt === null).length ?? 0;
  // Focus moves by script: a `#id` in the URL would be taken by the router as a navigation.
  const jump = (event: MouseEvent<HTMLAnchorElement>) => {
    event.preventDefault();
    const target = document.getElementById(targetId);
    target?.focus();
    target?.scrollIntoView();
  };
  return (
    <a href={`#${targetId}`} onClick={jump} className="notification-count">
      <span className="notification-count__bell" aria-hidden="true" />
      <span>{t('notifications.unread', { count: unread })}</span>
    </a>
  );
}

/** My notifications, newest first; unread ones marked and each markable as read. */
export function NotificationList() {
  const { t } = useTranslation();
  const lang = useLanguage();
  const notifications = useNotifications();
  const markRead = useMarkNotificationRead();
  const text = useNotificationText();
  return (
    <QueryState
      query={notifications}
      empty={{ when: (items) => items.length === 0, message: t('notifications.empty') }}
    >
      {(items) => (
        <ul className="notifications">
          {items.map((n) => {
            const unread = n.readAt === null;
            const page = noticePage(n.link);
            return (
              <li
                key={n.id}
                className={unread ? 'notification notification--unread' : 'notification'}
              >
                <div className="notification__body">
                  {unread ? (
                    <span className="status-badge status-badge--unread">
                      {t('notifications.new')}
                    </span>
                  ) : null}
                  <p className="notification__subject">{text(n).subject}</p>
                  <details className="notification__details">
                    <summary>{t('notifications.details')}</summary>
                    <p className="notification__text">{text(n).body}</p>
                  </details>
                  <p className="muted">
                    <time dateTime={n.createdAt}>
                      {formatDateTime(new Date(n.createdAt), lang)}
                    </time>
                  </p>
                </div>
                <div className="notification__actions">
                  {page ? (
                    <Link to={page} className="button">
                      {t('notifications.open')}
                    </Link>
                  ) : null}
                  {unread ? (
                    <NativeButton
                      onPress={() => markRead.mutate(n.id)}
                      isPending={markRead.isPending && markRead.variables === n.id}
                      aria-label={t('notifications.markReadNamed', { text: text(n).subject })}
                    >
                      {t('notifications.markRead')}
                    </NativeButton>
                  ) : null}
                </div>
              </li>
            );
          })}
        </ul>
      )}
    </QueryState>
  );
}
