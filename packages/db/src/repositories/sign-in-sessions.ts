import type { Executor } from '../connection.ts';
import type { AuthSession, SignInMethod } from '../schema.ts';

export async function insertSignInSession(
  db: Executor,
  row: {
    token_hash: string;
    staff_id: number;
    csrf_token: string;
    expires_at: Date;
    user_agent: string | null;
    client_address: string | null;
    /** The app's clock at sign-in; the database's time when left out. */
    created_at?: Date;
    last_seen_at?: Date;
    /** Password unless said otherwise. */
    method?: SignInMethod;
    /** Single sign-on: the provider's ID token, for signing out there too. */
    id_token?: string | null;
  },
): Promise<AuthSession> {
  return db.insertInto('auth_session').values(row).returningAll().executeTakeFirstOrThrow();
}

/** A session that has not been ended, by the hash of its cookie token. */
export async function findLiveSignInSession(
  db: Executor,
  tokenHash: string,
): Promise<AuthSession | undefined> {
  return db
    .selectFrom('auth_session')
    .selectAll()
    .where('token_hash', '=', tokenHash)
    .where('ended_at', 'is', null)
    .executeTakeFirst();
}

export async function touchSignInSession(db: Executor, id: string, at: Date): Promise<void> {
  await db.updateTable('auth_session').set({ last_seen_at: at }).where('id', '=', id).execute();
}

/** Ends a session; returns its single sign-on ID token (null for a password session). */
export async function endSignInSession(db: Executor, id: string, at: Date): Promise<string | null> {
  const ended = await db
    .updateTable('auth_session')
    .set({ ended_at: at })
    .where('id', '=', id)
    .where('ended_at', 'is', null)
    .returning('id_token')
    .executeTakeFirst();
  return ended?.id_token ?? null;
}

/** Ends every live session of a person, except `keepId` if given. Returns how many ended. */
export async function endSignInSessionsOf(
  db: Executor,
  staffId: number,
  at: Date,
  keepId?: string,
): Promise<number> {
  let q = db
    .updateTable('auth_session')
    .set({ ended_at: at })
    .where('staff_id', '=', staffId)
    .where('ended_at', 'is', null);
  if (keepId) q = q.where('id', '<>', keepId);
  const result = await q.executeTakeFirst();
  return Number(result.numUpdatedRows ?? 0);
}

/** Live, unexpired sessions of a person, newest first. */
export async function listLiveSignInSessions(
  db: Executor,
  staffId: number,
  now: Date,
  idleSince: Date,
) {
  return db
    .selectFrom('auth_session')
    .select(['id', 'created_at', 'last_seen_at', 'expires_at', 'user_agent', 'client_address'])
    .where('staff_id', '=', staffId)
    .where('ended_at', 'is', null)
    .where('expires_at', '>', now)
    .where('last_seen_at', '>', idleSince)
    .orderBy('last_seen_at', 'desc')
    .execute();
}
