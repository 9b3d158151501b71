import { isIP } from 'node:net';
import { getConnInfo } from '@hono/node-server/conninfo';
import type { Context } from 'hono';
import type { AppEnv } from '../context.ts';

function socketAddress(c: Context<AppEnv>): string | undefined {
  try {
    return getConnInfo(c).remote.address;
  } catch {
    // app.request() in tests has no socket.
    return undefined;
  }
}

/**
 * The client's address, for per-address limits and the session list. Behind trusted reverse
 * proxies it is read from the right of X-Forwarded-For: each of our proxies appends the address
 * it received the request from, so the entry `trustedProxies` from the right was written by our
 * outermost proxy. Everything left of it came from the client and may be made up.
 */
export function clientAddress(c: Context<AppEnv>): string {
  const { trustProxy, trustedProxies } = c.var.config;
  const socket = socketAddress(c) ?? 'unknown';
  if (!trustProxy) return socket;
  const forwarded = (c.req.header('x-forwarded-for') ?? '')
    .split(',')
    .map((entry) => entry.trim())
    .filter((entry) => entry !== '');
  const written = forwarded[forwarded.length - trustedProxies] ?? forwarded[0];
  return written !== undefined && isIP(written) !== 0 ? written : socket;
}
