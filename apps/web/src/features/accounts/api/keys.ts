/** Query keys of the accounts pages. */
export const accountKeys = {
  all: ['accounts'] as const,
  people: ['accounts', 'people'] as const,
  peopleMatching: (q: string) => [...accountKeys.people, q] as const,
  person: (id: number) => [...accountKeys.all, 'person', id] as const,
  roles: (staffId: number) => [...accountKeys.all, 'roles', staffId] as const,
  signInSettings: ['accounts', 'sign-in-settings'] as const,
  invitationPreview: (choice: unknown) =>
    [...accountKeys.all, 'invitation-preview', choice] as const,
};
