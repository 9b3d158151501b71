import { validation } from '../errors.ts';

/** A quiz question as scoring sees it: single or multiple choice, and its correct options. */
export interface ScoredQuestion {
  id: number;
  kind: 'single' | 'multiple';
  optionCount: number;
  correct: readonly number[];
}

/** The options a learner chose for one question. */
export interface QuizAnswer {
  questionId: number;
  optionIds: readonly number[];
}

export interface QuestionResult {
  questionId: number;
  chosen: number[];
  correct: number[];
  isCorrect: boolean;
}

export interface QuizResult {
  /** Whole percent, rounded down so a pass is never granted by rounding. */
  score: number;
  passed: boolean;
  correctCount: number;
  questions: QuestionResult[];
}

/**
 * Checks answers against the quiz they claim to answer: every question must belong to it, be
 * answered at most once, name existing options, and a single-choice question takes one option.
 */
export function validateAnswers(
  questions: readonly ScoredQuestion[],
  answers: readonly QuizAnswer[],
): void {
  const byId = new Map(questions.map((q) => [q.id, q]));
  const seen = new Set<number>();
  for (const a of answers) {
    const q = byId.get(a.questionId);
    if (!q) {
      throw validation(`Question ${a.questionId} is not part of this quiz`, {
        questionId: a.questionId,
      });
    }
    if (seen.has(a.questionId)) {
      throw validation(`Question ${a.questionId} is answered twice`, { questionId: a.questionId });
    }
    seen.add(a.questionId);
    if (new Set(a.optionIds).size !== a.optionIds.length) {
      throw validation(`An option is chosen twice in question ${q.id}`, { questionId: q.id });
    }
    if (a.optionIds.some((o) => !Number.isInteger(o) || o < 0 || o >= q.optionCount)) {
      throw validation(`Question ${q.id} has no such option`, { questionId: q.id });
    }
    if (q.kind === 'single' && a.optionIds.length > 1) {
      throw validation(`Question ${q.id} takes one answer`, { questionId: q.id });
    }
  }
}

/**
 * The questions a submission leaves without a chosen option, in the quiz's order. A learner
 * must answer every one: a blank submission would otherwise cost nothing and, where answers
 * are revealed, show them all.
 */
export function unansweredQuestions(
  questions: readonly Pick<ScoredQuestion, 'id'>[],
  answers: readonly QuizAnswer[],
): number[] {
  const answered = new Set(answers.filter((a) => a.optionIds.length > 0).map((a) => a.questionId));
  return questions.filter((q) => !answered.has(q.id)).map((q) => q.id);
}

/**
 * Scores a quiz: a question counts only when exactly its correct options are chosen (no partial
 * credit for multiple choice); unanswered questions count as wrong.
 */
export function scoreQuiz(
  questions: readonly ScoredQuestion[],
  answers: readonly QuizAnswer[],
  passMark: number,
): QuizResult {
  validateAnswers(questions, answers);
  const chosenOf = new Map(answers.map((a) => [a.questionId, [...a.optionIds].sort(byNumber)]));
  const results = questions.map((q) => {
    const chosen = chosenOf.get(q.id) ?? [];
    const correct = [...q.correct].sort(byNumber);
    const isCorrect = chosen.length === correct.length && chosen.every((o, i) => o === correct[i]);
    return { questionId: q.id, chosen, correct, isCorrect };
  });
  const correctCount = results.filter((r) => r.isCorrect).length;
  const score = questions.length === 0 ? 100 : Math.floor((correctCount * 100) / questions.length);
  return { score, passed: score >= passMark, correctCount, questions: results };
}

function byNumber(a: number, b: number): number {
  return a - b;
}
