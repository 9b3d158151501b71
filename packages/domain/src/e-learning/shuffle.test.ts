import { describe, expect, it } from 'vitest';
import { shuffleWithSeed } from './shuffle.ts';

describe('shuffling with a seed', () => {
  const items = [1, 2, 3, 4, 5, 6, 7];

  it('is repeatable for the same seed and keeps every item once', () => {
    const a = shuffleWithSeed(items, 42);
    expect(shuffleWithSeed(items, 42)).toEqual(a);
    expect([...a].sort()).toEqual(items);
    expect(items).toEqual([1, 2, 3, 4, 5, 6, 7]);
  });

  it('gives different orders for different seeds', () => {
    const orders = new Set(
      Array.from({ length: 20 }, (_, seed) => shuffleWithSeed(items, seed).join()),
    );
    expect(orders.size).toBeGreaterThan(10);
  });
});
