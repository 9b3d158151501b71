import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api-client.ts';

const COURSES_QUERY_KEY = ['courses'] as const;

/** The course catalogue; inactive courses only when asked (the admin editor). */
export async function listCourses(includeInactive: boolean, signal?: AbortSignal) {
  const { items } = await unwrap(
    api.api.courses.$get(
      { query: includeInactive ? { includeInactive: 'true' } : {} },
      { init: { signal } },
    ),
  );
  return items;
}

export function coursesQueryOptions({ includeInactive = false } = {}) {
  return queryOptions({
    queryKey: [...COURSES_QUERY_KEY, { includeInactive }],
    queryFn: ({ signal }) => listCourses(includeInactive, signal),
    // The catalogue changes a few times a year.
    staleTime: 5 * 60 * 1000,
  });
}

export function useCourses(options: { includeInactive?: boolean } = {}) {
  return useQuery(coursesQueryOptions(options));
}

/** A course, as the API sends it. */
export type Course = Awaited<ReturnType<typeof listCourses>>[number];
/** What an admin saves for a course. */
export type CourseInput = Parameters<typeof api.api.courses.$post>[0]['json'];

export function createCourse(input: CourseInput) {
  return unwrap(api.api.courses.$post({ json: input }));
}

export function updateCourse({ id, input }: { id: number; input: CourseInput }) {
  return unwrap(api.api.courses[':id'].$put({ param: { id: String(id) }, json: input }));
}

function useCourseMutation<I, R>(fn: (input: I) => Promise<R>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: COURSES_QUERY_KEY }),
  });
}

export function useCreateCourse() {
  return useCourseMutation(createCourse);
}

export function useUpdateCourse() {
  return useCourseMutation(updateCourse);
}

export function publishCourse(id: number) {
  return unwrap(api.api.courses[':id'].publish.$post({ param: { id: String(id) } }));
}

export function usePublishCourse() {
  return useCourseMutation(publishCourse);
}
