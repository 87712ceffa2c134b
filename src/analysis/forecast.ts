/**
 * The baseline's forecast part: fits the chosen method to the history and projects it, with a
 * prediction interval, to the periods after the baseline.
 */
import type { Measure } from '../plan/types.js';
import type { ForecastMethod } from '../config/config.js';
import type { ForecastPoint, TimePoint } from '../stats/types.js';
import { fitLinear, linearForecast } from '../stats/ols.js';
import { logLinearForecast } from '../stats/log-linear.js';
import { logitLinearForecast } from '../stats/logit-linear.js';
import { holtForecast, HOLT_MIN_POINTS } from '../stats/holt.js';
import { StatsInputError } from '../stats/errors.js';

export const MIN_POINTS_FOR_LINE = 3;

export type ForecastOutcome =
  | { ok: true; points: ForecastPoint[]; slope: number; description: string }
  | { ok: false; reason: string };

const METHOD_NAMES: Record<ForecastMethod, string> = {
  linear: 'a straight line (ordinary least squares)',
  loglinear: 'a log-linear line (constant rate of change)',
  logit: 'a logit-linear line (kept between 0% and 100%)',
  holt: "Holt's linear exponential smoothing",
};

/**
 * Forecasts at times `at` from `history` (evenly spaced in t for Holt). The slope returned is
 * the baseline's direction per period near the baseline, in the measure's own units.
 */
export function forecastBaseline(history: readonly TimePoint[], at: readonly number[], method: ForecastMethod, level: number, measure: Pick<Measure, 'unit'>): ForecastOutcome {
  const minimum = method === 'holt' ? HOLT_MIN_POINTS : MIN_POINTS_FOR_LINE;
  if (history.length < minimum) {
    return { ok: false, reason: `${METHOD_NAMES[method]} needs at least ${minimum} values up to the baseline; there ${history.length === 1 ? 'is' : 'are'} ${history.length}` };
  }
  try {
    const last = history.at(-1)!;
    const slopeNear = (points: ForecastPoint[]) => {
      const first = points[0];
      return first && first.t !== last.t ? (first.value - last.y) / (first.t - last.t) : fitLinear(history).slope;
    };
    const description = `${METHOD_NAMES[method]} through ${history.length} values`;
    if (method === 'linear') {
      const points = linearForecast(history, at, level);
      return { ok: true, points, slope: fitLinear(history).slope, description };
    }
    if (method === 'loglinear') {
      const points = logLinearForecast(history, at, level);
      return { ok: true, points, slope: at.length > 0 ? slopeNear(points) : fitLinear(history).slope, description };
    }
    if (method === 'logit') {
      if (measure.unit.kind !== 'percent') return { ok: false, reason: 'the logit method is for percentages' };
      const points = logitLinearForecast(history, at, { scale: 100, level });
      return { ok: true, points, slope: at.length > 0 ? slopeNear(points) : fitLinear(history).slope, description };
    }
    const steps = at.map((t) => Math.round(t - last.t));
    const horizon = Math.max(0, ...steps);
    const result = holtForecast(history.map((p) => p.y), horizon, { level });
    const byStep = new Map(result.forecasts.map((f) => [f.h, f]));
    const points = at.map((t, i) => {
      const f = byStep.get(steps[i]!)!;
      return { t, value: f.value, lower: f.lower, upper: f.upper };
    });
    return { ok: true, points, slope: result.lastTrend, description };
  } catch (error) {
    if (error instanceof StatsInputError) return { ok: false, reason: error.message };
    throw error;
  }
}
