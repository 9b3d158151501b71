import { useTranslation } from '../../lib/i18n.ts';
import { PageHeader } from '../../components/page-header.tsx';
import { StaffImport } from '../../features/staff-import/components/staff-import.tsx';
import { useDocumentTitle } from '../../lib/use-document-title.ts';
import { AdminOnly } from './admin-guard.tsx';

/** The staff import (HR's file of all staff): check a file, then apply it all-or-nothing (admins only). */
export function AdminStaffImportPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('staffImport.title'));
  return (
    <>
      <PageHeader title={t('staffImport.title')}>
        <p>{t('staffImport.intro')}</p>
      </PageHeader>
      <AdminOnly>
        <StaffImport />
      </AdminOnly>
    </>
  );
}
