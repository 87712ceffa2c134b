import { describe, expect, it } from 'vitest';
import { poissonCountInterval, rateInterval } from '../../src/stats/rate-interval.js';
import { expectClose, expectStatsError } from './helpers.js';

describe('poissonCountInterval: exact below 10', () => {
  // Exact Poisson limits, SciPy 1.17.1: chi2.ppf(0.025, 2x)/2 and chi2.ppf(0.975, 2x + 2)/2.
  // The same limits to 3 decimals are in printed tables of Poisson confidence
  // limits (e.g. Geigy Scientific Tables; 0 → 3.689, 1 → 0.0253–5.572,
  // 5 → 1.623–11.668, 9 → 4.115–17.085).
  it.each([
    [0, 0.95, 0, 3.6888794541139354],
    [1, 0.95, 0.025317807984289897, 5.571643390938898],
    [3, 0.95, 0.6186721228956015, 8.767273069742323],
    [5, 0.95, 1.623486390118421, 11.66833207932267],
    [9, 0.95, 4.115373097378334, 17.084803451419166],
    [9, 0.998, 2.452424404363775, 22.65737330906293],
  ])('count %i at %f: %f to %f', (x, level, lower, upper) => {
    const ci = poissonCountInterval(x, level);
    expect(ci.method).toBe('exact');
    expectClose(ci.lower, lower, 1e-9);
    expectClose(ci.upper, upper, 1e-9);
  });

  it('gives lower = 0 exactly for a zero count (no NaN from 0 degrees of freedom)', () => {
    const ci = poissonCountInterval(0);
    expect(ci.lower).toBe(0);
    expectClose(ci.upper, 3.689, 5e-4); // printed table value
  });
});

describe('poissonCountInterval: Byar from 10 up', () => {
  // Byar's formula evaluated with mpmath at 30 digits:
  // lower = x(1 − 1/(9x) − z/(3√x))³, upper = (x+1)(1 − 1/(9(x+1)) + z/(3√(x+1)))³.
  // The counts 65, 1045 and 10 (95% and 99.8%) are the PHEindicatormethods
  // test cases in tests/testthat/testByars.R.
  it.each([
    [10, 0.95, 4.7874499139675625, 18.391458605756474],
    [65, 0.95, 50.163187710459444, 82.849138545939856],
    [1045, 0.95, 982.5932018073327, 1110.3312129856498],
    [10, 0.998, 2.9163183746956855, 24.193724927880538],
    [65, 0.998, 42.880261471480199, 94.000290844317997],
  ])('count %i at %f: %f to %f', (x, level, lower, upper) => {
    const ci = poissonCountInterval(x, level);
    expect(ci.method).toBe('byar');
    expectClose(ci.lower, lower, 1e-9);
    expectClose(ci.upper, upper, 1e-9);
  });
});

describe('rateInterval', () => {
  it('scales the count limits by multiplier / denominator (Byar, 65 events)', () => {
    // 65 per 100,000 over 100,000 people; limits as the count limits above.
    const r = rateInterval(65, 100000);
    expect(r.method).toBe('byar');
    expectClose(r.value, 65, 1e-12);
    expectClose(r.lower, 50.163187710459444, 1e-9);
    expectClose(r.upper, 82.849138545939856, 1e-9);
  });

  it('uses the exact method for 9 events and a custom multiplier', () => {
    // 9 events in 10,000 per 1,000: value 0.9; limits 4.1153730973783/10 and 17.0848034514192/10.
    const r = rateInterval(9, 10000, { multiplier: 1000 });
    expect(r.method).toBe('exact');
    expectClose(r.value, 0.9, 1e-12);
    expectClose(r.lower, 0.4115373097378334, 1e-10);
    expectClose(r.upper, 1.7084803451419166, 1e-10);
  });

  it('handles a zero count: value 0, lower 0, upper from the exact limit 3.68888', () => {
    const r = rateInterval(0, 50000, { level: 0.95 });
    expect(r.value).toBe(0);
    expect(r.lower).toBe(0);
    expectClose(r.upper, (3.6888794541139354 / 50000) * 100000, 1e-9);
  });

  it('refuses bad input', () => {
    expectStatsError(() => rateInterval(5, 0), 'OUT_OF_RANGE', 'rateInterval requires denominator > 0, got 0');
    expectStatsError(() => rateInterval(-1, 10), 'OUT_OF_RANGE', 'rateInterval requires count ≥ 0, got -1');
    expectStatsError(() => rateInterval(1, 10, { level: 1 }), 'OUT_OF_RANGE');
    expectStatsError(() => rateInterval(1, 10, { multiplier: 0 }), 'OUT_OF_RANGE');
    expectStatsError(() => poissonCountInterval(Number.NaN), 'NOT_FINITE');
  });
});
