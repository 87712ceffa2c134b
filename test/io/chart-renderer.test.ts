/**
 * How many worker threads a run starts: the cores free, counting other work by the load
 * average; no pool on a machine with fewer than two cores to spare.
 */
import { describe, expect, it } from 'vitest';
import { poolSize } from '../../src/io/chart-renderer.js';

describe('poolSize', () => {
  it('takes --jobs as given, and 1 as no pool', () => {
    expect(poolSize(3, 2, 5)).toBe(3);
    expect(poolSize(1, 8, 0)).toBe(0);
  });

  it('uses the cores free: this process counts one thread of the load as its own', () => {
    // An idle 2-core machine: this process alone (load 1) leaves both cores to the pool.
    expect(poolSize(undefined, 2, 1)).toBe(2);
    expect(poolSize(undefined, 2, 0.2)).toBe(2);
    // 8 cores, three other busy threads: 5 free.
    expect(poolSize(undefined, 8, 4)).toBe(5);
  });

  it('starts no pool when fewer than two cores are free', () => {
    // A shared 2-core machine with others' tests running.
    expect(poolSize(undefined, 2, 3.7)).toBe(0);
    expect(poolSize(undefined, 2, 2)).toBe(0);
    expect(poolSize(undefined, 1, 0)).toBe(0);
  });
});
