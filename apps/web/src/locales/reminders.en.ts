import type { Messages } from './ja.ts';

/** Reminder schedules, the cap and hours, and the wording of messages, in English. */
export const remindersEn: Messages['reminders'] = {
  title: 'Reminders and messages',
  intro:
    'When and how often people who have not finished are reminded, and the words of every message in Japanese and English. Reminders go out only on working days (no weekends, national holidays or the year-end closure), inside the hours set here.',
  settings: {
    heading: 'Rules for sending reminders',
    capDays: 'Days between reminders to one person',
    capDaysDescription: 'Whoever sends it, one person gets at most one reminder in this many days.',
    hoursFrom: 'Send from (Tokyo time)',
    hoursUntil: 'Send until (Tokyo time)',
    useConfig: 'Use the defaults (once every {{capDays}} days, {{from}}–{{until}})',
    save: 'Save',
    saved: 'Saved.',
    lastRunLabel: 'Last run',
    lastRun:
      'Last run: {{day}} (unfinished in {{year}}), {{digests}} to people, {{escalations}} to section heads or officers, {{capped}} held back by the cap',
    nobodyToTell_one:
      '{{count}} person was due to be escalated, but has no section head or unit security officer above them to tell',
    nobodyToTell_other:
      '{{count}} people were due to be escalated, but have no section head or unit security officer above them to tell',
    noAddress_one: '{{count}} person has no e-mail address and was told in the app only',
    noAddress_other: '{{count}} people have no e-mail address and were told in the app only',
    neverRun: 'Not run yet.',
  },
  runNow: {
    heading: "Today's reminders",
    help: "Decides and sends today's reminders at once, by the same rules as the daily run. It sends only on working days within the hours ({{from}}–{{until}}): pressed on a holiday or outside the hours, it sends nothing. One message per person per day and the gap between reminders (once every {{capDays}} days) still hold, so if today's run has already happened, pressing again sends nothing new.",
    button: "Run today's reminders now",
    confirmTitle: "Run today's reminders now?",
    confirmBody:
      "The digests to unfinished people and to their superiors are decided now and queued. If today's run has already happened, nothing is sent.",
    confirm: 'Run',
    cancel: 'Back',
    busy: "Today's reminders are being run right now. Wait a moment and press again (nothing is sent twice).",
    resultLabel: 'Result',
    ran: "Today's reminders for {{day}} were run.",
    alreadyRan: "Today's reminders for {{day}} were already run at {{time}}. Nothing new was sent.",
    outsideHours:
      '{{day}} is not a working day, or it is outside the hours ({{from}}–{{until}}): nothing was sent.',
    figures:
      'Unfinished in {{year}}: {{digests}} to people and {{escalations}} to section heads or officers queued; {{capped}} held back by the cap',
    noAddressList: 'People with no e-mail address, who could not be reached by e-mail',
    more: 'and {{count}} more',
  },
  schedule: {
    heading: 'Reminder schedule',
    description:
      'How many days before the due date (the e-learning due date, else the end of the fiscal year) people hear, how often while overdue, and after how many overdue reminders their superiors hear.',
    defaults: 'This course follows the default schedule.',
    enabled: 'Send reminders for this course',
    daysBefore: 'Days before the due date (comma-separated)',
    onDueDate: 'Also remind on the due date',
    overdueEveryDays: 'While overdue, remind every … days',
    escalateAfter: 'Tell the section head after … overdue reminders',
    officerAfter: "Also tell the bureau's unit security officer after … overdue reminders",
    save: 'Save schedule',
    saved: 'Schedule saved.',
    invalidDays: 'Enter days from 1 to 365, separated by commas.',
  },
  templates: {
    heading: 'Wording of messages',
    description:
      'Change the subject and body of each message in each language. Placeholders you may use: {{placeholders}}. A text with a placeholder the message does not know cannot be saved.',
    mandatory: 'About mandatory training (cannot be turned off)',
    custom: 'Changed',
    catalogue: 'Default wording',
    subject: 'Subject',
    body: 'Body',
    save: 'Save',
    reset: 'Back to the default',
    saved: 'Saved.',
    language: { ja: 'Japanese', en: 'English' },
  },
  kinds: {
    'booking.made': 'Booking confirmed',
    'booking.waitlisted': 'On the waitlist',
    'booking.made_for_you': 'Booked on your behalf',
    'booking.waitlisted_for_you': 'Waitlisted on your behalf',
    'booking.moved': 'Booking moved',
    'booking.cancelled': 'Booking cancelled',
    'booking.cancelled_for_you': 'Booking cancelled on your behalf',
    'booking.promoted': 'Promoted from the waitlist',
    'session.cancelled': 'Session cancelled',
    'e_learning.assigned': 'E-learning assigned',
    'e_learning.withdrawn': 'E-learning withdrawn',
    'training.reminder': 'Reminder (from a person)',
    'reminder.digest': 'Digest of unfinished training (scheduled)',
    'escalation.digest': 'Digest of overdue people (to superiors)',
    'account.password_link': 'Set-password link',
  },
};
