import { z } from '@hono/zod-openapi';
import { RoleName } from './auth.ts';
import { errorResponses, Id, IdParam, jsonBody, jsonResponse, listOf, routesOf } from './common.ts';
import { EmploymentType } from './staff.ts';

const route = routesOf('courses');

export const Audience = z
  .discriminatedUnion('kind', [
    z.object({ kind: z.literal('all_staff') }),
    z.object({ kind: z.literal('section_heads') }),
    z.object({ kind: z.literal('pjmo_members') }),
    z.object({
      kind: z.literal('rule'),
      roles: z.array(RoleName).max(6).default([]),
      unitIds: z.array(Id).max(500).default([]),
      employmentTypes: z.array(EmploymentType).max(3).default([]),
    }),
  ])
  .openapi('Audience');
export type Audience = z.infer<typeof Audience>;

export const CompletionModes = z
  .enum(['group_session', 'e_learning', 'either'])
  .openapi('CompletionModes');

export const Course = z
  .object({
    id: z.number().int(),
    code: z.string(),
    titleJa: z.string(),
    titleEn: z.string(),
    descriptionJa: z.string(),
    descriptionEn: z.string(),
    audience: Audience,
    completionModes: CompletionModes,
    recurrence: z.literal('yearly'),
    active: z.boolean(),
    excusedGetELearning: z.boolean().openapi({
      description: 'People excused from a session get the e-learning at finalise, like the absent',
    }),
    publishedAt: z.string().nullable().openapi({
      description: 'When an admin published it; null while a draft, which requires nobody',
    }),
  })
  .openapi('Course');
export type Course = z.infer<typeof Course>;

export const CourseInput = z
  .object({
    code: z
      .string()
      .trim()
      .min(1)
      .max(40)
      .regex(/^[A-Za-z0-9_-]+$/, 'Letters, digits, - and _ only'),
    titleJa: z.string().trim().min(1).max(200),
    titleEn: z.string().trim().min(1).max(200),
    descriptionJa: z.string().max(5000).default(''),
    descriptionEn: z.string().max(5000).default(''),
    audience: Audience,
    completionModes: CompletionModes,
    active: z.boolean().default(true),
    excusedGetELearning: z.boolean().default(true),
  })
  .openapi('CourseInput');
export type CourseInput = z.infer<typeof CourseInput>;

export const listCourses = route({
  method: 'get',
  path: '/',
  summary: 'The course catalogue',
  request: { query: z.object({ includeInactive: z.enum(['true', 'false']).optional() }) },
  responses: {
    200: jsonResponse('Courses', listOf(Course)),
    ...errorResponses(400, 401),
  },
});

export const getCourse = route({
  method: 'get',
  path: '/{id}',
  summary: 'One course of the catalogue (a draft only for admins)',
  request: { params: IdParam },
  responses: {
    200: jsonResponse('The course', Course),
    ...errorResponses(400, 401, 404),
  },
});

export const createCourse = route({
  method: 'post',
  path: '/',
  summary: 'Create a course (admins)',
  request: { body: jsonBody(CourseInput) },
  responses: {
    201: jsonResponse('Created', Course),
    ...errorResponses(400, 401, 403, 409),
  },
});

export const updateCourse = route({
  method: 'put',
  path: '/{id}',
  summary: 'Change a course (admins)',
  request: {
    params: IdParam,
    body: jsonBody(CourseInput),
  },
  responses: {
    200: jsonResponse('Updated', Course),
    ...errorResponses(400, 401, 403, 404, 409),
  },
});

export const publishCourse = route({
  method: 'post',
  path: '/{id}/publish',
  summary: 'Publish a draft course (admins): from then on it is required of its audience',
  request: { params: IdParam },
  responses: {
    200: jsonResponse('Published', Course),
    ...errorResponses(400, 401, 403, 404, 409),
  },
});
