import { loadConfig } from '@kenshu/api/config';
import {
  assignAfterWindowClosesJob,
  assignWithoutGroupAccessJob,
} from '@kenshu/api/jobs/e-learning';
import { runJobOnce } from '@kenshu/api/jobs/scheduler';
import { publishTrainingEvents } from '@kenshu/api/training-events';
import { runInTransaction, type CourseAudience } from '@kenshu/db';
import { makeCourse, makeOrgUnit, makeSession, makeStaff } from '@kenshu/db/testing';
import { addDays, currentFiscalYear, tokyoDateOf } from '@kenshu/domain';
import { beforeAll, describe, expect, it } from 'vitest';
import { useTestApp } from '../support/app.ts';
import { manualAnalyses } from '../support/database.ts';
import { makePerson, signedInAs, type SignedInClient } from '../support/auth.ts';
import { failure, failureBody, okBody, okStatus, typedApi } from '../support/typed-api.ts';

const t = useTestApp();
let admin: SignedInClient;

beforeAll(async () => {
  admin = await signedInAs(t.app, t.db, (await makePerson(t.db, ['admin'])).id);
});

interface QuestionSpec {
  kind: 'single' | 'multiple';
  correct: number[];
}

/** Module content: `sections` sections and one question per spec (three options each). */
function content(
  options: {
    sections?: number;
    questions?: QuestionSpec[];
    passMark?: number;
    attemptLimit?: number | null;
    revealAnswers?: boolean;
    completionRule?: 'all_sections_viewed' | 'quiz_passed' | 'both';
    bodyJa?: string;
    titleEn?: string;
  } = {},
) {
  const questions = options.questions ?? [
    { kind: 'single', correct: [1] },
    { kind: 'multiple', correct: [0, 2] },
  ];
  return {
    titleJa: '情報管理',
    titleEn: options.titleEn ?? 'Information management',
    passMark: options.passMark ?? 80,
    attemptLimit: options.attemptLimit ?? null,
    ...(options.revealAnswers === undefined ? {} : { revealAnswers: options.revealAnswers }),
    completionRule: options.completionRule ?? 'both',
    sections: Array.from({ length: options.sections ?? 2 }, (_, i) => ({
      titleJa: `第${i + 1}節`,
      titleEn: `Section ${i + 1}`,
      bodyJa: i === 0 && options.bodyJa ? options.bodyJa : `本文 **${i + 1}**`,
      bodyEn: `Body **${i + 1}**`,
    })),
    questions: questions.map((q, i) => ({
      kind: q.kind,
      textJa: `問${i + 1}`,
      textEn: `Question ${i + 1}`,
      options: [0, 1, 2].map((o) => ({ ja: `選択肢${o}`, en: `Option ${o}` })),
      correct: q.correct,
    })),
  };
}

/** The e-learning API as this person calls it. */
function eLearning(as: SignedInClient) {
  return typedApi(t.app, as)['e-learning'];
}

/** Creates a draft module for the course, as an admin. */
async function createModule(courseId: number, options: Parameters<typeof content>[0] = {}) {
  return okBody(eLearning(admin).modules.$post({ json: { courseId, ...content(options) } }), 201);
}

/** A course with a published module; returns both, plus the module's editor view. */
async function publishedModule(
  options: Parameters<typeof content>[0] & { audience?: CourseAudience } = {},
) {
  const course = await makeCourse(t.db, options.audience ? { audience: options.audience } : {});
  const module = await createModule(course.id, options);
  return { course, module: await publish(module.id) };
}

async function publish(moduleId: number) {
  return okBody(
    eLearning(admin).modules[':id'].publish.$post({ param: { id: String(moduleId) } }),
    200,
  );
}

async function learner(overrides: Parameters<typeof makeStaff>[1] = {}) {
  return signedInAs(t.app, t.db, (await makeStaff(t.db, overrides)).id);
}

function open(client: SignedInClient, moduleId: number) {
  return eLearning(client).modules[':id'].player.$get({ param: { id: String(moduleId) } });
}

async function player(client: SignedInClient, moduleId: number) {
  return okBody(open(client, moduleId));
}

async function view(client: SignedInClient, moduleId: number, sectionId: number) {
  return okBody(
    eLearning(client).modules[':id'].progress.$post({
      param: { id: String(moduleId) },
      json: { sectionId },
    }),
    200,
  );
}

async function viewAll(client: SignedInClient, moduleId: number) {
  let last;
  for (const s of (await player(client, moduleId)).sections) {
    last = await view(client, moduleId, s.id);
  }
  return last;
}

/** The right answers, read from the editor view (as only an admin can). */
function rightAnswers(module: { questions: { id: number; correct: number[] }[] }) {
  return module.questions.map((q) => ({ questionId: q.id, optionIds: q.correct }));
}

/** An answer to every question, each wrong: the first option that is not a correct one. */
function wrongAnswers(module: { questions: { id: number; correct: number[] }[] }) {
  return module.questions.map((q) => ({
    questionId: q.id,
    optionIds: [[0, 1, 2].find((o) => !q.correct.includes(o)) ?? 0],
  }));
}

function startAttempt(client: SignedInClient, moduleId: number) {
  return eLearning(client).modules[':id'].attempts.$post({ param: { id: String(moduleId) } });
}

type Answers = { questionId: number; optionIds: number[] }[];

function submit(client: SignedInClient, attemptId: number, answers: Answers) {
  return eLearning(client).attempts[':id'].submit.$post({
    param: { id: String(attemptId) },
    json: { answers },
  });
}

async function completionsOf(staffId: number, courseId: number) {
  return t.db
    .selectFrom('completion')
    .selectAll()
    .where('staff_id', '=', staffId)
    .where('course_id', '=', courseId)
    .execute();
}

async function assignmentsOf(staffId: number, courseId: number) {
  return t.db
    .selectFrom('assignment')
    .selectAll()
    .where('staff_id', '=', staffId)
    .where('course_id', '=', courseId)
    .execute();
}

async function enableRules(
  courseId: number,
  rules: Partial<Record<'absent' | 'window_closed' | 'no_group_access', boolean>>,
  windowClosesOn: string | null = null,
) {
  const setting = (on: boolean | undefined) => ({ enabled: on ?? false, dueDays: 30 });
  await okBody(
    eLearning(admin).courses[':id']['assignment-settings'].$put({
      param: { id: String(courseId) },
      json: {
        fiscalYear: currentFiscalYear(),
        windowClosesOn,
        rules: {
          absent: setting(rules.absent),
          window_closed: setting(rules.window_closed),
          no_group_access: setting(rules.no_group_access),
        },
      },
    }),
    200,
  );
}

/** Credits the course's completion this year by hand, as an admin. */
function credit(staffId: number, courseId: number, reason: string) {
  return typedApi(t.app, admin).completions.credit.$post({
    json: { staffId, courseId, fiscalYear: currentFiscalYear(), reason },
  });
}

describe('the quiz', () => {
  it('never sends the correct answers before submission, and scores on the server', async () => {
    const { course, module } = await publishedModule();
    const me = await learner();
    const shown = await player(me, module.id);
    expect(JSON.stringify(shown)).not.toMatch(/"correct"/);

    const attempt = await okBody(startAttempt(me, module.id), 201);
    expect(attempt.questions).toHaveLength(2);
    expect(JSON.stringify(attempt)).not.toMatch(/"correct"|explanation/);

    // The browser claims nothing about scores: only the chosen options go up.
    const chosen = [[1], [0]];
    const result = await okBody(
      submit(
        me,
        attempt.id,
        module.questions.map((q, i) => ({ questionId: q.id, optionIds: chosen[i] ?? [] })),
      ),
      200,
    );
    expect(result).toMatchObject({ score: 50, passed: false, correctCount: 1, questionCount: 2 });
    expect(result.review[1]).toMatchObject({ chosen: [0], correct: null, isCorrect: null });
    expect(await completionsOf(me.staffId, course.id)).toHaveLength(0);
  });

  it('completes the course when the sections are viewed and the quiz is passed', async () => {
    const { course, module } = await publishedModule();
    const me = await learner();
    const progress = await viewAll(me, module.id);
    expect(progress).toMatchObject({ percent: 100, completed: false, countsForRequirement: true });

    const attempt = await okBody(startAttempt(me, module.id), 201);
    const result = await okBody(submit(me, attempt.id, rightAnswers(module)), 200);
    expect(result).toMatchObject({ score: 100, passed: true, progress: { completed: true } });
    const [completion] = await completionsOf(me.staffId, course.id);
    expect(completion).toMatchObject({ kind: 'e_learning', source_ref: `module:${module.id}:v1` });
    if (!completion) throw new Error('no completion');

    const record = await okBody(typedApi(t.app, me).me.training.$get({ query: {} }));
    const item = record.items.find((i) => i.course.id === course.id);
    expect(item?.status).toBe('completed');

    // The quiz's score is the completion's evidence: the audit sample, My training and the team
    // page show the same number.
    const sample = await okBody(
      typedApi(t.app, admin).reports.samples.$post({
        json: { fiscalYear: completion.fiscal_year, courseId: course.id },
      }),
      201,
    );
    const [sampled] = sample.items;
    const { staff_number } = await t.db
      .selectFrom('staff')
      .select('staff_number')
      .where('id', '=', me.staffId)
      .executeTakeFirstOrThrow();
    const team = await okBody(
      typedApi(t.app, admin).team.status.$get({
        query: {
          courseId: String(course.id),
          fiscalYear: String(completion.fiscal_year),
          q: staff_number,
        },
      }),
    );
    expect({
      audit: sampled?.evidence.module?.bestScore,
      myTraining: item?.completion?.score,
      team: team.items.map((p) => p.score),
    }).toEqual({ audit: 100, myTraining: 100, team: [100] });
  });

  it('treats a second submit of the same attempt as the first, counting it once', async () => {
    const { course, module } = await publishedModule({ attemptLimit: 2 });
    const me = await learner();
    await viewAll(me, module.id);
    const attempt = await okBody(startAttempt(me, module.id), 201);
    // A double click: the same answers twice at once. Then a late retry with other answers.
    const [a, b] = await Promise.all([
      okBody(submit(me, attempt.id, rightAnswers(module)), 200),
      okBody(submit(me, attempt.id, rightAnswers(module)), 200),
    ]);
    expect(b.score).toBe(a.score);
    expect(b.passed).toBe(true);
    expect(b.progress.attemptsUsed).toBe(1);
    const late = await okBody(submit(me, attempt.id, wrongAnswers(module)), 200);
    expect(late).toMatchObject({ score: a.score, passed: true });
    expect(await completionsOf(me.staffId, course.id)).toHaveLength(1);
  });

  it('refuses an answer to a question of another module, and keeps the attempt open', async () => {
    const { module } = await publishedModule();
    const other = await publishedModule();
    const me = await learner();
    const attempt = await okBody(startAttempt(me, module.id), 201);
    const [foreign] = rightAnswers(other.module);
    if (!foreign) throw new Error('no question');
    expect(await failure(submit(me, attempt.id, [{ ...foreign, optionIds: [1] }]))).toEqual({
      status: 400,
      code: 'VALIDATION',
    });
    const retry = await okBody(submit(me, attempt.id, rightAnswers(module)), 200);
    expect(retry.passed).toBe(true);
  });

  it('enforces the attempt limit', async () => {
    const { module } = await publishedModule({ attemptLimit: 1 });
    const me = await learner();
    const attempt = await okBody(startAttempt(me, module.id), 201);
    // Starting again before submitting resumes the same attempt rather than using another.
    expect((await okBody(startAttempt(me, module.id), 201)).id).toBe(attempt.id);
    await okBody(submit(me, attempt.id, wrongAnswers(module)), 200);
    expect(await failure(startAttempt(me, module.id))).toEqual({
      status: 409,
      code: 'ATTEMPT_LIMIT_REACHED',
    });
  });

  it("does not let one learner submit another's attempt", async () => {
    const { module } = await publishedModule();
    const attempt = await okBody(startAttempt(await learner(), module.id), 201);
    expect(await failure(submit(await learner(), attempt.id, rightAnswers(module)))).toMatchObject({
      status: 404,
    });
  });
});

describe('the correct answers', () => {
  /** Starts an attempt and submits `answers`; returns the attempt and the answer to the submit. */
  async function attemptWith(client: SignedInClient, moduleId: number, answers: Answers) {
    const attempt = await okBody(startAttempt(client, moduleId), 201);
    return { attempt, submitted: submit(client, attempt.id, answers) };
  }

  /** Starts an attempt and submits `answers`, expecting them scored; returns the result. */
  async function resultOf(client: SignedInClient, moduleId: number, answers: Answers) {
    return okBody((await attemptWith(client, moduleId, answers)).submitted, 200);
  }

  function revealed(result: { review: { correct: unknown; isCorrect: unknown }[] }) {
    return result.review.some((r) => r.correct !== null || r.isCorrect !== null);
  }

  it('refuses a blank or partial submission with 400, keeping the attempt open', async () => {
    // The review's finding: unlimited attempts, a blank submission showed every answer.
    const { module } = await publishedModule({ attemptLimit: null, revealAnswers: true });
    const me = await learner();
    const blank = await attemptWith(me, module.id, []);
    const blankError = await failureBody(blank.submitted);
    expect(blankError.status).toBe(400);
    expect(blankError.error).toMatchObject({
      code: 'VALIDATION',
      message: 'Answer every question before submitting: 2 of 2 are unanswered',
      details: { field: 'answers', unanswered: module.questions.map((q) => q.id) },
    });
    expect(JSON.stringify(blankError)).not.toMatch(/correct/);
    const [first, second] = rightAnswers(module);
    if (!first || !second) throw new Error('two questions');
    const partial = await attemptWith(me, module.id, [first, { ...second, optionIds: [] }]);
    const partialError = await failureBody(partial.submitted);
    expect(partialError.status).toBe(400);
    expect(partialError.error.message).toBe(
      'Answer every question before submitting: 1 of 2 is unanswered',
    );
    // Still the same open attempt, and nothing was counted.
    expect(partial.attempt.id).toBe(blank.attempt.id);
    expect((await player(me, module.id)).progress).toMatchObject({
      attemptsUsed: 0,
      openAttemptId: blank.attempt.id,
    });
  });

  it('are never shown by a module that does not reveal them (the default), even after a pass', async () => {
    const { module } = await publishedModule({ attemptLimit: 2 });
    expect(module.revealAnswers).toBe(false);
    const me = await learner();
    const failed = await resultOf(me, module.id, wrongAnswers(module));
    expect(failed).toMatchObject({ passed: false, score: 0, answersRevealed: false });
    expect(failed.review.every((r) => r.explanationJa === null)).toBe(true);
    expect(revealed(failed)).toBe(false);
    const passed = await resultOf(me, module.id, rightAnswers(module));
    expect(passed).toMatchObject({ passed: true, answersRevealed: false });
    expect(revealed(passed)).toBe(false);
  });

  it('with unlimited attempts, show only after a pass', async () => {
    const { module } = await publishedModule({ attemptLimit: null, revealAnswers: true });
    const me = await learner();
    for (let i = 0; i < 3; i++) {
      const failed = await resultOf(me, module.id, wrongAnswers(module));
      expect(failed).toMatchObject({ passed: false, answersRevealed: false });
      expect(revealed(failed)).toBe(false);
    }
    const passed = await resultOf(me, module.id, rightAnswers(module));
    expect(passed).toMatchObject({ passed: true, answersRevealed: true });
    expect(passed.review).toEqual(
      module.questions.map((q) =>
        expect.objectContaining({ questionId: q.id, correct: q.correct, isCorrect: true }),
      ),
    );
  });

  it('with a limit, show after the last allowed attempt and not before', async () => {
    const { module } = await publishedModule({ attemptLimit: 2, revealAnswers: true });
    const me = await learner();
    const first = await resultOf(me, module.id, wrongAnswers(module));
    expect(first.answersRevealed).toBe(false);
    expect(revealed(first)).toBe(false);
    const last = await resultOf(me, module.id, wrongAnswers(module));
    expect(last).toMatchObject({ passed: false, answersRevealed: true });
    expect(last.review[1]).toMatchObject({ correct: [0, 2], isCorrect: false });
  });

  it('is a setting admins save with the module, off unless set', async () => {
    const course = await makeCourse(t.db);
    const module = await createModule(course.id, { revealAnswers: true });
    expect(module.revealAnswers).toBe(true);
    const saved = await okBody(
      eLearning(admin).modules[':id'].$put({
        param: { id: String(module.id) },
        json: content({ revealAnswers: false }),
      }),
      200,
    );
    expect(saved.revealAnswers).toBe(false);
    const defaulted = await createModule(course.id);
    expect(defaulted.revealAnswers).toBe(false);
  });
});

describe('the player', () => {
  it('resumes where the learner left off, on another device', async () => {
    const { module } = await publishedModule({ sections: 3 });
    const staff = await makeStaff(t.db);
    const phone = await signedInAs(t.app, t.db, staff.id);
    const desk = await signedInAs(t.app, t.db, staff.id);
    const [first, second] = (await player(phone, module.id)).sections;
    if (!first || !second) throw new Error('three sections');
    await view(phone, module.id, first.id);
    await view(phone, module.id, second.id);
    const there = await player(desk, module.id);
    expect(there.progress).toMatchObject({
      lastSectionId: second.id,
      viewedSectionIds: [first.id, second.id],
      percent: 66,
    });
  });

  it('keeps learners in progress on their version, and gives newcomers the new one', async () => {
    const { course, module } = await publishedModule({ completionRule: 'all_sections_viewed' });
    const early = await learner();
    const [first] = (await player(early, module.id)).sections;
    if (!first) throw new Error('no section');
    await view(early, module.id, first.id);

    const edited = await okBody(
      eLearning(admin).modules[':id'].$put({
        param: { id: String(module.id) },
        json: content({
          titleEn: 'Information management, revised',
          sections: 1,
          completionRule: 'all_sections_viewed',
        }),
      }),
    );
    expect(edited).toMatchObject({ version: 2, status: 'draft' });
    // Until the draft is published, nobody sees it.
    const newcomer = await learner();
    expect((await player(newcomer, module.id)).version).toBe(1);
    await publish(module.id);

    const late = await learner();
    expect(await player(late, module.id)).toMatchObject({
      version: 2,
      titleEn: 'Information management, revised',
    });
    expect((await player(early, module.id)).version).toBe(1);

    await viewAll(early, module.id);
    await viewAll(late, module.id);
    expect((await completionsOf(early.staffId, course.id))[0]?.source_ref).toBe(
      `module:${module.id}:v1`,
    );
    expect((await completionsOf(late.staffId, course.id))[0]?.source_ref).toBe(
      `module:${module.id}:v2`,
    );
  });

  it('refuses a draft module with a clear error', async () => {
    const course = await makeCourse(t.db);
    const draft = await createModule(course.id);
    expect(await failure(open(await learner(), draft.id))).toEqual({
      status: 404,
      code: 'MODULE_NOT_PUBLISHED',
    });
  });

  it('lets anyone study any published module, recording a completion only where it counts', async () => {
    const { course, module } = await publishedModule({
      completionRule: 'all_sections_viewed',
      audience: { kind: 'section_heads' },
    });
    const me = await learner();
    const progress = await viewAll(me, module.id);
    expect(progress).toMatchObject({ completed: true, countsForRequirement: false });
    expect(await completionsOf(me.staffId, course.id)).toHaveLength(0);
  });
});

describe('module content', () => {
  it('strips scripts and event handlers from Markdown', async () => {
    const { module } = await publishedModule({
      bodyJa:
        'Hello <script>alert(1)</script>\n\n<img src=x onerror="alert(2)">\n\n[x](javascript:alert(3)) <a href="https://example.org" onclick="alert(4)">ok</a>',
    });
    const html = (await player(await learner(), module.id)).sections[0]?.htmlJa;
    expect(html).not.toMatch(/<script|onerror|onclick|javascript:|alert\(1\)/i);
    expect(html).toContain('href="https://example.org"');
    const preview = await okBody(
      eLearning(admin).preview.$post({
        json: { markdown: '<script>alert(1)</script>\n\n**b**' },
      }),
    );
    expect(preview.html).toBe('<p><strong>b</strong></p>\n');
  });

  it('stores an image, serves it, and refuses one that is too large', async () => {
    const { module } = await publishedModule();
    const png = Buffer.concat([
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
      Buffer.alloc(100, 1),
    ]);
    // The image is the raw request body, sent with the content type under test, and is served
    // at the URL the answer gives: both as on the wire, so string paths.
    const upload = (bytes: Buffer, type = 'image/png') =>
      admin.request(`/api/e-learning/modules/${module.id}/images`, {
        method: 'POST',
        body: new Blob([new Uint8Array(bytes)]),
        headers: { 'content-type': type },
      });
    const stored = await upload(png);
    expect(stored.status).toBe(201);
    const { url } = await stored.json();
    const served = await (await learner()).request(url);
    expect(served.headers.get('content-type')).toBe('image/png');
    expect(Buffer.from(await served.arrayBuffer()).equals(png)).toBe(true);

    const huge = Buffer.concat([png, Buffer.alloc(2 * 1024 * 1024)]);
    const refused = await upload(huge);
    expect(refused.status).toBe(413);
    expect((await refused.json()).error).toMatchObject({ code: 'IMAGE_TOO_LARGE' });
    const notImage = await upload(Buffer.from('<script>alert(1)</script>'));
    expect(notImage.status).toBe(400);
  });
});
describe('automatic assignment', () => {
  async function absent(staffId: number, courseId: number, sessionId: number) {
    await runInTransaction(t.db, (trx) =>
      publishTrainingEvents(
        trx,
        [
          {
            type: 'attendance.absent',
            staffId,
            courseId,
            fiscalYear: currentFiscalYear(),
            sessionId,
          },
        ],
        new Date(),
      ),
    );
  }

  it('rule 1: assigns the e-learning to someone absent, once, and notifies them', async () => {
    const { course, module } = await publishedModule();
    await enableRules(course.id, { absent: true });
    const session = await makeSession(t.db, { courseId: course.id });
    const me = await learner();
    await absent(me.staffId, course.id, session.id);
    await absent(me.staffId, course.id, session.id);

    const assignments = await assignmentsOf(me.staffId, course.id);
    expect(assignments).toHaveLength(1);
    expect(assignments[0]).toMatchObject({
      status: 'open',
      source: 'absent',
      module_id: module.id,
    });
    expect(assignments[0]?.due_on).toBe(addDays(tokyoDateOf(new Date()), 30));
    const notes = (await okBody(typedApi(t.app, me).me.notifications.$get())).items;
    expect(notes.filter((n) => n.kind === 'e_learning.assigned')).toHaveLength(1);

    const record = await okBody(typedApi(t.app, me).me.training.$get({ query: {} }));
    const item = record.items.find((i) => i.course.id === course.id);
    expect(item).toMatchObject({
      status: 'e_learning_assigned',
      assignment: { id: assignments[0]?.id, moduleId: module.id },
    });
    const mine = await okBody(eLearning(me).my.$get());
    expect(mine.assignments).toMatchObject([{ id: assignments[0]?.id, overdue: false }]);
  });

  it('rule 1 does nothing while the rule is off', async () => {
    const { course } = await publishedModule();
    const session = await makeSession(t.db, { courseId: course.id });
    const me = await learner();
    await absent(me.staffId, course.id, session.id);
    expect(await assignmentsOf(me.staffId, course.id)).toHaveLength(0);
  });

  it('rule 2: after the window closes, assigns everyone required who has not completed, once', async () => {
    const unit = await makeOrgUnit(t.db);
    const { course } = await publishedModule({
      audience: { kind: 'rule', roles: [], unitIds: [unit.id], employmentTypes: [] },
    });
    const today = tokyoDateOf(new Date());
    const done = await makeStaff(t.db, { org_unit_id: unit.id });
    const owing = await makeStaff(t.db, { org_unit_id: unit.id });
    const outsider = await makeStaff(t.db);
    await okStatus(credit(done.id, course.id, 'Attended elsewhere'), 201);
    const config = { ...loadConfig({}), seed: 'none' as const };

    await enableRules(course.id, { window_closed: true }, addDays(today, 1));
    await runJobOnce(t.database, assignAfterWindowClosesJob, config);
    expect(await assignmentsOf(owing.id, course.id)).toHaveLength(0);

    await enableRules(course.id, { window_closed: true }, today);
    const analysed = await manualAnalyses(t.db, ['assignment', 'notification']);
    const first = await runJobOnce(t.database, assignAfterWindowClosesJob, config);
    // A night's bulk assignments refresh the planner's statistics of what they wrote.
    expect(await manualAnalyses(t.db, ['assignment', 'notification'])).toEqual({
      assignment: (analysed.assignment ?? 0) + 1,
      notification: (analysed.notification ?? 0) + 1,
    });
    const second = await runJobOnce(t.database, assignAfterWindowClosesJob, config);
    expect(first?.changed).toBeGreaterThanOrEqual(1);
    expect(second?.changed).toBe(0);
    expect(await assignmentsOf(owing.id, course.id)).toMatchObject([
      { status: 'open', source: 'window_closed' },
    ]);
    expect(await assignmentsOf(done.id, course.id)).toHaveLength(0);
    expect(await assignmentsOf(outsider.id, course.id)).toHaveLength(0);
  });

  it('rule 3: assigns people in units without group sessions, once', async () => {
    const office = await makeOrgUnit(t.db, { kind: 'regional_office' });
    const division = await makeOrgUnit(t.db, { parent_id: office.id, kind: 'division' });
    const head = await makeOrgUnit(t.db);
    await t.db
      .updateTable('org_unit')
      .set({ has_group_sessions: false })
      .where('id', '=', office.id)
      .execute();
    const { course } = await publishedModule({
      audience: { kind: 'rule', roles: [], unitIds: [office.id, head.id], employmentTypes: [] },
    });
    await enableRules(course.id, { no_group_access: true });
    const far = await makeStaff(t.db, { org_unit_id: division.id });
    const near = await makeStaff(t.db, { org_unit_id: head.id });
    const config = { ...loadConfig({}), seed: 'none' as const };
    expect((await runJobOnce(t.database, assignWithoutGroupAccessJob, config))?.changed).toBe(1);
    expect((await runJobOnce(t.database, assignWithoutGroupAccessJob, config))?.changed).toBe(0);
    expect(await assignmentsOf(far.id, course.id)).toMatchObject([{ source: 'no_group_access' }]);
    expect(await assignmentsOf(near.id, course.id)).toHaveLength(0);
  });

  it('closes the assignment when the requirement is met by another route (a credit)', async () => {
    const { course } = await publishedModule();
    await enableRules(course.id, { absent: true });
    const session = await makeSession(t.db, { courseId: course.id });
    const me = await learner();
    await absent(me.staffId, course.id, session.id);
    await okStatus(credit(me.staffId, course.id, 'Attended the session after all'), 201);
    expect(await assignmentsOf(me.staffId, course.id)).toMatchObject([{ status: 'completed' }]);
  });
});

describe('assignments by hand', () => {
  it('assigns and withdraws with a reason, audited, and lists with filters', async () => {
    const { course } = await publishedModule();
    const unit = await makeOrgUnit(t.db);
    const person = await makeStaff(t.db, { org_unit_id: unit.id });
    const assign = (reason: string) =>
      eLearning(admin).assignments.$post({
        json: { staffId: person.id, courseId: course.id, reason },
      });
    const assignment = await okBody(assign('Missed the session for a business trip'), 201);
    expect(await failure(assign('twice'))).toMatchObject({ status: 409 });

    const list = (query: { orgUnitId?: string; overdue?: 'true'; status?: 'open' }) =>
      okBody(
        eLearning(admin).courses[':id'].assignments.$get({
          param: { id: String(course.id) },
          query,
        }),
      );
    expect((await list({ orgUnitId: String(unit.id) })).items.map((a) => a.id)).toEqual([
      assignment.id,
    ]);
    expect((await list({ overdue: 'true' })).total).toBe(0);

    const withdrawn = await okBody(
      eLearning(admin).assignments[':id'].withdraw.$post({
        param: { id: String(assignment.id) },
        json: { reason: 'On leave this year' },
      }),
    );
    expect(withdrawn).toMatchObject({
      status: 'withdrawn',
      withdrawReason: 'On leave this year',
    });
    expect((await list({ status: 'open' })).total).toBe(0);
    const audit = await t.db
      .selectFrom('audit_log')
      .select(['action', 'actor_staff_id', 'target_type', 'before', 'after', 'request_id'])
      .where('target_id', '=', String(person.id))
      .orderBy('id')
      .execute();
    const byAdmin = { actor_staff_id: admin.staffId, target_type: 'staff' };
    expect(audit).toEqual([
      {
        ...byAdmin,
        action: 'assignment.created',
        before: null,
        after: {
          assignmentId: assignment.id,
          courseId: course.id,
          fiscalYear: assignment.fiscalYear,
          dueOn: assignment.dueOn,
          reason: 'Missed the session for a business trip',
        },
        request_id: expect.any(String),
      },
      {
        ...byAdmin,
        action: 'assignment.withdrawn',
        before: { assignmentId: assignment.id, status: 'open' },
        after: { assignmentId: assignment.id, status: 'withdrawn', reason: 'On leave this year' },
        request_id: expect.any(String),
      },
    ]);
  });

  it('refuses to assign a course without e-learning', async () => {
    const course = await makeCourse(t.db, { completion_modes: 'group_session' });
    const assigned = eLearning(admin).assignments.$post({
      json: { staffId: (await makeStaff(t.db)).id, courseId: course.id, reason: 'x' },
    });
    expect(await failure(assigned)).toEqual({ status: 409, code: 'E_LEARNING_NOT_OFFERED' });
  });
});
