import { setPasswordHash, type Executor, type Role } from '@kenshu/db';
import { hashPassword } from '@kenshu/api/passwords';
import type { AppType } from '@kenshu/api';
import { beforeAll } from 'vitest';
import { clientFor, makePerson, type SignedInClient } from './auth.ts';
import { okBody, publicApi, typedApi } from './typed-api.ts';

/** The password every person of `usePasswordPeople` has. */
export const PASSWORD = 'correct horse battery';

/**
 * People who sign in with PASSWORD. It is hashed once per file (hashing is slow on purpose),
 * then stored for each person made.
 */
export function usePasswordPeople(db: () => Executor) {
  let passwordHash: string | undefined;
  beforeAll(async () => {
    passwordHash = await hashPassword(PASSWORD);
  });
  return async function personWithPassword(roles: Role[] = []) {
    if (passwordHash === undefined) throw new Error('the password is hashed in beforeAll');
    const staff = await makePerson(db(), roles);
    await setPasswordHash(db(), staff.id, passwordHash);
    return staff;
  };
}

/** Signs in with a login and password as the sign-in page does; `headers` as the browser adds. */
export function signInWith(
  app: AppType,
  login: string,
  password: string,
  headers: Record<string, string> = {},
) {
  return publicApi(app).auth['sign-in'].$post({ json: { login, password } }, { headers });
}

/** The cookie `name=value` an answer sets, if it sets one. */
export function cookieOf(res: { headers: Headers }, name: string): string | undefined {
  for (const header of res.headers.getSetCookie()) {
    const match = new RegExp(`^${name}=([^;]*)`).exec(header);
    if (match?.[1]) return `${name}=${match[1]}`;
  }
  return undefined;
}

/** The session cookie a sign-in set; fails when it set none. */
export function sessionCookie(res: { headers: Headers }): string {
  const cookie = cookieOf(res, 'kenshu_session');
  if (!cookie) throw new Error(`no session cookie in "${res.headers.get('set-cookie') ?? ''}"`);
  return cookie;
}

/** The browser a sign-in answer leaves behind: its session cookie and CSRF token. */
export async function browserAfter(
  app: AppType,
  res: Awaited<ReturnType<typeof signInWith>>,
): Promise<SignedInClient> {
  const me = await okBody(Promise.resolve(res));
  return clientFor(app, me.staffId, sessionCookie(res), me.csrfToken);
}

/** Has an admin issue a set-password link for a person and returns the link's token. */
export async function passwordLinkToken(app: AppType, admin: SignedInClient, staffId: number) {
  const { url } = await okBody(
    typedApi(app, admin).accounts[':id']['password-link'].$post({ param: { id: String(staffId) } }),
    201,
  );
  return new URL(url).hash.replace('#token=', '');
}

/** Sets a password with a link's token, as the set-password page does. */
export function setPasswordWith(
  app: AppType,
  token: string,
  password: string,
  headers: Record<string, string> = {},
) {
  return publicApi(app).auth.password.$post({ json: { token, password } }, { headers });
}
