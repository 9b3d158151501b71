/**
 * The page to go to after signing in, from `?next=`: only a path of this app (starting with one
 * "/"), so a crafted link cannot send people to another site after they sign in.
 */
export function safeNext(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  if (!value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\')) return undefined;
  // Pages that make no sense to return to.
  if (value === '/sign-in' || value.startsWith('/sign-in?') || value.startsWith('/set-password')) {
    return undefined;
  }
  return value;
}
