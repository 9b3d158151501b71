import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../../lib/api-client.ts';
import { attendanceJa } from '../../../locales/attendance.ja.ts';
import { errorsJa } from '../../../locales/errors.ja.ts';

type AttendanceErrorCode = keyof typeof attendanceJa.errors;
type GeneralErrorCode = keyof typeof errorsJa.codes;

function isAttendanceErrorCode(code: string): code is AttendanceErrorCode {
  return Object.hasOwn(attendanceJa.errors, code);
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
