/**
 * The facts each kind of message is written from. They are stored with the in-app notice (as its
 * payload) and rendered into words only when read, so a notice and its e-mail say the same thing
 * in whichever language the reader uses. Plain JSON: dates as ISO strings or 'YYYY-MM-DD'.
 */

/** A course's title in both languages. */
export interface CourseFacts {
  titleJa: string;
  titleEn: string;
}

/** A group session as the person will meet it. */
export interface SessionFacts {
  course: CourseFacts;
  /** ISO instant. */
  startsAt: string;
  /** ISO instant. */
  endsAt: string;
  venue: string | null;
  online: boolean;
}

/** A name in both scripts the product shows. */
export interface PersonFacts {
  name: string;
}

/** One obligation in a person's reminder digest. */
export interface ObligationFacts {
  course: CourseFacts;
  fiscalYear: number;
  /** 'YYYY-MM-DD'. */
  dueOn: string;
  /** Whole days from the digest's day to the due date; negative once overdue. */
  daysLeft: number;
}

/** One person in an escalation digest to their section head or unit security officer. */
export interface OverduePersonFacts {
  name: string;
  staffNumber: string;
  unitJa: string;
  unitEn: string;
  course: CourseFacts;
  /** 'YYYY-MM-DD'. */
  dueOn: string;
  daysOverdue: number;
  /** How many reminders the person has already had about it. */
  reminders: number;
}

/** The facts of every kind of message, by kind. */
export interface MessageFacts {
  'booking.made': { session: SessionFacts };
  'booking.waitlisted': { session: SessionFacts };
  'booking.made_for_you': { session: SessionFacts; actor: PersonFacts };
  'booking.waitlisted_for_you': { session: SessionFacts; actor: PersonFacts };
  'booking.moved': { session: SessionFacts; previous: SessionFacts; actor: PersonFacts | null };
  'booking.cancelled': { session: SessionFacts };
  'booking.cancelled_for_you': {
    session: SessionFacts;
    actor: PersonFacts;
    reason: string | null;
  };
  'booking.promoted': { session: SessionFacts };
  'session.cancelled': { session: SessionFacts; reason: string | null };
  'e_learning.assigned': { course: CourseFacts; dueOn: string; reason: string | null };
  'e_learning.withdrawn': { course: CourseFacts; actor: PersonFacts; reason: string | null };
  'training.reminder': {
    course: CourseFacts;
    fiscalYear: number;
    sender: PersonFacts;
    /** The sender's own words, if they wrote any. */
    message: string | null;
  };
  'reminder.digest': { obligations: ObligationFacts[] };
  'escalation.digest': {
    /** Whom the digest goes to: the person's section head, or later the unit security officer. */
    level: 'section_head' | 'unit_security_officer';
    people: OverduePersonFacts[];
  };
  'account.password_link': {
    /** The one-time set-password link itself: a secret. */
    url: string;
    /** ISO instant. */
    expiresAt: string;
  };
}

/** Every kind of message the product sends. */
export type MessageKind = keyof MessageFacts;
