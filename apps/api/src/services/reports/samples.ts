import { randomBytes } from 'node:crypto';
import type { AuditSample, AuditSampleSummary } from '@kenshu/contracts';
import {
  completedPopulation,
  findAuditSample,
  findCourseById,
  insertAudit,
  insertAuditSample,
  listAuditSamples,
  readForReport,
  runInTransaction,
  sampleEvidence,
  type SavedAuditSample,
} from '@kenshu/db';
import {
  AppError,
  auditSampleSize,
  canSeeUnit,
  drawSample,
  forbidden,
  isAdmin,
  notFound,
  tokyoTimestamp,
} from '@kenshu/domain';
import type { ServiceContext } from '../../context.ts';
import { requireViewer } from '../../lib/service-context.ts';
import { toCsv } from '../../lib/csv.ts';
import { populationOf } from './annual.ts';
import { reportSubject, yearView } from './scope.ts';
import { courseRef } from '../courses/course-ref.ts';

const METHOD_OF = {
  attended: 'group_session',
  e_learning: 'e_learning',
  credited: 'admin_credit',
} as const;

function summaryOf(s: SavedAuditSample, course: AuditSample['course']): AuditSampleSummary {
  return {
    id: s.id,
    fiscalYear: s.fiscal_year,
    course,
    scope: {
      orgUnitId: s.org_unit_id,
      nameJa: s.unit_name_ja ?? '全省',
      nameEn: s.unit_name_en ?? 'Whole ministry',
    },
    seed: s.seed,
    population: s.population,
    size: s.sample_size,
    drawnBy: { staffId: s.drawn_by, name: s.drawn_by_name },
    drawnAt: s.drawn_at.toISOString(),
  };
}

async function withEvidence(ctx: ServiceContext, s: SavedAuditSample): Promise<AuditSample> {
  const course = await findCourseById(ctx.db, s.course_id);
  if (!course) throw notFound('course');
  const rows = await sampleEvidence(ctx.db, s.id);
  const iso = (d: Date | null) => d?.toISOString() ?? null;
  return {
    ...summaryOf(s, courseRef(course)),
    items: rows.map((r) => ({
      position: r.position,
      staffId: r.staff_id,
      staffNumber: r.staff_number,
      name: r.name,
      unit: { id: r.unit_id, nameJa: r.unit_name_ja, nameEn: r.unit_name_en },
      evidence: {
        method: METHOD_OF[r.kind],
        recordedAt: r.recorded_at.toISOString(),
        recordedBy: r.recorded_by_name,
        session:
          r.session_id === null || r.session_starts_at === null
            ? null
            : {
                id: r.session_id,
                startsAt: r.session_starts_at.toISOString(),
                venue: r.venue,
                mark: r.mark,
                markedVia: r.marked_via,
                markedBy: r.marked_by_name,
                markedAt: iso(r.marked_at),
                checkedInAt: iso(r.checked_in_at),
              },
        module:
          r.kind === 'e_learning'
            ? {
                reference: r.source_ref,
                titleJa: r.module_title_ja,
                titleEn: r.module_title_en,
                version: r.module_version,
                completedAt: iso(r.module_completed_at),
                bestScore: r.best_score,
              }
            : null,
        creditReason: r.kind === 'credited' ? r.reason : null,
      },
    })),
  };
}

/**
 * Draws ⌈√N⌉ of the N people who completed a course in a year within the viewer's scope, at
 * random from a seed (a new one, or an earlier sample's to draw it again), and saves the sample
 * with who drew it, audited. The population is read in a snapshot, in staff-id order, so the
 * same seed over the same population gives the same people.
 */
export async function drawAuditSample({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: {
    fiscalYear: number;
    courseId: number;
    orgUnitId?: number | undefined;
    seed?: string | undefined;
  };
}): Promise<AuditSample> {
  const viewer = requireViewer(ctx);
  const view = yearView(input.fiscalYear, ctx.now);
  const seed = input.seed ?? randomBytes(8).toString('hex');
  const drawn = await readForReport(ctx.db, async (db) => {
    const { course, scope } = await reportSubject(db, viewer, input);
    const population = await completedPopulation(db, await populationOf(db, course, view, scope));
    return { course, scope, population };
  });
  const n = drawn.population.length;
  if (n === 0) {
    throw new AppError(
      'CONFLICT',
      'Nobody in this scope has completed the course this fiscal year, so there is no one to sample',
      { population: 0 },
    );
  }
  const items = drawSample(drawn.population, auditSampleSize(n), seed);
  const id = await runInTransaction(ctx.db, async (trx) => {
    const sampleId = await insertAuditSample(trx, {
      fiscalYear: view.fiscalYear,
      courseId: drawn.course.id,
      orgUnitId: drawn.scope.ref.orgUnitId,
      seed,
      population: n,
      drawnBy: viewer.staffId,
      drawnAt: ctx.now,
      items,
    });
    await insertAudit(trx, {
      actorStaffId: viewer.staffId,
      action: 'report.sample_drawn',
      targetType: 'course',
      targetId: drawn.course.id,
      after: {
        sampleId,
        fiscalYear: view.fiscalYear,
        orgUnitId: drawn.scope.ref.orgUnitId,
        seed,
        population: n,
        size: items.length,
      },
      requestId: ctx.requestId,
    });
    return sampleId;
  });
  const saved = await findAuditSample(ctx.db, id);
  if (!saved) throw new Error('the sample just saved is missing');
  return withEvidence(ctx, saved);
}

/** A saved sample, if the viewer may see its scope (admins see the ministry's too). */
async function visibleSample(ctx: ServiceContext, id: number): Promise<SavedAuditSample> {
  const viewer = requireViewer(ctx);
  const sample = await findAuditSample(ctx.db, id);
  if (!sample) throw notFound('audit sample');
  const visible =
    isAdmin(viewer) || (sample.unit_path !== null && canSeeUnit(viewer, sample.unit_path));
  if (!visible)
    throw forbidden('This sample was drawn for a part of the organisation you do not oversee');
  return sample;
}

export async function getAuditSample({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: { id: number };
}) {
  return withEvidence(ctx, await visibleSample(ctx, input.id));
}

export async function listSamples({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: {
    fiscalYear?: number | undefined;
    courseId?: number | undefined;
    orgUnitId?: number | undefined;
    limit: number;
    offset: number;
  };
}): Promise<{ items: AuditSampleSummary[]; total: number }> {
  const viewer = requireViewer(ctx);
  const view = yearView(input.fiscalYear, ctx.now);
  const { course, scope } = await reportSubject(ctx.db, viewer, input);
  const { rows, total } = await listAuditSamples(ctx.db, {
    courseId: course.id,
    fiscalYear: view.fiscalYear,
    subtreePaths: scope.paths,
    limit: input.limit,
    offset: input.offset,
  });
  return { items: rows.map((r) => summaryOf(r, courseRef(course))), total };
}

const HEADERS = {
  ja: [
    '順番',
    '職員番号',
    '氏名',
    '所属',
    '修了方法',
    '記録日時',
    '記録者',
    '研修日時',
    '会場',
    '出欠',
    '記録方法',
    '出欠記録者',
    '出欠記録日時',
    'eラーニング',
    '版',
    '最高得点',
    '認定理由',
  ],
  en: [
    'Position',
    'Staff number',
    'Name',
    'Unit',
    'Completed by',
    'Recorded at',
    'Recorded by',
    'Session',
    'Venue',
    'Mark',
    'Marked via',
    'Marked by',
    'Marked at',
    'E-learning',
    'Version',
    'Best score',
    'Credit reason',
  ],
} as const;
const METHOD_LABELS = {
  ja: { group_session: '集合研修', e_learning: 'eラーニング', admin_credit: '管理者による認定' },
  en: { group_session: 'Group session', e_learning: 'E-learning', admin_credit: 'Admin credit' },
} as const;

/** Times in exports are Asia/Tokyo with their offset. */
export const tokyoTime = tokyoTimestamp;

export async function auditSampleCsv({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: { id: number; lang: 'ja' | 'en' };
}): Promise<string> {
  const sample = await getAuditSample({ ctx, input });
  const lang = input.lang;
  return toCsv(
    HEADERS[lang],
    sample.items.map((i) => [
      i.position,
      i.staffNumber,
      i.name,
      lang === 'ja' ? i.unit.nameJa : i.unit.nameEn,
      METHOD_LABELS[lang][i.evidence.method],
      tokyoTime(i.evidence.recordedAt),
      i.evidence.recordedBy,
      tokyoTime(i.evidence.session?.startsAt ?? null),
      i.evidence.session?.venue,
      i.evidence.session?.mark,
      i.evidence.session?.markedVia,
      i.evidence.session?.markedBy,
      tokyoTime(i.evidence.session?.markedAt ?? null),
      lang === 'ja' ? i.evidence.module?.titleJa : i.evidence.module?.titleEn,
      i.evidence.module?.version,
      i.evidence.module?.bestScore,
      i.evidence.creditReason,
    ]),
  );
}
