/** Japanese words of the home page; ja.ts includes them under `dashboard`. */
export const dashboardJa = {
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
};
