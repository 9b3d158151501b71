import { describe, expect, it } from 'vitest';
import { isModuleCompleted, progressPercent } from './completion-rule.ts';

const sections = [10, 11, 12];

describe('module completion rule', () => {
  it('counts progress by sections viewed, ignoring sections of other versions', () => {
    expect(progressPercent({ sectionIds: sections, viewedSectionIds: [10, 99] })).toBe(33);
    expect(progressPercent({ sectionIds: sections, viewedSectionIds: sections })).toBe(100);
  });

  it('applies each rule', () => {
    const viewedAll = { sectionIds: sections, viewedSectionIds: sections, hasQuiz: true };
    const viewedSome = { sectionIds: sections, viewedSectionIds: [10], hasQuiz: true };
    expect(isModuleCompleted('all_sections_viewed', { ...viewedAll, quizPassed: false })).toBe(
      true,
    );
    expect(isModuleCompleted('quiz_passed', { ...viewedSome, quizPassed: true })).toBe(true);
    expect(isModuleCompleted('quiz_passed', { ...viewedAll, quizPassed: false })).toBe(false);
    expect(isModuleCompleted('both', { ...viewedSome, quizPassed: true })).toBe(false);
    expect(isModuleCompleted('both', { ...viewedAll, quizPassed: true })).toBe(true);
  });

  it('does not demand a pass from a module without a quiz', () => {
    expect(
      isModuleCompleted('both', {
        sectionIds: sections,
        viewedSectionIds: sections,
        hasQuiz: false,
        quizPassed: false,
      }),
    ).toBe(true);
  });
});
