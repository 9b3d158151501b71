import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { auditSampleSize, drawSample } from './sample.ts';

describe('audit sample', () => {
  it('is the square root of the population, rounded up', () => {
    expect(auditSampleSize(0)).toBe(0);
    expect(auditSampleSize(1)).toBe(1);
    expect(auditSampleSize(100)).toBe(10);
    expect(auditSampleSize(101)).toBe(11);
    expect(auditSampleSize(79_091)).toBe(282);
  });

  it('draws distinct members, the same ones again for the same seed', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.nat(), { maxLength: 300 }),
        fc.stringMatching(/^[0-9a-f]{16}$/),
        (population, seed) => {
          const size = auditSampleSize(population.length);
          const sample = drawSample(population, size, seed);
          expect(sample).toHaveLength(size);
          expect(new Set(sample).size).toBe(size);
          expect(sample.every((s) => population.includes(s))).toBe(true);
          expect(drawSample(population, size, seed)).toEqual(sample);
        },
      ),
    );
  });

  it('draws a fixed sample for a fixed seed (the algorithm must not change under auditors)', () => {
    const population = Array.from({ length: 100 }, (_, i) => i + 1);
    expect(drawSample(population, 10, '0123456789abcdef')).toEqual([
      39, 77, 32, 95, 27, 1, 54, 99, 53, 51,
    ]);
  });

  it('gives every member about the same chance', () => {
    const population = Array.from({ length: 10 }, (_, i) => i);
    const hits = Array.from({ length: 10 }, () => 0);
    for (let s = 0; s < 5000; s++) {
      for (const p of drawSample(population, 3, s.toString(16).padStart(16, '0')))
        hits[p] = (hits[p] ?? 0) + 1;
    }
    // 1,500 expected each; a fair draw stays well within ±15%.
    for (const h of hits) expect(Math.abs(h - 1500)).toBeLessThan(225);
  });
});
