import type { Config } from '@kenshu/api/config';
import { makeOrgUnit, makeStaff } from '@kenshu/db/testing';
import { describe, expect, it } from 'vitest';
import { useTestApp } from '../support/app.ts';
import { makePerson, signedInAs } from '../support/auth.ts';
import { useMailServer } from '../support/smtp.ts';

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

const tokenIn = (text: string) => /set-password#token=([A-Za-z0-9_-]+)/.exec(text)?.[1];

describe('inviting a unit to set passwords', () => {
  it('previews, sends once per person to the unit and below, and each link works once', async () => {
    const unit = await bureau({ withoutEmail: true });
    const admin = await signedInAs(t.app, t.db, (await makePerson(t.db, ['admin'])).id);
    const choice = { orgUnitId: unit.top.id };

    const preview = await admin.json('/api/accounts/invitations/preview', choice);
    expect(preview.status).toBe(200);
    expect(await preview.json()).toEqual({ invited: 2, skipped: { hasPassword: 1, noEmail: 1 } });

    const sent = await admin.json('/api/accounts/invitations', choice);
    expect(sent.status).toBe(201);
    expect(await sent.json()).toEqual({ invited: 2, skipped: { hasPassword: 1, noEmail: 1 } });

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
    const set = () =>
      t.app.request('http://localhost/api/auth/password', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ token, password: 'a long new password 1' }),
      });
    expect((await set()).status).toBe(204);
    expect((await set()).status).toBe(403);

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
    await admin.json('/api/accounts/invitations', choice);
    smtp.clear();
    await smtp.deliver(t.db, t.clock.now());
    const first = tokenIn(smtp.received.find((m) => m.to === unit.below.email)?.text ?? '');

    const again = await admin.json('/api/accounts/invitations', choice);
    expect(await again.json()).toEqual({ invited: 1, skipped: { hasPassword: 1, noEmail: 0 } });
    smtp.clear();
    await smtp.deliver(t.db, t.clock.now());
    const second = tokenIn(smtp.received.find((m) => m.to === unit.below.email)?.text ?? '');
    expect(second).toBeDefined();
    expect(second).not.toBe(first);

    const use = (token: string | undefined) =>
      t.app.request('http://localhost/api/auth/password', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ token, password: 'another long password' }),
      });
    expect((await use(first)).status).toBe(403);
    expect((await use(second)).status).toBe(204);

    // Everyone, not only those without a password: the one with a password is invited too.
    const everyone = await admin.json('/api/accounts/invitations/preview', {
      orgUnitId: unit.division.id,
      onlyWithoutPassword: false,
    });
    expect(await everyone.json()).toEqual({ invited: 2, skipped: { hasPassword: 0, noEmail: 0 } });
  });

  it('is for admins only, and refuses an unknown unit or a wrong body with a 4xx', async () => {
    const unit = await bureau();
    const officer = await signedInAs(
      t.app,
      t.db,
      (await makePerson(t.db, ['unit_security_officer'], { org_unit_id: unit.top.id })).id,
    );
    const refused = await officer.json('/api/accounts/invitations', { orgUnitId: unit.top.id });
    expect(refused.status).toBe(403);

    const admin = await signedInAs(t.app, t.db, (await makePerson(t.db, ['admin'])).id);
    expect((await admin.json('/api/accounts/invitations', { orgUnitId: 99_999_999 })).status).toBe(
      404,
    );
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
