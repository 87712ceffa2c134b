/**
 * How many worker threads a run starts: the cores free, counting other work by the load
 * average, less the main thread's; no pool when that leaves fewer than two.
 */
import { describe, expect, it } from 'vitest';
import { poolSize } from '../../src/io/chart-renderer.js';

describe('poolSize', () => {
  it('takes --jobs as given, and 1 as no pool', () => {
    expect(poolSize(3, 2, 5)).toBe(3);
    expect(poolSize(1, 8, 0)).toBe(0);
  });

  it('uses the cores free but the main thread’s: this process counts one thread of the load as its own', () => {
    // An idle 4-core machine: this process alone (load 1) leaves three cores to the pool.
    expect(poolSize(undefined, 4, 1)).toBe(3);
    expect(poolSize(undefined, 4, 0.2)).toBe(3);
    // 8 cores, three other busy threads: 5 free, 4 for workers.
    expect(poolSize(undefined, 8, 4)).toBe(4);
  });

  it('starts no pool when fewer than two cores are free besides the main thread’s', () => {
    // An idle 2-core machine: the main thread and one worker would be all, so no pool.
    expect(poolSize(undefined, 2, 1)).toBe(0);
    expect(poolSize(undefined, 2, 0)).toBe(0);
    // A shared 4-core machine with others' work running.
    expect(poolSize(undefined, 4, 2.5)).toBe(0);
    expect(poolSize(undefined, 2, 3.7)).toBe(0);
    expect(poolSize(undefined, 1, 0)).toBe(0);
  });
});
