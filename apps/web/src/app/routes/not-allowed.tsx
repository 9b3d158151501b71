import { useTranslation } from '../../lib/i18n.ts';
import { Link } from '../../components/link.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { useDocumentTitle } from '../../lib/use-document-title.ts';

/**
 * Shown instead of a page the viewer's roles do not open. The API refuses its data anyway; this
 * only says so plainly instead of showing a broken page.
 */
export function NotAllowedPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('notAllowed.title'));
  return (
    <div className="not-found">
      <PageHeader title={t('notAllowed.title')}>
        <p>{t('notAllowed.body')}</p>
      </PageHeader>
      <Link to="/" className="button button--primary">
        {t('notAllowed.home')}
      </Link>
    </div>
  );
}
