// Any origin would do: a relative path resolved against it must stay on it.
const PROBE_ORIGIN = 'https://kenshu.invalid';
// Browsers drop tabs and newlines from URLs and read "\" as "/", so "/\evil", "/\t/evil" and the
// like are other sites in disguise.
// eslint-disable-next-line no-control-regex -- control characters are what this looks for
const DISGUISE = /[\\\u0000-\u001f\u007f]/;
// More decoding than any honest link needs: "/%252F%252Fevil" is judged as "//evil" too.
const DECODE_ROUNDS = 3;

/**
 * The page to go to after signing in, from `?next=`: only a path of this app, so a crafted link
 * cannot send people to another site after they sign in. `//host`, `/\host`, `https:`,
 * `javascript:` and their percent-encoded or mixed forms are all refused (undefined: go home).
 */
export function safeNext(value: unknown): string | undefined {
  if (typeof value !== 'string' || value.length > 2000) return undefined;
  let decoded = value;
  for (let round = 0; round < DECODE_ROUNDS; round++) {
    if (!isPathOfThisApp(decoded)) return undefined;
    const once = decodeOnce(decoded);
    if (once === undefined) return undefined;
    if (once === decoded) break;
    decoded = once;
  }
  if (!isPathOfThisApp(decoded)) return undefined;
  const url = new URL(value, PROBE_ORIGIN);
  const path = `${url.pathname}${url.search}${url.hash}`;
  // Pages that make no sense to return to.
  if (url.pathname.startsWith('/sign-in') || url.pathname.startsWith('/set-password'))
    return undefined;
  return path;
}

function isPathOfThisApp(value: string): boolean {
  if (!value.startsWith('/') || value.startsWith('//') || DISGUISE.test(value)) return false;
  const url = new URL(value, PROBE_ORIGIN);
  // "/..//host" resolves to the path "//host", which a browser would read as another site.
  return url.origin === PROBE_ORIGIN && !url.pathname.startsWith('//');
}

function decodeOnce(value: string): string | undefined {
  try {
    return decodeURIComponent(value);
  } catch {
    // Malformed escapes: no link the app makes looks like this.
    return undefined;
  }
}
