/**
 * The baseline model: fitted to the baseline's values on the scale its unit calls for, it
 * forecasts where the curve goes if nothing changes, with prediction intervals, and gives the
 * joint covariance of its forecast errors, which the verdict's tests need (METHODS.md §1, §3).
 *
 * - Regression on time (and the season, for weekly, monthly and quarterly measures) by least
 *   squares; weekly and monthly series with AR(1) errors by generalised least squares, because
 *   one week is like the last (`src/stats/ar1-regression.ts`). Annual series, 5 to a dozen
 *   values, are too short to estimate such a correlation and are fitted with independent errors.
 * - Holt's linear smoothing on request, on the same scale, with the ETS(A,A,N) error covariance
 *   between horizons (`src/stats/holt.ts`).
 */
import type { Measure } from '../../plan/types.js';
import type { ForecastMethod } from '../../config/config.js';
import { fitCorrelatedRegression, oneStepPredictions, predictCorrelatedRegression, type CorrelatedRegressionFit, type ErrorStructure } from '../../stats/correlated-regression.js';
import { holtForecast, HOLT_MIN_POINTS } from '../../stats/holt.js';
import { tQuantile, fUpperTail } from '../../stats/quantiles.js';
import { StatsInputError } from '../../stats/errors.js';
import type { Matrix } from '../../stats/matrix.js';
import { designRow, makeDesign, trendRow, type ModelDesign } from './design.js';
import { scaleFor, type ModelScale } from './scale.js';
import type { SeriesPoint } from './window.js';

export interface ModelSettings {
  method: ForecastMethod;
  level: number;
  minHistory: number;
  /** A scale to fit on instead of the one the method and unit call for (differences are unbounded). */
  scale?: ModelScale;
  /** A known error structure for an annual fit (whole years of a frequent series), instead of independent errors. */
  errors?: ErrorStructure;
  /**
   * Every value of the series, not only the baseline's, for choosing the scale: a count that
   * reaches 0 after the baseline needs the started log from the start, or its 0 has no log.
   */
  seriesValues?: readonly number[];
}

/** What is known of a later value's size, for its variance: its denominator, when published. */
export interface ForecastCounts {
  denominator?: number;
}

export interface ModelForecast {
  /** Forecasts on the model scale, and their error covariance (σ² included). */
  z: number[];
  covariance: Matrix;
  /** Degrees of freedom of the variance estimate. */
  df: number;
  /** How each forecast depends on the coefficients (regression only): for tests that combine them. */
  coefficientLink?: Matrix;
}

export interface BaselineModel {
  /** The method actually used (auto resolved). */
  method: Exclude<ForecastMethod, 'auto'>;
  scale: ModelScale;
  design: ModelDesign;
  errors: 'independent' | 'ar1';
  /** Estimated lag-one correlation of the errors (0 for independent errors). */
  rho: number;
  /** The fitted values' times, and how many. */
  n: number;
  /** "a log-linear line through 6 values", for the evidence. */
  description: string;
  /** Why this model, in words. */
  reason: string;
  /** The trend per year on the model scale, with its standard error (null for Holt). */
  trend: { value: number; se: number | null; df: number };
  /** The deseasonalised fitted value at the baseline period, on the model scale. */
  levelAtBaseline: number;
  /** Forecasts at later times (periods of the measure's frequency). */
  forecast(times: readonly number[], counts?: readonly (ForecastCounts | undefined)[]): ModelForecast;
  /** The regression fit, when the model is one (for covariances with its coefficients). */
  regression?: CorrelatedRegressionFit;
  /**
   * What each later value was expected to be from the model and every value before it (one step
   * ahead, in the measure's units); undefined for Holt.
   */
  oneStep?(points: readonly SeriesPoint[]): number[];
}

export type ModelOutcome = { ok: true; model: BaselineModel } | { ok: false; reason: string };

const METHOD_WORDS: Record<Exclude<ForecastMethod, 'auto'>, string> = {
  linear: 'a straight line',
  loglinear: 'a log-linear line',
  logit: 'a logit-linear line',
  holt: "Holt's linear smoothing",
};

/** How many values a model needs, and why, for the measure's frequency. */
export function historyNeeded(measure: Pick<Measure, 'frequency'>, settings: Pick<ModelSettings, 'minHistory' | 'method'>, terms: number): { values: number; years: number } {
  if (settings.method === 'holt') return { values: Math.max(HOLT_MIN_POINTS, settings.minHistory), years: 0 };
  if (measure.frequency === 'annual') return { values: settings.minHistory, years: 0 };
  return { values: Math.max(settings.minHistory, terms + 6), years: 2 };
}

export function fitBaselineModel(points: readonly SeriesPoint[], measure: Pick<Measure, 'unit' | 'decimals' | 'frequency'>, settings: ModelSettings): ModelOutcome {
  const baseline = points.at(-1);
  if (!baseline) return { ok: false, reason: 'there are no values up to the baseline' };
  const scale = settings.scale ?? scaleFor(settings.method, measure, settings.seriesValues ?? points.map((p) => p.value));
  const method: Exclude<ForecastMethod, 'auto'> =
    settings.method === 'auto' || settings.scale ? (scale.kind === 'log' ? 'loglinear' : scale.kind === 'logit' ? 'logit' : 'linear') : settings.method;
  const design = makeDesign(measure.frequency, baseline.t, method !== 'holt');
  const need = historyNeeded(measure, settings, design.terms.length);
  const span = (baseline.t - points[0]!.t + 1) / design.periodsPerYear;
  if (points.length < need.values || span < need.years - 1e-9) {
    const what = need.years > 0 ? `${need.values} values over at least ${need.years} years` : `${need.values} values`;
    return { ok: false, reason: `too short to forecast: a baseline needs at least ${what} to forecast from, and has ${points.length}${need.years > 0 ? ` over ${span.toFixed(1)} years` : ''}` };
  }
  const z = points.map((p) => scale.to(p.value, p.observation));
  try {
    return method === 'holt' ? holtModel(points, z, scale, design, settings) : regressionModel(points, z, scale, design, measure, method, settings);
  } catch (error) {
    if (error instanceof StatsInputError) return { ok: false, reason: `the baseline could not be fitted (${error.message})` };
    throw error;
  }
}

function regressionModel(
  points: readonly SeriesPoint[],
  z: number[],
  scale: ModelScale,
  design: ModelDesign,
  measure: Pick<Measure, 'frequency' | 'unit' | 'decimals'>,
  method: Exclude<ForecastMethod, 'auto'>,
  settings: ModelSettings,
): ModelOutcome {
  const ar1 = measure.frequency === 'weekly' || measure.frequency === 'monthly';
  const rows = points.map((p) => designRow(design, p.t));
  const times = points.map((p) => p.t);
  const variance = varianceWeights(scale, measure, points.map((p) => p.observation.denominator));
  // Iteratively reweighted: the weights follow the fitted values, as a quasi-likelihood GLM's do.
  let weights = z.map((v, i) => variance.weight(v, points[i]!.observation.denominator));
  const errors = ar1 ? 'estimated' : settings.errors ?? 'independent';
  let fit = fitCorrelatedRegression(rows, z, times, { errors, weights });
  // The error structure is estimated once; reweighting keeps it.
  for (let iteration = 0; iteration < 3 && scale.kind !== 'identity'; iteration++) {
    weights = rows.map((row, i) => variance.weight(trendAndSeason(row, fit.coefficients), points[i]!.observation.denominator));
    fit = fitCorrelatedRegression(rows, z, times, { errors: fit.errors, errorsFromData: ar1, weights });
  }
  const seasonal = design.harmonics > 0 ? ' with the season' : '';
  const errorWords = ar1
    ? `, errors correlated from one ${measure.frequency === 'weekly' ? 'week' : 'month'} to the next (estimated ρ = ${fit.errors.rho.toFixed(2)}, ${Math.round(100 * fit.errors.share)}% of the variance)`
    : settings.errors
      ? `, allowing a correlation of ${fit.errors.rho.toFixed(2)} between successive years`
      : '';
  // Figures are published rounded: values that happen to lie on a line still vary by at least
  // their rounding (a uniform error of ±half the last shown digit, variance d²/12), so the
  // variance is never taken as less than that, which would give zero-width intervals.
  const resolution = 10 ** -measure.decimals;
  const floor = Math.max(...points.map((p, i) => ((resolution ** 2 / 12) * weights[i]!) / scale.slope(z[i]!) ** 2));
  if (fit.sigma2 < floor) fit = { ...fit, sigma2: floor };
  const baselineRow = trendRow(design, design.origin);
  return {
    ok: true,
    model: {
      method,
      scale,
      design,
      errors: ar1 ? 'ar1' : 'independent',
      rho: fit.errors.rho,
      n: points.length,
      description: `${METHOD_WORDS[method]}${seasonal} through ${points.length} values${errorWords}`,
      reason: scale.reason,
      trend: { value: fit.coefficients[1]!, se: Math.sqrt(fit.sigma2 * fit.unscaledCovariance[1]![1]!), df: fit.df },
      levelAtBaseline: baselineRow.reduce((s, v, i) => s + v * fit.coefficients[i]!, 0),
      regression: fit,
      oneStep(later) {
        if (later.length === 0) return [];
        const laterRows = later.map((p) => designRow(design, p.t));
        const laterWeights = laterRows.map((row, i) => variance.weight(trendAndSeason(row, fit.coefficients), later[i]!.observation.denominator));
        const predictions = oneStepPredictions(fit, laterRows, later.map((p) => scale.to(p.value, p.observation)), later.map((p) => p.t), laterWeights);
        return predictions.map((p) => scale.back(p.value));
      },
      forecast(times, counts) {
        if (times.length === 0) return { z: [], covariance: [], df: fit.df, coefficientLink: [] };
        const futureRows = times.map((t) => designRow(design, t));
        const futureWeights = futureRows.map((row, i) => variance.weight(trendAndSeason(row, fit.coefficients), counts?.[i]?.denominator));
        const prediction = predictCorrelatedRegression(fit, futureRows, times, futureWeights);
        return {
          z: prediction.values,
          covariance: prediction.unscaledCovariance.map((row) => row.map((v) => v * fit.sigma2)),
          df: fit.df,
          coefficientLink: prediction.effectiveRows,
        };
      },
    },
  };
}

function trendAndSeason(row: readonly number[], coefficients: readonly number[]): number {
  return row.reduce((s, v, i) => s + v * coefficients[i]!, 0);
}

/**
 * Inverse-variance weights on the model scale from the unit's variance function: a count or
 * rate of μ events has Var(ln y) ≈ 1/μ (Poisson), a percentage p of n has Var(logit p) ≈
 * 1/(n·p(1 − p)) (binomial), by the delta method (McCullagh & Nelder 1989, §9.2 quasi-likelihood).
 * Only the ratios matter (the scale is estimated), so with no denominator known n is taken as 1.
 */
function varianceWeights(scale: ModelScale, measure: Pick<Measure, 'unit'>, denominators: readonly (number | undefined)[]) {
  const known = denominators.filter((d): d is number => d !== undefined && d > 0);
  const typical = known.length > 0 ? known.reduce((s, d) => s + d, 0) / known.length : 1;
  const per = measure.unit.kind === 'rate' ? measure.unit.per : 1;
  return {
    weight(zFitted: number, denominator: number | undefined): number {
      const n = denominator !== undefined && denominator > 0 ? denominator : typical;
      if (scale.kind === 'log') {
        const events = measure.unit.kind === 'rate' ? (scale.back(zFitted) * n) / per : scale.back(zFitted);
        return Math.max(events, 1e-6);
      }
      if (scale.kind === 'logit') {
        const p = scale.back(zFitted) / 100;
        return Math.max(n * p * (1 - p), 1e-9);
      }
      return 1;
    },
  };
}

function holtModel(points: readonly SeriesPoint[], z: number[], scale: ModelScale, design: ModelDesign, settings: ModelSettings): ModelOutcome {
  const last = points.at(-1)!;
  const fitAt = (horizon: number) => holtForecast(z, Math.max(1, horizon), { level: settings.level });
  const base = fitAt(1);
  const df = Math.max(1, points.length - 2 - 2);
  return {
    ok: true,
    model: {
      method: 'holt',
      scale,
      design,
      errors: 'independent',
      rho: 0,
      n: points.length,
      description: `${METHOD_WORDS.holt} through ${points.length} values`,
      reason: `Holt's linear smoothing, as configured, on the ${scale.kind === 'identity' ? "measure's own" : scale.kind} scale`,
      trend: { value: base.lastTrend * design.periodsPerYear, se: null, df },
      levelAtBaseline: base.lastLevel,
      forecast(times) {
        const steps = times.map((t) => Math.round(t - last.t));
        const horizon = Math.max(1, ...steps);
        const result = fitAt(horizon);
        const byStep = new Map(result.forecasts.map((f) => [f.h, f]));
        // ETS(A,A,N) forecast errors: e_h = ε_{n+h} + Σ_{j=1}^{h−1} c_j ε_{n+h−j}, c_j = α + β·j·φ-sum.
        const c = (j: number) => (j === 0 ? 1 : result.alpha + result.beta * phiSum(result.phi, j));
        const covariance = steps.map((hi) =>
          steps.map((hj) => {
            const [a, b] = hi <= hj ? [hi, hj] : [hj, hi];
            let s = 0;
            for (let j = 0; j < a; j++) s += c(j) * c(j + b - a);
            return result.sigma2 * s;
          }),
        );
        return { z: steps.map((h) => byStep.get(h)!.value), covariance, df };
      },
    },
  };
}

function phiSum(phi: number, j: number): number {
  let s = 0;
  for (let k = 1; k <= j; k++) s += phi ** k;
  return s;
}

/** Back-transformed prediction interval of one forecast. */
export function intervalOf(scale: ModelScale, z: number, variance: number, df: number, level: number): { value: number; lower: number; upper: number } {
  const q = tQuantile((1 + level) / 2, df);
  const sd = Math.sqrt(Math.max(0, variance));
  return { value: scale.back(z), lower: scale.back(z - q * sd), upper: scale.back(z + q * sd) };
}

/** Two-sided t test of the model's trend (is the baseline heading anywhere?). */
export function trendTest(model: BaselineModel, level: number): { p: number | null; significant: boolean } {
  const { value, se, df } = model.trend;
  if (se === null || !(se > 0)) return { p: null, significant: false };
  const p = fUpperTail((value / se) ** 2, 1, df);
  return { p, significant: p < 1 - level };
}
