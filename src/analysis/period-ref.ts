/**
 * Reading a reference to a point in time given by a user (`--baseline-at 2012`, `horizon:
 * 2015-03-31`, `by: 2014/15`) against one measure's periods.
 */
import type { Measure } from '../plan/types.js';
import type { Period } from '../data/types.js';
import { parsePeriod } from '../data/period.js';
import { periodWords } from '../render/format.js';

/** Either an exact period of the measure's type, or "the last period ending on or before" a date. */
export type PeriodRef = { kind: 'period'; period: Period } | { kind: 'until'; date: string };

export function readPeriodRef(text: string, measure: Pick<Measure, 'periodType'>): PeriodRef | undefined {
  const trimmed = text.trim();
  const exact = parsePeriod(trimmed, measure.periodType);
  if (exact.ok) return { kind: 'period', period: exact.period };
  if (/^\d{4}-\d{2}-\d{2}$/.test(trimmed)) {
    const asDate = parsePeriod(trimmed, 'date');
    if (asDate.ok) return { kind: 'until', date: asDate.period.end };
  }
  if (/^\d{4}$/.test(trimmed)) return { kind: 'until', date: `${trimmed}-12-31` };
  return undefined;
}

/** Does the period fall on or before the reference? */
export function onOrBefore(period: Period, ref: PeriodRef): boolean {
  return ref.kind === 'period' ? period.ordinal <= ref.period.ordinal : period.end <= ref.date;
}

/** Up to the reference, in words: "up to 2012/13", "on or before 31 December 2012". */
export function describeRef(ref: PeriodRef): string {
  return ref.kind === 'period' ? `up to ${periodWords(ref.period.label)}` : `on or before ${periodWords(ref.date)}`;
}
