import { idIn } from './mail-outbox.ts';
import type { Executor } from '../connection.ts';
import type { Locale } from '../schema.ts';

/** The words admins set for a kind of message, by kind and language. */
export async function messageTemplates(db: Executor) {
  return db.selectFrom('message_template').selectAll().orderBy('kind').orderBy('locale').execute();
}

/** Sets (or replaces) the words of one kind in one language. */
export async function saveMessageTemplate(
  db: Executor,
  row: {
    kind: string;
    locale: Locale;
    subject: string;
    body: string;
    updated_by: number;
    updated_at: Date;
  },
): Promise<void> {
  await db
    .insertInto('message_template')
    .values(row)
    .onConflict((oc) =>
      oc.columns(['kind', 'locale']).doUpdateSet({
        subject: row.subject,
        body: row.body,
        updated_by: row.updated_by,
        updated_at: row.updated_at,
      }),
    )
    .execute();
}

/** Goes back to the catalogue's words for one kind in one language. */
export async function deleteMessageTemplate(db: Executor, kind: string, locale: Locale) {
  const res = await db
    .deleteFrom('message_template')
    .where('kind', '=', kind)
    .where('locale', '=', locale)
    .executeTakeFirst();
  return Number(res.numDeletedRows ?? 0) > 0;
}

/** The kinds of e-mail each of `staffIds` turned off. */
export async function mailOptOutsOf(db: Executor, staffIds: readonly number[]) {
  if (staffIds.length === 0) return new Map<number, Set<string>>();
  const rows = await db
    .selectFrom('mail_opt_out')
    .select(['staff_id', 'kind'])
    .where(idIn('staff_id', staffIds))
    .execute();
  const byPerson = new Map<number, Set<string>>();
  for (const r of rows) {
    const kinds = byPerson.get(r.staff_id) ?? new Set<string>();
    kinds.add(r.kind);
    byPerson.set(r.staff_id, kinds);
  }
  return byPerson;
}

/** Replaces the kinds of e-mail a person turned off. */
export async function setMailOptOuts(db: Executor, staffId: number, kinds: readonly string[]) {
  await db.deleteFrom('mail_opt_out').where('staff_id', '=', staffId).execute();
  if (kinds.length > 0) {
    await db
      .insertInto('mail_opt_out')
      .values(kinds.map((kind) => ({ staff_id: staffId, kind })))
      .execute();
  }
}
