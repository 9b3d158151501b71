import { createReadStream } from 'node:fs';
import { realpath, stat } from 'node:fs/promises';
import { extname, sep } from 'node:path';
import type { ScormCommitResult, ScormRuntimeData } from '@kenshu/contracts';
import {
  findScormPackage,
  mayOpenScormPackage,
  saveScormRuntime as saveRuntimeRow,
} from '@kenshu/db';
import { conflict, isAdmin, notFound, scormOutcome, validation } from '@kenshu/domain';
import type { ServiceContext } from '../../context.ts';
import { requireViewer } from '../../lib/service-context.ts';
import { countsForRequirement, markModuleCompleted, progressView } from './completion.ts';
import { inLockedLearnerModule } from './player.ts';
import { packageFolder } from './scorm-import.ts';

/**
 * Saves a commit of the package's runtime for this fiscal year's progress (starting it on the
 * first commit), and completes the module through the same path as a quiz pass once the
 * package reports it finished.
 */
export async function saveScormRuntime({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: ScormRuntimeData & { id: number; version: number };
}): Promise<ScormCommitResult> {
  return inLockedLearnerModule(ctx, input.id, async (trx, locked) => {
    const { progress, version, course, staffId, fiscalYear } = locked;
    if (version.version !== input.version) {
      throw conflict(
        `This year you are on version ${version.version} of the module; reload the player`,
        { version: version.version },
      );
    }
    const pkg = version.scorm_package_id && (await findScormPackage(trx, version.scorm_package_id));
    if (!pkg) throw validation('This module version is not a SCORM package');
    const outcome = scormOutcome(pkg.scorm_version, pkg.passing_score, input);
    await saveRuntimeRow(trx, {
      progress_id: progress.id,
      lesson_status: input.lessonStatus,
      completion_status: input.completionStatus,
      success_status: input.successStatus,
      score_raw: input.scoreRaw,
      score_min: input.scoreMin,
      score_max: input.scoreMax,
      score_scaled: input.scoreScaled,
      score: outcome.score,
      location: input.location,
      suspend_data: input.suspendData,
      updated_at: ctx.now,
    });
    const after = outcome.completed
      ? await markModuleCompleted(trx, { progress, version, course, at: ctx.now })
      : progress;
    return {
      progress: await progressView(trx, {
        progress: after,
        sectionIds: [],
        countsForRequirement: await countsForRequirement(trx, staffId, course, fiscalYear),
      }),
      score: outcome.score,
    };
  });
}

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.htm': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.xml': 'application/xml',
  '.xsd': 'application/xml',
  '.txt': 'text/plain; charset=utf-8',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.svg': 'image/svg+xml',
  '.ico': 'image/x-icon',
  '.mp3': 'audio/mpeg',
  '.wav': 'audio/wav',
  '.ogg': 'audio/ogg',
  '.mp4': 'video/mp4',
  '.webm': 'video/webm',
  '.vtt': 'text/vtt',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.pdf': 'application/pdf',
};

/**
 * One file of a package, for a signed-in person allowed to take it (see mayOpenScormPackage).
 * The path is resolved inside the package's own folder and must stay there after symlinks.
 */
export async function openScormFile({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: { packageId: number; path: string };
}) {
  const viewer = requireViewer(ctx);
  const pkg = await findScormPackage(ctx.db, input.packageId);
  if (!pkg) throw notFound('file');
  if (!isAdmin(viewer) && !(await mayOpenScormPackage(ctx.db, pkg.id, viewer.staffId))) {
    throw notFound('file');
  }
  const segments = input.path.split('/');
  if (segments.some((s) => s === '' || s === '.' || s === '..' || s.includes('\\'))) {
    throw notFound('file');
  }
  const root = await realpath(packageFolder(ctx.config.contentDir, pkg.storage_key)).catch(() => {
    throw notFound('file');
  });
  const full = await realpath(`${root}${sep}${segments.join(sep)}`).catch(() => {
    throw notFound('file');
  });
  if (!full.startsWith(`${root}${sep}`)) throw notFound('file');
  const info = await stat(full);
  if (!info.isFile()) throw notFound('file');
  return {
    stream: createReadStream(full),
    size: info.size,
    contentType: CONTENT_TYPES[extname(full).toLowerCase()] ?? 'application/octet-stream',
  };
}
