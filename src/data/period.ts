/**
 * Periods: reading the many ways published files write a period, and arithmetic on them.
 *
 * Every notation is normalised to ONE canonical label per period type (METHODS.md §8):
 *
 * | type | accepted | canonical |
 * |---|---|---|
 * | calendar-year | `2013` | `2013` |
 * | academic-year (Sep–Aug), financial-year (Apr–Mar) | `2012/13`, `2012-13`, `2012/2013`, `2012-2013`, `2012 to 2013`, `201213` (DfE/EES), `FY2012-13`, `FY 2012/13` (financial only) | `2012/13` |
 * | quarter | `2013 Q2`, `2013-Q2`, `2013Q2`, `Q2 2013`, `Q2-2013` | `2013-Q2` |
 * | month | `2013-03`, `2013/03`, `03/2013`, `Mar 2013`, `March 2013`, `Mar-2013` | `2013-03` |
 * | week (ISO 8601) | `2013-W39`, `2013W39` | `2013-W39` |
 * | date | `2013-03-31`, `31/03/2013` (day first), `31 March 2013`, `31 Mar 2013`, `31-Mar-2013` | `2013-03-31` |
 *
 * Anything ambiguous is rejected rather than guessed, and the reason says what to write instead:
 * a bare `2013` for an academic-year, financial-year or date measure (unless a source mapping
 * gives a `periodFormat`), `2011/12` for a month (December 2011, or the year 2011/12?), a
 * two-digit year, an ISO week-date with a day (`2013-W39-1`), a week 53 in a year that has 52.
 *
 * The functions here are pure: text in, values out; nothing throws on bad input.
 */
import type { Frequency, PeriodType } from '../plan/types.js';
import type { Period } from './types.js';
import { quote } from './issues.js';

/** No period notation is longer; a longer cell is refused before any pattern runs over it. */
const MAX_PERIOD_LENGTH = 40;
import {
  civilFromDays,
  daysFromCivil,
  daysInMonth,
  isoDate,
  isoDateOf,
  isoWeekOf,
  isoWeekOneMonday,
  isoWeeksInYear,
  isValidDate,
  MONTH_NAMES,
  monthFromName,
} from './calendar.js';

/**
 * How a source file writes its periods, where the text alone does not say:
 * - `yyyyyy`: six digits, `201819` = 2018/19 (DfE / Explore Education Statistics `time_period`);
 * - `year-ending-march`: a bare year is the snapshot date 31 March of that year (`2021` → `2021-03-31`);
 * - `academic-start` / `academic-end`: a bare year is the academic year starting / ending in it
 *   (`2011` → `2011/12` / `2010/11`); `financial-start` / `financial-end` likewise for financial years.
 */
export type PeriodFormat =
  | 'yyyyyy'
  | 'year-ending-march'
  | 'academic-start'
  | 'academic-end'
  | 'financial-start'
  | 'financial-end';

export const PERIOD_FORMATS: readonly PeriodFormat[] = [
  'yyyyyy',
  'year-ending-march',
  'academic-start',
  'academic-end',
  'financial-start',
  'financial-end',
];

export const PERIOD_TYPES: readonly PeriodType[] = [
  'calendar-year',
  'academic-year',
  'financial-year',
  'quarter',
  'month',
  'week',
  'date',
];

/** The result of reading a period: never throws. */
export type PeriodResult =
  | { ok: true; period: Period }
  | {
      ok: false;
      /** `WRONG_PERIOD_TYPE` when the text is a good period of another type (`foundType`). */
      code: 'BAD_PERIOD' | 'WRONG_PERIOD_TYPE';
      /** What is wrong: "expected X, got Y". */
      reason: string;
      /** What to do about it. */
      fix: string;
      foundType?: PeriodType;
    };

/** Years accepted in any period. */
export const MIN_YEAR = 1900;
export const MAX_YEAR = 2100;

/** "a month such as 2013-03": used in messages. */
export function describePeriodType(type: PeriodType): string {
  switch (type) {
    case 'calendar-year':
      return 'a calendar year such as 2013';
    case 'academic-year':
      return 'an academic year such as 2012/13';
    case 'financial-year':
      return 'a financial year such as 2012/13';
    case 'quarter':
      return 'a quarter such as 2013-Q2';
    case 'month':
      return 'a month such as 2013-03';
    case 'week':
      return 'an ISO week such as 2013-W39';
    case 'date':
      return 'a date such as 2013-03-31';
  }
}

/** The canonical example of a period type: `2012/13`, `2013-Q2` … */
export function examplePeriod(type: PeriodType): string {
  return describePeriodType(type).replace(/^.* such as /, '');
}

/** Which period formats apply to which period type. */
export function formatAppliesTo(format: PeriodFormat): PeriodType[] {
  switch (format) {
    case 'yyyyyy':
      return ['academic-year', 'financial-year'];
    case 'year-ending-march':
      return ['date'];
    case 'academic-start':
    case 'academic-end':
      return ['academic-year'];
    case 'financial-start':
    case 'financial-end':
      return ['financial-year'];
  }
}

// ---------------------------------------------------------------------------------------------
// Construction from ordinals

const pad2 = (n: number) => String(n).padStart(2, '0');

function yearPairLabel(start: number): string {
  return `${start}/${pad2((((start + 1) % 100) + 100) % 100)}`;
}

/**
 * The period of a type with a given ordinal (see `Period.ordinal`): years → the (starting) year;
 * quarters → year×4 + (q−1); months → year×12 + (m−1); ISO weeks → weeks since Monday
 * 1970-01-05; dates → days since 1970-01-01.
 *
 * @example periodFromOrdinal('academic-year', 2012).label // '2012/13'
 * @example periodFromOrdinal('quarter', 2013 * 4 + 1).label // '2013-Q2'
 */
export function periodFromOrdinal(type: PeriodType, ordinal: number): Period {
  if (!Number.isInteger(ordinal)) throw new RangeError(`periodFromOrdinal requires a whole number, got ${ordinal}`);
  switch (type) {
    case 'calendar-year':
      return { type, label: String(ordinal), start: isoDateOf(ordinal, 1, 1), end: isoDateOf(ordinal, 12, 31), ordinal };
    case 'academic-year':
      return { type, label: yearPairLabel(ordinal), start: isoDateOf(ordinal, 9, 1), end: isoDateOf(ordinal + 1, 8, 31), ordinal };
    case 'financial-year':
      return { type, label: yearPairLabel(ordinal), start: isoDateOf(ordinal, 4, 1), end: isoDateOf(ordinal + 1, 3, 31), ordinal };
    case 'quarter': {
      const year = Math.floor(ordinal / 4);
      const q = ordinal - year * 4 + 1;
      const lastMonth = q * 3;
      return {
        type,
        label: `${year}-Q${q}`,
        start: isoDateOf(year, lastMonth - 2, 1),
        end: isoDateOf(year, lastMonth, daysInMonth(year, lastMonth)),
        ordinal,
      };
    }
    case 'month': {
      const year = Math.floor(ordinal / 12);
      const month = ordinal - year * 12 + 1;
      return {
        type,
        label: `${year}-${pad2(month)}`,
        start: isoDateOf(year, month, 1),
        end: isoDateOf(year, month, daysInMonth(year, month)),
        ordinal,
      };
    }
    case 'week': {
      const monday = ordinal * 7 + 4; // 1970-01-05 is day 4
      const { isoYear, week } = isoWeekOf(monday);
      return { type, label: `${isoYear}-W${pad2(week)}`, start: isoDate(monday), end: isoDate(monday + 6), ordinal };
    }
    case 'date': {
      const label = isoDate(ordinal);
      return { type, label, start: label, end: label, ordinal };
    }
  }
}

/** The canonical label of a period (its `label`). */
export function formatPeriod(period: Period): string {
  return period.label;
}

/**
 * The period `steps` periods after (or before, if negative) this one. Snapshot dates step by the
 * measure's frequency (a year by default), keeping the day of the month where it exists
 * (31 May + 1 month → 30 June … but 31 March + 1 year → 31 March).
 */
export function addPeriods(period: Period, steps: number, frequency: Frequency = 'annual'): Period {
  if (period.type !== 'date') return periodFromOrdinal(period.type, period.ordinal + steps);
  if (frequency === 'weekly') return periodFromOrdinal('date', period.ordinal + 7 * steps);
  const months = steps * (frequency === 'annual' ? 12 : frequency === 'quarterly' ? 3 : 1);
  const { year, month, day } = civilFromDays(period.ordinal);
  const m0 = year * 12 + (month - 1) + months;
  const y = Math.floor(m0 / 12);
  const m = m0 - y * 12 + 1;
  // Month-end snapshots stay at month end (28 Feb 2013 + 1 year → 28 Feb 2014; 29 Feb 2012 → 28 Feb 2013).
  const wasMonthEnd = day === daysInMonth(year, month);
  const d = wasMonthEnd ? daysInMonth(y, m) : Math.min(day, daysInMonth(y, m));
  return periodFromOrdinal('date', daysFromCivil(y, m, d));
}

/** The next period of the same type (snapshot dates: one step of `frequency`, default a year). */
export function nextPeriod(period: Period, frequency: Frequency = 'annual'): Period {
  return addPeriods(period, 1, frequency);
}

/**
 * A period's position on a time axis in units of the measure's frequency, for regression:
 * years for annual measures, quarters for quarterly, months for monthly, weeks for weekly.
 * A period whose type matches the frequency gives its ordinal (`2012/13` → 2012 years,
 * `2013-Q2` → 8053 quarters). Snapshot dates are placed by calendar month, so that snapshots on
 * the same day each year are exactly one year apart, leap years or not: in months,
 * year×12 + (month−1) + (day−1)/days-in-month; in years that ÷ 12; in quarters ÷ 3. Weekly:
 * days since 1970-01-01 ÷ 7. Other combinations convert through the period's first day.
 *
 * @example periodTime(parsePeriod('2014-03-31', 'date').period, 'annual') - periodTime(parsePeriod('2013-03-31', 'date').period, 'annual') // 1
 */
export function periodTime(period: Period, frequency: Frequency): number {
  const o = period.ordinal;
  switch (period.type) {
    case 'calendar-year':
    case 'academic-year':
    case 'financial-year':
      if (frequency === 'annual') return o;
      if (frequency === 'quarterly') return o * 4;
      if (frequency === 'monthly') return o * 12;
      break;
    case 'quarter':
      if (frequency === 'quarterly') return o;
      if (frequency === 'annual') return o / 4;
      if (frequency === 'monthly') return o * 3;
      break;
    case 'month':
      if (frequency === 'monthly') return o;
      if (frequency === 'annual') return o / 12;
      if (frequency === 'quarterly') return o / 3;
      break;
    case 'week':
      if (frequency === 'weekly') return o;
      break;
    case 'date':
      break;
  }
  // Through the first day of the period.
  const days = period.type === 'date' ? o : daysFromIso(period.start);
  if (frequency === 'weekly') return days / 7;
  const { year, month, day } = civilFromDays(days);
  const months = year * 12 + month - 1 + (day - 1) / daysInMonth(year, month);
  return frequency === 'monthly' ? months : frequency === 'quarterly' ? months / 3 : months / 12;
}

function daysFromIso(iso: string): number {
  const [y, m, d] = iso.split('-').map(Number);
  return daysFromCivil(y!, m!, d!);
}

// ---------------------------------------------------------------------------------------------
// Reading

/** What one notation reader found: a period, a recognised-but-invalid notation, or nothing. */
type Reading = { period: Period } | { invalid: string; fix?: string; ambiguous?: boolean } | undefined;

const yearOk = (y: number) => y >= MIN_YEAR && y <= MAX_YEAR;
const yearRange = (y: number): { invalid: string; fix: string } => ({
  invalid: `expected a year from ${MIN_YEAR} to ${MAX_YEAR}, got ${y}`,
  fix: 'check the year',
});

function readCalendarYear(s: string): Reading {
  const m = /^(\d{4})$/.exec(s);
  if (!m) return undefined;
  const y = Number(m[1]);
  if (!yearOk(y)) return yearRange(y);
  return { period: periodFromOrdinal('calendar-year', y) };
}

/** Year pairs (academic and financial years). `fy` is true when written with an `FY` prefix. */
function readYearPair(s: string, type: 'academic-year' | 'financial-year'): Reading {
  let m = /^(FY\s*)?(\d{4})\s*(?:\/|-|–|\s+to\s+)\s*(\d{2}|\d{4})$/i.exec(s);
  let fy = false;
  let first: number;
  let second: string;
  if (m) {
    fy = m[1] !== undefined;
    first = Number(m[2]);
    second = m[3]!;
  } else {
    m = /^(\d{4})(\d{2})$/.exec(s);
    if (!m) return undefined;
    first = Number(m[1]);
    second = m[2]!;
  }
  if (fy && type === 'academic-year') return undefined; // an FY prefix says financial
  if (!yearOk(first)) return yearRange(first);
  const next = second.length === 2 ? (first + 1) % 100 : first + 1;
  if (Number(second) !== next) {
    return { invalid: `expected the second year to follow the first, got ${quote(s)}`, fix: `write the year as ${yearPairLabel(first)}` };
  }
  return { period: periodFromOrdinal(type, first) };
}

function readQuarter(s: string): Reading {
  const m = /^(\d{4})\s*-?\s*Q(\d)$/i.exec(s) ?? /^Q(\d)\s*-?\s*(\d{4})$/i.exec(s);
  if (!m) return undefined;
  const yearFirst = /^\d{4}/.test(s);
  const y = Number(yearFirst ? m[1] : m[2]);
  const q = Number(yearFirst ? m[2] : m[1]);
  if (q < 1 || q > 4) return { invalid: `expected a quarter Q1 to Q4, got ${quote(s)}`, fix: 'write the quarter as e.g. 2013-Q2' };
  if (!yearOk(y)) return yearRange(y);
  return { period: periodFromOrdinal('quarter', y * 4 + q - 1) };
}

function month(y: number, mo: number, text: string): Reading {
  if (mo < 1 || mo > 12) return { invalid: `expected a month 1 to 12, got ${mo} in "${text}"`, fix: 'write the month as YYYY-MM, e.g. 2013-03' };
  if (!yearOk(y)) return yearRange(y);
  return { period: periodFromOrdinal('month', y * 12 + mo - 1) };
}

function readMonth(s: string): Reading {
  let m = /^(\d{4})-(\d{1,2})$/.exec(s);
  if (m) return month(Number(m[1]), Number(m[2]), s);
  m = /^(\d{4})\/(\d{1,2})$/.exec(s);
  if (m) {
    const y = Number(m[1]);
    const mo = Number(m[2]);
    if (m[2]!.length === 2 && mo === (y + 1) % 100) {
      return {
        invalid: `"${s}" is ambiguous: it could be ${MONTH_NAMES[mo - 1] ?? 'a month'} ${y} or the year ${yearPairLabel(y)}`,
        fix: `write the month as ${y}-${pad2(mo)}`,
        ambiguous: true,
      };
    }
    return month(y, mo, s);
  }
  m = /^(\d{1,2})\/(\d{4})$/.exec(s);
  if (m) return month(Number(m[2]), Number(m[1]), s);
  m = /^([A-Za-z]+)\.?[\s-]*(\d{4})$/.exec(s);
  if (m) {
    const mo = monthFromName(m[1]!);
    if (mo === undefined) return undefined;
    return month(Number(m[2]), mo, s);
  }
  m = /^([A-Za-z]+)\.?[\s-](\d{2})$/.exec(s);
  if (m && monthFromName(m[1]!) !== undefined) {
    return { invalid: `expected a four-digit year, got ${quote(s)}`, fix: `write the month as e.g. ${m[1]} 20${m[2]}` };
  }
  return undefined;
}

function readWeek(s: string): Reading {
  let m = /^(\d{4})-?W(\d{2})-?([1-7])$/i.exec(s);
  if (m) return { invalid: `expected a week, got ${quote(s)}, which is a day (an ISO week date)`, fix: `write the week as ${m[1]}-W${pad2(Number(m[2]))}` };
  m = /^(\d{4})\s*-?\s*W(\d{1,2})$/i.exec(s);
  if (!m) return undefined;
  const y = Number(m[1]);
  const w = Number(m[2]);
  if (!yearOk(y)) return yearRange(y);
  const weeks = isoWeeksInYear(y);
  if (w < 1 || w > weeks) return { invalid: `expected a week 1 to ${weeks} (ISO year ${y} has ${weeks} weeks), got ${quote(s)}`, fix: 'check the week number' };
  const monday = isoWeekOneMonday(y) + (w - 1) * 7;
  return { period: periodFromOrdinal('week', (monday - 4) / 7) };
}

function date(y: number, mo: number, d: number, text: string): Reading {
  if (!yearOk(y)) return yearRange(y);
  if (mo < 1 || mo > 12) return { invalid: `expected a month 1 to 12, got ${mo} in "${text}"`, fix: 'write the date as YYYY-MM-DD (dates with slashes are read day first, DD/MM/YYYY)' };
  if (!isValidDate(y, mo, d)) {
    return { invalid: `expected a date, got "${text}", but ${MONTH_NAMES[mo - 1]} ${y} has ${daysInMonth(y, mo)} days`, fix: 'check the day' };
  }
  return { period: periodFromOrdinal('date', daysFromCivil(y, mo, d)) };
}

function readDate(s: string): Reading {
  let m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(s);
  if (m) return date(Number(m[1]), Number(m[2]), Number(m[3]), s);
  m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(s);
  if (m) return date(Number(m[3]), Number(m[2]), Number(m[1]), s);
  m = /^(\d{1,2})\/(\d{1,2})\/(\d{2})$/.exec(s);
  if (m) return { invalid: `expected a four-digit year, got ${quote(s)}`, fix: 'write the date as YYYY-MM-DD' };
  m = /^(\d{1,2})(?:st|nd|rd|th)?[\s-]+([A-Za-z]+)\.?,?[\s-]+(\d{4})$/i.exec(s);
  if (m) {
    const mo = monthFromName(m[2]!);
    if (mo === undefined) return { invalid: `expected a month name, got "${m[2]}" in "${s}"`, fix: 'write the date as YYYY-MM-DD' };
    return date(Number(m[3]), mo, Number(m[1]), s);
  }
  m = /^\d{4}-\d{1,2}-\d{1,2}[T ]\d{1,2}:\d{2}/.exec(s);
  if (m) return { invalid: `expected a date, got ${quote(s)}, which has a time of day`, fix: 'write the date alone as YYYY-MM-DD' };
  return undefined;
}

function readAs(type: PeriodType, s: string): Reading {
  switch (type) {
    case 'calendar-year':
      return readCalendarYear(s);
    case 'academic-year':
    case 'financial-year':
      return readYearPair(s, type);
    case 'quarter':
      return readQuarter(s);
    case 'month':
      return readMonth(s);
    case 'week':
      return readWeek(s);
    case 'date':
      return readDate(s);
  }
}

/** What a period of another type is called in messages. */
function typeName(type: PeriodType, text: string): string {
  switch (type) {
    case 'calendar-year':
      return 'a calendar year';
    case 'academic-year':
      return /^FY/i.test(text) ? 'a financial year' : 'an academic or financial year';
    case 'financial-year':
      return 'a financial year';
    case 'quarter':
      return 'a quarter';
    case 'month':
      return 'a month';
    case 'week':
      return 'an ISO week';
    case 'date':
      return 'a date';
  }
}

/** The first other period type the text is a good period of (calendar year last). */
function otherType(s: string, except: PeriodType | undefined): { type: PeriodType; period: Period } | undefined {
  // Year pairs are written alike for academic and financial years; only an FY prefix tells them apart.
  const pairType: PeriodType = /^FY/i.test(s) ? 'financial-year' : 'academic-year';
  const order: PeriodType[] = ['date', 'week', 'quarter', 'month', pairType, 'calendar-year'];
  for (const type of order) {
    if (type === except) continue;
    if (type === 'academic-year' && except === 'financial-year') continue;
    const r = readAs(type, s);
    if (r && 'period' in r) return { type, period: r.period };
  }
  return undefined;
}

function applyFormat(s: string, type: PeriodType, format: PeriodFormat): PeriodResult | undefined {
  if (!formatAppliesTo(format).includes(type)) {
    return {
      ok: false,
      code: 'BAD_PERIOD',
      reason: `periodFormat ${format} applies to ${formatAppliesTo(format).join(' or ')} measures, not ${type}`,
      fix: 'change or remove periodFormat in the source mapping',
    };
  }
  const bare = /^(\d{4})$/.exec(s);
  switch (format) {
    case 'yyyyyy': {
      if (!/^\d{6}$/.test(s)) {
        return { ok: false, code: 'BAD_PERIOD', reason: `expected six digits such as 201213 (periodFormat yyyyyy), got ${quote(s)}`, fix: 'check the period column, or change periodFormat' };
      }
      return undefined; // the year-pair reader handles six digits
    }
    case 'year-ending-march':
      if (bare) {
        const y = Number(bare[1]);
        if (!yearOk(y)) return { ok: false, code: 'BAD_PERIOD', reason: yearRange(y).invalid, fix: yearRange(y).fix };
        return { ok: true, period: periodFromOrdinal('date', daysFromCivil(y, 3, 31)) };
      }
      return undefined;
    case 'academic-start':
    case 'academic-end':
    case 'financial-start':
    case 'financial-end':
      if (bare) {
        const y = Number(bare[1]);
        const start = format.endsWith('-end') ? y - 1 : y;
        if (!yearOk(start)) return { ok: false, code: 'BAD_PERIOD', reason: yearRange(start).invalid, fix: yearRange(start).fix };
        return { ok: true, period: periodFromOrdinal(type, start) };
      }
      return undefined;
  }
}

/**
 * Reads a period written in any accepted notation (see the module comment) as a period of
 * `expectedType`, or, without one, of whatever type the notation says (a year pair then needs an
 * `FY` prefix, since academic and financial years are otherwise written alike).
 *
 * @example parsePeriod('FY 2012/13', 'financial-year') // { ok: true, period: { label: '2012/13', start: '2012-04-01', … } }
 * @example parsePeriod('2013-Q2', 'academic-year') // { ok: false, code: 'WRONG_PERIOD_TYPE', foundType: 'quarter', … }
 * @example parsePeriod('2021', 'date', 'year-ending-march') // { ok: true, period: { label: '2021-03-31', … } }
 */
export function parsePeriod(text: string, expectedType?: PeriodType, format?: PeriodFormat): PeriodResult {
  if (text.length > MAX_PERIOD_LENGTH * 4) {
    return { ok: false, code: 'BAD_PERIOD', reason: `expected a period, got a cell of ${text.length} characters starting ${quote(text.trim(), 24)}`, fix: 'check the period column' };
  }
  const s = text.trim().replace(/\s+/g, ' ');
  if (s.length > MAX_PERIOD_LENGTH) {
    return { ok: false, code: 'BAD_PERIOD', reason: `expected a period, got a cell of ${s.length} characters starting ${quote(s, 24)}`, fix: 'check the period column' };
  }
  if (s === '') {
    return {
      ok: false,
      code: 'BAD_PERIOD',
      reason: `expected ${expectedType ? describePeriodType(expectedType) : 'a period such as 2013, 2012/13 or 2013-03-31'}, got an empty cell`,
      fix: 'write the period',
    };
  }
  if (expectedType === undefined) {
    for (const type of ['date', 'week', 'quarter', 'month', 'calendar-year'] as const) {
      const r = readAs(type, s);
      if (r && 'period' in r) return { ok: true, period: r.period };
    }
    const fin = readYearPair(s, 'financial-year');
    if (fin && 'period' in fin) {
      if (/^FY/i.test(s)) return { ok: true, period: fin.period };
      return {
        ok: false,
        code: 'BAD_PERIOD',
        reason: `"${s}" could be an academic year (September to August) or a financial year (April to March)`,
        fix: 'read it for a measure, whose period type says which',
      };
    }
    return {
      ok: false,
      code: 'BAD_PERIOD',
      reason: `expected a period such as 2013, 2012/13, 2013-Q2, 2013-03, 2013-W39 or 2013-03-31, got ${quote(s)}`,
      fix: 'correct the period',
    };
  }

  if (format !== undefined) {
    const r = applyFormat(s, expectedType, format);
    if (r) return r;
  }

  const r = readAs(expectedType, s);
  if (r && 'period' in r) return { ok: true, period: r.period };
  if (r && r.ambiguous) return { ok: false, code: 'BAD_PERIOD', reason: r.invalid, fix: r.fix ?? 'correct the period' };

  // A bare year where a year pair or a date is needed is ambiguous, not a wrong type.
  if (/^\d{4}$/.test(s) && (expectedType === 'academic-year' || expectedType === 'financial-year')) {
    const y = Number(s);
    const kind = expectedType === 'academic-year' ? 'academic' : 'financial';
    return {
      ok: false,
      code: 'BAD_PERIOD',
      reason: `expected ${describePeriodType(expectedType)}, got ${quote(s)}, which is ambiguous: it could be ${yearPairLabel(y - 1)} or ${yearPairLabel(y)}`,
      fix: `write ${yearPairLabel(y - 1)} or ${yearPairLabel(y)}, or give the source mapping periodFormat: ${kind}-end or ${kind}-start`,
    };
  }
  if (/^\d{4}$/.test(s) && expectedType === 'date') {
    return {
      ok: false,
      code: 'BAD_PERIOD',
      reason: `expected a date such as ${s}-03-31, got ${quote(s)}, which is a year`,
      fix: `write the snapshot date, e.g. ${s}-03-31, or give the source mapping periodFormat: year-ending-march`,
    };
  }

  const other = otherType(s, expectedType);
  if (other) {
    return {
      ok: false,
      code: 'WRONG_PERIOD_TYPE',
      foundType: other.type,
      reason: `expected ${describePeriodType(expectedType)}, got ${quote(s)}, which is ${typeName(other.type, s)}`,
      fix: `write the period like ${examplePeriod(expectedType)} for this measure, or check the measure`,
    };
  }
  if (r && 'invalid' in r) return { ok: false, code: 'BAD_PERIOD', reason: r.invalid, fix: r.fix ?? 'correct the period' };
  return {
    ok: false,
    code: 'BAD_PERIOD',
    reason: `expected ${describePeriodType(expectedType)}, got ${quote(s)}`,
    fix: `write the period like ${examplePeriod(expectedType)}`,
  };
}

/** Compare two periods of one type by time. */
export function comparePeriods(a: Period, b: Period): number {
  return a.ordinal - b.ordinal;
}
