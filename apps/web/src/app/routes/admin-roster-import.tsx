import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../components/page-header.tsx';
import { RosterImport } from '../../features/roster-import/components/roster-import.tsx';
import { useDocumentTitle } from '../../lib/use-document-title.ts';
import { AdminOnly } from './admin-guard.tsx';

/** Importing the HR roster: check a file, then apply it all-or-nothing (admins only). */
export function AdminRosterImportPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('rosterImport.title'));
  return (
    <>
      <PageHeader title={t('rosterImport.title')}>
        <p>{t('rosterImport.intro')}</p>
      </PageHeader>
      <AdminOnly>
        <RosterImport />
      </AdminOnly>
    </>
  );
}
