/**
 * Calendar arithmetic for the dataset generator: day numbers, ISO weeks, Easter, canonical
 * period labels and an illustrative Leeds school-term calendar. Pure functions on integers
 * (days since 1970-01-01), so nothing depends on the time zone or the clock.
 */

export { daysFromCivil, civilFromDays } from '../../data/calendar.js';
import { civilFromDays, daysFromCivil } from '../../data/calendar.js';

/** ISO weekday, Monday = 0 … Sunday = 6. 1970-01-01 was a Thursday. */
export function weekday(days: number): number {
  return (((days + 3) % 7) + 7) % 7;
}

export function pad2(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

export function isoDate(days: number): string {
  const { year, month, day } = civilFromDays(days);
  return `${year}-${pad2(month)}-${pad2(day)}`;
}

/** Monday of ISO week 1 of a year (the week with the year's first Thursday). */
export function isoWeekOneMonday(year: number): number {
  const jan4 = daysFromCivil(year, 1, 4);
  return jan4 - weekday(jan4);
}

export function isoWeeksInYear(year: number): number {
  return (isoWeekOneMonday(year + 1) - isoWeekOneMonday(year)) / 7;
}

/** The ISO week (year and number) containing a day. */
export function isoWeekOf(days: number): { year: number; week: number } {
  const thursday = days - weekday(days) + 3;
  const year = civilFromDays(thursday).year;
  return { year, week: Math.floor((thursday - isoWeekOneMonday(year)) / 7) + 1 };
}

export function weekLabel(year: number, week: number): string {
  return `${year}-W${pad2(week)}`;
}

/** Easter Sunday (anonymous Gregorian algorithm). */
export function easterSunday(year: number): number {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return daysFromCivil(year, month, day);
}

/** The Monday falling on one of the days `from`…`from + 6` of a month. */
function mondayInRange(year: number, month: number, from: number): number {
  const start = daysFromCivil(year, month, from);
  return start + ((7 - weekday(start)) % 7);
}

/** Last Monday of May (the spring bank holiday). */
function lastMondayOfMay(year: number): number {
  const may31 = daysFromCivil(year, 5, 31);
  return may31 - weekday(may31);
}

/**
 * Non-school weekdays of an ILLUSTRATIVE Leeds school calendar for the school year starting in
 * September of `year`, plus the bank holidays that fall in that span. The rules approximate
 * Leeds' published term dates: autumn half term in the week of the Monday 24–30 October;
 * Christmas in the ISO week containing 25 December and the week after; February half term in the
 * week of the Monday 15–21 February; Easter in the week of Good Friday and the week of Easter
 * Monday; May half term in the week of the spring bank holiday; summer from 23 July to 2 September.
 */
function holidayDays(year: number): Set<number> {
  const off = new Set<number>();
  const addRange = (from: number, to: number) => {
    for (let d = from; d <= to; d++) off.add(d);
  };
  const octHalf = mondayInRange(year, 10, 24);
  addRange(octHalf, octHalf + 4);
  const xmas = daysFromCivil(year, 12, 25);
  const xmasMonday = xmas - weekday(xmas);
  addRange(xmasMonday, xmasMonday + 13);
  const next = year + 1;
  // New Year's Day, or the Monday after when it falls at a weekend.
  const jan1 = daysFromCivil(next, 1, 1);
  off.add(weekday(jan1) >= 5 ? jan1 + (7 - weekday(jan1)) : jan1);
  const febHalf = mondayInRange(next, 2, 15);
  addRange(febHalf, febHalf + 4);
  const easter = easterSunday(next);
  addRange(easter - 6, easter + 5);
  // Early May bank holiday (first Monday of May); special bank holidays of 2011 and 2012.
  off.add(mondayInRange(next, 5, 1));
  if (next === 2011) off.add(daysFromCivil(2011, 4, 29));
  if (next === 2012) {
    off.add(daysFromCivil(2012, 6, 4));
    off.add(daysFromCivil(2012, 6, 5));
  }
  const mayHalf = lastMondayOfMay(next);
  addRange(mayHalf, mayHalf + 4);
  addRange(daysFromCivil(next, 7, 23), daysFromCivil(next, 9, 2));
  return off;
}

const holidayCache = new Map<number, Set<number>>();

/** Whether a day is a school day in the illustrative Leeds calendar. */
export function isSchoolDay(days: number): boolean {
  if (weekday(days) >= 5) return false;
  const { year, month } = civilFromDays(days);
  // The school year containing the day starts in September; late-summer days belong to the year before.
  const schoolYear = month >= 9 ? year : year - 1;
  for (const y of [schoolYear - 1, schoolYear]) {
    let set = holidayCache.get(y);
    if (!set) holidayCache.set(y, (set = holidayDays(y)));
    if (set.has(days)) return false;
  }
  return true;
}

/** School days (0–5) in the ISO week starting on a Monday. */
export function schoolDaysInWeek(monday: number): number {
  let n = 0;
  for (let d = monday; d < monday + 5; d++) if (isSchoolDay(d)) n++;
  return n;
}

/** The academic year (Sep–Aug) a day falls in, as its starting calendar year. */
export function academicYearOf(days: number): number {
  const { year, month } = civilFromDays(days);
  return month >= 9 ? year : year - 1;
}

/** `2012/13` for the year starting in 2012. */
export function splitYearLabel(startYear: number): string {
  return `${startYear}/${pad2((startYear + 1) % 100)}`;
}
