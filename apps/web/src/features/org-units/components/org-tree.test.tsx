import { act, fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { i18n } from '../../../lib/i18n.ts';
import { MINISTRY } from '../../../testing/fixtures.ts';
import { renderWithProviders } from '../../../testing/test-utils.tsx';
import { OrgTree } from './org-tree.tsx';

function rowNamed(name: string) {
  return screen.getByRole('row', { name: new RegExp(name) });
}

describe('OrgTree', () => {
  it('shows the top unit open, its units nested one level down, with subtree staff counts', () => {
    renderWithProviders(
      <OrgTree units={MINISTRY} selectedUnitId={undefined} onSelectUnit={vi.fn()} />,
    );
    const tree = screen.getByRole('treegrid', { name: '組織ツリー' });

    const ministry = within(tree).getByRole('row', { name: /財務省/ });
    expect(ministry.getAttribute('aria-level')).toBe('1');
    expect(ministry.getAttribute('aria-expanded')).toBe('true');
    expect(ministry.textContent).toContain('20名');

    const budget = rowNamed('主計局');
    expect(budget.getAttribute('aria-level')).toBe('2');
    expect(budget.getAttribute('aria-expanded')).toBe('false');
    expect(budget.textContent).toContain('15名');
    expect(rowNamed('主税局').getAttribute('aria-level')).toBe('2');
    // Closed bureaus keep their divisions out of the way.
    expect(screen.queryByRole('row', { name: /総務課/ })).toBeNull();
  });

  it('opens down to a deep-linked unit and marks it selected', () => {
    renderWithProviders(<OrgTree units={MINISTRY} selectedUnitId={8} onSelectUnit={vi.fn()} />);
    const division = rowNamed('総務課');
    expect(division.getAttribute('aria-level')).toBe('3');
    expect(division.getAttribute('aria-selected')).toBe('true');
  });

  it('reports the unit chosen', () => {
    const onSelectUnit = vi.fn();
    renderWithProviders(
      <OrgTree units={MINISTRY} selectedUnitId={undefined} onSelectUnit={onSelectUnit} />,
    );
    fireEvent.click(rowNamed('主税局'));
    expect(onSelectUnit).toHaveBeenCalledWith(10);
  });

  it('names units in the current language', async () => {
    renderWithProviders(
      <OrgTree units={MINISTRY} selectedUnitId={undefined} onSelectUnit={vi.fn()} />,
    );
    act(() => i18n.changeLanguage('en'));
    expect(rowNamed('Budget Bureau').textContent).toContain('15 staff');
    expect(screen.queryByRole('row', { name: /主計局/ })).toBeNull();
  });
});
