import type { Executor } from '../connection.ts';
import { escapeLike } from './like.ts';

export async function findCredential(db: Executor, staffId: number) {
  return db.selectFrom('credential').selectAll().where('staff_id', '=', staffId).executeTakeFirst();
}

export async function setPasswordHash(
  db: Executor,
  staffId: number,
  passwordHash: string,
  isDemo = false,
): Promise<void> {
  await db
    .insertInto('credential')
    .values({ staff_id: staffId, password_hash: passwordHash, is_demo: isDemo })
    .onConflict((oc) =>
      oc
        .column('staff_id')
        .doUpdateSet({ password_hash: passwordHash, is_demo: isDemo, updated_at: new Date() }),
    )
    .execute();
}

/** Sets the same (demo) password hash for many people at once. */
export async function setDemoPasswordHashes(
  db: Executor,
  staffIds: number[],
  passwordHash: string,
): Promise<void> {
  for (let i = 0; i < staffIds.length; i += 1000) {
    await db
      .insertInto('credential')
      .values(
        staffIds
          .slice(i, i + 1000)
          .map((id) => ({ staff_id: id, password_hash: passwordHash, is_demo: true })),
      )
      .onConflict((oc) => oc.column('staff_id').doNothing())
      .execute();
  }
}

export async function countDemoCredentials(db: Executor): Promise<number> {
  const row = await db
    .selectFrom('credential')
    .select((eb) => eb.fn.countAll<number>().as('count'))
    .where('is_demo', '=', true)
    .executeTakeFirstOrThrow();
  return row.count;
}

/**
 * Everyone active (in a unit and everything under it, or in the whole ministry) who could be
 * invited to set a password: with their e-mail and whether they already have a password.
 */
export async function invitationCandidates(
  db: Executor,
  q: { unitPath?: string | undefined },
): Promise<{ id: number; email: string; has_password: boolean }[]> {
  let query = db
    .selectFrom('staff')
    .innerJoin('org_unit', 'org_unit.id', 'staff.org_unit_id')
    .leftJoin('credential', 'credential.staff_id', 'staff.id')
    .select((eb) => [
      'staff.id',
      'staff.email',
      eb('credential.staff_id', 'is not', null).$castTo<boolean>().as('has_password'),
    ])
    .where('staff.active', '=', true)
    .orderBy('staff.id');
  if (q.unitPath) query = query.where('org_unit.path', 'like', `${escapeLike(q.unitPath)}%`);
  return query.execute();
}
