/**
 * Judging the values since the baseline against its frozen forecast, in the style of
 * interrupted time series and CausalImpact (Brodersen et al. 2015): the effect is actual −
 * forecast, per period and on average, each with an interval that allows for the forecasts'
 * shared errors; the verdict comes from tests of a change of level and slope (`verdict.ts`).
 */
import type { Measure } from '../../plan/types.js';
import { segmentedEffect, type Estimate, type SegmentedEffect } from '../../stats/segmented-effect.js';
import { quadraticForm, dot } from '../../stats/matrix.js';
import { tQuantile } from '../../stats/quantiles.js';
import { formatNumber, formatValue, periodWords, unitSuffix } from '../../render/format.js';
import { intervalOf, trendTest, type BaselineModel } from './model.js';
import { decideVerdict, type VerdictDecision, type VerdictReason } from './verdict.js';
import type { SeriesPoint } from './window.js';

/** An effect in the measure's own units: actual − forecast, with its interval. */
export interface UnitEffect {
  value: number;
  lower: number;
  upper: number;
}

export interface PeriodEffect extends UnitEffect {
  period: string;
}

export interface JudgementTests {
  /** Joint F test of no change of level or slope since the baseline. */
  joint: { f: number; df1: number; df2: number; p: number; significant: boolean };
  /** On the model scale; the slope per year. */
  levelChange: Estimate;
  slopeChange: Estimate | null;
  latestEffect: Estimate;
  baselineTrend: { value: number; se: number | null; p: number | null; significant: boolean };
  trendSince: { value: number; se: number; lower: number; upper: number } | null;
}

export interface Judgement extends VerdictDecision {
  tests: JudgementTests;
  /** Actual − forecast for each value since the baseline. */
  effects: PeriodEffect[];
  /** The mean effect over the values since, and the sum (for flows, the cumulative effect). */
  average: UnitEffect;
  cumulative: UnitEffect;
  /** On the log scale only: how far below or above the forecast on average, in per cent. */
  relative: UnitEffect | null;
  /** The judgement in words, for the evidence. */
  sentences: string[];
}

export function judgeSince(model: BaselineModel, judged: readonly SeriesPoint[], measure: Pick<Measure, 'unit' | 'decimals' | 'polarity' | 'frequency'>, level: number): Judgement {
  const origin = model.design.origin;
  const ppy = model.design.periodsPerYear;
  const forecast = model.forecast(
    judged.map((p) => p.t),
    judged.map((p) => (p.observation.denominator !== undefined ? { denominator: p.observation.denominator } : undefined)),
  );
  const z = judged.map((p) => model.scale.to(p.value, p.observation));
  const d = z.map((v, i) => v - forecast.z[i]!);
  const years = judged.map((p) => (p.t - origin) / ppy);
  const seg = segmentedEffect({ effects: d, times: years, covariance: forecast.covariance, sigma2: 1, df: forecast.df, level });

  const trend = trendTest(model, level);
  const trendSince = trendSinceBaseline(model, seg, forecast.coefficientLink, level);
  const decision = decideVerdict({
    polarity: measure.polarity,
    changed: seg.test.significant,
    latest: { value: seg.latest.value, significant: seg.latest.significant },
    slopeChange: seg.slope ? { value: seg.slope.value, significant: seg.slope.significant } : null,
    baselineTrend: { value: model.trend.value, significant: trend.significant },
    // "Heads the better way" is a one-sided claim, tested one-sided at the same level.
    trendSince: trendSince ? { value: trendSince.value, significant: Math.abs(trendSince.value) > tQuantile(level, model.trend.df) * trendSince.se } : null,
  });

  const q = tQuantile((1 + level) / 2, forecast.df);
  const effects = judged.map((p, i) => {
    const band = intervalOf(model.scale, forecast.z[i]!, forecast.covariance[i]![i]!, forecast.df, level);
    return { period: p.period.label, value: p.value - band.value, lower: p.value - band.upper, upper: p.value - band.lower };
  });
  // Delta method for the mean effect in the measure's units: the forecasts' errors are
  // correlated, so the variance is gᵀΣg, g the back-transform's slope at each forecast.
  const m = judged.length;
  const g = forecast.z.map((v) => model.scale.slope(v) / m);
  const meanValue = effects.reduce((s, e) => s + e.value, 0) / m;
  const meanSd = Math.sqrt(Math.max(0, quadraticForm(g, forecast.covariance)));
  const average = { value: meanValue, lower: meanValue - q * meanSd, upper: meanValue + q * meanSd };
  const cumulative = { value: average.value * m, lower: average.lower * m, upper: average.upper * m };
  const relative =
    model.scale.kind === 'log'
      ? { value: 100 * (Math.exp(seg.mean.value) - 1), lower: 100 * (Math.exp(seg.mean.lower) - 1), upper: 100 * (Math.exp(seg.mean.upper) - 1) }
      : null;

  const tests: JudgementTests = {
    joint: { f: seg.test.f, df1: seg.test.d1, df2: seg.test.d2, p: seg.test.p, significant: seg.test.significant },
    levelChange: seg.level,
    slopeChange: seg.slope,
    latestEffect: seg.latest,
    baselineTrend: { value: model.trend.value, se: model.trend.se, p: trend.p, significant: trend.significant },
    trendSince,
  };
  const judgement = { ...decision, tests, effects, average, cumulative, relative, sentences: [] as string[] };
  judgement.sentences = judgementSentences(judgement, model, judged, measure, level);
  return judgement;
}

/**
 * The slope since the baseline, b̂ + γ̂₁, with its standard error. γ̂ depends on b̂ through the
 * forecasts, Cov(γ̂, β̂) = −A·X̃·Cov(β̂) (A the GLS weights, X̃ how each forecast depends on β̂).
 */
function trendSinceBaseline(model: BaselineModel, seg: SegmentedEffect, link: number[][] | undefined, level: number): JudgementTests['trendSince'] {
  if (!seg.slope) return null;
  const value = model.trend.value + seg.slope.value;
  const fit = model.regression;
  let variance: number;
  if (fit && link && model.trend.se !== null) {
    const covBeta = fit.unscaledCovariance.map((row) => row.map((v) => v * fit.sigma2));
    const trendColumn = covBeta.map((row) => row[1]!);
    const crossWithTrend = -dot(seg.weights[1]!, link.map((row) => dot(row, trendColumn)));
    variance = model.trend.se ** 2 + seg.slope.se ** 2 + 2 * crossWithTrend;
  } else {
    variance = seg.slope.se ** 2;
  }
  const se = Math.sqrt(Math.max(0, variance));
  const q = tQuantile((1 + level) / 2, model.trend.df);
  return { value, se, lower: value - q * se, upper: value + q * se };
}

/** A p-value as people print it. */
export function pWords(p: number): string {
  if (p < 0.001) return 'p < 0.001';
  return `p = ${p < 0.01 ? p.toFixed(3) : p.toFixed(2)}`;
}

/** A change per year on the model scale, in the measure's terms ("falling by 4.9% a year"). */
export function courseWords(perYear: number, model: BaselineModel, zAt: number, measure: Pick<Measure, 'unit' | 'decimals'>): string {
  if (model.scale.kind === 'log') {
    const pct = 100 * (Math.exp(perYear) - 1);
    const text = formatNumber(Math.abs(pct), 1);
    return Number(text) === 0 ? 'flat' : `${pct > 0 ? 'rising' : 'falling'} by ${text}% a year`;
  }
  const units = perYear * model.scale.slope(zAt);
  const text = formatNumber(Math.abs(units), measure.decimals + 1);
  if (Number(text.replace(/,/g, '')) === 0) return 'flat';
  const unit = measure.unit.kind === 'percent' ? ' points' : unitSuffix(measure.unit);
  return `${units > 0 ? 'rising' : 'falling'} by ${text}${unit} a year`;
}

/** A change of slope on the model scale, in words ("8.4% a year", "0.3 points a year"). */
function slopeChangeWords(estimate: Estimate, model: BaselineModel, zAt: number, measure: Pick<Measure, 'unit' | 'decimals'>, level: number): string {
  const interval = `${Math.round(level * 100)}% interval`;
  if (model.scale.kind === 'log') {
    const pct = (x: number) => formatNumber(100 * (Math.exp(x) - 1), 1).replace(/^-/, '−');
    return `${pct(estimate.value)}% a year (${interval} ${pct(estimate.lower)}% to ${pct(estimate.upper)}%)`;
  }
  const k = model.scale.slope(zAt);
  const unit = measure.unit.kind === 'percent' ? ' points' : unitSuffix(measure.unit);
  const f = (x: number) => formatNumber(x * k, measure.decimals + 1).replace(/^-/, '−');
  return `${f(estimate.value)}${unit} a year (${interval} ${f(estimate.lower)} to ${f(estimate.upper)})`;
}

/** "318 below", "2.1 points above", "4.2 per 1,000 below". */
export function differenceWords(value: number, measure: Pick<Measure, 'unit' | 'decimals'>): string {
  const text = formatNumber(Math.abs(value), measure.decimals);
  const unit = measure.unit.kind === 'percent' ? ' points' : unitSuffix(measure.unit);
  if (/^[0.,]+$/.test(text)) return 'no different from';
  return `${text}${unit} ${value < 0 ? 'below' : 'above'}`;
}

/** An interval of differences in words: "120 to 650 below", "from 40 below to 120 above". */
export function differenceIntervalWords(lower: number, upper: number, measure: Pick<Measure, 'unit' | 'decimals'>): string {
  const unit = measure.unit.kind === 'percent' ? ' points' : unitSuffix(measure.unit);
  const n = (x: number) => formatNumber(Math.abs(x), measure.decimals);
  if (upper < 0) return `${n(upper)} to ${n(lower)}${unit} below`;
  if (lower > 0) return `${n(lower)} to ${n(upper)}${unit} above`;
  return `from ${n(lower)}${unit} below to ${n(upper)}${unit} above`;
}

function judgementSentences(j: Omit<Judgement, 'sentences'>, model: BaselineModel, judged: readonly SeriesPoint[], measure: Pick<Measure, 'unit' | 'decimals' | 'polarity' | 'frequency'>, level: number): string[] {
  const pct = Math.round(level * 100);
  const out: string[] = [];
  const latest = j.effects.at(-1)!;
  const last = judged.at(-1)!;
  const fmt = (v: number) => formatValue(v, measure);
  out.push(
    `At ${periodWords(latest.period)}, ${fmt(last.value)}: ${differenceWords(latest.value, measure)} the baseline forecast of ${fmt(last.value - latest.value)} (${pct}% interval for the difference: ${differenceIntervalWords(latest.lower, latest.upper, measure)}).`,
  );
  const m = judged.length;
  if (m > 1) {
    const rel = j.relative ? `, ${formatNumber(Math.abs(j.relative.value), 1)}% ${j.relative.value < 0 ? 'below' : 'above'} it` : '';
    out.push(
      `Over the ${m} values since the baseline, on average ${differenceWords(j.average.value, measure)} the forecast${rel} (${pct}% interval ${differenceIntervalWords(j.average.lower, j.average.upper, measure)}).`,
    );
  }
  const joint = j.tests.joint;
  const jointTest = `joint test of a change of level${j.tests.slopeChange ? ' and slope' : ''}: F = ${formatNumber(joint.f, 2)} on ${joint.df1} and ${joint.df2} degrees of freedom, ${pWords(joint.p)}`;
  out.push(
    joint.significant
      ? `Taken together, the values since the baseline differ from its forecast by more than chance would explain (${jointTest}).`
      : `Taken together, the values since the baseline are consistent with its forecast (${jointTest}): no change of course that chance would not explain.`,
  );
  const zBaseline = model.levelAtBaseline;
  const trendSince = j.tests.trendSince;
  if (j.tests.slopeChange && trendSince) {
    const zLatest = zBaseline + trendSince.value * ((last.t - model.design.origin) / model.design.periodsPerYear);
    out.push(
      `The baseline was ${courseWords(model.trend.value, model, zBaseline, measure)}; since it, the values have been ${courseWords(trendSince.value, model, zLatest, measure)}: a change of slope of ${slopeChangeWords(j.tests.slopeChange, model, zBaseline, measure, level)}${j.tests.slopeChange.significant ? ', more than chance would explain' : ', within what chance would explain'}.`,
    );
  }
  out.push(REASON_WORDS[j.reason]);
  return out;
}

const REASON_WORDS: Record<VerdictReason, string> = {
  'no-change': 'Verdict: on baseline.',
  'no-direction': 'Verdict: on baseline: the values since differ from the forecast, but neither the latest value nor the slope differs from it in one direction by more than chance would explain.',
  'worse-latest': 'Verdict: worse than the baseline: the latest value is on the wrong side of the forecast by more than chance would explain.',
  'worse-slope': 'Verdict: worse than the baseline: the slope has changed the wrong way by more than chance would explain.',
  'slope-turned': 'Verdict: turned: the slope has changed by more than chance would explain, and now heads the better way.',
  'slope-accelerated': 'Verdict: accelerated: the baseline was improving, and the slope has changed the better way by more than chance would explain.',
  'level-accelerated': 'Verdict: accelerated: better than an improving baseline by more than chance would explain.',
  'level-slowed': 'Verdict: slowed: better than a worsening baseline by more than chance would explain, without a significant change of direction yet.',
  'level-from-flat': 'Verdict: turned: better than a flat baseline by more than chance would explain.',
};
