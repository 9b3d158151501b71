/** Query keys of the signed-in person and their sign-ins. */
export const authKeys = {
  all: ['auth'] as const,
  me: ['auth', 'me'] as const,
  signIns: ['auth', 'sessions'] as const,
  singleSignOn: ['auth', 'sso'] as const,
};
