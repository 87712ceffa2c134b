/**
 * A small seeded pseudo-random number generator for the bundled illustrative dataset.
 *
 * mulberry32 (public domain, Tommy Ettinger) drives every draw; each stream is keyed by a string
 * (`looked-after-weekly/Leeds/bridge`), hashed together with the seed, so adding or reordering one
 * series never changes the numbers drawn for another. No Math.random, no clock: the same seed
 * always gives the same numbers.
 */

/** 32-bit FNV-1a hash of a string, finished with the murmur3 avalanche. */
export function hashString(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** mulberry32: a 32-bit state generator giving uniform numbers in [0, 1). */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** One keyed stream of draws. */
export class Rng {
  private readonly next: () => number;

  constructor(seed: number, key: string) {
    this.next = mulberry32(hashString(`${seed >>> 0}|${key}`));
  }

  /** Uniform in [0, 1). */
  uniform(): number {
    return this.next();
  }

  /** Standard normal (Box–Muller; one draw per call). */
  normal(): number {
    const u1 = 1 - this.next(); // (0, 1]
    const u2 = this.next();
    return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
  }
}
