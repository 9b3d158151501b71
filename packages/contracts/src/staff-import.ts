import { z } from '@hono/zod-openapi';
import { errorResponses, jsonResponse, routesOf } from './common.ts';

const route = routesOf('staff-imports');

export const StaffImportMode = z.enum(['full', 'partial']).openapi('StaffImportMode', {
  description: 'full: people missing from the file are deactivated; partial: nobody is',
});
export const StaffImportEncodingChoice = z.enum(['auto', 'utf-8', 'cp932']);

const IsoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'Use YYYY-MM-DD')
  .refine(
    (s) =>
      !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) &&
      new Date(`${s}T00:00:00Z`).toISOString().startsWith(s),
    'Not a calendar date',
  );

export const StaffImportQuery = z.object({
  mode: StaffImportMode.default('partial'),
  encoding: StaffImportEncodingChoice.default('auto').openapi({
    description: 'auto detects UTF-8 (with or without BOM) or CP932 (Shift_JIS)',
  }),
  effectiveDate: IsoDate.optional().openapi({
    description: 'When transfers and role changes take effect; today in Tokyo by default',
    example: '2027-04-01',
  }),
  fileName: z.string().trim().max(255).optional(),
});

export const StaffImportApplyQuery = StaffImportQuery.extend({
  checksum: z
    .string()
    .regex(/^[0-9a-f]{64}$/, 'The sha256 checksum the preview returned')
    .openapi({ description: 'The checksum the preview returned: the file must be the same' }),
  invite: z.enum(['true', 'false']).optional().openapi({
    description:
      'true: e-mail a set-password link to each person the import adds who has an e-mail address',
  }),
});

const ChangeCounts = z.object({
  new: z.number().int(),
  changed: z.number().int(),
  moved: z.number().int(),
  unchanged: z.number().int(),
});

export const StaffImportCounts = z
  .object({
    staff: ChangeCounts.extend({ deactivated: z.number().int() }),
    units: ChangeCounts,
  })
  .openapi('StaffImportCounts');

export const StaffImportProblem = z
  .object({
    line: z.number().int().openapi({ description: 'Line of the file (1 is the header)' }),
    code: z.string(),
    message: z.string(),
  })
  .openapi('StaffImportProblem');

export const StaffImportChange = z
  .object({
    line: z.number().int().nullable(),
    recordType: z.enum(['unit', 'staff']),
    key: z.string().openapi({ description: 'Unit code or staff number' }),
    name: z.string(),
    change: z.enum(['new', 'changed', 'moved', 'deactivated']),
    fields: z.array(z.string()),
  })
  .openapi('StaffImportChange');

const StaffImportEncoding = z.enum(['utf-8', 'cp932']).nullable();
const Records = z.object({ units: z.number().int(), staff: z.number().int() });

export const StaffImportPreview = z
  .object({
    checksum: z.string(),
    fileName: z.string().nullable(),
    bytes: z.number().int(),
    encoding: StaffImportEncoding,
    mode: StaffImportMode,
    effectiveDate: z.string(),
    records: Records,
    counts: StaffImportCounts,
    errorCount: z.number().int(),
    errors: z
      .array(StaffImportProblem)
      .openapi({ description: 'The first 1,000 problems, by line' }),
    changeCount: z.number().int(),
    changes: z.array(StaffImportChange).openapi({ description: 'The first 1,000 changes' }),
  })
  .openapi('StaffImportPreview');
export type StaffImportPreview = z.infer<typeof StaffImportPreview>;

export const StaffImportResult = z
  .object({
    importId: z.number().int(),
    checksum: z.string(),
    fileName: z.string().nullable(),
    encoding: StaffImportEncoding,
    mode: StaffImportMode,
    effectiveDate: z.string(),
    records: Records,
    // What the import changed, counted from what it wrote, in the preview's categories.
    counts: StaffImportCounts,
    signInsEnded: z
      .number()
      .int()
      .openapi({ description: 'Sign-in sessions ended for people a full import deactivated' }),
    /** Set-password invitations to the people added; null when none were asked for. */
    invitations: z
      .object({
        invited: z.number().int(),
        noEmail: z.number().int(),
      })
      .nullable(),
  })
  .openapi('StaffImportResult');
export type StaffImportResult = z.infer<typeof StaffImportResult>;

// The file is the raw body, streamed by the handler. zod-openapi validates only JSON and form
// bodies, so declaring these media types documents the body without buffering it.
const staffImportBody = {
  content: {
    'text/csv': {
      schema: z.string().openapi({ description: 'The staff import CSV (see FORMAT.md)' }),
    },
    'application/octet-stream': { schema: z.string().openapi({ format: 'binary' }) },
  },
  required: true,
} as const;

export const previewStaffImport = route({
  method: 'post',
  path: '/preview',
  summary: 'Check an HR staff file and show what importing it would change (admins)',
  description: 'Writes nothing. The answer carries the checksum that the apply must send back.',
  request: { query: StaffImportQuery, body: staffImportBody },
  responses: {
    200: jsonResponse('Counts, problems and changes', StaffImportPreview),
    ...errorResponses(400, 401, 403, 413),
  },
});

export const applyStaffImport = route({
  method: 'post',
  path: '/apply',
  summary: 'Apply a previewed HR staff file, all or nothing (admins)',
  request: { query: StaffImportApplyQuery, body: staffImportBody },
  responses: {
    200: jsonResponse('Applied', StaffImportResult),
    ...errorResponses(400, 401, 403, 409, 413),
  },
});
