import { fireEvent, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { FISCAL_YEAR_2026, ME_ADMIN, MINISTRY } from '../../testing/fixtures.ts';
import { mockApi } from '../../testing/mock-api.ts';
import { renderApp } from '../../testing/test-utils.tsx';

function mockDashboardApi(me = ME_ADMIN) {
  mockApi({
    '/api/auth/me': () => ({ body: me }),
    '/api/fiscal-years/current': () => ({ body: FISCAL_YEAR_2026 }),
    '/api/org-units': () => ({ body: { items: MINISTRY } }),
  });
}

describe('language switch', () => {
  it('shows the app in Japanese first, and in English after choosing English', async () => {
    mockDashboardApi();
    await renderApp('/');
    const menu = screen.getByRole('navigation', { name: 'メインメニュー' });
    expect(menu.textContent).toContain('組織と職員');
    await screen.findByText('令和8年度', { selector: 'p.fiscal-year-badge' });
    expect(document.documentElement.lang).toBe('ja');

    fireEvent.click(screen.getByRole('radio', { name: 'English' }));

    const englishMenu = await screen.findByRole('navigation', { name: 'Main menu' });
    expect(englishMenu.textContent).toContain('Organisation and staff');
    expect(englishMenu.textContent).not.toContain('組織と職員');
    screen.getByText('FY2026', { selector: 'p.fiscal-year-badge' });
    await screen.findByRole('link', { name: 'Budget Bureau' });
    expect(document.documentElement.lang).toBe('en');
    expect(document.title).toBe('Home | 研修 Kenshu');
  });

  it('remembers the choice for the next visit', async () => {
    mockDashboardApi();
    await renderApp('/');
    fireEvent.click(screen.getByRole('radio', { name: 'English' }));
    expect(localStorage.getItem('kenshu.language')).toBe('en');
  });

  it("follows the signed-in person's own language until this device chooses one", async () => {
    mockDashboardApi({ ...ME_ADMIN, locale: 'en' });
    await renderApp('/');
    await screen.findByRole('navigation', { name: 'Main menu' });
    expect(document.documentElement.lang).toBe('en');
    expect(localStorage.getItem('kenshu.language')).toBeNull();
  });

  it("keeps this device's choice over the person's language", async () => {
    localStorage.setItem('kenshu.language', 'ja');
    mockDashboardApi({ ...ME_ADMIN, locale: 'en' });
    await renderApp('/');
    await screen.findByText('令和8年度', { selector: 'p.fiscal-year-badge' });
    expect(screen.getByRole('navigation', { name: 'メインメニュー' })).toBeTruthy();
    expect(document.documentElement.lang).toBe('ja');
  });
});
