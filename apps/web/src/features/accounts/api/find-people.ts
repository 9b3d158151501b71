import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api-client.ts';
import { accountKeys } from './keys.ts';

/** How many matches the search lists; more means the admin should type more. */
export const PEOPLE_SHOWN = 20;

/** Staff matching `q` (number, name, kana or e-mail), including people no longer active. */
export function findPeople(q: string, signal?: AbortSignal) {
  return unwrap(
    api.api.staff.$get(
      { query: { q, limit: String(PEOPLE_SHOWN), offset: '0', includeInactive: 'true' } },
      { init: { signal } },
    ),
  );
}

export function findPeopleQueryOptions(q: string) {
  return queryOptions({
    queryKey: accountKeys.peopleMatching(q),
    queryFn: ({ signal }) => findPeople(q, signal),
    placeholderData: keepPreviousData,
    enabled: q !== '',
  });
}

export function useFindPeople(q: string) {
  return useQuery(findPeopleQueryOptions(q));
}

/** One person, for the account panel. */
export function getPerson(id: number, signal?: AbortSignal) {
  return unwrap(api.api.staff[':id'].$get({ param: { id: String(id) } }, { init: { signal } }));
}

/** A staff member as the API describes them. */
export type Person = Awaited<ReturnType<typeof getPerson>>;

export function usePerson(id: number) {
  return useQuery({
    queryKey: accountKeys.person(id),
    queryFn: ({ signal }) => getPerson(id, signal),
  });
}
