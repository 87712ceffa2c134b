/**
 * Log-linear trend forecast for counts and rates: ordinary least squares on
 * ln y, back-transformed with exp, so the forecast and its interval stay above zero.
 *
 * Reference: the log-linear (exponential growth) model ln y = a + b·t, e.g.
 * Draper NR, Smith H (1998) Applied Regression Analysis, 3rd edn, §13.2
 * (transformations); back-transformed prediction limits as in Hyndman RJ,
 * Athanasopoulos G, Forecasting: Principles and Practice (3rd edn), §5.6.
 *
 * Convention: the line and the prediction interval (as in {@link linearForecast})
 * are computed on the log scale and each of value, lower and upper is passed
 * through exp. The back-transformed value is therefore the median forecast (the
 * geometric-mean trend), not a bias-adjusted mean. The slope b is the log of the
 * growth factor per period: the series changes by (e^b − 1) × 100% each period.
 * Every y must be > 0.
 *
 * @example
 * // y = 100 × 1.1^t exactly: ln y is an exact line, so the forecast is exact
 * // and the interval has zero width.
 * logLinearForecast([{ t: 0, y: 100 }, { t: 1, y: 110 }, { t: 2, y: 121 }], [3]);
 * // [{ t: 3, value: 133.1, lower: 133.1, upper: 133.1 }] (to rounding)
 */
import { checkTimePoints, checkTimes, fitLinearUnchecked, predictLinear } from './ols.js';
import type { ForecastPoint, TimePoint } from './types.js';
import { fail, requireLevel } from './validate.js';

export function logLinearForecast(points: readonly TimePoint[], at: readonly number[], level = 0.95): ForecastPoint[] {
  const method = 'logLinearForecast';
  checkTimePoints(method, points);
  points.forEach((p, i) => {
    if (!(p.y > 0)) fail('OUT_OF_RANGE', method, 'every y > 0 for a log-linear fit', p.y, `y = ${p.y} at index ${i}`);
  });
  checkTimes(method, at);
  requireLevel(method, level);

  const fit = fitLinearUnchecked(points.map((p) => ({ t: p.t, y: Math.log(p.y) })));
  return at.map((t0) => {
    const p = predictLinear(fit, t0, level);
    return { t: t0, value: Math.exp(p.value), lower: Math.exp(p.lower), upper: Math.exp(p.upper) };
  });
}
