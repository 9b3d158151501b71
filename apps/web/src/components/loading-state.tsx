import { useTranslation } from '../lib/i18n.ts';

/** Shown while data loads; a polite live region, so screen readers hear that something is coming. */
export function LoadingState() {
  const { t } = useTranslation();
  return (
    <div className="state state--loading" role="status">
      <span className="spinner" aria-hidden="true" />
      <span>{t('common.loading')}</span>
    </div>
  );
}
