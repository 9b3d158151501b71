import { lazy, Suspense } from 'react';
import { Card } from '../../components/card.tsx';
import { LoadingState } from '../../components/loading-state.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import {
  NotificationCount,
  NotificationList,
} from '../../features/notifications/components/notifications.tsx';
import { useTranslation } from '../../lib/i18n.ts';
import { useDocumentTitle } from '../../lib/use-document-title.ts';
import { MyTrainingPanel } from './my-training-panel.tsx';
import './training-pages.css';

const NOTIFICATIONS_ID = 'notifications';

// The e-mails sent to me and the calendar feed come after one's courses and notifications: their
// code loads as the page shows, not before it (1.2 KB gzipped less to show My training).
const MessageHistory = lazy(() =>
  import('../../features/mail/components/message-history.tsx').then((m) => ({
    default: m.MessageHistory,
  })),
);
const CalendarFeed = lazy(() =>
  import('../../features/my-training/components/calendar-feed.tsx').then((m) => ({
    default: m.CalendarFeed,
  })),
);

/**
 * My training: each course I must take this fiscal year, my notifications, the e-mails sent to me
 * and whether they arrived, my calendar feed.
 */
export function MyTrainingPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('myTraining.title'));
  return (
    <>
      <div className="page-header-row">
        <PageHeader title={t('myTraining.title')}>
          <p>{t('myTraining.intro')}</p>
        </PageHeader>
        <NotificationCount targetId={NOTIFICATIONS_ID} />
      </div>
      <div className="my-training-page">
        <div className="my-training-page__main">
          <MyTrainingPanel headingLevel={2} />
        </div>
        <div className="my-training-page__side">
          <section
            id={NOTIFICATIONS_ID}
            tabIndex={-1}
            className="card"
            aria-labelledby={`${NOTIFICATIONS_ID}-heading`}
          >
            <h2 id={`${NOTIFICATIONS_ID}-heading`} className="card__title">
              {t('notifications.heading')}
            </h2>
            <NotificationList />
          </section>
          <Card title={t('mail.history.myHeading')}>
            {/* What the history shows while its messages load anyway. */}
            <Suspense fallback={<LoadingState />}>
              <MessageHistory />
            </Suspense>
          </Card>
          <Card title={t('myTraining.feed.heading')}>
            {/* The feed's explanation at once; its buttons follow below it, so nothing moves. */}
            <Suspense
              fallback={
                <div className="calendar-feed">
                  <p>{t('myTraining.feed.intro')}</p>
                </div>
              }
            >
              <CalendarFeed />
            </Suspense>
          </Card>
        </div>
      </div>
    </>
  );
}
