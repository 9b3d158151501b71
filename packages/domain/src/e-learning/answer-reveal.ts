/** What decides whether a learner may see a quiz's correct answers. */
export interface AnswerRevealState {
  /** The module's setting; off by default. */
  revealAnswers: boolean;
  /** null: unlimited attempts. */
  attemptLimit: number | null;
  /** Submitted attempts, the one just submitted included. */
  attemptsUsed: number;
  /** Whether any submitted attempt passed. */
  passed: boolean;
}

/**
 * Correct answers (and the explanations, which give them away) are shown only on a module set
 * to reveal them, and only once they can no longer help to pass: after a pass, or after the
 * last allowed attempt. With unlimited attempts that means after a pass.
 */
export function revealsAnswers(state: AnswerRevealState): boolean {
  if (!state.revealAnswers) return false;
  if (state.passed) return true;
  return state.attemptLimit !== null && state.attemptsUsed >= state.attemptLimit;
}
