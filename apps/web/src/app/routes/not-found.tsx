import { useTranslation } from '../../lib/i18n.ts';
import { Link } from '../../components/link.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { useDocumentTitle } from '../../lib/use-document-title.ts';

/** The SPA's own 404: the server answers every unknown path with the app, and this page. */
export function NotFoundPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('notFound.title'));
  return (
    <div className="not-found">
      <PageHeader title={t('notFound.title')}>
        <p>{t('notFound.body')}</p>
      </PageHeader>
      <Link to="/" className="button button--primary">
        {t('notFound.home')}
      </Link>
    </div>
  );
}
