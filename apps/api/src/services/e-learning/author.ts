import type { ModuleContentInput, ModuleForEditing } from '@kenshu/contracts';
import {
  findCourseById,
  findModule,
  findScormPackage,
  insertModule,
  insertModuleVersion,
  latestVersion,
  listModules as listModuleRows,
  listModuleVersions,
  lockModule,
  publishModuleVersion,
  questionsOf,
  replaceDraftContent,
  sectionsOf,
  type DB,
  type Executor,
  type ModuleContent,
  type Transaction,
} from '@kenshu/db';
import { conflict, notFound, type Viewer } from '@kenshu/domain';
import type { ServiceContext } from '../../context.ts';
import { requireAdmin } from '../../lib/service-context.ts';
import { auditedChange, type AuditFacts } from '../audit/audited-change.ts';
import { courseRef } from '../courses/course-ref.ts';
import { renderModuleMarkdown } from './render.ts';

/** Why anyone but an admin is refused here. */
const ADMINS_ONLY = 'Only admins author modules';

/** The stored content of a version: Markdown as written plus the sanitised HTML of each. */
function toContent(input: ModuleContentInput): ModuleContent {
  return {
    title_ja: input.titleJa,
    title_en: input.titleEn,
    video_url: input.videoUrl,
    pass_mark: input.passMark,
    shuffle: input.shuffle,
    attempt_limit: input.attemptLimit,
    reveal_answers: input.revealAnswers,
    completion_rule: input.completionRule,
    sections: input.sections.map((s) => ({
      title_ja: s.titleJa,
      title_en: s.titleEn,
      body_ja: s.bodyJa,
      body_en: s.bodyEn,
      html_ja: renderModuleMarkdown(s.bodyJa),
      html_en: renderModuleMarkdown(s.bodyEn),
    })),
    questions: input.questions.map((q) => ({
      kind: q.kind,
      text_ja: q.textJa,
      text_en: q.textEn,
      options: q.options,
      correct: q.correct,
      explanation_ja: q.explanationJa,
      explanation_en: q.explanationEn,
    })),
  };
}

/** A module's newest version, answers included: for admins only. */
export async function moduleForEditing(db: Executor, moduleId: number): Promise<ModuleForEditing> {
  const module = await findModule(db, moduleId);
  const version = module && (await latestVersion(db, moduleId));
  const course = module && (await findCourseById(db, module.course_id));
  if (!module || !version || !course) throw notFound('module');
  const [sections, questions, versions, pkg] = await Promise.all([
    sectionsOf(db, version.id),
    questionsOf(db, version.id),
    listModuleVersions(db, moduleId),
    version.scorm_package_id === null ? undefined : findScormPackage(db, version.scorm_package_id),
  ]);
  return {
    id: module.id,
    course: courseRef(course),
    version: version.version,
    status: version.status,
    publishedAt: version.published_at?.toISOString() ?? null,
    versions: versions.map((v) => ({
      version: v.version,
      status: v.status,
      publishedAt: v.published_at?.toISOString() ?? null,
    })),
    titleJa: version.title_ja,
    titleEn: version.title_en,
    videoUrl: version.video_url,
    passMark: version.pass_mark,
    shuffle: version.shuffle,
    attemptLimit: version.attempt_limit,
    revealAnswers: version.reveal_answers,
    completionRule: version.completion_rule,
    scorm: pkg
      ? {
          id: pkg.id,
          scormVersion: pkg.scorm_version,
          title: pkg.title,
          launchPath: pkg.launch_path,
          passingScore: pkg.passing_score,
          fileCount: pkg.file_count,
          unpackedBytes: pkg.unpacked_bytes,
        }
      : null,
    sections: sections.map((s) => ({
      id: s.id,
      titleJa: s.title_ja,
      titleEn: s.title_en,
      bodyJa: s.body_ja,
      bodyEn: s.body_en,
      htmlJa: s.html_ja,
      htmlEn: s.html_en,
    })),
    questions: questions.map((q) => ({
      id: q.id,
      kind: q.kind,
      textJa: q.text_ja,
      textEn: q.text_en,
      options: q.options,
      correct: q.correct,
      explanationJa: q.explanation_ja,
      explanationEn: q.explanation_en,
    })),
  };
}

export async function listModules({ ctx }: { ctx: ServiceContext }) {
  requireAdmin(ctx, ADMINS_ONLY);
  const rows = await listModuleRows(ctx.db);
  return rows.map((r) => ({
    id: r.id,
    course: {
      id: r.course_id,
      code: r.course_code,
      titleJa: r.course_title_ja,
      titleEn: r.course_title_en,
    },
    titleJa: r.title_ja,
    titleEn: r.title_en,
    latestVersion: r.latest_version,
    latestStatus: r.latest_status,
    publishedVersion: r.published_version,
  }));
}

export async function getModuleForEditing({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: { id: number };
}): Promise<ModuleForEditing> {
  requireAdmin(ctx, ADMINS_ONLY);
  return moduleForEditing(ctx.db, input.id);
}

/**
 * A change an admin makes to a module, audited with what `change` says it did, answered with the
 * module as the editor now shows it.
 */
function changeModule(
  ctx: ServiceContext,
  action: AuditFacts['action'],
  change: (
    trx: Transaction<DB>,
    viewer: Viewer,
  ) => Promise<{ moduleId: number; after: Record<string, unknown> }>,
): Promise<ModuleForEditing> {
  const viewer = requireAdmin(ctx, ADMINS_ONLY);
  return auditedChange(ctx, viewer, async (trx) => {
    const { moduleId, after } = await change(trx, viewer);
    return {
      answer: await moduleForEditing(trx, moduleId),
      audit: { action, targetType: 'module', targetId: moduleId, after },
    };
  });
}

/** A module locked against a concurrent save or publish, with its latest version. */
async function lockModuleWithLatest(trx: Transaction<DB>, id: number) {
  const module = await lockModule(trx, id);
  const latest = module && (await latestVersion(trx, module.id));
  if (!module || !latest) throw notFound('module');
  return { module, latest };
}

/** Creates a module for a course as draft version 1. */
export async function createModule({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: ModuleContentInput & { courseId: number };
}): Promise<ModuleForEditing> {
  return changeModule(ctx, 'module.created', async (trx, viewer) => {
    if (!(await findCourseById(trx, input.courseId))) {
      throw notFound('course');
    }
    const module = await insertModule(trx, {
      course_id: input.courseId,
      created_by: viewer.staffId,
    });
    await insertModuleVersion(
      trx,
      { module_id: module.id, version: 1, created_by: viewer.staffId },
      toContent(input),
    );
    return {
      moduleId: module.id,
      after: { courseId: input.courseId, titleJa: input.titleJa, titleEn: input.titleEn },
    };
  });
}

/**
 * Saves a module's content. A draft is edited in place; a published version is never changed,
 * so saving over one starts the next version as a draft.
 */
export async function saveModule({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: ModuleContentInput & { id: number };
}): Promise<ModuleForEditing> {
  return changeModule(ctx, 'module.saved', async (trx, viewer) => {
    const { module, latest } = await lockModuleWithLatest(trx, input.id);
    const content = toContent(input);
    const saved =
      latest.status === 'draft'
        ? await replaceDraftContent(trx, latest.id, content, ctx.now)
        : await insertModuleVersion(
            trx,
            { module_id: module.id, version: latest.version + 1, created_by: viewer.staffId },
            content,
          );
    return {
      moduleId: module.id,
      after: { version: saved.version, titleJa: input.titleJa, titleEn: input.titleEn },
    };
  });
}

/** Publishes the draft: new learners get it; those in progress keep the version they started. */
export async function publishModule({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: { id: number };
}): Promise<ModuleForEditing> {
  return changeModule(ctx, 'module.published', async (trx, viewer) => {
    const { module, latest } = await lockModuleWithLatest(trx, input.id);
    if (latest.status !== 'draft') {
      throw conflict(`Version ${latest.version} is already published; save a change first`);
    }
    await publishModuleVersion(trx, latest.id, viewer.staffId, ctx.now);
    return { moduleId: module.id, after: { version: latest.version } };
  });
}

/** Renders Markdown exactly as saving would, for the editor's preview. */
export function previewMarkdown({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: { markdown: string };
}) {
  requireAdmin(ctx, ADMINS_ONLY);
  return { html: renderModuleMarkdown(input.markdown) };
}
