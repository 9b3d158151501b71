import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { makeCourse, makeStaff } from '@kenshu/db/testing';
import { strToU8, zipSync } from 'fflate';
import { parse } from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '@kenshu/api/config';
import type { AppType } from '@kenshu/api';
import type { ScormRuntimeData } from '@kenshu/contracts';
import { useTestApp } from '../support/app.ts';
import { makePerson, signedInAs, type SignedInClient } from '../support/auth.ts';
import { manifestXml, scormPackage, zipWithSymlink } from '../support/scorm.ts';
import { failure, failureBody, okBody, typedApi } from '../support/typed-api.ts';

const contentDir = mkdtempSync(join(tmpdir(), 'kenshu-scorm-content-'));
const defaults = loadConfig({});
const limits = { ...defaults.scormLimits, unpackedBytes: 4 * 1024 * 1024, files: 50 };
const t = useTestApp({ contentDir, scormLimits: limits });
// The same app with a tiny upload limit, to see a package refused while it streams in.
const small = useTestApp({
  contentDir,
  scormLimits: { ...defaults.scormLimits, uploadBytes: 1000 },
});
let admin: SignedInClient;

beforeAll(async () => {
  admin = await signedInAs(t.app, t.db, (await makePerson(t.db, ['admin'])).id);
});
afterAll(() => rmSync(contentDir, { recursive: true, force: true }));

/**
 * This person's SCORM package uploads through the typed client. The package goes as the raw
 * request body, declared as `type`, as the web page sends it; the client checks path and answer.
 */
function packagesOf(app: AppType, as: SignedInClient, type = 'application/zip') {
  const eLearning = typedApi(app, as)['e-learning'];
  const file = (zip: Uint8Array) => ({
    headers: { 'content-type': type },
    init: { body: new Blob([new Uint8Array(zip)]) },
  });
  return {
    preview: (zip: Uint8Array) => eLearning['scorm-packages'].preview.$post({}, file(zip)),
    import: (courseId: number, zip: Uint8Array) =>
      eLearning['scorm-packages'].$post({ query: { courseId: String(courseId) } }, file(zip)),
    nextVersion: (moduleId: number, zip: Uint8Array) =>
      eLearning.modules[':id']['scorm-package'].$post(
        { param: { id: String(moduleId) } },
        file(zip),
      ),
  };
}

/** The module's player, as this person opens it. */
function player(as: SignedInClient, moduleId: number) {
  return okBody(
    typedApi(t.app, as)['e-learning'].modules[':id'].player.$get({
      param: { id: String(moduleId) },
    }),
    200,
  );
}

async function counts() {
  const [packages, versions, modules] = await Promise.all(
    (['scorm_package', 'module_version', 'module'] as const).map(async (table) =>
      Number(
        (
          await t.db
            .selectFrom(table)
            .select((eb) => eb.fn.countAll().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      ),
    ),
  );
  const folders = existsSync(join(contentDir, 'scorm'))
    ? readdirSync(join(contentDir, 'scorm'))
    : [];
  return { packages, versions, modules, folders: folders.length };
}

/** Imports a package as a new module of a new course and publishes it. */
async function publishedPackage(version: '1.2' | '2004', passing: number | null = null) {
  const course = await makeCourse(t.db);
  const module = await okBody(
    packagesOf(t.app, admin).import(course.id, scormPackage(version, { passing })),
    201,
  );
  await okBody(
    typedApi(t.app, admin)['e-learning'].modules[':id'].publish.$post({
      param: { id: String(module.id) },
    }),
    200,
  );
  return { course, module };
}

type RuntimeCommit = ScormRuntimeData;

/** Saves what the SCORM runtime committed for the version started, as the player does. */
function commitRuntime(
  as: SignedInClient,
  moduleId: number,
  data: RuntimeCommit & { version: number },
) {
  return typedApi(t.app, as)['e-learning'].modules[':id']['scorm-runtime'].$put({
    param: { id: String(moduleId) },
    json: data,
  });
}

const blank: RuntimeCommit = {
  lessonStatus: null,
  completionStatus: null,
  successStatus: null,
  scoreRaw: null,
  scoreMin: null,
  scoreMax: null,
  scoreScaled: null,
  location: '',
  suspendData: '',
};

describe('importing a SCORM package', () => {
  it('previews what the manifest declares, saving nothing', async () => {
    const before = await counts();
    for (const version of ['1.2', '2004'] as const) {
      const preview = await okBody(
        packagesOf(t.app, admin).preview(
          scormPackage(version, {
            title: 'セキュリティ基礎',
            passing: version === '1.2' ? 80 : 0.8,
          }),
        ),
        200,
      );
      expect(preview).toMatchObject({
        scormVersion: version,
        title: 'セキュリティ基礎',
        launchPath: 'index.html',
        passingScore: version === '1.2' ? 80 : 0.8,
        fileCount: 3,
      });
    }
    expect(await counts()).toEqual(before);
  });

  it('saves a package as a draft version, then the next one as a new version', async () => {
    const { module } = await publishedPackage('1.2');
    expect(module).toMatchObject({
      version: 1,
      completionRule: 'scorm',
      scorm: { scormVersion: '1.2', launchPath: 'index.html', fileCount: 3 },
    });
    const next = await okBody(
      packagesOf(t.app, admin).nextVersion(module.id, scormPackage('2004')),
      200,
    );
    expect(next).toMatchObject({
      version: 2,
      status: 'draft',
      scorm: { scormVersion: '2004' },
    });
    const audit = await t.db
      .selectFrom('audit_log')
      .select(['action'])
      .where('target_type', '=', 'module')
      .where('target_id', '=', String(module.id))
      .orderBy('id')
      .execute();
    expect(audit.map((a) => a.action)).toEqual([
      'module.package_imported',
      'module.published',
      'module.package_imported',
    ]);
  });

  // Each refusal names its problem and the facts behind it; the web app words them.
  const refusals: [string, Uint8Array, string, Record<string, unknown>][] = [
    ['not a zip', strToU8('this is not a zip file at all'), 'not_zip', {}],
    ['no manifest', scormPackage('1.2', { manifest: null }), 'no_manifest', {}],
    [
      'a manifest that does not parse',
      scormPackage('1.2', { manifest: '<manifest><oops' }),
      'manifest_unreadable',
      {},
    ],
    [
      'a launch file missing from the package',
      scormPackage('2004', { manifest: manifestXml('2004', { launch: 'missing.html' }) }),
      'launch_missing',
      { launchPath: 'missing.html' },
    ],
    [
      'an unsupported SCORM version',
      scormPackage('1.2', { manifest: manifestXml('1.2', { schemaVersion: '1.1' }) }),
      'unsupported_version',
      { schemaVersion: '1.1' },
    ],
    [
      'zip-slip with ..',
      scormPackage('1.2', { extra: { '../evil.html': strToU8('x') } }),
      'unsafe_path',
      { path: '../evil.html' },
    ],
    [
      'an absolute path',
      scormPackage('1.2', { extra: { '/etc/evil': strToU8('x') } }),
      'unsafe_path',
      { path: '/etc/evil' },
    ],
    [
      'a backslash path',
      scormPackage('1.2', { extra: { 'a\\..\\..\\evil': strToU8('x') } }),
      'unsafe_path',
      { path: 'a\\..\\..\\evil' },
    ],
    [
      'a drive letter',
      scormPackage('1.2', { extra: { 'C:/evil': strToU8('x') } }),
      'unsafe_path',
      { path: 'C:/evil' },
    ],
    [
      'a symbolic link',
      zipWithSymlink('1.2', 'link', '/etc/passwd'),
      'unsafe_path',
      { path: 'link' },
    ],
    [
      'a zip bomb (one file unpacking to far more than its compressed size)',
      scormPackage('1.2', { extra: { 'bomb.bin': new Uint8Array(3 * 1024 * 1024) } }),
      'over_limit',
      { limits },
    ],
    [
      'more files than the limit',
      scormPackage('1.2', {
        extra: Object.fromEntries(
          Array.from({ length: 60 }, (_, i) => [`f/${i}.txt`, strToU8(String(i))]),
        ),
      }),
      'over_limit',
      { limits },
    ],
    [
      'more unpacked bytes than the limit',
      zipSync(
        {
          'imsmanifest.xml': strToU8(manifestXml('1.2')),
          'index.html': strToU8('<p>x</p>'),
          'js/sco.js': strToU8(''),
          ...Object.fromEntries(
            Array.from({ length: 5 }, (_, i) => [
              `media/${i}.bin`,
              new Uint8Array(randomBytes(1024 * 1024)),
            ]),
          ),
        },
        { level: 0 },
      ),
      'over_limit',
      { limits },
    ],
  ];

  it.each(refusals)(
    'refuses %s with a report naming the problem, saving nothing',
    async (_, zip, problem, facts) => {
      const course = await makeCourse(t.db);
      const before = await counts();
      const packages = packagesOf(t.app, admin);
      for (const send of [() => packages.preview(zip), () => packages.import(course.id, zip)]) {
        const { status, error } = await failureBody(send());
        expect(status).toBe(422);
        expect(error.code).toBe('SCORM_PACKAGE_INVALID');
        expect(error.details).toEqual({ problem, ...facts });
        expect(error.message).toMatch(/[a-z]/);
      }
      expect(await counts()).toEqual(before);
      expect(existsSync(join(contentDir, 'evil.html'))).toBe(false);
    },
  );

  it('refuses an upload over the size limit, saving nothing', async () => {
    const smallAdmin = await signedInAs(
      small.app,
      small.db,
      (await makePerson(small.db, ['admin'])).id,
    );
    const { status, error } = await failureBody(
      packagesOf(small.app, smallAdmin).preview(
        scormPackage('1.2', {
          extra: { 'media/noise.bin': new Uint8Array(randomBytes(5000)) },
        }),
      ),
    );
    expect(status).toBe(413);
    expect(error).toMatchObject({ code: 'PAYLOAD_TOO_LARGE', details: { problem: 'over_limit' } });
    expect(await small.db.selectFrom('scorm_package').selectAll().execute()).toEqual([]);
  });

  it('refuses a body that is not declared a zip', async () => {
    const wrongType = packagesOf(t.app, admin, 'text/plain').preview(scormPackage('1.2'));
    expect(await failure(wrongType)).toMatchObject({ status: 415 });
  });

  it('is for admins only', async () => {
    const me = await signedInAs(t.app, t.db, (await makeStaff(t.db)).id);
    const refused = packagesOf(t.app, me).preview(scormPackage('1.2'));
    expect(await failure(refused)).toMatchObject({ status: 403 });
  });
});

describe('serving package files', () => {
  it('serves them to signed-in learners under a strict policy, and to nobody else', async () => {
    const { module } = await publishedPackage('1.2');
    const me = await signedInAs(t.app, t.db, (await makeStaff(t.db)).id);
    const { scorm } = await player(me, module.id);
    expect(scorm).toMatchObject({ scormVersion: '1.2', runtime: null });
    if (!scorm) throw new Error('the module has no package');
    const { launchUrl } = scorm;
    // Package files are static content outside /api and its typed client: string paths.
    const page = await me.request(launchUrl);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/^text\/html/);
    const csp = page.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("object-src 'none'");
    expect(csp).toContain("frame-ancestors 'self'");
    expect(await page.text()).toContain('Security basics');

    const anonymous = await t.app.request(`http://localhost${launchUrl}`);
    expect(anonymous.status).toBe(401);
    const base = launchUrl.replace(/index\.html$/, '');
    for (const escape of [
      '../imsmanifest.xml',
      '..%2f..%2f..%2fetc%2fpasswd',
      'js%5c..%5c..%5cx',
      'js/../../x',
      'nothing.html',
    ]) {
      expect([escape, (await me.request(`${base}${escape}`)).status]).toEqual([escape, 404]);
    }
  });

  it('keeps a draft package from learners', async () => {
    const course = await makeCourse(t.db);
    const draft = await okBody(
      packagesOf(t.app, admin).import(course.id, scormPackage('1.2')),
      201,
    );
    const me = await signedInAs(t.app, t.db, (await makeStaff(t.db)).id);
    if (!draft.scorm) throw new Error('the module has no package');
    // Package files are static content outside /api and its typed client: string paths.
    const launch = `/scorm-content/${draft.scorm.id}/index.html`;
    expect((await me.request(launch)).status).toBe(404);
    expect((await admin.request(launch)).status).toBe(200);
  });
});

describe('the SCORM runtime', () => {
  for (const version of ['1.2', '2004'] as const) {
    it(`saves and gives back ${version} runtime data, and completes the assignment with the score`, async () => {
      const { course, module } = await publishedPackage(version, version === '1.2' ? 80 : 0.8);
      const staff = await makeStaff(t.db);
      const me = await signedInAs(t.app, t.db, staff.id);
      await okBody(
        typedApi(t.app, admin)['e-learning'].assignments.$post({
          json: { staffId: staff.id, courseId: course.id, reason: 'SCORM test' },
        }),
        201,
      );

      const commit = (data: Partial<RuntimeCommit>) =>
        okBody(commitRuntime(me, module.id, { ...blank, version: 1, ...data }), 200);
      const suspended =
        version === '1.2'
          ? { lessonStatus: 'incomplete' as const, location: 'page-2', suspendData: 'answered=1' }
          : {
              completionStatus: 'incomplete' as const,
              location: 'page-2',
              suspendData: 'answered=1',
            };
      const first = await commit(suspended);
      expect(first.progress.completed).toBe(false);

      // Another device opens the player: the saved data comes back for the runtime to resume.
      const other = await signedInAs(t.app, t.db, staff.id);
      const resumed = await player(other, module.id);
      expect(resumed.scorm?.runtime).toMatchObject({
        location: 'page-2',
        suspendData: 'answered=1',
      });

      // Below the passing score: not finished.
      const low =
        version === '1.2'
          ? { lessonStatus: 'completed' as const, scoreRaw: 70 }
          : {
              completionStatus: 'completed' as const,
              successStatus: 'passed' as const,
              scoreScaled: 0.7,
            };
      expect((await commit({ ...suspended, ...low })).progress.completed).toBe(false);

      const passed =
        version === '1.2'
          ? { lessonStatus: 'passed' as const, scoreRaw: 90 }
          : {
              completionStatus: 'completed' as const,
              successStatus: 'passed' as const,
              scoreScaled: 0.9,
            };
      const done = await commit({ ...suspended, ...passed });
      expect(done).toMatchObject({ score: 90, progress: { completed: true, bestScore: 90 } });

      const completions = await t.db
        .selectFrom('completion')
        .selectAll()
        .where('staff_id', '=', staff.id)
        .where('course_id', '=', course.id)
        .execute();
      expect(completions).toMatchObject([
        { kind: 'e_learning', source_ref: `module:${module.id}:v1` },
      ]);
      const fiscalYear = completions[0]?.fiscal_year;
      if (fiscalYear === undefined) throw new Error('the module completed no fiscal year');
      const assignment = await t.db
        .selectFrom('assignment')
        .select('status')
        .where('staff_id', '=', staff.id)
        .where('course_id', '=', course.id)
        .executeTakeFirstOrThrow();
      expect(assignment.status).toBe('completed');
      // The audit sample shows the package's score as the evidence of this completion.
      const adminApi = typedApi(t.app, admin);
      const sampled = (
        await okBody(
          adminApi.reports.samples.$post({ json: { fiscalYear, courseId: course.id } }),
          201,
        )
      ).items;
      expect(sampled).toMatchObject([
        { staffId: staff.id, evidence: { method: 'e_learning', module: { bestScore: 90 } } },
      ]);
      const auditScore = sampled[0]?.evidence.module?.bestScore;

      // My training, the team page and its CSV show the same score as the audit sample.
      const record = await okBody(typedApi(t.app, me).me.training.$get({ query: {} }), 200);
      const item = record.items.find((i) => i.course.id === course.id);
      expect(item).toMatchObject({
        status: 'completed',
        completion: { kind: 'e_learning', score: auditScore },
      });
      const team = {
        courseId: String(course.id),
        fiscalYear: String(fiscalYear),
        q: staff.staff_number,
      };
      const status = await okBody(adminApi.team.status.$get({ query: team }), 200);
      expect(status.items).toMatchObject([
        { staffId: staff.id, status: 'completed', score: auditScore },
      ]);
      const csv = await (await adminApi.team['status.csv'].$get({ query: team })).text();
      const rows = parse<Record<string, string>>(csv.replace('\uFEFF', '').trim(), {
        header: true,
      }).data;
      expect(rows).toMatchObject([{ status: 'completed', score: String(auditScore) }]);
    });
  }

  it('refuses a commit for another version than the one started, and hostile values', async () => {
    const { module } = await publishedPackage('1.2');
    const me = await signedInAs(t.app, t.db, (await makeStaff(t.db)).id);
    const commit = (data: Partial<RuntimeCommit> & { version?: number }) =>
      failure(commitRuntime(me, module.id, { ...blank, version: 1, ...data }));
    expect(await commit({ version: 2 })).toMatchObject({ status: 409 });
    // A status the runtime does not know is outside the typed body: a string path.
    const hacked = await me.json(
      `/api/e-learning/modules/${module.id}/scorm-runtime`,
      { ...blank, version: 1, lessonStatus: 'hacked' },
      'PUT',
    );
    expect(hacked.status).toBe(400);
    expect(await commit({ suspendData: 'x'.repeat(100_000) })).toMatchObject({ status: 400 });
    expect(await commit({ location: 'a\u0000b' })).toMatchObject({ status: 400 });
  });
});
