import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  attainmentOf,
  coverageOf,
  rollUp,
  validAttainmentThresholds,
  type Counts,
} from './coverage.ts';

describe('coverage and attainment', () => {
  it('is completed over required, and nothing when nobody was required', () => {
    expect(coverageOf({ required: 8, completed: 6 })).toBe(0.75);
    expect(coverageOf({ required: 0, completed: 0 })).toBeNull();
  });

  it('counts units reaching each threshold exactly, ignoring units with nobody required', () => {
    const units: Counts[] = [
      { required: 20, completed: 20 },
      { required: 20, completed: 19 }, // 95% exactly
      { required: 1000, completed: 949 }, // 94.9%
      { required: 10, completed: 9 }, // 90%
      { required: 0, completed: 0 },
    ];
    expect(attainmentOf(units, [100, 95, 90])).toEqual({ counted: 4, reached: [1, 2, 4] });
  });

  it('accepts thresholds as whole percentages, highest first', () => {
    expect(validAttainmentThresholds([100, 95, 90])).toBe(true);
    expect(validAttainmentThresholds([80])).toBe(true);
    expect(validAttainmentThresholds([])).toBe(false);
    expect(validAttainmentThresholds([90, 95])).toBe(false);
    expect(validAttainmentThresholds([100, 100])).toBe(false);
    expect(validAttainmentThresholds([101])).toBe(false);
    expect(validAttainmentThresholds([95.5])).toBe(false);
  });
});

describe('roll-up over the unit tree', () => {
  it('gives each unit the sum of its own people and everyone below, for any tree', () => {
    const tree = fc
      .array(fc.record({ parent: fc.nat(), required: fc.nat(50), done: fc.nat(50) }), {
        maxLength: 40,
      })
      .map((rows) => {
        // Unit i's parent is an earlier unit (or none for unit 0), as paths are built.
        const units = rows.map((r, i) => {
          const parentId = i === 0 ? null : r.parent % i;
          return { id: i, parentId, required: r.required, completed: Math.min(r.done, r.required) };
        });
        const path: string[] = [];
        for (const u of units)
          path[u.id] = `${u.parentId === null ? '/' : path[u.parentId]}${u.id}/`;
        return units.map((u) => ({
          ...u,
          path: path[u.id] ?? '',
          depth: (path[u.id] ?? '').split('/').length,
        }));
      });
    fc.assert(
      fc.property(tree, (units) => {
        const own = new Map(
          units.map((u) => [u.id, { required: u.required, completed: u.completed }]),
        );
        const subtree = rollUp(units, own);
        for (const u of units) {
          const below = units.filter((v) => v.path.startsWith(u.path));
          expect(subtree.get(u.id)).toEqual({
            required: below.reduce((a, v) => a + v.required, 0),
            completed: below.reduce((a, v) => a + v.completed, 0),
          });
        }
      }),
    );
  });
});
