import { useEffect } from 'react';
import { useTranslation } from './i18n.ts';

/** Sets the tab title to `page | 研修 Kenshu`, so each page is identifiable in tabs and history. */
export function useDocumentTitle(page: string): void {
  const { t } = useTranslation();
  const title = t('app.documentTitle', { page });
  useEffect(() => {
    document.title = title;
  }, [title]);
}
