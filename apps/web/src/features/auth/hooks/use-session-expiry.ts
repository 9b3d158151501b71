import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { isApiError } from '../../../lib/api-client.ts';
import { loadPage } from '../../../lib/load-page.ts';
import { ME_QUERY_KEY } from '../api/get-me.ts';
import { signInHref } from '../utils/sign-in-search.ts';

function isUnauthenticated(error: unknown): boolean {
  return isApiError(error) && error.status === 401;
}

function isMeKey(key: readonly unknown[]): boolean {
  return key.length === ME_QUERY_KEY.length && key.every((part, i) => part === ME_QUERY_KEY[i]);
}

/**
 * Notices a session that ended (the 30-minute idle timeout, the 12-hour limit, a sign-out on
 * another device): any query or mutation answered 401, or the person refetched as nobody. Then
 * it loads the sign-in page, which says why and returns here afterwards; the data loaded so far
 * stays behind with this page. Pages that are open to everyone (`isPublicPath`) are left alone.
 */
export function useSessionExpiry(isPublicPath: (pathname: string) => boolean): void {
  const queryClient = useQueryClient();

  useEffect(() => {
    const expire = () => {
      const { pathname, search, hash } = window.location;
      if (isPublicPath(pathname)) return;
      loadPage(signInHref({ next: `${pathname}${search}${hash}`, reason: 'expired' }), {
        replace: true,
      });
    };

    const stopQueries = queryClient.getQueryCache().subscribe((event) => {
      if (event.type !== 'updated') return;
      const { action } = event;
      if (action.type === 'error' && isUnauthenticated(action.error)) expire();
      if (action.type === 'success' && action.data === null && isMeKey(event.query.queryKey)) {
        expire();
      }
    });
    const stopMutations = queryClient.getMutationCache().subscribe((event) => {
      if (event.type !== 'updated') return;
      if (event.action.type === 'error' && isUnauthenticated(event.action.error)) expire();
    });
    return () => {
      stopQueries();
      stopMutations();
    };
  }, [queryClient, isPublicPath]);
}
