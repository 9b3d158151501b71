/** Japanese words of the staff lists (search, columns, employment types, roles); ja.ts includes them under `staff`. */
export const staffJa = {
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
};
