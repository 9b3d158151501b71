/** What a SCORM package's runtime reported, as committed to the server. */
export interface ScormReport {
  /** SCORM 1.2 cmi.core.lesson_status. */
  lessonStatus: string | null;
  /** SCORM 2004 cmi.completion_status. */
  completionStatus: string | null;
  /** SCORM 2004 cmi.success_status. */
  successStatus: string | null;
  scoreRaw: number | null;
  scoreMin: number | null;
  scoreMax: number | null;
  /** SCORM 2004 cmi.score.scaled (-1…1). */
  scoreScaled: number | null;
}

export interface ScormOutcome {
  completed: boolean;
  /** The score as a whole percentage (0–100), when the package reported one. */
  score: number | null;
}

function clampPercent(value: number): number {
  return Math.min(100, Math.max(0, Math.round(value)));
}

/**
 * The score as a percentage: 2004's scaled score if given, else the raw score within its
 * min/max (SCORM's raw scores default to a 0–100 range).
 */
export function scormScorePercent(r: ScormReport): number | null {
  if (r.scoreScaled !== null) return clampPercent(r.scoreScaled * 100);
  if (r.scoreRaw === null) return null;
  const min = r.scoreMin ?? 0;
  const max = r.scoreMax ?? 100;
  if (max <= min) return clampPercent(r.scoreRaw);
  return clampPercent(((r.scoreRaw - min) * 100) / (max - min));
}

/**
 * Whether a SCORM package counts as finished, as an LMS decides it.
 * 1.2: `passed`, or `completed` unless the manifest's mastery score is set and the raw score
 * falls below it (the LMS then judges it failed). 2004: `completion_status` completed and not
 * failed; with a scaled passing score the LMS judges success from the scaled score itself.
 */
export function scormOutcome(
  scormVersion: '1.2' | '2004',
  passingScore: number | null,
  r: ScormReport,
): ScormOutcome {
  const score = scormScorePercent(r);
  if (scormVersion === '1.2') {
    const status = r.lessonStatus;
    if (status === 'passed') return { completed: true, score };
    if (status !== 'completed') return { completed: false, score };
    const belowMastery = passingScore !== null && r.scoreRaw !== null && r.scoreRaw < passingScore;
    return { completed: !belowMastery, score };
  }
  if (r.completionStatus !== 'completed') return { completed: false, score };
  if (passingScore !== null) {
    if (r.scoreScaled !== null) return { completed: r.scoreScaled >= passingScore, score };
    return { completed: r.successStatus === 'passed', score };
  }
  return { completed: r.successStatus !== 'failed', score };
}
