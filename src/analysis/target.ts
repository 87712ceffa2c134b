/**
 * Turning a configured target (`value`, `change`, `match: England`, `match: top-quartile`) into
 * a value at a period of the measure, with the rule in words.
 */
import type { Measure } from '../plan/types.js';
import type { Period } from '../data/types.js';
import type { TargetSpec } from '../config/config.js';
import { readPeriodRef } from './period-ref.js';
import { periodsAfter } from './timeline.js';
import { atWords, formatChange, formatValue, periodWords } from '../render/format.js';
import type { ResolvedTarget } from './baseline.js';

export interface TargetContext {
  /** The comparator area's latest value on or before a period, with its period label. */
  comparatorValue(area: string, by: Period): { value: number; period: string } | undefined;
  /** The best-quartile threshold among areas like this one, at the latest period on or before `by`. */
  topQuartile(by: Period): { value: number; period: string; areas: number } | undefined;
}

export type TargetOutcome = { ok: true; target: ResolvedTarget } | { ok: false; reason: string };

export function resolveTarget(spec: TargetSpec, measure: Measure, baseline: { period: Period; value: number }, horizon: string, context: TargetContext): TargetOutcome {
  const byText = spec.by ?? horizon;
  const ref = readPeriodRef(byText, measure);
  if (!ref) return { ok: false, reason: `the target date "${byText}" is not a date, year or ${measure.periodType} period` };
  const period = ref.kind === 'period' ? ref.period : periodsAfter(baseline.period, measure, ref.date).at(-1);
  if (!period || period.ordinal <= baseline.period.ordinal) {
    return { ok: false, reason: `the target date ${byText} is not after the baseline (${baseline.period.label})` };
  }
  const fmt = (v: number) => formatValue(v, measure);
  const by = periodWords(period.label);
  switch (spec.kind) {
    case 'value':
      return { ok: true, target: { value: spec.value, period, description: `${fmt(spec.value)} by ${by}` } };
    case 'change': {
      const value = spec.percent ? baseline.value * (1 + spec.change / 100) : baseline.value + spec.change;
      // Signed as every change in the pack is: +5%, −10%, −0.5 points.
      const change = spec.percent ? `${spec.change > 0 ? '+' : spec.change < 0 ? '−' : ''}${Math.abs(spec.change)}%` : formatChange(spec.change, measure);
      return { ok: true, target: { value, period, description: `${change} on the baseline (${fmt(baseline.value)} ${atWords(baseline.period.label)}) by ${by}: ${fmt(value)}` } };
    }
    case 'match': {
      const found = context.comparatorValue(spec.area, period);
      if (!found) return { ok: false, reason: `no ${spec.area} value on or before ${period.label} to match` };
      return { ok: true, target: { value: found.value, period, description: `match ${spec.area} (${fmt(found.value)} ${atWords(found.period)}) by ${by}` } };
    }
    case 'top-quartile': {
      if (measure.unit.kind === 'count') return { ok: false, reason: 'a count has no top quartile, as areas differ in size; set the target on a rate' };
      const found = context.topQuartile(period);
      if (!found) return { ok: false, reason: `fewer than 4 comparable areas have values on or before ${period.label}, so there is no top quartile` };
      return { ok: true, target: { value: found.value, period, description: `reach the top quartile of ${found.areas} areas (${fmt(found.value)} ${atWords(found.period)}) by ${by}` } };
    }
  }
}
