/** Query keys of e-learning. Invalidating `eLearningKeys.all` refreshes every e-learning page. */
export const eLearningKeys = {
  all: ['e-learning'] as const,
  modules: ['e-learning', 'modules'] as const,
  module: (moduleId: number) => [...eLearningKeys.modules, moduleId] as const,
  preview: (markdown: string) => [...eLearningKeys.all, 'preview', markdown] as const,
  mine: ['e-learning', 'mine'] as const,
  player: (moduleId: number) => [...eLearningKeys.all, 'player', moduleId] as const,
  assignments: ['e-learning', 'assignments'] as const,
  assignmentList: (courseId: number, filters: unknown) =>
    [...eLearningKeys.assignments, courseId, filters] as const,
  settings: (courseId: number) => [...eLearningKeys.all, 'settings', courseId] as const,
  assignNow: (courseId: number) => [...eLearningKeys.all, 'assign-now', courseId] as const,
};
