import { sql, type RawBuilder, type SqlBool } from 'kysely';
import type { Executor } from '../connection.ts';
import type { Kysely, Transaction } from 'kysely';
import type { DB, MailOutboxRow, MailStatus } from '../schema.ts';
import { escapeLike } from './like.ts';

/** An e-mail decided and written, ready for the outbox: the row's own columns, as stored. */
export type NewMail = Pick<
  MailOutboxRow,
  | 'staff_id'
  | 'kind'
  | 'reason'
  | 'period'
  | 'to_address'
  | 'locale'
  | 'subject'
  | 'body'
  | 'calendar'
  // When the decision was made (the clock of the request or job).
  | 'created_at'
> & {
  status: Extract<MailStatus, 'queued' | 'no_address' | 'opted_out'>;
  /** The in-app notice's facts, written with the e-mail when it is new; null for none. */
  notice?: object | null;
};

/**
 * Writes e-mails into the outbox in the caller's transaction, and each new one's in-app notice,
 * as one statement whatever their number. A message already decided for the same (person,
 * reason, period) is left alone, and gets no second notice; the rows written are returned.
 */
export async function enqueueMail(
  trx: Transaction<DB>,
  mails: readonly NewMail[],
): Promise<{ id: number; staff_id: number; reason: string; period: string }[]> {
  if (mails.length === 0) return [];
  const { rows: written } = await sql<{
    id: number;
    staff_id: number;
    reason: string;
    period: string;
  }>`with ${outboxWrites(outboxRows(mails))} select id, staff_id, reason, period from written`.execute(
    trx,
  );
  return written;
}

/**
 * E-mails as the one JSON value outboxWrites reads them from: one parameter rather than 12 per
 * row, as a daily run writes tens of thousands of rows and a statement takes at most 65,535.
 */
export function outboxRows(mails: readonly NewMail[]): string {
  return JSON.stringify(
    mails.map((m) => ({
      ...m,
      calendar: m.calendar,
      created_at: m.created_at.toISOString(),
      notice: m.notice ?? null,
    })),
  );
}

/**
 * The WITH items (`m`, `written`, `noticed`) that write the e-mails in `rows` (outboxRows) and
 * their notices in one round trip, for a statement that writes something else too (a booking
 * with its e-mail); written only `when`.
 */
export function outboxWrites(rows: string, when: RawBuilder<unknown> = sql`true`) {
  return sql`m as (
      select * from jsonb_to_recordset(${rows}::jsonb) as m(
        staff_id integer, kind text, reason text, period text, to_address text, locale text,
        subject text, body text, calendar jsonb, status text, created_at timestamptz,
        notice jsonb)
    ), written as (
      insert into mail_outbox
        (staff_id, kind, reason, period, to_address, locale, subject, body, calendar, status,
         next_attempt_at, created_at)
      select staff_id, kind, reason, period, to_address, locale, subject, body, calendar, status,
             created_at, created_at
      from m
      where ${when}
      on conflict (staff_id, reason, period) do nothing
      returning id, staff_id, reason, period
    ), noticed as (
      insert into notification (staff_id, kind, payload, created_at)
      select distinct on (w.id) w.staff_id, m.kind, m.notice, m.created_at
      from written w
      join m on m.staff_id = w.staff_id and m.reason = w.reason and m.period = w.period
      where m.notice is not null and jsonb_typeof(m.notice) <> 'null'
      order by w.id
    )`;
}

/**
 * `column` is one of `ids`, as one JSON parameter: a daily run asks about tens of thousands of
 * people, and a parameter each would be slow to send and plan, and capped at 65,535.
 */
export function idIn(column: string, ids: readonly number[]) {
  return sql<SqlBool>`${sql.ref(column)} in (
    select jsonb_array_elements_text(${JSON.stringify(ids)}::jsonb)::integer)`;
}

/** Who messages go to: name, address, language and whether still active. */
export async function messageRecipients(db: Executor, ids: readonly number[]) {
  if (ids.length === 0) return [];
  return db
    .selectFrom('staff')
    .select(['id', 'family_name', 'given_name', 'email', 'locale', 'active'])
    .where(idIn('id', ids))
    .execute();
}

/**
 * Claims up to `limit` messages due for delivery for this worker until `claimedUntil`. Rows
 * another worker holds are skipped (FOR UPDATE SKIP LOCKED), so instances never claim the same
 * row; a row whose claim ran out (its worker died mid-send) is due again.
 */
export async function claimDueMail(
  db: Kysely<DB>,
  now: Date,
  claimedUntil: Date,
  limit: number,
): Promise<MailOutboxRow[]> {
  const { rows } = await sql<MailOutboxRow>`
    update mail_outbox set
      status = 'sending', attempts = attempts + 1,
      claimed_until = ${claimedUntil}, next_attempt_at = ${claimedUntil}
    where id in (
      select id from mail_outbox
      where status in ('queued', 'sending') and next_attempt_at <= ${now}
      order by next_attempt_at, id
      limit ${limit}
      for update skip locked)
    returning *`.execute(db);
  return rows.sort((a, b) => a.id - b.id);
}

/**
 * Marks a claimed message sent. A message carrying a secret keeps only `redactedBody` once the
 * mail server has it. False when the claim was lost meanwhile (another worker took it over).
 */
export async function markMailSent(
  db: Executor,
  id: number,
  at: Date,
  redactedBody: string | null,
): Promise<boolean> {
  const res = await db
    .updateTable('mail_outbox')
    .set({
      status: 'sent',
      sent_at: at,
      claimed_until: null,
      last_error: null,
      ...(redactedBody === null ? {} : { body: redactedBody }),
    })
    .where('id', '=', id)
    .where('status', '=', 'sending')
    .executeTakeFirst();
  return Number(res.numUpdatedRows ?? 0) > 0;
}

/**
 * Records a failed delivery: due again at `retryAt`, or given up on ('failed') when null, as
 * when the mail server refused the address for good.
 */
export async function markMailFailed(
  db: Executor,
  id: number,
  error: string,
  retryAt: Date | null,
): Promise<void> {
  await db
    .updateTable('mail_outbox')
    .set({
      status: retryAt ? 'queued' : 'failed',
      next_attempt_at: retryAt ?? sql`next_attempt_at`,
      claimed_until: null,
      last_error: error.slice(0, 2000),
    })
    .where('id', '=', id)
    .where('status', '=', 'sending')
    .execute();
}

/** Puts given-up messages back in the queue, due now; returns those it moved, with their error. */
export async function requeueMail(db: Executor, ids: readonly number[], now: Date) {
  if (ids.length === 0) return [];
  const rows = await db
    .updateTable('mail_outbox')
    .set({ status: 'queued', next_attempt_at: now })
    .where('id', 'in', ids)
    .where('status', '=', 'failed')
    .returning(['id', 'staff_id', 'kind', 'last_error'])
    .execute();
  return rows.sort((a, b) => a.id - b.id);
}

export interface OutboxQuery {
  status?: MailStatus | undefined;
  kind?: string | undefined;
  staffId?: number | undefined;
  /** Staff number, name or address. */
  search?: string | undefined;
  limit: number;
  offset: number;
}

/** A page of the outbox, newest first, with the recipient, and the count per status. */
export async function listOutbox(db: Executor, q: OutboxQuery) {
  const base = db
    .selectFrom('mail_outbox as m')
    .innerJoin('staff as s', 's.id', 'm.staff_id')
    .$if(q.kind !== undefined, (qb) => qb.where('m.kind', '=', q.kind ?? ''))
    .$if(q.staffId !== undefined, (qb) => qb.where('m.staff_id', '=', q.staffId ?? 0))
    .$if(!!q.search, (qb) => {
      const term = `%${escapeLike(q.search ?? '')}%`;
      return qb.where((eb) =>
        eb.or([
          eb('s.staff_number', 'ilike', term),
          eb(sql`s.family_name || s.given_name`, 'ilike', term),
          eb('m.to_address', 'ilike', term),
        ]),
      );
    });
  const [items, counts] = await Promise.all([
    base
      .$if(q.status !== undefined, (qb) => qb.where('m.status', '=', q.status ?? 'queued'))
      .select([
        'm.id',
        'm.staff_id',
        'm.kind',
        'm.reason',
        'm.period',
        'm.to_address',
        'm.locale',
        'm.subject',
        'm.body',
        'm.calendar',
        'm.status',
        'm.attempts',
        'm.next_attempt_at',
        'm.last_error',
        'm.sent_at',
        'm.created_at',
        's.staff_number',
        sql<string>`s.family_name || ' ' || s.given_name`.as('staff_name'),
      ])
      .orderBy('m.created_at', 'desc')
      .orderBy('m.id', 'desc')
      .limit(q.limit)
      .offset(q.offset)
      .execute(),
    base
      .select(['m.status', (eb) => eb.fn.countAll<number>().as('n')])
      .groupBy('m.status')
      .execute(),
  ]);
  const byStatus = Object.fromEntries(counts.map((c) => [c.status, c.n])) as Partial<
    Record<MailStatus, number>
  >;
  return { items, byStatus };
}

/**
 * Whom of `staffIds` had a reminder (of any of `kinds`) decided on or after `since`: the
 * per-person cap looks here, whatever sent it.
 */
export async function remindedSince(
  db: Executor,
  staffIds: readonly number[] | 'all',
  kinds: readonly string[],
  since: Date,
): Promise<Map<number, Date>> {
  if (staffIds !== 'all' && staffIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('mail_outbox')
    .select(['staff_id', (eb) => eb.fn.max('created_at').as('last')])
    .where('kind', 'in', kinds)
    .where('created_at', '>=', since)
    .$if(staffIds !== 'all', (qb) => qb.where('staff_id', 'in', staffIds === 'all' ? [] : staffIds))
    .groupBy('staff_id')
    .execute();
  return new Map(rows.map((r) => [r.staff_id, new Date(r.last)]));
}

/** E-mail waiting to leave (queued or being sent), and how old the oldest is: for /metrics. */
export async function outboxBacklog(
  db: Executor,
  now: Date,
): Promise<{ waiting: number; oldestSeconds: number }> {
  const row = await db
    .selectFrom('mail_outbox')
    .select((eb) => [eb.fn.countAll<number>().as('waiting'), eb.fn.min('created_at').as('oldest')])
    .where('status', 'in', ['queued', 'sending'])
    .executeTakeFirstOrThrow();
  const oldest = row.oldest ? new Date(row.oldest as Date | string) : null;
  return {
    waiting: Number(row.waiting),
    oldestSeconds: oldest ? Math.max(0, (now.getTime() - oldest.getTime()) / 1000) : 0,
  };
}
