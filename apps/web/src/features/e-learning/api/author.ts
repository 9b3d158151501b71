import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api-client.ts';
import { eLearningKeys } from './keys.ts';

const eLearning = api.api['e-learning'];

export function listModules(signal?: AbortSignal) {
  return unwrap(eLearning.modules.$get({}, { init: { signal } }));
}

export function modulesQueryOptions() {
  return queryOptions({
    queryKey: eLearningKeys.modules,
    queryFn: ({ signal }) => listModules(signal),
  });
}

export function useModules() {
  return useQuery(modulesQueryOptions());
}

export function getModuleForEditing(moduleId: number, signal?: AbortSignal) {
  return unwrap(
    eLearning.modules[':id'].$get({ param: { id: String(moduleId) } }, { init: { signal } }),
  );
}

export function moduleForEditingQueryOptions(moduleId: number) {
  return queryOptions({
    queryKey: eLearningKeys.module(moduleId),
    queryFn: ({ signal }) => getModuleForEditing(moduleId, signal),
  });
}

export function useModuleForEditing(moduleId: number) {
  return useQuery(moduleForEditingQueryOptions(moduleId));
}

export type ModuleForEditing = Awaited<ReturnType<typeof getModuleForEditing>>;
/** What the editor saves. */
export type ModuleContent = Parameters<typeof eLearning.modules.$post>[0]['json'];

function useModuleMutation<I, R>(fn: (input: I) => Promise<R>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: eLearningKeys.all }),
  });
}

export function useCreateModule() {
  return useModuleMutation((input: ModuleContent) =>
    unwrap(eLearning.modules.$post({ json: input })),
  );
}

export function useSaveModule(moduleId: number) {
  return useModuleMutation((input: Omit<ModuleContent, 'courseId'>) =>
    unwrap(eLearning.modules[':id'].$put({ param: { id: String(moduleId) }, json: input })),
  );
}

export function usePublishModule(moduleId: number) {
  return useModuleMutation(() =>
    unwrap(eLearning.modules[':id'].publish.$post({ param: { id: String(moduleId) } })),
  );
}

/** The sanitised HTML the server would store for this Markdown. */
export function previewMarkdown(markdown: string) {
  return unwrap(eLearning.preview.$post({ json: { markdown } }));
}

export function usePreviewMarkdown(markdown: string) {
  return useQuery({
    queryKey: eLearningKeys.preview(markdown),
    queryFn: () => previewMarkdown(markdown),
    staleTime: Infinity,
  });
}
