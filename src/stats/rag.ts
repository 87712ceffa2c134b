/**
 * Red/amber/green (RAG) rating of an actual value against its expected value
 * (the trajectory or target for the period), with a tolerance and, optionally,
 * direction of travel.
 *
 * Reference: there is no single national rule. This follows common council
 * performance-report practice (e.g. the "amber = off target but improved on
 * the same period last year" rule used in many local authority scorecards);
 * Friedman M (2005) Trying Hard Is Not Good Enough, on judging performance
 * against a baseline and target. The rule used is returned in words so that
 * it is printed with the result.
 *
 * Conventions:
 * - green: actual at or better than expected (≥ for polarity 'higher', ≤ for 'lower');
 * - amber: worse than expected, but by no more than the tolerance (ends
 *   included), where the tolerance is `{ absolute: d }` in the indicator's
 *   units or `{ percent: q }` meaning q% of |expected|; or, with
 *   `rule: 'amber-if-improved'`, worse by more than the tolerance but
 *   `improvedOnLastYear` is true;
 * - red: otherwise;
 * - polarity 'none': 'none' (no judgement).
 * The default tolerance is 0 (no amber band from tolerance) and the default
 * rule is 'tolerance'.
 *
 * @example
 * ragRating({ actual: 47, expected: 50, polarity: 'higher', tolerance: { percent: 10 } });
 * // { rag: 'amber', rule: 'Green if at or above the expected value 50; amber if below it by no more than 10% of 50 (5); red otherwise.' }
 */
import { POLARITIES, type Polarity } from './types.js';
import { fail, requireFinite, requireNonNegative, requireOneOf } from './validate.js';

export type Rag = 'green' | 'amber' | 'red' | 'none';
export type RagTolerance = { absolute: number; percent?: never } | { percent: number; absolute?: never };
export type RagRule = 'tolerance' | 'amber-if-improved';

export interface RagInput {
  actual: number;
  /** The trajectory or target value for the same period. */
  expected: number;
  polarity: Polarity;
  /** How far worse than expected still counts as amber; default none. */
  tolerance?: RagTolerance;
  /** With rule 'amber-if-improved': whether the actual improved on the same period last year. */
  improvedOnLastYear?: boolean;
  /** 'tolerance' (default) or 'amber-if-improved'. */
  rule?: RagRule;
}

export interface RagResult {
  rag: Rag;
  /** The rule applied, in words, to print with the result. */
  rule: string;
}

function fmt(x: number): string {
  return String(Number(x.toPrecision(6)));
}

export function ragRating(input: RagInput): RagResult {
  const method = 'ragRating';
  if (input === null || typeof input !== 'object') fail('NOT_FINITE', method, 'an input object', input);
  const actual = requireFinite(method, 'actual', input.actual);
  const expected = requireFinite(method, 'expected', input.expected);
  const polarity = requireOneOf(method, 'polarity', input.polarity, POLARITIES);
  const rule = requireOneOf(method, 'rule', input.rule ?? 'tolerance', ['tolerance', 'amber-if-improved']);
  let tolerance = 0;
  let toleranceWords = '';
  const tol = input.tolerance;
  if (tol !== undefined) {
    if (tol === null || typeof tol !== 'object') fail('INVALID_OPTION', method, 'tolerance to be {absolute} or {percent}', tol);
    if (tol.absolute !== undefined && tol.percent !== undefined) {
      fail('INVALID_OPTION', method, 'tolerance to be {absolute} or {percent}, not both', tol, 'both');
    }
    if (tol.absolute !== undefined) {
      tolerance = requireNonNegative(method, 'tolerance.absolute', tol.absolute);
      toleranceWords = `${fmt(tolerance)}`;
    } else if (tol.percent !== undefined) {
      const q = requireNonNegative(method, 'tolerance.percent', tol.percent);
      tolerance = (Math.abs(expected) * q) / 100;
      toleranceWords = `${fmt(q)}% of ${fmt(Math.abs(expected))} (${fmt(tolerance)})`;
    } else {
      fail('INVALID_OPTION', method, 'tolerance to be {absolute} or {percent}', tol, 'neither');
    }
  }
  const improved = input.improvedOnLastYear;
  if (improved !== undefined && typeof improved !== 'boolean') {
    fail('INVALID_OPTION', method, 'improvedOnLastYear to be true or false', improved);
  }

  if (polarity === 'none') {
    return { rag: 'none', rule: 'No RAG rating: the indicator has no polarity (neither higher nor lower is better).' };
  }

  const higher = polarity === 'higher';
  const [atOrBetter, worse] = higher ? ['at or above', 'below'] : ['at or below', 'above'];
  const shortfall = higher ? expected - actual : actual - expected;
  const amberParts: string[] = [];
  if (tolerance > 0) amberParts.push(`${worse} it by no more than ${toleranceWords}`);
  if (rule === 'amber-if-improved') {
    amberParts.push(
      improved === undefined
        ? `${worse} it but improved on the same period last year (not known here)`
        : `${worse} it but improved on the same period last year`,
    );
  }
  const words =
    `Green if ${atOrBetter} the expected value ${fmt(expected)}; ` +
    (amberParts.length > 0 ? `amber if ${amberParts.join(', or ')}; red otherwise.` : 'red otherwise (no amber band).');

  let rag: Rag;
  if (shortfall <= 0) rag = 'green';
  else if (shortfall <= tolerance) rag = 'amber';
  else if (rule === 'amber-if-improved' && improved === true) rag = 'amber';
  else rag = 'red';
  return { rag, rule: words };
}
