import type { organisationJa } from './organisation.ja.ts';

/** English words of the organisation page (the unit tree and each unit's settings), the same keys as Japanese. */
export const organisationEn: typeof organisationJa = {
  title: 'Organisation and staff',
  intro:
    'Choose a unit to see the staff of that unit and the units under it. Counts include the units below.',
  treeLabel: 'Organisation tree',
  treeHeading: 'Units',
  empty: 'No organisation units are registered.',
  allStaff: 'All staff',
  kinds: {
    ministry: 'Ministry',
    bureau: 'Bureau',
    agency: 'External agency',
    regional_office: 'Regional office',
    division: 'Division',
    section: 'Section',
  },
  settings: {
    heading: 'Settings of {{unit}}',
    kind: 'Kind',
    code: 'Code',
    saved: 'Saved.',
    failed: 'The change could not be saved.',
    groupSessions: {
      heading: 'Group sessions',
      available: "This unit's staff can attend group sessions.",
      noneHere: "This unit's staff cannot attend group sessions; they take the e-learning instead.",
      noneAbove:
        "This unit's staff cannot attend group sessions, because {{unit}} above it is set so.",
      checkbox: "This unit's staff cannot attend group sessions (they take the e-learning)",
      note: 'The units below follow this setting. Courses with the rule for units without group sessions assign their e-learning to these staff. The staff import column no_group_sessions sets the same.',
      save: 'Save group-session setting',
    },
    heads: {
      heading: 'Section heads overseeing this unit',
      note: 'A section head oversees the unit HR lists them in. Add a head listed in a section below who runs this whole division: their team page, reminders and escalations then cover this unit.',
      none: 'No section head oversees this unit.',
      ownUnit: 'Oversees this unit (where HR lists them)',
      setHere: 'Oversees this unit, set by an admin (HR lists them in {{unit}})',
      elsewhere: 'Oversees {{unit}} instead, set by an admin',
      clear: 'Back to own unit',
      clearNamed: '{{name}}: back to own unit',
      pickerLabel: 'Add a section head who oversees this unit',
      notHead:
        'This person is not a section head. Give them the section head role first (HR staff file or Accounts).',
      changed: '{{name}} now oversees {{unit}}.',
    },
  },
};
