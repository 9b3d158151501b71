import { useTranslation } from '../../lib/i18n.ts';
import { PageHeader } from '../../components/page-header.tsx';
import { MySessions } from '../../features/auth/components/my-sessions.tsx';
import { useDocumentTitle } from '../../lib/use-document-title.ts';
import './account-pages.css';

/** The signed-in person's active sign-ins, to end the ones on other devices. */
export function MySessionsPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('auth.sessions.title'));
  return (
    <div className="narrow-page">
      <PageHeader title={t('auth.sessions.title')}>
        <p>{t('auth.sessions.intro')}</p>
      </PageHeader>
      <MySessions />
    </div>
  );
}
