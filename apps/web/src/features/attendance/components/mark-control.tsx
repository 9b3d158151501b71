import { ToggleButton, ToggleButtonGroup } from 'react-aria-components';
import { useTranslation } from '../../../lib/i18n.ts';
import type { AttendanceMark } from '../api/attendance-sheet.ts';
import { isMark, MARKS } from '../utils/sheet.ts';
import './attendance.css';

export interface MarkControlProps {
  /** Whose mark this is, for the group's accessible name. */
  name: string;
  value: AttendanceMark | null;
  onChange: (mark: AttendanceMark) => void;
  isDisabled?: boolean;
}

/**
 * 出席 | 遅刻 | 欠席 | 公欠 as one segmented control: one tap marks a person. It is a radio
 * group to assistive technology; arrow keys move between the four, Space or Enter chooses. A
 * chosen mark cannot be tapped away (a person is never unmarked by accident).
 */
export function MarkControl({ name, value, onChange, isDisabled = false }: MarkControlProps) {
  const { t } = useTranslation();
  return (
    <ToggleButtonGroup
      aria-label={t('attendance.sheet.markLabel', { name })}
      className="mark-control"
      selectionMode="single"
      disallowEmptySelection
      selectedKeys={value ? [value] : []}
      isDisabled={isDisabled}
      onSelectionChange={(keys) => {
        for (const key of keys) if (isMark(key) && key !== value) onChange(key);
      }}
    >
      {MARKS.map((mark) => (
        <ToggleButton key={mark} id={mark} className={`mark-control__option mark--${mark}`}>
          {t(`attendance.marks.${mark}`)}
        </ToggleButton>
      ))}
    </ToggleButtonGroup>
  );
}
