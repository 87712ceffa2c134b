/**
 * Quantile functions of the standard normal, Student's t, chi-square and F
 * distributions (inverse cumulative distribution functions), and the upper tail of F.
 *
 * Thin wrappers over the stdlib packages `@stdlib/stats-base-dists-normal-quantile`,
 * `-t-quantile`, `-chisquare-quantile`, `-f-quantile` and `-f-cdf` (loaded as one bundled module,
 * `distributions.cjs`), which are accurate to about 1e-15
 * relative error (checked against R's `qnorm`, `qt`, `qchisq` and SciPy's `ppf`).
 * `simple-statistics`' `probit` is an approximation (0.975 → 1.9572) and must
 * not be used for intervals.
 *
 * Convention: lower-tail probabilities, as R's `qnorm(p)`, `qt(p, df)`, `qchisq(p, df)`, `qf(p, d1, d2)`.
 * A two-sided interval at level L uses `p = (1 + L) / 2`; see {@link twoSidedZ}.
 *
 * @example
 * normalQuantile(0.975);        // 1.9599639845400538 (z = 1.959963984540054…, within 1 ulp)
 * tQuantile(0.975, 48);         // 2.010634757624232
 * chiSquareQuantile(0.998, 1);  // 9.54953570608324
 * twoSidedZ(0.998);             // 3.090232306167813
 * fQuantile(0.95, 2, 7);        // 4.737414127775881 (closed form for d1 = 2: (d2/2)(0.05^(−2/d2) − 1))
 * fUpperTail(4.964602743730714, 1, 10); // 0.05
 */
import distributions from './distributions.cjs';
import { requireFinite, requireLevel, requirePositive, requireProbability } from './validate.js';

// One module, bundled at build (see distributions.cjs).
const { normalQuantile: normalQuantileImpl, tQuantile: tQuantileImpl, chiSquareQuantile: chiSquareQuantileImpl, fQuantile: fQuantileImpl, fCdf: fCdfImpl } = distributions;

/** Standard normal quantile z such that P(Z ≤ z) = p, for p in (0, 1). */
export function normalQuantile(p: number): number {
  requireProbability('normalQuantile', p);
  return normalQuantileImpl(p, 0, 1);
}

/** Student's t quantile with `df` > 0 degrees of freedom, for p in (0, 1). */
export function tQuantile(p: number, df: number): number {
  requireProbability('tQuantile', p);
  requirePositive('tQuantile', 'df', df);
  return tQuantileImpl(p, df);
}

/** Chi-square quantile with `df` > 0 degrees of freedom, for p in (0, 1). */
export function chiSquareQuantile(p: number, df: number): number {
  requireProbability('chiSquareQuantile', p);
  requirePositive('chiSquareQuantile', 'df', df);
  return chiSquareQuantileImpl(p, df);
}

/**
 * The normal multiplier for a two-sided interval at `level`:
 * z = Φ⁻¹((1 + level) / 2), e.g. 1.959963984540054 for 0.95.
 */
export function twoSidedZ(level: number): number {
  requireLevel('twoSidedZ', level);
  return normalQuantileImpl((1 + level) / 2, 0, 1);
}

/** F quantile with `d1`, `d2` > 0 degrees of freedom, for p in (0, 1). */
export function fQuantile(p: number, d1: number, d2: number): number {
  requireProbability('fQuantile', p);
  requirePositive('fQuantile', 'd1', d1);
  requirePositive('fQuantile', 'd2', d2);
  return fQuantileImpl(p, d1, d2);
}

/** P(F > x) for F with `d1`, `d2` degrees of freedom: the p-value of an F statistic x. */
export function fUpperTail(x: number, d1: number, d2: number): number {
  requireFinite('fUpperTail', 'x', x);
  requirePositive('fUpperTail', 'd1', d1);
  requirePositive('fUpperTail', 'd2', d2);
  return x <= 0 ? 1 : 1 - fCdfImpl(x, d1, d2);
}
