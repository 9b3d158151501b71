import { createRequire } from 'node:module';
import type { DB, Executor } from '@kenshu/db';
import { tableFingerprint } from '@kenshu/db/testing';
import { STAFF_IMPORT_COLUMNS, type StaffImportColumn } from '@kenshu/domain';
import type { AppType } from '@kenshu/api';
import { makePerson, signedInAs, type SignedInClient } from './auth.ts';
import { typedApi } from './typed-api.ts';

export interface UnitLine {
  code: string;
  parent?: string | null;
  kind?: string;
  ja?: string;
  en?: string;
  /** The optional no_group_sessions value, as written in the file. */
  noGroup?: string;
}

export interface StaffLine {
  number: string;
  unit: string;
  family?: string;
  given?: string;
  familyKana?: string;
  givenKana?: string;
  email?: string;
  type?: string;
  head?: boolean;
  officer?: boolean;
  locale?: string;
}

/** A staff import CSV (UTF-8 text) with the standard header, units first, then people. */
export function staffImportCsv(
  units: readonly UnitLine[],
  staff: readonly StaffLine[],
  columns: readonly string[] = STAFF_IMPORT_COLUMNS,
): string {
  const line = (fields: Partial<Record<StaffImportColumn, string>>) =>
    columns.map((c) => quote(fields[c as StaffImportColumn] ?? '')).join(',');
  const rows = [
    columns.join(','),
    ...units.map((u) =>
      line({
        record_type: 'unit',
        code: u.code,
        parent_code: u.parent ?? '',
        kind: u.kind ?? (u.parent ? 'division' : 'bureau'),
        name_ja: u.ja ?? `${u.code}課`,
        name_en: u.en ?? `${u.code} Division`,
        no_group_sessions: u.noGroup ?? '',
      }),
    ),
    ...staff.map((s) =>
      line({
        record_type: 'staff',
        staff_number: s.number,
        family_name: s.family ?? '山田',
        given_name: s.given ?? '花子',
        family_name_kana: s.familyKana ?? 'やまだ',
        given_name_kana: s.givenKana ?? 'はなこ',
        email: s.email ?? `${s.number.toLowerCase()}@staff.example.go.jp`,
        unit_code: s.unit,
        employment_type: s.type ?? 'regular',
        section_head: s.head ? '1' : '0',
        unit_security_officer: s.officer ? 'yes' : 'no',
        system_security_officer: 'false',
        pjmo_member: '0',
        locale: s.locale ?? 'ja',
      }),
    ),
  ];
  return `${rows.join('\r\n')}\r\n`;
}

/**
 * An admin who applies staff imports, signed in, with their own line for the file: a full import
 * removes whoever it does not list, the person applying it too.
 */
export async function importingAdmin(
  app: { request(input: string, init?: RequestInit): Response | Promise<Response> },
  db: Executor,
) {
  const staff = await makePerson(db, ['admin']);
  const client: SignedInClient = await signedInAs(app, db, staff.id);
  const unit = await db
    .selectFrom('org_unit')
    .select('code')
    .where('id', '=', staff.org_unit_id)
    .executeTakeFirstOrThrow();
  const line: StaffLine = {
    number: staff.staff_number,
    unit: unit.code,
    family: staff.family_name,
    given: staff.given_name,
    familyKana: staff.family_name_kana,
    givenKana: staff.given_name_kana,
    email: staff.email,
  };
  return { staff, client, line };
}

type StaffImportRoutes = ReturnType<typeof typedApi>['staff-imports'];

/**
 * This person's staff import calls through the typed client. The file goes as the raw request
 * body (text/csv), as the web page sends it; the typed client checks the path, query and answer.
 */
export function staffImportsOf(app: AppType, as: SignedInClient) {
  const routes = typedApi(app, as)['staff-imports'];
  const file = (body: string | Buffer) => ({
    headers: { 'content-type': 'text/csv' },
    // A Buffer is a Uint8Array, which fetch accepts; the DOM typings only name ArrayBuffer views.
    init: { body: typeof body === 'string' ? body : new Blob([new Uint8Array(body)]) },
  });
  return {
    preview: (
      body: string | Buffer,
      query: Parameters<StaffImportRoutes['preview']['$post']>[0]['query'],
    ) => routes.preview.$post({ query }, file(body)),
    apply: (
      body: string | Buffer,
      query: Parameters<StaffImportRoutes['apply']['$post']>[0]['query'],
    ) => routes.apply.$post({ query }, file(body)),
  };
}

function quote(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

const IMPORT_TABLES = [
  'org_unit',
  'staff',
  'staff_membership',
  'auth_session',
  'roster_import',
  'audit_log',
  'role_grant',
] as const satisfies readonly (keyof DB)[];

/** A fingerprint of every table an import may touch: equal before and after = nothing written. */
export function tableChecksum(
  db: Executor,
  tables: readonly (keyof DB)[] = IMPORT_TABLES,
): Promise<string> {
  return tableFingerprint(db, tables);
}

// iconv-lite is the API's dependency, not the test workspace's: reach it through apps/api, so
// the test encodes with exactly the library the import decodes with.
const iconv = createRequire(new URL('../../apps/api/package.json', import.meta.url))(
  'iconv-lite',
) as { encode(text: string, encoding: string): Buffer };

/** The text as CP932 (Shift_JIS) bytes, the way Japanese HR systems often export. */
export function encodeCp932(text: string): Buffer {
  return iconv.encode(text, 'cp932');
}
