import type { paginationJa } from './pagination.ja.ts';

/** English words of the page controls of long lists, the same keys as Japanese. */
export const paginationEn: typeof paginationJa = {
  label: 'Pages',
  previous: 'Previous',
  next: 'Next',
  range: '{{from, number}}–{{to, number}} of {{total, number}}',
  pageSize: 'Rows per page',
  pageSizeOption: '{{count, number}} rows',
};
