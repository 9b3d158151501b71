import type { Clock } from '@kenshu/api/clock';

/** A clock a test moves by hand; until it is set it follows the real time. */
export interface TestClock {
  readonly now: Clock;
  /** Stops the clock at this instant (an ISO string is read as given, e.g. with +09:00). */
  set(at: Date | string): void;
  /** Moves a set clock forward (or back, with a negative amount). */
  advance(ms: number): void;
  /** Lets the clock follow the real time again. */
  reset(): void;
}

export function createTestClock(start?: Date | string): TestClock {
  let fixed: Date | null = start === undefined ? null : new Date(start);
  return {
    now: () => (fixed ? new Date(fixed) : new Date()),
    set(at) {
      fixed = new Date(at);
    },
    advance(ms) {
      fixed = new Date((fixed ?? new Date()).getTime() + ms);
    },
    reset() {
      fixed = null;
    },
  };
}
