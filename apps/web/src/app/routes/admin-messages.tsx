import { useTranslation } from '../../lib/i18n.ts';
import { Card } from '../../components/card.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { MessageTemplates } from '../../features/reminders/components/message-templates.tsx';
import { ReminderSettingsSection } from '../../features/reminders/components/reminder-settings-form.tsx';
import { RunRemindersNow } from '../../features/reminders/components/run-reminders-now.tsx';
import { useDocumentTitle } from '../../lib/use-document-title.ts';
import { AdminOnly } from './admin-guard.tsx';

/** Admins: when reminders go out, and the words of every message in both languages. */
export function AdminMessagesPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('reminders.title'));
  return (
    <>
      <PageHeader title={t('reminders.title')}>
        <p>{t('reminders.intro')}</p>
      </PageHeader>
      <AdminOnly>
        <Card title={t('reminders.runNow.heading')}>
          <RunRemindersNow />
        </Card>
        <Card title={t('reminders.settings.heading')}>
          <ReminderSettingsSection />
        </Card>
        <Card title={t('reminders.templates.heading')}>
          <MessageTemplates />
        </Card>
      </AdminOnly>
    </>
  );
}
