/**
 * Confidence interval for a rate (events per population) and for a count:
 * exact Poisson limits below 10 events, Byar's approximation from 10 up.
 *
 * References: Breslow NE, Day NE (1987) Statistical Methods in Cancer Research
 * vol. II (Byar's method); Armitage P, Berry G (2002) Statistical Methods in
 * Medical Research, 4th edn (exact Poisson limits via chi-square quantiles);
 * as implemented in the R package PHEindicatormethods (`phe_rate`,
 * `byars_lower`, `byars_upper`), which uses the exact method when x < 10.
 *
 * Convention, for x events and z = Φ⁻¹((1 + level)/2):
 * - exact (x < 10): lower = χ²((1 − level)/2; 2x)/2 (0 when x = 0),
 *   upper = χ²((1 + level)/2; 2x + 2)/2;
 * - Byar (x ≥ 10): lower = x(1 − 1/(9x) − z/(3√x))³,
 *   upper = (x + 1)(1 − 1/(9(x + 1)) + z/(3√(x + 1)))³.
 * A rate is value = x / denominator × multiplier and its limits are the count
 * limits divided by the denominator and multiplied by the multiplier.
 *
 * @example
 * poissonCountInterval(0);  // { lower: 0, upper: 3.6888794541139354, method: 'exact' }
 * rateInterval(65, 100000, { multiplier: 100000 });
 * // { value: 65, lower: 50.163187710459454, upper: 82.84913854593984, method: 'byar' }
 */
import { chiSquareQuantile, twoSidedZ } from './quantiles.js';
import type { Interval } from './types.js';
import { requireLevel, requireNonNegative, requirePositive } from './validate.js';

/** Counts below this use exact Poisson limits; from this up, Byar's method. */
export const EXACT_POISSON_BELOW = 10;

export type CountIntervalMethod = 'exact' | 'byar';

export interface CountInterval extends Interval {
  method: CountIntervalMethod;
}

export interface RateInterval extends CountInterval {
  value: number;
}

export interface RateIntervalOptions {
  /** Rate per this many of the denominator; default 100000. */
  multiplier?: number;
  /** Confidence level in (0, 1); default 0.95. */
  level?: number;
}

function countLimits(x: number, level: number): CountInterval {
  if (x < EXACT_POISSON_BELOW) {
    const lower = x === 0 ? 0 : chiSquareQuantile((1 - level) / 2, 2 * x) / 2;
    const upper = chiSquareQuantile((1 + level) / 2, 2 * x + 2) / 2;
    return { lower, upper, method: 'exact' };
  }
  const z = twoSidedZ(level);
  const lower = Math.max(0, x * (1 - 1 / (9 * x) - z / (3 * Math.sqrt(x))) ** 3);
  const x1 = x + 1;
  const upper = x1 * (1 - 1 / (9 * x1) + z / (3 * Math.sqrt(x1))) ** 3;
  return { lower, upper, method: 'byar' };
}

/** Interval for a count of events itself (no denominator). */
export function poissonCountInterval(count: number, level = 0.95): CountInterval {
  const x = requireNonNegative('poissonCountInterval', 'count', count);
  requireLevel('poissonCountInterval', level);
  return countLimits(x, level);
}

/** Rate = count / denominator × multiplier, with its interval. */
export function rateInterval(count: number, denominator: number, options: RateIntervalOptions = {}): RateInterval {
  const method = 'rateInterval';
  const x = requireNonNegative(method, 'count', count);
  const n = requirePositive(method, 'denominator', denominator);
  const multiplier = requirePositive(method, 'multiplier', options.multiplier ?? 100000);
  const level = requireLevel(method, options.level ?? 0.95);
  const limits = countLimits(x, level);
  return {
    value: (x / n) * multiplier,
    lower: (limits.lower / n) * multiplier,
    upper: (limits.upper / n) * multiplier,
    method: limits.method,
  };
}
