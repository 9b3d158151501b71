import { Card } from '../../components/card.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { MessageHistory } from '../../features/mail/components/message-history.tsx';
import { CalendarFeed } from '../../features/my-training/components/calendar-feed.tsx';
import {
  NotificationCount,
  NotificationList,
} from '../../features/notifications/components/notifications.tsx';
import { useTranslation } from '../../lib/i18n.ts';
import { useDocumentTitle } from '../../lib/use-document-title.ts';
import { MyTrainingPanel } from './my-training-panel.tsx';
import './training-pages.css';

const NOTIFICATIONS_ID = 'notifications';

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
            <MessageHistory />
          </Card>
          <Card title={t('myTraining.feed.heading')}>
            <CalendarFeed />
          </Card>
        </div>
      </div>
    </>
  );
}
