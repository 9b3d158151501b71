import { describe, expect, it } from 'vitest';
import { MINISTRY, orgUnit } from '../../../testing/fixtures.ts';
import { ancestorIds, buildOrgTree, groupSessionsBlockedBy } from './org-tree.ts';

describe('buildOrgTree', () => {
  it('nests units under their parents and counts staff of each whole subtree', () => {
    const [ministry] = buildOrgTree(MINISTRY);
    expect(ministry?.unit.nameEn).toBe('Ministry of Finance');
    expect(ministry?.subtreeStaffCount).toBe(2 + 5 + 10 + 3);
    const budget = ministry?.children.find((c) => c.unit.id === 7);
    expect(budget?.subtreeStaffCount).toBe(15);
    expect(budget?.children.map((c) => c.unit.nameEn)).toEqual(['General Affairs Division']);
  });

  it('orders siblings by id whatever order the API sent them in', () => {
    const units = [
      orgUnit({ id: 1 }),
      orgUnit({ id: 10, parentId: 1 }),
      orgUnit({ id: 2, parentId: 1 }),
    ];
    expect(buildOrgTree(units)[0]?.children.map((c) => c.unit.id)).toEqual([2, 10]);
  });

  it('keeps a unit whose parent is missing, as a root', () => {
    const roots = buildOrgTree([orgUnit({ id: 1 }), orgUnit({ id: 5, parentId: 99 })]);
    expect(roots.map((r) => r.unit.id)).toEqual([1, 5]);
  });
});

describe('ancestorIds', () => {
  it('lists the parents of a unit up to the top, nearest first', () => {
    expect(ancestorIds(MINISTRY, 8)).toEqual([7, 1]);
    expect(ancestorIds(MINISTRY, 1)).toEqual([]);
  });

  it('stops on a cycle in bad data', () => {
    const cyclic = [orgUnit({ id: 1, parentId: 2 }), orgUnit({ id: 2, parentId: 1 })];
    expect(ancestorIds(cyclic, 1)).toEqual([2, 1]);
  });
});

describe('groupSessionsBlockedBy', () => {
  it('names the nearest unit above that has no group sessions', () => {
    const units = [
      orgUnit({ id: 1 }),
      orgUnit({ id: 2, parentId: 1, hasGroupSessions: false }),
      orgUnit({ id: 3, parentId: 2 }),
      orgUnit({ id: 4, parentId: 1 }),
    ];
    expect(groupSessionsBlockedBy(units, 3)?.id).toBe(2);
    expect(groupSessionsBlockedBy(units, 2)).toBeUndefined();
    expect(groupSessionsBlockedBy(units, 4)).toBeUndefined();
  });
});
