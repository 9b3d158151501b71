import { isApiError } from '../lib/api-client.ts';
import { errorsJa } from '../locales/errors.ja.ts';
import { useTranslation } from '../lib/i18n.ts';

type TranslatedCode = keyof typeof errorsJa.codes;

// The API may learn new error codes before the web app has words for them; those still get a
// sensible message instead of a raw key.
function isTranslatedCode(code: string): code is TranslatedCode {
  return Object.hasOwn(errorsJa.codes, code);
}

/**
 * Shown when a query failed: what went wrong in the user's language, the API's own message and
 * request id for the help desk, and a way to try again.
 */
export function ErrorState({ error, onRetry }: { error: unknown; onRetry: () => void }) {
  const { t } = useTranslation();
  return (
    <div className="state state--error" role="alert">
      <p className="state__title">{t('errors.title')}</p>
      {isApiError(error) ? (
        <>
          <p className="state__message">
            {isTranslatedCode(error.code) ? t(`errors.codes.${error.code}`) : t('errors.unknown')}
          </p>
          <p className="state__detail">{error.message}</p>
          {error.requestId ? (
            <p className="state__detail">{t('errors.requestId', { requestId: error.requestId })}</p>
          ) : null}
        </>
      ) : (
        <p className="state__message">{t('errors.network')}</p>
      )}
      {/* A plain button: the frame shows this state, and react-aria loads later, with pages. */}
      <button type="button" className="button button--secondary" onClick={onRetry}>
        {t('common.retry')}
      </button>
    </div>
  );
}
