import { z } from '@hono/zod-openapi';
import {
  errorResponses,
  FiscalYearInput,
  FiscalYearParam,
  FiscalYearQuery,
  Id,
  IdInUrl,
  IdParam,
  jsonBody,
  jsonResponse,
  listOf,
  MAX_INTEGER,
  pageOf,
  PageQuery,
  PersonRef,
  routesOf,
  UnitRef,
} from './common.ts';

const route = routesOf('e-learning');

const CalendarDay = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'YYYY-MM-DD')
  .openapi({ example: '2026-10-31' });
const Text = (max: number) => z.string().trim().min(1).max(max);

export const CompletionRule = z
  .enum(['all_sections_viewed', 'quiz_passed', 'both'])
  .openapi('CompletionRule', {
    description: 'When the module counts as completed (cf. cmi5 moveOn)',
  });
/** What a version shows: the editor's rules, or 'scorm' (the package's runtime status decides). */
export const ShownCompletionRule = z
  .enum(['all_sections_viewed', 'quiz_passed', 'both', 'scorm'])
  .openapi('ShownCompletionRule');
export const QuestionKind = z.enum(['single', 'multiple']).openapi('QuestionKind');
export const AssignmentStatus = z
  .enum(['open', 'completed', 'withdrawn'])
  .openapi('AssignmentStatus');
export const AssignmentSource = z
  .enum(['absent', 'excused', 'window_closed', 'no_group_access', 'manual', 'assigned_now'])
  .openapi('AssignmentSource');
export const AssignmentRuleName = z
  .enum(['absent', 'window_closed', 'no_group_access'])
  .openapi('AssignmentRuleName');

const CourseRef = z.object({
  id: z.number().int(),
  code: z.string(),
  titleJa: z.string(),
  titleEn: z.string(),
});

// Authoring ------------------------------------------------------------------------------------

export const SectionInput = z.object({
  titleJa: Text(200),
  titleEn: Text(200),
  bodyJa: z.string().max(50_000).openapi({ description: 'Markdown; sanitised when saved' }),
  bodyEn: z.string().max(50_000),
});

export const QuestionInput = z
  .object({
    kind: QuestionKind,
    textJa: Text(1000),
    textEn: Text(1000),
    options: z
      .array(z.object({ ja: Text(500), en: Text(500) }))
      .min(2)
      .max(10),
    correct: z.array(z.number().int().min(0)).min(1).openapi({
      description: 'Indexes of the correct options',
    }),
    explanationJa: z.string().max(2000).default(''),
    explanationEn: z.string().max(2000).default(''),
  })
  .superRefine((q, ctx) => {
    if (q.correct.some((i) => i >= q.options.length)) {
      ctx.addIssue({ code: 'custom', path: ['correct'], message: 'No such option' });
    }
    if (new Set(q.correct).size !== q.correct.length) {
      ctx.addIssue({ code: 'custom', path: ['correct'], message: 'An option is listed twice' });
    }
    if (q.kind === 'single' && q.correct.length !== 1) {
      ctx.addIssue({
        code: 'custom',
        path: ['correct'],
        message: 'A single-choice question has exactly one correct option',
      });
    }
  });

export const ModuleContentInput = z
  .object({
    titleJa: Text(200),
    titleEn: Text(200),
    videoUrl: z
      .url({ protocol: /^https$/ })
      .max(500)
      .nullable()
      .default(null)
      .openapi({ description: 'An optional https link to a video' }),
    passMark: z.number().int().min(0).max(100).default(80),
    shuffle: z.boolean().default(false),
    attemptLimit: z
      .number()
      .int()
      .min(1)
      .max(100)
      .nullable()
      .default(null)
      .openapi({ description: 'null: unlimited' }),
    revealAnswers: z.boolean().default(false).openapi({
      description:
        'Show the correct answers and explanations after a pass or after the last allowed attempt; never before',
    }),
    completionRule: CompletionRule.default('both'),
    sections: z.array(SectionInput).min(1).max(50),
    questions: z.array(QuestionInput).max(50).default([]),
  })
  .openapi('ModuleContentInput');
export type ModuleContentInput = z.infer<typeof ModuleContentInput>;

export const CreateModuleRequest = ModuleContentInput.extend({
  courseId: Id,
}).openapi('CreateModuleRequest');

/** A module version is edited as a draft until it is published. */
const VersionStatus = z.enum(['draft', 'published']);

const ModuleVersion = z.object({
  version: z.number().int(),
  status: VersionStatus,
  publishedAt: z.string().nullable(),
});

export const ModuleSummary = z
  .object({
    id: z.number().int(),
    course: CourseRef,
    titleJa: z.string(),
    titleEn: z.string(),
    latestVersion: z.number().int(),
    latestStatus: VersionStatus,
    publishedVersion: z.number().int().nullable(),
  })
  .openapi('ModuleSummary');

// SCORM packages --------------------------------------------------------------------------------

export const ScormVersion = z.enum(['1.2', '2004']).openapi('ScormVersion');

export const ScormPackageInfo = z
  .object({
    scormVersion: ScormVersion,
    title: z.string(),
    launchPath: z.string(),
    passingScore: z.number().nullable().openapi({
      description: '1.2: the mastery score (0–100); 2004: the scaled passing score (-1…1)',
    }),
    fileCount: z.number().int(),
    unpackedBytes: z.number().int(),
  })
  .openapi('ScormPackageInfo', { description: 'What the manifest declares, before saving' });
export type ScormPackageInfo = z.infer<typeof ScormPackageInfo>;

const Status = (values: readonly [string, ...string[]]) => z.enum(values).nullable();
const Score = z.number().finite().min(-1_000_000).max(1_000_000).nullable();

/** What a package's runtime reports, saved on each commit and given back on launch. */
export const ScormRuntimeData = z
  .object({
    lessonStatus: Status([
      'passed',
      'completed',
      'failed',
      'incomplete',
      'browsed',
      'not attempted',
    ]).openapi({ description: 'SCORM 1.2 cmi.core.lesson_status' }),
    completionStatus: Status(['completed', 'incomplete', 'not attempted', 'unknown']).openapi({
      description: 'SCORM 2004 cmi.completion_status',
    }),
    successStatus: Status(['passed', 'failed', 'unknown']).openapi({
      description: 'SCORM 2004 cmi.success_status',
    }),
    scoreRaw: Score,
    scoreMin: Score,
    scoreMax: Score,
    scoreScaled: z.number().finite().min(-1).max(1).nullable(),
    location: z.string().max(1000).openapi({ description: 'Where the learner was (bookmark)' }),
    suspendData: z.string().max(64000).openapi({ description: 'The package’s own saved state' }),
  })
  .openapi('ScormRuntimeData');
export type ScormRuntimeData = z.infer<typeof ScormRuntimeData>;

export const ScormCommitRequest = ScormRuntimeData.extend({
  version: z.number().int().positive().max(MAX_INTEGER).openapi({
    description: 'The module version the learner launched; a commit for another one is refused',
  }),
}).openapi('ScormCommitRequest');

export const ScormPlayer = z
  .object({
    packageId: z.number().int(),
    scormVersion: ScormVersion,
    launchUrl: z.string().openapi({ description: 'Served by Kenshu under /scorm-content/' }),
    passingScore: z.number().nullable(),
    runtime: ScormRuntimeData.nullable(),
  })
  .openapi('ScormPlayer');
export type ScormPlayer = z.infer<typeof ScormPlayer>;

export const ModuleForEditing = z
  .object({
    id: z.number().int(),
    course: CourseRef,
    ...ModuleVersion.shape,
    versions: z.array(ModuleVersion),
    titleJa: z.string(),
    titleEn: z.string(),
    videoUrl: z.string().nullable(),
    passMark: z.number().int(),
    shuffle: z.boolean(),
    attemptLimit: z.number().int().nullable(),
    revealAnswers: z.boolean(),
    completionRule: ShownCompletionRule,
    scorm: ScormPackageInfo.extend({ id: z.number().int() }).nullable(),
    sections: z.array(
      SectionInput.extend({ id: z.number().int(), htmlJa: z.string(), htmlEn: z.string() }),
    ),
    questions: z.array(
      z.object({
        id: z.number().int(),
        kind: QuestionKind,
        textJa: z.string(),
        textEn: z.string(),
        options: z.array(z.object({ ja: z.string(), en: z.string() })),
        correct: z.array(z.number().int()),
        explanationJa: z.string(),
        explanationEn: z.string(),
      }),
    ),
  })
  .openapi('ModuleForEditing');
export type ModuleForEditing = z.infer<typeof ModuleForEditing>;

// Learning -------------------------------------------------------------------------------------

export const ModuleProgress = z
  .object({
    viewedSectionIds: z.array(z.number().int()),
    lastSectionId: z.number().int().nullable(),
    percent: z.number().int(),
    quizPassed: z.boolean(),
    bestScore: z.number().int().nullable(),
    attemptsUsed: z.number().int(),
    openAttemptId: z.number().int().nullable(),
    completed: z.boolean(),
    completedAt: z.string().nullable(),
    /** Whether completing it counts toward the viewer's requirement for the course this year. */
    countsForRequirement: z.boolean(),
  })
  .openapi('ModuleProgress');
export type ModuleProgress = z.infer<typeof ModuleProgress>;

export const PlayerModule = z
  .object({
    moduleId: z.number().int(),
    course: CourseRef,
    version: z.number().int(),
    fiscalYear: z.number().int(),
    titleJa: z.string(),
    titleEn: z.string(),
    videoUrl: z.string().nullable(),
    completionRule: ShownCompletionRule,
    scorm: ScormPlayer.nullable(),
    passMark: z.number().int(),
    attemptLimit: z.number().int().nullable(),
    revealAnswers: z.boolean(),
    questionCount: z.number().int(),
    sections: z.array(
      z.object({
        id: z.number().int(),
        titleJa: z.string(),
        titleEn: z.string(),
        htmlJa: z.string().openapi({ description: 'Sanitised on the server' }),
        htmlEn: z.string(),
      }),
    ),
    progress: ModuleProgress,
  })
  .openapi('PlayerModule');
export type PlayerModule = z.infer<typeof PlayerModule>;

export const ScormCommitResult = z
  .object({
    progress: ModuleProgress,
    score: z.number().int().nullable().openapi({ description: 'The score as a percentage' }),
  })
  .openapi('ScormCommitResult');
export type ScormCommitResult = z.infer<typeof ScormCommitResult>;

export const ProgressRequest = z
  .object({
    sectionId: Id,
    viewed: z.boolean().default(true).openapi({
      description: 'false only moves the resume position',
    }),
  })
  .openapi('ProgressRequest');

export const QuizAttempt = z
  .object({
    id: z.number().int(),
    moduleId: z.number().int(),
    version: z.number().int(),
    passMark: z.number().int(),
    attemptNumber: z.number().int(),
    attemptLimit: z.number().int().nullable(),
    questions: z.array(
      z.object({
        id: z.number().int(),
        kind: QuestionKind,
        textJa: z.string(),
        textEn: z.string(),
        options: z.array(z.object({ id: z.number().int(), ja: z.string(), en: z.string() })),
      }),
    ),
  })
  .openapi('QuizAttempt', { description: 'Questions only: the correct answers come after submit' });
export type QuizAttempt = z.infer<typeof QuizAttempt>;

export const SubmitAttemptRequest = z
  .object({
    answers: z
      .array(
        z.object({
          questionId: Id,
          optionIds: z.array(z.number().int().min(0)).max(10),
        }),
      )
      .max(100)
      .openapi({ description: 'One answer with at least one option for every question' }),
  })
  .openapi('SubmitAttemptRequest');

export const AttemptResult = z
  .object({
    attemptId: z.number().int(),
    score: z.number().int(),
    passed: z.boolean(),
    passMark: z.number().int(),
    correctCount: z.number().int(),
    questionCount: z.number().int(),
    submittedAt: z.string(),
    answersRevealed: z.boolean().openapi({
      description:
        'Whether `correct`, `isCorrect` and the explanations are filled in: only on a module that reveals answers, after a pass or the last allowed attempt',
    }),
    review: z.array(
      z.object({
        questionId: z.number().int(),
        kind: QuestionKind,
        textJa: z.string(),
        textEn: z.string(),
        options: z.array(z.object({ id: z.number().int(), ja: z.string(), en: z.string() })),
        chosen: z.array(z.number().int()),
        correct: z.array(z.number().int()).nullable(),
        isCorrect: z.boolean().nullable(),
        explanationJa: z.string().nullable(),
        explanationEn: z.string().nullable(),
      }),
    ),
    progress: ModuleProgress,
  })
  .openapi('AttemptResult');
export type AttemptResult = z.infer<typeof AttemptResult>;

export const MyAssignment = z
  .object({
    id: z.number().int(),
    course: CourseRef,
    moduleId: z.number().int(),
    fiscalYear: z.number().int(),
    dueOn: z.string(),
    overdue: z.boolean(),
    source: AssignmentSource,
  })
  .openapi('MyAssignment');

export const MyELearning = z
  .object({
    fiscalYear: z.number().int(),
    assignments: z.array(MyAssignment),
    modules: z.array(
      z.object({
        moduleId: z.number().int(),
        course: CourseRef,
        titleJa: z.string(),
        titleEn: z.string(),
        version: z
          .number()
          .int()
          .openapi({ description: 'The version I study (started or newest)' }),
        percent: z.number().int(),
        started: z.boolean(),
        completed: z.boolean(),
      }),
    ),
  })
  .openapi('MyELearning');
export type MyELearning = z.infer<typeof MyELearning>;

// Assignments (admins) -------------------------------------------------------------------------

export const Assignment = z
  .object({
    id: z.number().int(),
    staff: z.object({
      id: z.number().int(),
      staffNumber: z.string(),
      name: z.string(),
      unit: UnitRef,
    }),
    courseId: z.number().int(),
    moduleId: z.number().int(),
    fiscalYear: z.number().int(),
    dueOn: z.string(),
    overdue: z.boolean(),
    status: AssignmentStatus,
    source: AssignmentSource,
    reason: z.string().nullable(),
    createdAt: z.string(),
    closedAt: z.string().nullable(),
    withdrawReason: z.string().nullable(),
  })
  .openapi('Assignment');
export type Assignment = z.infer<typeof Assignment>;

export const AssignmentQuery = z.object({
  fiscalYear: FiscalYearParam.optional(),
  status: AssignmentStatus.optional(),
  orgUnitId: IdInUrl.optional(),
  overdue: z.enum(['true', 'false']).optional(),
  ...PageQuery.shape,
});

const RuleSetting = z.object({
  enabled: z.boolean(),
  dueDays: z.number().int().min(1).max(365),
});

export const AssignmentSettings = z
  .object({
    courseId: z.number().int(),
    fiscalYear: z.number().int(),
    eLearningOffered: z.boolean(),
    windowClosesOn: CalendarDay.nullable(),
    rules: z.object({
      absent: RuleSetting,
      window_closed: RuleSetting,
      no_group_access: RuleSetting,
    }),
  })
  .openapi('AssignmentSettings');
export type AssignmentSettings = z.infer<typeof AssignmentSettings>;

// Routes ---------------------------------------------------------------------------------------

export const listModules = route({
  method: 'get',
  path: '/modules',
  summary: 'Every module with its newest and published versions (admins)',
  responses: {
    200: jsonResponse('Modules', listOf(ModuleSummary)),
    ...errorResponses(401, 403),
  },
});

export const createModule = route({
  method: 'post',
  path: '/modules',
  summary: 'Create a module for a course, as draft version 1 (admins)',
  request: { body: jsonBody(CreateModuleRequest) },
  responses: {
    201: jsonResponse('Created', ModuleForEditing),
    ...errorResponses(400, 401, 403, 404),
  },
});

export const getModuleForEditing = route({
  method: 'get',
  path: '/modules/{id}',
  summary: "A module's newest version with its answers, for the editor (admins)",
  request: { params: IdParam },
  responses: {
    200: jsonResponse('Module', ModuleForEditing),
    ...errorResponses(400, 401, 403, 404),
  },
});

export const saveModule = route({
  method: 'put',
  path: '/modules/{id}',
  summary: 'Save the draft; editing a published module starts a new draft version (admins)',
  request: { params: IdParam, body: jsonBody(ModuleContentInput) },
  responses: {
    200: jsonResponse('Saved', ModuleForEditing),
    ...errorResponses(400, 401, 403, 404),
  },
});

export const publishModule = route({
  method: 'post',
  path: '/modules/{id}/publish',
  summary: 'Publish the draft version; learners in progress keep theirs (admins)',
  request: { params: IdParam },
  responses: {
    200: jsonResponse('Published', ModuleForEditing),
    ...errorResponses(400, 401, 403, 404, 409),
  },
});

export const previewMarkdown = route({
  method: 'post',
  path: '/preview',
  summary: 'Render Markdown as learners will see it, sanitised (admins)',
  request: { body: jsonBody(z.object({ markdown: z.string().max(50_000) })) },
  responses: {
    200: jsonResponse('Sanitised HTML', z.object({ html: z.string() })),
    ...errorResponses(400, 401, 403),
  },
});

export const uploadModuleImage = route({
  method: 'post',
  path: '/modules/{id}/images',
  summary: 'Upload an image (PNG, JPEG, GIF or WebP, at most 2 MB) as the raw body (admins)',
  request: {
    params: IdParam,
    body: {
      content: { 'image/png': { schema: z.string().openapi({ format: 'binary' }) } },
      required: true,
    },
  },
  responses: {
    201: jsonResponse(
      'Stored; use the URL in Markdown as ![alt](url)',
      z.object({ id: z.number().int(), url: z.string(), size: z.number().int() }),
    ),
    ...errorResponses(400, 401, 403, 404, 413),
  },
});

export const getModuleImage = route({
  method: 'get',
  path: '/images/{id}',
  summary: 'An image of a module',
  request: { params: IdParam },
  responses: {
    200: { description: 'The image', content: { 'image/png': { schema: z.string() } } },
    ...errorResponses(400, 401, 404),
  },
});

export const getMyELearning = route({
  method: 'get',
  path: '/my',
  summary: 'What is assigned to me (with due dates) and every module I may study',
  responses: {
    200: jsonResponse('Mine', MyELearning),
    ...errorResponses(401),
  },
});

export const openModule = route({
  method: 'get',
  path: '/modules/{id}/player',
  summary: 'Open a module: the version I started this year, or the newest published one',
  request: { params: IdParam },
  responses: {
    200: jsonResponse('The module', PlayerModule),
    ...errorResponses(400, 401, 404),
  },
});

export const saveProgress = route({
  method: 'post',
  path: '/modules/{id}/progress',
  summary: 'Mark a section viewed and remember it as the place to resume',
  request: { params: IdParam, body: jsonBody(ProgressRequest) },
  responses: {
    200: jsonResponse('Progress', ModuleProgress),
    ...errorResponses(400, 401, 404),
  },
});

export const startAttempt = route({
  method: 'post',
  path: '/modules/{id}/attempts',
  summary: 'Start a quiz attempt (or resume the one in progress)',
  request: { params: IdParam },
  responses: {
    201: jsonResponse('Attempt', QuizAttempt),
    ...errorResponses(400, 401, 404, 409),
  },
});

export const submitAttempt = route({
  method: 'post',
  path: '/attempts/{id}/submit',
  summary: 'Submit answers; scored on the server. Submitting again returns the same result',
  request: { params: IdParam, body: jsonBody(SubmitAttemptRequest) },
  responses: {
    200: jsonResponse('Result', AttemptResult),
    ...errorResponses(400, 401, 404),
  },
});

export const listAssignments = route({
  method: 'get',
  path: '/courses/{id}/assignments',
  summary: "A course's e-learning assignments, filtered (admins)",
  request: { params: IdParam, query: AssignmentQuery },
  responses: {
    200: jsonResponse('A page of assignments', pageOf(Assignment)),
    ...errorResponses(400, 401, 403, 404),
  },
});

export const createAssignment = route({
  method: 'post',
  path: '/assignments',
  summary: "Assign a course's e-learning to someone by hand, with a reason (admins)",
  request: {
    body: jsonBody(
      z
        .object({
          staffId: Id,
          courseId: Id,
          fiscalYear: FiscalYearInput.optional(),
          dueOn: CalendarDay.optional(),
          reason: Text(500),
        })
        .openapi('CreateAssignmentRequest'),
    ),
  },
  responses: {
    201: jsonResponse('Assigned', Assignment),
    ...errorResponses(400, 401, 403, 404, 409),
  },
});

export const withdrawAssignment = route({
  method: 'post',
  path: '/assignments/{id}/withdraw',
  summary: 'Withdraw an open assignment, with a reason (admins)',
  request: { params: IdParam, body: jsonBody(z.object({ reason: Text(500) })) },
  responses: {
    200: jsonResponse('Withdrawn', Assignment),
    ...errorResponses(400, 401, 403, 404, 409),
  },
});

export const getAssignmentSettings = route({
  method: 'get',
  path: '/courses/{id}/assignment-settings',
  summary: "A course's automatic assignment rules and window close date (admins)",
  request: {
    params: IdParam,
    query: FiscalYearQuery,
  },
  responses: {
    200: jsonResponse('Settings', AssignmentSettings),
    ...errorResponses(400, 401, 403, 404),
  },
});

export const saveAssignmentSettings = route({
  method: 'put',
  path: '/courses/{id}/assignment-settings',
  summary: 'Switch rules, set due periods and the window close date (admins)',
  request: {
    params: IdParam,
    body: jsonBody(
      z
        .object({
          fiscalYear: FiscalYearInput,
          windowClosesOn: CalendarDay.nullable(),
          rules: z.object({
            absent: RuleSetting,
            window_closed: RuleSetting,
            no_group_access: RuleSetting,
          }),
        })
        .openapi('SaveAssignmentSettingsRequest'),
    ),
  },
  responses: {
    200: jsonResponse('Saved', AssignmentSettings),
    ...errorResponses(400, 401, 403, 404),
  },
});

export const AssignNowPreview = z
  .object({
    courseId: z.number().int(),
    fiscalYear: z.number().int(),
    dueOn: z.string().openapi({ description: 'The due day the assignments would get' }),
    total: z.number().int().openapi({ description: 'How many people would be assigned' }),
    people: z
      .array(PersonRef.extend({ unit: UnitRef }))
      .openapi({ description: 'The first of them, by unit and name' }),
  })
  .openapi('AssignNowPreview');

const AssignNowQuery = z.object({ dueOn: CalendarDay.optional() });

export const previewAssignNow = route({
  method: 'get',
  path: '/courses/{id}/assign-now',
  summary:
    "Who would get the course's e-learning now: everyone required, not done, never assigned, with no seat ahead (admins)",
  request: { params: IdParam, query: AssignNowQuery },
  responses: {
    200: jsonResponse('Preview', AssignNowPreview),
    ...errorResponses(400, 401, 403, 404, 409),
  },
});

export const assignNow = route({
  method: 'post',
  path: '/courses/{id}/assign-now',
  summary: "Assign the course's e-learning now to everyone the preview lists (admins); audited",
  request: { params: IdParam, body: jsonBody(AssignNowQuery.openapi('AssignNowRequest')) },
  responses: {
    200: jsonResponse(
      'Assigned',
      z
        .object({ assigned: z.number().int(), dueOn: z.string(), fiscalYear: z.number().int() })
        .openapi('AssignNowResult'),
    ),
    ...errorResponses(400, 401, 403, 404, 409),
  },
});

const scormZipBody = {
  content: {
    'application/zip': { schema: z.string().openapi({ format: 'binary' }) },
    'application/octet-stream': { schema: z.string().openapi({ format: 'binary' }) },
  },
  required: true,
} as const;

export const previewScormPackage = route({
  method: 'post',
  path: '/scorm-packages/preview',
  summary: 'Check a SCORM package (.zip as the raw body) and show what it declares (admins)',
  description: 'Saves nothing. A refused package is 422 SCORM_PACKAGE_INVALID naming the problem.',
  request: { body: scormZipBody },
  responses: {
    200: jsonResponse('What the manifest declares', ScormPackageInfo),
    ...errorResponses(400, 401, 403, 413, 415, 422),
  },
});

export const importScormModule = route({
  method: 'post',
  path: '/scorm-packages',
  summary: 'Create a module of a course from a SCORM package, as draft version 1 (admins)',
  request: {
    query: z.object({ courseId: IdInUrl }),
    body: scormZipBody,
  },
  responses: {
    201: jsonResponse('Created', ModuleForEditing),
    ...errorResponses(400, 401, 403, 404, 413, 415, 422),
  },
});

export const importScormVersion = route({
  method: 'post',
  path: '/modules/{id}/scorm-package',
  summary: 'Make a SCORM package the next draft version of a module (admins)',
  description: 'Learners keep the version they started; publish the draft for new learners.',
  request: { params: IdParam, body: scormZipBody },
  responses: {
    200: jsonResponse('Saved as the draft', ModuleForEditing),
    ...errorResponses(400, 401, 403, 404, 413, 415, 422),
  },
});

export const saveScormRuntime = route({
  method: 'put',
  path: '/modules/{id}/scorm-runtime',
  summary: 'Save what the SCORM runtime committed; completes the module when it is finished',
  request: { params: IdParam, body: jsonBody(ScormCommitRequest) },
  responses: {
    200: jsonResponse('Saved', ScormCommitResult),
    ...errorResponses(400, 401, 404, 409),
  },
});
