/**
 * Where an actual value sits against the frozen baseline forecast's prediction interval.
 */
import type { Polarity } from '../plan/types.js';

/** `better`/`worse` by polarity; `above`/`below` when the measure has no polarity. */
export type Position = 'better' | 'within' | 'worse' | 'above' | 'below';

export function positionAgainst(value: number, interval: { lower: number; upper: number }, polarity: Polarity): Position {
  if (value >= interval.lower && value <= interval.upper) return 'within';
  const above = value > interval.upper;
  if (polarity === 'none') return above ? 'above' : 'below';
  return above === (polarity === 'higher') ? 'better' : 'worse';
}

/** +1 when a rise is better, −1 when a fall is better, 0 with no judgement. */
export function goodSign(polarity: Polarity): 1 | -1 | 0 {
  return polarity === 'higher' ? 1 : polarity === 'lower' ? -1 : 0;
}
