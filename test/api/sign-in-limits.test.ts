import { randomBytes } from 'node:crypto';
import { passwordHashing } from '@kenshu/api/passwords';
import { describe, expect, it } from 'vitest';
import { useTestApp } from '../support/app.ts';
import { makePerson, signedInAs } from '../support/auth.ts';
import {
  PASSWORD,
  browserAfter,
  passwordLinkToken,
  setPasswordWith,
  signInWith,
  usePasswordPeople,
} from '../support/sign-in.ts';
import { failure, failureBody, okBody, typedApi } from '../support/typed-api.ts';

// Behind one reverse proxy, as in production; a one-minute idle limit, as in the idle test.
const t = useTestApp({ trustProxy: true, trustedProxies: 1, sessionIdleMinutes: 1 });
const personWithPassword = usePasswordPeople(() => t.db);

let addressCounter = 0;
/** A made-up client address, different on every call (TEST-NET-2 and -3 ranges). */
function freshAddress(): string {
  addressCounter++;
  return `198.51.${Math.floor(addressCounter / 250) % 250}.${(addressCounter % 250) + 1}`;
}

/** Signs in from a fresh address, unless `headers` names one. */
function signIn(login: string, password: string, headers: Record<string, string> = {}) {
  return signInWith(t.app, login, password, { 'x-forwarded-for': freshAddress(), ...headers });
}

/** Uses a set-password link from a fresh address, unless `headers` names one. */
function setPassword(token: string, headers: Record<string, string> = {}) {
  return setPasswordWith(t.app, token, 'a brand new password', {
    'x-forwarded-for': freshAddress(),
    ...headers,
  });
}

function countStatuses(responses: { status: number }[]): Record<number, number> {
  const counts: Record<number, number> = {};
  for (const r of responses) counts[r.status] = (counts[r.status] ?? 0) + 1;
  return counts;
}

async function failuresOf(key: string): Promise<number> {
  const row = await t.db
    .selectFrom('sign_in_throttle')
    .select('failures')
    .where('key', '=', key)
    .executeTakeFirst();
  return row?.failures ?? 0;
}

describe('the sign-in lockout', () => {
  it('checks no more than 10 of 50 concurrent wrong passwords from 50 addresses', async () => {
    const staff = await personWithPassword();
    const hashedBefore = passwordHashing().completed;
    const responses = await Promise.all(
      Array.from({ length: 50 }, (_, i) => signIn(staff.staff_number, `wrong-${i}`)),
    );
    const checked = passwordHashing().completed - hashedBefore;
    expect(countStatuses(responses)).toEqual({ 401: 10, 429: 40 });
    expect(checked).toBe(10);
    const refused = responses.find((r) => r.status === 429);
    if (!refused) throw new Error('no guess was refused');
    expect((await failureBody(Promise.resolve(refused))).error).toMatchObject({
      code: 'RATE_LIMITED',
      details: { retryAfterSeconds: expect.any(Number) },
    });
    // And afterwards the right password does not get in either, from yet another address.
    expect((await failure(signIn(staff.staff_number, PASSWORD))).status).toBe(429);
  }, 60_000);

  it('does not let the right password in once a burst of guesses has spent the budget', async () => {
    const staff = await personWithPassword();
    const guesses = Array.from({ length: 49 }, (_, i) => signIn(staff.email, `guess-${i}`));
    // The right password arrives while the guesses are still being answered.
    while ((await failuresOf(`account:${staff.id}`)) < 10) {
      await new Promise((r) => setTimeout(r, 5));
    }
    const right = signIn(staff.staff_number, PASSWORD);
    const responses = await Promise.all([...guesses, right]);
    expect((await right).status).toBe(429);
    expect(countStatuses(responses)).toEqual({ 401: 10, 429: 40 });
  }, 60_000);

  it('counts the staff number and the e-mail against one budget: the account', async () => {
    const staff = await personWithPassword();
    for (let i = 0; i < 10; i++) {
      const login = i % 2 === 0 ? staff.staff_number : staff.email.toUpperCase();
      expect((await signIn(login, `wrong-${i}`)).status).toBe(401);
    }
    expect((await signIn(staff.email, PASSWORD)).status).toBe(429);
    expect((await signIn(staff.staff_number, PASSWORD)).status).toBe(429);
  }, 60_000);

  it('forgets failures after a successful sign-in, and never counts successes', async () => {
    const staff = await personWithPassword();
    for (let i = 0; i < 9; i++) await signIn(staff.staff_number, `wrong-${i}`);
    expect((await signIn(staff.staff_number, PASSWORD)).status).toBe(200);
    for (let i = 0; i < 9; i++) await signIn(staff.staff_number, `wrong-again-${i}`);
    expect((await signIn(staff.staff_number, PASSWORD)).status).toBe(200);
  }, 60_000);

  it('reads the address from the right of X-Forwarded-For, so a made-up left part changes nothing', async () => {
    const realAddress = '203.0.113.77';
    // 50 different unknown logins, so only the address budget can run out.
    const answers: number[] = [];
    for (let i = 0; i < 51; i++) {
      const res = await signIn(`NOBODY-${i}-${Date.now()}`, 'x', {
        'x-forwarded-for': `${freshAddress()}, ${realAddress}`,
      });
      answers.push(res.status);
    }
    expect(answers.slice(0, 50).every((s) => s === 401)).toBe(true);
    expect(answers[50]).toBe(429);
    // Another client, behind the same proxy, is not affected.
    expect((await signIn('NOBODY-else', 'x', { 'x-forwarded-for': '203.0.113.78' })).status).toBe(
      401,
    );
  }, 120_000);
});

describe('set-password links', () => {
  it('does no hashing for made-up tokens, and limits them per address', async () => {
    const hashedBefore = passwordHashing().completed;
    const address = '203.0.113.200';
    const person = await personWithPassword();
    // 1,000 requests in waves of 50 (a shared 2-core test machine cannot take them all at once),
    // and a sign-in from someone else while they run.
    const flood = async () => {
      const answers: { status: number }[] = [];
      for (let wave = 0; wave < 20; wave++) {
        answers.push(
          ...(await Promise.all(
            Array.from({ length: 50 }, () =>
              setPassword(randomBytes(32).toString('base64url'), { 'x-forwarded-for': address }),
            ),
          )),
        );
      }
      return answers;
    };
    const [answers, signedIn] = await Promise.all([flood(), signIn(person.staff_number, PASSWORD)]);
    expect(signedIn.status).toBe(200);
    expect(countStatuses(answers)).toEqual({ 403: 10, 429: 990 });
    // The one hash done was the sign-in's check.
    expect(passwordHashing().completed - hashedBefore).toBe(1);
  }, 120_000);

  it('revokes older links when a new one is issued, and the others when one is used', async () => {
    const admin = await signedInAs(t.app, t.db, (await makePerson(t.db, ['admin'])).id);
    const person = await makePerson(t.db);
    const issue = () => passwordLinkToken(t.app, admin, person.id);
    const first = await issue();
    const second = await issue();
    expect((await setPassword(first)).status).toBe(403);
    expect((await setPassword(second)).status).toBe(204);
    const links = await t.db
      .selectFrom('password_token')
      .select(['used_at', 'revoked_at'])
      .where('staff_id', '=', person.id)
      .orderBy('id')
      .execute();
    expect(links.map((l) => [l.used_at !== null, l.revoked_at !== null])).toEqual([
      [false, true],
      [true, false],
    ]);
  });

  it('leaves exactly one live link when admins issue ten at once', async () => {
    const admin = await signedInAs(t.app, t.db, (await makePerson(t.db, ['admin'])).id);
    const person = await makePerson(t.db);
    // All ten at once; every one is issued (passwordLinkToken expects a 201).
    const tokens = await Promise.all(
      Array.from({ length: 10 }, () => passwordLinkToken(t.app, admin, person.id)),
    );
    const answers = [];
    for (const token of tokens) answers.push((await setPassword(token)).status);
    expect(answers.filter((s) => s === 204)).toHaveLength(1);
    expect(answers.filter((s) => s === 403)).toHaveLength(9);
  }, 60_000);

  it('has the database refuse a second live link for one person', async () => {
    const person = await makePerson(t.db);
    const row = (suffix: string) => ({
      token_hash: `hash-${person.id}-${suffix}`,
      staff_id: person.id,
      created_by: null,
      expires_at: new Date(Date.now() + 3600_000),
    });
    await t.db.insertInto('password_token').values(row('a')).execute();
    await expect(t.db.insertInto('password_token').values(row('b')).execute()).rejects.toThrow(
      /password_token_one_live_idx|duplicate key/,
    );
  });
});

describe('sessions in one browser', () => {
  it("ends the previous person's session on the server when someone else signs in", async () => {
    const first = await personWithPassword();
    const second = await personWithPassword();
    const firstBrowser = typedApi(
      t.app,
      await browserAfter(t.app, await signIn(first.staff_number, PASSWORD)),
    );
    // The same browser sends the first person's cookie (and token) with the second sign-in.
    const secondSignIn = await okBody(
      firstBrowser.auth['sign-in'].$post({
        json: { login: second.staff_number, password: PASSWORD },
      }),
      200,
    );
    expect(secondSignIn.staffId).toBe(second.id);
    // Replaying the first cookie does not bring the first person back.
    expect((await failure(firstBrowser.auth.me.$get())).status).toBe(401);
    const ended = await t.db
      .selectFrom('auth_session')
      .select('ended_at')
      .where('staff_id', '=', first.id)
      .executeTakeFirstOrThrow();
    expect(ended.ended_at).not.toBeNull();
  });

  it('refuses Origin: null on sign-in and on set-password like any foreign origin', async () => {
    const staff = await personWithPassword();
    expect(await failure(signIn(staff.staff_number, PASSWORD, { origin: 'null' }))).toEqual({
      status: 403,
      code: 'CSRF_REJECTED',
    });
    expect(await failure(setPassword('x'.repeat(43), { origin: 'null' }))).toEqual({
      status: 403,
      code: 'CSRF_REJECTED',
    });
    // A request from the app's own origin is fine.
    expect(
      (await signIn(staff.staff_number, PASSWORD, { origin: 'http://localhost' })).status,
    ).toBe(200);
  });
});

describe('the idle timeout', () => {
  it('keeps a one-minute limit: active use keeps the session, a minute of silence ends it', async () => {
    const staff = await personWithPassword();
    t.clock.set('2026-10-01T09:00:00+09:00');
    try {
      const browser = await browserAfter(t.app, await signIn(staff.staff_number, PASSWORD));
      const me = () => typedApi(t.app, browser).auth.me.$get();
      // Used every 50 seconds for five minutes: never idle for a minute.
      for (let i = 0; i < 6; i++) {
        t.clock.advance(50_000);
        expect((await me()).status, `after ${(i + 1) * 50} s`).toBe(200);
      }
      t.clock.advance(61_000);
      expect((await failure(me())).status).toBe(401);
    } finally {
      t.clock.reset();
    }
  });
});
