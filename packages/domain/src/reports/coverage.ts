/** How many people a course required and how many of them completed it. */
export interface Counts {
  required: number;
  completed: number;
}

export const NO_COUNTS: Counts = { required: 0, completed: 0 };

export function addCounts(a: Counts, b: Counts): Counts {
  return { required: a.required + b.required, completed: a.completed + b.completed };
}

/** Coverage (把握率): completed ÷ required, or null when nobody was required. */
export function coverageOf(c: Counts): number | null {
  return c.required === 0 ? null : c.completed / c.required;
}

/**
 * The default attainment thresholds (到達率, 表5), in percent: the share of units or courses
 * whose coverage reaches 100%, at least 95%, at least 90%. Admins may change them.
 */
export const DEFAULT_ATTAINMENT_THRESHOLDS: readonly number[] = [100, 95, 90];

/** Whether thresholds are usable: 1–5 whole percentages from 1 to 100, highest first, no repeats. */
export function validAttainmentThresholds(thresholds: readonly number[]): boolean {
  return (
    thresholds.length >= 1 &&
    thresholds.length <= 5 &&
    thresholds.every(
      (t, i) =>
        Number.isInteger(t) && t >= 1 && t <= 100 && (i === 0 || t < (thresholds[i - 1] ?? 0)),
    )
  );
}

export interface Attainment {
  /** Items with anyone required (an empty unit reaches nothing and misses nothing). */
  counted: number;
  /** For each threshold, in order, how many counted items reach it. */
  reached: number[];
}

/** Attainment over items: compared in whole numbers (completed × 100 ≥ threshold × required). */
export function attainmentOf(items: readonly Counts[], thresholds: readonly number[]): Attainment {
  const counted = items.filter((i) => i.required > 0);
  return {
    counted: counted.length,
    reached: thresholds.map(
      (t) => counted.filter((i) => i.completed * 100 >= t * i.required).length,
    ),
  };
}

/** A unit as the roll-up needs it: its id and its parent's. */
export interface UnitLink {
  id: number;
  parentId: number | null;
}

/**
 * Each unit's subtree counts (its own people plus everyone below it), from each unit's own.
 * Units are visited deepest first so each adds its finished subtree to its parent once.
 */
export function rollUp(
  units: readonly (UnitLink & { depth: number })[],
  own: ReadonlyMap<number, Counts>,
): Map<number, Counts> {
  const subtree = new Map<number, Counts>();
  for (const u of units) subtree.set(u.id, own.get(u.id) ?? NO_COUNTS);
  const deepestFirst = [...units].sort((a, b) => b.depth - a.depth);
  for (const u of deepestFirst) {
    if (u.parentId === null || !subtree.has(u.parentId)) continue;
    subtree.set(
      u.parentId,
      addCounts(subtree.get(u.parentId) ?? NO_COUNTS, subtree.get(u.id) ?? NO_COUNTS),
    );
  }
  return subtree;
}
