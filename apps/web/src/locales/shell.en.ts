import { authEn } from './auth.en.ts';
import { errorsEn } from './errors.en.ts';
import { navEn } from './nav.en.ts';
import type { shellJa } from './shell.ja.ts';

/** English words of every page's frame, signing in and missing pages, the same keys as Japanese. */
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
  auth: authEn,
};
