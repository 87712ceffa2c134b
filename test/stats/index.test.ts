import { describe, expect, it } from 'vitest';
import * as stats from '../../src/stats/index.js';
import { StatsInputError } from '../../src/stats/index.js';

describe('src/stats/index', () => {
  it('re-exports every public method', () => {
    for (const name of [
      'normalQuantile',
      'tQuantile',
      'chiSquareQuantile',
      'twoSidedZ',
      'wilsonInterval',
      'rateInterval',
      'poissonCountInterval',
      'meanInterval',
      'fitLinear',
      'predictLinear',
      'linearForecast',
      'logLinearForecast',
      'logitLinearForecast',
      'holtForecast',
      'holtVariance',
      'linearTrajectory',
      'constantRateTrajectory',
      'constantRate',
      'xmr',
      'recentTrend',
      'chiSquareForTrend',
      'compareWithBenchmark',
      'compareWithBenchmarkTwoLevel',
      'quartiles',
      'quartileBand',
      'quartileBands',
      'rankWithTies',
      'ragRating',
      'directionOfTravel',
    ]) {
      expect(typeof (stats as Record<string, unknown>)[name], name).toBe('function');
    }
  });

  it('throws one error type with a stable code, the method name and the offending value', () => {
    try {
      stats.wilsonInterval(3, 0);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(StatsInputError);
      expect(error).toBeInstanceOf(Error);
      const e = error as StatsInputError;
      expect(e.name).toBe('StatsInputError');
      expect(e.code).toBe('OUT_OF_RANGE');
      expect(e.method).toBe('wilsonInterval');
      expect(e.value).toBe(0);
      expect(e.message).toBe('wilsonInterval requires denominator > 0, got 0');
    }
  });
});
