/**
 * Segmented regression of effects against a frozen forecast: is the course since the baseline
 * different from the forecast, and how (a change of level, a change of slope)?
 *
 * References: interrupted time series by segmented regression, Wagner AK et al. (2002) J Clin
 * Pharm Ther 27:299–309 and Bernal JL, Cummins S, Gasparrini A (2017) Int J Epidemiol 46:348–355
 * (level and slope change at the interruption); the forecast-based test of Chow GC (1960)
 * Econometrica 28:591–605 (predictive test: values after the fit judged with the covariance of
 * their forecast errors); generalised least squares, e.g. Greene WH, Econometric Analysis, §9.3.
 *
 * Input: the effects d_j = actual_j − forecast_j (on the scale the model was fitted on) at times
 * τ_j after the baseline, and their covariance σ²·C under "no change", where C allows for
 * everything the forecasts share (the fitted coefficients, correlated errors). Model:
 *   d_j = γ₀ + γ₁·τ_j + η_j,  Cov(η) = σ²·C
 * (γ₀ a change of level at the baseline, γ₁ a change of slope; with one value only γ₀). GLS:
 *   γ̂ = (WᵀC⁻¹W)⁻¹WᵀC⁻¹d,  Cov(γ̂) = σ²(WᵀC⁻¹W)⁻¹,
 * and the joint test of γ = 0 is F = γ̂ᵀ(WᵀC⁻¹W)γ̂ / (q·s²) on (q, df) degrees of freedom, where
 * s² is the baseline fit's variance estimate on df degrees of freedom. When d is normal and
 * independent of s² (a least-squares baseline with independent errors) F has exactly that F
 * distribution under no change, so the test's false-alarm rate is exactly 1 − level.
 *
 * @example
 * // Three effects of −0.12, −0.24, −0.36 a year after a baseline, independent, unit variance:
 * segmentedEffect({ effects: [-0.12, -0.24, -0.36], times: [1, 2, 3], covariance: identity(3), sigma2: 0.0009, df: 6 });
 * // → slope change γ₁ = −0.12 a year, level change 0, F far above F(0.95; 2, 6) = 5.143
 */
import { backSolve, cholesky, choleskyInverse, crossProduct, crossVector, dot, forwardSolve, quadraticForm, type Matrix } from './matrix.js';
import { fQuantile, fUpperTail, tQuantile } from './quantiles.js';
import { fail, requireFinite, requireLevel } from './validate.js';

export interface SegmentedEffectInput {
  /** Effects since the baseline, oldest first, on the fitted scale. */
  effects: readonly number[];
  /** Their times after the baseline (in the unit the slope is to be read in, e.g. years). */
  times: readonly number[];
  /** Their covariance under no change, divided by σ². */
  covariance: readonly (readonly number[])[];
  /** σ² estimate and its degrees of freedom. */
  sigma2: number;
  df: number;
  /** Confidence level of the intervals and of the test (default 0.95). */
  level?: number;
}

export interface Estimate {
  value: number;
  se: number;
  lower: number;
  upper: number;
  /** Two-sided p-value of the t test that it is zero. */
  p: number;
  significant: boolean;
}

export interface SegmentedEffect {
  /** Change of level at the baseline (γ₀). */
  level: Estimate;
  /** Change of slope per unit of time (γ₁); null with a single effect. */
  slope: Estimate | null;
  /** The fitted effect at the latest time, γ₀ + γ₁·τ_last. */
  latest: Estimate;
  /** The mean of the effects, with the covariance allowed for. */
  mean: Estimate;
  /** Joint test of no change (γ = 0). */
  test: { f: number; d1: number; d2: number; critical: number; p: number; significant: boolean };
  /** (WᵀC⁻¹W)⁻¹WᵀC⁻¹: γ̂ = weights · d, for callers that need covariances with other estimates. */
  weights: Matrix;
  /** Cov(γ̂)/σ². */
  unscaledCovariance: Matrix;
}

function estimate(value: number, variance: number, df: number, level: number): Estimate {
  const se = Math.sqrt(Math.max(0, variance));
  const q = tQuantile((1 + level) / 2, df);
  const t = se > 0 ? value / se : value === 0 ? 0 : Infinity;
  const p = Number.isFinite(t) ? fUpperTail(t * t, 1, df) : 0;
  return { value, se, lower: value - q * se, upper: value + q * se, p, significant: p < 1 - level };
}

export function segmentedEffect(input: SegmentedEffectInput): SegmentedEffect {
  const method = 'segmentedEffect';
  const { effects, times, covariance, sigma2, df } = input;
  const level = requireLevel(method, input.level ?? 0.95);
  const m = effects.length;
  if (m < 1) fail('INSUFFICIENT_DATA', method, 'at least one effect', m);
  if (times.length !== m || covariance.length !== m) fail('NOT_FINITE', method, 'effects, times and covariance of one size', times.length);
  effects.forEach((d, i) => requireFinite(method, `effects[${i}]`, d));
  times.forEach((t, i) => requireFinite(method, `times[${i}]`, t));
  if (!(sigma2 > 0) || !(df >= 1)) fail('OUT_OF_RANGE', method, 'sigma2 > 0 and df ≥ 1', sigma2, `sigma2 = ${sigma2}, df = ${df}`);

  const q = m >= 2 && times.some((t) => t !== times[0]) ? 2 : 1;
  const design = times.map((t) => (q === 2 ? [1, t] : [1]));
  // Whitening by the Cholesky factor of C turns the GLS problem into least squares.
  const l = cholesky(covariance);
  const whitenedColumns = Array.from({ length: q }, (_, k) => forwardSolve(l, design.map((row) => row[k]!)));
  const whitenedRows = Array.from({ length: m }, (_, i) => whitenedColumns.map((column) => column[i]!));
  const whitenedEffects = forwardSolve(l, effects);
  const information = crossProduct(whitenedRows);
  const unscaledCovariance = choleskyInverse(cholesky(information));
  const gamma = unscaledCovariance.map((row) => dot(row, crossVector(whitenedRows, whitenedEffects)));
  // weights = (WᵀC⁻¹W)⁻¹ WᵀC⁻¹ = (WᵀC⁻¹W)⁻¹ W̃ᵀ L⁻¹, built row by row through Lᵀ.
  const weights: Matrix = unscaledCovariance.map((row) => {
    const combined = Array.from({ length: m }, (_, i) => dot(row, whitenedRows[i]!));
    return backSolve(l, combined);
  });

  const f = quadraticForm(gamma, information) / (q * sigma2);
  const critical = fQuantile(level, q, df);
  const test = { f, d1: q, d2: df, critical, p: fUpperTail(f, q, df), significant: f > critical };

  const tLast = times[m - 1]!;
  const latestRow = q === 2 ? [1, tLast] : [1];
  const ones = new Array<number>(m).fill(1 / m);
  const covarianceMatrix = covariance.map((r) => [...r]);
  return {
    level: estimate(gamma[0]!, sigma2 * unscaledCovariance[0]![0]!, df, level),
    slope: q === 2 ? estimate(gamma[1]!, sigma2 * unscaledCovariance[1]![1]!, df, level) : null,
    latest: estimate(dot(latestRow, gamma), sigma2 * quadraticForm(latestRow, unscaledCovariance), df, level),
    mean: estimate(dot(ones, effects), sigma2 * quadraticForm(ones, covarianceMatrix), df, level),
    test,
    weights,
    unscaledCovariance,
  };
}
