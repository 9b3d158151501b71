import { describe, expect, it } from 'vitest';
import { ApiError } from './api-client.ts';
import { shouldRetry } from './query-client.ts';

const apiError = (status: number) =>
  new ApiError({ code: status === 404 ? 'NOT_FOUND' : 'INTERNAL', status, message: '' });

describe('shouldRetry', () => {
  it('retries network failures and server errors a couple of times', () => {
    expect(shouldRetry(0, new TypeError('Failed to fetch'))).toBe(true);
    expect(shouldRetry(1, apiError(503))).toBe(true);
    expect(shouldRetry(2, apiError(503))).toBe(false);
  });

  it('does not retry what would fail the same way again', () => {
    expect(shouldRetry(0, apiError(404))).toBe(false);
  });
});
