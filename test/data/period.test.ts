import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import {
  addPeriods,
  formatPeriod,
  nextPeriod,
  parsePeriod,
  PERIOD_TYPES,
  periodFromOrdinal,
  periodTime,
} from '../../src/data/period.js';
import type { PeriodType } from '../../src/plan/types.js';
import type { Period } from '../../src/data/types.js';

/** Days since 1970-01-01 by the platform's own calendar (an independent check on ours). */
const utcDays = (y: number, m: number, d: number) => Date.UTC(y, m - 1, d) / 86_400_000;

function ok(text: string, type?: PeriodType, format?: Parameters<typeof parsePeriod>[2]): Period {
  const r = parsePeriod(text, type, format);
  if (!r.ok) throw new Error(`expected ${JSON.stringify(text)} to parse as ${type}: ${r.reason}`);
  return r.period;
}

describe('every notation reads to one canonical label, and the label reads back to the same period', () => {
  const cases: [PeriodType, string[], string][] = [
    ['calendar-year', ['2013', ' 2013 '], '2013'],
    ['academic-year', ['2012/13', '2012-13', '201213', '2012/2013', '2012-2013', '2012 to 2013', '2012–13', ' 2012 / 13 '], '2012/13'],
    ['financial-year', ['2012/13', '2012-13', '201213', '2012/2013', '2012-2013', 'FY2012-13', 'FY 2012/13', 'fy2012/13'], '2012/13'],
    ['quarter', ['2013 Q2', '2013-Q2', 'Q2 2013', '2013Q2', 'q2 2013', 'Q2-2013'], '2013-Q2'],
    ['month', ['2013-03', 'Mar 2013', 'March 2013', 'MARCH 2013', '2013/03', '03/2013', '3/2013', 'Mar-2013', 'Mar. 2013'], '2013-03'],
    ['week', ['2013-W39', '2013W39', '2013-w39', '2013 W39'], '2013-W39'],
    ['date', ['2013-03-31', '31/03/2013', '31 March 2013', '31 Mar 2013', '31-Mar-2013', '31st March 2013'], '2013-03-31'],
  ];
  for (const [type, notations, label] of cases) {
    test(`${type}: ${notations.join(' | ')} → ${label}`, () => {
      for (const n of notations) {
        const p = ok(n, type);
        expect(p.label, n).toBe(label);
        expect(p.type).toBe(type);
        const again = ok(formatPeriod(p), type);
        expect(again).toEqual(p);
      }
    });
  }
});

describe('Period start, end and ordinal are as documented in src/data/types.ts', () => {
  test('years', () => {
    expect(ok('2013', 'calendar-year')).toEqual({ type: 'calendar-year', label: '2013', start: '2013-01-01', end: '2013-12-31', ordinal: 2013 });
    expect(ok('2012/13', 'academic-year')).toEqual({ type: 'academic-year', label: '2012/13', start: '2012-09-01', end: '2013-08-31', ordinal: 2012 });
    expect(ok('2012/13', 'financial-year')).toEqual({ type: 'financial-year', label: '2012/13', start: '2012-04-01', end: '2013-03-31', ordinal: 2012 });
    expect(ok('1999/00', 'academic-year').label).toBe('1999/00');
    expect(ok('1999/2000', 'academic-year').ordinal).toBe(1999);
  });
  test('quarters and months', () => {
    expect(ok('2013-Q2', 'quarter')).toEqual({ type: 'quarter', label: '2013-Q2', start: '2013-04-01', end: '2013-06-30', ordinal: 2013 * 4 + 1 });
    expect(ok('2012-02', 'month')).toEqual({ type: 'month', label: '2012-02', start: '2012-02-01', end: '2012-02-29', ordinal: 2012 * 12 + 1 });
  });
  test('ISO weeks: ordinal counts weeks from Monday 1970-01-05 (1970-W02)', () => {
    expect(ok('1970-W02', 'week').ordinal).toBe(0);
    expect(ok('1970-W01', 'week')).toMatchObject({ start: '1969-12-29', ordinal: -1 });
    // 2013-W39 is Monday 23 to Sunday 29 September 2013.
    expect(ok('2013-W39', 'week')).toEqual({
      type: 'week',
      label: '2013-W39',
      start: '2013-09-23',
      end: '2013-09-29',
      ordinal: (utcDays(2013, 9, 23) - 4) / 7,
    });
    // Week 1 of 2015 starts on Monday 29 December 2014; 2015 has a week 53, ending 3 January 2016.
    expect(ok('2015-W01', 'week').start).toBe('2014-12-29');
    expect(ok('2015-W53', 'week')).toMatchObject({ start: '2015-12-28', end: '2016-01-03' });
    expect(ok('2020-W53', 'week').start).toBe('2020-12-28');
  });
  test('dates: ordinal counts days from 1970-01-01', () => {
    expect(ok('2013-03-31', 'date')).toEqual({ type: 'date', label: '2013-03-31', start: '2013-03-31', end: '2013-03-31', ordinal: utcDays(2013, 3, 31) });
    expect(ok('29/02/2012', 'date').label).toBe('2012-02-29');
    expect(ok('1969-12-31', 'date').ordinal).toBe(-1);
  });
});

describe('source formats', () => {
  test('DfE six-digit years 201819 read as 2018/19 for academic and financial measures', () => {
    expect(ok('201819', 'academic-year')).toMatchObject({ label: '2018/19', start: '2018-09-01' });
    expect(ok('201819', 'financial-year')).toMatchObject({ label: '2018/19', start: '2018-04-01' });
    expect(ok('199900', 'academic-year').label).toBe('1999/00');
    expect(ok('201819', 'academic-year', 'yyyyyy').label).toBe('2018/19');
    expect(parsePeriod('2018/19', 'academic-year', 'yyyyyy')).toMatchObject({ ok: false, code: 'BAD_PERIOD' });
  });
  test('year-ending-march reads a reporting year as the snapshot at 31 March', () => {
    expect(ok('2021', 'date', 'year-ending-march').label).toBe('2021-03-31');
    expect(ok('2021-03-31', 'date', 'year-ending-march').label).toBe('2021-03-31');
  });
  test('academic-end / academic-start / financial-end / financial-start read a bare year', () => {
    expect(ok('2011', 'academic-year', 'academic-end').label).toBe('2010/11');
    expect(ok('2011', 'academic-year', 'academic-start').label).toBe('2011/12');
    expect(ok('2011', 'financial-year', 'financial-end')).toMatchObject({ label: '2010/11', start: '2010-04-01' });
    expect(ok('2011', 'financial-year', 'financial-start').label).toBe('2011/12');
    expect(ok('2010/11', 'academic-year', 'academic-end').label).toBe('2010/11');
  });
  test('a format for another period type is refused', () => {
    expect(parsePeriod('2011', 'calendar-year', 'academic-end')).toMatchObject({ ok: false, code: 'BAD_PERIOD' });
  });
});

describe('ambiguous or impossible periods are rejected with a reason, never guessed', () => {
  const bad: [string, PeriodType | undefined, 'BAD_PERIOD' | 'WRONG_PERIOD_TYPE', RegExp][] = [
    ['2013', 'academic-year', 'BAD_PERIOD', /ambiguous: it could be 2012\/13 or 2013\/14/],
    ['2013', 'financial-year', 'BAD_PERIOD', /ambiguous/],
    ['2013', 'date', 'BAD_PERIOD', /year-ending-march/],
    ['2012/13', undefined, 'BAD_PERIOD', /academic year .* or a financial year/],
    ['2011/12', 'month', 'BAD_PERIOD', /could be December 2011 or the year 2011\/12/],
    ['2012/14', 'academic-year', 'BAD_PERIOD', /second year to follow the first/],
    ['2013-02-30', 'date', 'BAD_PERIOD', /February 2013 has 28 days/],
    ['29/02/2013', 'date', 'BAD_PERIOD', /has 28 days/],
    ['03/31/2013', 'date', 'BAD_PERIOD', /expected a month 1 to 12, got 31/],
    ['31/03/13', 'date', 'BAD_PERIOD', /four-digit year/],
    ['2013-03-31T00:00:00', 'date', 'BAD_PERIOD', /time of day/],
    ['Mar-13', 'month', 'BAD_PERIOD', /four-digit year/],
    ['2013-13', 'month', 'BAD_PERIOD', /expected a month 1 to 12, got 13/],
    ['2013-14', 'month', 'WRONG_PERIOD_TYPE', /academic or financial year/],
    ['2013-00', 'month', 'BAD_PERIOD', /month 1 to 12/],
    ['2013-Q5', 'quarter', 'BAD_PERIOD', /Q1 to Q4/],
    ['2013-W53', 'week', 'BAD_PERIOD', /ISO year 2013 has 52 weeks/],
    ['2013-W00', 'week', 'BAD_PERIOD', /week 1 to 52/],
    ['2013-W39-1', 'week', 'BAD_PERIOD', /a day .* write the week as 2013-W39/],
    ['1850', 'calendar-year', 'BAD_PERIOD', /from 1900 to 2100/],
    ['next year', 'calendar-year', 'BAD_PERIOD', /expected a calendar year such as 2013/],
    ['', 'calendar-year', 'BAD_PERIOD', /empty cell/],
    ['2013-Q2', 'academic-year', 'WRONG_PERIOD_TYPE', /expected an academic year such as 2012\/13, got "2013-Q2", which is a quarter/],
    ['FY2012-13', 'academic-year', 'WRONG_PERIOD_TYPE', /which is a financial year/],
    ['2013-03-31', 'calendar-year', 'WRONG_PERIOD_TYPE', /which is a date/],
    ['2012/13', 'calendar-year', 'WRONG_PERIOD_TYPE', /which is an academic or financial year/],
    ['2013-W39', 'month', 'WRONG_PERIOD_TYPE', /which is an ISO week/],
    ['2013', 'quarter', 'WRONG_PERIOD_TYPE', /which is a calendar year/],
  ];
  for (const [text, type, code, reason] of bad) {
    test(`${JSON.stringify(text)} as ${type ?? '(no type)'} → ${code}`, () => {
      const r = parsePeriod(text, type);
      expect(r.ok).toBe(false);
      if (r.ok) return;
      expect(r.code).toBe(code);
      expect(`${r.reason}; ${r.fix}`).toMatch(reason);
    });
  }
  test('WRONG_PERIOD_TYPE says which type the text is', () => {
    expect(parsePeriod('2013-Q2', 'academic-year')).toMatchObject({ foundType: 'quarter' });
  });
});

describe('without an expected type the notation decides', () => {
  test.each([
    ['2013', 'calendar-year'],
    ['2013-Q2', 'quarter'],
    ['2013-03', 'month'],
    ['2013-W39', 'week'],
    ['2013-03-31', 'date'],
    ['FY2012/13', 'financial-year'],
  ] as const)('%s → %s', (text, type) => {
    expect(ok(text).type).toBe(type);
  });
});

describe('periodFromOrdinal, nextPeriod, addPeriods', () => {
  test('periodFromOrdinal labels', () => {
    expect(periodFromOrdinal('academic-year', 2012).label).toBe('2012/13');
    expect(periodFromOrdinal('quarter', 2013 * 4 + 3).label).toBe('2013-Q4');
    expect(periodFromOrdinal('month', 2013 * 12 + 11).label).toBe('2013-12');
    expect(periodFromOrdinal('date', utcDays(2013, 3, 31)).label).toBe('2013-03-31');
    expect(() => periodFromOrdinal('month', 1.5)).toThrow(RangeError);
  });
  test('label → parse → ordinal round-trips for every type (property)', () => {
    for (const type of PERIOD_TYPES) {
      const span: Record<PeriodType, [number, number]> = {
        'calendar-year': [1900, 2100],
        'academic-year': [1900, 2099],
        'financial-year': [1900, 2099],
        quarter: [1900 * 4, 2100 * 4 + 3],
        month: [1900 * 12, 2100 * 12 + 11],
        week: [-3600, 6800],
        date: [utcDays(1900, 1, 1), utcDays(2100, 12, 31)],
      };
      const [lo, hi] = span[type];
      fc.assert(
        fc.property(fc.integer({ min: lo, max: hi }), (ordinal) => {
          const p = periodFromOrdinal(type, ordinal);
          const r = parsePeriod(p.label, type);
          return r.ok && r.period.ordinal === ordinal && r.period.start === p.start && r.period.end === p.end;
        }),
        { numRuns: 300, seed: 42 },
      );
    }
  });
  test('week start/end agree with the platform calendar (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: -3600, max: 6800 }), (ordinal) => {
        const p = periodFromOrdinal('week', ordinal);
        const monday = new Date((ordinal * 7 + 4) * 86_400_000);
        return monday.getUTCDay() === 1 && p.start === monday.toISOString().slice(0, 10);
      }),
      { numRuns: 300, seed: 7 },
    );
  });
  test('nextPeriod steps by one period; snapshot dates by the frequency', () => {
    expect(nextPeriod(ok('2012/13', 'academic-year')).label).toBe('2013/14');
    expect(nextPeriod(ok('2013-Q4', 'quarter')).label).toBe('2014-Q1');
    expect(nextPeriod(ok('2013-12', 'month')).label).toBe('2014-01');
    expect(nextPeriod(ok('2013-W52', 'week')).label).toBe('2014-W01');
    expect(nextPeriod(ok('2015-W53', 'week')).label).toBe('2016-W01');
    expect(nextPeriod(ok('2013-03-31', 'date')).label).toBe('2014-03-31');
    expect(nextPeriod(ok('2012-02-29', 'date'), 'annual').label).toBe('2013-02-28');
    expect(nextPeriod(ok('2013-02-28', 'date'), 'annual').label).toBe('2014-02-28');
    expect(nextPeriod(ok('2013-01-31', 'date'), 'monthly').label).toBe('2013-02-28');
    expect(nextPeriod(ok('2013-03-31', 'date'), 'quarterly').label).toBe('2013-06-30');
    expect(nextPeriod(ok('2013-03-31', 'date'), 'weekly').label).toBe('2013-04-07');
    expect(addPeriods(ok('2013/14', 'academic-year'), -3).label).toBe('2010/11');
  });
});

describe('periodTime: position in units of the frequency', () => {
  test('matching types give their ordinal', () => {
    expect(periodTime(ok('2012/13', 'academic-year'), 'annual')).toBe(2012);
    expect(periodTime(ok('2013', 'calendar-year'), 'annual')).toBe(2013);
    expect(periodTime(ok('2013-Q2', 'quarter'), 'quarterly')).toBe(8053);
    expect(periodTime(ok('2013-03', 'month'), 'monthly')).toBe(2013 * 12 + 2);
    expect(periodTime(ok('2013-W39', 'week'), 'weekly')).toBe((utcDays(2013, 9, 23) - 4) / 7);
  });
  test('snapshot dates: placed by calendar month, so same-day snapshots are whole years apart', () => {
    const d = ok('2013-03-31', 'date');
    const months = 2013 * 12 + 2 + 30 / 31;
    expect(periodTime(d, 'monthly')).toBeCloseTo(months, 12);
    expect(periodTime(d, 'annual')).toBeCloseTo(months / 12, 12);
    expect(periodTime(d, 'quarterly')).toBeCloseTo(months / 3, 12);
    expect(periodTime(d, 'weekly')).toBeCloseTo(utcDays(2013, 3, 31) / 7, 12);
    // 31 March 2011 → 2012 crosses a leap day and is still exactly one year.
    const t = ['2010-03-31', '2011-03-31', '2012-03-31', '2013-03-31'].map((x) => periodTime(ok(x, 'date'), 'annual'));
    expect(t.slice(1).map((v, i) => v - t[i]!)).toEqual([1, 1, 1]);
    expect(periodTime(ok('2013-06-30', 'date'), 'quarterly') - periodTime(ok('2013-03-31', 'date'), 'quarterly')).toBeCloseTo(1 + (29 / 30 - 30 / 31) / 3, 12);
  });
  test('mixed types convert', () => {
    expect(periodTime(ok('2013-Q3', 'quarter'), 'annual')).toBe(2013.5);
    expect(periodTime(ok('2013-07', 'month'), 'annual')).toBe(2013.5);
    expect(periodTime(ok('2013', 'calendar-year'), 'monthly')).toBe(2013 * 12);
  });
});
