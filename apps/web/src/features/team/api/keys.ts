/** Query keys of the team page. Invalidating `teamKeys.all` refreshes lists and previews. */
export const teamKeys = {
  all: ['team'] as const,
  list: (search: unknown) => [...teamKeys.all, 'list', search] as const,
  reminderPreview: (input: unknown) => [...teamKeys.all, 'reminder-preview', input] as const,
};
