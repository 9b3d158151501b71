import { spawn } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { serve } from '@hono/node-server';
import { createApp } from '@kenshu/api';
import { bookSession } from '@kenshu/api/bookings';
import { loadConfig } from '@kenshu/api/config';
import { insertSignInSession } from '@kenshu/db';
import { makeCourse, makeOrgUnit, makeSession, makeStaff } from '@kenshu/db/testing';
import type { CompiledQuery, KyselyPlugin } from 'kysely';
import {
  spawnServer,
  stopServer,
  waitUntilListening,
  type ServerProcess,
} from '../../support/server-process.ts';
import {
  formatNumber,
  median,
  type BenchContext,
  type Benchmark,
  type Measured,
} from '../harness.ts';
import type { LoadResult } from '../load-client.ts';
import { actingAs } from '../acting-as.ts';

const root = fileURLToPath(new URL('../../..', import.meta.url));
const PATH = '/api/me/training';
const CONNECTIONS = 16;
const SECONDS = Number(process.env.BENCH_LOAD_SECONDS ?? 4);

/** Runs test/bench/load-client.ts (autocannon) in its own process and returns what it measured. */
async function loadRun(urls: string[], cookie: string): Promise<LoadResult> {
  const child = spawn(
    process.execPath,
    [
      '--import',
      'tsx',
      'test/bench/load-client.ts',
      JSON.stringify({
        urls: urls.map((u) => `${u}${PATH}`),
        // What a browser sends: its session cookie, and that it takes compressed answers.
        headers: { cookie, 'accept-encoding': 'gzip, br', accept: 'application/json' },
        seconds: SECONDS,
        connections: CONNECTIONS,
      }),
    ],
    { cwd: root, stdio: ['ignore', 'pipe', 'inherit'] },
  );
  let out = '';
  child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
  const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
  if (code !== 0) throw new Error(`the load client exited with ${code}: ${out}`);
  const result = JSON.parse(out.trim().split('\n').at(-1) ?? '{}') as LoadResult;
  if (result.non2xx > 0 || result.errors > 0 || result.total === 0) {
    throw new Error(`the load run failed: ${JSON.stringify(result)}`);
  }
  return result;
}

/**
 * The baseline: the SQL statements one request sends (recorded once, compiled), replayed
 * directly through the same connection pool by as many workers as the load has connections,
 * for the same time. No HTTP, no routing, no validation, no JSON.
 */
async function replayRun(ctx: BenchContext, statements: readonly CompiledQuery[]) {
  const latencies: number[] = [];
  const until = performance.now() + SECONDS * 1000;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: CONNECTIONS }, async () => {
      while (performance.now() < until) {
        const t = performance.now();
        for (const statement of statements) await ctx.db.executeQuery(statement);
        latencies.push(performance.now() - t);
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  const sorted = latencies.sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
  return { requestsPerSecond: latencies.length / seconds, p50: at(0.5), p99: at(0.99) };
}

/** A learner with a realistic My training: six required courses, three booked, notices. */
async function seedLearner(ctx: BenchContext) {
  const config = loadConfig({});
  const unit = await makeOrgUnit(ctx.db);
  const learner = await makeStaff(ctx.db, { org_unit_id: unit.id });
  for (let i = 0; i < 6; i++) {
    const course = await makeCourse(ctx.db);
    const first = await makeSession(ctx.db, { courseId: course.id, capacity: 40 });
    await makeSession(ctx.db, { courseId: course.id, capacity: 40, startsInHours: 24 * 20 });
    if (i % 2 === 0) {
      await bookSession({
        ctx: actingAs(ctx.db, learner.id, { config }),
        input: { sessionId: first.id },
      });
    }
  }
  const token = randomBytes(32).toString('base64url');
  const now = new Date();
  await insertSignInSession(ctx.db, {
    token_hash: createHash('sha256').update(token).digest('hex'),
    staff_id: learner.id,
    csrf_token: randomBytes(32).toString('base64url'),
    created_at: now,
    last_seen_at: now,
    expires_at: new Date(now.getTime() + 12 * 3600_000),
    user_agent: 'bench',
    client_address: '127.0.0.1',
  });
  return `kenshu_session=${token}`;
}

const perRequest = (label: string, rates: number[]): Measured => {
  const runsMs = rates.map((r) => 1000 / r);
  return { label, runsMs, medianMs: median(runsMs) };
};
const ms = (n: number) => `${n < 10 ? n.toFixed(1) : formatNumber(n)} ms`;

/**
 * The most common request under load: a signed-in learner opening My training (GET
 * /api/me/training, what the page asks for) from 16 connections for a few seconds, against the
 * same request's own SQL statements replayed directly. One instance (in this process on the
 * embedded database, which one process owns; a child process on PostgreSQL) and, on PostgreSQL,
 * two instances (two processes on two ports, the load spread over both).
 */
export const myTrainingLoad: Benchmark = {
  name: 'my-training-load',
  description: `GET ${PATH} by ${CONNECTIONS} connections for ${SECONDS} s vs. its SQL replayed directly`,
  async run(ctx) {
    const cookie = await seedLearner(ctx);
    const config = { ...loadConfig({}), seed: 'none' as const, jobs: false };
    const database = { db: ctx.db, kind: ctx.kind, close: async () => undefined };

    // Record the statements one request sends.
    let recording = false;
    const statements: CompiledQuery[] = [];
    const recorder: KyselyPlugin = {
      transformQuery({ node, queryId }) {
        if (recording) statements.push(ctx.db.getExecutor().compileQuery(node, queryId));
        return node;
      },
      transformResult: async ({ result }) => result,
    };
    const recordingApp = createApp({
      database: { ...database, db: ctx.db.withPlugin(recorder) },
      config,
    });
    recording = true;
    const probe = await recordingApp.request(PATH, { headers: { cookie } });
    recording = false;
    if (probe.status !== 200) throw new Error(`${PATH} answered ${probe.status}`);

    const servers: ServerProcess[] = [];
    let bases: string[] = [];
    let closeInProcess: (() => Promise<void>) | undefined;
    try {
      let oneUrl: string;
      if (ctx.kind === 'postgres' && ctx.url) {
        // Logging at the production default (info): a JSON line per request is part of the cost.
        const env = { DATABASE_URL: ctx.url };
        servers.push(spawnServer(env), spawnServer(env));
        bases = await Promise.all(servers.map((s) => waitUntilListening(s)));
        oneUrl = bases[0] ?? '';
      } else {
        const app = createApp({ database, config });
        const server = await new Promise<ReturnType<typeof serve>>((resolve) => {
          const s = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve(s));
        });
        const address = server.address();
        oneUrl = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
        closeInProcess = () => new Promise((resolve) => server.close(() => resolve()));
      }

      const one: LoadResult[] = [];
      const two: LoadResult[] = [];
      const direct: Awaited<ReturnType<typeof replayRun>>[] = [];
      for (let i = 0; i < ctx.repeat; i++) {
        direct.push(await replayRun(ctx, statements));
        one.push(await loadRun([oneUrl], cookie));
        if (bases.length === 2) two.push(await loadRun(bases, cookie));
      }
      const mid = <T>(runs: T[], key: (r: T) => number) => median(runs.map(key));
      const rps = (runs: { requestsPerSecond: number }[]) => mid(runs, (r) => r.requestsPerSecond);
      const ratioOf = (runs: { requestsPerSecond: number }[]) =>
        `${(rps(runs) / rps(direct)).toFixed(2)}×`;
      const figures: [string, string][] = [
        [
          'req/s',
          `${formatNumber(rps(one))} (one instance) vs ${formatNumber(rps(direct))} (SQL direct)`,
        ],
        [
          'p50/p99',
          `${ms(mid(one, (r) => r.p50))} / ${ms(mid(one, (r) => r.p99))} vs ` +
            `${ms(mid(direct, (r) => r.p50))} / ${ms(mid(direct, (r) => r.p99))}`,
        ],
        ['statements per request', String(statements.length)],
      ];
      if (two.length > 0) {
        figures.push(
          ['two instances req/s', `${formatNumber(rps(two))} (${ratioOf(two)} of SQL direct)`],
          [
            'two instances p50/p99',
            `${ms(mid(two, (r) => r.p50))} / ${ms(mid(two, (r) => r.p99))}`,
          ],
        );
      }
      return {
        subject: perRequest(
          'one instance, time per request',
          one.map((r) => r.requestsPerSecond),
        ),
        baseline: perRequest(
          'SQL direct',
          direct.map((r) => r.requestsPerSecond),
        ),
        ratio: `${ratioOf(one)} req/s`,
        figures,
      };
    } finally {
      await closeInProcess?.();
      await Promise.all(servers.map((s) => stopServer(s)));
    }
  },
};
