import type { ReminderRequest, TeamFilter } from '@kenshu/contracts';
import type { EmploymentType, RequirementStatus, Role } from '@kenshu/domain';
import {
  keepPreviousData,
  queryOptions,
  useMutation,
  useQuery,
  useQueryClient,
} from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api-client.ts';
import { mailKeys } from '../../mail/index.ts';
import { teamKeys } from './keys.ts';

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
  /** Only people holding this role. */
  role?: Role | undefined;
  employmentType?: EmploymentType | undefined;
  /** Staff number, name, kana or e-mail. */
  q?: string | undefined;
  limit: number;
  offset: number;
}

/** The filters as the API's query string, without paging. */
function filterQuery(search: Omit<TeamStatusSearch, 'limit' | 'offset'>) {
  return {
    ...(search.fiscalYear === undefined ? {} : { fiscalYear: String(search.fiscalYear) }),
    ...(search.courseId === undefined ? {} : { courseId: String(search.courseId) }),
    ...(search.orgUnitId === undefined ? {} : { orgUnitId: String(search.orgUnitId) }),
    ...(search.status === undefined ? {} : { status: search.status }),
    ...(search.role === undefined ? {} : { role: search.role }),
    ...(search.employmentType === undefined ? {} : { employmentType: search.employmentType }),
    ...(search.q ? { q: search.q } : {}),
  };
}

/** The filters as the reminder endpoints take them (a JSON body). */
export function toTeamFilter(search: Omit<TeamStatusSearch, 'limit' | 'offset'>): TeamFilter {
  return {
    ...(search.fiscalYear === undefined ? {} : { fiscalYear: search.fiscalYear }),
    ...(search.courseId === undefined ? {} : { courseId: search.courseId }),
    ...(search.orgUnitId === undefined ? {} : { orgUnitId: search.orgUnitId }),
    ...(search.status === undefined ? {} : { status: search.status }),
    ...(search.role === undefined ? {} : { role: search.role }),
    ...(search.employmentType === undefined ? {} : { employmentType: search.employmentType }),
    ...(search.q ? { q: search.q } : {}),
  };
}

/** Where the CSV of everyone matching the filters downloads from. */
export function teamCsvUrl(search: Omit<TeamStatusSearch, 'limit' | 'offset'>): string {
  const params = new URLSearchParams(filterQuery(search)).toString();
  return `/api/team/status.csv${params ? `?${params}` : ''}`;
}

/** One page of the people the viewer oversees, with where each stands, and the counts. */
export function getTeamStatus(search: TeamStatusSearch, signal?: AbortSignal) {
  return unwrap(
    api.api.team.status.$get(
      {
        query: {
          limit: String(search.limit),
          offset: String(search.offset),
          ...filterQuery(search),
        },
      },
      { init: { signal } },
    ),
  );
}

export function teamStatusQueryOptions(search: TeamStatusSearch) {
  return queryOptions({
    queryKey: teamKeys.list(search),
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

/** What a reminder would do: who it reaches, who is skipped and why, its words. */
export function previewReminders(input: ReminderRequest, signal?: AbortSignal) {
  return unwrap(api.api.team.reminders.preview.$post({ json: input }, { init: { signal } }));
}

export type ReminderPreview = Awaited<ReturnType<typeof previewReminders>>;

export function useReminderPreview(input: ReminderRequest | null) {
  return useQuery({
    queryKey: teamKeys.reminderPreview(input),
    queryFn: ({ signal }) => previewReminders(input as ReminderRequest, signal),
    enabled: input !== null,
    placeholderData: keepPreviousData,
    // A preview is about this moment: fetched afresh each time the dialog opens.
    gcTime: 0,
  });
}

/** Reminds everyone matching the filter (or the chosen of them) by e-mail and notice. */
export function sendReminders(input: ReminderRequest) {
  return unwrap(api.api.team.reminders.$post({ json: input }));
}

export type ReminderResult = Awaited<ReturnType<typeof sendReminders>>;

export function useSendReminders() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: sendReminders,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: mailKeys.histories() }),
  });
}
