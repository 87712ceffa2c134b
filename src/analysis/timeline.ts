/**
 * Stepping through a measure's periods: the periods after the baseline, and each period's
 * position `t` on the time axis in periods of the measure's frequency.
 */
import type { Frequency, Measure } from '../plan/types.js';
import type { Period } from '../data/types.js';
import { addPeriods, periodTime } from '../data/period.js';

/** Periods strictly after `from` up to and including the last one ending on or before `untilDate` (ISO). */
export function periodsAfter(from: Period, measure: Pick<Measure, 'frequency'>, untilDate: string, limit = 5000): Period[] {
  const out: Period[] = [];
  for (let n = 1; n <= limit; n++) {
    const next = addPeriods(from, n, measure.frequency);
    if (next.end > untilDate) break;
    out.push(next);
  }
  return out;
}

/** Position on the time axis, in periods of the measure's frequency. */
export function timeOf(period: Period, measure: Pick<Measure, 'frequency'>): number {
  return periodTime(period, measure.frequency);
}

/** How many steps of the measure's frequency from `a` to `b` (rounded: snapshot years vary in length). */
export function stepsBetween(a: Period, b: Period, measure: Pick<Measure, 'frequency'>): number {
  return Math.round(timeOf(b, measure) - timeOf(a, measure));
}

/** Periods in a year at a frequency (the lag for "same period last year"). */
export function periodsPerYear(frequency: Frequency): number {
  return frequency === 'annual' ? 1 : frequency === 'quarterly' ? 4 : frequency === 'monthly' ? 12 : 52;
}
