import { fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { MINISTRY, staffMember } from '../../testing/fixtures.ts';
import { mockApi } from '../../testing/mock-api.ts';
import { renderApp } from '../../testing/test-utils.tsx';

const SECTION_HEAD = staffMember({
  id: 1,
  staffNumber: 'H0001',
  familyName: '小林',
  givenName: '大輔',
  familyNameKana: 'こばやし',
  givenNameKana: 'だいすけ',
  employmentType: 'part_time',
  roles: ['section_head', 'admin'],
});

describe('organisation page', () => {
  it('lists the staff of the unit chosen in the tree, with their roles', async () => {
    const fetchMock = mockApi({
      '/api/fiscal-years/current': () => ({ status: 500, body: {} }),
      '/api/org-units': () => ({ body: { items: MINISTRY } }),
      '/api/staff': (url) =>
        url.searchParams.get('orgUnitId') === '7'
          ? { body: { items: [SECTION_HEAD], total: 1 } }
          : { body: { items: [], total: 0 } },
    });
    const { router } = await renderApp('/organisation');

    fireEvent.click(await screen.findByRole('row', { name: /主計局/ }));

    const table = await screen.findByRole('grid', { name: '主計局の職員' });
    const row = within(table).getByRole('row', { name: /H0001/ });
    expect(row.textContent).toContain('小林 大輔');
    expect(row.textContent).toContain('こばやし だいすけ');
    expect(row.textContent).toContain('非常勤職員');
    // Badges read most consequential first.
    expect(
      within(row)
        .getAllByText(/管理者|課室責任者/)
        .map((b) => b.textContent),
    ).toEqual(['管理者', '課室責任者']);
    expect(router.state.location.search).toEqual({ unit: 7 });
    const staffUrls = fetchMock.mock.calls
      .map(([input]) => String(input))
      .filter((u) => u.startsWith('/api/staff'));
    expect(staffUrls.at(-1)).toBe('/api/staff?limit=50&offset=0&orgUnitId=7');
  });

  it('shows the API error with a retry that recovers', async () => {
    let databaseUp = false;
    mockApi({
      '/api/fiscal-years/current': () => ({ status: 500, body: {} }),
      '/api/org-units': () =>
        !databaseUp
          ? {
              status: 503,
              body: {
                error: { code: 'INTERNAL', message: 'Database unavailable' },
                requestId: 'req-9',
              },
            }
          : { body: { items: MINISTRY } },
      '/api/staff': () => ({ body: { items: [], total: 0 } }),
    });
    await renderApp('/organisation');

    const tree = screen.getByRole('region', { name: '組織' });
    const alert = await within(tree).findByRole('alert');
    expect(alert.textContent).toContain('Database unavailable');
    expect(alert.textContent).toContain('req-9');

    databaseUp = true;
    fireEvent.click(within(alert).getByRole('button', { name: '再読み込み' }));
    expect(await within(tree).findByRole('row', { name: /主計局/ })).toBeTruthy();
    expect(within(tree).queryByRole('alert')).toBeNull();
  });

  it('says so when nobody matches', async () => {
    mockApi({
      '/api/fiscal-years/current': () => ({ status: 500, body: {} }),
      '/api/org-units': () => ({ body: { items: MINISTRY } }),
      '/api/staff': () => ({ body: { items: [], total: 0 } }),
    });
    await renderApp('/organisation?q=zzz');
    expect(await screen.findByText('「zzz」に該当する職員はいません。')).toBeTruthy();
  });
});
