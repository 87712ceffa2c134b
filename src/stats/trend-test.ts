/**
 * Recent trend as in Fingertips (Public Health England / OHID): a chi-square
 * test for linear trend on the 5 most recent unbroken points.
 *
 * References: Armitage P (1955) "Tests for linear trends in proportions and
 * frequencies", Biometrics 11:375–386 and Cochran WG (1954) (the
 * Cochran–Armitage test, R's `prop.trend.test`); inverse-variance weighted
 * least squares for values with standard errors; PHE "Fingertips technical
 * guidance: recent trends" (5 most recent points, 99.8% significance).
 *
 * Conventions:
 * - Points are consecutive periods at t = 0, 1, 2, …; each is either
 *   `{ numerator, denominator }` (a proportion: Cochran–Armitage) or
 *   `{ value, standardError }` (a rate or other value: weighted regression).
 *   All points in one test must be of the same kind.
 * - Cochran–Armitage: N = Σn, p̄ = Σx/N, t̄ = Σn·t/N;
 *   slope b = Σx(t − t̄)/Σn(t − t̄)² (change in proportion per period);
 *   χ² = [Σx(t − t̄)]² / (p̄(1 − p̄)·Σn(t − t̄)²), 1 df — R's prop.trend.test.
 * - Weighted regression: w = 1/se², t̄ = Σw·t/Σw, ȳ = Σw·y/Σw;
 *   b = Σw(t − t̄)(y − ȳ)/Σw(t − t̄)²; χ² = b²·Σw(t − t̄)², 1 df.
 * - Significant when χ² > χ²(0.998; 1) = 9.5495 AND the slope keeps its sign
 *   when each of the 5 points is left out in turn; then 'increasing' or
 *   'decreasing' by the sign of the slope, otherwise 'no-significant-change'.
 * - The most recent unbroken run is the points after the last `null` (a gap);
 *   fewer than 5 there gives 'insufficient-data' with the reason.
 *
 * @example
 * recentTrend([
 *   { numerator: 10, denominator: 100 }, { numerator: 15, denominator: 100 },
 *   { numerator: 20, denominator: 100 }, { numerator: 25, denominator: 100 },
 *   { numerator: 30, denominator: 100 },
 * ]);
 * // { direction: 'increasing', chiSquare: 15.625, slope: 0.05, method: 'cochran-armitage', threshold: 9.5495... }
 */
import { chiSquareQuantile } from './quantiles.js';
import { fail, requireFinite, requireNonNegative, requirePositive } from './validate.js';

export const RECENT_TREND_POINTS = 5;
/** χ²(0.998; 1 df) = 9.5495…, the 99.8% two-sided threshold. */
export const RECENT_TREND_THRESHOLD = chiSquareQuantile(0.998, 1);

export interface ProportionPoint {
  numerator: number;
  denominator: number;
}
export interface ValuePoint {
  value: number;
  standardError: number;
}
export type TrendPoint = ProportionPoint | ValuePoint;
export type TrendMethod = 'cochran-armitage' | 'weighted-regression';
export type TrendDirection = 'increasing' | 'decreasing' | 'no-significant-change' | 'insufficient-data';

export interface ChiSquareForTrend {
  chiSquare: number;
  slope: number;
  method: TrendMethod;
}

export interface RecentTrend {
  direction: TrendDirection;
  /** χ² for trend (1 df); null when there are too few points. */
  chiSquare: number | null;
  /** Slope per period (proportion per period for Cochran–Armitage); null when too few points. */
  slope: number | null;
  method: TrendMethod | null;
  /** The threshold χ² had to exceed (9.5495…). */
  threshold: number;
  /** Why the result is not a significant trend, in words. */
  reason?: string;
}

function isProportion(p: TrendPoint): p is ProportionPoint {
  return 'numerator' in p || 'denominator' in p;
}

function checkPoints(method: string, points: readonly TrendPoint[]): TrendMethod {
  if (!Array.isArray(points)) fail('NOT_FINITE', method, 'points to be an array', points);
  let kind: TrendMethod | undefined;
  points.forEach((p, i) => {
    if (p === null || typeof p !== 'object') fail('NOT_FINITE', method, `a point object at index ${i}`, p);
    const k: TrendMethod = isProportion(p) ? 'cochran-armitage' : 'weighted-regression';
    if (kind !== undefined && k !== kind) {
      fail('INVALID_OPTION', method, 'every point of one kind ({numerator, denominator} or {value, standardError})', p, `a mix at index ${i}`);
    }
    kind = k;
    if (isProportion(p)) {
      const n = requirePositive(method, `denominator at index ${i}`, p.denominator);
      const x = requireNonNegative(method, `numerator at index ${i}`, p.numerator);
      if (x > n) fail('OUT_OF_RANGE', method, `numerator ≤ denominator at index ${i}`, x, `${x} > ${n}`);
    } else {
      requireFinite(method, `value at index ${i}`, p.value);
      requirePositive(method, `standardError at index ${i}`, p.standardError);
    }
  });
  return kind ?? 'weighted-regression';
}

function cochranArmitage(points: readonly ProportionPoint[], ts: readonly number[]): ChiSquareForTrend {
  let bigN = 0;
  let x = 0;
  let nt = 0;
  points.forEach((p, i) => {
    bigN += p.denominator;
    x += p.numerator;
    nt += p.denominator * ts[i]!;
  });
  const pBar = x / bigN;
  const tBar = nt / bigN;
  let score = 0;
  let stt = 0;
  points.forEach((p, i) => {
    const dt = ts[i]! - tBar;
    score += p.numerator * dt;
    stt += p.denominator * dt * dt;
  });
  const slope = score / stt;
  const variance = pBar * (1 - pBar);
  // No events, or every trial an event: no variation to test; χ² is 0, not NaN.
  const chiSquare = variance > 0 ? (score * score) / (variance * stt) : 0;
  return { chiSquare, slope, method: 'cochran-armitage' };
}

function weightedRegression(points: readonly ValuePoint[], ts: readonly number[]): ChiSquareForTrend {
  const w = points.map((p) => 1 / (p.standardError * p.standardError));
  const sw = w.reduce((s, v) => s + v, 0);
  const tBar = w.reduce((s, v, i) => s + v * ts[i]!, 0) / sw;
  const yBar = w.reduce((s, v, i) => s + v * points[i]!.value, 0) / sw;
  let stt = 0;
  let sty = 0;
  points.forEach((p, i) => {
    const dt = ts[i]! - tBar;
    stt += w[i]! * dt * dt;
    sty += w[i]! * dt * (p.value - yBar);
  });
  const slope = sty / stt;
  return { chiSquare: slope * slope * stt, slope, method: 'weighted-regression' };
}

function testUnchecked(points: readonly TrendPoint[], ts: readonly number[], kind: TrendMethod): ChiSquareForTrend {
  return kind === 'cochran-armitage'
    ? cochranArmitage(points as readonly ProportionPoint[], ts)
    : weightedRegression(points as readonly ValuePoint[], ts);
}

/**
 * The chi-square statistic for linear trend (1 df) and the slope, for two or
 * more consecutive points at t = 0, 1, 2, ….
 *
 * @example
 * // R: prop.trend.test(c(83, 90, 129, 70), c(86, 93, 136, 82)) → X-squared = 8.2249
 * chiSquareForTrend([83, 90, 129, 70].map((x, i) => ({ numerator: x, denominator: [86, 93, 136, 82][i] })));
 * // { chiSquare: 8.2249..., slope: -0.0334..., method: 'cochran-armitage' }
 */
export function chiSquareForTrend(points: readonly TrendPoint[]): ChiSquareForTrend {
  const method = 'chiSquareForTrend';
  const kind = checkPoints(method, points);
  if (points.length < 2) fail('INSUFFICIENT_DATA', method, 'at least 2 points', points, String(points.length));
  return testUnchecked(points, points.map((_, i) => i), kind);
}

/** Fingertips recent trend over the 5 most recent unbroken points of `series` (null = gap). */
export function recentTrend(series: readonly (TrendPoint | null)[]): RecentTrend {
  const method = 'recentTrend';
  if (!Array.isArray(series)) fail('NOT_FINITE', method, 'series to be an array', series);
  const threshold = RECENT_TREND_THRESHOLD;
  let startOfRun = series.length;
  while (startOfRun > 0 && series[startOfRun - 1] !== null && series[startOfRun - 1] !== undefined) startOfRun--;
  const run = series.slice(startOfRun) as TrendPoint[];
  const kind = checkPoints(method, run);
  if (run.length < RECENT_TREND_POINTS) {
    const gap = startOfRun > 0 ? ' since the last gap' : '';
    return {
      direction: 'insufficient-data',
      chiSquare: null,
      slope: null,
      method: null,
      threshold,
      reason: `needs the ${RECENT_TREND_POINTS} most recent points with no gap; ${run.length} available${gap}`,
    };
  }

  const points = run.slice(-RECENT_TREND_POINTS);
  const ts = points.map((_, i) => i);
  const { chiSquare, slope } = testUnchecked(points, ts, kind);
  const base = { chiSquare, slope, method: kind, threshold };
  if (!(chiSquare > threshold) || slope === 0) {
    return {
      ...base,
      direction: 'no-significant-change',
      reason: `χ² for trend ${chiSquare.toFixed(4)} does not exceed ${threshold.toFixed(4)} (99.8% with 1 df)`,
    };
  }
  for (let leave = 0; leave < points.length; leave++) {
    const kept = points.filter((_, i) => i !== leave);
    const keptT = ts.filter((_, i) => i !== leave);
    const s = testUnchecked(kept, keptT, kind).slope;
    if (!(Math.sign(s) === Math.sign(slope))) {
      return {
        ...base,
        direction: 'no-significant-change',
        reason: `χ² for trend ${chiSquare.toFixed(4)} exceeds ${threshold.toFixed(4)} but the slope changes sign when point ${leave + 1} of ${points.length} is left out`,
      };
    }
  }
  return { ...base, direction: slope > 0 ? 'increasing' : 'decreasing' };
}
