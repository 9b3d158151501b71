import { useEffect, useRef, useState } from 'react';
import { Button } from '../../../components/button.tsx';
import { QueryState } from '../../../components/query-state.tsx';
import { useLanguage, useTranslation } from '../../../lib/i18n.ts';
import { usePlayerModule, useSaveProgress, type PlayerModule } from '../api/learn.ts';
import { ELearningErrorAlert } from './error-alert.tsx';
import { Quiz } from './quiz.tsx';
import { ScormPlayer } from './scorm-player.tsx';
import { useMe } from '../../auth/index.ts';
import './e-learning.css';

/** The learner's player: one section at a time, progress, resume, then the quiz. */
export function ModulePlayer({ moduleId }: { moduleId: number }) {
  const module = usePlayerModule(moduleId);
  const me = useMe();
  return (
    <QueryState query={module}>
      {(data) =>
        data.scorm ? (
          <ScormPlayer
            module={data}
            learner={{
              id: me.data?.staffNumber ?? '',
              name: me.data ? `${me.data.familyName}, ${me.data.givenName}` : '',
            }}
          />
        ) : (
          <Player module={data} />
        )
      }
    </QueryState>
  );
}

/** Where to resume: the last section opened, else the first one not yet read. */
function resumeIndex(module: PlayerModule): number {
  const { lastSectionId, viewedSectionIds } = module.progress;
  const last = module.sections.findIndex((s) => s.id === lastSectionId);
  if (last >= 0) return last;
  const unread = module.sections.findIndex((s) => !viewedSectionIds.includes(s.id));
  return unread >= 0 ? unread : 0;
}

function Player({ module }: { module: PlayerModule }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const pick = (ja: string, en: string) => (lang === 'ja' ? ja : en);
  const [index, setIndex] = useState(() => resumeIndex(module));
  const [showQuiz, setShowQuiz] = useState(false);
  const save = useSaveProgress(module.moduleId);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const section = module.sections[index];
  const { progress } = module;

  // Showing a section counts as reading it, and remembers it as the place to resume.
  const sectionId = section?.id;
  const { mutate } = save;
  useEffect(() => {
    if (sectionId !== undefined) mutate({ sectionId, viewed: true });
  }, [sectionId, mutate]);

  const go = (next: number) => {
    setIndex(next);
    setShowQuiz(false);
    // Move focus to the new section's heading so keyboard and screen-reader users follow along.
    requestAnimationFrame(() => headingRef.current?.focus());
  };

  const rule =
    module.completionRule === 'all_sections_viewed'
      ? t('eLearning.player.ruleAll')
      : module.completionRule === 'quiz_passed'
        ? t('eLearning.player.ruleQuiz', { passMark: module.passMark })
        : t('eLearning.player.ruleBoth', { passMark: module.passMark });
  const isLast = index === module.sections.length - 1;

  return (
    <div className="player">
      <div className="player__status">
        <p className="muted">
          {pick(module.course.titleJa, module.course.titleEn)} ·{' '}
          {t('eLearning.player.version', { version: module.version })}
        </p>
        <p>{rule}</p>
        <div className="player__progress">
          <span id="player-progress-label">{t('eLearning.player.progress')}</span>
          <div
            role="progressbar"
            aria-labelledby="player-progress-label"
            aria-valuemin={0}
            aria-valuemax={100}
            aria-valuenow={progress.percent}
            aria-valuetext={t('eLearning.player.progressValue', { percent: progress.percent })}
            className="player__bar"
          >
            <div className="player__bar-fill" style={{ width: `${progress.percent}%` }} />
          </div>
          <span aria-hidden="true">{progress.percent}%</span>
        </div>
        <div role="status" aria-live="polite">
          {progress.completed ? (
            <p className="player__done">
              {progress.countsForRequirement
                ? t('eLearning.player.completedCounts')
                : t('eLearning.player.completed')}
            </p>
          ) : !progress.countsForRequirement ? (
            <p className="muted">{t('eLearning.player.selfStudy')}</p>
          ) : null}
        </div>
        {save.isError ? <ELearningErrorAlert error={save.error} /> : null}
      </div>

      <nav className="player__toc" aria-label={t('eLearning.player.sections')}>
        <ol>
          {module.sections.map((s, i) => (
            <li key={s.id}>
              <button
                type="button"
                className="player__toc-item"
                aria-current={i === index && !showQuiz ? 'step' : undefined}
                onClick={() => go(i)}
              >
                <span>{pick(s.titleJa, s.titleEn)}</span>
                {progress.viewedSectionIds.includes(s.id) ? (
                  <span className="player__check">✓ {t('eLearning.player.viewed')}</span>
                ) : null}
              </button>
            </li>
          ))}
          {module.questionCount > 0 ? (
            <li>
              <button
                type="button"
                className="player__toc-item"
                aria-current={showQuiz ? 'step' : undefined}
                onClick={() => setShowQuiz(true)}
              >
                <span>{t('eLearning.quiz.heading')}</span>
                {progress.quizPassed ? (
                  <span className="player__check">✓ {t('eLearning.quiz.passed')}</span>
                ) : null}
              </button>
            </li>
          ) : null}
        </ol>
      </nav>

      {showQuiz ? (
        <Quiz module={module} />
      ) : section ? (
        <article className="player__section" aria-labelledby="player-section-title">
          <p className="muted">
            {t('eLearning.player.sectionOf', { current: index + 1, total: module.sections.length })}
          </p>
          <h2 id="player-section-title" ref={headingRef} tabIndex={-1}>
            {pick(section.titleJa, section.titleEn)}
          </h2>
          {/* The server renders Markdown and sanitises the HTML when the module is saved. */}
          <div
            className="player__content"
            dangerouslySetInnerHTML={{ __html: pick(section.htmlJa, section.htmlEn) }}
          />
          {module.videoUrl && index === 0 ? (
            <p>
              <a href={module.videoUrl} target="_blank" rel="noopener noreferrer">
                {t('eLearning.player.video')}
              </a>
            </p>
          ) : null}
          <div className="player__nav">
            <Button isDisabled={index === 0} onPress={() => go(index - 1)}>
              {t('eLearning.player.previous')}
            </Button>
            {!isLast ? (
              <Button variant="primary" onPress={() => go(index + 1)}>
                {t('eLearning.player.next')}
              </Button>
            ) : module.questionCount > 0 ? (
              <Button variant="primary" onPress={() => setShowQuiz(true)}>
                {t('eLearning.player.takeQuiz')}
              </Button>
            ) : null}
          </div>
        </article>
      ) : null}
    </div>
  );
}
