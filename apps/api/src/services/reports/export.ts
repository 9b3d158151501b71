import type { AnnualReport, Coverage, PeopleQuery } from '@kenshu/contracts';
import { fiscalYearLabel, type ReportTable } from '@kenshu/domain';
import type { ServiceContext } from '../../context.ts';
import { toCsv, type CsvCell } from '../../lib/csv.ts';
import { annualReport } from './annual.ts';
import { yearOverYear } from './history.ts';
import { peopleBehind } from './people.ts';

type Lang = 'ja' | 'en';

/** The words of the report's exports and printed summary, in both languages. */
export const REPORT_WORDS = {
  ja: {
    required: '対象者数',
    completed: '修了者数',
    coverage: '把握率(%)',
    course: '研修',
    code: 'コード',
    unit: '組織',
    unitCode: '組織コード',
    parent: '上位組織コード',
    depth: '階層',
    ownRequired: '所属職員の対象者数',
    ownCompleted: '所属職員の修了者数',
    ownCoverage: '所属職員の把握率(%)',
    group: '区分',
    employmentType: '雇用形態',
    method: '修了方法',
    threshold: '基準(%)',
    unitsCounted: '対象組織数',
    unitsReached: '到達した組織数',
    coursesCounted: '対象研修数',
    coursesReached: '到達した研修数',
    week: '週(月曜日)',
    completions: 'その週の修了者数',
    cumulative: '累計修了者数',
    fiscalYear: '年度',
    asOf: '基準日',
    staffNumber: '職員番号',
    name: '氏名',
    kana: 'かな',
    completedOn: '修了日',
    groups: {
      security_officers: '情報セキュリティ責任者等',
      system_officers: '情報システムセキュリティ責任者・PJMO',
      other_staff: 'その他の職員',
    },
    types: { regular: '常勤', part_time: '非常勤', temporary: '賃金職員・アルバイト' },
    methods: {
      group_session: '集合研修',
      e_learning: 'eラーニング',
      admin_credit: '管理者による認定',
    },
    all: '合計',
  },
  en: {
    required: 'Required',
    completed: 'Completed',
    coverage: 'Coverage (%)',
    course: 'Course',
    code: 'Code',
    unit: 'Unit',
    unitCode: 'Unit code',
    parent: 'Parent unit code',
    depth: 'Level',
    ownRequired: 'Own staff required',
    ownCompleted: 'Own staff completed',
    ownCoverage: 'Own staff coverage (%)',
    group: 'Group',
    employmentType: 'Employment type',
    method: 'Completed by',
    threshold: 'Threshold (%)',
    unitsCounted: 'Units counted',
    unitsReached: 'Units reaching it',
    coursesCounted: 'Courses counted',
    coursesReached: 'Courses reaching it',
    week: 'Week (Monday)',
    completions: 'Completions that week',
    cumulative: 'Completions so far',
    fiscalYear: 'Fiscal year',
    asOf: 'As of',
    staffNumber: 'Staff number',
    name: 'Name',
    kana: 'Kana',
    completedOn: 'Completed on',
    groups: {
      security_officers: 'Security officers',
      system_officers: 'System security officers and PJMO',
      other_staff: 'Other staff',
    },
    types: { regular: 'Regular', part_time: 'Part-time', temporary: 'Temporary' },
    methods: {
      group_session: 'Group session',
      e_learning: 'E-learning',
      admin_credit: 'Admin credit',
    },
    all: 'Total',
  },
} as const;

/**
 * Coverage as a percentage with one decimal, or empty when nobody was required: rounded down
 * as the screen and the printed summary show it, so 100 means everyone and a download never
 * disagrees with the page it came from.
 */
export function percentCell(c: Coverage): CsvCell {
  return c.coverage === null ? '' : Math.floor(c.coverage * 1000) / 10;
}

function counts(c: Coverage): CsvCell[] {
  return [c.required, c.completed, percentCell(c)];
}

/** More than the ministry's staff: an export of people is never cut short. */
const EXPORT_LIMIT = 1_000_000;

/** One table of the report as CSV, through the one CSV writer. */
export async function exportReportTable({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: PeopleQuery & { table: ReportTable; lang: Lang };
}): Promise<string> {
  const w = REPORT_WORDS[input.lang];
  const name = (o: { nameJa: string; nameEn: string } | { titleJa: string; titleEn: string }) =>
    'nameJa' in o
      ? input.lang === 'ja'
        ? o.nameJa
        : o.nameEn
      : input.lang === 'ja'
        ? o.titleJa
        : o.titleEn;
  const base = [w.required, w.completed, w.coverage];
  if (input.table === 'history') {
    const h = await yearOverYear({ ctx, input });
    return toCsv(
      [w.fiscalYear, w.asOf, w.group, ...base],
      h.years.flatMap((y) => [
        [fiscalYearLabel(y.fiscalYear, input.lang), y.asOf, w.all, ...counts(y.overall)],
        ...y.roleGroups.map((g) => [
          fiscalYearLabel(y.fiscalYear, input.lang),
          y.asOf,
          w.groups[g.group],
          ...counts(g.counts),
        ]),
      ]),
    );
  }
  if (input.table === 'people') {
    // One read for the whole list: every page of the same snapshot, not one query per page.
    const { items } = await peopleBehind({
      ctx,
      input: { ...input, limit: EXPORT_LIMIT, offset: 0 },
    });
    const rows = items.map((p) => [
      p.staffNumber,
      p.name,
      p.nameKana,
      p.unit.code,
      name(p.unit),
      w.groups[p.roleGroup],
      w.types[p.employmentType],
      p.method ? w.methods[p.method] : '',
      p.completedOn,
    ]);
    return toCsv(
      [
        w.staffNumber,
        w.name,
        w.kana,
        w.unitCode,
        w.unit,
        w.group,
        w.employmentType,
        w.method,
        w.completedOn,
      ],
      rows,
    );
  }
  const r: AnnualReport = await annualReport({ ctx, input });
  const codeOf = new Map(r.units.map((u) => [u.id, u.code]));
  switch (input.table) {
    case 'courses':
      return toCsv(
        [w.code, w.course, ...base],
        r.courses.map((c) => [c.code, name(c), ...counts(c.counts)]),
      );
    case 'units':
      return toCsv(
        [
          w.unitCode,
          w.unit,
          w.parent,
          w.depth,
          ...base,
          w.ownRequired,
          w.ownCompleted,
          w.ownCoverage,
        ],
        r.units.map((u) => [
          u.code,
          name(u),
          u.parentId === null ? '' : codeOf.get(u.parentId),
          u.depth,
          ...counts(u.subtree),
          ...counts(u.own),
        ]),
      );
    case 'role-groups':
      return toCsv(
        [w.group, ...base],
        [
          ...r.roleGroups.map((g) => [w.groups[g.group], ...counts(g.counts)]),
          [w.all, ...counts(r.overall)],
        ],
      );
    case 'employment-types':
      return toCsv(
        [w.employmentType, ...base],
        [
          ...r.employmentTypes.map((e) => [w.types[e.type], ...counts(e.counts)]),
          [w.all, ...counts(r.overall)],
        ],
      );
    case 'methods':
      return toCsv(
        [w.method, w.completed],
        r.methods.map((m) => [w.methods[m.method], m.completed]),
      );
    case 'attainment':
      return toCsv(
        [w.threshold, w.unitsCounted, w.unitsReached, w.coursesCounted, w.coursesReached],
        r.attainment.thresholds.map((t, i) => [
          t,
          r.attainment.units.counted,
          r.attainment.units.reached[i],
          r.attainment.courses.counted,
          r.attainment.courses.reached[i],
        ]),
      );
    case 'progress':
      return toCsv(
        [w.week, w.completions, w.cumulative, w.required],
        r.progress.weeks.map((wk) => [
          wk.weekStart,
          wk.completions,
          wk.cumulative,
          r.progress.required,
        ]),
      );
  }
}
