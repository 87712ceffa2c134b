/**
 * Comparing an area with a benchmark area (England) and with its peers (quartile bands), as
 * Fingertips does: "similar" when the benchmark lies inside the area's 95% interval.
 */
import type { Measure } from '../plan/types.js';
import type { Observation } from '../data/types.js';
import { wilsonInterval } from '../stats/wilson.js';
import { rateInterval } from '../stats/rate-interval.js';
import { compareWithBenchmark, type BenchmarkComparison } from '../stats/benchmark.js';
import { quartileBand, quartiles, type QuartileBand } from '../stats/quartiles.js';
import { StatsInputError } from '../stats/errors.js';
import { atWords } from '../render/format.js';

export interface IntervalSource {
  lower: number;
  upper: number;
  method: 'published' | 'wilson' | 'byar' | 'exact-poisson';
}

/**
 * The 95% interval of an observation: the published one if the file gives it; Wilson for a
 * percentage with numerator and denominator; exact Poisson / Byar for a rate with a count and
 * population. Plain counts and values with nothing to go on have none.
 */
export function observationInterval(o: Observation, measure: Measure, level = 0.95): IntervalSource | undefined {
  if (o.value === null) return undefined;
  if (o.lower !== undefined && o.upper !== undefined) return { lower: o.lower, upper: o.upper, method: 'published' };
  if (o.numerator === undefined || o.denominator === undefined || o.denominator <= 0) return undefined;
  try {
    if (measure.unit.kind === 'percent') {
      const w = wilsonInterval(o.numerator, o.denominator, level);
      return { lower: w.lower * 100, upper: w.upper * 100, method: 'wilson' };
    }
    if (measure.unit.kind === 'rate') {
      const r = rateInterval(o.numerator, o.denominator, { multiplier: measure.unit.per, level });
      return { lower: r.lower, upper: r.upper, method: r.method === 'exact' ? 'exact-poisson' : 'byar' };
    }
  } catch (error) {
    if (error instanceof StatsInputError) return undefined;
    throw error;
  }
  return undefined;
}

export type ComparatorResult =
  | { status: 'compared'; comparison: BenchmarkComparison; benchmark: number; period: string; interval: IntervalSource }
  | { status: 'not-compared'; reason: string };

export function compareWithArea(o: Observation | undefined, benchmark: Observation | undefined, benchmarkName: string, measure: Measure): ComparatorResult {
  if (!o || o.value === null) return { status: 'not-compared', reason: 'no latest value' };
  if (!benchmark || benchmark.value === null) return { status: 'not-compared', reason: `no ${benchmarkName} value ${atWords(o.period.label)}` };
  const interval = observationInterval(o, measure);
  if (!interval) {
    return { status: 'not-compared', reason: measure.unit.kind === 'count' ? 'a count: no like-for-like comparison' : 'no interval for the latest value: it needs a numerator and denominator, or published limits' };
  }
  const result = compareWithBenchmark(interval, benchmark.value, measure.polarity);
  return { status: 'compared', comparison: result.comparison, benchmark: benchmark.value, period: o.period.label, interval };
}

export interface QuartileResult {
  band: QuartileBand;
  /** Rank among the areas (1 = best by polarity; tied values share the best rank of the tie). */
  rank: number;
  areas: number;
  period: string;
}

/**
 * The area's quartile band and rank among peers with a value for the same period (A is always
 * the best quarter; R type-7 quartiles; ranks as R's `rank(ties.method = "min")` on the values
 * ordered best first). `peers` includes the area's own value. Needs 4 or more peers. Counts are
 * not ranked: a large authority has more of everything, so its rank says only how large it is.
 */
export function quartileAmongPeers(value: number | null, peers: readonly number[], measure: Measure, period: string): QuartileResult | undefined {
  if (value === null || measure.polarity === 'none' || measure.unit.kind === 'count' || peers.length < 4) return undefined;
  const cuts = quartiles(peers);
  const better = (x: number) => (measure.polarity === 'higher' ? x > value : x < value);
  return { band: quartileBand(value, cuts, measure.polarity), rank: 1 + peers.filter(better).length, areas: peers.length, period };
}

/** The best-quartile threshold among peers: Q3 when higher is better, Q1 when lower is. */
export function topQuartileThreshold(peers: readonly number[], measure: Measure): number | undefined {
  if (peers.length < 4 || measure.polarity === 'none' || measure.unit.kind === 'count') return undefined;
  const cuts = quartiles(peers);
  return measure.polarity === 'higher' ? cuts.q3 : cuts.q1;
}
