/** Query keys of e-mails sent. Invalidating `mailKeys.all` refreshes every history and the outbox. */
export const mailKeys = {
  all: ['mail'] as const,
  /** What was sent to one person, or to me when `staffId` is undefined. */
  history: (staffId: number | undefined) => [...mailKeys.all, 'history', staffId ?? 'me'] as const,
  histories: () => [...mailKeys.all, 'history'] as const,
  outboxes: () => [...mailKeys.all, 'outbox'] as const,
  outbox: (search: unknown) => [...mailKeys.outboxes(), search] as const,
};
