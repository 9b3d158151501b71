/** Japanese words of e-mail status, history and the outbox; ja.ts includes them under `mail`. */
export const mailJa = {
  status: {
    queued: '送信待ち',
    sending: '送信中',
    sent: '送信済み',
    failed: '送信失敗',
    no_address: 'アドレスなし',
    opted_out: '配信停止中',
  },
  history: {
    heading: '送信されたメール',
    myHeading: 'あなたに送られたメール',
    empty: 'まだ何も送られていません。',
    label: 'メールの送信履歴',
    when: '日時',
    subject: '件名',
    status: '配信状況',
    error: 'エラー: {{error}}',
    sentAt: '{{when}} 送信',
  },
  outbox: {
    title: 'メール送信状況',
    intro: 'システムが送るメールの送信待ち・送信済み・失敗を確認し、失敗したメールを再送できます。',
    noSmtp:
      'メールサーバーが設定されていません（KENSHU_SMTP_URL）。メールは送信されず、ここに送信待ちとして残ります。',
    filterStatus: '配信状況',
    allStatuses: 'すべて',
    search: '宛先を検索',
    searchDescription: '職員番号、氏名、メールアドレスで検索できます。',
    label: 'メール一覧',
    recipient: '宛先',
    retry: '再送する',
    retried: '{{count, number}}通を送信待ちに戻しました。',
    hidden: '（パスワード設定リンクを含むため本文は表示しません）',
    counts: '{{label}}: {{count, number}}',
    attempts: '試行 {{count, number}}回',
  },
};
