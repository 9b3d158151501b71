import { Writable } from 'node:stream';
import { createApp } from '@kenshu/api';
import { loadConfig, type Config } from '@kenshu/api/config';
import { createLogger } from '@kenshu/api/logger';
import { createMetrics } from '@kenshu/api/metrics';
import { makeOrgUnit } from '@kenshu/db/testing';
import { enqueueMail, latestMigration, runInTransaction } from '@kenshu/db';
import { startJobRunner } from '@kenshu/api/jobs';
import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import { makePerson, signedInAs } from '../support/auth.ts';
import { useTestDatabase } from '../support/database.ts';
import { passwordLinkToken, setPasswordWith, signInWith } from '../support/sign-in.ts';
import { staffImportCsv, staffImportsOf } from '../support/staff-import.ts';
import { failure, okBody, okStatus, publicApi } from '../support/typed-api.ts';

/**
 * The JSON log and the operator endpoints. The log is captured while people sign in (right and
 * wrong), set a password from a link and an admin runs a staff import: every line is JSON with a
 * request id, and none holds a password, token, cookie or anyone's name, e-mail or staff number.
 */
const database = useTestDatabase();
const METRICS_TOKEN = 'metrics-token-0123456789abcdef';
const lines: string[] = [];
const capture = new Writable({
  write(chunk: Buffer, _encoding, done) {
    lines.push(...chunk.toString('utf8').split('\n').filter(Boolean));
    done();
  },
});

let draining = false;
let app: ReturnType<typeof createApp>;
function build(overrides: Partial<Config> = {}) {
  return createApp({
    database: database.current,
    config: {
      ...loadConfig({}),
      seed: 'none',
      jobs: false,
      metricsToken: METRICS_TOKEN,
      ...overrides,
    },
    logger: createLogger('info', capture),
    metrics: createMetrics(),
    lifecycle: { jobsRunning: () => false, draining: () => draining },
  });
}
beforeAll(() => {
  app = build();
});

const PASSWORD = 'correct horse battery staple';
const NEW_PASSWORD = 'a brand new long password';

const signIn = (login: string, password: string) => signInWith(app, login, password);

describe('the JSON log', () => {
  it('holds no secret or personal data through sign-in, set-password and a staff import', async () => {
    const db = database.current.db;
    const admin = await makePerson(db, ['admin']);
    const adminClient = await signedInAs(app, db, admin.id);
    const unit = await makeOrgUnit(db);
    const newcomer = await makePerson(db, [], {
      family_name: '秘密',
      given_name: '花子',
      email: 'hanako.secret@example.go.jp',
    });
    lines.length = 0;

    // A set-password link, used: the token travels in the body.
    const token = await passwordLinkToken(app, adminClient, newcomer.id);
    await okStatus(setPasswordWith(app, token, NEW_PASSWORD), 204);

    // A wrong password, then the right one (which sets a session cookie).
    expect((await failure(signIn(newcomer.staff_number, PASSWORD))).status).toBe(401);
    const good = await signIn('hanako.secret@example.go.jp', NEW_PASSWORD);
    expect(good.status).toBe(200);
    const cookie = good.headers.get('set-cookie') ?? '';
    const sessionToken = /kenshu_session=([^;]+)/.exec(cookie)?.[1] ?? '';
    expect(sessionToken).not.toBe('');

    // A staff import with a person's name, e-mail and staff number in it.
    const csv = staffImportCsv(
      [{ code: unit.code, ja: unit.name_ja, en: unit.name_en }],
      [
        {
          number: 'RX90001',
          unit: unit.code,
          family: '名簿',
          given: '次郎',
          email: 'jiro.staff@example.go.jp',
        },
      ],
    );
    const imports = staffImportsOf(app, adminClient);
    const { checksum } = await okBody(imports.preview(csv, { mode: 'partial' }), 200);
    await okBody(imports.apply(csv, { mode: 'partial', checksum }), 200);

    expect(lines.length).toBeGreaterThanOrEqual(6);
    const entries = lines.map((line) => JSON.parse(line) as Record<string, unknown>);
    for (const entry of entries) {
      expect(entry.requestId, JSON.stringify(entry)).toEqual(expect.any(String));
      expect(entry.level).toEqual(expect.any(String));
      expect(entry.time).toEqual(expect.any(String));
    }
    expect(entries.filter((e) => e.route === '/api/auth/sign-in').map((e) => e.status)).toEqual([
      401, 200,
    ]);
    const everything = lines.join('\n');
    for (const secret of [
      PASSWORD,
      NEW_PASSWORD,
      token,
      sessionToken,
      adminClient.csrfToken,
      adminClient.cookie.split('=')[1] ?? 'no cookie',
      newcomer.staff_number,
      'hanako.secret@example.go.jp',
      '秘密',
      'RX90001',
      'jiro.staff@example.go.jp',
      '名簿',
      checksum,
    ]) {
      expect(everything, `the log holds "${secret}"`).not.toContain(secret);
    }
  });

  it('stamps the request line with the request id the client sent', async () => {
    lines.length = 0;
    const broken = build({ webDist: '/nonexistent' });
    const res = await publicApi(broken).health.$get(
      {},
      { headers: { 'x-request-id': 'trace-me-123' } },
    );
    expect(res.headers.get('x-request-id')).toBe('trace-me-123');
    const entry = JSON.parse(lines.at(-1) ?? '{}');
    expect(entry).toMatchObject({ requestId: 'trace-me-123', route: '/api/health', status: 200 });
  });
});

describe('readiness', () => {
  it('is ready with the database reachable and migrations current, and 503 when draining', async () => {
    const ready = () => publicApi(app).ready.$get();
    expect(await okBody(ready(), 200)).toMatchObject({
      status: 'ready',
      checks: { database: true, migrations: true, jobs: true, accepting: true },
      migration: latestMigration,
    });
    draining = true;
    const closing = await ready();
    draining = false;
    expect(closing.status).toBe(503);
    expect((await closing.json()).checks.accepting).toBe(false);
  });

  it('is not ready while an instance meant to run jobs has none running', async () => {
    const res = await publicApi(build({ jobs: true })).ready.$get();
    expect(res.status).toBe(503);
    expect((await res.json()).checks.jobs).toBe(false);
  });

  it('is not ready when the database is behind this code', async () => {
    const db = database.current.db;
    // As if this code brought a migration the database has not had yet.
    await sql`delete from kysely_migration where name = ${latestMigration}`.execute(db);
    try {
      const res = await publicApi(app).ready.$get();
      expect(res.status).toBe(503);
      expect((await res.json()).checks).toMatchObject({ database: true, migrations: false });
    } finally {
      await sql`insert into kysely_migration (name, timestamp)
        values (${latestMigration}, ${new Date().toISOString()})`.execute(db);
    }
  });
});

// /metrics is Prometheus text outside the API, which the typed client does not know: raw requests.
describe('/metrics', () => {
  it('answers only with the token, in Prometheus format, counting requests and failed sign-ins', async () => {
    expect((await app.request('/metrics')).status).toBe(401);
    const wrong = await app.request('/metrics', {
      headers: { authorization: 'Bearer metrics-token-0123456789abcdeX' },
    });
    expect(wrong.status).toBe(401);
    await signIn('nobody-here', 'wrong password');
    const res = await app.request('/metrics', {
      headers: { authorization: `Bearer ${METRICS_TOKEN}` },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/text\/plain/);
    const text = await res.text();
    expect(text).toMatch(
      /kenshu_http_request_duration_seconds_count\{[^}]*route="\/api\/ready"[^}]*\} \d+/,
    );
    expect(text).toMatch(/kenshu_sign_in_failures_total\{[^}]*status="401"[^}]*\} [1-9]/);
  });

  it('shows the job queue (depth and failures, by job) and the outbox backlog', async () => {
    const metrics = createMetrics();
    const config = {
      ...loadConfig({}),
      seed: 'none' as const,
      jobs: true,
      metricsToken: METRICS_TOKEN,
      databaseUrl: database.current.url,
    };
    const observed = createApp({
      database: database.current,
      config,
      logger: createLogger('info', capture),
      metrics,
    });
    // A job that never comes due by itself: asked for once, it waits in the queue.
    const probe = {
      name: 'metrics-probe',
      schedule: '0 0 1 1 *',
      run: async () => ({ changed: 0 }),
    };
    const runner = await startJobRunner(database.current, [probe], config, undefined, {
      logger: createLogger('info', capture),
      metrics,
    });
    try {
      const staff = await makePerson(database.current.db, []);
      await runInTransaction(database.current.db, (trx) =>
        enqueueMail(trx, [
          {
            staff_id: staff.id,
            kind: 'booking.made',
            reason: 'metrics-test',
            period: 'once',
            to_address: 'metrics@example.go.jp',
            locale: 'ja',
            subject: 'Waiting',
            body: 'A message waiting in the outbox.',
            calendar: [],
            status: 'queued',
            created_at: new Date(),
          },
        ]),
      );
      const res = await observed.request('/metrics', {
        headers: { authorization: `Bearer ${METRICS_TOKEN}` },
      });
      expect(res.status).toBe(200);
      const text = await res.text();
      const value = (name: string) => {
        const line = text
          .split('\n')
          .find(
            (l) =>
              l.startsWith(`${name}{`) &&
              (!name.startsWith('kenshu_job_') || l.includes('job="metrics-probe"')),
          );
        expect(line, `${name} has a value line`).toBeDefined();
        return Number(line?.split(' ').at(-1));
      };
      expect(value('kenshu_job_queue_depth')).toBeGreaterThanOrEqual(0);
      expect(value('kenshu_job_queue_failed')).toBe(0);
      expect(value('kenshu_outbox_backlog')).toBeGreaterThanOrEqual(1);
    } finally {
      await runner.stop(5000);
    }
  });

  it('does not exist without a configured token', async () => {
    const res = await build({ metricsToken: undefined }).request('/metrics', {
      headers: { authorization: `Bearer ${METRICS_TOKEN}` },
    });
    expect(res.status).toBe(404);
  });
});
