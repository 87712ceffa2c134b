import { describe, expect, it } from 'vitest';
import { meanInterval } from '../../src/stats/mean-interval.js';
import { expectClose, expectStatsError, frozen } from './helpers.js';

describe('meanInterval', () => {
  it("matches R's t.test on the paired sleep differences", () => {
    // R documentation example data `sleep`; with(sleep, t.test(extra[group == 1] - extra[group == 2]))
    // prints: mean of x −1.58, 95 percent confidence interval −2.4598858 −0.7001142.
    const group1 = [0.7, -1.6, -0.2, -1.2, -0.1, 3.4, 3.7, 0.8, 0.0, 2.0];
    const group2 = [1.9, 0.8, 1.1, 0.1, -0.1, 4.4, 5.5, 1.6, 4.6, 3.4];
    const d = frozen(group1.map((x, i) => x - group2[i]!));
    const ci = meanInterval(d);
    expect(ci.n).toBe(10);
    expectClose(ci.mean, -1.58, 1e-12);
    expectClose(ci.lower, -2.4598858, 5e-8); // published to 7 decimals
    expectClose(ci.upper, -0.7001142, 5e-8);
    // SciPy: mean ± t.ppf(0.975, 9)·s/√n = −2.4598857632769824, −0.7001142367230176
    expectClose(ci.lower, -2.4598857632769824, 1e-12);
    expectClose(ci.upper, -0.7001142367230176, 1e-12);
  });

  it('hand calculation: [2, 4, 6] at 95%', () => {
    // mean 4, s² = (4 + 0 + 4)/2 = 4, s = 2, se = 2/√3 = 1.1547005383792515,
    // t(0.975; 2) = 4.302652729749462 (SciPy), half-width 4.968275..., so 4 ∓ 4.9682754
    const ci = meanInterval([2, 4, 6]);
    expectClose(ci.standardError, 2 / Math.sqrt(3), 1e-15);
    expectClose(ci.lower, 4 - 4.302652729749462 * (2 / Math.sqrt(3)), 1e-9);
    expectClose(ci.upper, 4 + 4.302652729749462 * (2 / Math.sqrt(3)), 1e-9);
  });

  it('gives a zero-width interval for a constant sample, not NaN', () => {
    const ci = meanInterval([7, 7, 7, 7]);
    expect(ci).toEqual({ mean: 7, lower: 7, upper: 7, n: 4, standardError: 0 });
  });

  it('refuses fewer than 2 values and non-finite values', () => {
    expectStatsError(() => meanInterval([1]), 'INSUFFICIENT_DATA', 'meanInterval requires at least 2 values, got 1');
    expectStatsError(() => meanInterval([1, Number.NaN]), 'NOT_FINITE', /NaN at index 1/);
    expectStatsError(() => meanInterval([1, 2], 0), 'OUT_OF_RANGE');
  });
});
