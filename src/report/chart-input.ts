/**
 * From analysis results to chart inputs: the bridge between `analysis/` and `charts/`.
 */
import type { Measure } from '../plan/types.js';
import type { Observation } from '../data/types.js';
import type { BaselineAnalysis } from '../analysis/baseline.js';
import type { BaselineChartInput, ChartPoint, SpcChartInput } from '../charts/types.js';
import type { XmrResult } from '../stats/xmr.js';
import { timeOf } from '../analysis/timeline.js';
import { MISSING_WORDS, STATUS_WORDS, unitLabel } from '../render/format.js';
import { periodWords, VERDICT_WORDS } from './words.js';

/** Chart positions are whole periods: the analysis time axis, rounded (snapshot years vary by a leap day). */
function position(t: number): number {
  return Math.round(t);
}

export function chartPoints(observations: readonly Observation[], measure: Measure): ChartPoint[] {
  return observations.map((o) => {
    const point: ChartPoint = { label: o.period.label, t: position(timeOf(o.period, measure)), value: o.value };
    const marker = o.value === null ? o.missing ?? 'x' : o.status.join(',');
    if (marker) point.marker = marker;
    return point;
  });
}

export function footnotesFor(observations: readonly Observation[]): string[] {
  const notes = new Set<string>();
  for (const o of observations) {
    if (o.value === null && o.missing) notes.add(`${o.missing}: ${MISSING_WORDS[o.missing]} (shown as a gap, not zero)`);
    for (const s of o.status) notes.add(`[${s}] ${STATUS_WORDS[s]}`);
  }
  return [...notes].sort();
}

export interface BaselineChartOptions {
  title: string;
  comparators?: { name: string; observations: readonly Observation[] }[];
}

export function baselineChartInput(analysis: BaselineAnalysis, observations: readonly Observation[], measure: Measure, options: BaselineChartOptions): BaselineChartInput {
  const t = (label: string) => position(analysis.times[label]!);
  const history = chartPoints(observations, measure);
  const verdict = VERDICT_WORDS[analysis.verdict.status].words;
  const latest = analysis.latest ? ` The latest value is for ${periodWords(analysis.latest.period)}.` : '';
  const input: BaselineChartInput = {
    title: options.title,
    description: `Line chart of ${measure.title.toLowerCase()}, ${analysis.area}${analysis.baselineAt ? `, with the baseline frozen at ${periodWords(analysis.baselineAt)} and its forecast if nothing changes` : ''}${analysis.target ? ', and the trajectory to the target' : ''}. Verdict: ${verdict}.${latest}`,
    unitLabel: measure.unit.kind === 'count' ? 'number' : unitLabel(measure.unit),
    percent: measure.unit.kind === 'percent',
    decimals: measure.decimals,
    history,
    baselineAt: analysis.baselineAt ? { label: analysis.baselineAt, t: t(analysis.baselineAt) } : { label: history[0]?.label ?? '', t: history[0]?.t ?? 0 },
    forecast: analysis.forecast.map((f) => ({ label: f.period, t: t(f.period), value: f.value, lower: f.lower, upper: f.upper })),
    interval: analysis.level,
  };
  if (analysis.trajectory.length > 0) input.trajectory = analysis.trajectory.map((p) => ({ label: p.period, t: t(p.period), value: p.value }));
  if (analysis.target) input.target = { label: analysis.target.period, t: t(analysis.target.period), value: analysis.target.value };
  const comparators = (options.comparators ?? []).filter((c) => c.observations.length > 0);
  if (comparators.length > 0) input.comparators = comparators.slice(0, 4).map((c) => ({ name: c.name, points: chartPoints(c.observations, measure) }));
  const footnotes = footnotesFor(observations);
  if (footnotes.length > 0) input.footnotes = footnotes;
  return input;
}

export function spcChartInput(chart: XmrResult, observations: readonly (Observation & { value: number })[], measure: Measure, title: string, description: string): SpcChartInput {
  const input: SpcChartInput = {
    title,
    description,
    unitLabel: measure.unit.kind === 'count' ? 'number' : unitLabel(measure.unit),
    percent: measure.unit.kind === 'percent',
    decimals: measure.decimals,
    points: observations.map((o, i) => ({ label: o.period.label, t: position(timeOf(o.period, measure)), value: o.value, special: chart.points[i]?.special ?? null })),
    mean: chart.mean,
    lower: chart.lower,
    upper: chart.upper,
  };
  return input;
}
