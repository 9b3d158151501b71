import type { MessageFacts, MessageKind, SessionFacts } from './facts.ts';

const course = { titleJa: '情報セキュリティ研修', titleEn: 'Information security training' };
const session: SessionFacts = {
  course,
  startsAt: '2026-09-08T01:00:00.000Z',
  endsAt: '2026-09-08T02:30:00.000Z',
  venue: '本省 第1会議室',
  online: false,
};
const actor = { name: '佐藤 花子' };

/**
 * Made-up facts for every kind, so an admin editing the words sees a whole message before saving
 * it (and tests can render every kind). Typed by kind: a new kind without an example fails to build.
 */
export const EXAMPLE_FACTS: { readonly [K in MessageKind]: MessageFacts[K] } = {
  'booking.made': { session },
  'booking.waitlisted': { session },
  'booking.made_for_you': { session, actor },
  'booking.waitlisted_for_you': { session, actor },
  'booking.moved': {
    session,
    previous: {
      ...session,
      startsAt: '2026-09-01T05:00:00.000Z',
      endsAt: '2026-09-01T06:30:00.000Z',
    },
    actor,
  },
  'booking.cancelled': { session },
  'booking.cancelled_for_you': { session, actor, reason: '業務の都合のため' },
  'booking.promoted': { session },
  'session.cancelled': { session, reason: '講師の都合により中止します' },
  'e_learning.assigned': {
    course,
    dueOn: '2026-10-31',
    reason: '集合研修を欠席したため',
  },
  'e_learning.withdrawn': { course, actor, reason: '別の研修で修了を確認したため' },
  'training.reminder': {
    course,
    fiscalYear: 2026,
    sender: actor,
    message: '今月中に受講をお願いします。',
  },
  'reminder.digest': {
    obligations: [
      { course, fiscalYear: 2026, dueOn: '2026-10-31', daysLeft: 7 },
      {
        course: { titleJa: '課室情報セキュリティ責任者研修', titleEn: 'Section-head course' },
        fiscalYear: 2026,
        dueOn: '2026-10-15',
        daysLeft: -9,
      },
    ],
  },
  'escalation.digest': {
    level: 'section_head',
    people: [
      {
        name: '山田 太郎',
        staffNumber: 'S0001',
        unitJa: '主計局 総務課',
        unitEn: 'Budget Bureau, General Affairs Division',
        course,
        dueOn: '2026-10-15',
        daysOverdue: 9,
        reminders: 3,
      },
    ],
  },
  'account.password_link': {
    url: 'https://kenshu.example.go.jp/set-password#token=example',
    expiresAt: '2026-09-09T01:00:00.000Z',
  },
};
