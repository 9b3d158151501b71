import { describe, expect, it } from 'vitest';
import type { MyBooking, RequirementItem } from '../api/get-my-training.ts';
import { nextStep, sortRequirements } from './next-step.ts';

const COURSE: RequirementItem['course'] = {
  id: 3,
  code: 'SEC-ALL',
  titleJa: '情報セキュリティ研修',
  titleEn: 'Information security training',
  descriptionJa: '',
  descriptionEn: '',
  audience: { kind: 'all_staff' },
  completionModes: 'either',
  recurrence: 'yearly',
  active: true,
  excusedGetELearning: true,
  publishedAt: '2026-04-01T00:00:00.000Z',
};

function booking(overrides: Partial<MyBooking> = {}): MyBooking {
  return {
    id: 11,
    sessionId: 21,
    status: 'confirmed',
    waitlistPosition: null,
    startsAt: '2027-02-02T01:00:00.000Z',
    endsAt: '2027-02-02T02:30:00.000Z',
    venue: '本省 第1会議室',
    onlineUrl: null,
    bookingCutoffAt: '2027-02-01T08:00:00.000Z',
    canCancel: true,
    ...overrides,
  };
}

/** A session of mine that has ended, marked (or not yet) on its attendance sheet. */
function pastSession(
  overrides: Partial<NonNullable<RequirementItem['pastSession']>> = {},
): NonNullable<RequirementItem['pastSession']> {
  return {
    bookingId: 11,
    sessionId: 21,
    startsAt: '2026-09-01T01:00:00.000Z',
    endsAt: '2026-09-01T02:30:00.000Z',
    venue: '本省 第1会議室',
    mark: null,
    finalised: false,
    ...overrides,
  };
}

/** E-learning assigned to me, not yet started. */
function assignment(
  overrides: Partial<NonNullable<RequirementItem['assignment']>> = {},
): NonNullable<RequirementItem['assignment']> {
  return {
    id: 5,
    dueOn: '2027-03-15',
    moduleId: 9,
    overdue: false,
    started: false,
    source: 'window_closed',
    ...overrides,
  };
}

function item(overrides: Partial<RequirementItem>): RequirementItem {
  return {
    course: COURSE,
    required: true,
    status: 'not_started',
    completion: null,
    booking: null,
    waits: [],
    pastSession: null,
    eLearningModuleId: 9,
    assignment: null,
    ...overrides,
  };
}

describe('next step', () => {
  it('sends someone who has not started to the session finder for that course', () => {
    expect(nextStep(item({ status: 'not_started' }))).toEqual({
      kind: 'find_session',
      courseId: 3,
      missed: null,
    });
  });

  it('has nothing to press for an e-learning-only course not yet assigned', () => {
    const course = { ...COURSE, completionModes: 'e_learning' as const };
    expect(nextStep(item({ course, status: 'not_started' }))).toEqual({ kind: 'await_e_learning' });
  });

  it('shows a seat, changeable until the cut-off', () => {
    const seat = booking();
    expect(nextStep(item({ status: 'booked', booking: seat }))).toEqual({
      kind: 'attend',
      booking: seat,
      canChange: true,
    });
    const late = booking({ canCancel: false });
    expect(nextStep(item({ status: 'booked', booking: late }))).toMatchObject({
      kind: 'attend',
      canChange: false,
    });
  });

  it('lists waitlist places closest to a seat first', () => {
    const third = booking({ id: 1, status: 'waitlisted', waitlistPosition: 3 });
    const first = booking({ id: 2, status: 'waitlisted', waitlistPosition: 1 });
    expect(nextStep(item({ status: 'waiting', waits: [third, first] }))).toEqual({
      kind: 'wait',
      waits: [first, third],
      courseId: 3,
    });
  });

  it('starts assigned e-learning, noting whether sessions are an alternative', () => {
    expect(nextStep(item({ status: 'e_learning_assigned', assignment: assignment() }))).toEqual({
      kind: 'e_learning',
      courseId: 3,
      moduleId: 9,
      dueOn: '2027-03-15',
      overdue: false,
      started: false,
      missed: null,
      sessionsOffered: true,
    });
  });

  it('after an absence, goes straight into the e-learning and says which session was missed', () => {
    const missed = pastSession({ mark: 'absent', finalised: true });
    const overdue = assignment({
      dueOn: '2026-10-01',
      overdue: true,
      started: true,
      source: 'absent',
    });
    expect(
      nextStep(item({ status: 'e_learning_overdue', pastSession: missed, assignment: overdue })),
    ).toMatchObject({
      kind: 'e_learning',
      moduleId: 9,
      dueOn: '2026-10-01',
      overdue: true,
      started: true,
      missed: { startsAt: '2026-09-01T01:00:00.000Z', mark: 'absent' },
    });
  });

  it('never offers a session that has ended as a seat: it waits for the attendance sheet', () => {
    const ended = pastSession({ venue: null });
    expect(nextStep(item({ status: 'awaiting_roster', pastSession: ended }))).toEqual({
      kind: 'await_attendance_sheet',
      startsAt: '2026-09-01T01:00:00.000Z',
      endsAt: '2026-09-01T02:30:00.000Z',
    });
  });

  it('offers another session to someone excused when no e-learning was assigned', () => {
    const excused = pastSession({ venue: null, mark: 'excused', finalised: true });
    expect(nextStep(item({ status: 'not_started', pastSession: excused }))).toEqual({
      kind: 'find_session',
      courseId: 3,
      missed: { startsAt: '2026-09-01T01:00:00.000Z', mark: 'excused' },
    });
  });

  it('says how and when a completed course was completed, by the session day', () => {
    const completion = {
      kind: 'attended' as const,
      recordedAt: '2026-09-02T01:00:00.000Z',
      completedOn: '2026-09-01',
      score: null,
    };
    expect(nextStep(item({ status: 'completed', completion }))).toEqual({
      kind: 'completed',
      how: 'attended',
      on: '2026-09-01',
      score: null,
    });
  });

  it('carries the score of a completion by e-learning to the card', () => {
    const completion = {
      kind: 'e_learning' as const,
      recordedAt: '2026-09-02T01:00:00.000Z',
      completedOn: '2026-09-02',
      score: 90,
    };
    expect(nextStep(item({ status: 'completed', completion }))).toEqual({
      kind: 'completed',
      how: 'e_learning',
      on: '2026-09-02',
      score: 90,
    });
  });

  it('falls back to finding a session when the record is inconsistent', () => {
    expect(nextStep(item({ status: 'booked', booking: null }))).toMatchObject({
      kind: 'find_session',
    });
    expect(nextStep(item({ status: 'waiting', waits: [] }))).toMatchObject({
      kind: 'find_session',
    });
    expect(nextStep(item({ status: 'not_required', required: false }))).toEqual({ kind: 'none' });
  });
});

describe('sorting my courses', () => {
  it('puts open work first and completed courses last, otherwise keeping the order', () => {
    const a = item({ course: { ...COURSE, id: 1 }, status: 'completed' });
    const b = item({ course: { ...COURSE, id: 2 }, status: 'booked', booking: booking() });
    const c = item({ course: { ...COURSE, id: 3 }, status: 'not_started' });
    const d = item({ course: { ...COURSE, id: 4 }, status: 'not_started' });
    const e = item({ course: { ...COURSE, id: 5 }, status: 'e_learning_overdue' });
    expect(sortRequirements([a, b, c, d, e]).map((i) => i.course.id)).toEqual([5, 3, 4, 2, 1]);
  });
});
