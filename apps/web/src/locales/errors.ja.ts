/** Japanese words of what went wrong when a request failed (the API's error codes, the network); shell.ja.ts includes them under `errors`. */
export const errorsJa = {
  title: 'データを読み込めませんでした',
  requestId: '問い合わせ番号: {{requestId}}',
  network: 'サーバーに接続できません。ネットワークの状態を確認してください。',
  unknown: '予期しないエラーが発生しました。',
  codes: {
    VALIDATION: '入力内容に誤りがあります。',
    NOT_FOUND: '対象が見つかりません。',
    FORBIDDEN: 'この操作を行う権限がありません。',
    UNAUTHENTICATED: 'ログインしてください。',
    CSRF_REJECTED: 'セッションを確認できませんでした。ページを再読み込みしてください。',
    CONFLICT: '現在の状態と矛盾するため処理できません。',
    PAYLOAD_TOO_LARGE: '送信データが大きすぎます。',
    UNSUPPORTED_MEDIA_TYPE: '送信データの形式が受け付けられません。',
    RATE_LIMITED: 'アクセスが集中しています。しばらくしてから再度お試しください。',
    UNAVAILABLE: 'アクセスが集中しています。しばらくしてから再度お試しください。',
    SSO_REQUIRED:
      'パスワードでのログインは無効です。上のシングルサインオンでログインしてください。',
    INTERNAL: 'サーバーで問題が発生しました。',
  },
};
