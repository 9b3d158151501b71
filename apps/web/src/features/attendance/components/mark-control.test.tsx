import { fireEvent, screen, within } from '@testing-library/react';
import { useState } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { i18n } from '../../../lib/i18n.ts';
import { renderWithProviders } from '../../../testing/test-utils.tsx';
import type { AttendanceMark } from '../api/attendance-sheet.ts';
import { MarkControl } from './mark-control.tsx';

function Controlled({ onChange }: { onChange: (mark: AttendanceMark) => void }) {
  const [mark, setMark] = useState<AttendanceMark | null>('excused');
  return (
    <MarkControl
      name="山田 花子"
      value={mark}
      onChange={(next) => {
        setMark(next);
        onChange(next);
      }}
    />
  );
}

describe('MarkControl', () => {
  it('is a labelled radio group of the four marks, none chosen for an unmarked person', () => {
    renderWithProviders(<MarkControl name="山田 花子" value={null} onChange={vi.fn()} />);
    const group = screen.getByRole('radiogroup', { name: '山田 花子の出欠' });
    const options = within(group).getAllByRole('radio');
    expect(options.map((o) => o.textContent)).toEqual(['出席', '遅刻', '欠席', '公欠']);
    expect(options.every((o) => o.getAttribute('aria-checked') === 'false')).toBe(true);
  });

  it('marks with one tap, and tapping the chosen mark again does not unmark', () => {
    const onChange = vi.fn();
    renderWithProviders(<Controlled onChange={onChange} />);
    const present = screen.getByRole('radio', { name: '出席' });
    fireEvent.click(present);
    expect(onChange).toHaveBeenLastCalledWith('present');
    expect(present.getAttribute('aria-checked')).toBe('true');
    expect(screen.getByRole('radio', { name: '公欠' }).getAttribute('aria-checked')).toBe('false');
    fireEvent.click(present);
    expect(onChange).toHaveBeenCalledTimes(1);
    expect(present.getAttribute('aria-checked')).toBe('true');
  });

  it('moves between marks with the arrow keys and chooses with Space', () => {
    const onChange = vi.fn();
    renderWithProviders(<Controlled onChange={onChange} />);
    const excused = screen.getByRole('radio', { name: '公欠' });
    excused.focus();
    fireEvent.keyDown(excused, { key: 'ArrowLeft' });
    const absent = screen.getByRole('radio', { name: '欠席' });
    expect(document.activeElement).toBe(absent);
    // Moving does not mark; only choosing does.
    expect(onChange).not.toHaveBeenCalled();
    fireEvent.keyDown(absent, { key: ' ' });
    fireEvent.keyUp(absent, { key: ' ' });
    expect(onChange).toHaveBeenCalledWith('absent');
  });

  it('speaks English when the UI does', async () => {
    i18n.changeLanguage('en');
    renderWithProviders(<MarkControl name="Hanako Yamada" value="late" onChange={vi.fn()} />);
    const group = screen.getByRole('radiogroup', { name: 'Attendance of Hanako Yamada' });
    expect(within(group).getByRole('radio', { name: 'Late' }).getAttribute('aria-checked')).toBe(
      'true',
    );
  });

  it('cannot be changed when marking is closed', () => {
    const onChange = vi.fn();
    renderWithProviders(
      <MarkControl name="山田 花子" value={null} onChange={onChange} isDisabled />,
    );
    fireEvent.click(screen.getByRole('radio', { name: '出席' }));
    expect(onChange).not.toHaveBeenCalled();
  });
});
