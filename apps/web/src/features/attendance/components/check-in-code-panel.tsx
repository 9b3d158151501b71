import { ErrorState } from '../../../components/error-state.tsx';
import { LoadingState } from '../../../components/loading-state.tsx';
import { isApiError } from '../../../lib/api-client.ts';
import { tokyoDayTime, tokyoTime } from '../../../lib/dates.ts';
import { useLanguage, useTranslation } from '../../../lib/i18n.ts';
import { useCheckInCode } from '../api/check-in-code.ts';
import { useAttendanceErrorMessage } from '../utils/error-message.ts';
import './attendance.css';

export interface CheckInCodePanelProps {
  sessionId: number;
  /** Projector size: the code fills the screen. */
  large?: boolean;
}

/** Splits `123456` as `123 456`, easier to read out and to copy from across a room. */
function spaced(code: string): string {
  return code.length === 6 ? `${code.slice(0, 3)} ${code.slice(3)}` : code;
}

/**
 * The rotating self check-in code, as digits and as a QR code of the check-in link, refreshed
 * before it expires. Outside the check-in window it says when check-in opens (or that it closed).
 */
export function CheckInCodePanel({ sessionId, large = false }: CheckInCodePanelProps) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const code = useCheckInCode(sessionId);
  const errorMessage = useAttendanceErrorMessage();

  if (code.isPending) return <LoadingState />;
  if (code.isError) {
    const { error } = code;
    if (isApiError(error) && error.code === 'CHECK_IN_CLOSED') {
      const opensAt = error.details?.opensAt;
      const closesAt = error.details?.closesAt;
      let message = t('attendance.code.closed');
      if (typeof opensAt === 'string' && typeof closesAt === 'string') {
        message =
          Date.now() >= new Date(closesAt).getTime()
            ? t('attendance.code.closedAfter', { closes: tokyoDayTime(closesAt, lang) })
            : t('attendance.code.closedBefore', {
                opens: tokyoDayTime(opensAt, lang),
                closes: tokyoTime(closesAt, lang),
              });
      }
      return (
        <div className="check-in-code check-in-code--closed" role="status">
          <p className="check-in-code__closed">{message}</p>
        </div>
      );
    }
    if (isApiError(error)) {
      return (
        <p className="alert alert--error attendance-error" role="alert">
          {errorMessage(error)}
        </p>
      );
    }
    return <ErrorState error={error} onRetry={() => void code.refetch()} />;
  }

  const { data } = code;
  return (
    <div className={large ? 'check-in-code check-in-code--large' : 'check-in-code'}>
      <div className="check-in-code__digits-block">
        <p className="check-in-code__label" aria-hidden="true">
          {t('attendance.code.label')}
        </p>
        <p
          className="check-in-code__digits"
          // Read digit by digit, not as "one hundred and twenty-three thousand…".
          aria-label={`${t('attendance.code.label')} ${data.code.split('').join(' ')}`}
          role="img"
          data-code={data.code}
        >
          {spaced(data.code)}
        </p>
        <p className="check-in-code__hint">{t('attendance.code.instructions')}</p>
        <p className="check-in-code__expiry">{t('attendance.code.refreshes')}</p>
      </div>
      <img
        className="check-in-code__qr"
        src={data.qrDataUrl}
        alt={t('attendance.code.qrAlt')}
        width={320}
        height={320}
      />
    </div>
  );
}
