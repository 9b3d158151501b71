import { Readable } from 'node:stream';
import type { ReadableStream as NodeReadableStream } from 'node:stream/web';
import {
  applyRosterImport as applyRosterImportRoute,
  previewRosterImport as previewRosterImportRoute,
} from '@kenshu/contracts';
import { anyOf, validation } from '@kenshu/domain';
import type { Context } from 'hono';
import type { AppEnv } from '../context.ts';
import { withAccess } from '../lib/access.ts';
import { createRouter } from '../lib/router.ts';
import { serviceContext } from '../lib/service-context.ts';
import { applyRosterImport } from '../services/roster-import/apply.ts';
import { previewRosterImport } from '../services/roster-import/preview.ts';
import {
  discardRosterFile,
  receiveRosterFile,
  tooLarge,
  type RosterFile,
} from '../services/roster-import/receive.ts';

const ADMIN = anyOf('admin');
const FILE_TYPES = ['text/csv', 'application/octet-stream', 'text/plain'];

/**
 * The roster file is the raw request body, streamed to the upload folder under the roster's own
 * size limit (app.ts exempts these routes from the general 1 MB body limit).
 */
async function withUploadedFile<T>(
  c: Context<AppEnv>,
  fileName: string | undefined,
  use: (file: RosterFile) => Promise<T>,
): Promise<T> {
  const type = (c.req.header('content-type') ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
  if (!FILE_TYPES.includes(type)) {
    throw validation(
      'Send the roster file itself as the request body, with content-type text/csv or application/octet-stream',
      { contentType: type || null },
    );
  }
  const maxBytes = c.var.config.rosterImportMaxBytes;
  const declared = Number(c.req.header('content-length') ?? Number.NaN);
  if (declared > maxBytes) throw tooLarge(maxBytes);
  const body = c.req.raw.body;
  if (!body) throw validation('The request has no body: send the roster file');
  const file = await receiveRosterFile(Readable.fromWeb(body as NodeReadableStream<Uint8Array>), {
    maxBytes,
    dir: c.var.config.uploadDir,
    fileName,
  });
  try {
    return await use(file);
  } finally {
    await discardRosterFile(file);
  }
}

export const rosterImportRoutes = createRouter()
  .openapi(withAccess(previewRosterImportRoute, ADMIN), async (c) => {
    const query = c.req.valid('query');
    const preview = await withUploadedFile(c, query.fileName, (file) =>
      previewRosterImport({
        ctx: serviceContext(c),
        input: {
          file,
          mode: query.mode,
          encoding: query.encoding,
          effectiveDate: query.effectiveDate,
        },
      }),
    );
    return c.json(preview, 200);
  })
  .openapi(withAccess(applyRosterImportRoute, ADMIN), async (c) => {
    const query = c.req.valid('query');
    const result = await withUploadedFile(c, query.fileName, (file) =>
      applyRosterImport({
        ctx: serviceContext(c),
        input: {
          file,
          mode: query.mode,
          encoding: query.encoding,
          effectiveDate: query.effectiveDate,
          checksum: query.checksum,
          invite: query.invite === 'true' ? { origin: new URL(c.req.url).origin } : undefined,
        },
      }),
    );
    return c.json(result, 200);
  });
