import type { errorsJa } from './errors.ja.ts';

/** English words of what went wrong when a request failed (the API's error codes, the network), the same keys as Japanese. */
export const errorsEn: typeof errorsJa = {
  title: 'The data could not be loaded',
  requestId: 'Reference: {{requestId}}',
  network: 'The server cannot be reached. Check your network connection.',
  unknown: 'An unexpected error occurred.',
  codes: {
    VALIDATION: 'Some of the input is not valid.',
    NOT_FOUND: 'What you asked for was not found.',
    FORBIDDEN: 'You are not allowed to do this.',
    UNAUTHENTICATED: 'Please sign in.',
    CSRF_REJECTED: 'Your session could not be verified. Reload the page and try again.',
    CONFLICT: 'This conflicts with the current state and cannot be done.',
    PAYLOAD_TOO_LARGE: 'The data sent is too large.',
    UNSUPPORTED_MEDIA_TYPE: 'The data was sent in a format this page does not accept.',
    RATE_LIMITED: 'The service is busy. Please try again in a moment.',
    UNAVAILABLE: 'The service is busy. Please try again in a moment.',
    SSO_REQUIRED: 'Passwords are turned off here. Sign in with single sign-on above.',
    INTERNAL: 'Something went wrong on the server.',
  },
};
