import type { Config } from '@kenshu/api/config';
import { makeOrgUnit, makeStaff } from '@kenshu/db/testing';
import { describe, expect, it } from 'vitest';
import { useTestApp } from '../support/app.ts';
import { makePerson, signedInAs, type SignedInClient } from '../support/auth.ts';
import { useMailServer } from '../support/smtp.ts';
import { failure, okBody, okStatus, publicApi, typedApi } from '../support/typed-api.ts';

/**
 * First access without single sign-on: an admin invites a whole unit to set passwords in one
 * step; the invitations arrive through the outbox at a real SMTP server on 127.0.0.1, each link
 * works once, and inviting again makes the earlier link stop working.
 */
const settings: Partial<Config> = { publicUrl: 'https://kenshu.example.go.jp' };
const t = useTestApp(settings);
const smtp = useMailServer(settings);

/**
 * A bureau with a division under it: two without a password, one with, and (once per database:
 * e-mail addresses are unique, the empty one too) one without an e-mail address.
 */
async function bureau({ withoutEmail = false } = {}) {
  const top = await makeOrgUnit(t.db, { kind: 'bureau' });
  const division = await makeOrgUnit(t.db, { kind: 'division', parent_id: top.id });
  const fresh = await makeStaff(t.db, { org_unit_id: top.id, locale: 'ja' });
  const below = await makeStaff(t.db, { org_unit_id: division.id, locale: 'en' });
  const withPassword = await makeStaff(t.db, { org_unit_id: division.id });
  await t.db
    .insertInto('credential')
    .values({ staff_id: withPassword.id, password_hash: 'not-a-real-hash' })
    .execute();
  if (withoutEmail) await makeStaff(t.db, { org_unit_id: division.id, email: '' });
  const elsewhere = await makeStaff(t.db);
  return { top, division, fresh, below, withPassword, elsewhere };
}

type InvitationRoute = ReturnType<typeof typedApi>['accounts']['invitations'];
type Choice = Parameters<InvitationRoute['$post']>[0]['json'];

/** Invitations (or their preview) as this person sends them. */
function invitations(as: SignedInClient) {
  const route = typedApi(t.app, as).accounts.invitations;
  return {
    preview: (json: Choice) => route.preview.$post({ json }),
    send: (json: Choice) => route.$post({ json }),
  };
}

/** Sets a password with the link's token, as the set-password page does. */
function setPassword(token: string, password: string) {
  return publicApi(t.app).auth.password.$post({ json: { token, password } });
}

const tokenIn = (text: string) => /set-password#token=([A-Za-z0-9_-]+)/.exec(text)?.[1];

describe('inviting a unit to set passwords', () => {
  it('previews, sends once per person to the unit and below, and each link works once', async () => {
    const unit = await bureau({ withoutEmail: true });
    const admin = await signedInAs(t.app, t.db, (await makePerson(t.db, ['admin'])).id);
    const choice = { orgUnitId: unit.top.id };

    const preview = await okBody(invitations(admin).preview(choice), 200);
    expect(preview).toEqual({ invited: 2, skipped: { hasPassword: 1, noEmail: 1 } });

    const sent = await okBody(invitations(admin).send(choice), 201);
    expect(sent).toEqual({ invited: 2, skipped: { hasPassword: 1, noEmail: 1 } });

    smtp.clear();
    expect(await smtp.deliver(t.db, t.clock.now())).toMatchObject({ sent: 2 });
    const to = smtp.received.map((m) => m.to).sort();
    expect(to).toEqual([unit.below.email, unit.fresh.email].sort());
    const japanese = smtp.received.find((m) => m.to === unit.fresh.email);
    const english = smtp.received.find((m) => m.to === unit.below.email);
    expect(japanese?.text).toContain('https://kenshu.example.go.jp/set-password#token=');
    expect(japanese?.subject).toMatch(/パスワード/);
    expect(english?.subject).toMatch(/password/i);

    // The link sets a password once; the second use is refused.
    const token = tokenIn(japanese?.text ?? '');
    if (!token) throw new Error('no link in the mail');
    const set = () => setPassword(token, 'a long new password 1');
    await okStatus(set(), 204);
    expect((await failure(set())).status).toBe(403);

    // One audit row per person invited, by the admin.
    const audit = await t.db
      .selectFrom('audit_log')
      .select(['target_id', 'actor_staff_id'])
      .where('action', '=', 'account.password_link_issued')
      .where('target_id', 'in', [String(unit.fresh.id), String(unit.below.id)])
      .execute();
    expect(audit).toHaveLength(2);
    for (const row of audit) expect(row.actor_staff_id).toBe(admin.staffId);
  });

  it('inviting again replaces the earlier link; the person who set a password is left out', async () => {
    const unit = await bureau();
    const admin = await signedInAs(t.app, t.db, (await makePerson(t.db, ['admin'])).id);
    const choice = { orgUnitId: unit.division.id };
    await okBody(invitations(admin).send(choice));
    smtp.clear();
    await smtp.deliver(t.db, t.clock.now());
    const first = tokenIn(smtp.received.find((m) => m.to === unit.below.email)?.text ?? '');

    const again = await okBody(invitations(admin).send(choice));
    expect(again).toEqual({ invited: 1, skipped: { hasPassword: 1, noEmail: 0 } });
    smtp.clear();
    await smtp.deliver(t.db, t.clock.now());
    const second = tokenIn(smtp.received.find((m) => m.to === unit.below.email)?.text ?? '');
    expect(second).toBeDefined();
    expect(second).not.toBe(first);

    expect(first).toBeDefined();
    const use = (token: string | undefined) => setPassword(token ?? '', 'another long password');
    expect((await failure(use(first))).status).toBe(403);
    await okStatus(use(second), 204);

    // Everyone, not only those without a password: the one with a password is invited too.
    const everyone = await okBody(
      invitations(admin).preview({ orgUnitId: unit.division.id, onlyWithoutPassword: false }),
    );
    expect(everyone).toEqual({ invited: 2, skipped: { hasPassword: 0, noEmail: 0 } });
  });

  it('is for admins only, and refuses an unknown unit or a wrong body with a 4xx', async () => {
    const unit = await bureau();
    const officer = await signedInAs(
      t.app,
      t.db,
      (await makePerson(t.db, ['unit_security_officer'], { org_unit_id: unit.top.id })).id,
    );
    const refused = invitations(officer).send({ orgUnitId: unit.top.id });
    expect((await failure(refused)).status).toBe(403);

    const admin = await signedInAs(t.app, t.db, (await makePerson(t.db, ['admin'])).id);
    const unknown = invitations(admin).send({ orgUnitId: 99_999_999 });
    expect((await failure(unknown)).status).toBe(404);
    // Wrong bodies, malformed on purpose: raw requests.
    for (const body of [{ orgUnitId: 'x' }, { orgUnitId: -1 }, { onlyWithoutPassword: 'yes' }]) {
      expect((await admin.json('/api/accounts/invitations', body)).status).toBe(400);
    }
    // Nothing was queued by the refused attempts.
    const queued = await t.db
      .selectFrom('mail_outbox')
      .select('staff_id')
      .where('staff_id', 'in', [unit.fresh.id, unit.below.id])
      .execute();
    expect(queued).toEqual([]);
  });
});
