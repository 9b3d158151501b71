/** Query keys of the team page. Invalidating `teamStatusKeys.all` refreshes lists and previews. */
export const teamStatusKeys = {
  all: ['team-status'] as const,
  list: (search: unknown) => [...teamStatusKeys.all, 'list', search] as const,
  reminderPreview: (input: unknown) => [...teamStatusKeys.all, 'reminder-preview', input] as const,
};
