import { enqueueMail, runInTransaction, type NewMail } from '@kenshu/db';
import { makeCourse, makeOrgUnit, makeSession, makeStaff } from '@kenshu/db/testing';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signedInAs } from '../support/auth.ts';
import { useTestDatabase } from '../support/database.ts';
import {
  spawnServer,
  stopServer,
  waitUntilListening,
  type ServerProcess,
} from '../support/server-process.ts';
import { startSmtpServer, type SmtpTestServer } from '../support/smtp.ts';
import { serverApi } from '../support/typed-api.ts';

/**
 * Two real API processes on two ports against one PostgreSQL database, both running jobs (pg-boss)
 * and delivering e-mail to one slow mail server: what a ministry's load balancer sees.
 */
const onPostgres = Boolean(process.env.DATABASE_URL);
const shared = useTestDatabase();
const TOKEN = 'two-instances-metrics-token';
const BATCH = 10;
const instances: Record<'a' | 'b', { server?: ServerProcess; base: string }> = {
  a: { base: '' },
  b: { base: '' },
};
let smtp: SmtpTestServer | undefined;

function start(name: 'a' | 'b') {
  return spawnServer({
    DATABASE_URL: shared.current.url ?? '',
    KENSHU_JOBS: 'on',
    KENSHU_METRICS_TOKEN: TOKEN,
    KENSHU_SMTP_URL: smtp?.url ?? '',
    // Which instance sent a message shows in its From address.
    KENSHU_MAIL_FROM: `Kenshu ${name} <${name}@instances.kenshu.example>`,
    KENSHU_MAIL_BATCH: String(BATCH),
    KENSHU_MAIL_CLAIM_SECONDS: '5',
    KENSHU_SMTP_CONNECTIONS: '2',
    KENSHU_JOB_HEARTBEAT_SECONDS: '10',
    KENSHU_SHUTDOWN_SECONDS: '5',
  });
}

async function until(what: string, check: () => Promise<boolean>, timeoutMs = 150_000) {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting until ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

async function outbox() {
  return shared.current.db
    .selectFrom('mail_outbox')
    .select(['id', 'status'])
    .where('status', 'in', ['queued', 'sending', 'sent'])
    .execute();
}

async function allSent() {
  const rows = await outbox();
  return rows.length > 0 && rows.every((r) => r.status === 'sent');
}

async function enqueue(count: number) {
  const { db } = shared.current;
  const unit = await makeOrgUnit(db);
  const people = await Promise.all(
    Array.from({ length: count }, () => makeStaff(db, { org_unit_id: unit.id })),
  );
  const mails: NewMail[] = people.map((p, i) => ({
    staff_id: p.id,
    kind: 'booking.made',
    reason: `two-instances-${unit.id}`,
    period: String(i),
    to_address: p.email ?? `${p.id}@test.kenshu.example`,
    locale: 'ja',
    subject: `Message ${i}`,
    body: 'A test message from the two-instance test.',
    calendar: [],
    status: 'queued',
    created_at: new Date(),
  }));
  return runInTransaction(db, (trx) => enqueueMail(trx, mails));
}

/**
 * `kenshu_job_runs_total` of one job in one instance, every outcome. A raw request: /metrics is
 * Prometheus text outside the typed API.
 */
async function runsOf(base: string, job: string): Promise<number> {
  const res = await fetch(`${base}/metrics`, { headers: { authorization: `Bearer ${TOKEN}` } });
  expect(res.status).toBe(200);
  const text = await res.text();
  let total = 0;
  for (const line of text.split('\n')) {
    if (line.startsWith('kenshu_job_runs_total{') && line.includes(`job="${job}"`))
      total += Number(line.split(' ').at(-1));
  }
  return total;
}

async function deliveryJobs() {
  const { rows } = await sql<{ state: string; n: number; retried: number }>`
    select state, count(*)::int as n, count(*) filter (where retry_count > 0)::int as retried
    from pgboss.job where name = 'mail.deliver' group by state`.execute(shared.current.db);
  const of = (state: string) => rows.find((r) => r.state === state) ?? { n: 0, retried: 0 };
  return { completed: of('completed').n, active: of('active').n, of, rows };
}

describe.skipIf(!onPostgres)(
  'two API processes on one PostgreSQL (skipped on the embedded database: it allows one process per data folder, so there is no second instance to coordinate with)',
  () => {
    beforeAll(async () => {
      smtp = await startSmtpServer({ delayMs: 150 });
      instances.a.server = start('a');
      instances.b.server = start('b');
      instances.a.base = await waitUntilListening(instances.a.server);
      instances.b.base = await waitUntilListening(instances.b.server);
      for (const { base } of Object.values(instances)) {
        await until('both instances are ready', async () => {
          const res = await serverApi(base).ready.$get();
          return res.status === 200;
        });
      }
    }, 180_000);
    afterAll(async () => {
      await stopServer(instances.a.server);
      await stopServer(instances.b.server);
      await smtp?.close();
    });

    it('never overbooks when people book through both instances at once', async () => {
      const { db } = shared.current;
      const unit = await makeOrgUnit(db);
      const course = await makeCourse(db);
      const session = await makeSession(db, { courseId: course.id, capacity: 15 });
      const people = await Promise.all(
        Array.from({ length: 60 }, () => makeStaff(db, { org_unit_id: unit.id })),
      );
      const clients = await Promise.all(
        people.map(async (p, i) => {
          const base = i % 2 === 0 ? instances.a.base : instances.b.base;
          // Only the sign-in's cookie and CSRF token are used: requests go by the typed client.
          return serverApi(base, await signedInAs({ request: fetch }, db, p.id));
        }),
      );
      const responses = await Promise.all(
        clients.map((api) => api.bookings.$post({ json: { sessionId: session.id } })),
      );
      expect(responses.map((r) => r.status).filter((s) => s !== 201)).toEqual([]);
      const after = await db
        .selectFrom('training_session')
        .select('seats_taken')
        .where('id', '=', session.id)
        .executeTakeFirstOrThrow();
      const rows = await db
        .selectFrom('booking')
        .select(['staff_id', 'status'])
        .where('session_id', '=', session.id)
        .execute();
      expect(after.seats_taken).toBe(15);
      expect(rows.filter((r) => r.status === 'confirmed')).toHaveLength(15);
      expect(rows.filter((r) => r.status === 'waitlisted')).toHaveLength(45);
      expect(new Set(rows.map((r) => r.staff_id)).size).toBe(60);
    }, 120_000);

    it('runs each scheduled delivery on one instance only, and sends each message once', async () => {
      await enqueue(30);
      await until('the outbox is delivered', allSent);
      // Each message reached the mail server exactly once, though both instances deliver.
      const sent = (await outbox()).map((r) => r.id).sort((x, y) => x - y);
      const received = smtp!.received.map((m) => m.outboxId).sort((x, y) => x - y);
      expect(received).toEqual(sent);
      // Let a few more occurrences of the 15-second schedule pass with both instances watching.
      const before = await deliveryJobs();
      await until('two more delivery runs', async () => {
        return (await deliveryJobs()).completed >= before.completed + 2;
      });
      // Every run either instance made is one queue job: an occurrence run on both would count twice.
      const settled = await deliveryJobs();
      const runs =
        (await runsOf(instances.a.base, 'mail.deliver')) +
        (await runsOf(instances.b.base, 'mail.deliver'));
      const bound = await deliveryJobs();
      expect(runs).toBeGreaterThanOrEqual(settled.completed);
      expect(runs).toBeLessThanOrEqual(bound.completed + bound.active);
      expect(runs).toBeGreaterThanOrEqual(3);
      // The 15-second schedule is kept, though pg-boss files a schedule at most once a minute:
      // each run files the next (jobs/pg-boss.ts), so some runs start well inside one minute.
      const { rows: starts } = await sql<{ started_on: Date }>`
        select started_on from pgboss.job
        where name = 'mail.deliver' and state = 'completed' order by started_on`.execute(
        shared.current.db,
      );
      const gaps = starts
        .slice(1)
        .map((r, i) => r.started_on.getTime() - starts[i]!.started_on.getTime());
      expect(Math.min(...gaps)).toBeLessThan(45_000);
    }, 240_000);

    it('loses nothing when the instance delivering is killed: the other finishes its run', async () => {
      smtp!.clear();
      const queued = await enqueue(40);
      await until('a few messages arrived', async () => smtp!.received.length >= 3);
      const first = smtp!.received[0]?.parsed.from?.value[0]?.address ?? '';
      const victim = first.startsWith('a@') ? 'a' : 'b';
      const survivor = victim === 'a' ? 'b' : 'a';
      const killed = instances[victim].server!;
      killed.child.kill('SIGKILL');
      await killed.exited;
      const receivedBeforeKill = smtp!.received.length;
      expect(receivedBeforeKill).toBeLessThan(40); // it really was mid-way

      await until('the survivor delivered everything', allSent, 200_000);
      const ids = queued.map((q) => q.id);
      const received = smtp!.received.map((m) => m.outboxId);
      // Nothing lost: every message arrived…
      expect(ids.filter((id) => !received.includes(id))).toEqual([]);
      // …and repeats only for the batch the killed instance held (the at-least-once window).
      expect(received.length - new Set(received).size).toBeLessThanOrEqual(BATCH);
      const fromSurvivor = smtp!.received
        .slice(receivedBeforeKill)
        .filter((m) => m.parsed.from?.value[0]?.address?.startsWith(`${survivor}@`));
      expect(fromSurvivor.length).toBeGreaterThan(0);
      // The queue job the killed instance held was failed over by its missing heartbeat and retried.
      await until('the dead run was retried', async () => {
        const jobs = await deliveryJobs();
        return jobs.rows.some((r) => r.retried > 0);
      });
    }, 300_000);
  },
);
