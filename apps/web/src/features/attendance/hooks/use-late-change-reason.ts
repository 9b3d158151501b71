import { useCallback, useState } from 'react';

/** A sheet change that runs with the admin's reason when one is due (after the lock). */
export type WithReason = (action: (reason: string | undefined) => void) => void;

/**
 * After the lock, an admin gives a reason once; every change on this page then carries it. A
 * change made before the reason is given waits for it, and runs once it is.
 */
export function useLateChangeReason(needsReason: boolean) {
  const [reason, setReason] = useState<string | undefined>();
  const [draft, setDraft] = useState('');
  const [awaiting, setAwaiting] = useState<((reason: string) => void) | null>(null);
  const withReason = useCallback<WithReason>(
    (action) => {
      if (!needsReason) action(undefined);
      else if (reason) action(reason);
      else setAwaiting(() => action);
    },
    [needsReason, reason],
  );
  return {
    reason,
    withReason,
    /** Asks for the reason again, starting from the one given; nothing waits on it. */
    change: () => {
      setDraft(reason ?? '');
      setReason(undefined);
      setAwaiting(() => () => undefined);
    },
    /** What the reason dialog shows and does. */
    dialog: {
      isOpen: awaiting !== null,
      draft,
      onDraftChange: setDraft,
      onCancel: () => setAwaiting(null),
      onConfirm: () => {
        const given = draft.trim();
        setReason(given);
        awaiting?.(given);
        setAwaiting(null);
      },
    },
  };
}
