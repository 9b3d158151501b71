import { z } from '@hono/zod-openapi';
import {
  CourseRef,
  errorResponses,
  jsonResponse,
  pageOf,
  PageQuery,
  PersonRef,
  routesOf,
} from './common.ts';

const route = routesOf('audit log');

/** What an entry is about, by name, so the log can show and link to it. */
export const AuditTarget = z
  .discriminatedUnion('type', [
    z.object({
      type: z.literal('staff'),
      id: z.number().int(),
      staffNumber: z.string(),
      name: z.string(),
    }),
    z.object({
      type: z.literal('session'),
      id: z.number().int(),
      courseTitleJa: z.string(),
      courseTitleEn: z.string(),
      startsAt: z.string(),
      venue: z.string().nullable(),
    }),
    z.object({
      type: z.literal('booking'),
      id: z.number().int(),
      sessionId: z.number().int(),
      staffNumber: z.string(),
      name: z.string(),
      courseTitleJa: z.string(),
      courseTitleEn: z.string(),
      startsAt: z.string(),
    }),
    z.object({
      type: z.literal('course'),
      ...CourseRef.shape,
    }),
    z.object({
      type: z.literal('module'),
      id: z.number().int(),
      titleJa: z.string(),
      titleEn: z.string(),
    }),
    z.object({
      type: z.literal('roster_import'),
      id: z.number().int(),
      fileName: z.string().nullable(),
      appliedAt: z.string(),
    }),
    z.object({
      type: z.literal('org_unit'),
      id: z.number().int(),
      nameJa: z.string(),
      nameEn: z.string(),
    }),
  ])
  .openapi('AuditTarget');
export type AuditTarget = z.infer<typeof AuditTarget>;

export const AuditEntry = z
  .object({
    id: z.number().int(),
    at: z.string(),
    actor: PersonRef.nullable(),
    action: z.string(),
    targetType: z.string(),
    targetId: z.string().nullable(),
    target: AuditTarget.nullable().openapi({
      description: 'The target by name; null when it no longer exists or has no name',
    }),
    before: z.unknown(),
    after: z.unknown(),
    requestId: z.string().nullable(),
  })
  .openapi('AuditEntry');
export type AuditEntry = z.infer<typeof AuditEntry>;

export const AuditQuery = PageQuery.extend({
  action: z.string().max(100).optional(),
  actorStaffNumber: z.string().max(32).optional(),
  targetType: z.string().max(50).optional(),
  targetId: z.string().max(100).optional(),
  from: z.iso.date().optional().openapi({ description: 'First day (Asia/Tokyo), inclusive' }),
  to: z.iso.date().optional().openapi({ description: 'Last day (Asia/Tokyo), inclusive' }),
});

export const searchAuditLog = route({
  method: 'get',
  path: '/',
  summary: 'Browse the audit log of privileged changes (admins)',
  request: { query: AuditQuery },
  responses: {
    200: jsonResponse('Newest first', pageOf(AuditEntry)),
    ...errorResponses(400, 401, 403),
  },
});

export const exportAuditLog = route({
  method: 'get',
  path: '/export.csv',
  summary: 'The filtered audit log as CSV (UTF-8 with BOM) (admins)',
  request: { query: AuditQuery.omit({ limit: true, offset: true }) },
  responses: {
    200: { description: 'CSV file', content: { 'text/csv': { schema: z.string() } } },
    ...errorResponses(400, 401, 403),
  },
});
