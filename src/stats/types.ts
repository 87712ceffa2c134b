/** Types shared by the statistics modules. */

/** A two-sided interval. */
export interface Interval {
  lower: number;
  upper: number;
}

/** An observation at time `t` (in periods of the series' frequency). */
export interface TimePoint {
  t: number;
  y: number;
}

/** A forecast at time `t` with its prediction interval. */
export interface ForecastPoint {
  t: number;
  value: number;
  lower: number;
  upper: number;
}

/**
 * Which way is better for an indicator: `'higher'` (higher is better),
 * `'lower'` (lower is better) or `'none'` (no judgement).
 */
export type Polarity = 'higher' | 'lower' | 'none';

export const POLARITIES: readonly Polarity[] = ['higher', 'lower', 'none'];
