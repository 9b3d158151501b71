import { fireEvent, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { FISCAL_YEAR_2026, MINISTRY } from '../../testing/fixtures.ts';
import { mockApi } from '../../testing/mock-api.ts';
import { renderApp } from '../../testing/test-utils.tsx';

describe('app layout', () => {
  it('has a skip link, a named menu and one main region', async () => {
    mockApi({
      '/api/fiscal-years/current': () => ({ body: FISCAL_YEAR_2026 }),
      '/api/org-units': () => ({ body: { items: MINISTRY } }),
    });
    await renderApp('/');
    expect(screen.getByRole('link', { name: '本文へ移動' }).getAttribute('href')).toBe('#main');
    expect(screen.getByRole('banner').textContent).toContain('Kenshu');
    expect(screen.getByRole('navigation', { name: 'メインメニュー' })).toBeTruthy();
    expect(screen.getByRole('main').id).toBe('main');
  });

  it('moves focus to the new page’s title after following a menu link', async () => {
    mockApi({
      '/api/fiscal-years/current': () => ({ body: FISCAL_YEAR_2026 }),
      '/api/org-units': () => ({ body: { items: MINISTRY } }),
      '/api/staff': () => ({ body: { items: [], total: 0 } }),
    });
    await renderApp('/');
    fireEvent.click(screen.getByRole('link', { name: '組織と職員' }));
    const title = await screen.findByRole('heading', { level: 1, name: '組織と職員' });
    expect(document.activeElement).toBe(title);
  });
});
