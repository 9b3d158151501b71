/**
 * Where a person stands on one course in one fiscal year. My training, the team page and every
 * count derive it from the same facts with the same rule ({@link requirementStatus}).
 */
export const REQUIREMENT_STATUSES = [
  'completed',
  'booked',
  // The attendance sheet is not submitted yet; the value keeps its earlier word, `roster`, as the
  // API's answers and the team page's saved filters carry it.
  'awaiting_roster',
  'e_learning_overdue',
  'e_learning_in_progress',
  'e_learning_assigned',
  'waiting',
  'not_started',
  'not_required',
] as const;
export type RequirementStatus = (typeof REQUIREMENT_STATUSES)[number];

/** The facts about one person, course and fiscal year that the status follows from. */
export interface RequirementFacts {
  /** The course's audience includes the person this year. */
  required: boolean;
  /** A completion that still counts (attended, e-learning or credited, not withdrawn). */
  completed: boolean;
  /** A seat on a session that has not ended: the person is expected there. */
  upcomingSeat: boolean;
  /** A seat on a session that has ended whose attendance sheet is not final yet. */
  awaitingRoster: boolean;
  /** An open e-learning assignment whose due day has passed. */
  eLearningOverdue: boolean;
  /** The course's e-learning begun this year and not finished. */
  eLearningStarted: boolean;
  /** An open e-learning assignment. */
  eLearningAssigned: boolean;
  /** A waitlist place on a session that has not started. */
  waiting: boolean;
}

/**
 * The rule, as data: the first row whose fact has the given value decides the status, and
 * `not_started` is what is left. Being data, it is also turned into SQL for counting many people
 * at once (packages/db builds its CASE from this list), so the two can never disagree.
 *
 * A completion is never undone, so it wins; a seat ahead outranks everything still open (going
 * completes it); a session held but not yet recorded comes next; then the e-learning the person
 * owes, the most urgent first; a waitlist place is only a hope, so it comes last.
 */
export const REQUIREMENT_STATUS_RULES: readonly {
  status: Exclude<RequirementStatus, 'not_started'>;
  when: keyof RequirementFacts;
  is: boolean;
}[] = [
  { status: 'completed', when: 'completed', is: true },
  { status: 'not_required', when: 'required', is: false },
  { status: 'booked', when: 'upcomingSeat', is: true },
  { status: 'awaiting_roster', when: 'awaitingRoster', is: true },
  { status: 'e_learning_overdue', when: 'eLearningOverdue', is: true },
  { status: 'e_learning_in_progress', when: 'eLearningStarted', is: true },
  { status: 'e_learning_assigned', when: 'eLearningAssigned', is: true },
  { status: 'waiting', when: 'waiting', is: true },
];

/** The status of one requirement. */
export function requirementStatus(facts: RequirementFacts): RequirementStatus {
  for (const rule of REQUIREMENT_STATUS_RULES) {
    if (facts[rule.when] === rule.is) return rule.status;
  }
  return 'not_started';
}

/** Statuses that still leave something to do (what a reminder or a chase is about). */
export function isOpenRequirement(status: RequirementStatus): boolean {
  return status !== 'completed' && status !== 'not_required';
}
