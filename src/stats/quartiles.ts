/**
 * Quartile bands A–D over all areas' values, and ranks with ties, where A and
 * rank 1 are always the best by polarity.
 *
 * References: Hyndman RJ, Fan Y (1996) "Sample quantiles in statistical
 * packages", The American Statistician 50:361–365, definition 7 (R's default
 * `quantile(x, type = 7)`, NumPy's `linear`), via `simple-statistics`'
 * `quantileSorted` (type 7 from v7.12); ranks as R's
 * `rank(x, ties.method = "min")`. Quartile banding as in the DfE Local
 * Authority Interactive Tool (LAIT) and Fingertips quartile displays.
 *
 * Conventions:
 * - Cut points Q1, Q2 (median), Q3 are R type-7 quantiles at 0.25, 0.5, 0.75 of
 *   all the values.
 * - polarity 'higher' (higher is better): A when v ≥ Q3, B when Q2 ≤ v < Q3,
 *   C when Q1 ≤ v < Q2, D when v < Q1.
 *   polarity 'lower': A when v ≤ Q1, B when Q1 < v ≤ Q2, C when Q2 < v ≤ Q3,
 *   D when v > Q3. A value on a cut point goes to the better band.
 * - Ranks: 1 = best by polarity; tied values share the smallest rank of the
 *   tie and the next rank is skipped (1, 2, 2, 4).
 * Polarity 'none' has no best, so neither bands nor ranks are defined for it.
 *
 * @example
 * quartileBands([1, 2, 3, 4, 5, 6, 7, 8, 9], 'higher');
 * // { q1: 3, median: 5, q3: 7, bands: ['D', 'D', 'C', 'C', 'B', 'B', 'A', 'A', 'A'] }
 * rankWithTies([10, 30, 20, 30], 'higher');  // [4, 1, 3, 1]
 */
import { quantileSorted } from 'simple-statistics';
import { requireNumbers, requireOneOf } from './validate.js';

export type QuartileBand = 'A' | 'B' | 'C' | 'D';
export type RankPolarity = 'higher' | 'lower';

export interface QuartileCuts {
  q1: number;
  median: number;
  q3: number;
}

export interface QuartileBanding extends QuartileCuts {
  /** The band of each value, in input order. */
  bands: QuartileBand[];
}

/** R type-7 quartiles (Q1, median, Q3) of the values. */
export function quartiles(values: readonly number[]): QuartileCuts {
  const xs = requireNumbers('quartiles', 'values', values, 1);
  const sorted = [...xs].sort((a, b) => a - b);
  return { q1: quantileSorted(sorted, 0.25), median: quantileSorted(sorted, 0.5), q3: quantileSorted(sorted, 0.75) };
}

/** The band of one value given the cut points. */
export function quartileBand(value: number, cuts: QuartileCuts, polarity: RankPolarity): QuartileBand {
  if (polarity === 'higher') {
    if (value >= cuts.q3) return 'A';
    if (value >= cuts.median) return 'B';
    if (value >= cuts.q1) return 'C';
    return 'D';
  }
  if (value <= cuts.q1) return 'A';
  if (value <= cuts.median) return 'B';
  if (value <= cuts.q3) return 'C';
  return 'D';
}

export function quartileBands(values: readonly number[], polarity: RankPolarity): QuartileBanding {
  const method = 'quartileBands';
  const xs = requireNumbers(method, 'values', values, 1);
  requireOneOf(method, 'polarity', polarity, ['higher', 'lower']);
  const cuts = quartiles(xs);
  return { ...cuts, bands: xs.map((v) => quartileBand(v, cuts, polarity)) };
}

export function rankWithTies(values: readonly number[], polarity: RankPolarity): number[] {
  const method = 'rankWithTies';
  const xs = requireNumbers(method, 'values', values, 1);
  requireOneOf(method, 'polarity', polarity, ['higher', 'lower']);
  const better = (a: number, b: number): boolean => (polarity === 'higher' ? a > b : a < b);
  return xs.map((v) => 1 + xs.filter((w) => better(w, v)).length);
}
