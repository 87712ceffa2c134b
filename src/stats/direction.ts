/**
 * Direction of travel: the latest value against the previous period and
 * against the same period last year, judged by polarity, with the run length
 * ("improving for 3 periods").
 *
 * Reference: the "direction of travel" arrows of council performance reports
 * and of the DfE Local Authority Interactive Tool (LAIT), and the Fingertips
 * comparison with the previous value; Friedman M (2005) Trying Hard Is Not
 * Good Enough, on reading a baseline's direction.
 *
 * Conventions:
 * - `values` are in period order, one per period, with null for a missing
 *   period; the latest is the last entry.
 * - Movement: 'up' when the change is above `tolerance` (default 0), 'down'
 *   when below −tolerance, 'flat' otherwise.
 * - Direction: 'no-change' for flat; for 'higher' polarity up is 'improving'
 *   and down 'worsening' (reversed for 'lower'); 'no-judgement' for polarity
 *   'none' (the movement still says up or down).
 * - Same period last year: `periodsPerYear` entries back (1 annual, 4
 *   quarterly, 12 monthly, 52 weekly).
 * - Run: the number of consecutive period-to-period moves, ending with the
 *   latest, that share the latest move's movement; a missing value ends it.
 * A comparison with a missing value has null change, movement and direction.
 *
 * @example
 * directionOfTravel([12, 11, 10, 9], { polarity: 'lower', periodsPerYear: 1 });
 * // previous: { from: 10, change: -1, movement: 'down', direction: 'improving' },
 * // run: { movement: 'down', direction: 'improving', length: 3 }, summary: 'improving for 3 periods'
 */
import { POLARITIES, type Polarity } from './types.js';
import { fail, requireInteger, requireNonNegative, requireOneOf, show } from './validate.js';

export type Movement = 'up' | 'down' | 'flat';
export type Travel = 'improving' | 'worsening' | 'no-change' | 'no-judgement';

export interface TravelComparison {
  /** The value compared with (null when missing or before the series starts). */
  from: number | null;
  /** latest − from; null when either is missing. */
  change: number | null;
  movement: Movement | null;
  direction: Travel | null;
}

export interface TravelRun {
  movement: Movement;
  direction: Travel;
  /** Number of consecutive periods moving this way, up to the latest. */
  length: number;
}

export interface DirectionOfTravel {
  latest: number | null;
  previous: TravelComparison;
  sameLastYear: TravelComparison;
  run: TravelRun | null;
  /** The run in words, e.g. 'improving for 3 periods'; null without a run. */
  summary: string | null;
}

export interface DirectionOptions {
  polarity: Polarity;
  /** Periods per year: 1 annual, 4 quarterly, 12 monthly, 52 weekly. */
  periodsPerYear: number;
  /** Changes no larger than this (in absolute value) count as no change; default 0. */
  tolerance?: number;
}

export function directionOfTravel(values: readonly (number | null)[], options: DirectionOptions): DirectionOfTravel {
  const method = 'directionOfTravel';
  if (!Array.isArray(values)) fail('NOT_FINITE', method, 'values to be an array of numbers or null', values);
  values.forEach((v, i) => {
    if (v !== null && (typeof v !== 'number' || !Number.isFinite(v))) {
      fail('NOT_FINITE', method, 'every value to be a finite number or null', v, `${show(v)} at index ${i}`);
    }
  });
  if (values.length < 1) fail('INSUFFICIENT_DATA', method, 'at least 1 value', values, '0');
  if (options === null || typeof options !== 'object') fail('INVALID_OPTION', method, 'options {polarity, periodsPerYear}', options);
  const polarity = requireOneOf(method, 'polarity', options.polarity, POLARITIES);
  const perYear = requireInteger(method, 'periodsPerYear', options.periodsPerYear, 1);
  const tolerance = requireNonNegative(method, 'tolerance', options.tolerance ?? 0);

  const movementOf = (change: number): Movement => (change > tolerance ? 'up' : change < -tolerance ? 'down' : 'flat');
  const travelOf = (m: Movement): Travel => {
    if (m === 'flat') return 'no-change';
    if (polarity === 'none') return 'no-judgement';
    return (m === 'up') === (polarity === 'higher') ? 'improving' : 'worsening';
  };
  const last = values.length - 1;
  const latest = values[last] ?? null;
  const compare = (index: number): TravelComparison => {
    const from = index >= 0 ? (values[index] ?? null) : null;
    if (latest === null || from === null) return { from, change: null, movement: null, direction: null };
    const change = latest - from;
    const movement = movementOf(change);
    return { from, change, movement, direction: travelOf(movement) };
  };

  const previous = compare(last - 1);
  const sameLastYear = compare(last - perYear);
  let run: TravelRun | null = null;
  if (previous.movement !== null) {
    let length = 1;
    for (let i = last - 1; i >= 1; i--) {
      const a = values[i - 1];
      const b = values[i];
      if (a === null || a === undefined || b === null || b === undefined || movementOf(b - a) !== previous.movement) break;
      length++;
    }
    run = { movement: previous.movement, direction: travelOf(previous.movement), length };
  }
  let summary: string | null = null;
  if (run !== null) {
    const word = run.direction === 'no-judgement' ? (run.movement === 'up' ? 'increasing' : 'decreasing') : run.direction;
    summary = `${word} for ${run.length} period${run.length === 1 ? '' : 's'}`;
  }
  return { latest, previous, sameLastYear, run, summary };
}
