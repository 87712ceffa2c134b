/**
 * The scale a baseline is fitted on, chosen by the measure's unit so that a forecast and its
 * interval, back-transformed, can never leave what the unit allows (METHODS.md §1):
 *
 * - counts and rates: the log scale (a constant rate of change; never below zero);
 * - percentages: the logit scale (never below 0% or above 100%);
 * - linear, only when asked: the measure's own scale, with intervals cut at the unit's bounds.
 *
 * Values on a bound have no log or logit. A count of 0 is fitted on ln(y + ½) (Tukey's started
 * log; a rate uses half its smallest non-zero value); a percentage of exactly 0 or 100 is
 * moved half a unit of its last shown decimal inside, or, where its counts are known, to
 * (x + ½)/(n + 1) (the empirical logit of Cox & Snell 1989, §2.1.6).
 */
import type { Measure } from '../../plan/types.js';
import type { ForecastMethod } from '../../config/config.js';

export type ScaleKind = 'log' | 'logit' | 'identity';

export interface ModelScale {
  kind: ScaleKind;
  /** The value on the model scale. */
  to(value: number, counts?: { numerator?: number; denominator?: number }): number;
  /** Back to the measure's scale, inside its bounds. */
  back(z: number): number;
  /** d(back)/dz at z: how a small change on the model scale shows on the measure's scale. */
  slope(z: number): number;
  /** What the unit allows. */
  lower: number;
  upper: number;
  /** Why this scale, in words. */
  reason: string;
}

/** Upper bound for a unit: 100 for percentages, none otherwise. */
export function unitBounds(measure: Pick<Measure, 'unit'>): { lower: number; upper: number } {
  return { lower: 0, upper: measure.unit.kind === 'percent' ? 100 : Infinity };
}

export function clampToUnit(value: number, measure: Pick<Measure, 'unit'>): number {
  const { lower, upper } = unitBounds(measure);
  return Math.min(upper, Math.max(lower, value));
}

/** The scale `method` asks for; `auto` follows the unit. */
export function scaleFor(method: ForecastMethod, measure: Pick<Measure, 'unit' | 'decimals'>, values: readonly number[]): ModelScale {
  const kind: ScaleKind =
    method === 'linear' ? 'identity' : method === 'loglinear' ? 'log' : method === 'logit' ? 'logit' : measure.unit.kind === 'percent' ? 'logit' : 'log';
  const asked = method !== 'auto' && method !== 'holt';
  if (kind === 'log') return logScale(measure, values, asked);
  if (kind === 'logit') return logitScale(measure, asked);
  return identityScale(measure);
}

function logScale(measure: Pick<Measure, 'unit'>, values: readonly number[], asked: boolean): ModelScale {
  const positive = values.filter((v) => v > 0);
  const needsStart = values.some((v) => v <= 0);
  const start = !needsStart ? 0 : measure.unit.kind === 'count' ? 0.5 : positive.length > 0 ? Math.min(...positive) / 2 : 0.5;
  const what = measure.unit.kind === 'count' ? 'a count' : 'a rate';
  const reason = asked
    ? `log-linear, as configured: a constant rate of change, never below zero`
    : `log-linear because this is ${what}: a constant rate of change, and a forecast that can never fall below zero`;
  return {
    kind: 'log',
    to: (v) => Math.log(v + start),
    back: (z) => Math.max(0, Math.exp(z) - start),
    slope: (z) => Math.exp(z),
    lower: 0,
    upper: Infinity,
    reason: start > 0 ? `${reason} (fitted on the log of the value plus ${start} because some values are 0)` : reason,
  };
}

function logitScale(measure: Pick<Measure, 'decimals'>, asked: boolean): ModelScale {
  const nudge = 10 ** -measure.decimals / 2;
  const logit = (p: number) => Math.log(p / (100 - p));
  return {
    kind: 'logit',
    to(v, counts) {
      if (v > 0 && v < 100) return logit(v);
      if (counts?.numerator !== undefined && counts.denominator !== undefined && counts.denominator > 0) {
        return logit((100 * (counts.numerator + 0.5)) / (counts.denominator + 1));
      }
      return logit(Math.min(100 - nudge, Math.max(nudge, v)));
    },
    back: (z) => 100 / (1 + Math.exp(-z)),
    slope: (z) => {
      const p = 1 / (1 + Math.exp(-z));
      return 100 * p * (1 - p);
    },
    lower: 0,
    upper: 100,
    reason: asked
      ? 'logit-linear, as configured: kept between 0% and 100%'
      : 'logit-linear because this is a percentage: changes slow near 0% and 100%, and a forecast that stays between them',
  };
}

function identityScale(measure: Pick<Measure, 'unit'>): ModelScale {
  const { lower, upper } = unitBounds(measure);
  return {
    kind: 'identity',
    to: (v) => v,
    back: (z) => Math.min(upper, Math.max(lower, z)),
    slope: () => 1,
    lower,
    upper,
    reason: `a straight line, as configured${upper === 100 ? ' (intervals cut at 0% and 100%)' : ' (intervals cut at zero)'}`,
  };
}

/** The scale of differences between two series on a model scale: no bounds, fitted as they are. */
export function differenceScale(): ModelScale {
  return { kind: 'identity', to: (v) => v, back: (z) => z, slope: () => 1, lower: -Infinity, upper: Infinity, reason: 'a straight line through the differences' };
}
