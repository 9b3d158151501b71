import type { myTrainingJa } from './my-training.ja.ts';

/** English words of the My training page, the same keys as Japanese. */
export const myTrainingEn: typeof myTrainingJa = {
  title: 'My training',
  intro: 'The courses you must take this fiscal year, and what to do next for each.',
  empty: 'You have no required courses this fiscal year.',
  progress_one: '{{year}}: {{done}} of {{count}} course completed',
  progress_other: '{{year}}: {{done}} of {{count}} courses completed',
  online: 'Online',
  when: 'When',
  where: 'Where',
  status: {
    completed: 'Completed',
    booked: 'Booked',
    waiting: 'Waiting',
    waitingAt: 'Waiting #{{position}}',
    awaiting_roster: 'Attendance being recorded',
    e_learning_overdue: 'E-learning overdue',
    e_learning_in_progress: 'E-learning in progress',
    e_learning_assigned: 'E-learning assigned',
    not_started: 'Not started',
    not_required: 'Not required',
  },
  step: {
    notStarted: 'You have not taken this yet. Choose a group session and book it.',
    notStartedEither:
      'You have not taken this yet. Book a group session, or complete it by e-learning.',
    cutoffPassed:
      'The booking cut-off has passed: to change or cancel, contact the training office.',
    waiting: 'You are on the waitlist for {{when}}.',
    waitingAt: 'You are #{{position}} on the waitlist for {{when}}.',
    waitingHint:
      'If a seat frees up you are booked automatically and notified. You can also book another session.',
    eLearning: 'E-learning has been assigned to you. It is due by {{due}}.',
    eLearningOverdue: 'The e-learning was due by {{due}}. Please complete it now.',
    eLearningStarted: 'You have started the e-learning. Continue where you left off.',
    missed: {
      absent: 'You were absent from the group session on {{date}}.',
      excused: 'You were excused from the group session on {{date}}.',
    },
    bookAnother: 'Book another session, or complete it by e-learning.',
    awaitAttendanceSheet:
      'The session on {{when}} has ended. Your attendance will show once the trainer submits the attendance sheet.',
    awaitELearning: 'This course is taken by e-learning. Please wait until it is assigned to you.',
    completed: {
      attended: 'Completed by attending a group session on {{date}}.',
      e_learning: 'Completed by e-learning on {{date}}.',
      e_learningScore: 'Completed by e-learning on {{date}}, with a score of {{score}}%.',
      credited: 'Recorded as completed by the training office on {{date}}.',
    },
    notRequired: 'You do not need to take this course this fiscal year.',
  },
  actions: {
    findSession: 'Find a session',
    move: 'Move',
    findAnother: 'Find another session',
    startELearning: 'Start e-learning',
    continueELearning: 'Continue e-learning',
    takeELearning: 'Take it by e-learning',
    findSessionInstead: 'Find a group session',
  },
  feed: {
    heading: 'Calendar subscription',
    intro:
      'Show your booked training in Outlook or your phone’s calendar automatically. Create a private subscription URL and add it to your calendar app.',
    create: 'Create subscription URL',
    urlLabel: 'Subscription URL',
    shownOnce:
      'This URL is shown only now. Keep it to yourself. Creating a new one stops the old one working.',
    copy: 'Copy URL',
    copied: 'URL copied.',
    revoke: 'Stop subscription',
    revoked: 'The subscription URL no longer works.',
    failed: 'That did not work. Please try again.',
    forbidden: 'You are not allowed to do this.',
  },
};
