import { describe, expect, it } from 'vitest';
import { quartileBand, quartileBands, quartiles, rankWithTies } from '../../src/stats/quartiles.js';
import { expectClose, expectStatsError, frozen } from './helpers.js';

describe('quartiles (R type 7)', () => {
  it('matches quantile(x, type = 7) worked by hand', () => {
    // R type 7: h = (n − 1)p (0-based), Q = x[⌊h⌋] + (h − ⌊h⌋)(x[⌊h⌋+1] − x[⌊h⌋]).
    // x = 1, 3, 4, 8, 10, 15 (n = 6): Q1: h = 1.25 → 3 + 0.25(4 − 3) = 3.25;
    // median: h = 2.5 → 4 + 0.5(8 − 4) = 6; Q3: h = 3.75 → 8 + 0.75(10 − 8) = 9.5.
    // (R: quantile(c(1, 3, 4, 8, 10, 15)) → 25% 3.25, 50% 6.00, 75% 9.50.)
    const q = quartiles(frozen([10, 3, 15, 1, 8, 4]));
    expectClose(q.q1, 3.25, 1e-12);
    expectClose(q.median, 6, 1e-12);
    expectClose(q.q3, 9.5, 1e-12);
  });

  it('matches R on 1:9 and on a 10-value example', () => {
    // quantile(1:9) → 3, 5, 7 (h = 2, 4, 6 exactly).
    expect(quartiles([1, 2, 3, 4, 5, 6, 7, 8, 9])).toEqual({ q1: 3, median: 5, q3: 7 });
    // x = 2, 4, 4, 5, 7, 9, 10, 12, 15, 20 (n = 10): Q1: h = 2.25 → 4 + 0.25(5 − 4) = 4.25;
    // median: h = 4.5 → 7 + 0.5(9 − 7) = 8; Q3: h = 6.75 → 10 + 0.75(12 − 10) = 11.5.
    // (NumPy percentile, method 'linear' = R type 7: [4.25, 8.0, 11.5].)
    const q = quartiles([20, 2, 15, 4, 12, 4, 10, 5, 9, 7]);
    expectClose(q.q1, 4.25, 1e-12);
    expectClose(q.median, 8, 1e-12);
    expectClose(q.q3, 11.5, 1e-12);
  });
});

describe('quartileBands', () => {
  it('puts A on the best quartile for either polarity, cut points going to the better band', () => {
    // 1…9: Q1 = 3, median = 5, Q3 = 7.
    const values = frozen([1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(quartileBands(values, 'higher').bands).toEqual(['D', 'D', 'C', 'C', 'B', 'B', 'A', 'A', 'A']);
    expect(quartileBands(values, 'lower').bands).toEqual(['A', 'A', 'A', 'B', 'B', 'C', 'C', 'D', 'D']);
  });

  it('bands one value against given cuts', () => {
    const cuts = { q1: 3.25, median: 6, q3: 9.5 };
    expect(quartileBand(9.5, cuts, 'higher')).toBe('A');
    expect(quartileBand(9.4, cuts, 'higher')).toBe('B');
    expect(quartileBand(3.25, cuts, 'lower')).toBe('A');
    expect(quartileBand(3.3, cuts, 'lower')).toBe('B');
    expect(quartileBand(100, cuts, 'lower')).toBe('D');
  });

  it('refuses polarity none and empty input', () => {
    // @ts-expect-error: runtime guard for untyped callers
    expectStatsError(() => quartileBands([1, 2, 3], 'none'), 'INVALID_OPTION', "quartileBands requires polarity to be one of 'higher', 'lower', got \"none\"");
    expectStatsError(() => quartileBands([], 'higher'), 'INSUFFICIENT_DATA');
  });
});

describe('rankWithTies', () => {
  it('ranks ties at the minimum rank, 1 = best (R: rank(-x, ties.method = "min"))', () => {
    // x = 10, 30, 20, 30, 5 with higher better: 30 and 30 share rank 1, then 20 is 3, 10 is 4, 5 is 5.
    expect(rankWithTies(frozen([10, 30, 20, 30, 5]), 'higher')).toEqual([4, 1, 3, 1, 5]);
    // lower better (R: rank(x, ties.method = "min")): 5 → 1, 10 → 2, 20 → 3, 30 and 30 → 4.
    expect(rankWithTies([10, 30, 20, 30, 5], 'lower')).toEqual([2, 4, 3, 4, 1]);
    expect(rankWithTies([7, 7, 7], 'lower')).toEqual([1, 1, 1]);
  });
});
