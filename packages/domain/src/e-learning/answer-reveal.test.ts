import { describe, expect, it } from 'vitest';
import { revealsAnswers } from './answer-reveal.ts';

describe('revealing the correct answers', () => {
  it('never reveals on a module that is not set to, not even after a pass', () => {
    expect(
      revealsAnswers({ revealAnswers: false, attemptLimit: 1, attemptsUsed: 1, passed: true }),
    ).toBe(false);
  });

  it('reveals after a pass', () => {
    expect(
      revealsAnswers({ revealAnswers: true, attemptLimit: null, attemptsUsed: 1, passed: true }),
    ).toBe(true);
  });

  it('with unlimited attempts, never before a pass however many failed', () => {
    expect(
      revealsAnswers({ revealAnswers: true, attemptLimit: null, attemptsUsed: 50, passed: false }),
    ).toBe(false);
  });

  it('reveals after the last allowed attempt, not before', () => {
    const state = { revealAnswers: true, attemptLimit: 3, passed: false };
    expect(revealsAnswers({ ...state, attemptsUsed: 2 })).toBe(false);
    expect(revealsAnswers({ ...state, attemptsUsed: 3 })).toBe(true);
  });
});
