import { availableParallelism } from 'node:os';
import { isAppError } from '@kenshu/domain';
import { describe, expect, it } from 'vitest';
import { hashPassword, passwordHashing, verifyPassword } from './passwords.ts';

describe('password hashing', () => {
  it('runs a bounded number of hashes at once and refuses past a bounded queue', async () => {
    const stored = await hashPassword('a stored password');
    let mostRunning = 0;
    let mostWaiting = 0;
    const sample = setInterval(() => {
      const now = passwordHashing();
      mostRunning = Math.max(mostRunning, now.running);
      mostWaiting = Math.max(mostWaiting, now.waiting);
    }, 1);
    const outcomes = await Promise.all(
      Array.from({ length: 300 }, (_, i) =>
        verifyPassword(stored, `guess-${i}`).then(
          (ok) => (ok ? 'accepted' : 'checked'),
          (error: unknown) => (isAppError(error) ? error.code : 'crashed'),
        ),
      ),
    );
    clearInterval(sample);
    const count = (outcome: string) => outcomes.filter((o) => o === outcome).length;
    const maxRunning = Math.max(2, availableParallelism());
    // Those that found a place (running or in the queue of 200) were checked; the rest were told
    // to retry at once instead of waiting without end.
    expect(count('checked')).toBe(maxRunning + 200);
    expect(count('UNAVAILABLE')).toBe(300 - maxRunning - 200);
    expect(count('accepted') + count('crashed')).toBe(0);
    expect(mostRunning).toBe(maxRunning);
    expect(mostWaiting).toBeLessThanOrEqual(200);
    expect(passwordHashing()).toMatchObject({ running: 0, waiting: 0 });
    expect(await verifyPassword(stored, 'a stored password')).toBe(true);
  }, 120_000);
});
