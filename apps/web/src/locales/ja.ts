/** Japanese, the default language. Its shape is the shape every other language must have. */
export const ja = {
  app: {
    name: '研修',
    latinName: 'Kenshu',
    documentTitle: '{{page}} | 研修 Kenshu',
  },
  skipToContent: '本文へ移動',
  nav: {
    label: 'メインメニュー',
    home: 'ホーム',
    organisation: '組織と職員',
  },
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
  errors: {
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
      RATE_LIMITED: 'アクセスが集中しています。しばらくしてから再度お試しください。',
      INTERNAL: 'サーバーで問題が発生しました。',
    },
  },
  pagination: {
    label: 'ページ送り',
    previous: '前へ',
    next: '次へ',
    range: '{{total, number}}件中 {{from, number}}–{{to, number}}件',
    pageSize: '表示件数',
    pageSizeOption: '{{count, number}}件',
  },
  dashboard: {
    title: 'ホーム',
    fiscalYear: {
      heading: '今年度',
      period: '期間',
      periodValue: '{{from}} – {{to}}',
      daysLeft: '年度末まで',
      daysLeftValue: 'あと{{count, number}}日',
    },
    organisation: {
      heading: '組織の概要',
      totalStaff: '職員数',
      units: '組織数',
      unitCount: '{{count, number}}',
      topUnits: '主な組織',
      openOrganisation: '組織と職員を見る',
      empty: '組織が登録されていません。',
      updatedAt: '{{time}} 時点',
    },
  },
  organisation: {
    title: '組織と職員',
    intro: '組織を選ぶと、その組織と配下の組織の職員を表示します。人数は配下を含む在籍者数です。',
    treeLabel: '組織ツリー',
    treeHeading: '組織',
    empty: '組織が登録されていません。',
    allStaff: '全職員',
  },
  staff: {
    searchLabel: '職員を検索',
    searchDescription: '職員番号、氏名、かな、メールアドレスで検索できます。',
    tableLabel: '{{unit}}の職員',
    empty: '該当する職員はいません。',
    emptySearch: '「{{q}}」に該当する職員はいません。',
    columns: {
      staffNumber: '職員番号',
      name: '氏名',
      unit: '所属',
      employmentType: '雇用区分',
      roles: '役割',
    },
    employmentTypes: {
      regular: '常勤職員',
      part_time: '非常勤職員',
      temporary: '賃金職員',
    },
    roles: {
      section_head: '課室責任者',
      unit_security_officer: '情報セキュリティ責任者',
      system_security_officer: 'システム責任者',
      pjmo_member: 'PJMO',
      trainer: '講師',
      admin: '管理者',
    },
    noRoles: 'なし',
  },
  notFound: {
    title: 'ページが見つかりません',
    body: 'お探しのページは移動または削除されたか、アドレスが間違っている可能性があります。',
    home: 'ホームへ戻る',
  },
};

/** The catalogue every language provides: the same keys as Japanese, each a string. */
export type Messages = typeof ja;
