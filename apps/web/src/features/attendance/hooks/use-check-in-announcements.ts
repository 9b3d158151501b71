import { useEffect, useRef } from 'react';
import { useTranslation } from '../../../lib/i18n.ts';
import type { AttendanceSheet } from '../api/attendance-sheet.ts';
import { checkedInTime, newCheckIns } from '../utils/sheet.ts';

/** Says who checked themselves in since the last refetch (not on first load). */
export function useCheckInAnnouncements(
  sheet: AttendanceSheet,
  announce: (message: string) => void,
) {
  const { t } = useTranslation();
  const known = useRef<Set<number> | null>(null);
  useEffect(() => {
    const checkedIn = new Set(
      sheet.entries.filter((e) => checkedInTime(e) !== null).map((e) => e.staffId),
    );
    if (known.current) {
      const fresh = newCheckIns(sheet.entries, known.current);
      if (fresh.length > 0) {
        announce(
          t('attendance.sheet.arrivals', {
            count: fresh.length,
            names: fresh.map((p) => p.name).join('、'),
          }),
        );
      }
    }
    known.current = checkedIn;
  }, [sheet.entries, announce, t]);
}
