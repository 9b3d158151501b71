import { useMutation } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api-client.ts';

export interface CheckInInput {
  code: string;
  sessionId?: number | undefined;
}

/** Checks the signed-in person in with the code shown in the room (twice is harmless). */
export function checkIn(input: CheckInInput) {
  return unwrap(
    api.api['check-in'].$post({
      json:
        input.sessionId === undefined
          ? { code: input.code }
          : { code: input.code, sessionId: input.sessionId },
    }),
  );
}

export function useCheckIn() {
  return useMutation({ mutationFn: checkIn });
}
