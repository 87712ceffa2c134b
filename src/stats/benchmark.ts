/**
 * Comparison of an area's value with a benchmark (e.g. England) by whether the
 * benchmark lies inside the area's confidence interval, judged by polarity.
 *
 * Reference: Public Health England, "Fingertips technical guidance:
 * comparisons with benchmark" (the RAG/BOB colouring of the Public Health
 * Outcomes Framework and the Local Authority Interactive Tool); intervals as in
 * PHEindicatormethods.
 *
 * Conventions:
 * - position: 'similar' when lower ≤ benchmark ≤ upper (ends included);
 *   'higher' when the whole interval is above the benchmark (lower > benchmark);
 *   'lower' when it is below (upper < benchmark).
 * - comparison: for polarity 'higher' (higher is better) higher → 'better',
 *   lower → 'worse'; reversed for 'lower'; 'similar' stays 'similar'; for
 *   polarity 'none' the position itself ('higher' | 'lower' | 'similar'), with
 *   no judgement.
 * - Two-level variant (Fingertips' 95% / 99.8% display): 'similar' when the
 *   benchmark is inside the 95% interval; otherwise the side with '-99.8' when
 *   it is also outside the 99.8% interval and '-95' when only outside the 95%
 *   interval, e.g. 'better-99.8', 'worse-95', 'higher-95' (polarity 'none').
 *
 * @example
 * compareWithBenchmark({ lower: 52.1, upper: 58.3 }, 50, 'higher');
 * // { position: 'higher', comparison: 'better' }
 * compareWithBenchmarkTwoLevel({ lower95: 52.1, upper95: 58.3, lower998: 49.2, upper998: 61.0 }, 50, 'lower');
 * // { position: 'higher', level: 0.95, comparison: 'worse-95' }
 */
import { POLARITIES, type Polarity } from './types.js';
import { fail, requireFinite, requireOneOf } from './validate.js';

export type BenchmarkPosition = 'higher' | 'lower' | 'similar';
export type BenchmarkComparison = 'better' | 'worse' | 'similar' | 'higher' | 'lower';

export interface BenchmarkResult {
  position: BenchmarkPosition;
  comparison: BenchmarkComparison;
}

export type TwoLevelComparison =
  | 'better-99.8'
  | 'better-95'
  | 'similar'
  | 'worse-95'
  | 'worse-99.8'
  | 'higher-99.8'
  | 'higher-95'
  | 'lower-95'
  | 'lower-99.8';

export interface TwoLevelInterval {
  lower95: number;
  upper95: number;
  lower998: number;
  upper998: number;
}

export interface TwoLevelBenchmarkResult {
  position: BenchmarkPosition;
  /** The widest level at which the difference holds (0.998 or 0.95); null when similar. */
  level: 0.95 | 0.998 | null;
  comparison: TwoLevelComparison;
}

function positionOf(lower: number, upper: number, benchmark: number): BenchmarkPosition {
  if (lower > benchmark) return 'higher';
  if (upper < benchmark) return 'lower';
  return 'similar';
}

function judge(position: BenchmarkPosition, polarity: Polarity): BenchmarkComparison {
  if (position === 'similar' || polarity === 'none') return position;
  return (position === 'higher') === (polarity === 'higher') ? 'better' : 'worse';
}

function checkInterval(method: string, lower: unknown, upper: unknown, lowerName: string, upperName: string): void {
  const lo = requireFinite(method, lowerName, lower);
  const hi = requireFinite(method, upperName, upper);
  if (lo > hi) fail('OUT_OF_RANGE', method, `${lowerName} ≤ ${upperName}`, lo, `${lo} > ${hi}`);
}

export function compareWithBenchmark(interval: { lower: number; upper: number }, benchmark: number, polarity: Polarity): BenchmarkResult {
  const method = 'compareWithBenchmark';
  if (interval === null || typeof interval !== 'object') fail('NOT_FINITE', method, 'an interval {lower, upper}', interval);
  checkInterval(method, interval.lower, interval.upper, 'lower', 'upper');
  requireFinite(method, 'benchmark', benchmark);
  requireOneOf(method, 'polarity', polarity, POLARITIES);
  const position = positionOf(interval.lower, interval.upper, benchmark);
  return { position, comparison: judge(position, polarity) };
}

export function compareWithBenchmarkTwoLevel(
  interval: TwoLevelInterval,
  benchmark: number,
  polarity: Polarity,
): TwoLevelBenchmarkResult {
  const method = 'compareWithBenchmarkTwoLevel';
  if (interval === null || typeof interval !== 'object') fail('NOT_FINITE', method, 'an interval {lower95, upper95, lower998, upper998}', interval);
  checkInterval(method, interval.lower95, interval.upper95, 'lower95', 'upper95');
  checkInterval(method, interval.lower998, interval.upper998, 'lower998', 'upper998');
  if (interval.lower998 > interval.lower95 || interval.upper998 < interval.upper95) {
    fail(
      'OUT_OF_RANGE',
      method,
      'the 99.8% interval to contain the 95% interval',
      interval,
      `95% [${interval.lower95}, ${interval.upper95}] and 99.8% [${interval.lower998}, ${interval.upper998}]`,
    );
  }
  requireFinite(method, 'benchmark', benchmark);
  requireOneOf(method, 'polarity', polarity, POLARITIES);

  const position = positionOf(interval.lower95, interval.upper95, benchmark);
  if (position === 'similar') return { position, level: null, comparison: 'similar' };
  const wide = positionOf(interval.lower998, interval.upper998, benchmark) !== 'similar';
  const word = judge(position, polarity) as Exclude<BenchmarkComparison, 'similar'>;
  return wide
    ? { position, level: 0.998, comparison: `${word}-99.8` }
    : { position, level: 0.95, comparison: `${word}-95` };
}
