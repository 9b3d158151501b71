/** Japanese words of the page controls of long lists; ja.ts includes them under `pagination`. */
export const paginationJa = {
  label: 'ページ送り',
  previous: '前へ',
  next: '次へ',
  range: '{{total, number}}件中 {{from, number}}–{{to, number}}件',
  pageSize: '表示件数',
  pageSizeOption: '{{count, number}}件',
};
