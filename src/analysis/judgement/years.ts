/**
 * Whole years of a weekly, monthly or quarterly series, for its verdict.
 *
 * A frequent series carries its season and, week to week, its own momentum: one week is much like
 * the last. Tests on the raw values or on rolling averages count the same noise many times (in
 * simulation, 97.5% of verdicts on rolling-year fits of unchanged series were false alarms), and
 * month-to-month correlation estimated from a few years is too uncertain to rely on. So the
 * verdict is drawn on non-overlapping years: the mean of each run of twelve months (or 52 weeks,
 * or four quarters) ending at the baseline period, and of each whole year after it. A year's
 * mean holds every season once, and the means of successive years are close to independent.
 *
 * A year is whole when at least nine tenths of its periods have values (seven tenths of its weeks,
 * since school holidays are often simply absent from weekly returns); periods marked `z` (not
 * applicable, such as school holiday weeks) are not part of the series and do not count against
 * it. A year that is not whole is a gap: the baseline's years start after it; after the
 * baseline, the latest year is judged once it is whole.
 */
import type { Measure } from '../../plan/types.js';
import type { Observation, Period } from '../../data/types.js';
import { addPeriods } from '../../data/period.js';
import { periodWords } from '../../render/format.js';
import type { ErrorStructure } from '../../stats/correlated-regression.js';
import type { SeriesPoint } from './window.js';

/** The share of a year's periods with values for the year to count as whole. */
const WHOLE: Record<Measure['frequency'], number> = { annual: 1, quarterly: 0.9, monthly: 0.9, weekly: 0.7 };

export interface YearSeries {
  /** Whole years up to the baseline, oldest first; the last ends at the baseline period. */
  baseline: SeriesPoint[];
  /** Whole years after the baseline, oldest first. */
  since: SeriesPoint[];
  /** Periods after the last whole year that are not yet judged. */
  pending: number;
}

function addYears(iso: string, years: number): string {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  const day = m === 2 && d === 29 ? 28 : d;
  return `${String(y + years).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** Which year a period ending on `end` falls in: 0 the year ending at the baseline, −1 the one before, 1 the one after. */
function yearIndex(end: string, baselineEnd: string): number {
  let k = 0;
  if (end <= baselineEnd) {
    while (end <= addYears(baselineEnd, k - 1)) k--;
  } else {
    k = 1;
    while (end > addYears(baselineEnd, k)) k++;
  }
  return k;
}

interface YearBucket {
  expected: number;
  present: Observation[];
}

/**
 * `fitted` and `judged` are the values chosen for the baseline and judged after it (breaks
 * respected); `observations` are all rows of the series, markers included.
 */
export function wholeYears(
  observations: readonly Observation[],
  measure: Pick<Measure, 'frequency' | 'unit'>,
  baselinePeriod: Period,
  fitted: readonly SeriesPoint[],
  judged: readonly SeriesPoint[],
): YearSeries {
  const usable = new Set([...fitted, ...judged].map((p) => p.period.ordinal));
  const notApplicable = new Set(observations.filter((o) => o.value === null && o.missing === 'z').map((o) => o.period.ordinal));
  const byOrdinal = new Map(observations.map((o) => [o.period.ordinal, o]));
  const firstEnd = addYears((fitted[0] ?? { period: baselinePeriod }).period.end, -1);
  const lastEnd = (judged.at(-1) ?? { period: baselinePeriod }).period.end;
  const buckets = new Map<number, YearBucket>();
  const visit = (p: Period) => {
    if (notApplicable.has(p.ordinal)) return;
    const k = yearIndex(p.end, baselinePeriod.end);
    const b = buckets.get(k) ?? { expected: 0, present: [] };
    b.expected++;
    const o = byOrdinal.get(p.ordinal);
    if (o && o.value !== null && usable.has(p.ordinal)) b.present.push(o);
    buckets.set(k, b);
  };
  for (let n = 0; ; n--) {
    const p = addPeriods(baselinePeriod, n, measure.frequency);
    if (p.end <= firstEnd) break;
    visit(p);
  }
  const horizon = addYears(lastEnd, 1);
  for (let n = 1; ; n++) {
    const p = addPeriods(baselinePeriod, n, measure.frequency);
    if (p.end > horizon) break;
    visit(p);
  }
  const whole = (b: YearBucket | undefined) => b !== undefined && b.expected > 0 && b.present.length >= WHOLE[measure.frequency] * b.expected;

  const baseline: SeriesPoint[] = [];
  for (let k = 0; whole(buckets.get(k)); k--) {
    const b = buckets.get(k)!;
    b.present.sort((x, y) => x.period.ordinal - y.period.ordinal);
    baseline.unshift(yearPoint(b, measure, k));
  }
  const since: SeriesPoint[] = [];
  let pending = 0;
  for (let k = 1; buckets.has(k); k++) {
    const b = buckets.get(k)!;
    b.present.sort((x, y) => x.period.ordinal - y.period.ordinal);
    // A year is judged once it has ended within the data and is whole.
    if (addYears(baselinePeriod.end, k) > lastEnd) {
      pending = b.present.length;
      break;
    }
    if (whole(b)) since.push(yearPoint(b, measure, k));
  }
  return { baseline, since, pending };
}

function yearPoint(b: YearBucket, measure: Pick<Measure, 'unit'>, t: number): SeriesPoint {
  const values = b.present;
  const all = values.every((o) => o.numerator !== undefined && o.denominator !== undefined && o.denominator > 0);
  let value: number;
  let denominator: number | undefined;
  if (all && measure.unit.kind !== 'count') {
    const numerator = values.reduce((s, o) => s + o.numerator!, 0);
    denominator = values.reduce((s, o) => s + o.denominator!, 0);
    value = (numerator / denominator) * (measure.unit.kind === 'percent' ? 100 : measure.unit.per);
  } else {
    value = values.reduce((s, o) => s + o.value!, 0) / values.length;
  }
  const end = values.at(-1)!.period;
  const label = `year to ${periodWords(end.label)}`;
  const period: Period = { ...end, label };
  const observation = { ...values.at(-1)!, period, value, status: [], ...(denominator !== undefined ? { denominator } : {}) } as Observation;
  if (denominator === undefined) delete observation.denominator;
  delete observation.numerator;
  return { period, t, value, observation };
}

/**
 * How far the means of successive years are still correlated, given the frequent series' own
 * error structure (an AR(1) with autocorrelation ρ per period carrying a share s of the
 * variance, the rest independent noise), with P periods a year:
 *   Var(year mean) ∝ s·[P + 2 Σ_{k<P} (P − k) ρ^k] + (1 − s)·P,
 *   Cov(successive means) ∝ s·ρ·((1 − ρ^P)/(1 − ρ))².
 * The yearly verdict then fits with that lag-one correlation (as an AR(1) across years, which
 * errs on the wide side at longer lags), so strong momentum cannot pass for a change of course.
 */
export function yearMeanErrors(errors: ErrorStructure, periodsPerYear: number): ErrorStructure | undefined {
  const { rho, share } = errors;
  if (!(rho > 0 && share > 0)) return undefined;
  const P = Math.round(periodsPerYear);
  let within = P;
  for (let k = 1; k < P; k++) within += 2 * (P - k) * rho ** k;
  const variance = share * within + (1 - share) * P;
  const covariance = share * rho * ((1 - rho ** P) / (1 - rho)) ** 2;
  const lagOne = covariance / variance;
  return lagOne > 0.01 ? { rho: Math.min(lagOne, 0.95), share: 1 } : undefined;
}
