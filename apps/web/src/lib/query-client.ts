import { QueryClient } from '@tanstack/react-query';
import { isApiError } from './api-client.ts';

const MAX_RETRIES = 2;

/** Retries only what may succeed next time: network failures and server errors, not 4xx. */
export function shouldRetry(failureCount: number, error: unknown): boolean {
  if (failureCount >= MAX_RETRIES) return false;
  return !isApiError(error) || error.status >= 500;
}

/** A query client with the app's defaults; tests make their own so caches never leak between them. */
export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        retry: shouldRetry,
        // The staff list and unit trees change a few times a day; refetching on every focus is waste.
        staleTime: 30_000,
      },
    },
  });
}
