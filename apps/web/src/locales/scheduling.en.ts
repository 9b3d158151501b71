import type { schedulingJa } from './scheduling.ja.ts';

/** English words of the checks before saving a session (weekends, holidays, venues, past dates) and publishing a course, the same keys as Japanese. */
export const schedulingEn: typeof schedulingJa = {
  warningsTitle: 'Check before saving (you can still save)',
  weekend: '{{date}} is a weekend day.',
  holiday: '{{date}} is a national holiday: {{name}}.',
  yearEndClosure: '{{date}} is in the year-end closure (29 December – 3 January).',
  venueOverlap: '{{venue}} already has {{course}} at {{time}} at the same time.',
  openOther: 'Open the other session',
  pastTitle: 'This session is in the past',
  pastNotice:
    'Recording a session that already took place (for example from a paper sign-in sheet). It will not be open for booking; mark its attendance on the attendance page afterwards.',
  recordedReason: 'Why it is recorded afterwards',
  recordedReasonMissing: 'Give the reason this past session is recorded.',
  record: 'Record past session',
  recordedNotice: 'Recorded after it took place: {{reason}}',
  holidayMark: 'Holiday: {{name}}',
  draft: 'Draft',
  published: 'Published',
  draftNotice:
    'This course is a draft: nobody is required to take it (not in My training, the team page, reports or e-learning assignment) until you publish it.',
  publish: 'Publish course',
  publishTitle: 'Publish this course?',
  publishBody:
    'From now on everyone in its audience must take it this fiscal year: it appears in their training, on team pages and in reports, and reminders and e-learning assignments include it.',
  publishConfirm: 'Publish',
  publishedNotice: 'Published {{date}}.',
};
