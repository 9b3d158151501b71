import {
  keepPreviousData,
  queryOptions,
  useMutation,
  useQuery,
  useQueryClient,
} from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api-client.ts';
import { eLearningKeys } from './keys.ts';

const eLearning = api.api['e-learning'];

export interface AssignmentFilters {
  status?: 'open' | 'completed' | 'withdrawn' | undefined;
  orgUnitId?: number | undefined;
  overdue?: boolean | undefined;
  limit: number;
  offset: number;
}

/** One page of a course's assignments this fiscal year. */
export function listAssignments(courseId: number, f: AssignmentFilters, signal?: AbortSignal) {
  return unwrap(
    eLearning.courses[':id'].assignments.$get(
      {
        param: { id: String(courseId) },
        query: {
          limit: String(f.limit),
          offset: String(f.offset),
          ...(f.status ? { status: f.status } : {}),
          ...(f.orgUnitId === undefined ? {} : { orgUnitId: String(f.orgUnitId) }),
          ...(f.overdue ? { overdue: 'true' as const } : {}),
        },
      },
      { init: { signal } },
    ),
  );
}

export function assignmentsQueryOptions(courseId: number, filters: AssignmentFilters) {
  return queryOptions({
    queryKey: eLearningKeys.assignmentList(courseId, filters),
    queryFn: ({ signal }) => listAssignments(courseId, filters, signal),
    placeholderData: keepPreviousData,
  });
}

export function useAssignments(courseId: number, filters: AssignmentFilters) {
  return useQuery(assignmentsQueryOptions(courseId, filters));
}

export type AssignmentRow = Awaited<ReturnType<typeof listAssignments>>['items'][number];

export function useWithdrawAssignment() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { id: number; reason: string }) =>
      unwrap(
        eLearning.assignments[':id'].withdraw.$post({
          param: { id: String(input.id) },
          json: { reason: input.reason },
        }),
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: eLearningKeys.assignments }),
  });
}

export function useAssignStaff() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { staffId: number; courseId: number; reason: string }) =>
      unwrap(eLearning.assignments.$post({ json: input })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: eLearningKeys.assignments }),
  });
}

export function getAssignmentSettings(courseId: number, signal?: AbortSignal) {
  return unwrap(
    eLearning.courses[':id']['assignment-settings'].$get(
      { param: { id: String(courseId) }, query: {} },
      { init: { signal } },
    ),
  );
}

export function useAssignmentSettings(courseId: number) {
  return useQuery({
    queryKey: eLearningKeys.settings(courseId),
    queryFn: ({ signal }) => getAssignmentSettings(courseId, signal),
  });
}

export type AssignmentSettings = Awaited<ReturnType<typeof getAssignmentSettings>>;

export function useSaveAssignmentSettings(courseId: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: Omit<AssignmentSettings, 'courseId' | 'eLearningOffered'>) =>
      unwrap(
        eLearning.courses[':id']['assignment-settings'].$put({
          param: { id: String(courseId) },
          json: input,
        }),
      ),
    onSuccess: (saved) => queryClient.setQueryData(eLearningKeys.settings(courseId), saved),
  });
}

/** Who would get the course's e-learning if it were assigned now. */
export function previewAssignNow(courseId: number, signal?: AbortSignal) {
  return unwrap(
    eLearning.courses[':id']['assign-now'].$get(
      { param: { id: String(courseId) }, query: {} },
      { init: { signal } },
    ),
  );
}

/** The preview, fetched only once the admin asks for it (it counts the whole ministry). */
export function useAssignNowPreview(courseId: number, enabled: boolean) {
  return useQuery({
    queryKey: eLearningKeys.assignNow(courseId),
    queryFn: ({ signal }) => previewAssignNow(courseId, signal),
    enabled,
  });
}

export type AssignNowPreview = Awaited<ReturnType<typeof previewAssignNow>>;

export function useAssignNow(courseId: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { dueOn: string }) =>
      unwrap(
        eLearning.courses[':id']['assign-now'].$post({
          param: { id: String(courseId) },
          json: input,
        }),
      ),
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: eLearningKeys.assignments }),
        queryClient.invalidateQueries({ queryKey: eLearningKeys.assignNow(courseId) }),
      ]),
  });
}
