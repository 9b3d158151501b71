import { Readable } from 'node:stream';
import type { ReadableStream as NodeReadableStream } from 'node:stream/web';
import {
  applyStaffImport as applyStaffImportRoute,
  previewStaffImport as previewStaffImportRoute,
} from '@kenshu/contracts';
import { anyOf, validation } from '@kenshu/domain';
import type { Context } from 'hono';
import type { AppEnv } from '../context.ts';
import { withAccess } from '../lib/access.ts';
import { createRouter } from '../lib/router.ts';
import { serviceContext } from '../lib/service-context.ts';
import { applyStaffImport } from '../services/staff-import/apply.ts';
import { previewStaffImport, type StaffImportInput } from '../services/staff-import/preview.ts';
import { discardUpload, receiveUpload, tooLarge } from '../services/uploads/receive.ts';

const ADMIN = anyOf('admin');
const FILE_TYPES = ['text/csv', 'application/octet-stream', 'text/plain'];

/** How the preview and the apply are asked to read the file, in their query. */
type StaffImportQuery = Omit<StaffImportInput, 'file' | 'onProgress'> & {
  fileName?: string | undefined;
};

/**
 * The staff import file is the raw request body, streamed to the upload folder under the import's own
 * size limit (app.ts exempts these routes from the general 1 MB body limit), then handed on with
 * how to read it.
 */
async function withStaffImportFile<T>(
  c: Context<AppEnv>,
  query: StaffImportQuery,
  use: (input: StaffImportInput) => Promise<T>,
): Promise<T> {
  const type = (c.req.header('content-type') ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
  if (!FILE_TYPES.includes(type)) {
    throw validation(
      'Send the staff import file itself as the request body, with content-type text/csv or application/octet-stream',
      { contentType: type || null },
    );
  }
  const maxBytes = c.var.config.staffImportMaxBytes;
  const declared = Number(c.req.header('content-length') ?? Number.NaN);
  if (declared > maxBytes) throw tooLarge(maxBytes);
  const body = c.req.raw.body;
  if (!body) throw validation('The request has no body: send the staff import file');
  const file = await receiveUpload(Readable.fromWeb(body as NodeReadableStream<Uint8Array>), {
    maxBytes,
    dir: c.var.config.uploadDir,
    fileName: query.fileName,
  });
  try {
    return await use({
      file,
      mode: query.mode,
      encoding: query.encoding,
      effectiveDate: query.effectiveDate,
    });
  } finally {
    await discardUpload(file);
  }
}

export const staffImportRoutes = createRouter()
  .openapi(withAccess(previewStaffImportRoute, ADMIN), async (c) => {
    const preview = await withStaffImportFile(c, c.req.valid('query'), (input) =>
      previewStaffImport({ ctx: serviceContext(c), input }),
    );
    return c.json(preview, 200);
  })
  .openapi(withAccess(applyStaffImportRoute, ADMIN), async (c) => {
    const query = c.req.valid('query');
    const result = await withStaffImportFile(c, query, (input) =>
      applyStaffImport({
        ctx: serviceContext(c),
        input: {
          ...input,
          checksum: query.checksum,
          invite: query.invite === 'true' ? { origin: new URL(c.req.url).origin } : undefined,
        },
      }),
    );
    return c.json(result, 200);
  });
