import { createRoute, z } from '@hono/zod-openapi';
import { errorResponses } from './common.ts';

export const RosterImportMode = z.enum(['full', 'partial']).openapi('RosterImportMode', {
  description: 'full: people missing from the file are deactivated; partial: nobody is',
});
export const RosterEncodingChoice = z.enum(['auto', 'utf-8', 'cp932']);

const IsoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'Use YYYY-MM-DD')
  .refine(
    (s) =>
      !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) &&
      new Date(`${s}T00:00:00Z`).toISOString().startsWith(s),
    'Not a calendar date',
  );

export const RosterImportQuery = z.object({
  mode: RosterImportMode.default('partial'),
  encoding: RosterEncodingChoice.default('auto').openapi({
    description: 'auto detects UTF-8 (with or without BOM) or CP932 (Shift_JIS)',
  }),
  effectiveDate: IsoDate.optional().openapi({
    description: 'When transfers and role changes take effect; today in Tokyo by default',
    example: '2027-04-01',
  }),
  fileName: z.string().trim().max(255).optional(),
});

export const RosterApplyQuery = RosterImportQuery.extend({
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

export const RosterCounts = z
  .object({
    staff: ChangeCounts.extend({ deactivated: z.number().int() }),
    units: ChangeCounts,
  })
  .openapi('RosterCounts');

export const RosterProblem = z
  .object({
    line: z.number().int().openapi({ description: 'Line of the file (1 is the header)' }),
    code: z.string(),
    message: z.string(),
  })
  .openapi('RosterProblem');

export const RosterChange = z
  .object({
    line: z.number().int().nullable(),
    recordType: z.enum(['unit', 'staff']),
    key: z.string().openapi({ description: 'Unit code or staff number' }),
    name: z.string(),
    change: z.enum(['new', 'changed', 'moved', 'deactivated']),
    fields: z.array(z.string()),
  })
  .openapi('RosterChange');

const RosterEncoding = z.enum(['utf-8', 'cp932']).nullable();
const Records = z.object({ units: z.number().int(), staff: z.number().int() });

export const RosterImportPreview = z
  .object({
    checksum: z.string(),
    fileName: z.string().nullable(),
    bytes: z.number().int(),
    encoding: RosterEncoding,
    mode: RosterImportMode,
    effectiveDate: z.string(),
    records: Records,
    counts: RosterCounts,
    errorCount: z.number().int(),
    errors: z.array(RosterProblem).openapi({ description: 'The first 1,000 problems, by line' }),
    changeCount: z.number().int(),
    changes: z.array(RosterChange).openapi({ description: 'The first 1,000 changes' }),
  })
  .openapi('RosterImportPreview');
export type RosterImportPreview = z.infer<typeof RosterImportPreview>;

export const RosterImportResult = z
  .object({
    importId: z.number().int(),
    checksum: z.string(),
    fileName: z.string().nullable(),
    encoding: RosterEncoding,
    mode: RosterImportMode,
    effectiveDate: z.string(),
    records: Records,
    // What the import changed, counted from what it wrote, in the preview's categories.
    counts: RosterCounts,
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
  .openapi('RosterImportResult');
export type RosterImportResult = z.infer<typeof RosterImportResult>;

// The file is the raw body, streamed by the handler. zod-openapi validates only JSON and form
// bodies, so declaring these media types documents the body without buffering it.
const rosterBody = {
  content: {
    'text/csv': { schema: z.string().openapi({ description: 'The roster CSV (see FORMAT.md)' }) },
    'application/octet-stream': { schema: z.string().openapi({ format: 'binary' }) },
  },
  required: true,
} as const;

export const previewRosterImport = createRoute({
  method: 'post',
  path: '/preview',
  tags: ['roster-imports'],
  summary: 'Check an HR roster file and show what importing it would change (admins)',
  description: 'Writes nothing. The answer carries the checksum that the apply must send back.',
  request: { query: RosterImportQuery, body: rosterBody },
  responses: {
    200: {
      description: 'Counts, problems and changes',
      content: { 'application/json': { schema: RosterImportPreview } },
    },
    ...errorResponses(400, 401, 403, 413),
  },
});

export const applyRosterImport = createRoute({
  method: 'post',
  path: '/apply',
  tags: ['roster-imports'],
  summary: 'Apply a previewed HR roster file, all or nothing (admins)',
  request: { query: RosterApplyQuery, body: rosterBody },
  responses: {
    200: {
      description: 'Applied',
      content: { 'application/json': { schema: RosterImportResult } },
    },
    ...errorResponses(400, 401, 403, 409, 413),
  },
});
