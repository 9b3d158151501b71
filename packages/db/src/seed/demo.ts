import { isBureauLevel } from '@kenshu/domain';
import type { Kysely } from 'kysely';
import { insertOrgUnits } from '../repositories/org-units.ts';
import { setDemoPasswordHashes } from '../repositories/credentials.ts';
import { grantRoles } from '../repositories/roles.ts';
import { insertStaff } from '../repositories/staff.ts';
import type { DB, EmploymentType, NewStaff, OrgUnitKind } from '../schema.ts';
import { FAMILY_NAMES, GIVEN_NAMES, pick, seededRandom } from './names.ts';
import { DEMO_PEOPLE, seedDemoProgramme } from './programme.ts';
import { seedDemoHistory } from './history.ts';
import { seedDemoELearning } from './e-learning.ts';
import { seedTodaysSession } from './todays-session.ts';

type UnitSpec = [code: string, parent: string | null, kind: OrgUnitKind, ja: string, en: string];

/** A small ministry shaped like the source document's: head office, a regional branch, an agency. */
export const DEMO_UNITS: UnitSpec[] = [
  ['MOF', null, 'ministry', '財務省', 'Ministry of Finance'],
  ['MOF-SEC', 'MOF', 'bureau', '大臣官房', "Minister's Secretariat"],
  ['MOF-SEC-DOC', 'MOF-SEC', 'division', '文書課', 'Documents Division'],
  ['MOF-SEC-DOC-1', 'MOF-SEC-DOC', 'section', '情報管理室', 'Information Management Office'],
  ['MOF-SEC-ACC', 'MOF-SEC', 'division', '会計課', 'Accounts Division'],
  ['MOF-SEC-PLN', 'MOF-SEC', 'division', '業務企画室', 'Operations Planning Office'],
  ['MOF-BUD', 'MOF', 'bureau', '主計局', 'Budget Bureau'],
  ['MOF-BUD-GEN', 'MOF-BUD', 'division', '総務課', 'General Affairs Division'],
  ['MOF-BUD-ACT', 'MOF-BUD', 'division', '司計課', 'Budget Execution Division'],
  ['MOF-TAX', 'MOF', 'bureau', '主税局', 'Tax Bureau'],
  ['MOF-TAX-GEN', 'MOF-TAX', 'division', '総務課', 'General Affairs Division'],
  ['MOF-TAX-POL', 'MOF-TAX', 'division', '税制第一課', 'First Tax Policy Division'],
  ['MOF-KNT', 'MOF', 'regional_office', '関東財務局', 'Kanto Local Finance Bureau'],
  ['MOF-KNT-GEN', 'MOF-KNT', 'division', '総務課', 'General Affairs Division'],
  ['NTA', 'MOF', 'agency', '国税庁', 'National Tax Agency'],
  ['NTA-SEC', 'NTA', 'division', '長官官房総務課', 'General Affairs Division'],
  ['NTA-TKY', 'NTA', 'regional_office', '東京国税局', 'Tokyo Regional Taxation Bureau'],
  ['NTA-TKY-GEN', 'NTA-TKY', 'division', '総務課', 'General Affairs Division'],
];

/** The password of every demo account. Published in the README; production start refuses it. */
export const DEMO_PASSWORD = 'kenshu-demo';

/** Demo accounts with fixed staff numbers, so the README can name them. */
export const DEMO_ACCOUNTS = {
  admin: 'A0001',
  trainer: 'T0001',
  sectionHead: 'H0001',
  unitSecurityOfficer: 'U0001',
  pjmo: 'P0001',
  staff: 'S0001',
} as const;

const NAMED = new Set<string>(Object.values(DEMO_PEOPLE));

const DIVISIONS = DEMO_UNITS.filter(([, , kind]) => kind === 'division' || kind === 'section');
const BUREAUS = DEMO_UNITS.filter(([, , kind]) => isBureauLevel(kind));

/**
 * Seeds the demo ministry (~200 staff covering every role and employment type). Deterministic.
 * Every demo person signs in with the one demo password whose hash is given (see README).
 */
export async function seedDemo(
  db: Kysely<DB>,
  options: { demoPasswordHash?: string; now?: Date } = {},
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const idByCode = new Map<string, number>();
    // Parents come first in DEMO_UNITS, so each batch of one knows its parent's id.
    for (const [code, parent, kind, ja, en] of DEMO_UNITS) {
      const parentId = parent ? idByCode.get(parent) : null;
      const [unit] = await insertOrgUnits(trx, [
        { code, parent_id: parentId ?? null, kind, name_ja: ja, name_en: en },
      ]);
      if (unit) idByCode.set(code, unit.id);
    }
    const unitId = (code: string): number => {
      const id = idByCode.get(code);
      if (id === undefined) throw new Error(`demo unit ${code} missing`);
      return id;
    };

    const random = seededRandom(2026);
    const people: NewStaff[] = [];
    const person = (
      staffNumber: string,
      unitCode: string,
      extra: Partial<NewStaff> = {},
    ): NewStaff => {
      const [family, familyKana, familyRomaji] = pick(random, FAMILY_NAMES);
      const [given, givenKana, givenRomaji] = pick(random, GIVEN_NAMES);
      return {
        staff_number: staffNumber,
        family_name: family,
        given_name: given,
        family_name_kana: familyKana,
        given_name_kana: givenKana,
        email: `${givenRomaji}.${familyRomaji}.${staffNumber.toLowerCase()}@demo.kenshu.example`,
        org_unit_id: unitId(unitCode),
        employment_type: 'regular',
        ...extra,
      };
    };

    people.push(person(DEMO_ACCOUNTS.admin, 'MOF-SEC-PLN', {}));
    people.push(person('A0002', 'MOF-SEC-PLN', { locale: 'en' }));
    people.push(person(DEMO_ACCOUNTS.trainer, 'MOF-SEC-DOC-1', {}));
    people.push(person('T0002', 'MOF-SEC-DOC-1', { locale: 'en' }));
    people.push(person(DEMO_ACCOUNTS.sectionHead, 'MOF-BUD-GEN', { is_section_head: true }));
    people.push(
      person(DEMO_ACCOUNTS.unitSecurityOfficer, 'MOF-BUD', { is_unit_security_officer: true }),
    );
    people.push(
      person(DEMO_ACCOUNTS.pjmo, 'MOF-TAX-POL', {
        is_pjmo_member: true,
        is_system_security_officer: true,
      }),
    );
    people.push(person(DEMO_ACCOUNTS.staff, 'MOF-BUD-GEN'));

    // One section head per other division, one unit security officer per other bureau.
    DIVISIONS.filter(([code]) => code !== 'MOF-BUD-GEN').forEach(([code], i) => {
      people.push(person(`H${String(i + 2).padStart(4, '0')}`, code, { is_section_head: true }));
    });
    BUREAUS.filter(([code]) => code !== 'MOF-BUD').forEach(([code], i) => {
      people.push(
        person(`U${String(i + 2).padStart(4, '0')}`, code, { is_unit_security_officer: true }),
      );
    });

    const employment: EmploymentType[] = [
      'regular',
      'regular',
      'regular',
      'regular',
      'regular',
      'regular',
      'part_time',
      'part_time',
      'temporary',
      'temporary',
    ];
    for (let n = 2; people.length < 200; n++) {
      const [picked] = pick(random, DIVISIONS);
      const staffNumber = `S${String(n).padStart(4, '0')}`;
      // The README's people in each state sit in H0001's division, so its team page shows them.
      const code = NAMED.has(staffNumber) ? 'MOF-BUD-GEN' : picked;
      people.push(
        person(staffNumber, code, {
          employment_type: pick(random, employment),
          is_pjmo_member: random() < 0.06,
          is_system_security_officer: random() < 0.03,
          locale: random() < 0.1 ? 'en' : 'ja',
        }),
      );
    }
    const inserted = await insertStaff(trx, people);
    const idOf = new Map(inserted.map((p) => [p.staff_number, p.id]));
    const granted = (numbers: string[], role: 'admin' | 'trainer') =>
      numbers.flatMap((n) => {
        const id = idOf.get(n);
        return id === undefined ? [] : [{ staff_id: id, role }];
      });
    await grantRoles(
      trx,
      [
        ...granted([DEMO_ACCOUNTS.admin, 'A0002'], 'admin'),
        ...granted([DEMO_ACCOUNTS.trainer, 'T0002'], 'trainer'),
      ],
      null,
    );
    await seedDemoProgramme(trx, inserted, options.now ?? new Date());
    await seedDemoELearning(trx, options.now ?? new Date());
    await seedDemoHistory(trx, options.now ?? new Date(), DEMO_ACCOUNTS.trainer);
    await seedTodaysSession(trx, options.now ?? new Date(), {
      trainer: DEMO_ACCOUNTS.trainer,
      keepAsTheyAre: [...Object.values(DEMO_ACCOUNTS), ...Object.values(DEMO_PEOPLE)],
    });
    if (options.demoPasswordHash) {
      await setDemoPasswordHashes(
        trx,
        inserted.map((p) => p.id),
        options.demoPasswordHash,
      );
    }
  });
}
