import { makeCourse, makeOrgUnit, makeSession, makeStaff } from '@kenshu/db/testing';
import { describe, expect, it } from 'vitest';
import { signedInAs, type SignedInClient } from '../support/auth.ts';
import { waitUntilListening, useServerProcesses } from '../support/server-process.ts';

/**
 * A deploy sends SIGTERM while people are booking. The real server process must answer every
 * request it had taken, then exit 0: every booking in the database was answered 201, and every 201
 * is in the database. Requests that arrive after it stopped listening are refused (the load
 * balancer's /api/ready already said 503), never half-done.
 */
const { withDatabase, start } = useServerProcesses('shutdown');

const PEOPLE = 60;

describe('SIGTERM during a burst of bookings', () => {
  it('finishes every request it had taken, loses no booking, and exits 0', async () => {
    let base = '';
    const http = {
      request: (input: string, init?: RequestInit) =>
        fetch(input.replace('http://localhost', base), init),
    };
    const { sessionId, people } = await withDatabase(async ({ db }) => {
      const unit = await makeOrgUnit(db);
      const course = await makeCourse(db);
      const session = await makeSession(db, { courseId: course.id, capacity: 40 });
      const staff = await Promise.all(
        Array.from({ length: PEOPLE }, () => makeStaff(db, { org_unit_id: unit.id })),
      );
      const clients: SignedInClient[] = await Promise.all(
        staff.map((p) => signedInAs(http, db, p.id)),
      );
      return { sessionId: session.id, people: clients };
    });

    const running = start({ KENSHU_SHUTDOWN_SECONDS: '60' });
    base = await waitUntilListening(running);

    let signalledAt = 0;
    const outcomes = await Promise.all(
      people.map(async (person) => {
        // The first answer is the cue: by then the rest are queued inside the server.
        const res = await person
          .json('/api/bookings', { sessionId })
          .catch((error: unknown) => ({ error }));
        if (signalledAt === 0 && 'status' in res) {
          signalledAt = performance.now();
          running.child.kill('SIGTERM');
        }
        return 'status' in res
          ? { staffId: person.staffId, status: res.status, at: performance.now() }
          : { staffId: person.staffId, status: 0, at: performance.now() };
      }),
    );
    const exit = await running.exited;
    expect(exit, running.output()).toEqual({ code: 0, signal: null });
    expect(signalledAt).toBeGreaterThan(0);

    const answered = outcomes.filter((o) => o.status === 201);
    // Requests were still being answered after SIGTERM: it drained rather than dropped them.
    expect(answered.filter((o) => o.at > signalledAt).length).toBeGreaterThan(0);
    // Nothing else: a request either got its booking (201) or was never taken (status 0).
    expect(outcomes.filter((o) => o.status !== 201 && o.status !== 0)).toEqual([]);

    const booked = await withDatabase(({ db }) =>
      db
        .selectFrom('booking')
        .select('staff_id')
        .where('session_id', '=', sessionId)
        .where('status', '!=', 'cancelled')
        .execute(),
    );
    const byId = (a: number, b: number) => a - b;
    expect(booked.map((b) => b.staff_id).sort(byId)).toEqual(
      answered.map((o) => o.staffId).sort(byId),
    );

    const log = running.output();
    expect(log).toContain('"msg":"shutting down"');
    expect(log).toMatch(/"requestsDone":true,"jobsDone":true,"msg":"stopped"/);
  }, 240_000);
});
