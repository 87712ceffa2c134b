/**
 * Which values a baseline is fitted on, and which later values are judged against it
 * (METHODS.md §1, "Breaks and gaps"):
 *
 * - the fit ends at the last value on or before the baseline period and runs back no further
 *   than a break in series: a value flagged `b` starts a new series, so it is the fit's first;
 * - in annual and quarterly series a missing period is a gap and the fit starts after it (a
 *   line is never drawn across it); weekly and monthly series are fitted with errors correlated
 *   by elapsed time, so a missing period there is simply absent, never filled in;
 * - a period marked `z` (not applicable, such as a school holiday week) is not part of the
 *   series at all and is neither a value nor a gap;
 * - later values are judged against the baseline up to the next break; values from a break on
 *   measure something else and are not judged.
 */
import type { Measure } from '../../plan/types.js';
import type { Observation, Period } from '../../data/types.js';
import { timeOf } from '../timeline.js';

export interface SeriesPoint {
  period: Period;
  /** Time in periods of the measure's frequency. */
  t: number;
  value: number;
  observation: Observation;
}

export type WindowStart = 'data' | 'break' | 'gap' | 'window';

export interface BaselineWindow {
  /** Every value on or before the baseline period, oldest first (for display). */
  before: SeriesPoint[];
  /** The values the baseline model is fitted on, oldest first; the last is the baseline period. */
  fitted: SeriesPoint[];
  /** Why the fit starts where it does. */
  start: WindowStart;
  /** The period just before the fit that stopped it (a gap's missing period, or the break's value). */
  startDetail?: string;
  /** Values after the baseline judged against it. */
  judged: SeriesPoint[];
  /** Values from a later break on, which are not judged. */
  notJudged: SeriesPoint[];
  /** The first period of a later break, when there is one. */
  laterBreak?: string;
}

export function valuedPoints(observations: readonly Observation[], measure: Pick<Measure, 'frequency'>): SeriesPoint[] {
  return observations
    .filter((o): o is Observation & { value: number } => o.value !== null)
    .map((o) => ({ period: o.period, t: timeOf(o.period, measure), value: o.value, observation: o }));
}

function gapsCutBaseline(measure: Pick<Measure, 'frequency'>): boolean {
  return measure.frequency === 'annual' || measure.frequency === 'quarterly';
}

/**
 * Splits a series at its baseline period (the last value with `isBaseline(period)` true).
 * Returns undefined when there is no value on or before the baseline.
 */
export function baselineWindow(
  observations: readonly Observation[],
  measure: Pick<Measure, 'frequency'>,
  onOrBeforeBaseline: (period: Period) => boolean,
  maxValues?: number,
): BaselineWindow | undefined {
  const rows = [...observations].sort((a, b) => a.period.ordinal - b.period.ordinal);
  let baselineIndex = -1;
  rows.forEach((o, i) => {
    if (o.value !== null && onOrBeforeBaseline(o.period)) baselineIndex = i;
  });
  if (baselineIndex < 0) return undefined;

  const point = (o: Observation): SeriesPoint => ({ period: o.period, t: timeOf(o.period, measure), value: o.value!, observation: o });
  const fitted: SeriesPoint[] = [];
  let start: WindowStart = 'data';
  let startDetail: string | undefined;
  let later = rows[baselineIndex]!;
  for (let i = baselineIndex; i >= 0; i--) {
    const o = rows[i]!;
    const notApplicable = o.value === null && o.missing === 'z';
    if (gapsCutBaseline(measure) && i < baselineIndex && timeOf(later.period, measure) - timeOf(o.period, measure) > 1.5) {
      start = 'gap';
      startDetail = `before ${later.period.label}`;
      break;
    }
    if (o.value === null && !notApplicable) {
      if (gapsCutBaseline(measure)) {
        start = 'gap';
        startDetail = o.period.label;
        break;
      }
      continue;
    }
    later = o;
    if (notApplicable) continue;
    if (maxValues !== undefined && fitted.length >= maxValues) {
      start = 'window';
      break;
    }
    fitted.unshift(point(o));
    if (o.status.includes('b')) {
      start = 'break';
      startDetail = o.period.label;
      break;
    }
  }

  const judged: SeriesPoint[] = [];
  const notJudged: SeriesPoint[] = [];
  let laterBreak: string | undefined;
  for (const o of rows.slice(baselineIndex + 1)) {
    if (o.value === null) continue;
    if (laterBreak === undefined && o.status.includes('b')) laterBreak = o.period.label;
    (laterBreak === undefined ? judged : notJudged).push(point(o));
  }
  const before = rows.slice(0, baselineIndex + 1).filter((o) => o.value !== null).map(point);
  return { before, fitted, start, ...(startDetail ? { startDetail } : {}), judged, notJudged, ...(laterBreak ? { laterBreak } : {}) };
}
