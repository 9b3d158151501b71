/**
 * Query keys of sessions. Every booking change invalidates `sessionKeys.all`, so whatever is
 * listed under it (lists, one session, its participants, someone's places) is refreshed too.
 */
export const sessionKeys = {
  all: ['sessions'] as const,
  list: (filters: unknown) => [...sessionKeys.all, 'list', filters] as const,
  detail: (id: number) => [...sessionKeys.all, 'detail', id] as const,
  participants: (id: number) => [...sessionKeys.all, 'participants', id] as const,
  placesOf: (staffId: number) => [...sessionKeys.all, 'places-of', staffId] as const,
  scheduleCheck: (input: unknown) => [...sessionKeys.all, 'check', input] as const,
  // Not under `all`: holidays change only by law, never with a booking.
  holidays: (month: string) => ['holidays', month] as const,
};
