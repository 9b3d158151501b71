import { useCallback } from 'react';
import { isApiError } from '../../../lib/api-client.ts';
import { i18n, useTranslation } from '../../../lib/i18n.ts';
import type { attendanceJa } from '../../../locales/attendance.ja.ts';
import { errorsJa } from '../../../locales/errors.ja.ts';

type AttendanceErrorCode = keyof typeof attendanceJa.errors;
type GeneralErrorCode = keyof typeof errorsJa.codes;

// Looked up in the loaded catalogue (the page's loader brought these words): importing the
// Japanese words to check would put them in this page's download in either language.
function isAttendanceErrorCode(code: string): code is AttendanceErrorCode {
  return i18n.exists(`attendance.errors.${code}`);
}

function isGeneralErrorCode(code: string): code is GeneralErrorCode {
  return Object.hasOwn(errorsJa.codes, code);
}

/** Turns a failed attendance or check-in call into one sentence in the UI language. */
export function useAttendanceErrorMessage(): (error: unknown) => string {
  const { t } = useTranslation();
  return useCallback(
    (error: unknown) => {
      if (!isApiError(error)) return t('errors.network');
      if (isAttendanceErrorCode(error.code)) return t(`attendance.errors.${error.code}`);
      if (isGeneralErrorCode(error.code)) return t(`errors.codes.${error.code}`);
      return t('errors.unknown');
    },
    [t],
  );
}
