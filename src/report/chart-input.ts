/**
 * From analysis results to chart inputs: the bridge between `analysis/` and `charts/`.
 *
 * Periods are labelled here as people read them on a chart (`Mar 2011`, `2012/13`, `2013 Q2`,
 * `w/c 17 Jun 2013`), never as the ISO strings the data uses; values that are not published
 * figures are marked illustrative.
 */
import type { Measure } from '../plan/types.js';
import type { Observation } from '../data/types.js';
import type { BaselineAnalysis } from '../analysis/baseline.js';
import type { BaselineChartInput, ChartPoint, SpcChartInput } from '../charts/types.js';
import type { XmrResult } from '../stats/xmr.js';
import { civilFromDays, isoWeekOneMonday, MONTH_NAMES } from '../data/calendar.js';
import { periodsPerYear, timeOf } from '../analysis/timeline.js';
import { unitLabel } from '../render/format.js';
import { periodWords, targetKind, VERDICT_WORDS } from './words.js';

/** Chart positions are whole periods: the analysis time axis, rounded (snapshot years vary by a leap day). */
function position(t: number): number {
  return Math.round(t);
}

const month = (m: number) => MONTH_NAMES[m - 1]!.slice(0, 3);

/**
 * A period's label on a chart, from its house-style label: snapshot dates and months as
 * `Mar 2011`, quarters as `2013 Q2`, ISO weeks by their Monday as `w/c 17 Jun 2013`; years and
 * academic or financial years (`2013`, `2012/13`) as they are.
 *
 * @example
 * chartPeriodLabel('2011-03-31'); // 'Mar 2011'
 * chartPeriodLabel('2013-W25');   // 'w/c 17 Jun 2013' (week 1 of 2013 starts Monday 31 December 2012; + 24 weeks)
 */
export function chartPeriodLabel(label: string): string {
  let m = /^(\d{4})-(\d{2})(?:-\d{2})?$/.exec(label);
  if (m) return `${month(Number(m[2]))} ${m[1]}`;
  m = /^(\d{4})-Q([1-4])$/.exec(label);
  if (m) return `${m[1]} Q${m[2]}`;
  m = /^(\d{4})-W(\d{2})$/.exec(label);
  if (m) {
    const monday = civilFromDays(isoWeekOneMonday(Number(m[1])) + (Number(m[2]) - 1) * 7);
    return `w/c ${monday.day} ${month(monday.month)} ${monday.year}`;
  }
  return label;
}

/**
 * Whether an observation is not a published figure: its note says so (`illustrative…`) or its
 * status marks it estimated (`e`).
 */
export function isIllustrative(o: Observation): boolean {
  return o.value !== null && ((o.note ?? '').trimStart().toLowerCase().startsWith('illustrative') || o.status.includes('e'));
}

export function chartPoints(observations: readonly Observation[], measure: Measure): ChartPoint[] {
  return observations.map((o) => {
    const point: ChartPoint = { label: chartPeriodLabel(o.period.label), t: position(timeOf(o.period, measure)), value: o.value };
    const marker = o.value === null ? o.missing ?? 'x' : o.status.join(',');
    if (marker) point.marker = marker;
    if (isIllustrative(o)) point.illustrative = true;
    return point;
  });
}

export interface BaselineChartOptions {
  title: string;
  comparators?: { name: string; observations: readonly Observation[] }[];
}

export function baselineChartInput(analysis: BaselineAnalysis, observations: readonly Observation[], measure: Measure, options: BaselineChartOptions): BaselineChartInput {
  const t = (label: string) => position(analysis.times[label]!);
  const at = (label: string) => ({ label: chartPeriodLabel(label), t: t(label) });
  const history = chartPoints(observations, measure);
  const verdict = VERDICT_WORDS[analysis.verdict.status].words;
  const latest = analysis.latest ? ` The latest value is for ${periodWords(analysis.latest.period)}.` : '';
  const illustrative = history.some((p) => p.illustrative) ? ' Values drawn as hollow diamonds on dashed lines are illustrative, not published figures.' : '';
  const input: BaselineChartInput = {
    title: options.title,
    description: `Line chart of ${measure.title.toLowerCase()}, ${analysis.area}${analysis.baselineAt ? `, with the baseline frozen at ${periodWords(analysis.baselineAt)}${analysis.forecast.length > 0 ? ' and its forecast if nothing changes' : ''}` : ''}${analysis.target ? ', and the trajectory to the target' : ''}. Verdict: ${verdict}.${latest}${illustrative}`,
    unitLabel: measure.unit.kind === 'count' ? 'number' : unitLabel(measure.unit),
    percent: measure.unit.kind === 'percent',
    decimals: measure.decimals,
    history,
    baselineAt: analysis.baselineAt ? at(analysis.baselineAt) : { label: history[0]?.label ?? '', t: history[0]?.t ?? 0 },
    forecast: analysis.forecast.map((f) => ({ ...at(f.period), value: f.value, lower: f.lower, upper: f.upper })),
    interval: analysis.level,
    periodsPerYear: periodsPerYear(measure.frequency),
  };
  if (analysis.trajectory.length > 0) input.trajectory = analysis.trajectory.map((p) => ({ ...at(p.period), value: p.value }));
  if (analysis.target) input.target = { ...at(analysis.target.period), value: analysis.target.value, kind: targetKind(analysis.target) };
  const comparators = (options.comparators ?? []).filter((c) => c.observations.some((o) => o.value !== null));
  if (comparators.length > 0) input.comparators = comparators.slice(0, 4).map((c) => ({ name: c.name, points: chartPoints(c.observations, measure) }));
  return input;
}

export interface SpcChartOptions {
  /**
   * The values are differences from what was expected (one-step-ahead surprises), not the
   * measure's own values: they may be negative, and a percentage's difference is in points.
   */
  differences?: boolean;
}

export function spcChartInput(
  chart: XmrResult,
  observations: readonly (Observation & { value: number })[],
  measure: Measure,
  title: string,
  description: string,
  options: SpcChartOptions = {},
): SpcChartInput {
  const percent = measure.unit.kind === 'percent';
  const unit = measure.unit.kind === 'count' ? 'number' : unitLabel(measure.unit);
  const input: SpcChartInput = {
    title,
    description,
    unitLabel: options.differences ? `${percent ? 'percentage points' : unit} above or below expected` : unit,
    percent: percent && !options.differences,
    decimals: measure.decimals,
    points: observations.map((o, i) => ({
      label: chartPeriodLabel(o.period.label),
      t: position(timeOf(o.period, measure)),
      value: o.value,
      special: chart.points[i]?.special ?? null,
      ...(isIllustrative(o) ? { illustrative: true } : {}),
    })),
    mean: chart.mean,
    lower: chart.lower,
    upper: chart.upper,
    periodsPerYear: periodsPerYear(measure.frequency),
  };
  if (options.differences) input.negativeAllowed = true;
  return input;
}
