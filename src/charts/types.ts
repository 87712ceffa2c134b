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
 * - `label` is what the x axis shows for the period, in words people read: `2013`, `2012/13`,
 *   `2013 Q2`, `Mar 2013`, `w/c 17 Jun 2013` (never an ISO string such as `2013-W25`). The same
 *   `t` must carry the same label in every series.
 * - Values must lie in the unit's range: from 0, and up to 100 for percentages, unless
 *   `negativeAllowed`. Model outputs (forecasts, intervals, trajectories, SPC limits) are drawn
 *   clamped to that range.
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
   *   A flagged point is drawn as an open square with its code written beside it, and the key
   *   says what the code means. `b` is drawn differently: the line stops before the point and
   *   starts afresh from it, with a break mark (⫽) between, and a key entry "break in series".
   *   On comparators only `b` is drawn.
   * - With `value: null`: why it is missing (`c` suppressed, `x` not available, `z` not
   *   applicable, `low` rounds to zero, `u` low reliability, `..` not available, `error`).
   *   The code is written at the foot of the gap (once per run of periods missing for one reason).
   */
  marker?: string;
  /**
   * The value is illustrative (made up, modelled or estimated), not a published figure. It is
   * drawn as a hollow diamond, the line into and out of it is dashed, and the key says
   * "◇ illustrative, not a published figure".
   */
  illustrative?: boolean;
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
  /**
   * The target: a pale green star, labelled "<kind> <value>", drawn under any actual value there.
   * `kind` says whose target it is: "example target", "target (CYPP 2011-15)"; default "target".
   */
  target?: { label: string; t: number; value: number; kind?: string };
  /** England, the city, statistical neighbours: thin grey lines, each with its own dash. At most four. */
  comparators?: { name: string; points: ChartPoint[] }[];
  /** Notes printed under the key, e.g. "[p] provisional: figures for 2015 will be revised in 2016". */
  footnotes?: string[];
  /** The prediction interval's level, as a proportion: 0.95 → "95% interval". */
  interval: number;
  /**
   * Fix the y axis range (inside the unit's range); by default it is planned from every layer:
   * from zero unless that would flatten the values, then cut and labelled as cut.
   */
  yDomain?: [number, number];
  /** Periods in a year (1, 4, 12, 52), for natural steps between x axis labels; guessed from the labels if absent. */
  periodsPerYear?: number;
  /** Values may be negative (a change, a balance); by default the axis never runs below 0. */
  negativeAllowed?: boolean;
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
   * good), or `null` for common-cause variation. `illustrative`: not a published figure; the
   * process line into and out of it is dashed, and the key says so.
   */
  points: { label: string; t: number; value: number | null; special: SpecialCause; illustrative?: boolean }[];
  /** The process mean. */
  mean: number;
  /** The lower and upper process limits (usually mean ± 3 sigma); drawn clamped to the unit's range. */
  lower: number;
  upper: number;
  /** Periods in a year (1, 4, 12, 52), for natural steps between x axis labels; guessed from the labels if absent. */
  periodsPerYear?: number;
  /** Values may be negative; by default the axis never runs below 0. */
  negativeAllowed?: boolean;
}

/** A word-sized chart: the shape of a series, nothing else. */
export interface SparklineInput {
  values: (number | null)[];
  /** For the SVG form only: its `<title>` and `<desc>`. */
  title?: string;
  description?: string;
}
