import { createRequire } from 'node:module';
import type { DB, Executor } from '@kenshu/db';
import { tableFingerprint } from '@kenshu/db/testing';
import { STAFF_IMPORT_COLUMNS, type StaffImportColumn } from '@kenshu/domain';

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
