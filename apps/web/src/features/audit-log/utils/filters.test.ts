import { describe, expect, it } from 'vitest';
import { exportUrl, filterQuery, isIsoDate } from './filters.ts';

describe('audit log filters', () => {
  it('send only the filters that are set', () => {
    expect(
      filterQuery({ action: ' account.roles_changed ', targetId: '', from: '2026-04-01' }),
    ).toEqual({ action: 'account.roles_changed', from: '2026-04-01' });
  });

  it('export the same selection as CSV', () => {
    expect(exportUrl({})).toBe('/api/audit-log/export.csv');
    expect(exportUrl({ actorStaffNumber: 'A0001', to: '2026-04-30' })).toBe(
      '/api/audit-log/export.csv?actorStaffNumber=A0001&to=2026-04-30',
    );
  });

  it('recognise calendar days', () => {
    expect(isIsoDate('2026-04-01')).toBe(true);
    expect(isIsoDate('2026-4-1')).toBe(false);
    expect(isIsoDate('2026-13-01')).toBe(false);
  });
});
