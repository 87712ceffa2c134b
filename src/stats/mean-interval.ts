/**
 * Student's t confidence interval for a mean.
 *
 * Reference: Student (1908) "The probable error of a mean", Biometrika 6:1–25;
 * as R's `t.test(x)$conf.int` and PHEindicatormethods `phe_mean`.
 *
 * Convention: mean ± t(n − 1, (1 + level)/2) · s/√n with s the sample standard
 * deviation (n − 1 denominator). Needs n ≥ 2. A constant sample gives a
 * zero-width interval.
 *
 * @example
 * // R: t.test(sleep$extra[1:10] - sleep$extra[11:20]) → −1.58, CI −2.4598858 to −0.7001142
 * meanInterval([-1.2, -2.4, -1.3, -1.3, 0, -1, -1.8, -0.8, -4.6, -1.4]);
 * // { mean: -1.58, lower: -2.45988576..., upper: -0.70011423..., n: 10, standardError: 0.38895... }
 */
import { tQuantile } from './quantiles.js';
import { requireLevel, requireNumbers } from './validate.js';

export interface MeanInterval {
  mean: number;
  lower: number;
  upper: number;
  n: number;
  standardError: number;
}

export function meanInterval(values: readonly number[], level = 0.95): MeanInterval {
  const method = 'meanInterval';
  const xs = requireNumbers(method, 'values', values, 2);
  requireLevel(method, level);

  const n = xs.length;
  const mean = xs.reduce((s, x) => s + x, 0) / n;
  const ss = xs.reduce((s, x) => s + (x - mean) ** 2, 0);
  const standardError = Math.sqrt(ss / (n - 1) / n);
  const half = tQuantile((1 + level) / 2, n - 1) * standardError;
  return { mean, lower: mean - half, upper: mean + half, n, standardError };
}
