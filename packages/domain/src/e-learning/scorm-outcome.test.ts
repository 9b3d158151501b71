import { describe, expect, it } from 'vitest';
import { scormOutcome, type ScormReport } from './scorm-outcome.ts';

const none: ScormReport = {
  lessonStatus: null,
  completionStatus: null,
  successStatus: null,
  scoreRaw: null,
  scoreMin: null,
  scoreMax: null,
  scoreScaled: null,
};

describe('SCORM 1.2 outcome', () => {
  it('finishes on passed, and on completed when no mastery score is set', () => {
    expect(scormOutcome('1.2', null, { ...none, lessonStatus: 'passed', scoreRaw: 90 })).toEqual({
      completed: true,
      score: 90,
    });
    expect(scormOutcome('1.2', null, { ...none, lessonStatus: 'completed' }).completed).toBe(true);
    expect(scormOutcome('1.2', null, { ...none, lessonStatus: 'incomplete' }).completed).toBe(
      false,
    );
    expect(scormOutcome('1.2', null, { ...none, lessonStatus: 'failed' }).completed).toBe(false);
  });

  it('judges completed below the manifest mastery score as not finished', () => {
    const at = (raw: number) =>
      scormOutcome('1.2', 80, { ...none, lessonStatus: 'completed', scoreRaw: raw }).completed;
    expect(at(79)).toBe(false);
    expect(at(80)).toBe(true);
  });

  it('scales a raw score within its own range', () => {
    const r = { ...none, lessonStatus: 'passed', scoreRaw: 15, scoreMin: 0, scoreMax: 20 };
    expect(scormOutcome('1.2', null, r).score).toBe(75);
  });
});

describe('SCORM 2004 outcome', () => {
  it('needs completion and no failure', () => {
    const done = { ...none, completionStatus: 'completed', successStatus: 'unknown' };
    expect(scormOutcome('2004', null, done).completed).toBe(true);
    expect(scormOutcome('2004', null, { ...done, successStatus: 'failed' }).completed).toBe(false);
    expect(
      scormOutcome('2004', null, {
        ...none,
        completionStatus: 'incomplete',
        successStatus: 'passed',
      }).completed,
    ).toBe(false);
  });

  it('judges success from the scaled score against the scaled passing score', () => {
    const r = { ...none, completionStatus: 'completed', successStatus: 'passed' };
    expect(scormOutcome('2004', 0.8, { ...r, scoreScaled: 0.7 })).toEqual({
      completed: false,
      score: 70,
    });
    expect(scormOutcome('2004', 0.8, { ...r, scoreScaled: 0.85 })).toEqual({
      completed: true,
      score: 85,
    });
    expect(scormOutcome('2004', 0.8, { ...r, successStatus: 'unknown' }).completed).toBe(false);
  });
});
