/**
 * Stale figures (METHODS.md §3): a latest value from before the plan began says nothing about
 * the plan, and one long out of date says nothing about now. Neither is rated green or red.
 *
 * A latest value is stale when its period ended before the plan's start, or more than one
 * reporting cycle and its usual publication lag before the date the data are judged at
 * (`--as-of`, else the latest period in the data): two years for annual measures, nine months
 * for quarterly, four months for monthly, six weeks for weekly.
 */
import type { Measure } from '../../plan/types.js';
import type { Period } from '../../data/types.js';
import { daysFromCivil } from '../../data/calendar.js';
import { atWords, periodWords } from '../../render/format.js';

export interface Staleness {
  stale: boolean;
  /** Why, in words, when stale. */
  reason?: string;
}

/** How long after its period ends a value is still current, in days. */
export const CURRENT_FOR_DAYS: Record<Measure['frequency'], number> = { annual: 731, quarterly: 274, monthly: 123, weekly: 42 };

function days(iso: string): number {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  return daysFromCivil(y, m, d);
}

export function staleness(latest: Period | undefined, measure: Pick<Measure, 'frequency'>, planStart: string | undefined, asOf: string | undefined): Staleness {
  if (!latest) return { stale: false };
  if (planStart && latest.end < planStart) {
    return { stale: true, reason: `the latest value, ${atWords(latest.label)}, is from before the plan began on ${periodWords(planStart)}` };
  }
  if (asOf && days(asOf) - days(latest.end) > CURRENT_FOR_DAYS[measure.frequency]) {
    const window = { annual: 'two years', quarterly: 'nine months', monthly: 'four months', weekly: 'six weeks' }[measure.frequency];
    return { stale: true, reason: `the latest value, ${atWords(latest.label)}, is more than ${window} older than the data date, ${periodWords(asOf)}` };
  }
  return { stale: false };
}
