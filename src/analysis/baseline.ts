/**
 * The baseline of one measure in one area: the history to a frozen baseline period, the
 * forecast of where the curve goes if nothing changes, the trajectory to a target, every actual
 * since set against both, and the verdict on whether the curve has turned.
 *
 * Stages: pick the baseline period and the values the baseline rests on (breaks, gaps, enough
 * history) → fit the model the unit calls for and forecast → trajectory → every actual since
 * against the forecast → the judgement (effects, tests, verdict; whole years for frequent
 * measures) → descriptions beside it (XmR, recent trend) → comparator control → staleness,
 * RAG and direction of travel. How `oba` decides lives in `judgement/`.
 */
import type { Measure } from '../plan/types.js';
import type { Observation, Period } from '../data/types.js';
import type { AnalysisOptions, TargetSpec } from '../config/config.js';
import { resolveTarget, type TargetContext } from './target.js';
import { periodsAfter, periodsPerYear, stepsBetween, timeOf } from './timeline.js';
import { describeRef, onOrBefore, readPeriodRef, type PeriodRef } from './period-ref.js';
import { positionAgainst, type Position } from './position.js';
import { linearTrajectory, constantRateTrajectory } from '../stats/trajectory.js';
import { ragRating, type RagResult } from '../stats/rag.js';
import { directionOfTravel, type DirectionOfTravel } from '../stats/direction.js';
import { atWords, formatNumber, formatValue, periodWords } from '../render/format.js';
import { baselineWindow, valuedPoints, type BaselineWindow, type SeriesPoint } from './judgement/window.js';
import { fitBaselineModel, intervalOf, type BaselineModel } from './judgement/model.js';
import { courseWords, judgeSince, type Judgement } from './judgement/judge.js';
import { wholeYears, yearMeanErrors } from './judgement/years.js';
import { describeSince } from './judgement/descriptions.js';
import { judgeAgainstControl, type ControlledJudgement } from './judgement/control.js';
import { staleness, type Staleness } from './judgement/stale.js';
import type { VerdictStatus } from './judgement/verdict.js';
import { isIllustrative } from '../data/illustrative.js';

/** A target already resolved to a value at a period of the measure. */
export interface ResolvedTarget {
  value: number;
  period: Period;
  /** How it was set, in words: "1,250 by 2015-03-31", "England's 2014/15 value (…)". */
  description: string;
}

export interface BaselineSettings extends AnalysisOptions {
  target?: TargetSpec;
  /** Why there is no target, when one was configured but does not apply here. */
  noTargetReason?: string;
  /** The plan's start (ISO date): a latest value from before it is stale. */
  planStart?: string;
  /** The date the data are judged at: `--as-of`, or the latest period in the data. */
  asOf?: string;
  /** The control area's observations of the same measure, when `control` is set. */
  controlObservations?: readonly Observation[];
}

export interface Verdict {
  status: VerdictStatus;
  evidence: string[];
}

export interface ActualSince {
  period: string;
  value: number;
  /** Not a real published figure (marked ◇ wherever shown). */
  illustrative: boolean;
  forecast: number | null;
  lower: number | null;
  upper: number | null;
  trajectory: number | null;
  position: Position | null;
}

/** What the baseline rests on and why, for JSON and the evidence. */
export interface BaselineModelSummary {
  /** The model used (auto resolved): linear | loglinear | logit | holt. */
  method: string;
  /** Why this model, in words. */
  reason: string;
  description: string;
  /** First and last baseline values the model is fitted on, and how many. */
  from: string;
  to: string;
  values: number;
  /** Why the fitted values start where they do. */
  start: 'data' | 'break' | 'gap' | 'window';
}

export interface BaselineAnalysis {
  measure: string;
  area: string;
  /** The method configured (`auto` picks by unit; see `model.method` for the one used). */
  method: string;
  level: number;
  baselineAt: string | null;
  /** Kept for readers of older output: values are never smoothed now. */
  smoothing: 'none';
  history: { period: string; value: number; illustrative: boolean }[];
  forecast: { period: string; value: number; lower: number; upper: number }[];
  trajectory: { period: string; value: number }[];
  target: {
    period: string;
    value: number;
    description: string;
    /** Whose target it is ("example" when it is not anyone's); null when not said. */
    source: string | null;
    /**
     * Whether the target beats the baseline forecast for its period (a curve-turning target);
     * false when the forecast of business as usual is already as good; null with no forecast.
     */
    curveTurning: boolean | null;
  } | null;
  since: ActualSince[];
  verdict: Verdict;
  rag: RagResult;
  direction: DirectionOfTravel;
  /** Time-axis positions by period label, for charts. */
  times: Record<string, number>;
  /** Slope of the baseline per period, in the measure's units, at the baseline (null without a forecast). */
  baselineSlope: number | null;
  latest: { period: string; value: number; illustrative: boolean } | null;
  /** The model behind the forecast (null when there is none). */
  model: BaselineModelSummary | null;
  /** The baseline's course, and the course since it, in words ("rising by 2.1% a year"). */
  course: { baseline: string; since: string | null } | null;
  /** The effect since the baseline and the tests behind the verdict (null without a verdict). */
  judgement: (Omit<Judgement, 'sentences' | 'status' | 'reason'> & { basis: 'values' | 'whole-years'; reason: string }) | null;
  /** The verdict against a comparator's own course, when `control` is set. */
  controlled: ControlledJudgement | null;
  stale: Staleness;
  /** The first period of a later break, after which values are not judged against this baseline. */
  laterBreak: string | null;
  /**
   * Each value since the baseline against what the model expected from everything before it
   * (season, trend and the latest values allowed for): the stable series an SPC chart needs.
   */
  surprises: { period: string; value: number; expected: number; difference: number }[];
}

const NO_COMPARISON = { from: null, change: null, movement: null, direction: null };
const NO_DIRECTION: DirectionOfTravel = { latest: null, previous: NO_COMPARISON, sameLastYear: NO_COMPARISON, run: null, summary: null };

const NO_CONTEXT: TargetContext = { comparatorValue: () => undefined, topQuartile: () => undefined };

export function analyseBaseline(measure: Measure, area: string, observations: readonly Observation[], settings: BaselineSettings, context: TargetContext = NO_CONTEXT): BaselineAnalysis {
  const raw = valuedPoints(observations, measure);
  const times: Record<string, number> = {};
  for (const o of observations) times[o.period.label] = timeOf(o.period, measure);
  const latest = raw.at(-1);
  const stale = staleness(latest?.period, measure, settings.planStart, settings.asOf);
  const base: BaselineAnalysis = {
    measure: measure.id,
    area,
    method: settings.method,
    level: settings.level,
    baselineAt: null,
    smoothing: 'none',
    history: [],
    forecast: [],
    trajectory: [],
    target: null,
    since: [],
    verdict: { status: 'insufficient-data', evidence: [] },
    rag: { rag: 'none', rule: 'no trajectory to judge against' },
    direction: raw.length > 0 ? directionOfTravel(onePerPeriod(raw, measure), { polarity: measure.polarity, periodsPerYear: periodsPerYear(measure.frequency) }) : NO_DIRECTION,
    times,
    baselineSlope: null,
    latest: latest ? { period: latest.period.label, value: latest.value, illustrative: isIllustrative(latest.observation) } : null,
    model: null,
    course: null,
    judgement: null,
    controlled: null,
    stale,
    laterBreak: null,
    surprises: [],
  };
  let trajectoryByLabel = new Map<string, number>();
  const insufficient = (reason: string): BaselineAnalysis => {
    base.verdict = { status: 'insufficient-data', evidence: [...base.verdict.evidence, reason] };
    return withRag(base, measure, settings, trajectoryByLabel, raw);
  };

  // 1. The baseline period and the values the baseline rests on.
  const ref = readPeriodRef(settings.baselineAt, measure);
  if (!ref) return insufficient(`The baseline period "${settings.baselineAt}" is not a date, year or ${measure.periodType} period.`);
  const window = baselineWindow(observations, measure, (p) => onOrBefore(p, ref), settings.window);
  if (!window) return insufficient(`No values ${describeRef(ref)}, where the baseline is frozen.`);
  const baselinePoint = window.fitted.at(-1)!;
  base.baselineAt = baselinePoint.period.label;
  base.history = window.before.map((p) => ({ period: p.period.label, value: p.value, illustrative: isIllustrative(p.observation) }));
  base.laterBreak = window.laterBreak ?? null;
  const frequent = measure.frequency !== 'annual';
  const years = frequent ? wholeYears(observations, measure, baselinePoint.period, window.fitted, window.judged) : undefined;
  const baseValue = years?.baseline.at(-1)?.value ?? baselinePoint.value;

  // 2. The trajectory from the baseline value to the target (it needs no forecast).
  let target: ResolvedTarget | undefined;
  if (settings.target) {
    const resolved = resolveTarget(settings.target, measure, { period: baselinePoint.period, value: baseValue }, settings.horizon, context);
    if (resolved.ok) target = resolved.target;
    else base.verdict.evidence.push(`No trajectory: ${resolved.reason}.`);
  }
  trajectoryByLabel = trajectoryOf(base, measure, settings, baselinePoint.period, baseValue, target, window, times);

  // 3. The model and its forecast, from the baseline to the horizon or the latest actual.
  const windowWords = windowSentence(window, measure);
  const seriesValues = raw.map((p) => p.value);
  const outcome = fitBaselineModel(window.fitted, measure, { method: settings.method, level: settings.level, minHistory: settings.minHistory, seriesValues });
  const since = (model: BaselineModel | null): ActualSince[] => {
    const judgedTimes = window.judged.map((p) => p.t);
    const f = model ? model.forecast(judgedTimes, window.judged.map((p) => (p.observation.denominator !== undefined ? { denominator: p.observation.denominator } : undefined))) : null;
    return window.judged.map((p, i) => {
      const band = f ? intervalOf(model!.scale, f.z[i]!, f.covariance[i]![i]!, f.df, settings.level) : null;
      return {
        period: p.period.label,
        value: p.value,
        illustrative: isIllustrative(p.observation),
        forecast: band?.value ?? null,
        lower: band?.lower ?? null,
        upper: band?.upper ?? null,
        trajectory: trajectoryByLabel.get(p.period.label) ?? null,
        position: band ? positionAgainst(p.value, band, measure.polarity) : null,
      };
    });
  };
  if (!outcome.ok) {
    base.since = since(null);
    base.verdict.evidence.unshift(windowWords);
    return insufficient(`${capitalise(outcome.reason)}.`);
  }
  const model = outcome.model;
  const horizonRef = readPeriodRef(settings.horizon, measure);
  const horizonDate = maxDate(horizonRef ? refEnd(horizonRef) : baselinePoint.period.end, window.judged.at(-1)?.period.end, target?.period.end);
  const future = periodsAfter(baselinePoint.period, measure, horizonDate);
  const futureForecast = model.forecast(future.map((p) => timeOf(p, measure)));
  base.forecast = future.map((p, i) => ({ period: p.label, ...intervalOf(model.scale, futureForecast.z[i]!, futureForecast.covariance[i]![i]!, futureForecast.df, settings.level) }));
  for (const p of future) times[p.label] = timeOf(p, measure);
  if (base.target) {
    const atTarget = base.forecast.find((f) => f.period === base.target!.period);
    if (atTarget && measure.polarity !== 'none') {
      base.target.curveTurning = measure.polarity === 'lower' ? base.target.value < atTarget.value : base.target.value > atTarget.value;
      if (!base.target.curveTurning) {
        base.verdict.evidence.push(
          `Not a curve-turning target: the baseline forecast for ${periodWords(base.target.period)} (${formatValue(atTarget.value, measure)}) is already as good as the target (${formatValue(base.target.value, measure)}), so meeting it asks for no change of course.`,
        );
      }
    }
  }
  base.baselineSlope = (model.trend.value * model.scale.slope(model.levelAtBaseline)) / model.design.periodsPerYear;
  base.since = since(model);
  const expected = model.oneStep?.(window.judged) ?? [];
  base.surprises = expected.map((e, i) => ({ period: window.judged[i]!.period.label, value: window.judged[i]!.value, expected: e, difference: window.judged[i]!.value - e }));
  base.model = {
    method: model.method,
    reason: model.reason,
    description: model.description,
    from: window.fitted[0]!.period.label,
    to: baselinePoint.period.label,
    values: window.fitted.length,
    start: window.start,
  };
  const evidence = [
    windowWords,
    `Baseline frozen ${atWords(baselinePoint.period.label)}: ${model.description} (${periodWords(window.fitted[0]!.period.label)} to ${periodWords(baselinePoint.period.label)}), ${courseWords(model.trend.value, model, model.levelAtBaseline, measure)}; ${model.reason}.`,
    ...base.verdict.evidence,
  ];
  if (window.laterBreak) evidence.push(`A break in series ${atWords(window.laterBreak)}: values from then on measure something different and are not judged against this baseline.`);

  // 4. The judgement: on the values for annual measures, on whole years for frequent ones.
  if (measure.polarity === 'none') {
    base.verdict = { status: 'no-judgement', evidence: [...evidence, 'No judgement is made on this measure (neither higher nor lower is better).'] };
    return withRag(base, measure, settings, trajectoryByLabel, raw);
  }
  let judgement: Judgement | undefined;
  let judgedBy: { model: BaselineModel; last: SeriesPoint } | undefined;
  let basis: 'values' | 'whole-years' = 'values';
  if (!frequent) {
    if (window.judged.length === 0) evidence.push('No actual values since the baseline yet: nothing to judge.');
    else {
      judgement = judgeSince(model, window.judged, measure, settings.level);
      judgedBy = { model, last: window.judged.at(-1)! };
    }
  } else {
    basis = 'whole-years';
    const step = measure.frequency === 'weekly' ? 'week' : measure.frequency === 'monthly' ? 'month' : 'quarter';
    const yearErrors = model.regression ? yearMeanErrors(model.regression.errors, model.design.periodsPerYear) : undefined;
    const yearModel = fitBaselineModel(years!.baseline, { ...measure, frequency: 'annual' }, { method: settings.method, level: settings.level, minHistory: settings.minHistory, seriesValues, ...(yearErrors ? { errors: yearErrors } : {}) });
    if (!yearModel.ok) {
      evidence.push(`No verdict: a ${measure.frequency} measure is judged on whole years (the mean of each year to ${periodWords(baselinePoint.period.label)}), and the baseline is ${yearModel.reason.replace(/values/g, 'whole years')}.`);
    } else if (years!.since.length === 0) {
      evidence.push(`No whole year since the baseline yet: a ${measure.frequency} measure is judged on whole years, so the first verdict comes a year after ${periodWords(baselinePoint.period.label)}.`);
    } else {
      judgement = judgeSince(yearModel.model, years!.since, { ...measure, frequency: 'annual' }, settings.level);
      judgedBy = { model: yearModel.model, last: years!.since.at(-1)! };
      const pending = years!.pending > 0 ? ` (${years!.pending} later values wait for their year to end)` : '';
      evidence.push(
        `The verdict compares whole years, so neither the season nor the ${step}-to-${step} momentum can pass for a change: ${years!.baseline.length} whole years to the baseline, ${years!.since.length} since${pending}.`,
      );
    }
  }
  if (!judgement || !judgedBy) {
    base.verdict = { status: 'insufficient-data', evidence };
    return withRag(base, measure, settings, trajectoryByLabel, raw);
  }
  evidence.push(...judgement.sentences);
  const { sentences: _sentences, status, reason, ...numbers } = judgement;
  base.judgement = { ...numbers, basis, reason };
  const sinceTrend = judgement.tests.trendSince;
  const m = judgedBy.model;
  const yearsOn = (judgedBy.last.t - m.design.origin) / m.design.periodsPerYear;
  base.course = {
    baseline: courseWords(m.trend.value, m, m.levelAtBaseline, measure),
    since: sinceTrend ? courseWords(sinceTrend.value, m, m.levelAtBaseline + sinceTrend.value * yearsOn, measure) : null,
  };

  // 5. Descriptions beside the verdict (they do not vote).
  evidence.push(...describeSince(window, model, measure));

  // 6. Against a comparator's own course.
  if (settings.control && settings.controlObservations) {
    base.controlled = judgeAgainstControl(settings.control, observations, settings.controlObservations, measure, settings, ref);
    evidence.push(base.controlled.sentence);
  }
  base.verdict = { status, evidence };
  if (stale.stale) base.verdict.evidence.push(`Stale: ${stale.reason}`);
  return withRag(base, measure, settings, trajectoryByLabel, raw);
}

function windowSentence(window: BaselineWindow, measure: Pick<Measure, 'frequency'>): string {
  const first = periodWords(window.fitted[0]!.period.label);
  const count = `${window.fitted.length} value${window.fitted.length === 1 ? '' : 's'} from ${first}`;
  switch (window.start) {
    case 'break':
      return `The baseline rests on ${count}: a break in series ${atWords(window.startDetail!)} starts the series it belongs to.`;
    case 'gap': {
      // The values before the gap are left out: say so, and what would bring them back.
      const earlier = window.before.slice(0, window.before.length - window.fitted.length);
      const left =
        earlier.length === 0
          ? ''
          : ` The ${earlier.length === 1 ? `value of ${periodWords(earlier[0]!.period.label)} is` : `${earlier.length} values from ${periodWords(earlier[0]!.period.label)} to ${periodWords(earlier.at(-1)!.period.label)} are`} left out; figures for the missing periods, added in a file of your own, would join ${earlier.length === 1 ? 'it' : 'them'} to the baseline.`;
      return `The baseline rests on ${count}: a gap (${window.startDetail!.startsWith('before ') ? `before ${periodWords(window.startDetail!.slice(7))}` : periodWords(window.startDetail!)}) comes before them, and no line is drawn across a gap.${left}`;
    }
    case 'window':
      return `The baseline rests on the latest ${count}, as configured (window).`;
    default:
      return `The baseline rests on ${count}${measure.frequency === 'annual' ? '' : ', all the values up to it'}.`;
  }
}

/** The trajectory from the baseline value to the target, by period label (empty without a target). */
function trajectoryOf(
  base: BaselineAnalysis,
  measure: Measure,
  settings: BaselineSettings,
  baselinePeriod: Period,
  baseValue: number,
  target: ResolvedTarget | undefined,
  window: BaselineWindow,
  times: Record<string, number>,
): Map<string, number> {
  const byLabel = new Map<string, number>();
  if (!target) return byLabel;
  const steps = stepsBetween(baselinePeriod, target.period, measure);
  const path =
    settings.trajectory === 'constant-rate' && baseValue > 0 && target.value > 0 ? constantRateTrajectory(baseValue, target.value, steps) : linearTrajectory(baseValue, target.value, steps);
  const periods = [baselinePeriod, ...periodsAfter(baselinePeriod, measure, target.period.end)].slice(0, steps + 1);
  periods.forEach((p, i) => {
    byLabel.set(p.label, path[i]!);
    times[p.label] = timeOf(p, measure);
  });
  // Once reached, a target is held: later periods are expected to stay at it.
  const lastEnd = maxDate(window.judged.at(-1)?.period.end, target.period.end, readPeriodRef(settings.horizon, measure) ? refEnd(readPeriodRef(settings.horizon, measure)!) : undefined);
  const held = periodsAfter(target.period, measure, lastEnd);
  for (const p of held) {
    byLabel.set(p.label, target.value);
    times[p.label] = timeOf(p, measure);
  }
  base.trajectory = [...periods, ...held].map((p) => ({ period: p.label, value: byLabel.get(p.label)! }));
  base.target = { period: target.period.label, value: target.value, description: target.description, source: settings.target?.source ?? null, curveTurning: null };
  return byLabel;
}

/**
 * The values one per period, with null for each period the data leave out (NEET 2023, no 2024,
 * 2025 gives [2023, null, 2025]), as the direction of travel needs them: its "previous period"
 * and "same period last year" are counted in periods, and a gap ends a run.
 */
function onePerPeriod(points: readonly SeriesPoint[], measure: Measure): (number | null)[] {
  const values: (number | null)[] = [];
  points.forEach((point, i) => {
    if (i > 0) for (let missing = stepsBetween(points[i - 1]!.period, point.period, measure) - 1; missing > 0; missing--) values.push(null);
    values.push(point.value);
  });
  return values;
}

/**
 * RAG against the trajectory at the latest actual. A frequent measure's trajectory runs between
 * yearly means, so its latest value is the mean of the latest twelve months (52 weeks, four
 * quarters): like with like. A stale latest value is not rated.
 */
function withRag(base: BaselineAnalysis, measure: Measure, settings: BaselineSettings, trajectory: Map<string, number>, raw: readonly SeriesPoint[]): BaselineAnalysis {
  const latest = raw.at(-1);
  if (!latest) return base;
  if (measure.polarity === 'none') {
    base.rag = { rag: 'none', rule: 'the measure has no polarity, so no better or worse' };
    return base;
  }
  if (base.stale.stale) {
    base.rag = { rag: 'none', rule: `stale, as ${base.stale.reason}` };
    return base;
  }
  const expected = trajectory.get(latest.period.label);
  if (expected === undefined) {
    base.rag = { rag: 'none', rule: settings.target ? `no trajectory value ${atWords(latest.period.label)}` : settings.noTargetReason ?? 'no target set, so no trajectory to judge against' };
    return base;
  }
  const fmt = (v: number) => formatValue(v, measure);
  const perYear = periodsPerYear(measure.frequency);
  const yearMean = (end: SeriesPoint) => {
    const inYear = raw.filter((p) => p.t > end.t - perYear + 0.5 && p.t <= end.t + 1e-9);
    return inYear.length > 0 ? inYear.reduce((s, p) => s + p.value, 0) / inYear.length : undefined;
  };
  const actual = measure.frequency === 'annual' ? latest.value : yearMean(latest);
  if (actual === undefined) return base;
  const lastYearPoint = raw.find((p) => Math.abs(latest.t - p.t - perYear) < 0.5);
  const lastYear = lastYearPoint ? (measure.frequency === 'annual' ? lastYearPoint.value : yearMean(lastYearPoint)) : undefined;
  const amber = settings.rag.amberIfImproved && lastYear !== undefined;
  const rated = ragRating({
    actual,
    expected,
    polarity: measure.polarity,
    tolerance: settings.rag.tolerance,
    ...(amber ? { rule: 'amber-if-improved' as const, improvedOnLastYear: measure.polarity === 'higher' ? actual > lastYear! : actual < lastYear! } : {}),
  });
  const better = measure.polarity === 'higher' ? 'at or above' : 'at or below';
  const tolerance = 'percent' in settings.rag.tolerance ? `${formatNumber(settings.rag.tolerance.percent, 1).replace(/\.0$/, '')}%` : formatValue(settings.rag.tolerance.absolute, measure);
  const zero = 'percent' in settings.rag.tolerance ? settings.rag.tolerance.percent === 0 : settings.rag.tolerance.absolute === 0;
  const improved = 'better than the same period last year';
  const amberWords = zero
    ? settings.rag.amberIfImproved
      ? `amber if off it but ${improved}`
      : 'no amber (the tolerance is 0)'
    : `amber within ${tolerance} of it${settings.rag.amberIfImproved ? `, or further off but ${improved}` : ''}`;
  const what = measure.frequency === 'annual' ? '' : `; the mean of the latest year (${fmt(actual)}) is compared, as the trajectory runs between yearly means`;
  base.rag = { rag: rated.rag, rule: `green ${better} the trajectory (${fmt(expected)} for this period); ${amberWords}; red otherwise${what}` };
  return base;
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function refEnd(ref: PeriodRef): string {
  return ref.kind === 'period' ? ref.period.end : ref.date;
}

function maxDate(...dates: (string | undefined)[]): string {
  return dates.filter((d): d is string => d !== undefined).sort().at(-1)!;
}
