/**
 * The x axis of every time chart: periods at evenly spaced ordinal positions `t`, labelled with
 * their period labels, thinned so that labels never overlap (a weekly series of 400 points shows
 * one label every 26 or 52 weeks).
 *
 * The axis is quantitative on `t` with an explicit domain (half a period of padding at each end),
 * explicit tick values, and a `labelExpr` that looks each tick's label up in an array literal.
 */
import type { Axis } from 'vega-lite/types_unstable/axis.js';
import { fail } from './errors.js';
import { textWidth } from './text-metrics.js';

/** The periods a chart spans: every `t` from `first` to `last`, with the labels known for them. */
export class PeriodLabels {
  private readonly labels = new Map<number, string>();

  constructor(private readonly method: string) {}

  /** Record that period `t` is called `label`; the same `t` may not be called two things. */
  add(t: number, label: string, path: string): void {
    const known = this.labels.get(t);
    if (known !== undefined && known !== label) {
      fail('LABEL_CONFLICT', this.method, path, `period ${t} to have one label (${JSON.stringify(known)})`, label);
    }
    this.labels.set(t, label);
  }

  get first(): number {
    return Math.min(...this.labels.keys());
  }

  get last(): number {
    return Math.max(...this.labels.keys());
  }

  get size(): number {
    return this.labels.size;
  }

  label(t: number): string {
    return this.labels.get(t) ?? '';
  }
}

/** Tick steps, in periods, that read naturally, by how many periods make a year. */
const STEPS_BY_YEAR: Record<number, number[]> = {
  1: [1, 2, 5, 10, 20, 50, 100],
  4: [1, 2, 4, 8, 20, 40, 80],
  12: [1, 2, 3, 6, 12, 24, 60, 120],
  52: [1, 2, 4, 13, 26, 52, 104, 260, 520],
};
/** For series of unknown frequency. */
const STEPS = [1, 2, 3, 4, 5, 6, 10, 12, 20, 25, 50, 100, 200, 250, 500, 1000];

/**
 * How many periods make a year, guessed from the labels (`w/c 23 Sep 2013` or `2013-W39` → 52,
 * `2013 Q2` → 4, `Mar 2013` or `2013-03` → 12, `2013` or `2012/13` → 1); undefined if unclear.
 */
export function guessPeriodsPerYear(label: string): number | undefined {
  if (/\bW\d{1,2}$/.test(label) || /^w\/c /.test(label)) return 52;
  if (/\bQ[1-4]$/.test(label)) return 4;
  if (/^\d{4}-\d{2}$/.test(label) || /^(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]* \d{4}$/.test(label)) return 12;
  if (/^\d{4}(\/\d{2})?$/.test(label)) return 1;
  return undefined;
}

/** The smallest natural step at least `needed` periods long. */
export function niceStep(needed: number, periodsPerYear?: number): number {
  const steps = (periodsPerYear !== undefined ? STEPS_BY_YEAR[periodsPerYear] : undefined) ?? STEPS;
  for (const step of steps) if (step >= needed) return step;
  const unit = steps[steps.length - 1]!;
  return Math.ceil(needed / unit) * unit;
}

/** A string literal a Vega expression reads back as exactly `text`. */
function exprString(text: string): string {
  return JSON.stringify(text).replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
}

export interface PeriodAxisPlan {
  /** The x scale domain: half a period beyond the first and last. */
  domain: [number, number];
  /** The periods that get a tick and a label. */
  values: number[];
  /** Periods between labelled ticks. */
  step: number;
  axis: Axis;
}

/**
 * Plan the period axis for a plot `width` pixels wide. Ticks are `step` periods apart, counted
 * from `anchor` (the baseline period), so the baseline period is always labelled when it is in
 * range; `step` is the smallest natural step (for the series' frequency, guessed from the
 * anchor's label unless `periodsPerYear` is given) that leaves 12px between the widest labels.
 */
export function periodAxis(periods: PeriodLabels, width: number, anchor: number, fontSize: number, periodsPerYear?: number): PeriodAxisPlan {
  const first = periods.first;
  const last = periods.last;
  const count = last - first + 1;
  const perPeriod = width / count;
  let widest = 0;
  for (let t = first; t <= last; t++) widest = Math.max(widest, textWidth(periods.label(t), fontSize));
  const step = niceStep((widest + 12) / perPeriod, periodsPerYear ?? guessPeriodsPerYear(periods.label(anchor)));
  const offset = (((anchor - first) % step) + step) % step;
  const values: number[] = [];
  for (let t = first + offset; t <= last; t += step) values.push(t);
  const labels: string[] = [];
  for (let t = first; t <= last; t++) labels.push(exprString(periods.label(t)));
  return {
    domain: [first - 0.5, last + 0.5],
    values,
    step,
    axis: {
      title: null,
      values,
      labelExpr: `[${labels.join(',')}][round(datum.value) - ${first}] || ''`,
      labelFlush: false,
      labelOverlap: false,
      labelAngle: 0,
      labelFontSize: fontSize,
      grid: false,
      ticks: true,
      tickSize: 4,
      domain: true,
    },
  };
}
