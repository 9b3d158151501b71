import { makeOrgUnit } from '@kenshu/db/testing';
import { ROLES } from '@kenshu/domain';
import { beforeAll, describe, expect, it } from 'vitest';
import { useTestApp } from '../support/app.ts';
import { makePerson, signedInAs, type SignedInClient } from '../support/auth.ts';

const t = useTestApp();
// Holds every role, so no operation is refused for its role before its body is looked at.
let everyRole: SignedInClient;
beforeAll(async () => {
  everyRole = await signedInAs(t.app, t.db, (await makePerson(t.db, [...ROLES])).id);
});

interface JsonOperation {
  method: string;
  path: string;
}

interface Operation {
  requestBody?: { content: object };
  parameters?: { in: string; name: string; schema?: { enum?: unknown[] } }[];
}

/**
 * Every operation that takes JSON, its path filled in with values the path accepts (the first
 * of an enum, a language, otherwise 1), so the body's media type is what each answer is about.
 */
async function jsonOperations(): Promise<JsonOperation[]> {
  const doc = await (await t.app.request('/api/openapi.json')).json();
  return Object.entries(doc.paths as Record<string, Record<string, Operation>>).flatMap(
    ([path, ops]) =>
      Object.entries(ops)
        .filter(([, op]) => op.requestBody && 'application/json' in op.requestBody.content)
        .map(([method, op]) => ({
          method: method.toUpperCase(),
          path: path.replace(/\{([^}]+)\}/g, (_, name: string) => {
            const param = op.parameters?.find((p) => p.in === 'path' && p.name === name);
            return String(param?.schema?.enum?.[0] ?? (name === 'locale' ? 'ja' : 1));
          }),
        })),
  );
}

async function errorOf(res: Response) {
  const body = await res.json();
  expect(Object.keys(body).sort()).toEqual(['error', 'requestId']);
  return body.error as {
    code: string;
    message: string;
    details?: { fields?: { field: string }[] };
  };
}

describe('a body in another format than JSON', () => {
  it('is answered 415 with the usual error body on every JSON operation', async () => {
    const operations = await jsonOperations();
    expect(operations.length).toBeGreaterThanOrEqual(28);
    const wrong: string[] = [];
    for (const { method, path } of operations) {
      for (const contentType of ['text/plain', 'application/x-www-form-urlencoded', 'text/csv']) {
        const res = await everyRole.request(path, {
          method,
          headers: { 'content-type': contentType },
          body: 'login=A0001&password=x',
        });
        const error = await errorOf(res);
        if (res.status !== 415 || error.code !== 'UNSUPPORTED_MEDIA_TYPE')
          wrong.push(`${method} ${path} as ${contentType}: ${res.status} ${error.code}`);
      }
    }
    expect(wrong).toEqual([]);
  }, 120_000);

  it('is refused on sign-in and set-password too, where nobody is signed in', async () => {
    for (const path of ['/api/auth/sign-in', '/api/auth/password']) {
      const res = await t.app.request(path, {
        method: 'POST',
        headers: { 'content-type': 'text/plain' },
        body: '{"login":"A0001","password":"x"}',
      });
      expect(res.status, path).toBe(415);
      expect((await errorOf(res)).code).toBe('UNSUPPORTED_MEDIA_TYPE');
    }
  });
});

describe('text no database column can hold', () => {
  const NUL = 'A0001\u0000';
  const LONE_SURROGATE = '山田\ud800';

  async function expectRefused(res: Response, field: string) {
    expect(res.status).toBe(400);
    const error = await errorOf(res);
    expect(error.code).toBe('VALIDATION');
    expect(error.details?.fields?.map((f) => f.field)).toContain(field);
  }

  it('is refused in a sign-in login with the field named', async () => {
    for (const login of [NUL, LONE_SURROGATE, '\udc00A0001']) {
      const res = await t.app.request('/api/auth/sign-in', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ login, password: 'whatever' }),
      });
      await expectRefused(res, 'login');
    }
  });

  it('is refused in a search query and a filter', async () => {
    await expectRefused(await everyRole.request('/api/staff?q=%00'), 'q');
    await expectRefused(await everyRole.request('/api/audit-log?action=a%00b'), 'action');
  });

  it('is refused in a path parameter', async () => {
    await expectRefused(await t.app.request(`/api/calendar/${'x'.repeat(30)}%00`), 'token');
  });

  it('is refused in a name, and nothing is stored', async () => {
    const unit = await makeOrgUnit(t.db);
    const account = {
      staffNumber: `N${Date.now()}`,
      familyName: LONE_SURROGATE,
      givenName: '花子',
      familyNameKana: 'やまだ',
      givenNameKana: 'はなこ',
      email: `nul${Date.now()}@example.jp`,
      orgUnitId: unit.id,
      employmentType: 'regular',
    };
    await expectRefused(await everyRole.json('/api/accounts', account), 'familyName');
    expect(
      await t.db
        .selectFrom('staff')
        .select('id')
        .where('staff_number', '=', account.staffNumber)
        .executeTakeFirst(),
    ).toBeUndefined();
  });

  it('keeps ordinary Japanese text, emoji and other paired surrogates', async () => {
    const res = await everyRole.request(`/api/staff?q=${encodeURIComponent('山田🙂𠮷')}`);
    expect(res.status).toBe(200);
  });
});

describe('an id in an address', () => {
  it('is read only when written in plain digits, so one record has one address', async () => {
    const person = await makePerson(t.db);
    const found = await everyRole.request(`/api/staff/${person.id}`);
    expect(found.status).toBe(200);
    // Number() would read each of these as the same person (or another one).
    const spellings = [`0${person.id}`, `0x${person.id.toString(16)}`, `${person.id}.0`];
    spellings.push(`%20${person.id}`, `${person.id}e0`, `+${person.id}`);
    for (const spelling of spellings) {
      const res = await everyRole.request(`/api/staff/${spelling}`);
      expect(res.status, spelling).toBe(400);
      expect((await errorOf(res)).code).toBe('VALIDATION');
    }
    const query = await everyRole.request(`/api/staff?orgUnitId=0x1`);
    expect(query.status).toBe(400);
  });
});

describe('request ids', () => {
  async function auditedRequestId(headers: Record<string, string>) {
    const person = await makePerson(t.db);
    const res = await everyRole.request(`/api/accounts/${person.id}/roles`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify({ grantedRoles: ['trainer'] }),
    });
    expect(res.status).toBe(200);
    const row = await t.db
      .selectFrom('audit_log')
      .select('request_id')
      .where('action', '=', 'account.roles_changed')
      .where('target_id', '=', String(person.id))
      .executeTakeFirstOrThrow();
    return { stored: row.request_id, echoed: res.headers.get('x-request-id') };
  }

  it("keeps a client's well-formed id, in the answer and in the audit log", async () => {
    const { stored, echoed } = await auditedRequestId({ 'x-request-id': 'trace-0042_abc' });
    expect(stored).toBe('trace-0042_abc');
    expect(echoed).toBe('trace-0042_abc');
  });

  it('replaces any other id with one of its own', async () => {
    const forged = [
      '=1-1',
      '-1+1',
      '@SUM(A1)',
      'short',
      'x'.repeat(65),
      'a b c d e f g h',
      '=cmd|x',
    ];
    for (const id of forged) {
      const { stored, echoed } = await auditedRequestId({ 'x-request-id': id });
      expect(stored, id).toMatch(/^[0-9a-f-]{36}$/);
      expect(echoed, id).toBe(stored);
    }
  });

  it('generates one when none is sent, and names it in error answers', async () => {
    const res = await t.app.request('/api/does-not-exist', { headers: { 'x-request-id': '=1-1' } });
    const body = await res.json();
    expect(body.requestId).toMatch(/^[0-9a-f-]{36}$/);
    expect(res.headers.get('x-request-id')).toBe(body.requestId);
  });
});
