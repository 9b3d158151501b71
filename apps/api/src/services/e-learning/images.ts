import {
  findModule,
  findModuleImage,
  insertAudit,
  insertModuleImage,
  latestPublishedVersion,
  runInTransaction,
} from '@kenshu/db';
import { AppError, isAdmin, notFound, validation } from '@kenshu/domain';
import type { ServiceContext } from '../../context.ts';
import { requireAdmin, requireViewer } from '../../lib/service-context.ts';
import { MODULE_IMAGE_PATH } from './render.ts';

/** The largest image a module may hold (the database checks the same limit). */
export const MODULE_IMAGE_MAX_BYTES = 2 * 1024 * 1024;

// Each accepted type with the bytes its files start with: the declared type must match the
// content, so a script uploaded as "image/png" is refused rather than stored.
const SIGNATURES: Record<string, (b: Uint8Array) => boolean> = {
  'image/png': (b) => startsWith(b, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  'image/jpeg': (b) => startsWith(b, [0xff, 0xd8, 0xff]),
  'image/gif': (b) => startsWith(b, [0x47, 0x49, 0x46, 0x38]),
  'image/webp': (b) =>
    startsWith(b, [0x52, 0x49, 0x46, 0x46]) && startsWith(b.subarray(8), [0x57, 0x45, 0x42, 0x50]),
};

function startsWith(bytes: Uint8Array, prefix: number[]): boolean {
  return prefix.every((v, i) => bytes[i] === v);
}

export function imageTooLarge(size?: number): AppError {
  return new AppError(
    'IMAGE_TOO_LARGE',
    `Images may be at most ${MODULE_IMAGE_MAX_BYTES / 1024 / 1024} MB; make it smaller and upload again`,
    { maxBytes: MODULE_IMAGE_MAX_BYTES, ...(size === undefined ? {} : { size }) },
  );
}

/** Stores an uploaded image for a module; Markdown then refers to it by the returned URL. */
export async function uploadModuleImage({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: { moduleId: number; contentType: string; bytes: Uint8Array };
}) {
  const viewer = requireAdmin(ctx, 'Only admins author modules');
  const type = input.contentType.split(';')[0]?.trim().toLowerCase() ?? '';
  const matches = SIGNATURES[type];
  if (!matches) {
    throw validation('Upload a PNG, JPEG, GIF or WebP image', { contentType: type });
  }
  if (input.bytes.byteLength > MODULE_IMAGE_MAX_BYTES) throw imageTooLarge(input.bytes.byteLength);
  if (input.bytes.byteLength === 0 || !matches(input.bytes)) {
    throw validation(`The file is not a valid ${type} image`, { contentType: type });
  }
  return runInTransaction(ctx.db, async (trx) => {
    if (!(await findModule(trx, input.moduleId))) throw notFound('module');
    const image = await insertModuleImage(trx, {
      module_id: input.moduleId,
      content_type: type,
      bytes: input.bytes,
      created_by: viewer.staffId,
    });
    await insertAudit(trx, {
      actorStaffId: viewer.staffId,
      action: 'module.image_uploaded',
      targetType: 'module',
      targetId: input.moduleId,
      after: { imageId: image.id, size: image.size, contentType: type },
      requestId: ctx.requestId,
    });
    return { id: image.id, url: `${MODULE_IMAGE_PATH}${image.id}`, size: image.size };
  });
}

/** An image, to anyone signed in once its module is published; drafts' images to admins only. */
export async function getModuleImage({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: { id: number };
}) {
  const viewer = requireViewer(ctx);
  const image = await findModuleImage(ctx.db, input.id);
  if (!image) throw notFound('image');
  if (!isAdmin(viewer) && !(await latestPublishedVersion(ctx.db, image.module_id))) {
    throw notFound('image');
  }
  return { contentType: image.content_type, bytes: new Uint8Array(image.bytes) };
}
