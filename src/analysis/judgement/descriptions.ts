/**
 * Descriptions shown beside the verdict, which do not vote on it (METHODS.md §3, §4): each is a
 * further chance of a false alarm, and each is only valid where its assumptions hold.
 *
 * - XmR (NHS "Making Data Count"): drawn on the differences from the baseline model, never on
 *   the raw values (a trending baseline makes every continued trend a special cause), with
 *   limits set on the baseline's own residuals; only with 12 or more baseline values, as fewer
 *   give trial limits too unsteady to read.
 * - The Fingertips recent-trend test on the 5 latest values, only where they are unbroken (no
 *   gap, no break among them) and where its Poisson or binomial error holds: rates and
 *   percentages with their counts, or values with published intervals; not stock counts.
 */
import type { Measure } from '../../plan/types.js';
import { xmr } from '../../stats/xmr.js';
import { recentTrend, type TrendPoint } from '../../stats/trend-test.js';
import { formatNumber } from '../../render/format.js';
import type { BaselineModel } from './model.js';
import type { BaselineWindow, SeriesPoint } from './window.js';

/** Baseline values an XmR description needs. */
export const XMR_MIN_BASELINE = 12;

export function describeSince(window: BaselineWindow, model: BaselineModel, measure: Pick<Measure, 'polarity' | 'unit' | 'frequency'>): string[] {
  return [xmrSentence(window, model, measure), trendSentence(window, measure)].filter((s): s is string => s !== undefined);
}

function xmrSentence(window: BaselineWindow, model: BaselineModel, measure: Pick<Measure, 'polarity' | 'frequency'>): string | undefined {
  if (measure.frequency !== 'annual') return undefined;
  const fit = model.regression;
  if (!fit || window.judged.length === 0) return undefined;
  if (window.fitted.length < XMR_MIN_BASELINE) {
    return `XmR chart: not drawn; its limits need at least ${XMR_MIN_BASELINE} baseline values and the baseline has ${window.fitted.length}.`;
  }
  const forecast = model.forecast(window.judged.map((p) => p.t));
  const deviations = window.judged.map((p, i) => model.scale.to(p.value, p.observation) - forecast.z[i]!);
  const improvement = measure.polarity === 'higher' ? 'increase' : measure.polarity === 'lower' ? 'decrease' : undefined;
  const chart = xmr([...fit.residuals, ...deviations], { fixAfter: fit.residuals.length, ...(improvement ? { improvement } : {}) });
  const since = chart.points.slice(fit.residuals.length).filter((p) => p.special !== null);
  const good = since.filter((p) => p.special === 'improvement').length;
  const bad = since.filter((p) => p.special === 'concern').length;
  const rules = [...new Set(since.map((p) => p.rule))].join(', ');
  const head = `XmR chart of the differences from the baseline model (limits set on its ${fit.residuals.length} baseline residuals; a description, not part of the verdict)`;
  return good + bad === 0 ? `${head}: no special cause since the baseline.` : `${head}: ${good} special cause${good === 1 ? '' : 's'} of improvement and ${bad} of concern since the baseline (${rules}).`;
}

function trendPoint(p: SeriesPoint, measure: Pick<Measure, 'unit'>): TrendPoint | null {
  const o = p.observation;
  if (o.numerator !== undefined && o.denominator !== undefined && o.denominator > 0 && measure.unit.kind === 'percent') return { numerator: o.numerator, denominator: o.denominator };
  if (o.lower !== undefined && o.upper !== undefined && o.upper > o.lower) return { value: p.value, standardError: (o.upper - o.lower) / (2 * 1.959963984540054) };
  if (measure.unit.kind === 'rate' && o.numerator !== undefined && o.numerator > 0) return { value: p.value, standardError: p.value / Math.sqrt(o.numerator) };
  return null;
}

function trendSentence(window: BaselineWindow, measure: Pick<Measure, 'unit' | 'frequency'>): string | undefined {
  if (measure.frequency !== 'annual') return undefined;
  const all = [...window.before, ...window.judged];
  const last = all.slice(-5);
  if (last.length < 5) return `Recent-trend test: not run (it needs the 5 latest values; there are ${last.length}).`;
  for (let i = 1; i < last.length; i++) {
    if (Math.round(last[i]!.t - last[i - 1]!.t) !== 1) return `Recent-trend test: not run (a gap before ${last[i]!.period.label} among the 5 latest values).`;
    if (last[i]!.observation.status.includes('b')) return `Recent-trend test: not run (a break in series at ${last[i]!.period.label} among the 5 latest values).`;
  }
  const points = last.map((p) => trendPoint(p, measure));
  if (points.some((p) => p === null)) {
    return measure.unit.kind === 'count'
      ? 'Recent-trend test: not run (its Poisson error does not hold for a count of people at a date, which moves far less at random than a count of events).'
      : 'Recent-trend test: not run (it needs the counts behind each value, or published intervals).';
  }
  const trend = recentTrend(points);
  if (trend.direction === 'insufficient-data') return `Recent-trend test: not run (${trend.reason ?? 'too few values'}).`;
  const chi = trend.chiSquare === null ? '' : ` (χ² = ${formatNumber(trend.chiSquare, 2)} against ${formatNumber(trend.threshold, 2)})`;
  const head = 'Recent-trend test on the 5 latest values (Fingertips; a description, not part of the verdict)';
  if (trend.direction === 'no-significant-change') return `${head}: no significant change${chi}.`;
  return `${head}: significantly ${trend.direction}${chi}.`;
}
