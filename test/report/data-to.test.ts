/** How far the data go, as a page's heading says it. */
import { describe, expect, it } from 'vitest';
import { dataToWords } from '../../src/report/common.js';
import { parsePeriod } from '../../src/data/period.js';
import type { Period } from '../../src/data/types.js';
import type { PeriodType } from '../../src/plan/types.js';

const period = (label: string, type: PeriodType): Period => {
  const parsed = parsePeriod(label, type);
  if (!parsed.ok) throw new Error(parsed.reason);
  return parsed.period;
};

describe('dataToWords', () => {
  it('names the month the latest period ends, or its day', () => {
    const periods = [period('2015-03-31', 'date'), period('2015-06', 'month'), period('2014/15', 'financial-year')];
    expect(dataToWords(periods)).toBe('data to June 2015');
    expect(dataToWords(periods, undefined, 'day')).toBe('data to 30 June 2015');
  });

  it('names a year as it is labelled when a year ends latest, not by its last month', () => {
    // NEET 2025 (December 2024 to February 2025, a calendar year to DfE) ends latest on paper.
    const published = [period('2025-03-31', 'date'), period('2024/25', 'academic-year'), period('2025', 'calendar-year')];
    expect(dataToWords(published)).toBe('data to 2025');
    expect(dataToWords(published, undefined, 'day')).toBe('data to 2025');
    expect(dataToWords([period('2025-03-31', 'date'), period('2024/25', 'academic-year')])).toBe('data to 2024/25');
    // A year and a finer period ending on one day: the finer one says the month.
    expect(dataToWords([period('2024/25', 'academic-year'), period('2025-08-31', 'date')])).toBe('data to August 2025');
  });

  it('says "as at" the --as-of date, and "no data" for none', () => {
    expect(dataToWords([period('2025', 'calendar-year')], '2015-06-30')).toBe('as at June 2015');
    expect(dataToWords([], '2015-06-30', 'day')).toBe('as at 30 June 2015');
    expect(dataToWords([])).toBe('no data');
  });
});
