import { errorsEn } from './errors.en.ts';
import { navEn } from './nav.en.ts';
import type { shellJa } from './shell.ja.ts';

/** English words of every page's frame and of missing and forbidden pages, the same keys as Japanese. */
export const shellEn: typeof shellJa = {
  app: {
    name: '研修',
    latinName: 'Kenshu',
    documentTitle: '{{page}} | 研修 Kenshu',
  },
  skipToContent: 'Skip to main content',
  nav: navEn,
  language: {
    label: 'Language',
    ja: '日本語',
    en: 'English',
  },
  fiscalYear: {
    current: 'Current fiscal year',
  },
  common: {
    loading: 'Loading…',
    retry: 'Try again',
    staffCount: '{{count, number}} staff',
  },
  errors: errorsEn,
  notFound: {
    title: 'Page not found',
    body: 'The page you are looking for may have moved or been removed, or the address may be mistyped.',
    home: 'Back to home',
  },
  userMenu: {
    label: 'Account: {{name}}',
    staffNumber: 'Staff number',
    unit: 'Unit',
    language: 'Language',
    mySessions: 'My sign-ins',
    signOut: 'Sign out',
    signingOut: 'Signing out…',
  },
  notAllowed: {
    title: 'You are not allowed to see this page',
    body: 'This page is for administrators only. If you need it, contact the Operations Planning Office.',
    home: 'Back to home',
  },
  form: {
    fixErrors: 'Check the fields marked below.',
    network: 'The server cannot be reached. Check your network connection and try again.',
  },
};
