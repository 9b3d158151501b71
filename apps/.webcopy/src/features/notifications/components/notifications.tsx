import type { MouseEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../../components/button.tsx';
import { QueryState } from '../../../components/query-state.tsx';
import { formatDateTime } from '../../../lib/dates.ts';
import { useLanguage } from '../../../lib/i18n.ts';
import {
  useMarkNotificationRead,
  useNotifications,
  type AppNotification,
} from '../api/notifications.ts';
import './notifications.css';

/** A notification in words, from its kind and payload; unknown kinds still read sensibly. */
export function useNotificationText(): (n: AppNotification) => string {
  const { t } = useTranslation();
  return (n) => {
    const reason = typeof n.payload.reason === 'string' ? n.payload.reason : '';
    switch (n.kind) {
      case 'booking.promoted':
        return t('notifications.kinds.promoted');
      case 'booking.made_for_you':
        return n.payload.status === 'waitlisted'
          ? t('notifications.kinds.waitlistedForYou')
          : t('notifications.kinds.bookedForYou');
      case 'booking.cancelled_for_you':
        return t('notifications.kinds.cancelledForYou', { reason });
      case 'session.cancelled':
        return t('notifications.kinds.sessionCancelled', { reason });
      case 'e_learning.assigned':
        return t('notifications.kinds.eLearningAssigned');
      default:
        return t('notifications.kinds.other');
    }
  };
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
                  <p>{text(n)}</p>
                  <p className="muted">
                    <time dateTime={n.createdAt}>
                      {formatDateTime(new Date(n.createdAt), lang)}
                    </time>
                  </p>
                </div>
                {unread ? (
                  <Button
                    onPress={() => markRead.mutate(n.id)}
                    isPending={markRead.isPending && markRead.variables === n.id}
                    aria-label={t('notifications.markReadNamed', { text: text(n) })}
                  >
                    {t('notifications.markRead')}
                  </Button>
                ) : null}
              </li>
            );
          })}
        </ul>
      )}
    </QueryState>
  );
}
