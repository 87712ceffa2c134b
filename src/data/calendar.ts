/**
 * Proleptic Gregorian calendar arithmetic on whole days, with no `Date` objects and so no time
 * zones. Day 0 is 1970-01-01.
 *
 * `daysFromCivil` and `civilFromDays` are Howard Hinnant's algorithms
 * ("chrono-Compatible Low-Level Date Algorithms", 2013).
 */

export interface CivilDate {
  year: number;
  month: number; // 1–12
  day: number; // 1–31
}

/** Days since 1970-01-01 of a calendar date (which must be valid). */
export function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400; // [0, 399]
  const mp = (month + 9) % 12; // March = 0
  const doy = Math.floor((153 * mp + 2) / 5) + day - 1; // [0, 365]
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy; // [0, 146096]
  return era * 146097 + doe - 719468;
}

/** The calendar date of a day number (days since 1970-01-01). */
export function civilFromDays(days: number): CivilDate {
  const z = days + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: yoe + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

export function isValidDate(year: number, month: number, day: number): boolean {
  return Number.isInteger(year) && month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

/** ISO day of the week: 1 = Monday … 7 = Sunday. */
export function isoWeekday(days: number): number {
  // 1970-01-01 was a Thursday (4).
  return ((((days + 3) % 7) + 7) % 7) + 1;
}

/** Day number of the Monday of ISO week 1 of an ISO year (the week containing 4 January). */
export function isoWeekOneMonday(isoYear: number): number {
  const jan4 = daysFromCivil(isoYear, 1, 4);
  return jan4 - (isoWeekday(jan4) - 1);
}

/** 52 or 53: the number of ISO weeks in an ISO year (the week of 28 December). */
export function isoWeeksInYear(isoYear: number): number {
  const dec28 = daysFromCivil(isoYear, 12, 28);
  return Math.floor((dec28 - isoWeekOneMonday(isoYear)) / 7) + 1;
}

/** The ISO year and week of a day. */
export function isoWeekOf(days: number): { isoYear: number; week: number } {
  const thursday = days - isoWeekday(days) + 4;
  const isoYear = civilFromDays(thursday).year;
  return { isoYear, week: Math.floor((thursday - isoWeekOneMonday(isoYear)) / 7) + 1 };
}

const pad = (n: number, width: number) => String(n).padStart(width, '0');

/** `YYYY-MM-DD`. */
export function isoDate(days: number): string {
  const { year, month, day } = civilFromDays(days);
  return `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
}

export function isoDateOf(year: number, month: number, day: number): string {
  return `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
}

export const MONTH_NAMES = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
] as const;

/** 1–12 for a month name or its usual abbreviation (`Mar`, `Sept`), ignoring case; else undefined. */
export function monthFromName(name: string): number | undefined {
  const n = name.toLowerCase();
  if (n.length < 3) return undefined;
  const index = MONTH_NAMES.findIndex((m) => {
    const full = m.toLowerCase();
    return full === n || full.slice(0, 3) === n || (full === 'september' && n === 'sept');
  });
  return index === -1 ? undefined : index + 1;
}
