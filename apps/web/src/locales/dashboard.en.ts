import type { dashboardJa } from './dashboard.ja.ts';

/** English words of the home page, the same keys as Japanese. */
export const dashboardEn: typeof dashboardJa = {
  title: 'Home',
  fiscalYear: {
    heading: 'This fiscal year',
    period: 'Period',
    periodValue: '{{from}} – {{to}}',
    daysLeft: 'Until year end',
    daysLeftValue: '{{count, number}} days',
  },
  organisation: {
    heading: 'Organisation overview',
    totalStaff: 'Staff',
    units: 'Units',
    unitCount: '{{count, number}}',
    topUnits: 'Main units',
    openOrganisation: 'View organisation and staff',
    empty: 'No organisation units are registered.',
    updatedAt: 'As of {{time}}',
  },
};
