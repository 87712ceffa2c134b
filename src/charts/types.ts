/**
 * The inputs of the chart builders: plain data, already analysed.
 *
 * The charts module does no statistics. It takes numbers the analysis has already worked out
 * (history, the frozen forecast and its interval, the trajectory, SPC limits and signals) and
 * turns them into Vega-Lite specs (`*Spec` builders) and SVG (`renderSvg`).
 *
 * Conventions shared by every input:
 * - `t` is the period's ordinal position: a whole number that steps by one per period
 *   (`Period.ordinal` in `src/data/types.ts`). Periods are drawn evenly spaced, in order of `t`.
 *   Within a series `t` must strictly increase; a period absent from the history is drawn as a
 *   gap, exactly like a `null` value.
 * - `label` is the period's house-style label (`2013`, `2012/13`, `2013-Q2`, `2013-W39`). The same
 *   `t` must carry the same label in every series; it is what the x axis shows.
 * - `value: null` means missing. A missing value is drawn as a gap in the line, never as zero.
 * - Every string is plain text: the builders and the renderer escape it.
 */

/** One period's value on a line. */
export interface ChartPoint {
  label: string;
  t: number;
  value: number | null;
  /**
   * A footnote code drawn beside the point.
   * - With a value: its status flag (`p` provisional, `r` revised, `e` estimated, `b` break in
   *   series, `f` forecast, `u` low reliability); several flags are joined by commas, `'p,r'`.
   *   The point is drawn with a different shape (an open diamond), its code written above it
   *   (to its right when the target is at the same period), and the key says what it means.
   *   Markers on comparator points are not drawn.
   * - With `value: null`: why it is missing (`c` suppressed, `x` not available, `z` not
   *   applicable, `low` rounds to zero, `u` low reliability, `..` not available, `error`).
   *   The code is written at the foot of the gap (once per run of periods missing for one reason).
   */
  marker?: string;
}

/** The baseline chart of a report card (OBA "baseline": history + forecast if nothing changes). */
export interface BaselineChartInput {
  /** Shown above the chart and as the SVG `<title>`, e.g. "Children looked after at 31 March, Leeds". */
  title: string;
  /** One or two sentences saying, in words, what the chart shows. Goes in the SVG `<desc>`. */
  description: string;
  /** The y axis title, the unit in words: "children", "% of sessions", "per 1,000 females aged 15-17". */
  unitLabel: string;
  /** Values are percentages on a 0–100 scale; axis labels get a `%` sign. */
  percent: boolean;
  /** Decimal places for values written on the chart (axis labels, target, key). */
  decimals: number;
  /** Actual values: a solid line with points. `null` is a gap. */
  history: ChartPoint[];
  /** The period at which the forecast was frozen: a vertical rule labelled "baseline frozen <label>". */
  baselineAt: { label: string; t: number };
  /**
   * The forecast if nothing changes, from the period after the baseline: a dashed line with its
   * prediction interval as a light band. When the history has a value at `baselineAt.t`, the line
   * and band are drawn from that value so the forecast visibly starts where the baseline was frozen.
   */
  forecast: { label: string; t: number; value: number; lower: number; upper: number }[];
  /** The trajectory to the target: a dash-dot line. */
  trajectory?: { label: string; t: number; value: number }[];
  /** The target: a pale green star, labelled "target <value>", drawn under any actual value there. */
  target?: { label: string; t: number; value: number };
  /** England, the city, statistical neighbours: thin grey lines, each with its own dash. At most four. */
  comparators?: { name: string; points: ChartPoint[] }[];
  /** Notes printed under the key, e.g. "[p] provisional: figures for 2015 will be revised in 2016". */
  footnotes?: string[];
  /** The prediction interval's level, as a proportion: 0.95 → "95% interval". */
  interval: number;
  /** Fix the y axis range (e.g. `[0, 100]` for percentages); by default it fits every layer. */
  yDomain?: [number, number];
}

/** How a point of an SPC chart is read (NHS "Making Data Count" conventions). */
export type SpecialCause = 'improvement' | 'concern' | 'neutral' | null;

/** An SPC (statistical process control) chart: a process line with its mean and process limits. */
export interface SpcChartInput {
  title: string;
  description: string;
  unitLabel: string;
  /** Values are percentages on a 0–100 scale; axis labels get a `%` sign. */
  percent?: boolean;
  decimals: number;
  /**
   * The points in time order. `special` says whether the point is part of a special-cause signal
   * and which way it reads: `improvement`, `concern`, `neutral` (a signal with no direction of
   * good), or `null` for common-cause variation.
   */
  points: { label: string; t: number; value: number | null; special: SpecialCause }[];
  /** The process mean. */
  mean: number;
  /** The lower and upper process limits (usually mean ± 3 sigma). */
  lower: number;
  upper: number;
}

/** A word-sized chart: the shape of a series, nothing else. */
export interface SparklineInput {
  values: (number | null)[];
  /** For the SVG form only: its `<title>` and `<desc>`. */
  title?: string;
  description?: string;
}
