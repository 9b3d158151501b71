import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { refusalOf } from '../refusal.testing.ts';
import { assertCapacity, placeFor, promotableCount, seatsLeft } from './capacity.ts';

describe('seats', () => {
  it('gives a seat while one is free and a waitlist place after', () => {
    expect(placeFor(0, 1)).toBe('confirmed');
    expect(placeFor(29, 30)).toBe('confirmed');
    expect(placeFor(30, 30)).toBe('waitlisted');
    expect(placeFor(31, 30)).toBe('waitlisted');
  });

  it('never promotes more people than are waiting or than seats are free', () => {
    fc.assert(
      fc.property(
        fc.nat(200),
        fc.integer({ min: 1, max: 200 }),
        fc.nat(200),
        (taken, capacity, waiting) => {
          const promoted = promotableCount(taken, capacity, waiting);
          expect(promoted).toBeGreaterThanOrEqual(0);
          expect(promoted).toBeLessThanOrEqual(waiting);
          expect(taken + promoted).toBeLessThanOrEqual(Math.max(taken, capacity));
          expect(seatsLeft(taken, capacity)).toBe(Math.max(0, capacity - taken));
        },
      ),
    );
  });
});

describe('changing capacity', () => {
  it('may go down to the people already booked, not below', () => {
    expect(refusalOf(() => assertCapacity(12, 12))).toBe('ok');
    expect(refusalOf(() => assertCapacity(11, 12))).toBe('CAPACITY_BELOW_BOOKED');
  });

  it('must be a whole number of at least one', () => {
    expect(refusalOf(() => assertCapacity(0, 0))).toBe('VALIDATION');
    expect(refusalOf(() => assertCapacity(2.5, 0))).toBe('VALIDATION');
    expect(refusalOf(() => assertCapacity(Number.NaN, 0))).toBe('VALIDATION');
  });
});
