import { describe, expect, it } from 'vitest';
import { compareWithBenchmark, compareWithBenchmarkTwoLevel } from '../../src/stats/benchmark.js';
import { wilsonInterval } from '../../src/stats/wilson.js';
import { expectStatsError } from './helpers.js';

// The rule is the Fingertips one, so these cases are worked by hand from the definition:
// similar when lower ≤ benchmark ≤ upper (ends included), else higher/lower, judged by polarity.
describe('compareWithBenchmark', () => {
  const area = Object.freeze({ value: 55, lower: 52.1, upper: 58.3 });

  it.each([
    [50, 'higher', 'higher', 'better'],
    [50, 'lower', 'higher', 'worse'],
    [50, 'none', 'higher', 'higher'],
    [60, 'higher', 'lower', 'worse'],
    [60, 'lower', 'lower', 'better'],
    [60, 'none', 'lower', 'lower'],
    [55, 'higher', 'similar', 'similar'],
    [55, 'none', 'similar', 'similar'],
  ] as const)('benchmark %f, polarity %s → %s, %s', (benchmark, polarity, position, comparison) => {
    expect(compareWithBenchmark(area, benchmark, polarity)).toEqual({ position, comparison });
  });

  it('counts a benchmark exactly on either end as similar', () => {
    expect(compareWithBenchmark(area, 52.1, 'higher').comparison).toBe('similar');
    expect(compareWithBenchmark(area, 58.3, 'lower').comparison).toBe('similar');
  });

  it('works with a Wilson interval: 65/100 (55.25%–73.64%) against England 50% and 60%', () => {
    const ci = wilsonInterval(65, 100);
    expect(compareWithBenchmark(ci, 0.5, 'higher').comparison).toBe('better');
    expect(compareWithBenchmark(ci, 0.6, 'higher').comparison).toBe('similar');
  });

  it('refuses bad input', () => {
    expectStatsError(
      () => compareWithBenchmark({ lower: 3, upper: 2 }, 1, 'higher'),
      'OUT_OF_RANGE',
      'compareWithBenchmark requires lower ≤ upper, got 3 > 2',
    );
    expectStatsError(() => compareWithBenchmark(area, Number.NaN, 'higher'), 'NOT_FINITE');
    // @ts-expect-error: runtime guard for untyped callers
    expectStatsError(() => compareWithBenchmark(area, 1, 'up'), 'INVALID_OPTION', /polarity to be one of 'higher', 'lower', 'none'/);
  });
});

describe('compareWithBenchmarkTwoLevel (95% and 99.8%)', () => {
  const area = Object.freeze({ lower95: 52.1, upper95: 58.3, lower998: 49.2, upper998: 61.0 });

  it.each([
    [45, 'higher', 'better-99.8', 0.998],
    [50, 'higher', 'better-95', 0.95],
    [55, 'higher', 'similar', null],
    [52.1, 'higher', 'similar', null],
    [60, 'higher', 'worse-95', 0.95],
    [65, 'higher', 'worse-99.8', 0.998],
    [45, 'lower', 'worse-99.8', 0.998],
    [60, 'lower', 'better-95', 0.95],
    [45, 'none', 'higher-99.8', 0.998],
    [50, 'none', 'higher-95', 0.95],
    [60, 'none', 'lower-95', 0.95],
    [65, 'none', 'lower-99.8', 0.998],
    [49.2, 'higher', 'better-95', 0.95],
  ] as const)('benchmark %f, polarity %s → %s', (benchmark, polarity, comparison, level) => {
    const r = compareWithBenchmarkTwoLevel(area, benchmark, polarity);
    expect(r.comparison).toBe(comparison);
    expect(r.level).toBe(level);
  });

  it('refuses a 99.8% interval narrower than the 95% one', () => {
    expectStatsError(
      () => compareWithBenchmarkTwoLevel({ lower95: 1, upper95: 3, lower998: 1.5, upper998: 3.5 }, 2, 'higher'),
      'OUT_OF_RANGE',
      /the 99.8% interval to contain the 95% interval/,
    );
  });
});
