import { randomBytes, createHash } from 'node:crypto';
import { grantRoles, insertSignInSession, type Executor, type Role } from '@kenshu/db';
import { makeStaff } from '@kenshu/db/testing';
import type { NewStaff } from '@kenshu/db';

type Fetcher = { request(input: string, init?: RequestInit): Response | Promise<Response> };

/** A signed-in browser, as far as the API can tell: the session cookie and the CSRF token. */
export interface SignedInClient {
  staffId: number;
  cookie: string;
  csrfToken: string;
  request(path: string, init?: RequestInit): Promise<Response>;
  json(path: string, body: unknown, method?: string): Promise<Response>;
}

/**
 * Starts a session for a person directly in the database (no password hashing), the way a
 * successful sign-in would, and returns a client that sends its cookie and CSRF token. Pass the
 * app's clock time when a test has moved it, so the sign-in is fresh at that time.
 */
export async function signedInAs(
  app: Fetcher,
  db: Executor,
  staffId: number,
  now: Date = new Date(),
): Promise<SignedInClient> {
  const token = randomBytes(32).toString('base64url');
  const csrfToken = randomBytes(32).toString('base64url');
  await insertSignInSession(db, {
    token_hash: createHash('sha256').update(token).digest('hex'),
    staff_id: staffId,
    csrf_token: csrfToken,
    created_at: now,
    last_seen_at: now,
    expires_at: new Date(now.getTime() + 12 * 3600_000),
    user_agent: 'test',
    client_address: '127.0.0.1',
  });
  return clientFor(app, staffId, `kenshu_session=${token}`, csrfToken);
}

export function clientFor(
  app: Fetcher,
  staffId: number,
  cookie: string,
  csrfToken: string,
): SignedInClient {
  const request = async (path: string, init: RequestInit = {}) => {
    const headers = new Headers(init.headers);
    headers.set('cookie', cookie);
    if (!headers.has('x-csrf-token')) headers.set('x-csrf-token', csrfToken);
    return app.request(`http://localhost${path}`, { ...init, headers });
  };
  return {
    staffId,
    cookie,
    csrfToken,
    request,
    json: (path, body, method = 'POST') =>
      request(path, {
        method,
        body: JSON.stringify(body),
        headers: { 'content-type': 'application/json' },
      }),
  };
}

/** A person holding the given roles (granted roles for admin/trainer, HR flags for the rest). */
export async function makePerson(
  db: Executor,
  roles: Role[] = [],
  overrides: Partial<NewStaff> = {},
) {
  const staff = await makeStaff(db, {
    is_section_head: roles.includes('section_head'),
    is_unit_security_officer: roles.includes('unit_security_officer'),
    is_system_security_officer: roles.includes('system_security_officer'),
    is_pjmo_member: roles.includes('pjmo_member'),
    ...overrides,
  });
  const granted = roles.filter((r) => r === 'admin' || r === 'trainer');
  await grantRoles(
    db,
    granted.map((role) => ({ staff_id: staff.id, role })),
    null,
  );
  return staff;
}
