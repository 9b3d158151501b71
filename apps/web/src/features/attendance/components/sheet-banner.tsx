import { Button } from '../../../components/button.tsx';
import { tokyoDayTime } from '../../../lib/dates.ts';
import { useLanguage, useTranslation } from '../../../lib/i18n.ts';
import type { AttendanceSheet } from '../api/attendance-sheet.ts';

export interface SheetBannerProps {
  sheet: AttendanceSheet;
  isAdmin: boolean;
  isCancelled: boolean;
  notOpen: boolean;
  locked: boolean;
  lockLabel: string;
  /** The reason an admin gave for changing the locked attendance sheet, if any yet. */
  reason: string | undefined;
  onChangeReason: () => void;
}

/** Why the sheet cannot be marked now, or what was already done with it; nothing otherwise. */
export function SheetBanner({
  sheet,
  isAdmin,
  isCancelled,
  notOpen,
  locked,
  lockLabel,
  reason,
  onChangeReason,
}: SheetBannerProps) {
  const { t } = useTranslation();
  const lang = useLanguage();
  if (isCancelled)
    return (
      <p className="attendance-banner" role="status">
        {t('attendance.sheet.cancelled')}
      </p>
    );
  if (notOpen)
    return (
      <p className="attendance-banner" role="status">
        {t('attendance.sheet.notOpen', { time: tokyoDayTime(sheet.markingOpensAt, lang) })}
      </p>
    );
  if (locked)
    return (
      <div className="attendance-banner" role="status">
        <p>
          {isAdmin
            ? t('attendance.sheet.lockedAdmin', { time: lockLabel })
            : t('attendance.sheet.locked', { time: lockLabel })}
        </p>
        {isAdmin && reason ? (
          <p className="attendance-banner__row">
            <span>{t('attendance.sheet.reasonGiven', { reason })}</span>
            <Button onPress={onChangeReason}>{t('attendance.sheet.changeReason')}</Button>
          </p>
        ) : null}
      </div>
    );
  if (sheet.finalisedAt)
    return (
      <p className="attendance-banner" role="status">
        {t('attendance.sheet.finalised', {
          time: tokyoDayTime(sheet.finalisedAt, lang),
          lock: lockLabel,
        })}
      </p>
    );
  return null;
}
