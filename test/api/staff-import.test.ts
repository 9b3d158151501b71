import { createApp } from '@kenshu/api';
import { loadConfig, type Config } from '@kenshu/api/config';
import { createMailer, type Mailer } from '@kenshu/api/mailer';
import { deliverMail } from '@kenshu/api/messages';
import { listStaffMemberships, type Staff } from '@kenshu/db';
import { makeOrgUnit, unique } from '@kenshu/db/testing';
import { STAFF_IMPORT_COLUMNS } from '@kenshu/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useTestApp } from '../support/app.ts';
import { manualAnalyses } from '../support/database.ts';
import { makePerson, signedInAs, type SignedInClient } from '../support/auth.ts';
import {
  encodeCp932,
  importingAdmin,
  staffImportCsv,
  tableChecksum,
  type StaffLine,
} from '../support/staff-import.ts';
import { startSmtpServer, type SmtpTestServer } from '../support/smtp.ts';

// Invitations to the people an import adds go to a real SMTP server on 127.0.0.1.
const settings: Partial<Config> = {};
const t = useTestApp(settings);
let admin: SignedInClient;
let adminStaff: Staff;
let adminLine: StaffLine;
let smtp: SmtpTestServer;
let mailer: Mailer;

beforeAll(async () => {
  smtp = await startSmtpServer();
  settings.smtpUrl = smtp.url;
  settings.publicUrl = 'https://kenshu.example.go.jp';
  const made = createMailer({ ...loadConfig({}), ...settings });
  if (!made) throw new Error('the mailer needs an SMTP URL');
  mailer = made;
  ({ staff: adminStaff, client: admin, line: adminLine } = await importingAdmin(t.app, t.db));
});
afterAll(async () => {
  mailer.close();
  await smtp.close();
});

type Body = string | Buffer;

function send(
  client: SignedInClient,
  action: 'preview' | 'apply',
  body: Body,
  query: Record<string, string> = {},
) {
  const params = new URLSearchParams(query);
  return client.request(`/api/staff-imports/${action}?${params}`, {
    method: 'POST',
    // A Buffer is a Uint8Array, which fetch accepts; the DOM typings only name ArrayBuffer views.
    body: typeof body === 'string' ? body : new Blob([new Uint8Array(body)]),
    headers: { 'content-type': 'text/csv' },
  });
}

async function preview(body: Body, query: Record<string, string> = {}) {
  const res = await send(admin, 'preview', body, query);
  expect(res.status).toBe(200);
  return res.json();
}

/**
 * Previews, then applies with the preview's checksum, as the web page does. Every import in
 * these tests also checks that the result says what the preview said, in the same categories.
 */
async function importFile(body: Body, query: Record<string, string> = {}) {
  const previewed = await preview(body, query);
  const res = await send(admin, 'apply', body, { ...query, checksum: previewed.checksum });
  const json = await res.json();
  expect(res.status, JSON.stringify(json)).toBe(200);
  expect(json.counts, 'the result counts what the preview counted').toEqual(previewed.counts);
  return json;
}

function staffByNumber(number: string) {
  return t.db.selectFrom('staff').selectAll().where('staff_number', '=', number).executeTakeFirst();
}

describe('preview', () => {
  it('counts new, changed, moved and unchanged people and units, and writes nothing', async () => {
    const bureau = await makeOrgUnit(t.db);
    const stays = await makeOrgUnit(t.db, { parent_id: bureau.id, kind: 'division' });
    const renamed = await makeOrgUnit(t.db, { parent_id: bureau.id, kind: 'division' });
    const same = await makePerson(t.db, [], { org_unit_id: stays.id });
    const mover = await makePerson(t.db, [], { org_unit_id: stays.id });
    const renamedPerson = await makePerson(t.db, [], { org_unit_id: stays.id });
    const newUnit = unique('U');
    const line = (s: Staff): StaffLine => ({
      number: s.staff_number,
      unit: stays.code,
      family: s.family_name,
      given: s.given_name,
      familyKana: s.family_name_kana,
      givenKana: s.given_name_kana,
      email: s.email,
    });
    const file = staffImportCsv(
      [
        { code: bureau.code, kind: 'bureau', ja: bureau.name_ja, en: bureau.name_en },
        { code: stays.code, parent: bureau.code, ja: stays.name_ja, en: stays.name_en },
        { code: renamed.code, parent: bureau.code, ja: '新しい名前', en: renamed.name_en },
        { code: newUnit, parent: bureau.code },
      ],
      [
        line(same),
        { ...line(mover), unit: newUnit },
        { ...line(renamedPerson), family: '佐藤' },
        { number: unique('N'), unit: newUnit },
        { number: unique('N'), unit: stays.code, type: 'part_time' },
      ],
    );
    const before = await tableChecksum(t.db);
    const result = await preview(file, { mode: 'partial', fileName: 'staff.csv' });
    expect(result).toMatchObject({
      fileName: 'staff.csv',
      encoding: 'utf-8',
      mode: 'partial',
      records: { units: 4, staff: 5 },
      counts: {
        staff: { new: 2, changed: 1, moved: 1, deactivated: 0, unchanged: 1 },
        units: { new: 1, changed: 1, moved: 0, unchanged: 2 },
      },
      errorCount: 0,
      errors: [],
      changeCount: 6,
    });
    expect(result.checksum).toMatch(/^[0-9a-f]{64}$/);
    expect(result.changes).toContainEqual({
      line: 7,
      recordType: 'staff',
      key: mover.staff_number,
      name: `${mover.family_name} ${mover.given_name}`,
      change: 'moved',
      fields: ['unit_code'],
    });
    expect(await tableChecksum(t.db)).toBe(before);
  });
});

describe('apply', () => {
  it('imports the file, records history, the import and one audit row; the same file again changes nothing', async () => {
    const bureau = unique('B');
    const division = unique('D');
    const people = [
      { number: unique('N'), unit: division, head: true },
      { number: unique('N'), unit: bureau, officer: true, locale: 'en' },
    ];
    const file = staffImportCsv(
      [
        { code: bureau, kind: 'bureau' },
        { code: division, parent: bureau },
      ],
      people,
    );
    const tables = ['org_unit', 'staff', 'staff_membership'];
    const analysedBefore = await manualAnalyses(t.db, tables);
    const first = await importFile(file, { effectiveDate: '2027-04-01', fileName: 'hr.csv' });
    // The planner's statistics are refreshed for the tables the import wrote, not left to
    // autovacuum (until then the next pages were planned for the tables as they were).
    const analysedAfter = await manualAnalyses(t.db, tables);
    for (const table of tables) expect(analysedAfter[table]).toBe((analysedBefore[table] ?? 0) + 1);
    expect(first.counts).toEqual({
      staff: { new: 2, changed: 0, moved: 0, deactivated: 0, unchanged: 0 },
      units: { new: 2, changed: 0, moved: 0, unchanged: 0 },
    });
    expect(first.signInsEnded).toBe(0);

    const head = await staffByNumber(people[0]?.number ?? '');
    expect(head).toMatchObject({ is_section_head: true, active: true, locale: 'ja' });
    const unit = await t.db
      .selectFrom('org_unit as u')
      .innerJoin('org_unit as p', 'p.id', 'u.parent_id')
      .select(['u.path', 'u.depth', 'p.code as parent_code'])
      .where('u.code', '=', division)
      .executeTakeFirstOrThrow();
    expect(unit).toMatchObject({ parent_code: bureau, depth: 1 });
    expect(await listStaffMemberships(t.db, head?.id ?? 0)).toEqual([
      expect.objectContaining({ unit_code: division, valid_from: '2027-04-01', valid_to: null }),
    ]);
    const imported = await t.db
      .selectFrom('roster_import')
      .selectAll()
      .where('id', '=', first.importId)
      .executeTakeFirstOrThrow();
    expect(imported).toMatchObject({
      checksum: first.checksum,
      file_name: 'hr.csv',
      mode: 'partial',
      effective_date: '2027-04-01',
      applied_by: adminStaff.id,
    });
    const audit = await t.db
      .selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'roster.imported')
      .where('target_id', '=', String(first.importId))
      .execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]?.after).toMatchObject({ checksum: first.checksum, counts: first.counts });

    const data = ['org_unit', 'staff', 'staff_membership'] as const;
    const before = await tableChecksum(t.db, data);
    const again = await importFile(file, { effectiveDate: '2027-05-01' });
    expect(again.counts).toEqual({
      staff: { new: 0, changed: 0, moved: 0, deactivated: 0, unchanged: 2 },
      units: { new: 0, changed: 0, moved: 0, unchanged: 2 },
    });
    expect(await tableChecksum(t.db, data)).toBe(before);
  });

  it('records a transfer from its effective date and closes the old membership', async () => {
    const bureau = unique('B');
    const from = unique('D');
    const to = unique('D');
    const person = { number: unique('N'), unit: from };
    const units = [
      { code: bureau, kind: 'bureau' },
      { code: from, parent: bureau },
      { code: to, parent: bureau },
    ];
    await importFile(staffImportCsv(units, [person]), { effectiveDate: '2026-04-01' });
    const moved = await importFile(staffImportCsv(units, [{ ...person, unit: to, head: true }]), {
      effectiveDate: '2027-04-01',
    });
    expect(moved.counts.staff).toMatchObject({ moved: 1, unchanged: 0 });
    const staff = await staffByNumber(person.number);
    expect(await listStaffMemberships(t.db, staff?.id ?? 0)).toEqual([
      expect.objectContaining({
        unit_code: from,
        valid_from: '2026-04-01',
        valid_to: '2027-04-01',
        is_section_head: false,
      }),
      expect.objectContaining({
        unit_code: to,
        valid_from: '2027-04-01',
        valid_to: null,
        is_section_head: true,
      }),
    ]);
  });

  it('deactivates people missing from a full import (ending their sessions), never from a partial one', async () => {
    const bureau = unique('B');
    const units = [{ code: bureau, kind: 'bureau' }];
    const stays = { number: unique('N'), unit: bureau };
    const leaves = { number: unique('N'), unit: bureau };
    await importFile(staffImportCsv(units, [adminLine, stays, leaves]));
    const leaver = await staffByNumber(leaves.number);
    const session = await signedInAs(t.app, t.db, leaver?.id ?? 0);
    expect((await session.request('/api/auth/me')).status).toBe(200);

    const partial = await importFile(staffImportCsv(units, [adminLine, stays]), {
      mode: 'partial',
    });
    expect(partial.counts.staff.deactivated).toBe(0);
    expect((await staffByNumber(leaves.number))?.active).toBe(true);

    const activeBefore = await t.db
      .selectFrom('staff')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('active', '=', true)
      .executeTakeFirstOrThrow();
    const full = await importFile(staffImportCsv(units, [adminLine, stays]), {
      mode: 'full',
      effectiveDate: '2027-10-01',
    });
    // Everyone else in this test database is missing from the file too.
    expect(full.counts.staff.deactivated).toBe(activeBefore.n - 2);
    expect(full.signInsEnded).toBeGreaterThanOrEqual(1);
    expect(await staffByNumber(leaves.number)).toMatchObject({ active: false });
    expect(await staffByNumber(stays.number)).toMatchObject({ active: true });
    expect((await session.request('/api/auth/me')).status).toBe(401);
    const history = await listStaffMemberships(t.db, leaver?.id ?? 0);
    expect(history.at(-1)).toMatchObject({ valid_to: '2027-10-01' });
  });

  it('refuses a file other than the one previewed', async () => {
    const bureau = unique('B');
    const previewed = await preview(staffImportCsv([{ code: bureau }], []));
    const other = staffImportCsv([{ code: bureau, en: 'Something else' }], []);
    const before = await tableChecksum(t.db);
    const res = await send(admin, 'apply', other, { checksum: previewed.checksum });
    expect(res.status).toBe(409);
    expect((await res.json()).error.code).toBe('CONFLICT');
    expect(await tableChecksum(t.db)).toBe(before);
  });

  it('is for admins only', async () => {
    const officer = await signedInAs(
      t.app,
      t.db,
      (await makePerson(t.db, ['unit_security_officer'])).id,
    );
    expect((await send(officer, 'preview', staffImportCsv([], []))).status).toBe(403);
  });
});

describe('the result says what the preview said', () => {
  it('counts a first import of a new tree as new units, not as changed ones', async () => {
    // The report: a first import said `unitsUpdated 2,405` after a preview of 1 changed unit,
    // counting each new unit's link to its parent as an update.
    const top = await makeOrgUnit(t.db, { kind: 'ministry' });
    const bureau = unique('B');
    const divisions = Array.from({ length: 12 }, () => unique('D'));
    const file = staffImportCsv(
      [
        { code: top.code, kind: 'ministry', ja: '改名した本省', en: top.name_en },
        { code: bureau, parent: top.code, kind: 'bureau' },
        ...divisions.map((code) => ({ code, parent: bureau })),
      ],
      divisions.map((unit) => ({ number: unique('N'), unit })),
    );
    const previewed = await preview(file);
    const applied = await importFile(file);
    const expected = {
      staff: { new: 12, changed: 0, moved: 0, deactivated: 0, unchanged: 0 },
      units: { new: 13, changed: 1, moved: 0, unchanged: 0 },
    };
    expect(previewed.counts).toEqual(expected);
    expect(applied.counts).toEqual(expected);
    const audit = await t.db
      .selectFrom('audit_log')
      .select('after')
      .where('action', '=', 'roster.imported')
      .where('target_id', '=', String(applied.importId))
      .executeTakeFirstOrThrow();
    expect(audit.after).toMatchObject({
      counts: expected,
      written: { unitsInserted: 13, unitsChanged: 1, unitsMoved: 0 },
    });
  });

  it('counts a moved unit and a moved person as moved, with the rest unchanged', async () => {
    const bureau = unique('B');
    const [a, b, c] = [unique('D'), unique('D'), unique('D')];
    const units = [
      { code: bureau, kind: 'bureau' },
      { code: a, parent: bureau },
      { code: b, parent: bureau },
      { code: c, parent: bureau },
    ];
    const people = [
      { number: unique('N'), unit: a },
      { number: unique('N'), unit: b },
    ];
    await importFile(staffImportCsv(units, people));
    const next = staffImportCsv(
      [...units.slice(0, 3), { code: c, parent: a }],
      [
        { ...people[0]!, unit: b },
        { ...people[1]!, family: '佐藤' },
      ],
    );
    const applied = await importFile(next);
    expect(applied.counts).toEqual({
      staff: { new: 0, changed: 1, moved: 1, deactivated: 0, unchanged: 0 },
      units: { new: 0, changed: 0, moved: 1, unchanged: 3 },
    });
  });
});

describe('organisation settings in the file', () => {
  it('accepts an external agency and sets group-session access only where the column says', async () => {
    const agency = unique('A');
    const office = unique('R');
    const near = unique('D');
    const units = (noGroup: string) => [
      { code: agency, kind: 'agency', ja: '国税庁', en: 'National Tax Agency' },
      { code: office, parent: agency, kind: 'regional_office', noGroup },
      { code: near, parent: agency, noGroup: '0' },
    ];
    const first = await importFile(staffImportCsv(units('yes'), []));
    expect(first.counts.units).toMatchObject({ new: 3 });
    const rows = () =>
      t.db
        .selectFrom('org_unit')
        .select(['code', 'kind', 'has_group_sessions'])
        .where('code', 'in', [agency, office, near])
        .orderBy('code')
        .execute();
    expect(await rows()).toEqual(
      expect.arrayContaining([
        { code: agency, kind: 'agency', has_group_sessions: true },
        { code: office, kind: 'regional_office', has_group_sessions: false },
        { code: near, kind: 'division', has_group_sessions: true },
      ]),
    );
    // Blank keeps what is there (an admin may have set it on the organisation page).
    const kept = await importFile(staffImportCsv(units(''), []));
    expect(kept.counts.units).toMatchObject({ changed: 0, unchanged: 3 });
    expect((await rows()).find((r) => r.code === office)?.has_group_sessions).toBe(false);
    // A file without the column at all keeps it too.
    const columns = STAFF_IMPORT_COLUMNS.filter((c) => c !== 'no_group_sessions');
    const without = await importFile(staffImportCsv(units('1'), [], columns));
    expect(without.counts.units).toMatchObject({ changed: 0, unchanged: 3 });
    const reopened = await preview(staffImportCsv(units('no'), []));
    expect(reopened.changes).toEqual([
      expect.objectContaining({ key: office, change: 'changed', fields: ['no_group_sessions'] }),
    ]);
    await importFile(staffImportCsv(units('no'), []));
    expect((await rows()).find((r) => r.code === office)?.has_group_sessions).toBe(true);
    const wrong = await preview(staffImportCsv(units('sometimes'), []));
    expect(wrong.errors).toContainEqual(expect.objectContaining({ line: 3, code: 'invalid_flag' }));
  });

  it('clears the unit an admin set a section head to oversee when HR moves them', async () => {
    const bureau = unique('B');
    const [division, section, other] = [unique('D'), unique('S'), unique('D')];
    const units = [
      { code: bureau, kind: 'bureau' },
      { code: division, parent: bureau },
      { code: section, parent: division, kind: 'section' },
      { code: other, parent: bureau },
    ];
    const head = { number: unique('N'), unit: section, head: true };
    await importFile(staffImportCsv(units, [head]));
    const divisionRow = await t.db
      .selectFrom('org_unit')
      .select('id')
      .where('code', '=', division)
      .executeTakeFirstOrThrow();
    const person = await staffByNumber(head.number);
    const set = await admin.request(
      `/api/org-units/${divisionRow.id}/section-heads/${person?.id}`,
      { method: 'PUT' },
    );
    expect(set.status).toBe(200);
    // A re-import that keeps them where they are keeps the setting.
    await importFile(staffImportCsv(units, [{ ...head, family: '佐藤' }]));
    expect((await staffByNumber(head.number))?.oversight_unit_id).toBe(divisionRow.id);
    await importFile(staffImportCsv(units, [{ ...head, unit: other }]));
    expect((await staffByNumber(head.number))?.oversight_unit_id).toBeNull();
  });
});

describe('encodings', () => {
  it('reads CP932 (Shift_JIS) and UTF-8 with a BOM the same as plain UTF-8', async () => {
    const bureau = unique('B');
    const file = staffImportCsv(
      [{ code: bureau, kind: 'bureau', ja: '関東財務局', en: 'Kanto' }],
      [{ number: unique('N'), unit: bureau, family: '髙橋', given: '﨑子' }],
    );
    const plain = await preview(file);
    const cp932 = await preview(encodeCp932(file));
    const bom = await preview(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(file)]));
    expect(cp932.encoding).toBe('cp932');
    expect(bom.encoding).toBe('utf-8');
    for (const other of [cp932, bom]) {
      expect(other.errors).toEqual([]);
      expect(other.counts).toEqual(plain.counts);
      expect(other.changes).toEqual(plain.changes);
    }
    expect(plain.changes).toContainEqual(expect.objectContaining({ name: '髙橋 﨑子' }));
    const explicit = await preview(encodeCp932(file), { encoding: 'cp932' });
    expect(explicit.changes).toEqual(plain.changes);
  });
});

describe('bad input: a clear report, and nothing written', () => {
  const bureau = unique('B');
  const units = [{ code: bureau, kind: 'bureau' }];
  const person = (overrides: Partial<StaffLine> = {}): StaffLine => ({
    number: unique('N'),
    unit: bureau,
    ...overrides,
  });
  const columns = (replace: Record<string, string | null>) =>
    staffImportCsv(units, [person()]).replace(/^[^\r]*/, (header) =>
      header
        .split(',')
        .map((c) => (c in replace ? replace[c] : c))
        .filter((c) => c !== null)
        .join(','),
    );

  interface Expected {
    line: number;
    code: string;
    message?: RegExp;
    query?: Record<string, string>;
  }
  const cases: [string, () => Body, Expected][] = [
    [
      'Shift_JIS read as UTF-8',
      () => encodeCp932(staffImportCsv(units, [person({ family: '山田' })])),
      {
        line: 2,
        code: 'garbled_text',
        message: /not readable as UTF-8.*CP932/,
        query: { encoding: 'utf-8' },
      },
    ],
    [
      'a UTF-16 file',
      () => Buffer.from(`\ufeff${staffImportCsv(units, [person()])}`, 'utf16le'),
      { line: 1, code: 'garbled_text' },
    ],
    [
      'bytes that are not UTF-8',
      () =>
        Buffer.concat([
          Buffer.from(staffImportCsv(units, [])),
          Buffer.from(staffImportCsv([], [person({ family: 'X' })]).split('\r\n')[1] ?? ''),
          Buffer.from([0xff, 0xfe, 0x0d, 0x0a]),
        ]),
      { line: 3, code: 'garbled_text', query: { encoding: 'utf-8' } },
    ],
    [
      'a misspelt column',
      () => columns({ family_name: 'famly_name' }),
      { line: 1, code: 'unknown_column', message: /did you mean "family_name"/ },
    ],
    [
      'a missing column',
      () => columns({ email: null }),
      { line: 1, code: 'missing_column', message: /Missing column "email"/ },
    ],
    [
      'a duplicate staff number',
      () => {
        const p = person();
        return staffImportCsv(units, [p, { ...p, email: 'other@staff.example.go.jp' }]);
      },
      { line: 4, code: 'duplicate_staff_number', message: /already on line 3/ },
    ],
    [
      'an unknown unit code',
      () => staffImportCsv(units, [person({ unit: 'NO-SUCH-UNIT' })]),
      { line: 3, code: 'unknown_unit', message: /NO-SUCH-UNIT/ },
    ],
    [
      'an unknown parent code',
      () => staffImportCsv([...units, { code: unique('D'), parent: 'NO-SUCH-PARENT' }], []),
      { line: 3, code: 'unknown_parent', message: /NO-SUCH-PARENT/ },
    ],
    [
      'a cycle in the unit tree',
      () => {
        const [a, b] = [unique('D'), unique('D')];
        return staffImportCsv(
          [
            { code: a, parent: b },
            { code: b, parent: a },
          ],
          [],
        );
      },
      { line: 2, code: 'unit_cycle', message: /cycle/ },
    ],
    [
      'a malformed e-mail',
      () => staffImportCsv(units, [person({ email: 'hanako.yamada.example.go.jp' })]),
      { line: 3, code: 'invalid_email' },
    ],
    [
      'an unknown employment type',
      () => staffImportCsv(units, [person({ type: 'contractor' })]),
      { line: 3, code: 'unknown_employment_type', message: /contractor/ },
    ],
    ['an empty file', () => '', { line: 1, code: 'empty_file' }],
    [
      'a quote never closed',
      () => staffImportCsv(units, [person(), person({ family: 'OPEN' })]).replace('OPEN', '"山田'),
      { line: 4, code: 'invalid_csv', message: /quoted field is never closed/ },
    ],
    [
      'a quote in the wrong place',
      () => staffImportCsv(units, [person({ family: 'STRAY' })]).replace('STRAY', '"山"田"'),
      { line: 3, code: 'invalid_csv', message: /quote is in the wrong place/ },
    ],
    [
      'a problem after a name that spans two lines (lines are counted as in the file)',
      () =>
        staffImportCsv(
          [{ ...units[0]!, ja: '本省\r\n情報局' }],
          [person({ email: 'not-an-address' })],
        ),
      { line: 4, code: 'invalid_email' },
    ],
    [
      'a row with too many columns',
      () => staffImportCsv(units, [person()]).replace(/\r\n$/, ',extra\r\n'),
      { line: 3, code: 'too_many_columns', message: /21 fields, but the header has 20/ },
    ],
  ];

  it.each(cases)('%s', async (_name, makeBody, expected) => {
    const body = makeBody();
    const query = expected.query ?? {};
    const before = await tableChecksum(t.db);
    const result = await preview(body, query);
    expect(result.errorCount).toBeGreaterThan(0);
    expect(result.errors).toContainEqual(
      expected.message
        ? {
            line: expected.line,
            code: expected.code,
            message: expect.stringMatching(expected.message),
          }
        : expect.objectContaining({ line: expected.line, code: expected.code }),
    );
    const res = await send(admin, 'apply', body, { ...query, checksum: result.checksum });
    expect(res.status).toBe(400);
    const json = await res.json();
    expect(json.error).toMatchObject({
      code: 'VALIDATION',
      details: { errorCount: result.errorCount },
    });
    expect(await tableChecksum(t.db)).toBe(before);
  });

  it('refuses a file over the configured limit', async () => {
    const small = createApp({
      database: t.database,
      config: { ...loadConfig({}), seed: 'none', staffImportMaxBytes: 1_000 },
    });
    const client = await signedInAs(small, t.db, adminStaff.id);
    const big = staffImportCsv(
      units,
      Array.from({ length: 20 }, () => person()),
    );
    expect(big.length).toBeGreaterThan(1_000);
    const before = await tableChecksum(t.db);
    for (const action of ['preview', 'apply'] as const) {
      // A stream has no content-length, so the limit is enforced while reading too.
      const stream = new Blob([big]).stream();
      const res = await client.request(`/api/staff-imports/${action}?checksum=${'0'.repeat(64)}`, {
        method: 'POST',
        body: stream,
        headers: { 'content-type': 'text/csv' },
        duplex: 'half',
      } as RequestInit);
      expect(res.status).toBe(413);
      expect((await res.json()).error.message).toMatch(/larger than the limit of 1,000 bytes/);
    }
    expect(await tableChecksum(t.db)).toBe(before);
  });

  it('answers a JSON body with a 400 that says what to send', async () => {
    const res = await admin.json('/api/staff-imports/preview', {});
    expect(res.status).toBe(400);
    expect((await res.json()).error.message).toMatch(/text\/csv/);
  });
});

describe('an import that invites the people it adds', () => {
  it('e-mails a set-password link to each new person, with the import, and only when asked', async () => {
    const division = unique('D');
    const known = { number: unique('N'), unit: division };
    await importFile(staffImportCsv([{ code: division, kind: 'bureau' }], [known]));
    const knownStaff = await staffByNumber(known.number);

    const newcomers = [
      { number: unique('N'), unit: division },
      { number: unique('N'), unit: division, locale: 'en' },
    ];
    const file = staffImportCsv([{ code: division, kind: 'bureau' }], [known, ...newcomers]);
    const result = await importFile(file, { invite: 'true' });
    expect(result.counts.staff).toMatchObject({ new: 2, unchanged: 1 });
    expect(result.invitations).toEqual({ invited: 2, noEmail: 0 });

    const added = await Promise.all(newcomers.map((p) => staffByNumber(p.number)));
    const addresses = added.map((p) => p?.email ?? '').sort();
    const links = await t.db
      .selectFrom('password_token')
      .select('staff_id')
      .where('staff_id', 'in', [...added.map((p) => p?.id ?? 0), knownStaff?.id ?? 0])
      .execute();
    expect(links.map((l) => l.staff_id).sort()).toEqual(added.map((p) => p?.id ?? 0).sort());
    const issued = await t.db
      .selectFrom('audit_log')
      .select('target_id')
      .where('action', '=', 'account.password_link_issued')
      .where('actor_staff_id', '=', adminStaff.id)
      .execute();
    expect(issued.map((a) => a.target_id)).toEqual(
      expect.arrayContaining(added.map((p) => String(p?.id))),
    );

    smtp.clear();
    await deliverMail(t.db, t.clock.now(), { ...loadConfig({}), ...settings }, mailer);
    const arrived = smtp.received.filter((m) => addresses.includes(m.to));
    expect(arrived.map((m) => m.to).sort()).toEqual(addresses);
    for (const mail of arrived)
      expect(mail.text).toContain('https://kenshu.example.go.jp/set-password#token=');
    const english = arrived.find((m) => m.to === added[1]?.email);
    expect(english?.subject).toMatch(/password/i);
    expect(smtp.received.some((m) => m.to === knownStaff?.email)).toBe(false);

    // Without the option nobody is invited; with it and nobody new, nobody either.
    const later = { number: unique('N'), unit: division };
    const quiet = await importFile(
      staffImportCsv([{ code: division, kind: 'bureau' }], [known, ...newcomers, later]),
    );
    expect(quiet.invitations).toBeNull();
    const laterStaff = await staffByNumber(later.number);
    expect(
      await t.db
        .selectFrom('password_token')
        .select('id')
        .where('staff_id', '=', laterStaff?.id ?? 0)
        .execute(),
    ).toEqual([]);
    const again = await importFile(file, { invite: 'true' });
    expect(again.invitations).toEqual({ invited: 0, noEmail: 0 });
  });
});
