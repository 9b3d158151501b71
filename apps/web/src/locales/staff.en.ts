import type { staffJa } from './staff.ja.ts';

/** English words of the staff lists (search, columns, employment types, roles), the same keys as Japanese. */
export const staffEn: typeof staffJa = {
  searchLabel: 'Search staff',
  searchDescription: 'Search by staff number, name, kana or e-mail address.',
  tableLabel: 'Staff of {{unit}}',
  empty: 'No staff found.',
  emptySearch: 'No staff match “{{q}}”.',
  columns: {
    staffNumber: 'Staff number',
    name: 'Name',
    unit: 'Unit',
    employmentType: 'Employment',
    roles: 'Roles',
  },
  employmentTypes: {
    regular: 'Regular',
    part_time: 'Part-time',
    temporary: 'Temporary',
  },
  roles: {
    section_head: 'Section head',
    unit_security_officer: 'Unit security officer',
    system_security_officer: 'System security officer',
    pjmo_member: 'PJMO',
    trainer: 'Trainer',
    admin: 'Admin',
  },
  noRoles: 'None',
};
