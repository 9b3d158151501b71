import type { ResolvedPerson } from '@kenshu/contracts';
import { findStaffByIdsOrNumbers, type Executor, type StaffWithUnit } from '@kenshu/db';
import { canSeePerson, forbidden, oversees, type Viewer } from '@kenshu/domain';
import type { ServiceContext } from '../../context.ts';
import { requireViewer } from '../../lib/service-context.ts';

/** A staff number as pasted from a spreadsheet or typed on a phone: trimmed, narrowed, upper case. */
export function normaliseStaffNumber(raw: string): string {
  return raw.normalize('NFKC').trim().toUpperCase();
}

/** One entry of a list of people: the person, or why there is nobody to act for. */
export interface ResolvedEntry {
  /** As given (normalised), or the person's own number when given by id. */
  staffNumber: string;
  staff: StaffWithUnit | null;
  problem: 'unknown' | 'outside_scope' | null;
}

/**
 * Turns people given by id (picked from a list) and by staff number (pasted) into the people the
 * viewer may act for, in the order given, each once. An id outside the viewer's oversight is
 * treated as unknown (nothing confirms it exists); a number they typed themselves is answered
 * "outside your scope", unnamed. Inactive people are unknown.
 */
export async function resolvePeople(
  db: Executor,
  viewer: Viewer,
  input: { staffIds?: readonly number[]; staffNumbers?: readonly string[] },
): Promise<ResolvedEntry[]> {
  const ids = [...new Set(input.staffIds ?? [])];
  const numbers = [...new Set((input.staffNumbers ?? []).map(normaliseStaffNumber))].filter(
    Boolean,
  );
  const found = await findStaffByIdsOrNumbers(db, ids, numbers);
  const byId = new Map(found.map((s) => [s.id, s]));
  const byNumber = new Map(found.map((s) => [s.staff_number.toUpperCase(), s]));
  const mayActFor = (s: StaffWithUnit) =>
    canSeePerson(viewer, { staffId: s.id, unitPath: s.unit_path });

  const entries: ResolvedEntry[] = [];
  const seen = new Set<number>();
  for (const id of ids) {
    const staff = byId.get(id);
    if (!staff || !staff.active || !mayActFor(staff)) {
      entries.push({ staffNumber: `#${id}`, staff: null, problem: 'unknown' });
    } else if (!seen.has(staff.id)) {
      seen.add(staff.id);
      entries.push({ staffNumber: staff.staff_number, staff, problem: null });
    }
  }
  for (const number of numbers) {
    const staff = byNumber.get(number);
    if (!staff || !staff.active) {
      entries.push({ staffNumber: number, staff: null, problem: 'unknown' });
    } else if (!mayActFor(staff)) {
      entries.push({ staffNumber: number, staff: null, problem: 'outside_scope' });
    } else if (!seen.has(staff.id)) {
      seen.add(staff.id);
      entries.push({ staffNumber: staff.staff_number, staff, problem: null });
    }
  }
  return entries;
}

export function toResolvedPerson(entry: ResolvedEntry): ResolvedPerson {
  const s = entry.staff;
  return {
    staffNumber: entry.staffNumber,
    person: s
      ? {
          staffId: s.id,
          staffNumber: s.staff_number,
          name: `${s.family_name} ${s.given_name}`,
          nameKana: `${s.family_name_kana} ${s.given_name_kana}`,
          unit: { id: s.org_unit_id, nameJa: s.unit_name_ja, nameEn: s.unit_name_en },
        }
      : null,
    problem: entry.problem,
  };
}

/** Who a pasted list of staff numbers is, among the people the viewer oversees. */
export async function lookUpStaff({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: { staffNumbers: string[] };
}): Promise<{ items: ResolvedPerson[] }> {
  const viewer = requireViewer(ctx);
  if (!oversees(viewer)) throw forbidden('Only people who oversee others look staff up');
  const entries = await resolvePeople(ctx.db, viewer, { staffNumbers: input.staffNumbers });
  return { items: entries.map(toResolvedPerson) };
}
