/** When a module counts as completed, in the spirit of cmi5's moveOn. */
export type CompletionRule = 'all_sections_viewed' | 'quiz_passed' | 'both';

export interface ModuleProgressFacts {
  sectionIds: readonly number[];
  viewedSectionIds: readonly number[];
  /** Whether the module has a quiz at all. */
  hasQuiz: boolean;
  quizPassed: boolean;
}

/** Share of the module's sections viewed, in whole percent (0–100). */
export function progressPercent(f: Pick<ModuleProgressFacts, 'sectionIds' | 'viewedSectionIds'>) {
  if (f.sectionIds.length === 0) return 100;
  const viewed = new Set(f.viewedSectionIds);
  const count = f.sectionIds.filter((id) => viewed.has(id)).length;
  return Math.floor((count * 100) / f.sectionIds.length);
}

/**
 * Whether the module is completed under its rule. A module without a quiz cannot demand a pass,
 * so its quiz requirement counts as met rather than leaving learners stuck.
 */
export function isModuleCompleted(rule: CompletionRule, f: ModuleProgressFacts): boolean {
  const viewedAll = progressPercent(f) === 100;
  const passed = !f.hasQuiz || f.quizPassed;
  switch (rule) {
    case 'all_sections_viewed':
      return viewedAll;
    case 'quiz_passed':
      return passed;
    case 'both':
      return viewedAll && passed;
  }
}
