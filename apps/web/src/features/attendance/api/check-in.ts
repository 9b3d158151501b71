import { useMutation } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api-client.ts';

/** The six digits typed from the screen, or the signed token the QR code carries. */
export type CheckInInput = { code: string; sessionId?: number | undefined } | { token: string };

/**
 * Checks the signed-in person in with the code shown in the room (twice is harmless). Without a
 * booking the answer is a request the trainer accepts or rejects.
 */
export function checkIn(input: CheckInInput) {
  const json =
    'token' in input
      ? { token: input.token }
      : input.sessionId === undefined
        ? { code: input.code }
        : { code: input.code, sessionId: input.sessionId };
  return unwrap(api.api['check-in'].$post({ json }));
}

export function useCheckIn() {
  return useMutation({ mutationFn: checkIn });
}
