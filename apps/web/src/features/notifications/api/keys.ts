/** Query keys of my notices. */
export const notificationKeys = {
  all: ['notifications'] as const,
};
