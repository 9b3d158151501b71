import { sql, type Transaction } from 'kysely';
import type { Executor } from '../connection.ts';
import type {
  CompletionRule,
  DB,
  Module,
  ModuleQuestion,
  ModuleSection,
  ModuleVersion,
  QuestionKind,
  QuestionOption,
} from '../schema.ts';

/** What an author saves for one version (the HTML is rendered by the caller before saving). */
export interface ModuleContent {
  title_ja: string;
  title_en: string;
  video_url: string | null;
  pass_mark: number;
  shuffle: boolean;
  attempt_limit: number | null;
  reveal_answers: boolean;
  completion_rule: CompletionRule;
  sections: {
    title_ja: string;
    title_en: string;
    body_ja: string;
    body_en: string;
    html_ja: string;
    html_en: string;
  }[];
  questions: {
    kind: QuestionKind;
    text_ja: string;
    text_en: string;
    options: QuestionOption[];
    correct: number[];
    explanation_ja: string;
    explanation_en: string;
  }[];
}

/** The version row's own columns of some content (sections and questions live in tables). */
function versionFields(c: ModuleContent) {
  return {
    title_ja: c.title_ja,
    title_en: c.title_en,
    video_url: c.video_url,
    pass_mark: c.pass_mark,
    shuffle: c.shuffle,
    attempt_limit: c.attempt_limit,
    reveal_answers: c.reveal_answers,
    completion_rule: c.completion_rule,
    // Content written in the editor replaces a package the draft may have played.
    scorm_package_id: null,
  };
}

export async function insertModule(
  db: Executor,
  row: { course_id: number; created_by: number | null },
): Promise<Module> {
  return db.insertInto('module').values(row).returningAll().executeTakeFirstOrThrow();
}

export async function findModule(db: Executor, id: number): Promise<Module | undefined> {
  return db.selectFrom('module').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Locks a module for the rest of the transaction, so two editors cannot both start a version. */
export async function lockModule(trx: Transaction<DB>, id: number): Promise<Module | undefined> {
  return trx.selectFrom('module').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
}

/** Every module with its newest version and newest published version numbers. */
export async function listModules(db: Executor) {
  return db
    .selectFrom('module')
    .innerJoin('course', 'course.id', 'module.course_id')
    .innerJoin('module_version as latest', (join) =>
      join
        .onRef('latest.module_id', '=', 'module.id')
        .on(
          'latest.version',
          '=',
          sql<number>`(select max(v.version) from module_version v where v.module_id = module.id)`,
        ),
    )
    .select([
      'module.id',
      'module.course_id',
      'course.code as course_code',
      'course.title_ja as course_title_ja',
      'course.title_en as course_title_en',
      'latest.title_ja',
      'latest.title_en',
      'latest.version as latest_version',
      'latest.status as latest_status',
      sql<
        number | null
      >`(select max(v.version) from module_version v where v.module_id = module.id and v.status = 'published')`.as(
        'published_version',
      ),
    ])
    .orderBy('course.code')
    .orderBy('module.id')
    .execute();
}

/** The newest version of a module, draft or published. */
export async function latestVersion(
  db: Executor,
  moduleId: number,
): Promise<ModuleVersion | undefined> {
  return newestVersionOf(db, moduleId).executeTakeFirst();
}

/** The version new learners get: the newest published one. */
export async function latestPublishedVersion(
  db: Executor,
  moduleId: number,
): Promise<ModuleVersion | undefined> {
  return newestVersionOf(db, moduleId).where('status', '=', 'published').executeTakeFirst();
}

/** A module's versions newest first, only the first: narrow it with a further condition. */
function newestVersionOf(db: Executor, moduleId: number) {
  return db
    .selectFrom('module_version')
    .selectAll()
    .where('module_id', '=', moduleId)
    .orderBy('version', 'desc')
    .limit(1);
}

export async function findModuleVersion(
  db: Executor,
  moduleId: number,
  version: number,
): Promise<ModuleVersion | undefined> {
  return db
    .selectFrom('module_version')
    .selectAll()
    .where('module_id', '=', moduleId)
    .where('version', '=', version)
    .executeTakeFirst();
}

export async function findModuleVersionById(
  db: Executor,
  id: number,
): Promise<ModuleVersion | undefined> {
  return db.selectFrom('module_version').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function listModuleVersions(db: Executor, moduleId: number) {
  return db
    .selectFrom('module_version')
    .select(['id', 'version', 'status', 'published_at', 'updated_at'])
    .where('module_id', '=', moduleId)
    .orderBy('version', 'desc')
    .execute();
}

/** Starts a draft version with this content. */
export async function insertModuleVersion(
  trx: Transaction<DB>,
  row: { module_id: number; version: number; created_by: number | null },
  content: ModuleContent,
): Promise<ModuleVersion> {
  const fields = versionFields(content);
  const version = await trx
    .insertInto('module_version')
    .values({ ...row, ...fields, status: 'draft' })
    .returningAll()
    .executeTakeFirstOrThrow();
  await insertVersionChildren(trx, version.id, content);
  return version;
}

/** Replaces the whole content of a draft version. Published versions never come here. */
export async function replaceDraftContent(
  trx: Transaction<DB>,
  versionId: number,
  content: ModuleContent,
  at: Date,
): Promise<ModuleVersion> {
  const fields = versionFields(content);
  const version = await trx
    .updateTable('module_version')
    .set({ ...fields, updated_at: at })
    .where('id', '=', versionId)
    .where('status', '=', 'draft')
    .returningAll()
    .executeTakeFirstOrThrow();
  await trx.deleteFrom('module_section').where('module_version_id', '=', versionId).execute();
  await trx.deleteFrom('module_question').where('module_version_id', '=', versionId).execute();
  await insertVersionChildren(trx, versionId, content);
  return version;
}

async function insertVersionChildren(
  trx: Transaction<DB>,
  versionId: number,
  content: ModuleContent,
): Promise<void> {
  if (content.sections.length > 0) {
    await trx
      .insertInto('module_section')
      .values(
        content.sections.map((s, i) => ({ ...s, module_version_id: versionId, position: i + 1 })),
      )
      .execute();
  }
  if (content.questions.length > 0) {
    await trx
      .insertInto('module_question')
      .values(
        content.questions.map((q, i) => ({
          ...q,
          options: JSON.stringify(q.options),
          correct: JSON.stringify(q.correct),
          module_version_id: versionId,
          position: i + 1,
        })),
      )
      .execute();
  }
}

export async function publishModuleVersion(
  trx: Transaction<DB>,
  versionId: number,
  by: number | null,
  at: Date,
): Promise<ModuleVersion> {
  return trx
    .updateTable('module_version')
    .set({ status: 'published', published_at: at, published_by: by, updated_at: at })
    .where('id', '=', versionId)
    .where('status', '=', 'draft')
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function sectionsOf(db: Executor, versionId: number): Promise<ModuleSection[]> {
  return db
    .selectFrom('module_section')
    .selectAll()
    .where('module_version_id', '=', versionId)
    .orderBy('position')
    .execute();
}

export async function questionsOf(db: Executor, versionId: number): Promise<ModuleQuestion[]> {
  return db
    .selectFrom('module_question')
    .selectAll()
    .where('module_version_id', '=', versionId)
    .orderBy('position')
    .execute();
}

/** Published modules of courses (any course, for self-study), newest version each. */
export async function listPublishedModules(db: Executor) {
  return db
    .selectFrom('module_version as v')
    .innerJoin('module', 'module.id', 'v.module_id')
    .innerJoin('course', 'course.id', 'module.course_id')
    .where('v.status', '=', 'published')
    .where('course.active', '=', true)
    .where('course.published_at', 'is not', null)
    .where(
      'v.version',
      '=',
      sql<number>`(select max(p.version) from module_version p where p.module_id = v.module_id and p.status = 'published')`,
    )
    .select([
      'module.id as module_id',
      'module.course_id',
      'v.id as version_id',
      'v.version',
      'v.title_ja',
      'v.title_en',
      'course.code as course_code',
      'course.title_ja as course_title_ja',
      'course.title_en as course_title_en',
    ])
    .orderBy('course.code')
    .orderBy('module.id')
    .execute();
}

/** The module a course assigns: its first module that has a published version. */
export async function assignableModuleOf(
  db: Executor,
  courseId: number,
): Promise<number | undefined> {
  const row = await db
    .selectFrom('module')
    .select('module.id')
    .where('module.course_id', '=', courseId)
    .where((eb) =>
      eb.exists(
        eb
          .selectFrom('module_version')
          .select('module_version.id')
          .whereRef('module_version.module_id', '=', 'module.id')
          .where('module_version.status', '=', 'published'),
      ),
    )
    .orderBy('module.id')
    .limit(1)
    .executeTakeFirst();
  return row?.id;
}

export async function insertModuleImage(
  db: Executor,
  row: { module_id: number; content_type: string; bytes: Uint8Array; created_by: number | null },
): Promise<{ id: number; size: number }> {
  return db
    .insertInto('module_image')
    .values({ ...row, size: row.bytes.byteLength })
    .returning(['id', 'size'])
    .executeTakeFirstOrThrow();
}

export async function findModuleImage(db: Executor, id: number) {
  return db
    .selectFrom('module_image')
    .select(['id', 'module_id', 'content_type', 'bytes'])
    .where('id', '=', id)
    .executeTakeFirst();
}
