/**
 * Comparators as controls: did the curve turn beyond the comparator's own course?
 *
 * Difference in differences on the model scale (Angrist & Pischke 2009, ch. 5; the comparative
 * interrupted time series of Bernal, Cummins & Gasparrini 2018, J Clin Epidemiol 103:82–87):
 * the series judged is the area's value minus the control's, each on the scale the unit calls for
 * (so for counts and rates the log of their ratio, for percentages the log of their odds ratio).
 * Its baseline is fitted and frozen like any other, and the same tests give the verdict: a
 * curve that turned only because the whole country's did is `on-baseline` here.
 * Frequent measures are compared on whole years, as their own verdict is.
 */
import type { Measure } from '../../plan/types.js';
import type { Observation } from '../../data/types.js';
import type { AnalysisOptions } from '../../config/config.js';
import { formatNumber, periodWords } from '../../render/format.js';
import { onOrBefore, type PeriodRef } from '../period-ref.js';
import { baselineWindow, valuedPoints, type SeriesPoint } from './window.js';
import { fitBaselineModel } from './model.js';
import { judgeSince, pWords } from './judge.js';
import { differenceScale, scaleFor } from './scale.js';
import { wholeYears } from './years.js';
import type { VerdictStatus } from './verdict.js';

export interface ControlledJudgement {
  control: string;
  status: VerdictStatus;
  /** At the latest period judged: how far the area's value is from where its gap to the control was heading. */
  latest: { period: string; value: number; lower: number; upper: number; unit: 'percent' | 'points' | 'units' } | null;
  /** The joint test of no change in the gap's course. */
  p: number | null;
  sentence: string;
}

const VERDICT_TEXT: Record<VerdictStatus, string> = {
  turned: 'turned',
  accelerated: 'accelerated',
  slowed: 'slowed',
  'on-baseline': 'on baseline',
  worse: 'worse',
  'insufficient-data': 'not enough data',
  'no-judgement': 'no judgement',
};

export function judgeAgainstControl(
  control: string,
  own: readonly Observation[],
  other: readonly Observation[],
  measure: Measure,
  settings: Pick<AnalysisOptions, 'method' | 'level' | 'minHistory' | 'window'>,
  ref: PeriodRef,
): ControlledJudgement {
  const scale = scaleFor(settings.method === 'holt' ? 'auto' : settings.method, measure, [...valuedPoints(own, measure), ...valuedPoints(other, measure)].map((p) => p.value));
  const unavailable = (why: string): ControlledJudgement => ({
    control,
    status: 'insufficient-data',
    latest: null,
    p: null,
    sentence: `Against ${control}'s own course: not judged (${why}).`,
  });
  const otherByOrdinal = new Map(other.map((o) => [o.period.ordinal, o]));
  // Differences period by period; a break in either series is a break in the difference.
  const differences: Observation[] = [];
  for (const o of own) {
    const c = otherByOrdinal.get(o.period.ordinal);
    if (!c) continue;
    const both = o.value !== null && c.value !== null;
    differences.push({
      ...o,
      value: both ? scale.to(o.value!, o) - scale.to(c.value!, c) : null,
      ...(both ? {} : { missing: o.value === null ? o.missing ?? 'x' : c.missing ?? 'x' }),
      status: [...new Set([...o.status, ...c.status])],
    });
  }
  let window = baselineWindow(differences, measure, (p) => onOrBefore(p, ref), settings.window);
  if (!window) return unavailable(`no period up to the baseline with values for both`);
  let fitted: readonly SeriesPoint[] = window.fitted;
  let judged: readonly SeriesPoint[] = window.judged;
  if (measure.frequency !== 'annual') {
    const ownYears = wholeYears(own, measure, window.fitted.at(-1)!.period, valuedPoints(own, measure).filter((p) => p.period.ordinal <= window!.fitted.at(-1)!.period.ordinal), valuedPoints(own, measure).filter((p) => p.period.ordinal > window!.fitted.at(-1)!.period.ordinal));
    const otherYears = wholeYears(other, measure, window.fitted.at(-1)!.period, valuedPoints(other, measure).filter((p) => p.period.ordinal <= window!.fitted.at(-1)!.period.ordinal), valuedPoints(other, measure).filter((p) => p.period.ordinal > window!.fitted.at(-1)!.period.ordinal));
    const pair = (a: SeriesPoint[], b: SeriesPoint[]) =>
      a.flatMap((p) => {
        const q = b.find((x) => x.t === p.t);
        return q ? [{ ...p, value: scale.to(p.value, p.observation) - scale.to(q.value, q.observation) }] : [];
      });
    fitted = pair(ownYears.baseline, otherYears.baseline);
    judged = pair(ownYears.since, otherYears.since);
    window = { ...window, fitted: [...fitted], judged: [...judged] };
  }
  const annual = { ...measure, frequency: 'annual' as const, unit: { kind: 'count' as const }, decimals: 4 };
  const outcome = fitBaselineModel(fitted, annual, { method: 'linear', level: settings.level, minHistory: settings.minHistory, scale: differenceScale() });
  if (!outcome.ok) return unavailable(`the gap to ${control} up to the baseline is ${outcome.reason}`);
  if (judged.length === 0) return unavailable(`no period since the baseline with values for both`);
  const judgement = judgeSince(outcome.model, judged, annual, settings.level);
  const last = judgement.effects.at(-1)!;
  const pct = Math.round(settings.level * 100);
  let latest: ControlledJudgement['latest'];
  let size: string;
  if (scale.kind === 'log') {
    const r = (x: number) => 100 * (Math.exp(x) - 1);
    latest = { period: last.period, value: r(last.value), lower: r(last.lower), upper: r(last.upper), unit: 'percent' };
    const words = (x: number) => `${formatNumber(Math.abs(x), 1)}% ${x < 0 ? 'below' : 'above'}`;
    size = `${words(latest.value)} where its ratio to ${control} was heading (${pct}% interval ${formatNumber(latest.lower, 1)}% to ${formatNumber(latest.upper, 1)}%)`;
  } else {
    const ownLatest = valuedPoints(own, measure).find((p) => p.period.label === last.period) ?? valuedPoints(own, measure).at(-1)!;
    const k = scale.kind === 'logit' ? scale.slope(scale.to(ownLatest.value, ownLatest.observation)) : 1;
    const unit = measure.unit.kind === 'percent' ? 'points' : 'units';
    latest = { period: last.period, value: last.value * k, lower: last.lower * k, upper: last.upper * k, unit };
    const d = measure.decimals;
    size = `${formatNumber(Math.abs(latest.value), d)}${unit === 'points' ? ' points' : ''} ${latest.value < 0 ? 'below' : 'above'} where its gap to ${control} was heading (${pct}% interval ${formatNumber(latest.lower, d)} to ${formatNumber(latest.upper, d)})`;
  }
  return {
    control,
    status: judgement.status,
    latest,
    p: judgement.tests.joint.p,
    sentence: `Against ${control}'s own course (difference in differences, the gap to ${control} frozen at the baseline): ${VERDICT_TEXT[judgement.status]}. At ${periodWords(last.period)} the area was ${size}; joint test ${pWords(judgement.tests.joint.p)}.`,
  };
}
