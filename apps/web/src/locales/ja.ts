import { eLearningJa } from './e-learning.ja.ts';
import { staffImportJa } from './staff-import.ja.ts';
import { remindersJa } from './reminders.ja.ts';
import { reportsJa } from './reports.ja.ts';
import { sessionsJa } from './sessions.ja.ts';
import { attendanceJa } from './attendance.ja.ts';
import { teamJa } from './team.ja.ts';
import { authJa } from './auth.ja.ts';
import { accountsJa } from './accounts.ja.ts';
import { myTrainingJa } from './my-training.ja.ts';
import { coursesJa } from './courses.ja.ts';
import { organisationJa } from './organisation.ja.ts';
import { auditLogJa } from './audit-log.ja.ts';
import { mailJa } from './mail.ja.ts';

/** Japanese, the default language. Its shape is the shape every other language must have. */
export const ja = {
  app: {
    name: '研修',
    latinName: 'Kenshu',
    documentTitle: '{{page}} | 研修 Kenshu',
  },
  skipToContent: '本文へ移動',
  eLearning: eLearningJa,
  staffImport: staffImportJa,
  reports: reportsJa,
  reminders: remindersJa,
  nav: {
    label: 'メインメニュー',
    menu: 'メニュー',
    home: 'ホーム',
    organisation: '組織と職員',
    myTraining: '私の研修',
    eLearning: 'eラーニング',
    adminELearning: 'eラーニングの管理',
    sessions: '研修日程を探す',
    checkIn: 'チェックイン',
    teaching: '担当する研修',
    adminSessions: '日程の管理',
    adminCourses: '研修の管理',
    adminMessages: 'リマインドとメッセージ',
    accounts: 'アカウントと役割',
    auditLog: '監査ログ',
    staffImport: '職員名簿の取り込み',
    team: '部下の受講状況',
    outbox: 'メール送信状況',
    reports: '実施状況の報告',
  },
  language: {
    label: '表示言語',
    ja: '日本語',
    en: 'English',
  },
  fiscalYear: {
    current: '現在の年度',
  },
  attendance: attendanceJa,
  sessionPhase: {
    scheduled: '予定',
    in_progress: '実施中',
    awaiting_roster: '実施済み・出欠未確定',
    finalised: '出欠確定済み',
    cancelled: '中止',
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
      UNSUPPORTED_MEDIA_TYPE: '送信データの形式が受け付けられません。',
      RATE_LIMITED: 'アクセスが集中しています。しばらくしてから再度お試しください。',
      UNAVAILABLE: 'アクセスが集中しています。しばらくしてから再度お試しください。',
      SSO_REQUIRED:
        'パスワードでのログインは無効です。上のシングルサインオンでログインしてください。',
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
  organisation: organisationJa,
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
  auth: authJa,
  accounts: accountsJa,
  auditLog: auditLogJa,
  notFound: {
    title: 'ページが見つかりません',
    body: 'お探しのページは移動または削除されたか、アドレスが間違っている可能性があります。',
    home: 'ホームへ戻る',
  },
  myTraining: myTrainingJa,
  notifications: {
    heading: 'お知らせ',
    unread_one: '未読のお知らせ {{count}}件',
    unread_other: '未読のお知らせ {{count}}件',
    empty: 'お知らせはありません。',
    new: '未読',
    markRead: '既読にする',
    markReadNamed: '既読にする: {{text}}',
    details: '全文を表示',
    open: '開く',
  },
  sessions: sessionsJa,
  mail: mailJa,
  team: teamJa,
  courses: coursesJa,
  scheduling: {
    warningsTitle: '保存前の確認（このまま保存することもできます）',
    weekend: '{{date}}は土日です。',
    holiday: '{{date}}は祝日（{{name}}）です。',
    yearEndClosure: '{{date}}は年末年始の閉庁期間（12月29日～1月3日）です。',
    venueOverlap: '{{venue}}では同じ時間に{{course}}（{{time}}）が予定されています。',
    openOther: 'もう一方の日程を開く',
    pastTitle: '過去の日時です',
    pastNotice:
      '実施済みの研修日程を事後登録します（紙の出席簿からの登録など）。予約は受け付けません。登録後、出席管理の画面で出欠を記録してください。',
    recordedReason: '事後登録の理由',
    recordedReasonMissing: '事後登録の理由を入力してください。',
    record: '実施済みの日程を登録',
    recordedNotice: '実施後に登録：{{reason}}',
    holidayMark: '祝日：{{name}}',
    draft: '下書き',
    published: '公開中',
    draftNotice:
      'この研修コースは下書きです。公開するまで受講対象者はいません（マイ研修、チーム画面、報告、eラーニングの割当てに含まれません）。',
    publish: '研修コースを公開',
    publishTitle: 'この研修コースを公開しますか？',
    publishBody:
      '公開すると、対象者全員が今年度この研修を受講する必要があります。各人の研修、チーム画面、報告に表示され、督促とeラーニングの割当ての対象になります。',
    publishConfirm: '公開する',
    publishedNotice: '{{date}}に公開',
  },
};

/** The catalogue every language provides: the same keys as Japanese, each a string. */
export type Messages = typeof ja;
