import {
  keepPreviousData,
  queryOptions,
  useMutation,
  useQuery,
  useQueryClient,
} from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api-client.ts';

/** What every report request names: the year, the course and the unit (all optional). */
export interface ReportFilters {
  fiscalYear?: number | undefined;
  courseId?: number | undefined;
  orgUnitId?: number | undefined;
}

/** Which people behind a figure to list. */
export interface PeopleFilters {
  /** Another course or year than the page's: the per-course table and the five-year table. */
  courseId?: number | undefined;
  fiscalYear?: number | undefined;
  within?: 'subtree' | 'own' | undefined;
  roleGroup?: 'security_officers' | 'system_officers' | 'other_staff' | undefined;
  employmentType?: 'regular' | 'part_time' | 'temporary' | undefined;
  method?: 'group_session' | 'e_learning' | 'admin_credit' | undefined;
  status?: 'required' | 'completed' | 'not_completed' | undefined;
  completedFrom?: string | undefined;
  completedTo?: string | undefined;
}

/** The filters as query parameters, leaving out what is not set. */
export function reportQuery(f: ReportFilters & PeopleFilters): Record<string, string> {
  return Object.fromEntries(
    Object.entries(f)
      .filter(([, v]) => v !== undefined)
      .map(([k, v]) => [k, String(v)]),
  );
}

const KEY = ['reports'] as const;

export function annualReportQueryOptions(f: ReportFilters) {
  return queryOptions({
    queryKey: [...KEY, 'annual', f],
    queryFn: ({ signal }) =>
      unwrap(api.api.reports.annual.$get({ query: reportQuery(f) }, { init: { signal } })),
    placeholderData: keepPreviousData,
  });
}

export function useAnnualReport(f: ReportFilters) {
  return useQuery(annualReportQueryOptions(f));
}

export function useYearOverYear(f: ReportFilters) {
  return useQuery({
    queryKey: [...KEY, 'history', f],
    queryFn: ({ signal }) =>
      unwrap(api.api.reports.history.$get({ query: reportQuery(f) }, { init: { signal } })),
    placeholderData: keepPreviousData,
  });
}

export function useReportPeople(
  f: ReportFilters & PeopleFilters,
  page: { limit: number; offset: number },
) {
  return useQuery({
    queryKey: [...KEY, 'people', f, page],
    queryFn: ({ signal }) =>
      unwrap(
        api.api.reports.people.$get(
          {
            query: {
              ...reportQuery(f),
              limit: String(page.limit),
              offset: String(page.offset),
            },
          },
          { init: { signal } },
        ),
      ),
    placeholderData: keepPreviousData,
  });
}

export type AnnualReport = NonNullable<ReturnType<typeof useAnnualReport>['data']>;
export type YearOverYear = NonNullable<ReturnType<typeof useYearOverYear>['data']>;

export function useAuditSamples(f: ReportFilters) {
  return useQuery({
    queryKey: [...KEY, 'samples', f],
    queryFn: ({ signal }) =>
      unwrap(
        api.api.reports.samples.$get(
          { query: { ...reportQuery(f), limit: '20', offset: '0' } },
          { init: { signal } },
        ),
      ),
  });
}

export function useDrawAuditSample() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: {
      fiscalYear: number;
      courseId: number;
      orgUnitId?: number | undefined;
      seed?: string | undefined;
    }) =>
      unwrap(
        api.api.reports.samples.$post({
          json: {
            fiscalYear: input.fiscalYear,
            courseId: input.courseId,
            ...(input.orgUnitId === undefined ? {} : { orgUnitId: input.orgUnitId }),
            ...(input.seed ? { seed: input.seed } : {}),
          },
        }),
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: [...KEY, 'samples'] }),
  });
}

export type DrawnSample = Awaited<ReturnType<ReturnType<typeof useDrawAuditSample>['mutateAsync']>>;

/** Where a table's CSV downloads from (a plain link: the browser saves the file). */
export function exportHref(
  table: string,
  f: ReportFilters & PeopleFilters,
  lang: 'ja' | 'en',
): string {
  return `/api/reports/export/${table}?${new URLSearchParams({ ...reportQuery(f), lang })}`;
}

export function summaryHref(f: ReportFilters, lang: 'ja' | 'en', format: 'html' | 'pdf'): string {
  return `/api/reports/summary?${new URLSearchParams({ ...reportQuery(f), lang, format })}`;
}
