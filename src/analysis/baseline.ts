/**
 * The baseline of one measure in one area: the history to a frozen baseline period, the
 * forecast of where the curve goes if nothing changes, the trajectory to a target, every actual
 * since set against both, and the verdict on whether the curve has turned.
 *
 * Stages: pick the baseline period → fit and forecast → trajectory → compare actuals →
 * XmR and recent-trend evidence → verdict, RAG and direction of travel.
 */
import type { Measure } from '../plan/types.js';
import type { Observation, Period } from '../data/types.js';
import type { AnalysisOptions, TargetSpec } from '../config/config.js';
import { resolveTarget, type TargetContext } from './target.js';
import type { TimePoint } from '../stats/types.js';
import { forecastBaseline } from './forecast.js';
import { periodsAfter, periodsPerYear, stepsBetween, timeOf } from './timeline.js';
import { describeRef, onOrBefore, readPeriodRef, type PeriodRef } from './period-ref.js';
import { positionAgainst, type Position } from './position.js';
import { decideVerdict, type Verdict } from './verdict.js';
import { linearTrajectory, constantRateTrajectory } from '../stats/trajectory.js';
import { fitLinear } from '../stats/ols.js';
import { xmr } from '../stats/xmr.js';
import { recentTrend } from '../stats/trend-test.js';
import { ragRating, type RagResult } from '../stats/rag.js';
import { directionOfTravel, type DirectionOfTravel } from '../stats/direction.js';
import { formatChange, formatNumber, formatValue } from '../render/format.js';

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
}

export interface ActualSince {
  period: string;
  value: number;
  forecast: number | null;
  lower: number | null;
  upper: number | null;
  trajectory: number | null;
  position: Position | null;
}

export interface BaselineAnalysis {
  measure: string;
  area: string;
  method: string;
  level: number;
  baselineAt: string | null;
  /** Values are rolling averages over a year for weekly, monthly and quarterly measures. */
  smoothing: 'none' | 'rolling-year';
  history: { period: string; value: number }[];
  forecast: { period: string; value: number; lower: number; upper: number }[];
  trajectory: { period: string; value: number }[];
  target: { period: string; value: number; description: string } | null;
  since: ActualSince[];
  verdict: Verdict;
  rag: RagResult;
  direction: DirectionOfTravel;
  /** Time-axis positions by period label, for charts. */
  times: Record<string, number>;
  /** Slope of the baseline per period, in the measure's units (null without a forecast). */
  baselineSlope: number | null;
  latest: { period: string; value: number } | null;
}

interface Point {
  period: Period;
  t: number;
  value: number;
}

const NO_COMPARISON = { from: null, change: null, movement: null, direction: null };
const NO_DIRECTION: DirectionOfTravel = { latest: null, previous: NO_COMPARISON, sameLastYear: NO_COMPARISON, run: null, summary: null };

const NO_CONTEXT: TargetContext = { comparatorValue: () => undefined, topQuartile: () => undefined };

export function analyseBaseline(measure: Measure, area: string, observations: readonly Observation[], settings: BaselineSettings, context: TargetContext = NO_CONTEXT): BaselineAnalysis {
  const smoothing = measure.frequency === 'annual' ? 'none' : 'rolling-year';
  const raw: Point[] = observations
    .filter((o): o is Observation & { value: number } => o.value !== null)
    .map((o) => ({ period: o.period, t: timeOf(o.period, measure), value: o.value }));
  const points = smoothing === 'none' ? raw : rollingYear(raw, periodsPerYear(measure.frequency));
  const times: Record<string, number> = {};
  for (const o of observations) times[o.period.label] = timeOf(o.period, measure);

  const base: BaselineAnalysis = {
    measure: measure.id,
    area,
    method: settings.method,
    level: settings.level,
    baselineAt: null,
    smoothing,
    history: [],
    forecast: [],
    trajectory: [],
    target: null,
    since: [],
    verdict: { status: 'insufficient-data', evidence: [] },
    rag: { rag: 'none', rule: 'no trajectory to judge against' },
    direction: raw.length > 0 ? directionOfTravel(raw.map((p) => p.value), { polarity: measure.polarity, periodsPerYear: periodsPerYear(measure.frequency) }) : NO_DIRECTION,
    times,
    baselineSlope: null,
    latest: raw.length > 0 ? { period: raw.at(-1)!.period.label, value: raw.at(-1)!.value } : null,
  };
  const insufficient = (reason: string): BaselineAnalysis => ({ ...base, verdict: { status: 'insufficient-data', evidence: [reason] } });

  // 1. The baseline period: the last value on or before `baselineAt`.
  const ref = readPeriodRef(settings.baselineAt, measure);
  if (!ref) return insufficient(`The baseline period "${settings.baselineAt}" is not a date, year or ${measure.periodType} period.`);
  const history = points.filter((p) => onOrBefore(p.period, ref));
  const baselinePoint = history.at(-1);
  if (!baselinePoint) return insufficient(`No values on or before the baseline (${describeRef(ref)}).`);
  const window = settings.window ? history.slice(-settings.window) : history;
  base.baselineAt = baselinePoint.period.label;
  base.history = history.map((p) => ({ period: p.period.label, value: p.value }));
  const after = points.filter((p) => p.period.ordinal > baselinePoint.period.ordinal);

  let target: ResolvedTarget | undefined;
  let targetProblem: string | undefined;
  if (settings.target) {
    const resolved = resolveTarget(settings.target, measure, baselinePoint, settings.horizon, context);
    if (resolved.ok) target = resolved.target;
    else targetProblem = `No trajectory: ${resolved.reason}.`;
  }

  // 2. Forecast every period from the baseline to the horizon (or the latest actual, if later).
  const horizonRef = readPeriodRef(settings.horizon, measure);
  const horizonDate = maxDate(horizonRef ? refEnd(horizonRef) : baselinePoint.period.end, after.at(-1)?.period.end, target?.period.end);
  const future = periodsAfter(baselinePoint.period, measure, horizonDate);
  const fitPoints: TimePoint[] = window.map((p) => ({ t: p.t, y: p.value }));
  const outcome = forecastBaseline(fitPoints, future.map((p) => timeOf(p, measure)), settings.method, settings.level, measure);
  if (!outcome.ok) return insufficient(`No forecast: ${outcome.reason}.`);
  const forecastByLabel = new Map(future.map((p, i) => [p.label, outcome.points[i]!]));
  base.forecast = future.map((p, i) => ({ period: p.label, value: outcome.points[i]!.value, lower: outcome.points[i]!.lower, upper: outcome.points[i]!.upper }));
  for (const p of future) times[p.label] = timeOf(p, measure);
  base.baselineSlope = outcome.slope;

  // 3. Trajectory from the baseline value to the target.
  const trajectoryByLabel = new Map<string, number>();
  if (target) {
    const steps = stepsBetween(baselinePoint.period, target.period, measure);
    const path = settings.trajectory === 'constant-rate' && baselinePoint.value > 0 && target.value > 0
      ? constantRateTrajectory(baselinePoint.value, target.value, steps)
      : linearTrajectory(baselinePoint.value, target.value, steps);
    const periods = [baselinePoint.period, ...periodsAfter(baselinePoint.period, measure, target.period.end)].slice(0, steps + 1);
    periods.forEach((p, i) => {
      trajectoryByLabel.set(p.label, path[i]!);
      times[p.label] = timeOf(p, measure);
    });
    // Once reached, a target is held: later periods are expected to stay at it.
    const held = future.filter((p) => p.ordinal > target.period.ordinal);
    for (const p of held) trajectoryByLabel.set(p.label, target.value);
    base.trajectory = [...periods, ...held].map((p) => ({ period: p.label, value: trajectoryByLabel.get(p.label)! }));
    base.target = { period: target.period.label, value: target.value, description: target.description };
  }

  // 4. Every actual since the baseline against the frozen forecast and the trajectory.
  base.since = after.map((p) => {
    const f = forecastByLabel.get(p.period.label);
    return {
      period: p.period.label,
      value: p.value,
      forecast: f?.value ?? null,
      lower: f?.lower ?? null,
      upper: f?.upper ?? null,
      trajectory: trajectoryByLabel.get(p.period.label) ?? null,
      position: f ? positionAgainst(p.value, f, measure.polarity) : null,
    };
  });

  // 5. Evidence and verdict.
  const evidence: string[] = [];
  const fmt = (v: number) => formatValue(v, measure);
  const pct = Math.round(settings.level * 100);
  const what = smoothing === 'rolling-year' ? 'rolling one-year average' : 'value';
  if (targetProblem) evidence.push(targetProblem);
  evidence.unshift(`Baseline frozen at ${baselinePoint.period.label}: ${outcome.description} (${window[0]!.period.label} to ${baselinePoint.period.label}), ${slopeWords(outcome.slope, measure)}.`);
  const judged = base.since.filter((s) => s.position !== null);
  const latest = judged.at(-1);
  if (latest) {
    const interval = `${pct}% interval ${fmt(latest.lower!)} to ${fmt(latest.upper!)}`;
    const gap = latest.value - latest.forecast!;
    evidence.push(
      `The latest ${what}, ${fmt(latest.value)} (${latest.period}), is ${positionWords(latest.position!)} the baseline forecast of ${fmt(latest.forecast!)} (${interval}): ${formatChange(gap, measure)} on the forecast.`,
    );
    const counts = countPositions(judged.map((s) => s.position!));
    if (judged.length > 1) evidence.push(`Of ${judged.length} ${what}s since the baseline, ${counts}.`);
  }
  const xmrEvidence = xmrSinceBaseline(history.map((p) => p.value), after.map((p) => p.value), measure);
  evidence.push(xmrEvidence.sentence);
  const trend = recentTrend(raw.slice(-5).map((p) => trendPoint(p, observations, measure)));
  evidence.push(trendSentence(trend));
  let actualSlope: number | null = null;
  if (after.length >= 1) {
    const pts = [baselinePoint, ...after].map((p) => ({ t: p.t, y: p.value }));
    actualSlope = pts.length >= 2 ? fitLinear2(pts) : null;
    if (actualSlope !== null) evidence.push(`Since the baseline the ${what}s have been ${slopeWords(actualSlope, measure)}.`);
  }
  base.verdict = decideVerdict({
    polarity: measure.polarity,
    baselineSlope: outcome.slope,
    actualSlope,
    positions: judged.map((s) => s.position!),
    xmrSince: xmrEvidence,
    trend: trend.direction,
    evidence,
  }, flatTolerance(measure));

  // 6. RAG against the trajectory at the latest actual.
  const latestRaw = raw.at(-1);
  if (latestRaw) {
    const expected = trajectoryByLabel.get(latestRaw.period.label);
    const year = periodsPerYear(measure.frequency);
    const lastYear = raw.find((p) => Math.abs(latestRaw.t - p.t - year) < 0.5);
    if (expected === undefined) {
      base.rag = { rag: 'none', rule: settings.target ? `no trajectory value for ${latestRaw.period.label}` : settings.noTargetReason ?? 'no target set, so no trajectory to judge against' };
    } else {
      const amber = settings.rag.amberIfImproved && lastYear !== undefined && measure.polarity !== 'none';
      const rated = ragRating({
        actual: latestRaw.value,
        expected,
        polarity: measure.polarity,
        tolerance: settings.rag.tolerance,
        ...(amber ? { rule: 'amber-if-improved' as const, improvedOnLastYear: measure.polarity === 'higher' ? latestRaw.value > lastYear.value : latestRaw.value < lastYear.value } : {}),
      });
      base.rag = { rag: rated.rag, rule: ragRuleWords(settings.rag, measure, fmt(expected)) };
    }
  }
  return base;
}

/** The RAG rule in words, printed with the result (no national rule exists, so it is always said). */
function ragRuleWords(rag: BaselineSettings['rag'], measure: Measure, expected: string): string {
  if (measure.polarity === 'none') return 'no RAG: the measure has no polarity';
  const better = measure.polarity === 'higher' ? 'at or above' : 'at or below';
  const tolerance = 'percent' in rag.tolerance ? `${formatNumber(rag.tolerance.percent, 1).replace(/\.0$/, '')}%` : formatValue(rag.tolerance.absolute, measure);
  const amber = `amber within ${tolerance} of it${rag.amberIfImproved ? ', or further off but better than the same period last year' : ''}`;
  return `green ${better} the trajectory (${expected} for this period); ${amber}; red otherwise`;
}

function fitLinear2(points: TimePoint[]): number {
  if (points.length === 2) return (points[1]!.y - points[0]!.y) / (points[1]!.t - points[0]!.t);
  return fitLinear(points).slope;
}

function refEnd(ref: PeriodRef): string {
  return ref.kind === 'period' ? ref.period.end : ref.date;
}

function maxDate(...dates: (string | undefined)[]): string {
  return dates.filter((d): d is string => d !== undefined).sort().at(-1)!;
}

/** A slope below a millionth of the typical size of the values is flat. */
function flatTolerance(measure: Measure): number {
  return measure.unit.kind === 'count' ? 1e-6 : 1e-9;
}

function rollingYear(points: Point[], size: number): Point[] {
  const out: Point[] = [];
  for (let i = size - 1; i < points.length; i++) {
    const windowPoints = points.slice(i - size + 1, i + 1);
    // Only complete windows: a year of consecutive periods with no more than a tenth missing.
    const span = windowPoints.at(-1)!.t - windowPoints[0]!.t;
    if (span > size * 1.1) continue;
    out.push({ period: points[i]!.period, t: points[i]!.t, value: windowPoints.reduce((s, p) => s + p.value, 0) / size });
  }
  return out;
}

function slopeWords(slope: number, measure: Measure): string {
  const per = measure.frequency === 'annual' ? 'a year' : measure.frequency === 'quarterly' ? 'a quarter' : measure.frequency === 'monthly' ? 'a month' : 'a week';
  const size = formatNumber(Math.abs(slope), measure.decimals + 1);
  const unit = measure.unit.kind === 'percent' ? ' points' : '';
  if (Number(size.replace(/,/g, '')) === 0) return 'flat';
  return `${slope > 0 ? 'rising' : 'falling'} by ${size}${unit} ${per}`;
}

function positionWords(position: Position): string {
  return {
    better: 'better than',
    worse: 'worse than',
    within: 'within the interval around',
    above: 'above the interval around',
    below: 'below the interval around',
  }[position];
}

function countPositions(positions: Position[]): string {
  const order: Position[] = ['better', 'within', 'worse', 'above', 'below'];
  const words: Record<Position, string> = { better: 'better than the interval', within: 'within it', worse: 'worse than the interval', above: 'above it', below: 'below it' };
  return order
    .map((p) => [p, positions.filter((x) => x === p).length] as const)
    .filter(([, n]) => n > 0)
    .map(([p, n]) => `${n} ${n === 1 ? 'was' : 'were'} ${words[p]}`)
    .join(', ');
}

/**
 * Special causes since the baseline on an XmR chart whose limits are fixed on the baseline
 * values. Limits from very few values are too unsteady to call a turn on, so with fewer than
 * XMR_MIN_BASELINE values the signals are reported but not counted as evidence.
 */
export const XMR_MIN_BASELINE = 6;

function xmrSinceBaseline(history: number[], after: number[], measure: Measure): { improvement: number; concern: number; evaluated: boolean; sentence: string } {
  if (history.length < 2 || after.length === 0) {
    return { improvement: 0, concern: 0, evaluated: false, sentence: 'XmR chart: not enough values to set limits on the baseline period and test since.' };
  }
  const improvement = measure.polarity === 'higher' ? 'increase' : measure.polarity === 'lower' ? 'decrease' : undefined;
  const chart = xmr([...history, ...after], { fixAfter: history.length, ...(improvement ? { improvement } : {}) });
  const since = chart.points.slice(history.length);
  const improvementCount = since.filter((p) => p.special === 'improvement').length;
  const concernCount = since.filter((p) => p.special === 'concern').length;
  const limits = `${chart.trial ? 'trial ' : ''}limits fixed on the ${history.length} baseline values (${formatValue(chart.lower, measure)} to ${formatValue(chart.upper, measure)})`;
  const rules = [...new Set(since.filter((p) => p.special !== null).map((p) => p.rule))].join(', ');
  const counted = history.length >= XMR_MIN_BASELINE;
  const caveat = counted ? '' : ` Not counted towards the verdict: limits need at least ${XMR_MIN_BASELINE} baseline values.`;
  const sentence =
    improvementCount + concernCount === 0
      ? `XmR chart with ${limits}: no special cause since the baseline.`
      : `XmR chart with ${limits}: ${improvementCount} special cause${improvementCount === 1 ? '' : 's'} of improvement and ${concernCount} of concern since the baseline (${rules}).${caveat}`;
  return counted
    ? { improvement: improvementCount, concern: concernCount, evaluated: true, sentence }
    : { improvement: 0, concern: 0, evaluated: false, sentence };
}

function trendPoint(p: Point, observations: readonly Observation[], measure: Measure) {
  const o = observations.find((x) => x.period.ordinal === p.period.ordinal);
  if (o?.numerator !== undefined && o.denominator !== undefined && measure.unit.kind === 'percent' && o.denominator > 0) {
    return { numerator: o.numerator, denominator: o.denominator };
  }
  if (o?.lower !== undefined && o.upper !== undefined && o.upper > o.lower) {
    return { value: p.value, standardError: (o.upper - o.lower) / (2 * 1.959963984540054) };
  }
  if (measure.unit.kind === 'count' && p.value > 0) return { value: p.value, standardError: Math.sqrt(p.value) };
  if (measure.unit.kind === 'rate' && o?.numerator !== undefined && o.numerator > 0) {
    return { value: p.value, standardError: p.value / Math.sqrt(o.numerator) };
  }
  return null;
}

function trendSentence(trend: ReturnType<typeof recentTrend>): string {
  if (trend.direction === 'insufficient-data') return `Recent-trend test: not run (${trend.reason ?? 'too few values'}).`;
  const chi = trend.chiSquare === null ? '' : ` (χ² = ${formatNumber(trend.chiSquare, 2)} against ${formatNumber(trend.threshold, 2)})`;
  if (trend.direction === 'no-significant-change') return `Recent-trend test on the latest 5 values: no significant change${chi}.`;
  return `Recent-trend test on the latest 5 values: significantly ${trend.direction}${chi}.`;
}
