import { loadConfig } from '@kenshu/api/config';
import { bookSession } from '@kenshu/api/bookings';
import { insertStaff, type Staff } from '@kenshu/db';
import { makeCourse, makeOrgUnit, makeSession } from '@kenshu/db/testing';
import { actingAs } from '../acting-as.ts';
import { formatNumber, type Benchmark } from '../harness.ts';

const CLIENTS = 64;
const BOOKINGS = 1_280;
const CAPACITY = 1_000;

/** Runs `work` for every item with at most `clients` in flight, like 64 browsers at once. */
async function withClients<T>(
  items: readonly T[],
  clients: number,
  work: (item: T) => Promise<void>,
) {
  let next = 0;
  await Promise.all(
    Array.from({ length: clients }, async () => {
      while (next < items.length) {
        const item = items[next++];
        if (item !== undefined) await work(item);
      }
    }),
  );
}

/**
 * Booking throughput under 64 concurrent clients on one popular session (capacity 1,000, so the
 * last 280 land on the waitlist): the real booking service (row lock, audience, one-seat rule,
 * waitlist) against a bare conditional update of the seat counter plus an insert, the least any
 * correct booking can do. Overbooking is checked after every run.
 */
export const booking: Benchmark = {
  name: 'booking',
  description: `${BOOKINGS} bookings by ${CLIENTS} concurrent clients, vs. a bare conditional update`,
  async run(ctx) {
    const config = loadConfig({});
    const unit = await makeOrgUnit(ctx.db);
    const people: Staff[] = await insertStaff(
      ctx.db,
      Array.from({ length: BOOKINGS }, (_, i) => ({
        staff_number: `BB${String(i).padStart(6, '0')}`,
        family_name: '予約',
        given_name: `${i}`,
        family_name_kana: 'よやく',
        given_name_kana: `${i}`,
        email: `bench-booking-${i}@example.jp`,
        org_unit_id: unit.id,
        employment_type: 'regular' as const,
      })),
    );
    const course = await makeCourse(ctx.db);
    await ctx.exec('CREATE TABLE bare_booking (session_id int, staff_id int)');
    let sessionId = 0;
    const overbooked: string[] = [];

    const { subject, baseline } = await ctx.compare(
      {
        label: 'booking service',
        reset: async () => {
          sessionId = (await makeSession(ctx.db, { courseId: course.id, capacity: CAPACITY })).id;
        },
        run: async () => {
          await withClients(people, CLIENTS, async (p) => {
            await bookSession({
              ctx: actingAs(ctx.db, p.id, { config }),
              input: { sessionId },
            });
          });
          const s = await ctx.db
            .selectFrom('training_session')
            .select(['seats_taken', 'capacity'])
            .where('id', '=', sessionId)
            .executeTakeFirstOrThrow();
          if (s.seats_taken > s.capacity) overbooked.push(`${s.seats_taken}/${s.capacity}`);
          // The next round books the same people again, on a new session.
          await ctx.exec(`UPDATE booking SET status = 'cancelled' WHERE session_id = ${sessionId}`);
        },
      },
      {
        label: 'bare conditional update',
        reset: async () => {
          sessionId = (await makeSession(ctx.db, { courseId: course.id, capacity: CAPACITY })).id;
          await ctx.exec('TRUNCATE bare_booking');
        },
        run: async () => {
          await withClients(people, CLIENTS, async (p) => {
            await ctx.db.transaction().execute(async (trx) => {
              const seat = await trx
                .updateTable('training_session')
                .set((eb) => ({ seats_taken: eb('seats_taken', '+', 1) }))
                .where('id', '=', sessionId)
                .whereRef('seats_taken', '<', 'capacity')
                .executeTakeFirst();
              if (Number(seat.numUpdatedRows ?? 0) > 0) {
                await trx
                  .insertInto('bare_booking' as never)
                  .values({ session_id: sessionId, staff_id: p.id } as never)
                  .execute();
              }
            });
          });
        },
      },
    );
    if (overbooked.length) throw new Error(`Overbooked: ${overbooked.join(', ')}`);
    const perSecond = (ms: number) => formatNumber(Math.round((BOOKINGS / ms) * 1000));
    return {
      subject,
      baseline,
      figures: [
        ['bookings/s', `${perSecond(subject.medianMs)} vs ${perSecond(baseline.medianMs)}`],
        ['overbooked runs', '0'],
      ],
    };
  },
};
