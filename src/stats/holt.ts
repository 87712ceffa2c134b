/**
 * Holt's linear exponential smoothing (optionally damped), with forecasts and
 * prediction intervals from the equivalent ETS(A,A,N) / ETS(A,Ad,N) model.
 *
 * References: Holt CC (1957/2004) "Forecasting seasonals and trends by
 * exponentially weighted moving averages", Int J Forecasting 20:5–10;
 * Gardner ES, McKenzie E (1985) damped trend; Hyndman RJ, Athanasopoulos G,
 * Forecasting: Principles and Practice, 3rd edn (FPP3) §8.2 (method), §8.5
 * (ETS state-space form) and §8.7 Table 8.8 (forecast variances); start-up as
 * R's `stats::HoltWinters(x, gamma = FALSE)`.
 *
 * Conventions:
 * - Component form (FPP3 §8.2), with damping φ (φ = 1: undamped):
 *     ŷ(t|t−1) = ℓ(t−1) + φ·b(t−1)
 *     ℓ(t) = α·y(t) + (1 − α)(ℓ(t−1) + φ·b(t−1))
 *     b(t) = β*·(ℓ(t) − ℓ(t−1)) + (1 − β*)·φ·b(t−1)
 *   forecast h steps ahead: ℓ(n) + (φ + φ² + … + φ^h)·b(n).
 * - Smoothing parameters: `alpha` = α and `betaStar` = β*, the trend smoothing
 *   parameter of the component form (FPP3's β*, R HoltWinters' `beta`). The
 *   variance formula uses the ETS parameter **β = α·β*** (FPP3 §8.5), reported
 *   as `beta`.
 * - Start-up as R HoltWinters: ℓ(2) = y(2), b(2) = y(2) − y(1); one-step errors
 *   e(t) = y(t) − ŷ(t|t−1) for t = 3…n (m = n − 2 errors); SSE = Σe².
 * - Parameters not given are estimated by minimising SSE: a fixed grid
 *   (α, β* in 0.05…0.95 by 0.05; φ in {0.80, 0.85, 0.90, 0.95, 0.98}), then
 *   Nelder–Mead from the best grid point with a fixed initial simplex,
 *   within α, β* ∈ [0.0001, 0.9999] and φ ∈ [0.80, 0.98] (FPP3 §8.2). No
 *   randomness: the same input always gives the same parameters.
 * - σ² = SSE/(m − k), k = number of parameters estimated (0 to 3).
 * - h-step variance σ²_h = σ²[1 + Σ_{j=1}^{h−1} c_j²], c_j = α + β(φ + … + φ^j).
 *   For φ = 1 this is FPP3's σ²[1 + (h − 1){α² + αβh + β²h(2h − 1)/6}].
 * - Interval: forecast ± Φ⁻¹((1 + level)/2)·σ_h (normal errors).
 * - Needs at least 10 values.
 *
 * @example
 * const y = [10, 12, 13, 15, 14, 16, 18, 17, 19, 21];
 * const fit = holtForecast(y, 3, { alpha: 0.5, betaStar: 0.4 });
 * fit.lastLevel;          // 20.36024635
 * fit.lastTrend;          // 1.11392966
 * fit.forecasts[0].value; // 21.47417601
 * fit.sigma2;             // SSE/8 = 15.35326586469429/8 = 1.919158233...
 */
import { twoSidedZ } from './quantiles.js';
import { fail, requireFinite, requireInteger, requireLevel, requireNumbers } from './validate.js';

export const HOLT_MIN_POINTS = 10;

export interface HoltOptions {
  /** Level smoothing α in (0, 1]; estimated when not given. */
  alpha?: number;
  /** Trend smoothing β* in [0, 1] (component form; β = α·β*); estimated when not given. */
  betaStar?: number;
  /** Damping φ in (0, 1]; when given, the model is damped if φ < 1. */
  phi?: number;
  /** Damped trend with φ estimated in [0.80, 0.98] (ignored when `phi` is given). */
  damped?: boolean;
  /** Confidence level of the prediction intervals, in (0, 1); default 0.95. */
  level?: number;
}

export interface HoltForecastPoint {
  /** Steps ahead of the last value (1 = next period). */
  h: number;
  value: number;
  lower: number;
  upper: number;
  /** Forecast variance σ²_h. */
  variance: number;
}

export interface HoltResult {
  alpha: number;
  betaStar: number;
  /** ETS β = α·β*, used in the variance formula. */
  beta: number;
  phi: number;
  damped: boolean;
  /** Which parameters were estimated (true) or given (false). */
  estimated: { alpha: boolean; betaStar: boolean; phi: boolean };
  /** Level ℓ(n) after the last value. */
  lastLevel: number;
  /** Trend b(n) after the last value. */
  lastTrend: number;
  /** One-step forecasts ŷ(t|t−1), aligned with the input; null for the two start-up values. */
  fitted: (number | null)[];
  sse: number;
  /** σ² = SSE/(m − k). */
  sigma2: number;
  forecasts: HoltForecastPoint[];
}

interface Params {
  alpha: number;
  betaStar: number;
  phi: number;
}

interface Run {
  sse: number;
  level: number;
  trend: number;
  fitted: (number | null)[];
}

function run(y: readonly number[], { alpha, betaStar, phi }: Params): Run {
  let level = y[1]!;
  let trend = y[1]! - y[0]!;
  let sse = 0;
  const fitted: (number | null)[] = [null, null];
  for (let t = 2; t < y.length; t++) {
    const forecast = level + phi * trend;
    const e = y[t]! - forecast;
    sse += e * e;
    fitted.push(forecast);
    const nextLevel = alpha * y[t]! + (1 - alpha) * forecast;
    trend = betaStar * (nextLevel - level) + (1 - betaStar) * phi * trend;
    level = nextLevel;
  }
  return { sse, level, trend, fitted };
}

/**
 * Forecast variance h steps ahead for ETS(A,A,N) (φ = 1) or ETS(A,Ad,N),
 * with β = α·β* (FPP3 §8.5 convention).
 *
 * @example
 * holtVariance(2, 1, 0.5, 0.2);  // 1 + (0.5 + 0.2)² = 1.49
 */
export function holtVariance(h: number, sigma2: number, alpha: number, beta: number, phi = 1): number {
  const method = 'holtVariance';
  requireInteger(method, 'h', h, 1);
  const s2 = requireFinite(method, 'sigma2', sigma2);
  if (s2 < 0) fail('OUT_OF_RANGE', method, 'sigma2 ≥ 0', s2);
  requireFinite(method, 'alpha', alpha);
  requireFinite(method, 'beta', beta);
  const ph = requireFinite(method, 'phi', phi);
  if (!(ph > 0 && ph <= 1)) fail('OUT_OF_RANGE', method, 'phi in (0, 1]', ph);
  if (ph === 1) {
    return s2 * (1 + (h - 1) * (alpha ** 2 + alpha * beta * h + (beta ** 2 * h * (2 * h - 1)) / 6));
  }
  let sum = 0;
  let phiSum = 0;
  let phiPower = 1;
  for (let j = 1; j <= h - 1; j++) {
    phiPower *= ph;
    phiSum += phiPower;
    const c = alpha + beta * phiSum;
    sum += c * c;
  }
  return s2 * (1 + sum);
}

const BOUNDS = {
  alpha: [0.0001, 0.9999],
  betaStar: [0.0001, 0.9999],
  phi: [0.8, 0.98],
} as const;

type Key = keyof typeof BOUNDS;

function clamp(x: number, [lo, hi]: readonly [number, number]): number {
  return Math.min(hi, Math.max(lo, x));
}

/** Deterministic Nelder–Mead over the free keys, with box bounds by clamping. */
function nelderMead(objective: (x: number[]) => number, start: number[], bounds: (readonly [number, number])[]): number[] {
  const dim = start.length;
  const project = (x: number[]): number[] => x.map((v, i) => clamp(v, bounds[i]!));
  const simplex: { x: number[]; f: number }[] = [];
  const x0 = project(start);
  simplex.push({ x: x0, f: objective(x0) });
  for (let i = 0; i < dim; i++) {
    const x = [...x0];
    const [lo, hi] = bounds[i]!;
    const step = 0.05;
    x[i] = x[i]! + step <= hi ? x[i]! + step : x[i]! - step;
    x[i] = clamp(x[i]!, [lo, hi]);
    simplex.push({ x, f: objective(x) });
  }
  for (let iter = 0; iter < 2000; iter++) {
    simplex.sort((a, b) => a.f - b.f);
    const best = simplex[0]!;
    const worst = simplex[dim]!;
    const spread = Math.abs(worst.f - best.f);
    const size = Math.max(...simplex.map((s) => Math.max(...s.x.map((v, i) => Math.abs(v - best.x[i]!)))));
    if (spread <= 1e-14 * (Math.abs(best.f) + 1e-14) && size < 1e-10) break;
    if (size < 1e-12) break;
    const centroid = Array.from({ length: dim }, (_, i) => simplex.slice(0, dim).reduce((s, p) => s + p.x[i]!, 0) / dim);
    const along = (coef: number): number[] => project(centroid.map((c, i) => c + coef * (worst.x[i]! - c)));
    const reflected = along(-1);
    const fr = objective(reflected);
    if (fr < best.f) {
      const expanded = along(-2);
      const fe = objective(expanded);
      simplex[dim] = fe < fr ? { x: expanded, f: fe } : { x: reflected, f: fr };
    } else if (fr < simplex[dim - 1]!.f) {
      simplex[dim] = { x: reflected, f: fr };
    } else {
      const contracted = fr < worst.f ? along(-0.5) : along(0.5);
      const fc = objective(contracted);
      if (fc < Math.min(fr, worst.f)) {
        simplex[dim] = { x: contracted, f: fc };
      } else {
        for (let k = 1; k <= dim; k++) {
          const x = project(simplex[k]!.x.map((v, i) => best.x[i]! + 0.5 * (v - best.x[i]!)));
          simplex[k] = { x, f: objective(x) };
        }
      }
    }
  }
  simplex.sort((a, b) => a.f - b.f);
  return simplex[0]!.x;
}

function estimate(y: readonly number[], fixed: Partial<Params>, free: Key[]): Params {
  const grids: Record<Key, number[]> = {
    alpha: Array.from({ length: 19 }, (_, i) => (i + 1) * 0.05),
    betaStar: Array.from({ length: 19 }, (_, i) => (i + 1) * 0.05),
    phi: [0.8, 0.85, 0.9, 0.95, 0.98],
  };
  const assemble = (x: number[]): Params => {
    const p = { ...fixed } as Params;
    free.forEach((key, i) => {
      p[key] = x[i]!;
    });
    return p;
  };
  const objective = (x: number[]): number => run(y, assemble(x)).sse;

  let best: number[] = [];
  let bestF = Infinity;
  const visit = (i: number, x: number[]): void => {
    if (i === free.length) {
      const f = objective(x);
      if (f < bestF) {
        bestF = f;
        best = [...x];
      }
      return;
    }
    for (const v of grids[free[i]!]) visit(i + 1, [...x, v]);
  };
  visit(0, []);
  const refined = nelderMead(objective, best, free.map((k) => BOUNDS[k]));
  const x = objective(refined) <= bestF ? refined : best;
  return assemble(x);
}

export function holtForecast(values: readonly number[], horizon: number, options: HoltOptions = {}): HoltResult {
  const method = 'holtForecast';
  const y = requireNumbers(method, 'values', values, HOLT_MIN_POINTS);
  requireInteger(method, 'horizon', horizon, 1);
  const level = requireLevel(method, options.level ?? 0.95);
  const fixed: Partial<Params> = {};
  if (options.alpha !== undefined) {
    const a = requireFinite(method, 'alpha', options.alpha);
    if (!(a > 0 && a <= 1)) fail('OUT_OF_RANGE', method, 'alpha in (0, 1]', a);
    fixed.alpha = a;
  }
  if (options.betaStar !== undefined) {
    const b = requireFinite(method, 'betaStar', options.betaStar);
    if (!(b >= 0 && b <= 1)) fail('OUT_OF_RANGE', method, 'betaStar in [0, 1]', b);
    fixed.betaStar = b;
  }
  if (options.damped !== undefined && typeof options.damped !== 'boolean') {
    fail('INVALID_OPTION', method, 'damped to be true or false', options.damped);
  }
  if (options.phi !== undefined) {
    const p = requireFinite(method, 'phi', options.phi);
    if (!(p > 0 && p <= 1)) fail('OUT_OF_RANGE', method, 'phi in (0, 1]', p);
    fixed.phi = p;
  } else if (options.damped !== true) {
    fixed.phi = 1;
  }

  const free = (['alpha', 'betaStar', 'phi'] as const).filter((k) => fixed[k] === undefined);
  const params: Params = free.length === 0 ? (fixed as Params) : estimate(y, fixed, free);
  const result = run(y, params);
  const m = y.length - 2;
  const sigma2 = result.sse / (m - free.length);
  const beta = params.alpha * params.betaStar;
  const z = twoSidedZ(level);

  const forecasts: HoltForecastPoint[] = [];
  let phiSum = 0;
  let phiPower = 1;
  for (let h = 1; h <= horizon; h++) {
    phiPower *= params.phi;
    phiSum += phiPower;
    const value = result.level + phiSum * result.trend;
    const variance = holtVariance(h, sigma2, params.alpha, beta, params.phi);
    const half = z * Math.sqrt(variance);
    forecasts.push({ h, value, lower: value - half, upper: value + half, variance });
  }

  return {
    alpha: params.alpha,
    betaStar: params.betaStar,
    beta,
    phi: params.phi,
    damped: params.phi < 1,
    estimated: { alpha: free.includes('alpha'), betaStar: free.includes('betaStar'), phi: free.includes('phi') },
    lastLevel: result.level,
    lastTrend: result.trend,
    fitted: result.fitted,
    sse: result.sse,
    sigma2,
    forecasts,
  };
}
