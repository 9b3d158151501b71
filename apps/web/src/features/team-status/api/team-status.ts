import type { RequirementStatus } from '@kenshu/domain';
import { keepPreviousData, queryOptions, useMutation, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api-client.ts';

/** The API's status filter: one status, or everyone not yet done. */
export type TeamStatusQueryFilter = Exclude<RequirementStatus, 'not_required'> | 'not_completed';

export interface TeamStatusSearch {
  /** The fiscal year; the API shows the current one when absent. */
  fiscalYear?: number | undefined;
  /** The course; the API picks the course for all staff when absent. */
  courseId?: number | undefined;
  /** Only this unit and the units under it; everyone the viewer oversees when absent. */
  orgUnitId?: number | undefined;
  /** Everyone, whatever their status, when absent. */
  status?: TeamStatusQueryFilter | undefined;
  /** Staff number, name, kana or e-mail. */
  q?: string | undefined;
  limit: number;
  offset: number;
}

const TEAM_STATUS_QUERY_KEY = ['team-status'] as const;

/** One page of the people the viewer oversees, with where each stands, and the counts. */
export function getTeamStatus(search: TeamStatusSearch, signal?: AbortSignal) {
  return unwrap(
    api.api.oversight.status.$get(
      {
        query: {
          limit: String(search.limit),
          offset: String(search.offset),
          ...(search.fiscalYear === undefined ? {} : { fiscalYear: String(search.fiscalYear) }),
          ...(search.courseId === undefined ? {} : { courseId: String(search.courseId) }),
          ...(search.orgUnitId === undefined ? {} : { orgUnitId: String(search.orgUnitId) }),
          ...(search.status === undefined ? {} : { status: search.status }),
          ...(search.q ? { q: search.q } : {}),
        },
      },
      { init: { signal } },
    ),
  );
}

export function teamStatusQueryOptions(search: TeamStatusSearch) {
  return queryOptions({
    queryKey: [...TEAM_STATUS_QUERY_KEY, search],
    queryFn: ({ signal }) => getTeamStatus(search, signal),
    // Paging, filtering and typing keep the current rows on screen until the next page arrives.
    placeholderData: keepPreviousData,
  });
}

export function useTeamStatus(search: TeamStatusSearch) {
  return useQuery(teamStatusQueryOptions(search));
}

/** The status of the people on a course, as the API sends it. */
export type TeamStatusPage = Awaited<ReturnType<typeof getTeamStatus>>;
/** One person of the list. */
export type OverseenPerson = TeamStatusPage['items'][number];

export interface ReminderInput {
  courseId: number;
  staffIds: number[];
  message?: string | undefined;
  /** The year the list was shown for; the API refuses any but the current one. */
  fiscalYear: number;
}

/** Sends an in-app reminder; the API skips anyone outside the viewer's oversight or done. */
export function sendReminders(input: ReminderInput) {
  return unwrap(
    api.api.oversight.reminders.$post({
      json: {
        courseId: input.courseId,
        staffIds: input.staffIds,
        fiscalYear: input.fiscalYear,
        ...(input.message ? { message: input.message } : {}),
      },
    }),
  );
}

export function useSendReminders() {
  return useMutation({ mutationFn: sendReminders });
}
