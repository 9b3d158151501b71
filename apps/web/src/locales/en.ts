import type { Messages } from './ja.ts';

/** English. Typed against the Japanese catalogue, so a missing or extra key fails the build. */
export const en: Messages = {
  app: {
    name: '研修',
    latinName: 'Kenshu',
    documentTitle: '{{page}} | 研修 Kenshu',
  },
  skipToContent: 'Skip to main content',
  nav: {
    label: 'Main menu',
    home: 'Home',
    organisation: 'Organisation and staff',
  },
  language: {
    label: 'Language',
    ja: '日本語',
    en: 'English',
  },
  fiscalYear: {
    current: 'Current fiscal year',
  },
  common: {
    loading: 'Loading…',
    retry: 'Try again',
    staffCount: '{{count, number}} staff',
  },
  errors: {
    title: 'The data could not be loaded',
    requestId: 'Reference: {{requestId}}',
    network: 'The server cannot be reached. Check your network connection.',
    unknown: 'An unexpected error occurred.',
    codes: {
      VALIDATION: 'Some of the input is not valid.',
      NOT_FOUND: 'What you asked for was not found.',
      FORBIDDEN: 'You are not allowed to do this.',
      UNAUTHENTICATED: 'Please sign in.',
      CSRF_REJECTED: 'Your session could not be verified. Reload the page and try again.',
      CONFLICT: 'This conflicts with the current state and cannot be done.',
      PAYLOAD_TOO_LARGE: 'The data sent is too large.',
      RATE_LIMITED: 'The service is busy. Please try again in a moment.',
      INTERNAL: 'Something went wrong on the server.',
    },
  },
  pagination: {
    label: 'Pages',
    previous: 'Previous',
    next: 'Next',
    range: '{{from, number}}–{{to, number}} of {{total, number}}',
    pageSize: 'Rows per page',
    pageSizeOption: '{{count, number}} rows',
  },
  dashboard: {
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
  },
  organisation: {
    title: 'Organisation and staff',
    intro:
      'Choose a unit to see the staff of that unit and the units under it. Counts include the units below.',
    treeLabel: 'Organisation tree',
    treeHeading: 'Units',
    empty: 'No organisation units are registered.',
    allStaff: 'All staff',
  },
  staff: {
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
  },
  notFound: {
    title: 'Page not found',
    body: 'The page you are looking for may have moved or been removed, or the address may be mistyped.',
    home: 'Back to home',
  },
};
