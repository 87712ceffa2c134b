/**
 * Ordinary least squares straight line on time, y = a + b·t, with the
 * prediction interval for a new observation and the confidence interval for
 * the mean response.
 *
 * Reference: any regression text, e.g. Draper NR, Smith H (1998) Applied
 * Regression Analysis, 3rd edn, §3.1; as R's `predict.lm(..., interval =
 * "prediction")` and `interval = "confidence"`.
 *
 * Convention: t̄ = mean t, Sxx = Σ(t − t̄)², b = Σ(t − t̄)(y − ȳ)/Sxx,
 * a = ȳ − b·t̄, s² = SSE/(n − 2). At t₀, with q = t(n − 2, (1 + level)/2):
 * - fitted value ŷ₀ = a + b·t₀,
 * - seFit  = s·√(1/n + (t₀ − t̄)²/Sxx) (mean response; confidence interval ŷ₀ ± q·seFit),
 * - sePred = s·√(1 + 1/n + (t₀ − t̄)²/Sxx) (new observation; prediction interval ŷ₀ ± q·sePred).
 * Needs n ≥ 3 points and at least two distinct t; otherwise throws
 * `StatsInputError` with code `INSUFFICIENT_DATA`.
 *
 * @example
 * // R's cars data: lm(dist ~ speed) gives a = −17.579095, b = 3.932409, and
 * // predict(..., data.frame(speed = 21), interval = "prediction", level = 0.99)
 * // gives fit 65.001489, lwr 22.87494, upr 107.12803.
 * const fit = fitLinear(cars.map(({ speed, dist }) => ({ t: speed, y: dist })));
 * predictLinear(fit, 21, 0.99);
 * // { t: 21, value: 65.0014..., lower: 22.8749..., upper: 107.1280..., meanLower: 56.4583..., meanUpper: 73.5446..., ... }
 */
import { tQuantile } from './quantiles.js';
import type { ForecastPoint, TimePoint } from './types.js';
import { fail, requireFinite, requireLevel } from './validate.js';

export interface LinearFit {
  intercept: number;
  slope: number;
  /** Number of points. */
  n: number;
  /** Mean of t. */
  tMean: number;
  /** Σ(t − t̄)². */
  sxx: number;
  /** Residual sum of squares. */
  sse: number;
  /** Residual standard error s = √(SSE/(n − 2)). */
  sigma: number;
  /** Residual degrees of freedom n − 2. */
  df: number;
  /** Standard error of the slope, s/√Sxx. */
  slopeSE: number;
  /** Standard error of the intercept, s·√(1/n + t̄²/Sxx). */
  interceptSE: number;
}

export interface LinearPrediction extends ForecastPoint {
  /** Standard error of the fitted mean response at t. */
  seFit: number;
  /** Standard error for a new observation at t. */
  sePred: number;
  /** Confidence interval of the mean response at t. */
  meanLower: number;
  meanUpper: number;
}

/** @internal Check points (shared with the log and logit fits; not re-exported from index). */
export function checkTimePoints(method: string, points: readonly TimePoint[]): readonly TimePoint[] {
  if (!Array.isArray(points)) fail('NOT_FINITE', method, 'points to be an array of {t, y}', points);
  points.forEach((p, i) => {
    if (p === null || typeof p !== 'object') fail('NOT_FINITE', method, `a {t, y} object at index ${i}`, p);
    requireFinite(method, `t at index ${i}`, p.t);
    requireFinite(method, `y at index ${i}`, p.y);
  });
  if (points.length < 3) {
    fail('INSUFFICIENT_DATA', method, 'at least 3 points', points, String(points.length));
  }
  const first = points[0]!.t;
  if (points.every((p) => p.t === first)) {
    fail('INSUFFICIENT_DATA', method, 'at least two distinct t values', first, `every t = ${first}`);
  }
  return points;
}

function fitUnchecked(points: readonly TimePoint[]): LinearFit {
  const n = points.length;
  let tSum = 0;
  let ySum = 0;
  for (const p of points) {
    tSum += p.t;
    ySum += p.y;
  }
  const tMean = tSum / n;
  const yMean = ySum / n;
  let sxx = 0;
  let sxy = 0;
  for (const p of points) {
    const dt = p.t - tMean;
    sxx += dt * dt;
    sxy += dt * (p.y - yMean);
  }
  const slope = sxy / sxx;
  const intercept = yMean - slope * tMean;
  let sse = 0;
  for (const p of points) sse += (p.y - intercept - slope * p.t) ** 2;
  const df = n - 2;
  const sigma = Math.sqrt(sse / df);
  return {
    intercept,
    slope,
    n,
    tMean,
    sxx,
    sse,
    sigma,
    df,
    slopeSE: sigma / Math.sqrt(sxx),
    interceptSE: sigma * Math.sqrt(1 / n + (tMean * tMean) / sxx),
  };
}

/** Fit y = a + b·t by ordinary least squares. */
export function fitLinear(points: readonly TimePoint[]): LinearFit {
  return fitUnchecked(checkTimePoints('fitLinear', points));
}

/** Fitted value at t0 with prediction and mean-response intervals at `level`. */
export function predictLinear(fit: LinearFit, t0: number, level = 0.95): LinearPrediction {
  const method = 'predictLinear';
  if (fit === null || typeof fit !== 'object') fail('NOT_FINITE', method, 'a fit from fitLinear', fit);
  for (const key of ['intercept', 'slope', 'n', 'tMean', 'sxx', 'sigma', 'df'] as const) {
    requireFinite(method, `fit.${key}`, fit[key]);
  }
  if (!(fit.df >= 1 && fit.sxx > 0)) {
    fail('INSUFFICIENT_DATA', method, 'a fit with n ≥ 3 and two distinct t', fit.n, `n = ${fit.n}, Sxx = ${fit.sxx}`);
  }
  requireFinite(method, 't0', t0);
  requireLevel(method, level);

  const value = fit.intercept + fit.slope * t0;
  const lever = 1 / fit.n + (t0 - fit.tMean) ** 2 / fit.sxx;
  const seFit = fit.sigma * Math.sqrt(lever);
  const sePred = fit.sigma * Math.sqrt(1 + lever);
  const q = tQuantile((1 + level) / 2, fit.df);
  return {
    t: t0,
    value,
    lower: value - q * sePred,
    upper: value + q * sePred,
    seFit,
    sePred,
    meanLower: value - q * seFit,
    meanUpper: value + q * seFit,
  };
}

/** @internal Check the list of times to forecast at (not re-exported from index). */
export function checkTimes(method: string, at: readonly number[]): readonly number[] {
  if (!Array.isArray(at)) fail('NOT_FINITE', method, 'at to be an array of numbers', at);
  at.forEach((t, i) => requireFinite(method, `at[${i}]`, t));
  return at;
}

/**
 * Linear forecast: the OLS line's value at each t in `at`, with its
 * prediction interval for a new observation at `level`.
 *
 * @example
 * linearForecast([{ t: 0, y: 1 }, { t: 1, y: 3 }, { t: 2, y: 2 }, { t: 3, y: 4 }], [4]);
 * // [{ t: 4, value: 4.5, lower: ..., upper: ... }]
 */
export function linearForecast(points: readonly TimePoint[], at: readonly number[], level = 0.95): ForecastPoint[] {
  const method = 'linearForecast';
  const fit = fitUnchecked(checkTimePoints(method, points));
  checkTimes(method, at);
  requireLevel(method, level);
  return at.map((t0) => {
    const p = predictLinear(fit, t0, level);
    return { t: t0, value: p.value, lower: p.lower, upper: p.upper };
  });
}

/** @internal Fit without re-checking, for the log and logit fits that check their own input. */
export { fitUnchecked as fitLinearUnchecked };
