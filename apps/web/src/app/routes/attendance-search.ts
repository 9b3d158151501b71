/** Sessions I teach: `?scope=all` shows every session (admins). */
export interface TeachingSearch {
  scope?: 'all';
}

export function parseTeachingSearch(raw: Record<string, unknown>): TeachingSearch {
  return raw.scope === 'all' ? { scope: 'all' } : {};
}

/**
 * The check-in page, as the QR code opens it: `?token=…` (signed by the server); a typed link may
 * carry `?session=12&code=123456`. All optional.
 */
export interface CheckInSearch {
  session?: number;
  code?: string;
  token?: string;
}

/**
 * Reads the check-in link leniently: a bad session id is dropped (the code alone still works);
 * the code is kept as text, since the router would turn `012345` into a number and lose the 0.
 */
export function parseCheckInSearch(raw: Record<string, unknown>): CheckInSearch {
  const search: CheckInSearch = {};
  const session = Number(raw.session);
  if (Number.isInteger(session) && session > 0) search.session = session;
  const code =
    typeof raw.code === 'string' ? raw.code : typeof raw.code === 'number' ? String(raw.code) : '';
  if (/^\d{6}$/.test(code.trim())) search.code = code.trim();
  if (typeof raw.token === 'string' && /^[0-9A-Za-z._-]{1,120}$/.test(raw.token)) {
    search.token = raw.token;
  }
  return search;
}
