import { makeCourse, makeSession } from '@kenshu/db/testing';
import { ROLES } from '@kenshu/domain';
import { beforeAll, describe, expect, it } from 'vitest';
import { useTestApp } from '../support/app.ts';
import { makePerson, signedInAs, type SignedInClient } from '../support/auth.ts';

// The review's last step, repeated on every change: hostile values into every parameter and body
// field of every operation the OpenAPI document lists, signed in as each role and as nobody.
// Whatever the answer, it must not be a 500.
const t = useTestApp();

type Schema = {
  $ref?: string;
  type?: string | string[];
  enum?: unknown[];
  properties?: Record<string, Schema>;
  items?: Schema;
  anyOf?: Schema[];
  oneOf?: Schema[];
  allOf?: Schema[];
  nullable?: boolean;
};
interface Parameter {
  name: string;
  in: 'path' | 'query' | 'header' | 'cookie';
}
interface Operation {
  parameters?: Parameter[];
  requestBody?: { content: Record<string, { schema?: Schema }> };
}
interface Document {
  paths: Record<string, Record<string, Operation>>;
  components?: { schemas?: Record<string, Schema> };
}

/** Hostile text for path and query parameters, already percent-encoded where it must be. */
const HOSTILE_PARAMS = [
  '-1',
  '0',
  '1.5',
  '1e309',
  '99999999999999999999999',
  '2147483648', // one past the largest id a database integer holds
  'NaN',
  'abc',
  '%00',
  '%ED%A0%80', // a lone surrogate, as UTF-8 would spell it
  '%', // a broken escape
  '%3Dcmd%7C%27%20%2FC%20calc%27!A0',
  'x'.repeat(100_000),
];

/** Hostile JSON values for body fields. */
const HOSTILE_VALUES: unknown[] = [
  'a\u0000b',
  '\ud800',
  'x'.repeat(100_000),
  "=cmd|' /C calc'!A0",
  -1,
  0,
  1.5,
  1e308,
  2_147_483_648, // one past the largest value a database integer holds
  2 ** 63,
  -(2 ** 63),
  true,
  null,
  [],
  {},
  ['\u0000'],
  '2026-02-30',
];

let doc: Document;
let sessionId: number;
let courseId: number;
let personId: number;
const clients: { role: string; client: SignedInClient | null }[] = [];

beforeAll(async () => {
  doc = await (await t.app.request('/api/openapi.json')).json();
  const trainer = await makePerson(t.db, ['trainer']);
  const course = await makeCourse(t.db);
  const session = await makeSession(t.db, {
    courseId: course.id,
    startsInHours: -1,
    durationMinutes: 120,
    cutoffInHours: -25,
    opensInHours: -500,
    trainerIds: [trainer.id],
  });
  sessionId = session.id;
  courseId = course.id;
  personId = (await makePerson(t.db)).id;
  clients.push({ role: 'nobody', client: null });
  clients.push({ role: 'staff', client: await signedInAs(t.app, t.db, personId) });
  clients.push({ role: 'trainer', client: await signedInAs(t.app, t.db, trainer.id) });
  for (const role of ROLES.filter((r) => r !== 'trainer')) {
    clients.push({
      role,
      client: await signedInAs(t.app, t.db, (await makePerson(t.db, [role])).id),
    });
  }
}, 60_000);

function resolve(schema: Schema | undefined): Schema {
  if (!schema) return {};
  if (schema.$ref) {
    const name = schema.$ref.replace('#/components/schemas/', '');
    return resolve(doc.components?.schemas?.[name]);
  }
  return schema;
}

/** A plausible value for a schema, so that one field at a time can be made hostile. */
function baseline(raw: Schema | undefined, depth = 0): unknown {
  const schema = resolve(raw);
  if (depth > 4) return null;
  if (schema.enum?.length) return schema.enum[0];
  const variant = schema.anyOf?.[0] ?? schema.oneOf?.[0] ?? schema.allOf?.[0];
  if (variant) return baseline(variant, depth + 1);
  const type = Array.isArray(schema.type) ? schema.type.find((x) => x !== 'null') : schema.type;
  switch (type) {
    case 'string':
      return 'abc';
    case 'integer':
    case 'number':
      return 1;
    case 'boolean':
      return true;
    case 'array':
      return [baseline(schema.items, depth + 1)];
    case 'object':
    default:
      return Object.fromEntries(
        Object.entries(schema.properties ?? {}).map(([k, v]) => [k, baseline(v, depth + 1)]),
      );
  }
}

/** Every body to send: the baseline with one field (top level, or inside a list's first item) made hostile. */
function hostileBodies(schema: Schema | undefined): unknown[] {
  const base = baseline(schema);
  const bodies: unknown[] = [base];
  if (!base || typeof base !== 'object' || Array.isArray(base)) return bodies;
  const record = base as Record<string, unknown>;
  for (const [key, value] of Object.entries(record)) {
    for (const hostile of HOSTILE_VALUES) bodies.push({ ...record, [key]: hostile });
    const first = Array.isArray(value) ? value[0] : undefined;
    if (first && typeof first === 'object') {
      for (const [inner] of Object.entries(first as Record<string, unknown>)) {
        for (const hostile of HOSTILE_VALUES) {
          bodies.push({ ...record, [key]: [{ ...(first as object), [inner]: hostile }] });
        }
      }
    }
  }
  return bodies;
}

/** Ids that exist, so hostile fields get past "not found" to the code behind. */
function validId(path: string, name: string): string {
  if (name === 'staffId') return String(personId);
  if (path.startsWith('/api/sessions')) return String(sessionId);
  if (path.startsWith('/api/courses')) return String(courseId);
  if (path.startsWith('/api/staff') || path.startsWith('/api/accounts')) return String(personId);
  return '1';
}

function fill(path: string, values: Record<string, string> = {}): string {
  return path.replace(/\{([^}]+)\}/g, (_, name: string) => values[name] ?? validId(path, name));
}

interface Attempt {
  method: string;
  url: string;
  init: RequestInit;
  label: string;
}

function attemptsFor(path: string, method: string, op: Operation): Attempt[] {
  const attempts: Attempt[] = [];
  const upper = method.toUpperCase();
  const params = op.parameters ?? [];
  const jsonSchema = op.requestBody?.content['application/json']?.schema;
  const hasBody = op.requestBody !== undefined;
  const plainBody = jsonSchema ? JSON.stringify(baseline(jsonSchema)) : undefined;
  const jsonInit = (body: string | undefined): RequestInit =>
    body === undefined
      ? { method: upper }
      : { method: upper, body, headers: { 'content-type': 'application/json' } };

  for (const param of params.filter((p) => p.in === 'path')) {
    for (const value of HOSTILE_PARAMS) {
      attempts.push({
        method: upper,
        url: fill(path, { [param.name]: value }),
        init: jsonInit(plainBody),
        label: `path ${param.name}=${value.slice(0, 20)}`,
      });
    }
  }
  for (const param of params.filter((p) => p.in === 'query')) {
    for (const value of HOSTILE_PARAMS) {
      attempts.push({
        method: upper,
        url: `${fill(path)}?${param.name}=${value}`,
        init: jsonInit(plainBody),
        label: `query ${param.name}=${value.slice(0, 20)}`,
      });
    }
    // The same parameter twice.
    attempts.push({
      method: upper,
      url: `${fill(path)}?${param.name}=1&${param.name}=2`,
      init: jsonInit(plainBody),
      label: `query ${param.name} twice`,
    });
  }
  if (jsonSchema) {
    for (const body of hostileBodies(jsonSchema)) {
      attempts.push({
        method: upper,
        url: fill(path),
        init: jsonInit(JSON.stringify(body)),
        label: `body ${JSON.stringify(body).slice(0, 80)}`,
      });
    }
  }
  if (hasBody || upper !== 'GET') {
    const whole: [string, string, string][] = [
      ['text/plain', 'login=A&password=x', 'wrong content type'],
      ['application/json', '{', 'broken JSON'],
      ['application/json', '[]', 'a JSON list'],
      ['application/json', 'null', 'JSON null'],
      ['application/json', '1e999', 'a huge number'],
      ['application/json', '"\\ud800"', 'a lone surrogate'],
      ['application/json; charset=latin1', '{}', 'another charset'],
    ];
    for (const [type, body, label] of whole) {
      attempts.push({
        method: upper,
        url: fill(path),
        init: { method: upper, body, headers: { 'content-type': type } },
        label,
      });
    }
  }
  return attempts;
}

/** Operations that end the caller's own session go last, so the rest run signed in. */
function order([path]: [string, unknown]): number {
  return /sign-out|\/sessions\/(\{|others)|auth\/sessions/.test(path) ? 1 : 0;
}

async function sweep(): Promise<string[]> {
  const failures: string[] = [];
  const operations = Object.entries(doc.paths)
    .sort((a, b) => order(a) - order(b))
    .flatMap(([path, ops]) => Object.entries(ops).map(([method, op]) => ({ path, method, op })));
  expect(operations.length).toBeGreaterThanOrEqual(90);
  for (const { role, client } of clients) {
    for (const { path, method, op } of operations) {
      const attempts = attemptsFor(path, method, op);
      for (let i = 0; i < attempts.length; i += 8) {
        await Promise.all(
          attempts.slice(i, i + 8).map(async (a) => {
            const res = client
              ? await client.request(a.url, a.init)
              : await t.app.request(`http://localhost${a.url}`, a.init);
            await res.arrayBuffer();
            if (res.status >= 500) {
              failures.push(`${role} ${a.method} ${path} ${a.label}: ${res.status}`);
            }
          }),
        );
      }
    }
  }
  return failures;
}

describe('hostile values into every operation', () => {
  it('never answers 500, whoever asks', async () => {
    const failures = await sweep();
    expect([...new Set(failures)].slice(0, 60)).toEqual([]);
  }, 1_200_000);
});
