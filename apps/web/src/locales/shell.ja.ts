import { errorsJa } from './errors.ja.ts';
import { navJa } from './nav.ja.ts';

/**
 * Japanese words of every page's frame (header, menus, loading and error states, forms' shared
 * messages) and of the pages for a missing or forbidden address: part of the first download, where
 * the other sections (signing in too) load with the pages that use them. ja.ts includes them at the
 * top level.
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
  userMenu: {
    label: 'アカウント: {{name}}',
    staffNumber: '職員番号',
    unit: '所属',
    language: '表示言語',
    mySessions: 'ログイン中の端末',
    signOut: 'ログアウト',
    signingOut: 'ログアウトしています…',
  },
  notAllowed: {
    title: 'このページを表示する権限がありません',
    body: 'このページは管理者だけが利用できます。必要な場合は業務企画室にお問い合わせください。',
    home: 'ホームへ戻る',
  },
  form: {
    fixErrors: '入力内容を確認してください。',
    network: 'サーバーに接続できません。ネットワークの状態を確認して、もう一度お試しください。',
  },
};
