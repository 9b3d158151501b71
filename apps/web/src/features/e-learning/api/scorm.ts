import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, apiErrorFrom, unwrap, type SuccessBody } from '../../../lib/api-client.ts';
import { useMe } from '../../auth/index.ts';
import { myTrainingKeys } from '../../my-training/index.ts';
import { eLearningKeys } from './keys.ts';
import { playerModuleQueryOptions } from './learn.ts';

const eLearning = api.api['e-learning'];

export type ScormPackagePreview = SuccessBody<
  Awaited<ReturnType<(typeof eLearning)['scorm-packages']['preview']['$post']>>
>;
type ModuleForEditing = SuccessBody<
  Awaited<ReturnType<(typeof eLearning)['modules'][':id']['scorm-package']['$post']>>
>;

/**
 * Sends the .zip as the raw request body (the API streams it to disk under its own limit). The
 * path comes from the typed client, so a renamed route fails the build.
 */
async function sendPackage<T>(path: string, file: File, csrfToken: string | null): Promise<T> {
  const res = await fetch(path, {
    method: 'POST',
    credentials: 'same-origin',
    headers: {
      'content-type': 'application/zip',
      ...(csrfToken ? { 'x-csrf-token': csrfToken } : {}),
    },
    body: file,
  });
  const text = await res.text();
  if (!res.ok) throw apiErrorFrom(res.status, text);
  return JSON.parse(text) as T;
}

function useCsrfToken() {
  return useMe().data?.csrfToken ?? null;
}

/** Checks a package and shows what it declares; nothing is saved. */
export function usePreviewScormPackage() {
  const csrfToken = useCsrfToken();
  return useMutation({
    mutationFn: (file: File) =>
      sendPackage<ScormPackagePreview>(
        eLearning['scorm-packages'].preview.$path(),
        file,
        csrfToken,
      ),
  });
}

/** Saves a package: a new module of the course, or the next version of a module. */
export function useImportScormPackage(target: { courseId: number } | { moduleId: number }) {
  const csrfToken = useCsrfToken();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (file: File) =>
      sendPackage<ModuleForEditing>(
        'courseId' in target
          ? eLearning['scorm-packages'].$path({ query: { courseId: String(target.courseId) } })
          : eLearning.modules[':id']['scorm-package'].$path({
              param: { id: String(target.moduleId) },
            }),
        file,
        csrfToken,
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: eLearningKeys.all }),
  });
}

export type ScormCommit = Parameters<
  (typeof eLearning)['modules'][':id']['scorm-runtime']['$put']
>[0]['json'];

/** Saves what the package's runtime committed; the player's cache takes the new progress. */
export function useSaveScormRuntime(moduleId: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (json: ScormCommit) =>
      unwrap(
        eLearning.modules[':id']['scorm-runtime'].$put({ param: { id: String(moduleId) }, json }),
      ),
    onSuccess: (result) => {
      queryClient.setQueryData(playerModuleQueryOptions(moduleId).queryKey, (old) =>
        old ? { ...old, progress: result.progress } : old,
      );
      if (result.progress.completed) {
        void queryClient.invalidateQueries({ queryKey: myTrainingKeys.all });
        void queryClient.invalidateQueries({ queryKey: eLearningKeys.mine });
      }
    },
  });
}
