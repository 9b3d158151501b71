import { availableParallelism } from 'node:os';
import { hash, verify } from '@node-rs/argon2';
import { AppError } from '@kenshu/domain';

// argon2id (the library's default algorithm) with OWASP's recommended minimum: 19 MiB, 2 passes.
const OPTIONS = { memoryCost: 19_456, timeCost: 2, parallelism: 1 };

export const PASSWORD_MIN_LENGTH = 10;

// Each hash takes a core and 19 MiB for tens of milliseconds. Running one per core, with a
// bounded queue behind, keeps a burst of password requests from starving every other request
// (and from growing memory without limit); past the queue, callers are told to come back.
const MAX_RUNNING = Math.max(2, availableParallelism());
const MAX_WAITING = 200;

let running = 0;
let completed = 0;
const waiting: (() => void)[] = [];

async function withHashingSlot<T>(work: () => Promise<T>): Promise<T> {
  if (running >= MAX_RUNNING) {
    if (waiting.length >= MAX_WAITING) {
      throw new AppError('UNAVAILABLE', 'Too many passwords are being checked; try again shortly', {
        retryAfterSeconds: 1,
      });
    }
    await new Promise<void>((resolve) => waiting.push(resolve));
  } else {
    running++;
  }
  try {
    return await work();
  } finally {
    completed++;
    // The slot passes straight to the next in line, so `running` never dips below the queue.
    const next = waiting.shift();
    if (next) next();
    else running--;
  }
}

/** How much password hashing this process is doing and has done (for tests and benchmarks). */
export function passwordHashing(): { running: number; waiting: number; completed: number } {
  return { running, waiting: waiting.length, completed };
}

export function hashPassword(password: string): Promise<string> {
  return withHashingSlot(() => hash(password, OPTIONS));
}

// Verifying against this when the account does not exist makes "unknown user" take as long as
// "wrong password", so timing does not reveal who has an account.
let dummyHash: Promise<string> | undefined;

/** Checks a password; with no stored hash it still spends the same time and says no. */
export async function verifyPassword(
  storedHash: string | undefined,
  password: string,
): Promise<boolean> {
  if (!storedHash) {
    dummyHash ??= hash('not-a-real-password', OPTIONS);
    const dummy = await dummyHash;
    await withHashingSlot(() => verify(dummy, password)).catch(rethrowBusy);
    return false;
  }
  return withHashingSlot(() => verify(storedHash, password)).catch(rethrowBusy);
}

// A wrong or malformed stored hash is "no"; being too busy to check is not.
function rethrowBusy(error: unknown): false {
  if (error instanceof AppError) throw error;
  return false;
}
