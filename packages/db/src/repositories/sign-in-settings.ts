import type { Executor } from '../connection.ts';
import type { Selectable } from 'kysely';
import type { SsoLoginStateTable } from '../schema.ts';

export type SsoLoginState = Selectable<SsoLoginStateTable>;

/** Records a single sign-on sent to the provider; expired ones are cleared on the way. */
export async function insertSsoLoginState(
  db: Executor,
  row: {
    state_hash: string;
    browser_hash: string;
    nonce: string;
    code_verifier: string;
    next_path: string | null;
    created_at: Date;
    expires_at: Date;
  },
): Promise<void> {
  await db.deleteFrom('sso_login_state').where('expires_at', '<=', row.created_at).execute();
  await db.insertInto('sso_login_state').values(row).execute();
}

/**
 * Takes a sign-in state by deleting it, so of two callbacks with the same state (a replay, or two
 * instances at once) only one gets it; an expired one is taken too, and refused.
 */
export async function takeSsoLoginState(
  db: Executor,
  stateHash: string,
): Promise<SsoLoginState | undefined> {
  return db
    .deleteFrom('sso_login_state')
    .where('state_hash', '=', stateHash)
    .returningAll()
    .executeTakeFirst();
}

/** Whether admins require single sign-on for everyone but break-glass accounts. */
export async function signInSettings(
  db: Executor,
): Promise<{ ssoRequired: boolean; updatedAt: Date | null }> {
  const row = await db.selectFrom('sign_in_setting').selectAll().executeTakeFirst();
  return { ssoRequired: row?.sso_required ?? false, updatedAt: row?.updated_at ?? null };
}

export async function saveSignInSettings(
  db: Executor,
  settings: { ssoRequired: boolean },
  by: number,
  at: Date,
): Promise<void> {
  const values = { sso_required: settings.ssoRequired, updated_by: by, updated_at: at };
  await db
    .insertInto('sign_in_setting')
    .values({ id: true, ...values })
    .onConflict((oc) => oc.column('id').doUpdateSet(values))
    .execute();
}

export async function isBreakGlassAccount(db: Executor, staffId: number): Promise<boolean> {
  const row = await db
    .selectFrom('break_glass_account')
    .select('staff_id')
    .where('staff_id', '=', staffId)
    .executeTakeFirst();
  return row !== undefined;
}

/** Marks or unmarks a break-glass account; says whether anything changed. */
export async function setBreakGlassAccount(
  db: Executor,
  staffId: number,
  breakGlass: boolean,
  by: number,
  at: Date,
): Promise<boolean> {
  if (breakGlass) {
    const inserted = await db
      .insertInto('break_glass_account')
      .values({ staff_id: staffId, marked_by: by, marked_at: at })
      .onConflict((oc) => oc.column('staff_id').doNothing())
      .returning('staff_id')
      .executeTakeFirst();
    return inserted !== undefined;
  }
  const deleted = await db
    .deleteFrom('break_glass_account')
    .where('staff_id', '=', staffId)
    .returning('staff_id')
    .executeTakeFirst();
  return deleted !== undefined;
}

/** The break-glass accounts that still hold the admin role and are active, by staff number. */
export async function listBreakGlassAdmins(db: Executor) {
  return db
    .selectFrom('break_glass_account')
    .innerJoin('staff', 'staff.id', 'break_glass_account.staff_id')
    .innerJoin('role_grant', (j) =>
      j.onRef('role_grant.staff_id', '=', 'staff.id').on('role_grant.role', '=', 'admin'),
    )
    .select([
      'staff.id',
      'staff.staff_number',
      'staff.family_name',
      'staff.given_name',
      'break_glass_account.marked_at',
    ])
    .where('staff.active', '=', true)
    .orderBy('staff.staff_number')
    .execute();
}
