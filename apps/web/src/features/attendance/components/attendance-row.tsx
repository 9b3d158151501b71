import { memo } from 'react';
import { Badge } from '../../../components/badge.tsx';
import { Button } from '../../../components/button.tsx';
import { localName, useLanguage, useTranslation } from '../../../lib/i18n.ts';
import type { AttendanceMark } from '../api/attendance-sheet.ts';
import { checkedInTime, type ShownEntry } from '../utils/sheet.ts';
import { MarkControl } from './mark-control.tsx';
import { tokyoTime } from '../../../lib/dates.ts';

export interface AttendanceRowProps {
  entry: ShownEntry;
  canMark: boolean;
  onMark: (entry: ShownEntry, mark: AttendanceMark) => void;
  onEdit: (entry: ShownEntry) => void;
}

/** One person: who they are, how they came, and the four marks under a thumb. */
export const AttendanceRow = memo(function AttendanceRow({
  entry,
  canMark,
  onMark,
  onEdit,
}: AttendanceRowProps) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const unit = localName({ nameJa: entry.unitJa, nameEn: entry.unitEn }, lang);
  const checkedInAt = checkedInTime(entry);
  return (
    <li
      className={`attendance-row attendance-row--${entry.mark ?? 'unmarked'}`}
      aria-busy={entry.saving}
    >
      <div className="attendance-row__who">
        <p className="attendance-row__name">
          {entry.name}
          <span className="attendance-row__kana">{entry.nameKana}</span>
        </p>
        <p className="attendance-row__meta">
          <span>{entry.staffNumber}</span>
          <span>{unit}</span>
        </p>
        {entry.walkIn || checkedInAt || entry.via === 'no_show' || entry.saving ? (
          <p className="badges attendance-row__badges">
            {entry.walkIn ? <Badge>{t('attendance.sheet.walkIn')}</Badge> : null}
            {checkedInAt ? (
              <Badge>
                {t('attendance.sheet.checkedIn', { time: tokyoTime(checkedInAt, lang) })}
              </Badge>
            ) : null}
            {entry.via === 'no_show' ? <Badge>{t('attendance.sheet.noShow')}</Badge> : null}
            {entry.saving ? (
              <span className="attendance-row__saving">{t('attendance.sheet.saving')}</span>
            ) : null}
          </p>
        ) : null}
        {entry.note ? <p className="attendance-row__note">{entry.note}</p> : null}
      </div>
      <div className="attendance-row__controls">
        <MarkControl
          name={entry.name}
          value={entry.mark}
          isDisabled={!canMark}
          onChange={(mark) => onMark(entry, mark)}
        />
        <Button
          className="attendance-row__note-button"
          aria-label={t('attendance.sheet.noteButtonLabel', { name: entry.name })}
          isDisabled={!canMark}
          onPress={() => onEdit(entry)}
        >
          {t('attendance.sheet.noteButton')}
        </Button>
      </div>
    </li>
  );
});
