import type { Transaction } from 'kysely';
import type { Executor } from '../connection.ts';
import type { DB, NewScormPackage, ScormPackage, ScormRuntime } from '../schema.ts';

export async function insertScormPackage(
  trx: Transaction<DB>,
  row: NewScormPackage,
): Promise<ScormPackage> {
  return trx.insertInto('scorm_package').values(row).returningAll().executeTakeFirstOrThrow();
}

export async function findScormPackage(
  db: Executor,
  id: number,
): Promise<ScormPackage | undefined> {
  return db.selectFrom('scorm_package').selectAll().where('id', '=', id).executeTakeFirst();
}

/**
 * Whether a person may open a package's files: an admin always; anyone else when a published
 * version plays it, or when their own progress is on a version that does.
 */
export async function mayOpenScormPackage(
  db: Executor,
  packageId: number,
  staffId: number,
): Promise<boolean> {
  const row = await db
    .selectFrom('module_version as v')
    .select('v.id')
    .where('v.scorm_package_id', '=', packageId)
    .where((eb) =>
      eb.or([
        eb('v.status', '=', 'published'),
        eb.exists(
          eb
            .selectFrom('module_progress as p')
            .select('p.id')
            .whereRef('p.module_version_id', '=', 'v.id')
            .where('p.staff_id', '=', staffId),
        ),
      ]),
    )
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}

/** Makes a draft version play this package (a draft is edited in place, never a published one). */
export async function setDraftScormPackage(
  trx: Transaction<DB>,
  versionId: number,
  pkg: { id: number; title: string },
  at: Date,
) {
  await trx.deleteFrom('module_section').where('module_version_id', '=', versionId).execute();
  await trx.deleteFrom('module_question').where('module_version_id', '=', versionId).execute();
  return trx
    .updateTable('module_version')
    .set({
      scorm_package_id: pkg.id,
      completion_rule: 'scorm',
      title_ja: pkg.title,
      title_en: pkg.title,
      video_url: null,
      updated_at: at,
    })
    .where('id', '=', versionId)
    .where('status', '=', 'draft')
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** Starts a draft version that plays this package. */
export async function insertScormVersion(
  trx: Transaction<DB>,
  row: { module_id: number; version: number; created_by: number | null },
  pkg: { id: number; title: string },
) {
  return trx
    .insertInto('module_version')
    .values({
      ...row,
      status: 'draft',
      title_ja: pkg.title,
      title_en: pkg.title,
      video_url: null,
      pass_mark: 0,
      attempt_limit: null,
      completion_rule: 'scorm',
      scorm_package_id: pkg.id,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function findScormRuntime(
  db: Executor,
  progressId: number,
): Promise<ScormRuntime | undefined> {
  return db
    .selectFrom('scorm_runtime')
    .selectAll()
    .where('progress_id', '=', progressId)
    .executeTakeFirst();
}

/** Saves what the runtime committed (the caller holds the progress row's lock). */
export async function saveScormRuntime(
  trx: Transaction<DB>,
  row: Omit<ScormRuntime, 'commits' | 'updated_at'> & { updated_at: Date },
): Promise<ScormRuntime> {
  const { progress_id: _id, ...values } = row;
  return trx
    .insertInto('scorm_runtime')
    .values({ ...row, commits: 1 })
    .onConflict((oc) =>
      oc.column('progress_id').doUpdateSet((eb) => ({
        ...values,
        commits: eb(eb.ref('scorm_runtime.commits'), '+', 1),
      })),
    )
    .returningAll()
    .executeTakeFirstOrThrow();
}
