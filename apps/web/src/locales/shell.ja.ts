import { authJa } from './auth.ja.ts';
import { errorsJa } from './errors.ja.ts';
import { navJa } from './nav.ja.ts';

/**
 * Japanese words of every page's frame (header, menu, loading and error states), of signing in and
 * of the pages for a missing or forbidden address: part of the first download, where the other
 * sections load with the pages that use them. ja.ts includes them at the top level.
 */
export const shellJa = {
  app: {
    name: '研修',
    latinName: 'Kenshu',
    documentTitle: '{{page}} | 研修 Kenshu',
  },
  skipToContent: '本文へ移動',
  nav: navJa,
  language: {
    label: '表示言語',
    ja: '日本語',
    en: 'English',
  },
  fiscalYear: {
    current: '現在の年度',
  },
  common: {
    loading: '読み込み中…',
    retry: '再読み込み',
    staffCount: '{{count, number}}名',
  },
  errors: errorsJa,
  notFound: {
    title: 'ページが見つかりません',
    body: 'お探しのページは移動または削除されたか、アドレスが間違っている可能性があります。',
    home: 'ホームへ戻る',
  },
  auth: authJa,
};
