/**
 * Japanese words of signing in, SSO, sign-in sessions and setting a password: a section of its
 * own, which the sign-in page brings with its first download and the other pages load as needed.
 */
export const authJa = {
  signIn: {
    title: 'ログイン',
    intro: '職員番号またはメールアドレスと、パスワードを入力してください。',
    login: '職員番号またはメールアドレス',
    loginDescription: '例: A0001 または yamada.hanako@example.go.jp',
    password: 'パスワード',
    submit: 'ログイン',
    submitting: 'ログインしています…',
    loginRequired: '職員番号またはメールアドレスを入力してください。',
    passwordRequired: 'パスワードを入力してください。',
    errorTitle: 'ログインできませんでした',
    wrongCredentials: '職員番号・メールアドレスまたはパスワードが正しくありません。',
    lockedOut_one:
      'ログインの失敗が続いたため、一時的にログインできなくなっています。{{count}}分ほど待ってから、もう一度お試しください。',
    lockedOut_other:
      'ログインの失敗が続いたため、一時的にログインできなくなっています。{{count}}分ほど待ってから、もう一度お試しください。',
    network: 'サーバーに接続できません。ネットワークの状態を確認して、もう一度お試しください。',
    failed: 'ログインできませんでした。しばらくしてから、もう一度お試しください。',
    expired: '一定時間操作がなかったため、ログアウトしました。もう一度ログインしてください。',
    signedOut: 'ログアウトしました。',
    passwordSet: 'パスワードを設定しました。新しいパスワードでログインしてください。',
    forgotten:
      'パスワードを忘れた場合は、業務企画室（管理者）にパスワード設定用リンクの発行を依頼してください。',
  },
  sso: {
    title: 'シングルサインオン',
    intro: '省内の他のシステムと同じアカウントでログインできます。パスワードは予備の方法です。',
    signInWith: '{{name}}でログイン',
    passwordTitle: 'パスワードでログイン',
    passwordsOff:
      'パスワードでのログインは無効です。非常用の管理者アカウントのみ、ここからログインできます。',
    problemTitle: 'シングルサインオンでログインできませんでした',
    backToSignIn: 'ログイン画面に戻る',
    problems: {
      not_in_roster: {
        title: '職員名簿に登録されていません',
        body: 'アカウントは確認できましたが、研修システムの職員名簿に該当する職員がいません。ログイン時にアカウントは作成されません。業務企画室（管理者）に名簿の確認を依頼してください。',
      },
      deactivated: {
        title: '職員名簿の登録が無効になっています',
        body: '職員名簿に登録されていますが、無効になっているためログインできません。在職中の場合は、業務企画室（管理者）に連絡してください。',
      },
      domain_not_allowed: {
        title: 'このアカウントは使用できません',
        body: '省のメールドメインのアカウントのみログインできます。省のアカウントでログインしてください。',
      },
      cancelled: {
        title: 'ログインが取り消されました',
        body: 'ログインサービスでログインが完了しませんでした。戻って、もう一度お試しください。',
      },
      expired: {
        title: 'このログインは期限切れか、使用済みです',
        body: 'ログインの手続きは一度だけ、数分間有効です。戻って、最初からやり直してください。',
      },
      failed: {
        title: 'ログインを確認できませんでした',
        body: 'ログインサービスからの応答を検証できなかったため、ログインしていません。戻って、もう一度お試しください。繰り返す場合は業務企画室に連絡してください。',
      },
      unavailable: {
        title: 'ログインサービスに接続できません',
        body: 'しばらくしてから、もう一度お試しください。復旧しない場合、パスワードをお持ちの方はパスワードでログインしてください。',
      },
    },
  },
  sessions: {
    title: 'ログイン中の端末',
    intro:
      'このアカウントでログインしている端末です。心当たりのないログインがあれば終了し、管理者に連絡してください。',
    listLabel: 'ログイン中の端末の一覧',
    current: 'この端末',
    address: 'IPアドレス',
    startedAt: 'ログイン',
    lastSeenAt: '最終利用',
    unknownDevice: '不明な端末',
    unknownAddress: '不明',
    device: '{{browser}}（{{os}}）',
    end: 'このログインを終了',
    endLabel: '{{device}}のログインを終了',
    endOthers: 'ほかの端末のログインをすべて終了',
    ended: 'ログインを1件終了しました。',
    endedOthers: 'ほかの端末のログインを{{count, number}}件終了しました。',
    noOthers: 'ほかの端末でのログインはありません。',
    failed: 'ログインを終了できませんでした。',
  },
  setPassword: {
    title: 'パスワードの設定',
    intro: '新しいパスワードを2回入力してください。設定後、ログイン画面に移ります。',
    password: '新しいパスワード',
    confirm: '新しいパスワード（確認）',
    rule: '10文字以上。覚えやすい長めのフレーズがおすすめです。',
    submit: 'パスワードを設定',
    submitting: '設定しています…',
    required: 'パスワードを入力してください。',
    tooShort: '10文字以上で入力してください。',
    confirmRequired: '確認のため、もう一度入力してください。',
    mismatch: '1回目と同じパスワードを入力してください。',
    errorTitle: 'パスワードを設定できませんでした',
    noToken:
      'リンクが正しくありません。管理者から受け取ったリンクを、省略せずにそのまま開いてください。',
    linkInvalid:
      'このリンクは有効期限が切れたか、すでに使われています。管理者に新しいリンクの発行を依頼してください。',
    backToSignIn: 'ログイン画面へ',
  },
};
