import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import type { ModuleForEditing, ScormPackageInfo } from '@kenshu/contracts';
import {
  findCourseById,
  insertAudit,
  insertModule,
  insertScormPackage,
  insertScormVersion,
  latestVersion,
  lockModule,
  runInTransaction,
  setDraftScormPackage,
  type DB,
  type Transaction,
} from '@kenshu/db';
import { notFound } from '@kenshu/domain';
import type { ServiceContext } from '../../context.ts';
import { requireAdmin } from '../../lib/service-context.ts';
import { moduleForEditing } from './author.ts';
import {
  readScormPackage,
  removeUnpacked,
  type ScormPackageInfo as Info,
} from './scorm-package.ts';

/** An uploaded zip, received into the private upload folder (routes/e-learning.ts). */
export interface UploadedPackage {
  path: string;
  checksum: string;
  bytes: number;
}

/** Why anyone but an admin is refused here. */
const ADMINS_ONLY = 'Only admins import packages';

/** Where a package's files live: a folder named by Kenshu, never by the package. */
export function packageFolder(contentDir: string, storageKey: string): string {
  return join(contentDir, 'scorm', storageKey);
}

/** Checks a package and shows what it declares, saving nothing. */
export async function previewScormPackage({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: { file: UploadedPackage };
}): Promise<ScormPackageInfo> {
  requireAdmin(ctx, ADMINS_ONLY);
  return readScormPackage(input.file.path, ctx.config.scormLimits);
}

/**
 * Unpacks the package into its own new folder, then runs `save` in one transaction; if the
 * transaction fails, the folder goes too, so nothing of a refused import stays behind.
 */
async function importPackage(
  ctx: ServiceContext,
  file: UploadedPackage,
  save: (trx: Transaction<DB>, info: Info, storageKey: string) => Promise<number>,
): Promise<ModuleForEditing> {
  const storageKey = randomUUID();
  const folder = packageFolder(ctx.config.contentDir, storageKey);
  const info = await readScormPackage(file.path, ctx.config.scormLimits, folder);
  try {
    return await runInTransaction(ctx.db, async (trx) => {
      const moduleId = await save(trx, info, storageKey);
      return moduleForEditing(trx, moduleId);
    });
  } catch (error) {
    await removeUnpacked(folder);
    throw error;
  }
}

async function savePackageRow(
  trx: Transaction<DB>,
  ctx: ServiceContext,
  input: { moduleId: number; info: Info; storageKey: string; file: UploadedPackage },
) {
  const viewer = requireAdmin(ctx, ADMINS_ONLY);
  const { info } = input;
  const pkg = await insertScormPackage(trx, {
    module_id: input.moduleId,
    storage_key: input.storageKey,
    scorm_version: info.scormVersion,
    title: info.title,
    launch_path: info.launchPath,
    passing_score: info.passingScore,
    file_count: info.fileCount,
    unpacked_bytes: info.unpackedBytes,
    created_by: viewer.staffId,
  });
  return { pkg, viewer };
}

async function auditImport(
  trx: Transaction<DB>,
  ctx: ServiceContext,
  input: { moduleId: number; version: number; info: Info; file: UploadedPackage },
) {
  await insertAudit(trx, {
    actorStaffId: requireAdmin(ctx, ADMINS_ONLY).staffId,
    action: 'module.package_imported',
    targetType: 'module',
    targetId: input.moduleId,
    after: {
      version: input.version,
      title: input.info.title,
      scormVersion: input.info.scormVersion,
      launchPath: input.info.launchPath,
      fileCount: input.info.fileCount,
      unpackedBytes: input.info.unpackedBytes,
      zipBytes: input.file.bytes,
      sha256: input.file.checksum,
    },
    requestId: ctx.requestId,
  });
}

/** Creates a module of a course from a package, as draft version 1. */
export async function importScormModule({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: { courseId: number; file: UploadedPackage };
}): Promise<ModuleForEditing> {
  const viewer = requireAdmin(ctx, ADMINS_ONLY);
  if (!(await findCourseById(ctx.db, input.courseId))) throw notFound('course');
  return importPackage(ctx, input.file, async (trx, info, storageKey) => {
    if (!(await findCourseById(trx, input.courseId))) throw notFound('course');
    const module = await insertModule(trx, {
      course_id: input.courseId,
      created_by: viewer.staffId,
    });
    const { pkg } = await savePackageRow(trx, ctx, {
      moduleId: module.id,
      info,
      storageKey,
      file: input.file,
    });
    await insertScormVersion(
      trx,
      { module_id: module.id, version: 1, created_by: viewer.staffId },
      pkg,
    );
    await auditImport(trx, ctx, { moduleId: module.id, version: 1, info, file: input.file });
    return module.id;
  });
}

/**
 * Makes a package the module's next version: the draft if there is one (a draft was never
 * seen by learners), otherwise a new draft after the published one, which learners keep.
 */
export async function importScormVersion({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: { id: number; file: UploadedPackage };
}): Promise<ModuleForEditing> {
  const viewer = requireAdmin(ctx, ADMINS_ONLY);
  return importPackage(ctx, input.file, async (trx, info, storageKey) => {
    const module = await lockModule(trx, input.id);
    const latest = module && (await latestVersion(trx, module.id));
    if (!module || !latest) throw notFound('module');
    const { pkg } = await savePackageRow(trx, ctx, {
      moduleId: module.id,
      info,
      storageKey,
      file: input.file,
    });
    const saved =
      latest.status === 'draft'
        ? await setDraftScormPackage(trx, latest.id, pkg, ctx.now)
        : await insertScormVersion(
            trx,
            { module_id: module.id, version: latest.version + 1, created_by: viewer.staffId },
            pkg,
          );
    await auditImport(trx, ctx, {
      moduleId: module.id,
      version: saved.version,
      info,
      file: input.file,
    });
    return module.id;
  });
}
