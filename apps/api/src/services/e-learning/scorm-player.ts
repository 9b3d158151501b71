import type { ScormPlayer, ScormRuntimeData } from '@kenshu/contracts';
import {
  findScormPackage,
  findScormRuntime,
  type Executor,
  type ModuleProgress,
  type ModuleVersion,
  type ScormRuntime,
} from '@kenshu/db';
import { notFound } from '@kenshu/domain';

/** Package files are served here, outside /api (see app.ts and the README's SCORM section). */
export const SCORM_CONTENT_PATH = '/scorm-content';

function runtimeData(r: ScormRuntime): ScormRuntimeData {
  return {
    lessonStatus: r.lesson_status as ScormRuntimeData['lessonStatus'],
    completionStatus: r.completion_status as ScormRuntimeData['completionStatus'],
    successStatus: r.success_status as ScormRuntimeData['successStatus'],
    scoreRaw: r.score_raw,
    scoreMin: r.score_min,
    scoreMax: r.score_max,
    scoreScaled: r.score_scaled,
    location: r.location,
    suspendData: r.suspend_data,
  };
}

/** What the player needs to launch a SCORM version, with the learner's saved runtime data. */
export async function scormPlayerOf(
  db: Executor,
  version: ModuleVersion,
  progress: ModuleProgress | undefined,
): Promise<ScormPlayer | null> {
  if (version.scorm_package_id === null) return null;
  const pkg = await findScormPackage(db, version.scorm_package_id);
  if (!pkg) throw notFound('package');
  const runtime = progress ? await findScormRuntime(db, progress.id) : undefined;
  return {
    packageId: pkg.id,
    scormVersion: pkg.scorm_version,
    launchUrl: `${SCORM_CONTENT_PATH}/${pkg.id}/${pkg.launch_path}`,
    passingScore: pkg.passing_score,
    runtime: runtime ? runtimeData(runtime) : null,
  };
}
