import { randomInt } from 'node:crypto';
import type { AttemptResult, QuizAttempt as QuizAttemptView } from '@kenshu/contracts';
import {
  attemptsOfProgress,
  findCourseById,
  findModule,
  findModuleVersionById,
  findQuizAttempt,
  insertQuizAttempt,
  lockModuleProgress,
  lockQuizAttempt,
  questionsOf,
  runInTransaction,
  sectionsOf,
  submitQuizAttempt,
  type AttemptQuestionOrder,
  type ModuleQuestion,
  type QuizAttempt,
} from '@kenshu/db';
import {
  AppError,
  notFound,
  revealsAnswers,
  scoreQuiz,
  shuffleWithSeed,
  unansweredQuestions,
  validateAnswers,
  validation,
} from '@kenshu/domain';
import type { ServiceContext } from '../../context.ts';
import { requireViewer } from '../../lib/service-context.ts';
import { completeIfDone, countsForRequirement, progressView } from './completion.ts';
import { inLockedLearnerModule } from './player.ts';

/** The order a new attempt shows: as authored, or shuffled (questions and their options). */
function questionOrder(questions: ModuleQuestion[], shuffle: boolean): AttemptQuestionOrder[] {
  const identity = (q: ModuleQuestion) => q.options.map((_, i) => i);
  if (!shuffle) return questions.map((q) => ({ questionId: q.id, optionOrder: identity(q) }));
  const seed = randomInt(0, 2 ** 31);
  return shuffleWithSeed(questions, seed).map((q, i) => ({
    questionId: q.id,
    optionOrder: shuffleWithSeed(identity(q), seed + i + 1),
  }));
}

/** The questions in the attempt's order, each with its options in the order shown. */
function shownQuestions(attempt: QuizAttempt, questions: ModuleQuestion[]) {
  const byId = new Map(questions.map((q) => [q.id, q]));
  return attempt.question_order.flatMap(({ questionId, optionOrder }) => {
    const q = byId.get(questionId);
    if (!q) return [];
    const options = optionOrder.flatMap((id) => {
      const o = q.options[id];
      return o ? [{ id, ja: o.ja, en: o.en }] : [];
    });
    return [{ question: q, options }];
  });
}

/** An attempt as the learner sees it before submitting: no correct answers, no explanations. */
function toAttemptView(
  attempt: QuizAttempt,
  questions: ModuleQuestion[],
  meta: {
    moduleId: number;
    version: number;
    passMark: number;
    attemptLimit: number | null;
    attemptNumber: number;
  },
): QuizAttemptView {
  return {
    id: attempt.id,
    ...meta,
    questions: shownQuestions(attempt, questions).map(({ question, options }) => ({
      id: question.id,
      kind: question.kind,
      textJa: question.text_ja,
      textEn: question.text_en,
      options,
    })),
  };
}

/** Starts a quiz attempt, or hands back the one already in progress (e.g. on another device). */
export async function startAttempt({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: { id: number };
}): Promise<QuizAttemptView> {
  // The progress row lock serialises attempt starts of one learner on one module.
  return inLockedLearnerModule(ctx, input.id, async (trx, { progress, version, staffId }) => {
    const questions = await questionsOf(trx, version.id);
    if (questions.length === 0) throw validation('This module has no quiz');
    const attempts = await attemptsOfProgress(trx, progress.id);
    const submitted = attempts.filter((a) => a.submitted_at !== null).length;
    const meta = {
      moduleId: input.id,
      version: version.version,
      passMark: version.pass_mark,
      attemptLimit: version.attempt_limit,
    };
    const open = attempts.find((a) => a.submitted_at === null);
    if (open) return toAttemptView(open, questions, { ...meta, attemptNumber: submitted + 1 });
    if (version.attempt_limit !== null && submitted >= version.attempt_limit) {
      throw new AppError(
        'ATTEMPT_LIMIT_REACHED',
        `All ${version.attempt_limit} attempts at this quiz are used`,
        { attemptLimit: version.attempt_limit },
      );
    }
    const attempt = await insertQuizAttempt(trx, {
      progress_id: progress.id,
      staff_id: staffId,
      module_version_id: version.id,
      question_order: questionOrder(questions, version.shuffle),
    });
    return toAttemptView(attempt, questions, { ...meta, attemptNumber: submitted + 1 });
  });
}

/**
 * Scores an attempt on the server. Every question must be answered. The correct answers come
 * back only where the module reveals them and only after a pass or the last allowed attempt.
 * Submitting an attempt again returns its first result unchanged, so a double click or a
 * retried request counts once.
 */
export async function submitAttempt({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: { id: number; answers: { questionId: number; optionIds: number[] }[] };
}): Promise<AttemptResult> {
  const viewer = requireViewer(ctx);
  return runInTransaction(ctx.db, async (trx) => {
    const found = await findQuizAttempt(trx, input.id);
    if (!found || found.staff_id !== viewer.staffId) throw notFound('attempt');
    const version = await findModuleVersionById(trx, found.module_version_id);
    const module = version && (await findModule(trx, version.module_id));
    const course = module && (await findCourseById(trx, module.course_id));
    if (!version || !course) throw notFound('attempt');
    // Progress first, then the attempt: the order starting an attempt locks in, so no deadlock.
    const progress = await lockModuleProgress(trx, found.progress_id);
    let attempt = await lockQuizAttempt(trx, found.id);
    if (!progress || !attempt) throw notFound('attempt');
    const questions = await questionsOf(trx, version.id);
    const scored = questions.map((q) => ({
      id: q.id,
      kind: q.kind,
      optionCount: q.options.length,
      correct: q.correct,
    }));
    if (attempt.submitted_at === null) {
      validateAnswers(scored, input.answers);
      const unanswered = unansweredQuestions(scored, input.answers);
      if (unanswered.length > 0) {
        throw validation(
          `Answer every question before submitting: ${unanswered.length} of ${questions.length} ${unanswered.length === 1 ? 'is' : 'are'} unanswered`,
          { field: 'answers', unanswered },
        );
      }
      const first = scoreQuiz(scored, input.answers, version.pass_mark);
      attempt = await submitQuizAttempt(trx, attempt.id, {
        answers: input.answers,
        score: first.score,
        passed: first.passed,
        at: ctx.now,
      });
    }
    // Scored again from what was stored, so a repeated submit shows the first answers' result.
    const result = scoreQuiz(scored, attempt.answers ?? [], version.pass_mark);
    const sectionIds = (await sectionsOf(trx, version.id)).map((s) => s.id);
    const after = await completeIfDone(trx, {
      progress,
      version,
      course,
      sectionIds,
      questionCount: questions.length,
      at: ctx.now,
    });
    const resultOf = new Map(result.questions.map((r) => [r.questionId, r]));
    const submitted = (await attemptsOfProgress(trx, progress.id)).filter(
      (a) => a.submitted_at !== null,
    );
    const answersRevealed = revealsAnswers({
      revealAnswers: version.reveal_answers,
      attemptLimit: version.attempt_limit,
      attemptsUsed: submitted.length,
      passed: submitted.some((a) => a.passed === true),
    });
    return {
      attemptId: attempt.id,
      score: result.score,
      passed: result.passed,
      passMark: version.pass_mark,
      correctCount: result.correctCount,
      questionCount: questions.length,
      submittedAt: (attempt.submitted_at ?? ctx.now).toISOString(),
      answersRevealed,
      review: shownQuestions(attempt, questions).map(({ question, options }) => {
        const r = resultOf.get(question.id);
        return {
          questionId: question.id,
          kind: question.kind,
          textJa: question.text_ja,
          textEn: question.text_en,
          options,
          chosen: r?.chosen ?? [],
          // Which questions were wrong narrows the search as much as the answers themselves.
          correct: answersRevealed ? (r?.correct ?? []) : null,
          isCorrect: answersRevealed ? (r?.isCorrect ?? false) : null,
          explanationJa: answersRevealed ? question.explanation_ja : null,
          explanationEn: answersRevealed ? question.explanation_en : null,
        };
      }),
      progress: await progressView(trx, {
        progress: after,
        sectionIds,
        countsForRequirement: await countsForRequirement(
          trx,
          viewer.staffId,
          course,
          after.fiscal_year,
        ),
      }),
    };
  });
}
