/** The size of an audit sample: the square root of the population, rounded up (人数の平方根). */
export function auditSampleSize(population: number): number {
  return Math.ceil(Math.sqrt(population));
}

/** A seed as people can type it back in to draw the same sample again. */
export const SAMPLE_SEED_PATTERN = /^[0-9a-f]{16}$/;

// cyrb128 turns the seed text into four 32-bit words; sfc32 (Chris Doty-Humphrey's small fast
// counter) draws from them. Both are short, public and give the same numbers on every engine.
function cyrb128(text: string): [number, number, number, number] {
  let h1 = 1779033703;
  let h2 = 3144134277;
  let h3 = 1013904242;
  let h4 = 2773480762;
  for (let i = 0; i < text.length; i++) {
    const k = text.charCodeAt(i);
    h1 = h2 ^ Math.imul(h1 ^ k, 597399067);
    h2 = h3 ^ Math.imul(h2 ^ k, 2869860233);
    h3 = h4 ^ Math.imul(h3 ^ k, 951274213);
    h4 = h1 ^ Math.imul(h4 ^ k, 2716044179);
  }
  h1 = Math.imul(h3 ^ (h1 >>> 18), 597399067);
  h2 = Math.imul(h4 ^ (h2 >>> 22), 2869860233);
  h3 = Math.imul(h1 ^ (h3 >>> 17), 951274213);
  h4 = Math.imul(h2 ^ (h4 >>> 19), 2716044179);
  h1 ^= h2 ^ h3 ^ h4;
  h2 ^= h1;
  h3 ^= h1;
  h4 ^= h1;
  return [h1 >>> 0, h2 >>> 0, h3 >>> 0, h4 >>> 0];
}

function sfc32(seed: string): () => number {
  let [a, b, c, d] = cyrb128(seed);
  return () => {
    a |= 0;
    b |= 0;
    c |= 0;
    d |= 0;
    const t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    return (t >>> 0) / 4294967296;
  };
}

/**
 * Draws `size` distinct items at random, in draw order, with a partial Fisher–Yates shuffle
 * driven by the seed: the same seed and the same population (in the same order) always give the
 * same sample, so an auditor can draw it again and check.
 */
export function drawSample<T>(population: readonly T[], size: number, seed: string): T[] {
  const random = sfc32(seed);
  const pool = [...population];
  const n = Math.min(size, pool.length);
  for (let i = 0; i < n; i++) {
    const j = i + Math.floor(random() * (pool.length - i));
    const picked = pool[j];
    const here = pool[i];
    if (picked === undefined || here === undefined) break;
    pool[i] = picked;
    pool[j] = here;
  }
  return pool.slice(0, n);
}
