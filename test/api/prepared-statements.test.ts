import { executePrepared, preparedStatement } from '@kenshu/db';
import { makeCourse, makeOrgUnit, makeSession } from '@kenshu/db/testing';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { useTestDatabase } from '../support/database.ts';

/**
 * executePrepared keeps a hot statement's plan for the connection as a named statement, on
 * PostgreSQL through node-postgres, on the embedded database through PGlite's wire protocol.
 * Either way the caller must get exactly what the statement as text gives, types included,
 * inside and outside transactions, and its errors as the text's errors.
 */

const database = useTestDatabase();

/** A statement with the shapes booking's use: parameters of several types, a CTE that writes. */
interface TakenSeat {
  id: number;
  seats_taken: number;
  starts_at: Date;
  label: string;
  taken: { id: number; seats: number }[];
}
const takeSeat = (sessionId: number, at: Date, label: string) => sql<TakenSeat>`
  with s as (
    select id from training_session where id = ${sessionId} and starts_at > ${at} for update
  ), seat as (
    update training_session t set seats_taken = t.seats_taken + 1
    from s where t.id = s.id
    returning t.id, t.seats_taken
  )
  select t.id, seat.seats_taken, t.starts_at, ${label}::text as label,
    (select coalesce(jsonb_agg(jsonb_build_object('id', id, 'seats', seats_taken)), '[]')
     from seat) as taken
  from training_session t join seat on seat.id = t.id`;

describe('executePrepared', () => {
  it('returns the rows the statement gives as text, typed the same, every time', async () => {
    const { db } = database.current;
    const course = await makeCourse(db);
    const session = await makeSession(db, { courseId: course.id, capacity: 10 });
    const at = new Date(session.starts_at.getTime() - 86_400_000);

    const asText = await takeSeat(session.id, at, '予約 "one"').execute(db);
    const first = await executePrepared(
      db,
      'test_take_seat',
      takeSeat(session.id, at, '二').compile(db),
    );
    const second = await executePrepared(
      db,
      'test_take_seat',
      takeSeat(session.id, at, '三').compile(db),
    );

    expect(asText.rows).toEqual([
      {
        id: session.id,
        seats_taken: 1,
        starts_at: session.starts_at,
        label: '予約 "one"',
        taken: [{ id: session.id, seats: 1 }],
      },
    ]);
    expect(first.rows).toEqual([
      {
        id: session.id,
        seats_taken: 2,
        starts_at: session.starts_at,
        label: '二',
        taken: [{ id: session.id, seats: 2 }],
      },
    ]);
    expect(second.rows[0]).toMatchObject({ seats_taken: 3, label: '三' });
    expect(second.rows[0]?.starts_at).toBeInstanceOf(Date);
    // A statement that finds nothing gives no rows rather than a row of nulls.
    const late = new Date(session.starts_at.getTime() + 1);
    const none = await executePrepared(
      db,
      'test_take_seat',
      takeSeat(session.id, late, '四').compile(db),
    );
    expect(none.rows).toEqual([]);
  });

  it('keeps the statement as a named statement of the connection', async () => {
    const { db } = database.current;
    const unit = await makeOrgUnit(db);
    const kept = await db.connection().execute(async (connection) => {
      const query = connection.selectFrom('org_unit').select('code').where('id', '=', unit.id);
      const { rows } = await executePrepared(connection, 'test_kept', query.compile());
      expect(rows).toEqual([{ code: unit.code }]);
      const found = sql<{ n: number }>`select count(*)::int as n from pg_prepared_statements
        where name = 'test_kept' and not from_sql`;
      return (await found.execute(connection)).rows[0]?.n;
    });
    expect(kept).toBe(1);
  });

  it('runs inside a transaction, and a rollback takes its writes and leaves the statement usable', async () => {
    const { db } = database.current;
    const course = await makeCourse(db);
    const session = await makeSession(db, { courseId: course.id, capacity: 10 });
    const at = new Date(session.starts_at.getTime() - 86_400_000);
    // Another text than the first test's (one text, one name).
    const query = () =>
      sql<TakenSeat>`-- in a transaction\n${takeSeat(session.id, at, 'x')}`.compile(db);

    // The first use of this name is inside a transaction that is rolled back.
    await expect(
      db.transaction().execute(async (trx) => {
        const inside = await executePrepared(trx, 'test_take_seat_in_transaction', query());
        expect(inside.rows[0]?.seats_taken).toBe(1);
        throw new Error('roll back');
      }),
    ).rejects.toThrow('roll back');
    const after = await executePrepared(db, 'test_take_seat_in_transaction', query());
    expect(after.rows[0]?.seats_taken).toBe(1);
    await db.transaction().execute(async (trx) => {
      const again = await executePrepared(trx, 'test_take_seat_in_transaction', query());
      expect(again.rows[0]?.seats_taken).toBe(2);
    });
    const row = await db
      .selectFrom('training_session')
      .select('seats_taken')
      .where('id', '=', session.id)
      .executeTakeFirstOrThrow();
    expect(row.seats_taken).toBe(2);
  });

  it('fails as the text fails, and the connection goes on', async () => {
    const { db } = database.current;
    const unit = await makeOrgUnit(db);
    // Writing a unit with a code that is taken: the unique index refuses it.
    const copy = () =>
      sql<{ id: number }>`insert into org_unit (code, kind, name_ja, name_en, path, depth)
        select code, kind, name_ja, name_en, path, depth from org_unit where id = ${unit.id}
        returning id`.compile(db);
    const refused = await executePrepared(db, 'test_copy_unit', copy()).catch((e: unknown) => e);
    expect(refused).toMatchObject({ code: '23505' });
    // Again, now that the statement is kept, and inside a transaction that then rolls back.
    await expect(executePrepared(db, 'test_copy_unit', copy())).rejects.toMatchObject({
      code: '23505',
    });
    await expect(
      db.transaction().execute((trx) => executePrepared(trx, 'test_copy_unit', copy())),
    ).rejects.toMatchObject({ code: '23505' });
    // A statement with no rows to return gives its count of rows changed.
    const rename = db
      .updateTable('org_unit')
      .set({ name_en: 'Renamed' })
      .where('id', '=', unit.id)
      .compile();
    const renamed = await executePrepared(db, 'test_rename_unit', rename);
    expect(renamed.rows).toEqual([]);
    expect(renamed.numAffectedRows).toBe(1n);
    const row = await db
      .selectFrom('org_unit')
      .select('name_en')
      .where('id', '=', unit.id)
      .executeTakeFirstOrThrow();
    expect(row.name_en).toBe('Renamed');
  });

  it('refuses a name given two texts, and a name that is not a plain word', async () => {
    const { db } = database.current;
    const unit = await makeOrgUnit(db);
    const one = db.selectFrom('org_unit').select('id').where('id', '=', unit.id);
    await executePrepared(db, 'test_one_text', one.compile());
    await expect(
      executePrepared(db, 'test_one_text', one.select('code').compile()),
    ).rejects.toThrow(/written two ways/);
    await expect(executePrepared(db, 'test_other_name', one.compile())).rejects.toThrow(
      /also named/,
    );
    const two = db.selectFrom('org_unit').select(['id', 'code']).where('id', '=', unit.id);
    await expect(executePrepared(db, 'x; drop table staff', two.compile())).rejects.toThrow(
      /name x; drop/,
    );
  });

  describe('preparedStatement', () => {
    const unitNamed = preparedStatement(
      'test_unit_named',
      (db, v: { id: number; suffix: string }) =>
        sql<{ code: string; named: string }>`select code, name_en || ${v.suffix} as named
          from org_unit where id = ${v.id}`.compile(db),
    );

    it('builds the text once and runs it with the values of each call', async () => {
      const { db } = database.current;
      const [a, b] = [await makeOrgUnit(db), await makeOrgUnit(db)];
      const first = await unitNamed(db, { id: a.id, suffix: ' (1)' });
      const second = await unitNamed(db, { id: b.id, suffix: ' (2)' });
      expect(first.rows).toEqual([{ code: a.code, named: `${a.name_en} (1)` }]);
      expect(second.rows).toEqual([{ code: b.code, named: `${b.name_en} (2)` }]);
      await expect(unitNamed(db, { id: a.id } as never)).rejects.toThrow(/needs suffix/);
    });

    it('refuses a statement that reads a value, or places one nested, instead of placing it', async () => {
      const { db } = database.current;
      const reads = preparedStatement('test_reads_value', (db, v: { kinds: string[] }) =>
        sql`select ${JSON.stringify(v.kinds)}::jsonb`.compile(db),
      );
      await expect(reads(db, { kinds: ['a'] })).rejects.toThrow(/kinds was read/);
      const nested = preparedStatement('test_nested_value', (db, v: { row: { id: number } }) =>
        sql`select ${v.row.id}::integer`.compile(db),
      );
      await expect(nested(db, { row: { id: 1 } })).rejects.toThrow(/pass values flat/);
    });
  });
});
