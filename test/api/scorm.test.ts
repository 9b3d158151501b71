import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { makeCourse, makeStaff } from '@kenshu/db/testing';
import { strToU8, zipSync } from 'fflate';
import { parse } from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '@kenshu/api/config';
import type { ScormRuntimeData } from '@kenshu/contracts';
import { useTestApp } from '../support/app.ts';
import { makePerson, signedInAs, type SignedInClient } from '../support/auth.ts';
import { manifestXml, scormPackage, zipWithSymlink } from '../support/scorm.ts';

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

function upload(client: SignedInClient, path: string, zip: Uint8Array, type = 'application/zip') {
  return client.request(path, {
    method: 'POST',
    headers: { 'content-type': type },
    body: zip as Uint8Array<ArrayBuffer>,
  });
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
  const res = await upload(
    admin,
    `/api/e-learning/scorm-packages?courseId=${course.id}`,
    scormPackage(version, { passing }),
  );
  expect(res.status).toBe(201);
  const module = await res.json();
  const published = await admin.json(`/api/e-learning/modules/${module.id}/publish`, {});
  expect(published.status).toBe(200);
  return { course, module };
}

type RuntimeCommit = ScormRuntimeData;

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
      const res = await upload(
        admin,
        '/api/e-learning/scorm-packages/preview',
        scormPackage(version, { title: 'セキュリティ基礎', passing: version === '1.2' ? 80 : 0.8 }),
      );
      expect(res.status).toBe(200);
      expect(await res.json()).toMatchObject({
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
    const next = await upload(
      admin,
      `/api/e-learning/modules/${module.id}/scorm-package`,
      scormPackage('2004'),
    );
    expect(next.status).toBe(200);
    expect(await next.json()).toMatchObject({
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
      for (const path of [
        '/api/e-learning/scorm-packages/preview',
        `/api/e-learning/scorm-packages?courseId=${course.id}`,
      ]) {
        const res = await upload(admin, path, zip);
        expect(res.status).toBe(422);
        const { error } = await res.json();
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
    const res = await upload(
      smallAdmin,
      '/api/e-learning/scorm-packages/preview',
      scormPackage('1.2', {
        extra: { 'media/noise.bin': new Uint8Array(randomBytes(5000)) },
      }),
    );
    expect(res.status).toBe(413);
    const { error } = await res.json();
    expect(error).toMatchObject({ code: 'PAYLOAD_TOO_LARGE', details: { problem: 'over_limit' } });
    expect(await small.db.selectFrom('scorm_package').selectAll().execute()).toEqual([]);
  });

  it('refuses a body that is not declared a zip', async () => {
    const wrongType = await upload(
      admin,
      '/api/e-learning/scorm-packages/preview',
      scormPackage('1.2'),
      'text/plain',
    );
    expect(wrongType.status).toBe(415);
  });

  it('is for admins only', async () => {
    const me = await signedInAs(t.app, t.db, (await makeStaff(t.db)).id);
    const res = await upload(me, '/api/e-learning/scorm-packages/preview', scormPackage('1.2'));
    expect(res.status).toBe(403);
  });
});

describe('serving package files', () => {
  it('serves them to signed-in learners under a strict policy, and to nobody else', async () => {
    const { module } = await publishedPackage('1.2');
    const me = await signedInAs(t.app, t.db, (await makeStaff(t.db)).id);
    const player = await (await me.request(`/api/e-learning/modules/${module.id}/player`)).json();
    expect(player.scorm).toMatchObject({ scormVersion: '1.2', runtime: null });
    const page = await me.request(player.scorm.launchUrl);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/^text\/html/);
    const csp = page.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("object-src 'none'");
    expect(csp).toContain("frame-ancestors 'self'");
    expect(await page.text()).toContain('Security basics');

    const anonymous = await t.app.request(`http://localhost${player.scorm.launchUrl}`);
    expect(anonymous.status).toBe(401);
    const base = player.scorm.launchUrl.replace(/index\.html$/, '');
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
    const draft = await (
      await upload(
        admin,
        `/api/e-learning/scorm-packages?courseId=${course.id}`,
        scormPackage('1.2'),
      )
    ).json();
    const me = await signedInAs(t.app, t.db, (await makeStaff(t.db)).id);
    expect((await me.request(`/scorm-content/${draft.scorm.id}/index.html`)).status).toBe(404);
    expect((await admin.request(`/scorm-content/${draft.scorm.id}/index.html`)).status).toBe(200);
  });
});

describe('the SCORM runtime', () => {
  for (const version of ['1.2', '2004'] as const) {
    it(`saves and gives back ${version} runtime data, and completes the assignment with the score`, async () => {
      const { course, module } = await publishedPackage(version, version === '1.2' ? 80 : 0.8);
      const staff = await makeStaff(t.db);
      const me = await signedInAs(t.app, t.db, staff.id);
      const assigned = await admin.json('/api/e-learning/assignments', {
        staffId: staff.id,
        courseId: course.id,
        reason: 'SCORM test',
      });
      expect(assigned.status).toBe(201);

      const commit = (data: Partial<RuntimeCommit>) =>
        me.json(
          `/api/e-learning/modules/${module.id}/scorm-runtime`,
          { ...blank, version: 1, ...data },
          'PUT',
        );
      const suspended =
        version === '1.2'
          ? { lessonStatus: 'incomplete' as const, location: 'page-2', suspendData: 'answered=1' }
          : {
              completionStatus: 'incomplete' as const,
              location: 'page-2',
              suspendData: 'answered=1',
            };
      const first = await commit(suspended);
      expect(first.status).toBe(200);
      expect((await first.json()).progress.completed).toBe(false);

      // Another device opens the player: the saved data comes back for the runtime to resume.
      const other = await signedInAs(t.app, t.db, staff.id);
      const player = await (
        await other.request(`/api/e-learning/modules/${module.id}/player`)
      ).json();
      expect(player.scorm.runtime).toMatchObject({ location: 'page-2', suspendData: 'answered=1' });

      // Below the passing score: not finished.
      const low =
        version === '1.2'
          ? { lessonStatus: 'completed' as const, scoreRaw: 70 }
          : {
              completionStatus: 'completed' as const,
              successStatus: 'passed' as const,
              scoreScaled: 0.7,
            };
      expect((await (await commit({ ...suspended, ...low })).json()).progress.completed).toBe(
        false,
      );

      const passed =
        version === '1.2'
          ? { lessonStatus: 'passed' as const, scoreRaw: 90 }
          : {
              completionStatus: 'completed' as const,
              successStatus: 'passed' as const,
              scoreScaled: 0.9,
            };
      const done = await (await commit({ ...suspended, ...passed })).json();
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
      const assignment = await t.db
        .selectFrom('assignment')
        .select('status')
        .where('staff_id', '=', staff.id)
        .where('course_id', '=', course.id)
        .executeTakeFirstOrThrow();
      expect(assignment.status).toBe('completed');
      // The audit sample shows the package's score as the evidence of this completion.
      const sample = await admin.json('/api/reports/samples', {
        fiscalYear: completions[0]?.fiscal_year,
        courseId: course.id,
      });
      expect(sample.status).toBe(201);
      const sampled = (await sample.json()).items;
      expect(sampled).toMatchObject([
        { staffId: staff.id, evidence: { method: 'e_learning', module: { bestScore: 90 } } },
      ]);
      const auditScore = sampled[0].evidence.module.bestScore;

      // My training, the team page and its CSV show the same score as the audit sample.
      const record = await (await me.request('/api/me/training')).json();
      const item = record.items.find((i: { course: { id: number } }) => i.course.id === course.id);
      expect(item).toMatchObject({
        status: 'completed',
        completion: { kind: 'e_learning', score: auditScore },
      });
      const team = `courseId=${course.id}&fiscalYear=${completions[0]?.fiscal_year}&q=${staff.staff_number}`;
      const status = await (await admin.request(`/api/team/status?${team}`)).json();
      expect(status.items).toMatchObject([
        { staffId: staff.id, status: 'completed', score: auditScore },
      ]);
      const csv = await (await admin.request(`/api/team/status.csv?${team}`)).text();
      const rows = parse<Record<string, string>>(csv.replace('\uFEFF', '').trim(), {
        header: true,
      }).data;
      expect(rows).toMatchObject([{ status: 'completed', score: String(auditScore) }]);
    });
  }

  it('refuses a commit for another version than the one started, and hostile values', async () => {
    const { module } = await publishedPackage('1.2');
    const me = await signedInAs(t.app, t.db, (await makeStaff(t.db)).id);
    const url = `/api/e-learning/modules/${module.id}/scorm-runtime`;
    expect((await me.json(url, { ...blank, version: 2 }, 'PUT')).status).toBe(409);
    expect(
      (await me.json(url, { ...blank, version: 1, lessonStatus: 'hacked' }, 'PUT')).status,
    ).toBe(400);
    expect(
      (await me.json(url, { ...blank, version: 1, suspendData: 'x'.repeat(100_000) }, 'PUT'))
        .status,
    ).toBe(400);
    expect((await me.json(url, { ...blank, version: 1, location: 'a\u0000b' }, 'PUT')).status).toBe(
      400,
    );
  });
});
