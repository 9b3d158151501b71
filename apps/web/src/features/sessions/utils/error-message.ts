import { isApiError } from '../../../lib/api-client.ts';
import { errorsJa } from '../../../locales/errors.ja.ts';
import type { sessionsJa } from '../../../locales/sessions.ja.ts';
import { i18n, useLanguage, useTranslation } from '../../../lib/i18n.ts';
import { tokyoDayTime } from '../../../lib/dates.ts';

type SessionErrorCode = keyof typeof sessionsJa.errors;
type GeneralErrorCode = keyof typeof errorsJa.codes;

// Looked up in the loaded catalogue (the page's loader brought these words): importing the
// Japanese words to check would put them in this page's download in either language.
function isSessionErrorCode(code: string): code is SessionErrorCode {
  return i18n.exists(`sessions.errors.${code}`);
}

function isGeneralErrorCode(code: string): code is GeneralErrorCode {
  return Object.hasOwn(errorsJa.codes, code);
}

/**
 * Turns a failed booking or scheduling call into one sentence in the UI language: the booking
 * codes have their own words, with the API's details (seats already taken, the two overlapping
 * times, the fields at fault) filled in where that helps.
 */
export function useErrorMessage(): (error: unknown) => string {
  const { t } = useTranslation();
  const lang = useLanguage();
  return (error) => {
    if (!isApiError(error)) return t('errors.network');
    const details = error.details ?? {};
    if (error.code === 'CAPACITY_BELOW_BOOKED' && typeof details.seatsTaken === 'number') {
      return t('sessions.errorDetails.capacityBelowBooked', { count: details.seatsTaken });
    }
    if (
      error.code === 'OVERLAPPING_SESSIONS' &&
      typeof details.first === 'string' &&
      typeof details.second === 'string'
    ) {
      return t('sessions.errorDetails.overlapping', {
        first: tokyoDayTime(details.first, lang),
        second: tokyoDayTime(details.second, lang),
      });
    }
    if (error.code === 'VALIDATION' && Array.isArray(details.fields)) {
      const fields = details.fields
        .map((f: unknown) =>
          typeof f === 'object' && f !== null && 'field' in f ? String(f.field) : '',
        )
        .filter(Boolean);
      if (fields.length > 0) {
        return t('sessions.errorDetails.validation', { fields: fields.join(', ') });
      }
    }
    if (isSessionErrorCode(error.code)) return t(`sessions.errors.${error.code}`);
    if (isGeneralErrorCode(error.code)) return t(`errors.codes.${error.code}`);
    return t('errors.unknown');
  };
}
