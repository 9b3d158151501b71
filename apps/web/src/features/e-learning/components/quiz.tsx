import { useId, useRef, useState, type FormEvent } from 'react';
import { Button } from '../../../components/button.tsx';
import { useLanguage, useTranslation } from '../../../lib/i18n.ts';
import {
  useStartAttempt,
  useSubmitAttempt,
  type AttemptResult,
  type PlayerModule,
  type QuizAttempt,
} from '../api/learn.ts';
import { ELearningErrorAlert } from './error-alert.tsx';

/** The quiz: start (or resume) an attempt, answer, submit; then score, pass/fail and review. */
export function Quiz({ module }: { module: PlayerModule }) {
  const { t } = useTranslation();
  const start = useStartAttempt(module.moduleId);
  const [attempt, setAttempt] = useState<QuizAttempt | null>(null);
  const [result, setResult] = useState<AttemptResult | null>(null);
  const { progress } = module;
  const limitReached = module.attemptLimit !== null && progress.attemptsUsed >= module.attemptLimit;

  const begin = () => {
    setResult(null);
    start.mutate(undefined, { onSuccess: setAttempt });
  };

  return (
    <section className="quiz" aria-labelledby="quiz-heading">
      <h2 id="quiz-heading" tabIndex={-1}>
        {t('eLearning.quiz.heading')}
      </h2>
      <p>
        {t('eLearning.quiz.intro', { count: module.questionCount, passMark: module.passMark })}{' '}
        {module.attemptLimit === null
          ? t('eLearning.quiz.attemptsUnlimited', { used: progress.attemptsUsed })
          : t('eLearning.quiz.attempts', {
              used: progress.attemptsUsed,
              limit: module.attemptLimit,
            })}
      </p>
      {result ? (
        <QuizResult result={result} module={module} />
      ) : attempt ? (
        <QuizForm
          attempt={attempt}
          moduleId={module.moduleId}
          onSubmitted={(r) => {
            setAttempt(null);
            setResult(r);
          }}
        />
      ) : null}
      {!attempt ? (
        limitReached && !progress.openAttemptId ? (
          <p>{t('eLearning.quiz.limitReached')}</p>
        ) : (
          <Button
            variant={result ? 'secondary' : 'primary'}
            onPress={begin}
            isDisabled={start.isPending}
          >
            {result ? t('eLearning.quiz.retry') : t('eLearning.quiz.start')}
          </Button>
        )
      ) : null}
      {start.isError ? <ELearningErrorAlert error={start.error} /> : null}
    </section>
  );
}

function QuizForm({
  attempt,
  moduleId,
  onSubmitted,
}: {
  attempt: QuizAttempt;
  moduleId: number;
  onSubmitted: (result: AttemptResult) => void;
}) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const formId = useId();
  const submit = useSubmitAttempt(moduleId);
  const [chosen, setChosen] = useState<Record<number, number[]>>({});
  // Set by a submit with questions left blank: the blank ones are pointed out until answered.
  const [showMissing, setShowMissing] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);
  const isAnswered = (questionId: number) => (chosen[questionId] ?? []).length > 0;
  const unanswered = attempt.questions.filter((q) => !isAnswered(q.id));

  const toggle = (questionId: number, optionId: number, single: boolean) => {
    setChosen((old) => {
      const current = old[questionId] ?? [];
      const next = single
        ? [optionId]
        : current.includes(optionId)
          ? current.filter((o) => o !== optionId)
          : [...current, optionId];
      return { ...old, [questionId]: next };
    });
  };

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const [firstBlank] = unanswered;
    if (firstBlank) {
      // The server refuses a blank answer too; say so here and take the learner to the first.
      setShowMissing(true);
      formRef.current
        ?.querySelector<HTMLInputElement>(`[data-question="${firstBlank.id}"] input`)
        ?.focus();
      return;
    }
    submit.mutate(
      {
        attemptId: attempt.id,
        answers: attempt.questions.map((q) => ({
          questionId: q.id,
          optionIds: chosen[q.id] ?? [],
        })),
      },
      { onSuccess: onSubmitted },
    );
  };

  return (
    <form className="quiz__form" onSubmit={onSubmit} noValidate ref={formRef}>
      {attempt.questions.map((q, i) => {
        const single = q.kind === 'single';
        const missing = showMissing && !isAnswered(q.id);
        const missingId = `${formId}-${q.id}-missing`;
        return (
          <fieldset
            key={q.id}
            className={missing ? 'quiz__question quiz__question--missing' : 'quiz__question'}
            data-question={q.id}
            aria-describedby={missing ? missingId : undefined}
          >
            <legend>
              <span className="quiz__number">
                {t('eLearning.quiz.question', { number: i + 1 })}
              </span>{' '}
              {lang === 'ja' ? q.textJa : q.textEn}{' '}
              <span className="muted">
                （{single ? t('eLearning.quiz.single') : t('eLearning.quiz.multiple')}）
              </span>
            </legend>
            {missing ? (
              <p id={missingId} className="form-error">
                {t('eLearning.quiz.notAnswered')}
              </p>
            ) : null}
            {q.options.map((o) => {
              const inputId = `${formId}-${q.id}-${o.id}`;
              return (
                <div key={o.id} className="quiz__option">
                  <input
                    id={inputId}
                    type={single ? 'radio' : 'checkbox'}
                    name={`${formId}-${q.id}`}
                    checked={(chosen[q.id] ?? []).includes(o.id)}
                    onChange={() => toggle(q.id, o.id, single)}
                  />
                  <label htmlFor={inputId}>{lang === 'ja' ? o.ja : o.en}</label>
                </div>
              );
            })}
          </fieldset>
        );
      })}
      {unanswered.length > 0 ? (
        showMissing ? (
          <p role="alert" className="form-error">
            {t('eLearning.quiz.answerAll', { count: unanswered.length })}
          </p>
        ) : (
          <p className="muted">{t('eLearning.quiz.unanswered', { count: unanswered.length })}</p>
        )
      ) : null}
      {submit.isError ? <ELearningErrorAlert error={submit.error} /> : null}
      <Button type="submit" variant="primary" isDisabled={submit.isPending}>
        {t('eLearning.quiz.submit')}
      </Button>
    </form>
  );
}

/** Why the review shows no correct answers, from the module's setting and attempt limit. */
function hiddenAnswersNote(module: PlayerModule) {
  if (!module.revealAnswers) return 'eLearning.quiz.answersNotShown' as const;
  return module.attemptLimit === null
    ? ('eLearning.quiz.answersAfterPass' as const)
    : ('eLearning.quiz.answersAfterPassOrLast' as const);
}

function QuizResult({ result, module }: { result: AttemptResult; module: PlayerModule }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const pick = (ja: string | null, en: string | null) => (lang === 'ja' ? ja : en);
  const optionText = (options: AttemptResult['review'][number]['options'], ids: number[]) =>
    options
      .filter((o) => ids.includes(o.id))
      .map((o) => pick(o.ja, o.en))
      .join(' / ') || '—';
  return (
    <div className="quiz__result">
      <div role="status" className={result.passed ? 'quiz__verdict--pass' : 'quiz__verdict--fail'}>
        <p className="quiz__score">
          {t('eLearning.quiz.score', {
            score: result.score,
            correct: result.correctCount,
            total: result.questionCount,
          })}
        </p>
        <p>
          {result.passed
            ? t('eLearning.quiz.passed')
            : t('eLearning.quiz.failed', { passMark: result.passMark })}
        </p>
      </div>
      <h3>{t('eLearning.quiz.review')}</h3>
      {result.answersRevealed ? null : <p className="muted">{t(hiddenAnswersNote(module))}</p>}
      <ol className="quiz__review">
        {result.review.map((r) => (
          <li key={r.questionId}>
            <p>
              {r.isCorrect === null ? null : (
                <>
                  <strong>
                    {r.isCorrect
                      ? `✓ ${t('eLearning.quiz.correct')}`
                      : `✗ ${t('eLearning.quiz.wrong')}`}
                  </strong>{' '}
                </>
              )}
              {pick(r.textJa, r.textEn)}
            </p>
            <dl>
              <dt>{t('eLearning.quiz.yourAnswer')}</dt>
              <dd>{optionText(r.options, r.chosen)}</dd>
              {r.correct === null ? null : (
                <>
                  <dt>{t('eLearning.quiz.correctAnswer')}</dt>
                  <dd>{optionText(r.options, r.correct)}</dd>
                </>
              )}
            </dl>
            {pick(r.explanationJa, r.explanationEn) ? (
              <p className="muted">{pick(r.explanationJa, r.explanationEn)}</p>
            ) : null}
          </li>
        ))}
      </ol>
    </div>
  );
}
