import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api-client.ts';
import { myTrainingKeys } from '../../my-training/index.ts';
import { eLearningKeys } from './keys.ts';

const eLearning = api.api['e-learning'];

/** What is assigned to me (with due dates) and every module I may study. */
export function getMyELearning(signal?: AbortSignal) {
  return unwrap(eLearning.my.$get({}, { init: { signal } }));
}

export function myELearningQueryOptions() {
  return queryOptions({
    queryKey: eLearningKeys.mine,
    queryFn: ({ signal }) => getMyELearning(signal),
  });
}

export function useMyELearning() {
  return useQuery(myELearningQueryOptions());
}

/** A module as the player shows it: the version I study, my progress on it. */
export function getPlayerModule(moduleId: number, signal?: AbortSignal) {
  return unwrap(
    eLearning.modules[':id'].player.$get({ param: { id: String(moduleId) } }, { init: { signal } }),
  );
}

export function playerModuleQueryOptions(moduleId: number) {
  return queryOptions({
    queryKey: eLearningKeys.player(moduleId),
    queryFn: ({ signal }) => getPlayerModule(moduleId, signal),
  });
}

export function usePlayerModule(moduleId: number) {
  return useQuery(playerModuleQueryOptions(moduleId));
}

export type PlayerModule = Awaited<ReturnType<typeof getPlayerModule>>;
export type ModuleProgress = PlayerModule['progress'];
export type MyELearning = Awaited<ReturnType<typeof getMyELearning>>;

/** Marks a section viewed (or only moves the resume point); the player's cache takes the answer. */
export function useSaveProgress(moduleId: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { sectionId: number; viewed: boolean }) =>
      unwrap(
        eLearning.modules[':id'].progress.$post({
          param: { id: String(moduleId) },
          json: input,
        }),
      ),
    onSuccess: (progress) => {
      queryClient.setQueryData(playerModuleQueryOptions(moduleId).queryKey, (old) =>
        old ? { ...old, progress } : old,
      );
      if (progress.completed) void queryClient.invalidateQueries({ queryKey: myTrainingKeys.all });
      void queryClient.invalidateQueries({ queryKey: eLearningKeys.mine });
    },
  });
}

export function useStartAttempt(moduleId: number) {
  return useMutation({
    mutationFn: () =>
      unwrap(eLearning.modules[':id'].attempts.$post({ param: { id: String(moduleId) } })),
  });
}

export type QuizAttempt = Awaited<ReturnType<ReturnType<typeof useStartAttempt>['mutateAsync']>>;

export function useSubmitAttempt(moduleId: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: {
      attemptId: number;
      answers: { questionId: number; optionIds: number[] }[];
    }) =>
      unwrap(
        eLearning.attempts[':id'].submit.$post({
          param: { id: String(input.attemptId) },
          json: { answers: input.answers },
        }),
      ),
    onSuccess: (result) => {
      queryClient.setQueryData(playerModuleQueryOptions(moduleId).queryKey, (old) =>
        old ? { ...old, progress: result.progress } : old,
      );
      void queryClient.invalidateQueries({ queryKey: myTrainingKeys.all });
      void queryClient.invalidateQueries({ queryKey: eLearningKeys.mine });
    },
  });
}

export type AttemptResult = Awaited<ReturnType<ReturnType<typeof useSubmitAttempt>['mutateAsync']>>;
