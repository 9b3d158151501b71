import {
  FAMILY_NAMES,
  GIVEN_NAMES,
  pick,
  seededRandom,
  type EmploymentType,
  type OrgUnitKind,
} from '@kenshu/db';
import type { StaffImportPersonRow } from '@kenshu/domain';
import {
  CUSTOMS_HOUSES,
  DISTRICTS,
  DIVISION_NAMES,
  HEAD_OFFICE_BUREAUS,
  INSTITUTES,
  LOCAL_FINANCE_BUREAUS,
  MINISTRY,
  REGIONAL_TAXATION_BUREAUS,
  SECTION_NAMES,
  TAX_AGENCY,
  type Bilingual,
  type DivisionFlavour,
  type RegionalSpec,
} from './shape.ts';

/** An org unit as HR would list it: parents referred to by code, before their children. */
export interface UnitRow {
  code: string;
  parent_code: string | null;
  kind: OrgUnitKind;
  name_ja: string;
  name_en: string;
}

/** A person as HR would list them, with the roles that are on the HR record. */
export type StaffRow = StaffImportPersonRow;

/** Roles the programme's admins grant in the product, not on the HR record. */
export type GrantedRole = 'admin' | 'trainer';

export interface RoleGrantRow {
  staff_number: string;
  role: GrantedRole;
}

/** A whole generated ministry: units parents-first, staff, and the roles granted to them. */
export interface Ministry {
  units: UnitRow[];
  staff: StaffRow[];
  grants: RoleGrantRow[];
}

export interface MinistryOptions {
  seed: number;
  /** Number of staff (default 80,000, the ministry's real size). */
  staff?: number;
  /** Exact number of units (default 3,000). */
  units?: number;
}

/** Which part of the ministry a unit belongs to; it sets how many people a unit has. */
type Family = 'head' | 'institute' | 'customs' | 'finance' | 'tax';

// Staff per unit relative to a tax-office unit, so the agency holds ~3/4 of the ministry and
// customs ~1/8, roughly as in the real one.
const FAMILY_STAFFING: Record<Family, number> = {
  head: 1.2,
  institute: 0.8,
  customs: 1.9,
  finance: 0.6,
  tax: 1,
};
const KIND_STAFFING: Record<OrgUnitKind, number> = {
  ministry: 0.3,
  bureau: 1.5,
  agency: 1.5,
  regional_office: 1.5,
  division: 3,
  section: 1.5,
};

interface Office {
  code: string;
  parentCode: string;
  kind: 'bureau' | 'regional_office';
  name: Bilingual;
  family: Family;
  flavour: DivisionFlavour;
  divisionWeight: number;
  offices: Office[];
  /** Divisions and sections to create under it; filled in once all offices are known. */
  budget: number;
}

interface PlannedUnit extends UnitRow {
  /** Relative number of people working in the unit. */
  staffing: number;
}

const ROOT_CODE = 'MIN';
const EMAIL_DOMAIN = 'mof.kenshu.example';

/**
 * Generates a ministry of the requested size, shaped like the source report's: one ministry,
 * head-office bureaus and institutes, customs houses, local finance bureaus with their offices,
 * and the tax agency with regional taxation bureaus and tax offices, each with divisions (課)
 * and sections (室/係). The same seed always gives the same ministry.
 */
export function generateMinistry({
  seed,
  staff = 80_000,
  units = 3_000,
}: MinistryOptions): Ministry {
  if (!Number.isInteger(staff) || !Number.isInteger(units)) {
    throw new RangeError('staff and units must be whole numbers');
  }
  // Separate streams, so asking for more staff does not reshape the organisation.
  const structureRandom = seededRandom(seed);
  const staffRandom = seededRandom(seed ^ 0x5eed5eed);

  const offices = planOffices(units);
  const officeCount = 1 + countOffices(offices);
  // Every office gets at least one division, so the tree never has an empty bureau.
  if (units < officeCount * 2) {
    throw new RangeError(`units must be at least ${officeCount * 2} for this shape (got ${units})`);
  }
  const flat = flattenOffices(offices);
  const shares = apportion(
    units - officeCount - flat.length,
    flat.map((o) => o.divisionWeight * (0.75 + structureRandom() * 0.5)),
  );
  flat.forEach((office, i) => {
    office.budget = 1 + (shares[i] ?? 0);
  });

  const planned: PlannedUnit[] = [
    {
      code: ROOT_CODE,
      parent_code: null,
      kind: 'ministry',
      name_ja: MINISTRY[0],
      name_en: MINISTRY[1],
      staffing: KIND_STAFFING.ministry,
    },
  ];
  for (const office of offices) emitOffice(office, planned, structureRandom);
  if (planned.length !== units) {
    throw new Error(`generator planned ${planned.length} units instead of ${units}`);
  }

  return { units: planned.map(toUnitRow), ...assignStaff(planned, staff, staffRandom) };
}

/** The code of the unit where the programme's admins work (the coordinating office). */
export const COORDINATING_OFFICE_CODE = 'HQ-SEC-D01';

function planOffices(units: number): Office[] {
  const office = (
    spec: { code: string; name: Bilingual; divisionWeight: number },
    parentCode: string,
    kind: Office['kind'],
    family: Family,
    flavour: DivisionFlavour,
  ): Office => ({ ...spec, parentCode, kind, family, flavour, offices: [], budget: 0 });

  const headOffice = HEAD_OFFICE_BUREAUS.map((b) =>
    office(b, ROOT_CODE, 'bureau', 'head', b.code === 'HQ-SEC' ? 'secretariat' : 'headOffice'),
  );
  const institutes = INSTITUTES.map((b) =>
    office(b, ROOT_CODE, 'bureau', 'institute', 'headOffice'),
  );
  const customs = CUSTOMS_HOUSES.map((c) =>
    office(c, ROOT_CODE, 'regional_office', 'customs', 'regional'),
  );

  // Local offices scale with the requested size: ~330 tax offices and ~40 local finance
  // offices at 3,000 units.
  const financeBureaus = withLocalOffices(
    LOCAL_FINANCE_BUREAUS,
    Math.round(units * 0.013),
    (spec) => office(spec, ROOT_CODE, 'regional_office', 'finance', 'regional'),
    (bureau, j, [placeJa, placeEn], round) => ({
      code: `${bureau.code}-O${pad(j + 1, 2)}`,
      name: [
        round === 0 ? `${placeJa}財務事務所` : `${placeJa}第${round + 1}財務事務所`,
        round === 0
          ? `${placeEn} Local Finance Office`
          : `${placeEn} Local Finance Office No. ${round + 1}`,
      ],
      family: 'finance',
      flavour: 'regional',
      divisionWeight: 3,
    }),
  );
  const agency = office(TAX_AGENCY, ROOT_CODE, 'bureau', 'tax', 'headOffice');
  agency.offices = withLocalOffices(
    REGIONAL_TAXATION_BUREAUS,
    Math.round(units * 0.11),
    (spec) => office(spec, TAX_AGENCY.code, 'regional_office', 'tax', 'regional'),
    (bureau, j, [placeJa, placeEn], round) => {
      const district = DISTRICTS[round];
      return {
        code: `${bureau.code}-T${pad(j + 1, 3)}`,
        name: district
          ? [`${placeJa}${district[0]}税務署`, `${placeEn}${district[1]} Tax Office`]
          : [`${placeJa}第${round}税務署`, `${placeEn} Tax Office No. ${round}`],
        family: 'tax',
        flavour: 'taxOffice',
        divisionWeight: 3.5,
      };
    },
  );
  return [...headOffice, ...institutes, ...customs, ...financeBureaus, agency];
}

/** Regional bureaus, each with its share of `total` local offices named after its places. */
function withLocalOffices(
  specs: readonly RegionalSpec[],
  total: number,
  makeBureau: (spec: RegionalSpec) => Office,
  makeLocal: (
    bureau: Office,
    index: number,
    place: Bilingual,
    round: number,
  ) => Pick<Office, 'code' | 'name' | 'family' | 'flavour' | 'divisionWeight'>,
): Office[] {
  const counts = apportion(
    total,
    specs.map((s) => s.localOffices),
  );
  return specs.map((spec, i) => {
    const bureau = makeBureau(spec);
    for (let j = 0; j < (counts[i] ?? 0); j++) {
      const place = spec.places[j % spec.places.length] ?? spec.name;
      const local = makeLocal(bureau, j, place, Math.floor(j / spec.places.length));
      bureau.offices.push({
        ...local,
        parentCode: bureau.code,
        kind: 'regional_office',
        offices: [],
        budget: 0,
      });
    }
    return bureau;
  });
}

function countOffices(offices: Office[]): number {
  return offices.reduce((n, o) => n + 1 + countOffices(o.offices), 0);
}

function flattenOffices(offices: Office[]): Office[] {
  return offices.flatMap((o) => [o, ...flattenOffices(o.offices)]);
}

/** Appends an office, its divisions and sections, then its own local offices, parents first. */
function emitOffice(office: Office, out: PlannedUnit[], random: () => number): void {
  const unit = (
    code: string,
    parentCode: string,
    kind: OrgUnitKind,
    [ja, en]: Bilingual,
  ): PlannedUnit => ({
    code,
    parent_code: parentCode,
    kind,
    name_ja: ja,
    name_en: en,
    staffing: KIND_STAFFING[kind] * FAMILY_STAFFING[office.family] * (0.6 + random() * 0.8),
  });
  out.push(unit(office.code, office.parentCode, office.kind, office.name));

  // About three divisions for every two sections; sections land on divisions at random.
  const divisions = Math.max(1, Math.round(office.budget * 0.6));
  const sectionsPer = Array.from({ length: divisions }, () => 0);
  for (let s = 0; s < office.budget - divisions; s++) {
    const d = Math.floor(random() * divisions);
    sectionsPer[d] = (sectionsPer[d] ?? 0) + 1;
  }
  const names: readonly Bilingual[] = DIVISION_NAMES[office.flavour];
  const numbered = office.flavour === 'taxOffice' ? ['部門', 'Department'] : ['課', 'Division'];
  sectionsPer.forEach((sections, d) => {
    const code = `${office.code}-D${pad(d + 1, 2)}`;
    const name = names[d] ?? [`第${d + 1}${numbered[0]}`, `${numbered[1]} ${d + 1}`];
    out.push(unit(code, office.code, 'division', name));
    for (let s = 0; s < sections; s++) {
      const sectionName = SECTION_NAMES[s] ?? [`第${s + 1}係`, `Section ${s + 1}`];
      out.push(unit(`${code}-S${s + 1}`, code, 'section', sectionName));
    }
  });
  for (const local of office.offices) emitOffice(local, out, random);
}

function toUnitRow({ code, parent_code, kind, name_ja, name_en }: PlannedUnit): UnitRow {
  return { code, parent_code, kind, name_ja, name_en };
}

function assignStaff(
  units: PlannedUnit[],
  total: number,
  random: () => number,
): Pick<Ministry, 'staff' | 'grants'> {
  const adminCount = Math.min(10, Math.max(2, Math.round(total / 8_000)));
  const trainerCount = Math.min(60, Math.max(2, Math.round(total / 2_000)));
  const coordinating = units.findIndex((u) => u.code === COORDINATING_OFFICE_CODE);
  if (coordinating < 0) throw new Error('generator lost the coordinating office');

  // Everyone with a role needs a unit to sit in: one person per unit at least, and enough
  // admins in the coordinating office.
  const minimum = units.map((_, i) => (i === coordinating ? adminCount : 1));
  const floor = minimum.reduce((a, b) => a + b, 0);
  if (total < floor) {
    throw new RangeError(
      `staff must be at least ${floor} for ${units.length} units (got ${total})`,
    );
  }
  const extra = apportion(
    total - floor,
    units.map((u) => u.staffing),
  );
  const unitOf: number[] = [];
  units.forEach((_, i) => {
    for (let n = 0; n < (minimum[i] ?? 0) + (extra[i] ?? 0); n++) unitOf.push(i);
  });
  // Staff numbers are issued over time, not unit by unit.
  shuffle(unitOf, random);

  const headed = new Set<number>();
  const admins: number[] = [];
  const emailCount = new Map<string, number>();
  const staff = unitOf.map((u, i): StaffRow => {
    const unit = units[u];
    if (!unit) throw new Error('generator assigned a person to a missing unit');
    const staffNumber = `G${pad(i + 1, 7)}`;
    const [family, familyKana, familyRomaji] = pick(random, FAMILY_NAMES);
    const [given, givenKana, givenRomaji] = pick(random, GIVEN_NAMES);
    const local = `${givenRomaji}.${familyRomaji}`;
    const seen = (emailCount.get(local) ?? 0) + 1;
    emailCount.set(local, seen);

    // The first person met in a unit heads it: a section head for a division or section,
    // the unit security officer for a bureau or regional office.
    const firstInUnit = !headed.has(u);
    headed.add(u);
    const isSectionHead = firstInUnit && (unit.kind === 'division' || unit.kind === 'section');
    const isUnitSecurityOfficer =
      firstInUnit && (unit.kind === 'bureau' || unit.kind === 'regional_office');
    const isAdmin = u === coordinating && admins.length < adminCount;
    if (isAdmin) admins.push(i);

    // Heads and officers are always regular staff (~4%), so the draw for everyone else is
    // shifted to keep the whole at ~75% regular, 15% part-time, 10% temporary.
    const draw = random();
    const employment: EmploymentType =
      isSectionHead || isUnitSecurityOfficer || isAdmin || draw < 0.74
        ? 'regular'
        : draw < 0.896
          ? 'part_time'
          : 'temporary';
    return {
      staff_number: staffNumber,
      family_name: family,
      given_name: given,
      family_name_kana: familyKana,
      given_name_kana: givenKana,
      email: `${local}${seen > 1 ? seen : ''}@${EMAIL_DOMAIN}`,
      unit_code: unit.code,
      employment_type: employment,
      locale: random() < 0.03 ? 'en' : 'ja',
      is_section_head: isSectionHead,
      is_unit_security_officer: isUnitSecurityOfficer,
      is_system_security_officer: random() < 0.02,
      is_pjmo_member: random() < 0.05,
    };
  });

  const trainers = pickTrainers(staff, unitOf, units, trainerCount, random);
  const grants: RoleGrantRow[] = [
    ...admins.map((i) => ({ staff_number: staffNumberAt(staff, i), role: 'admin' as const })),
    ...trainers.map((i) => ({ staff_number: staffNumberAt(staff, i), role: 'trainer' as const })),
  ];
  return { staff, grants };
}

/** Trainers come from the training institutes first, then from anywhere if those are small. */
function pickTrainers(
  staff: StaffRow[],
  unitOf: number[],
  units: PlannedUnit[],
  count: number,
  random: () => number,
): number[] {
  const trainingCodes = INSTITUTES.filter((i) => i.trains).map((i) => i.code);
  const inTraining = (i: number): boolean => {
    const code = units[unitOf[i] ?? -1]?.code ?? '';
    return trainingCodes.some((t) => code === t || code.startsWith(`${t}-`));
  };
  const indices = staff.map((_, i) => i).filter((i) => staff[i]?.employment_type === 'regular');
  const preferred = indices.filter(inTraining);
  const others = indices.filter((i) => !inTraining(i));
  shuffle(preferred, random);
  shuffle(others, random);
  return [...preferred, ...others].slice(0, count).sort((a, b) => a - b);
}

function staffNumberAt(staff: StaffRow[], i: number): string {
  const row = staff[i];
  if (!row) throw new Error(`no generated staff at ${i}`);
  return row.staff_number;
}

/**
 * Splits `total` into whole shares proportional to `weights` that add up exactly (largest
 * remainder), so the generator hits the requested sizes to the unit.
 */
function apportion(total: number, weights: readonly number[]): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  if (total <= 0 || sum <= 0) return weights.map(() => 0);
  const exact = weights.map((w) => (w / sum) * total);
  const shares = exact.map(Math.floor);
  let left = total - shares.reduce((a, b) => a + b, 0);
  const byRemainder = exact
    .map((x, i) => ({ i, rest: x - Math.floor(x) }))
    .sort((a, b) => b.rest - a.rest || a.i - b.i);
  for (const { i } of byRemainder) {
    if (left <= 0) break;
    shares[i] = (shares[i] ?? 0) + 1;
    left -= 1;
  }
  return shares;
}

function shuffle<T>(items: T[], random: () => number): void {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    // Both indices are in range; the casts only restate that for noUncheckedIndexedAccess.
    [items[i], items[j]] = [items[j] as T, items[i] as T];
  }
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}
