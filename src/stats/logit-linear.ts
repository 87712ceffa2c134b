/**
 * Logit-linear trend forecast for proportions: ordinary least squares on
 * logit(p) = ln(p/(1 − p)), back-transformed with the logistic function, so
 * the forecast and its interval stay strictly between 0 and 100%.
 *
 * Reference: the linear logistic model for a proportion, e.g. Cox DR, Snell EJ
 * (1989) Analysis of Binary Data, 2nd edn, §2.1 (the empirical logistic
 * transform); back-transformed prediction limits as in Hyndman RJ,
 * Athanasopoulos G, Forecasting: Principles and Practice (3rd edn), §5.6.
 *
 * Convention: y is on the scale given by `scale` (1 for proportions 0–1, the
 * default; 100 for percentages 0–100). p = y/scale must lie strictly inside
 * (0, 1). The line and prediction interval (as in {@link linearForecast}) are
 * computed on the logit scale, then each of value, lower and upper is mapped
 * back by scale/(1 + e^(−x)). The back-transformed value is the median forecast.
 *
 * @example
 * // 20%, 25%, 30% as logits: ln(1/4) = −1.386, ln(1/3) = −1.099, ln(3/7) = −0.847;
 * // the fitted line at t = 3 is −0.5717 on the logit scale, i.e. 36.08%.
 * logitLinearForecast([{ t: 0, y: 20 }, { t: 1, y: 25 }, { t: 2, y: 30 }], [3], { scale: 100 });
 * // [{ t: 3, value: 36.08..., lower: ..., upper: ... }] — never below 0 or above 100
 */
import { checkTimePoints, checkTimes, fitLinearUnchecked, predictLinear } from './ols.js';
import type { ForecastPoint, TimePoint } from './types.js';
import { fail, requireLevel, requirePositive } from './validate.js';

export interface LogitLinearOptions {
  /** 1 when y is a proportion 0–1 (default), 100 when y is a percentage 0–100. */
  scale?: number;
  /** Confidence level of the prediction interval, in (0, 1); default 0.95. */
  level?: number;
}

export function logitLinearForecast(
  points: readonly TimePoint[],
  at: readonly number[],
  options: LogitLinearOptions = {},
): ForecastPoint[] {
  const method = 'logitLinearForecast';
  const scale = requirePositive(method, 'scale', options.scale ?? 1);
  const level = requireLevel(method, options.level ?? 0.95);
  checkTimePoints(method, points);
  points.forEach((p, i) => {
    if (!(p.y > 0 && p.y < scale)) {
      fail('OUT_OF_RANGE', method, `every y strictly between 0 and ${scale} (scale) for a logit fit`, p.y, `y = ${p.y} at index ${i}`);
    }
  });
  checkTimes(method, at);

  const fit = fitLinearUnchecked(points.map((p) => ({ t: p.t, y: Math.log(p.y / (scale - p.y)) })));
  const back = (x: number): number => scale / (1 + Math.exp(-x));
  return at.map((t0) => {
    const p = predictLinear(fit, t0, level);
    return { t: t0, value: back(p.value), lower: back(p.lower), upper: back(p.upper) };
  });
}
