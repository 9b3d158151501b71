import {
  assignNow as assignNowRoute,
  createAssignment as createAssignmentRoute,
  createModule as createModuleRoute,
  getAssignmentSettings as getAssignmentSettingsRoute,
  getModuleForEditing as getModuleForEditingRoute,
  getModuleImage as getModuleImageRoute,
  getMyELearning,
  importScormModule as importScormModuleRoute,
  importScormVersion as importScormVersionRoute,
  previewScormPackage as previewScormPackageRoute,
  saveScormRuntime as saveScormRuntimeRoute,
  listAssignments as listAssignmentsRoute,
  listModules as listModulesRoute,
  openModule as openModuleRoute,
  previewAssignNow as previewAssignNowRoute,
  previewMarkdown as previewMarkdownRoute,
  publishModule as publishModuleRoute,
  saveAssignmentSettings as saveAssignmentSettingsRoute,
  saveModule as saveModuleRoute,
  saveProgress as saveProgressRoute,
  startAttempt as startAttemptRoute,
  submitAttempt as submitAttemptRoute,
  uploadModuleImage as uploadModuleImageRoute,
  withdrawAssignment as withdrawAssignmentRoute,
} from '@kenshu/contracts';
import { Readable } from 'node:stream';
import type { ReadableStream as NodeReadableStream } from 'node:stream/web';
import { anyOf, AppError, SIGNED_IN } from '@kenshu/domain';
import type { Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { AppEnv } from '../context.ts';
import { withAccess } from '../lib/access.ts';
import { createRouter } from '../lib/router.ts';
import { serviceContext } from '../lib/service-context.ts';
import {
  createAssignment,
  listAssignments,
  withdrawAssignment,
} from '../services/e-learning/assignments.ts';
import {
  createModule,
  getModuleForEditing,
  listModules,
  previewMarkdown,
  publishModule,
  saveModule,
} from '../services/e-learning/author.ts';
import {
  getModuleImage,
  imageTooLarge,
  MODULE_IMAGE_MAX_BYTES,
  uploadModuleImage,
} from '../services/e-learning/images.ts';
import { myELearning, openModule, saveProgress } from '../services/e-learning/player.ts';
import { startAttempt, submitAttempt } from '../services/e-learning/quiz.ts';
import { getAssignmentSettings, saveAssignmentSettings } from '../services/e-learning/settings.ts';
import { assignNow, previewAssignNow } from '../services/e-learning/assign-now.ts';
import {
  importScormModule,
  importScormVersion,
  previewScormPackage,
  type UploadedPackage,
} from '../services/e-learning/scorm-import.ts';
import { saveScormRuntime } from '../services/e-learning/scorm-runtime.ts';
import { discardUpload, receiveUpload } from '../services/uploads/receive.ts';

const ADMIN = anyOf('admin');

const ZIP_TYPES = [
  'application/zip',
  'application/x-zip-compressed',
  'application/x-zip',
  'application/octet-stream',
];

function packageTooLarge(maxBytes: number): AppError {
  return new AppError(
    'PAYLOAD_TOO_LARGE',
    `The package is larger than the limit of ${maxBytes.toLocaleString('en-US')} bytes (KENSHU_SCORM_MAX_BYTES)`,
    { problem: 'over_limit', maxBytes },
  );
}

/**
 * The package is the raw request body, streamed into the private upload folder under its own
 * size limit (app.ts exempts these routes from the general body limit), and removed after use.
 */
async function withUploadedPackage<T>(
  c: Context<AppEnv>,
  use: (file: UploadedPackage) => Promise<T>,
): Promise<T> {
  const type = (c.req.header('content-type') ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
  if (!ZIP_TYPES.includes(type)) {
    throw new AppError(
      'UNSUPPORTED_MEDIA_TYPE',
      'Send the package (.zip) itself as the request body, with content-type application/zip',
      { contentType: type || null },
    );
  }
  const maxBytes = c.var.config.scormLimits.uploadBytes;
  const declared = Number(c.req.header('content-length') ?? Number.NaN);
  if (declared > maxBytes) throw packageTooLarge(maxBytes);
  const body = c.req.raw.body;
  if (!body) throw new AppError('VALIDATION', 'The request has no body: send the package');
  const file = await receiveUpload(Readable.fromWeb(body as NodeReadableStream<Uint8Array>), {
    maxBytes,
    dir: c.var.config.uploadDir,
    kind: 'scorm',
    tooLarge: packageTooLarge,
  });
  try {
    return await use(file);
  } finally {
    await discardUpload(file);
  }
}

const router = createRouter();
// Images are larger than the general body limit (app.ts exempts this path) and get their own,
// so an oversized upload is refused while it streams in, with the image-specific message.
router.use(
  '/modules/:id/images',
  bodyLimit({
    maxSize: MODULE_IMAGE_MAX_BYTES,
    onError: () => {
      throw imageTooLarge();
    },
  }),
);

/** Modules, the player and quiz, and assignments. */
export const eLearningRoutes = router
  .openapi(withAccess(listModulesRoute, ADMIN), async (c) => {
    return c.json({ items: await listModules({ ctx: serviceContext(c) }) }, 200);
  })
  .openapi(withAccess(createModuleRoute, ADMIN), async (c) => {
    return c.json(await createModule({ ctx: serviceContext(c), input: c.req.valid('json') }), 201);
  })
  .openapi(withAccess(getModuleForEditingRoute, ADMIN), async (c) => {
    return c.json(
      await getModuleForEditing({ ctx: serviceContext(c), input: c.req.valid('param') }),
      200,
    );
  })
  .openapi(withAccess(saveModuleRoute, ADMIN), async (c) => {
    const input = { ...c.req.valid('json'), id: c.req.valid('param').id };
    return c.json(await saveModule({ ctx: serviceContext(c), input }), 200);
  })
  .openapi(withAccess(publishModuleRoute, ADMIN), async (c) => {
    return c.json(
      await publishModule({ ctx: serviceContext(c), input: c.req.valid('param') }),
      200,
    );
  })
  .openapi(withAccess(previewMarkdownRoute, ADMIN), async (c) => {
    return c.json(previewMarkdown({ ctx: serviceContext(c), input: c.req.valid('json') }), 200);
  })
  .openapi(withAccess(uploadModuleImageRoute, ADMIN), async (c) => {
    const input = {
      moduleId: c.req.valid('param').id,
      contentType: c.req.header('content-type') ?? '',
      bytes: new Uint8Array(await c.req.arrayBuffer()),
    };
    return c.json(await uploadModuleImage({ ctx: serviceContext(c), input }), 201);
  })
  .openapi(withAccess(getModuleImageRoute, SIGNED_IN), async (c) => {
    const image = await getModuleImage({ ctx: serviceContext(c), input: c.req.valid('param') });
    return c.body(image.bytes, 200, {
      'content-type': image.contentType,
      'cache-control': 'private, max-age=86400',
    });
  })
  .openapi(withAccess(previewScormPackageRoute, ADMIN), async (c) => {
    const preview = await withUploadedPackage(c, (file) =>
      previewScormPackage({ ctx: serviceContext(c), input: { file } }),
    );
    return c.json(preview, 200);
  })
  .openapi(withAccess(importScormModuleRoute, ADMIN), async (c) => {
    const { courseId } = c.req.valid('query');
    const module = await withUploadedPackage(c, (file) =>
      importScormModule({ ctx: serviceContext(c), input: { courseId, file } }),
    );
    return c.json(module, 201);
  })
  .openapi(withAccess(importScormVersionRoute, ADMIN), async (c) => {
    const { id } = c.req.valid('param');
    const module = await withUploadedPackage(c, (file) =>
      importScormVersion({ ctx: serviceContext(c), input: { id, file } }),
    );
    return c.json(module, 200);
  })
  .openapi(withAccess(saveScormRuntimeRoute, SIGNED_IN), async (c) => {
    const input = { ...c.req.valid('json'), id: c.req.valid('param').id };
    return c.json(await saveScormRuntime({ ctx: serviceContext(c), input }), 200);
  })
  .openapi(withAccess(getMyELearning, SIGNED_IN), async (c) => {
    return c.json(await myELearning({ ctx: serviceContext(c) }), 200);
  })
  .openapi(withAccess(openModuleRoute, SIGNED_IN), async (c) => {
    return c.json(await openModule({ ctx: serviceContext(c), input: c.req.valid('param') }), 200);
  })
  .openapi(withAccess(saveProgressRoute, SIGNED_IN), async (c) => {
    const input = { ...c.req.valid('json'), id: c.req.valid('param').id };
    return c.json(await saveProgress({ ctx: serviceContext(c), input }), 200);
  })
  .openapi(withAccess(startAttemptRoute, SIGNED_IN), async (c) => {
    return c.json(await startAttempt({ ctx: serviceContext(c), input: c.req.valid('param') }), 201);
  })
  .openapi(withAccess(submitAttemptRoute, SIGNED_IN), async (c) => {
    const input = { ...c.req.valid('json'), id: c.req.valid('param').id };
    return c.json(await submitAttempt({ ctx: serviceContext(c), input }), 200);
  })
  .openapi(withAccess(listAssignmentsRoute, ADMIN), async (c) => {
    const input = { ...c.req.valid('query'), courseId: c.req.valid('param').id };
    return c.json(await listAssignments({ ctx: serviceContext(c), input }), 200);
  })
  .openapi(withAccess(createAssignmentRoute, ADMIN), async (c) => {
    return c.json(
      await createAssignment({ ctx: serviceContext(c), input: c.req.valid('json') }),
      201,
    );
  })
  .openapi(withAccess(withdrawAssignmentRoute, ADMIN), async (c) => {
    const input = { ...c.req.valid('json'), id: c.req.valid('param').id };
    return c.json(await withdrawAssignment({ ctx: serviceContext(c), input }), 200);
  })
  .openapi(withAccess(getAssignmentSettingsRoute, ADMIN), async (c) => {
    const input = { ...c.req.valid('query'), courseId: c.req.valid('param').id };
    return c.json(await getAssignmentSettings({ ctx: serviceContext(c), input }), 200);
  })
  .openapi(withAccess(saveAssignmentSettingsRoute, ADMIN), async (c) => {
    const input = { ...c.req.valid('json'), courseId: c.req.valid('param').id };
    return c.json(await saveAssignmentSettings({ ctx: serviceContext(c), input }), 200);
  })
  .openapi(withAccess(previewAssignNowRoute, ADMIN), async (c) => {
    const input = { ...c.req.valid('query'), courseId: c.req.valid('param').id };
    return c.json(await previewAssignNow({ ctx: serviceContext(c), input }), 200);
  })
  .openapi(withAccess(assignNowRoute, ADMIN), async (c) => {
    const input = { ...c.req.valid('json'), courseId: c.req.valid('param').id };
    return c.json(await assignNow({ ctx: serviceContext(c), input }), 200);
  });
