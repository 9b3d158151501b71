import { createHash, randomBytes } from 'node:crypto';

/** A random, URL-safe token with 256 bits of entropy. */
export function randomToken(): string {
  return randomBytes(32).toString('base64url');
}

/** Tokens are stored hashed: a copy of the database does not hand out live sessions or links. */
export function sha256(value: string): string {
  return createHash('sha256').update(value).digest('hex');
}
