import {
  keepPreviousData,
  queryOptions,
  useMutation,
  useQuery,
  useQueryClient,
} from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api-client.ts';

const ASSIGNMENTS_KEY = ['e-learning', 'assignments'] as const;
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
    queryKey: [...ASSIGNMENTS_KEY, courseId, filters],
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
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ASSIGNMENTS_KEY }),
  });
}

export function useAssignStaff() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { staffId: number; courseId: number; reason: string }) =>
      unwrap(eLearning.assignments.$post({ json: input })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ASSIGNMENTS_KEY }),
  });
}

const settingsKey = (courseId: number) => ['e-learning', 'settings', courseId] as const;

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
    queryKey: settingsKey(courseId),
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
    onSuccess: (saved) => queryClient.setQueryData(settingsKey(courseId), saved),
  });
}

const assignNowKey = (courseId: number) => ['e-learning', 'assign-now', courseId] as const;

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
    queryKey: assignNowKey(courseId),
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
        queryClient.invalidateQueries({ queryKey: ASSIGNMENTS_KEY }),
        queryClient.invalidateQueries({ queryKey: assignNowKey(courseId) }),
      ]),
  });
}
