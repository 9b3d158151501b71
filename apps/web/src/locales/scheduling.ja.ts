/** Japanese words of the checks before saving a session (weekends, holidays, venues, past dates) and publishing a course; ja.ts includes them under `scheduling`. */
export const schedulingJa = {
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
};
