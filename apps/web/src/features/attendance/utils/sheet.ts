import type { AttendanceEntry, AttendanceMark } from '../api/attendance-sheet.ts';
import type { MarkChange } from '../api/mark-attendance.ts';

/** The four marks in the order the trainer's buttons show them. */
export const MARKS: readonly AttendanceMark[] = ['present', 'late', 'absent', 'excused'];

export function isMark(value: unknown): value is AttendanceMark {
  return MARKS.some((mark) => mark === value);
}

export interface MarkCounts {
  present: number;
  late: number;
  absent: number;
  excused: number;
  unmarked: number;
  total: number;
}

/** How many people hold each mark, and how many are still unmarked. */
export function countMarks(entries: readonly Pick<AttendanceEntry, 'mark'>[]): MarkCounts {
  const counts: MarkCounts = { present: 0, late: 0, absent: 0, excused: 0, unmarked: 0, total: 0 };
  for (const { mark } of entries) {
    counts[mark ?? 'unmarked'] += 1;
    counts.total += 1;
  }
  return counts;
}

/** An entry as the trainer sees it: with any mark still being saved already applied. */
export interface ShownEntry extends AttendanceEntry {
  /** A change to this person is on its way to the server. */
  saving: boolean;
}

/**
 * The sheet with the marks being saved laid over it (later changes win), so a tap shows at once
 * and the counts follow, whatever order the answers come back in.
 */
export function withPendingMarks(
  entries: readonly AttendanceEntry[],
  pending: readonly MarkChange[],
): ShownEntry[] {
  const latest = new Map<number, MarkChange>();
  for (const change of pending) latest.set(change.staffId, change);
  return entries.map((entry) => {
    const change = latest.get(entry.staffId);
    if (!change) return { ...entry, saving: false };
    return {
      ...entry,
      mark: change.mark,
      note: change.note === undefined ? entry.note : change.note,
      saving: true,
    };
  });
}

/**
 * Text as typed on a phone, made comparable: full-width letters and digits narrowed, katakana
 * turned into hiragana (kana are stored in hiragana), case and spaces ignored.
 */
export function normaliseSearch(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\u30a1-\u30f6]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0x60))
    .replace(/[\s\u3000]+/g, '');
}

/** Whether a person matches the search box: by name, kana or staff number. */
export function matchesSearch(
  entry: Pick<AttendanceEntry, 'name' | 'nameKana' | 'staffNumber'>,
  query: string,
): boolean {
  const q = normaliseSearch(query);
  if (!q) return true;
  return [entry.name, entry.nameKana, entry.staffNumber].some((field) =>
    normaliseSearch(field).includes(q),
  );
}

type CheckInFields = Pick<AttendanceEntry, 'checkedInAt' | 'via' | 'markedAt'>;

/**
 * When the person checked themselves in, or null. A self check-in over an earlier mark may come
 * without `checkedInAt`; its mark (via check_in) then carries the time.
 */
export function checkedInTime(entry: CheckInFields): string | null {
  return entry.checkedInAt ?? (entry.via === 'check_in' ? entry.markedAt : null);
}

/** People who checked themselves in since `known` (staff ids already seen checked in). */
export function newCheckIns(
  entries: readonly (Pick<AttendanceEntry, 'staffId' | 'name'> & CheckInFields)[],
  known: ReadonlySet<number>,
): { staffId: number; name: string }[] {
  return entries
    .filter((e) => checkedInTime(e) !== null && !known.has(e.staffId))
    .map((e) => ({ staffId: e.staffId, name: e.name }));
}
