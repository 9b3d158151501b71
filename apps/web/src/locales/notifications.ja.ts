/** Japanese words of notifications; ja.ts includes them under `notifications`. */
export const notificationsJa = {
  heading: 'お知らせ',
  unread_one: '未読のお知らせ {{count}}件',
  unread_other: '未読のお知らせ {{count}}件',
  empty: 'お知らせはありません。',
  new: '未読',
  markRead: '既読にする',
  markReadNamed: '既読にする: {{text}}',
  details: '全文を表示',
  open: '開く',
};
