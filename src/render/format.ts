/**
 * Number and period formatting in one house style. Written by hand rather than with
 * `Intl` so output is the same on every machine and locale.
 */
import type { Measure, Unit } from '../plan/types.js';
import type { MissingMarker, Observation, StatusFlag } from '../data/types.js';
import { markerMeaning } from '../data/value.js';
import { MONTH_NAMES } from '../data/calendar.js';
import { ILLUSTRATIVE_MARK, isIllustrative } from '../data/illustrative.js';

/** `1234567.891, 2` → `1,234,567.89`. Rounds half away from zero; never prints `-0`. */
export function formatNumber(value: number, decimals: number): string {
  const factor = 10 ** decimals;
  const rounded = Math.sign(value) * Math.round(Math.abs(value) * factor + Number.EPSILON * factor) / factor;
  const fixed = (Object.is(rounded, -0) ? 0 : rounded).toFixed(decimals);
  const [whole, fraction] = fixed.split('.');
  const sign = whole!.startsWith('-') ? '-' : '';
  const digits = whole!.replace('-', '').replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return sign + digits + (fraction ? '.' + fraction : '');
}

/** The unit as words after a value: `%`, ` per 1,000`, or nothing for counts. */
export function unitSuffix(unit: Unit): string {
  if (unit.kind === 'percent') return '%';
  if (unit.kind === 'rate') return ` per ${formatNumber(unit.per, 0)}`;
  return '';
}

export function unitLabel(unit: Unit): string {
  if (unit.kind === 'percent') return 'per cent';
  if (unit.kind === 'rate') return `rate per ${formatNumber(unit.per, 0)}`;
  return 'number';
}

/** A value with its unit at the measure's decimal places: `1,245`, `6.3%`, `37.6 per 1,000`. */
export function formatValue(value: number, measure: Pick<Measure, 'unit' | 'decimals'>): string {
  return formatNumber(value, measure.decimals) + unitSuffix(measure.unit);
}

/** A range with its unit once: `1,237 to 1,614`, `94.1 to 95.3%`, `81.6 to 102.5 per 10,000`. */
export function formatRange(lower: number, upper: number, measure: Pick<Measure, 'unit' | 'decimals'>): string {
  return `${formatNumber(lower, measure.decimals)} to ${formatValue(upper, measure)}`;
}

/** "at 31 March 2015" for a snapshot date, "in 2014/15" for any other period. */
export function atWords(label: string): string {
  return /^\d{4}-\d{2}-\d{2}$/.test(label) ? `at ${periodWords(label)}` : `in ${periodWords(label)}`;
}

/** A difference with its sign: `+29`, `−318`, `+0.4 points` for percentages. */
export function formatChange(delta: number, measure: Pick<Measure, 'unit' | 'decimals'>): string {
  const text = formatNumber(Math.abs(delta), measure.decimals);
  const zero = /^[0.,]+$/.test(text);
  const sign = zero ? '' : delta > 0 ? '+' : '−';
  const unit = measure.unit.kind === 'percent' ? ' points' : unitSuffix(measure.unit);
  return sign + text + unit;
}

/** What each missing-value marker means, in words. */
export const MISSING_WORDS: Record<MissingMarker, string> = Object.fromEntries(
  (['c', 'x', 'z', 'low', 'u', '..', 'error'] as const).map((m) => [m, markerMeaning(m)]),
) as Record<MissingMarker, string>;

export const STATUS_WORDS: Record<StatusFlag, string> = {
  p: 'provisional',
  r: 'revised',
  e: 'estimated',
  b: 'break in series',
  f: 'forecast',
  u: 'low reliability',
};

/** A cell for an observation: the value with its status flags (◇ when illustrative), or its missing marker. */
export function formatObservation(o: Observation, measure: Pick<Measure, 'unit' | 'decimals'>): string {
  const flags = o.status.map((s) => `[${s}]`).join('');
  if (o.value === null) return `${o.missing ?? 'x'}${flags ? ' ' + flags : ''}`;
  return formatValue(o.value, measure) + (isIllustrative(o) ? ` ${ILLUSTRATIVE_MARK}` : '') + (flags ? ' ' + flags : '');
}

/** A period as people say it: "31 March 2015", "2014/15", "March 2015", "week 10 of 2015". */
export function periodWords(label: string): string {
  let m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(label);
  if (m) return `${Number(m[3])} ${MONTH_NAMES[Number(m[2]) - 1]} ${m[1]}`;
  m = /^(\d{4})-(\d{2})$/.exec(label);
  if (m) return `${MONTH_NAMES[Number(m[2]) - 1]} ${m[1]}`;
  m = /^(\d{4})-W(\d{2})$/.exec(label);
  if (m) return `week ${Number(m[2])} of ${m[1]}`;
  m = /^(\d{4})-Q(\d)$/.exec(label);
  if (m) return `quarter ${m[2]} of ${m[1]}`;
  return label;
}

/** A small count in words, as prose writes it: "three", "12". */
export function countWords(n: number): string {
  return ['no', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten'][n] ?? formatNumber(n, 0);
}

/** "1 outcome", "5 outcomes", "12 priorities": a number with its noun agreeing. */
export function counted(n: number, one: string, many = `${one}s`): string {
  return `${formatNumber(n, 0)} ${n === 1 ? one : many}`;
}

/** "the three obsessions", "the one obsession": counted, never fixed text. */
export function obsessionsWords(n: number): string {
  return `the ${countWords(n)} obsession${n === 1 ? '' : 's'}`;
}
