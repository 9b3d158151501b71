import type { TFunction } from '../../../lib/i18n.ts';
import { isApiError } from '../../../lib/api-client.ts';

/** What went wrong saving, in the reader's language; the API's message when it names a field. */
export function saveErrorText(error: unknown, t: TFunction): string {
  if (!isApiError(error)) return t('errors.network');
  if (error.code === 'VALIDATION') return error.message;
  return t(`errors.codes.${error.code}`, { defaultValue: t('errors.unknown') });
}
