import { useEffect, useRef, useState } from 'react';
import { useLanguage, useTranslation } from '../../../lib/i18n.ts';
import type { PlayerModule } from '../api/learn.ts';
import { useSaveScormRuntime, type ScormCommit } from '../api/scorm.ts';
import './e-learning.css';

type Scorm = NonNullable<PlayerModule['scorm']>;
type Runtime = Omit<ScormCommit, 'version'>;

/** The few cmi values Kenshu keeps, read from scorm-again's data model (strings, '' when unset). */
interface CmiReader {
  get(path: string): string;
}

const num = (value: string): number | null => {
  if (value === '') return null;
  const n = Number(value);
  return Number.isFinite(n) ? n : null;
};
const oneOf = <T extends string>(value: string, allowed: readonly T[]): T | null =>
  (allowed as readonly string[]).includes(value) ? (value as T) : null;

function runtimeOf(version: Scorm['scormVersion'], cmi: CmiReader): Runtime {
  if (version === '1.2') {
    return {
      lessonStatus: oneOf(cmi.get('cmi.core.lesson_status'), [
        'passed',
        'completed',
        'failed',
        'incomplete',
        'browsed',
        'not attempted',
      ] as const),
      completionStatus: null,
      successStatus: null,
      scoreRaw: num(cmi.get('cmi.core.score.raw')),
      scoreMin: num(cmi.get('cmi.core.score.min')),
      scoreMax: num(cmi.get('cmi.core.score.max')),
      scoreScaled: null,
      location: cmi.get('cmi.core.lesson_location').slice(0, 1000),
      suspendData: cmi.get('cmi.suspend_data').slice(0, 64000),
    };
  }
  const scaled = num(cmi.get('cmi.score.scaled'));
  return {
    lessonStatus: null,
    completionStatus: oneOf(cmi.get('cmi.completion_status'), [
      'completed',
      'incomplete',
      'not attempted',
      'unknown',
    ] as const),
    successStatus: oneOf(cmi.get('cmi.success_status'), ['passed', 'failed', 'unknown'] as const),
    scoreRaw: num(cmi.get('cmi.score.raw')),
    scoreMin: num(cmi.get('cmi.score.min')),
    scoreMax: num(cmi.get('cmi.score.max')),
    scoreScaled: scaled === null ? null : Math.max(-1, Math.min(1, scaled)),
    location: cmi.get('cmi.location').slice(0, 1000),
    suspendData: cmi.get('cmi.suspend_data').slice(0, 64000),
  };
}

/** What the runtime starts from: the learner's saved data, so they resume on any device. */
function startingData(scorm: Scorm, learner: { id: string; name: string }) {
  const r = scorm.runtime;
  if (scorm.scormVersion === '1.2') {
    return {
      core: {
        student_id: learner.id,
        student_name: learner.name,
        ...(r
          ? {
              lesson_location: r.location,
              ...(r.lessonStatus ? { lesson_status: r.lessonStatus } : {}),
              ...(r.scoreRaw !== null ? { score: { raw: String(r.scoreRaw) } } : {}),
            }
          : {}),
      },
      ...(r ? { suspend_data: r.suspendData } : {}),
      ...(scorm.passingScore !== null
        ? { student_data: { mastery_score: String(scorm.passingScore) } }
        : {}),
    };
  }
  return {
    learner_id: learner.id,
    learner_name: learner.name,
    ...(scorm.passingScore !== null ? { scaled_passing_score: String(scorm.passingScore) } : {}),
    ...(r
      ? {
          location: r.location,
          suspend_data: r.suspendData,
          ...(r.completionStatus ? { completion_status: r.completionStatus } : {}),
          ...(r.successStatus ? { success_status: r.successStatus } : {}),
        }
      : {}),
  };
}

/**
 * scorm-again's type files declare a default export, its ES module build a named one: take
 * whichever the bundle has.
 */
function runtimeClass<T>(module: { default: T }, name: string): T {
  const named = (module as unknown as Record<string, T | undefined>)[name];
  return named ?? module.default;
}

/**
 * Plays a SCORM package: provides window.API (1.2) or window.API_1484_11 (2004) through
 * scorm-again, loads the learner's saved data before launch, and saves to Kenshu on every
 * commit and at finish. The package runs in a sandboxed frame from Kenshu's own origin (its
 * runtime calls reach window.parent, which needs allow-same-origin; README, SCORM section).
 */
export function ScormPlayer({
  module,
  learner,
}: {
  module: PlayerModule;
  learner: { id: string; name: string };
}) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const scorm = module.scorm;
  const save = useSaveScormRuntime(module.moduleId);
  const [ready, setReady] = useState(false);
  // The runtime is set up once per launch; later cache updates (progress) must not restart it.
  const launch = useRef({ scorm, version: module.version, learner });
  const saveRef = useRef(save.mutate);
  saveRef.current = save.mutate;

  useEffect(() => {
    const { scorm: s, version, learner: who } = launch.current;
    if (!s) return;
    let cancelled = false;
    const host = window as unknown as Record<string, unknown>;
    let timer: ReturnType<typeof setTimeout> | undefined;
    void (async () => {
      const settings = { autocommit: false, logLevel: 5 as const, lmsCommitUrl: false as const };
      const runtime =
        s.scormVersion === '1.2'
          ? new (runtimeClass(await import('scorm-again/scorm12'), 'Scorm12API'))(settings)
          : new (runtimeClass(await import('scorm-again/scorm2004'), 'Scorm2004API'))(settings);
      if (cancelled) return;
      runtime.loadFromJSON(startingData(s, who));
      const cmi: CmiReader = {
        get: (path) => {
          const value = runtime.getCMIValue(path);
          return typeof value === 'string' ? value : value == null ? '' : String(value);
        },
      };
      const commit = () => {
        clearTimeout(timer);
        saveRef.current({ version, ...runtimeOf(s.scormVersion, cmi) });
      };
      // Commit and finish save at once; a package that only sets values is saved shortly after.
      const later = () => {
        clearTimeout(timer);
        timer = setTimeout(commit, 3000);
      };
      if (s.scormVersion === '1.2') {
        runtime.on('LMSCommit', commit);
        runtime.on('LMSFinish', commit);
        runtime.on('LMSSetValue.cmi.*', later);
        host.API = runtime;
      } else {
        runtime.on('Commit', commit);
        runtime.on('Terminate', commit);
        runtime.on('SetValue.cmi.*', later);
        host.API_1484_11 = runtime;
      }
      setReady(true);
    })();
    return () => {
      cancelled = true;
      clearTimeout(timer);
      delete host.API;
      delete host.API_1484_11;
    };
  }, []);

  if (!scorm) return null;
  const title = lang === 'ja' ? module.titleJa : module.titleEn;
  return (
    <div className="scorm-player">
      <p>{t('eLearning.scorm.playerRule')}</p>
      <div role="status" aria-live="polite">
        {module.progress.completed ? (
          <p className="player__done">
            {module.progress.countsForRequirement
              ? t('eLearning.player.completedCounts')
              : t('eLearning.player.completed')}
          </p>
        ) : save.isSuccess ? (
          <p className="muted">{t('eLearning.scorm.savedAt')}</p>
        ) : null}
      </div>
      {save.isError ? (
        <p role="alert" className="form-error">
          {t('eLearning.scorm.saveFailed')}
        </p>
      ) : null}
      {ready ? (
        <iframe
          className="scorm-player__frame"
          title={t('eLearning.scorm.frameTitle', { title })}
          src={scorm.launchUrl}
          sandbox="allow-scripts allow-same-origin"
        />
      ) : null}
    </div>
  );
}
