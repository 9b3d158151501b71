import type { Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import type { AppEnv } from '../context.ts';

export const SESSION_COOKIE = 'kenshu_session';

function isSecure(c: Context<AppEnv>): boolean {
  if (c.var.config.secureCookies) return true;
  const forwarded = c.var.config.trustProxy ? c.req.header('x-forwarded-proto') : undefined;
  return (forwarded ?? new URL(c.req.url).protocol.replace(':', '')) === 'https';
}

export function readSessionCookie(c: Context<AppEnv>): string | undefined {
  return getCookie(c, SESSION_COOKIE);
}

/** HttpOnly so scripts cannot read it; SameSite=Lax so other sites cannot send it with a POST. */
export function writeSessionCookie(c: Context<AppEnv>, token: string, maxAgeSeconds: number): void {
  setCookie(c, SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: 'Lax',
    secure: isSecure(c),
    path: '/',
    maxAge: Math.floor(maxAgeSeconds),
  });
}

export function clearSessionCookie(c: Context<AppEnv>): void {
  deleteCookie(c, SESSION_COOKIE, { path: '/', secure: isSecure(c) });
}

/** Binds a single sign-on to the browser that started it: the callback must bring it back. */
export const SSO_COOKIE = 'kenshu_sso';
const SSO_COOKIE_PATH = '/api/auth/sso';

export function readSsoCookie(c: Context<AppEnv>): string | undefined {
  return getCookie(c, SSO_COOKIE);
}

/** SameSite=Lax: the provider's redirect back is a top-level navigation, which carries it. */
export function writeSsoCookie(c: Context<AppEnv>, value: string, maxAgeSeconds: number): void {
  setCookie(c, SSO_COOKIE, value, {
    httpOnly: true,
    sameSite: 'Lax',
    secure: isSecure(c),
    path: SSO_COOKIE_PATH,
    maxAge: Math.floor(maxAgeSeconds),
  });
}

export function clearSsoCookie(c: Context<AppEnv>): void {
  deleteCookie(c, SSO_COOKIE, { path: SSO_COOKIE_PATH, secure: isSecure(c) });
}
