import type { auditLogJa } from './audit-log.ja.ts';

/** English words of the audit log page, the same keys as Japanese. */
export const auditLogEn: typeof auditLogJa = {
  title: 'Audit log',
  intro:
    'A record of every privileged change, such as role changes and attendance corrections. It cannot be edited or deleted.',
  filters: {
    heading: 'Filter',
    action: 'Action',
    actor: 'Actor’s staff number',
    targetType: 'Target type',
    any: 'Any',
    targetId: 'Target ID',
    from: 'From',
    to: 'To',
    apply: 'Apply filters',
    reset: 'Clear filters',
    dateOrder: 'The end date must be on or after the start date.',
  },
  export: 'Export CSV',
  tableLabel: 'Audit log',
  empty: 'No entries match.',
  columns: {
    at: 'Time',
    actor: 'Actor',
    action: 'Action',
    target: 'Target',
    changes: 'Changes',
  },
  system: 'System',
  target: '{{type}} #{{id}}',
  bookingOf: '{{name}}’s booking ({{course}}, {{when}})',
  changes: {
    show: 'Show changes',
    before: 'Before',
    after: 'After',
    none: 'None',
  },
  targetTypes: {
    staff: 'Staff',
    session: 'Session',
    booking: 'Booking',
    course: 'Course',
    module: 'E-learning module',
    roster_import: 'Staff import',
    org_unit: 'Organisation unit',
  },
};
