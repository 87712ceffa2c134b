/**
 * Property-based tests of period reading and arithmetic (src/data/period.ts).
 *
 * Every notation README.md and the module comment of period.ts accept is generated for random
 * periods and must read back to the one canonical label. The expected labels, first and last
 * days and ordinals are worked out here independently, with the platform's own calendar
 * (`Date.UTC`, run with TZ=UTC), not with src/data/calendar.ts.
 *
 * Every `fc.assert` has a fixed seed, so a run is deterministic; a failure prints the seed and
 * the shrunk counterexample.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  addPeriods,
  formatAppliesTo,
  parsePeriod,
  PERIOD_FORMATS,
  PERIOD_TYPES,
  periodFromOrdinal,
  type PeriodFormat,
  type PeriodResult,
} from '../../src/data/period.js';
import type { Period } from '../../src/data/types.js';
import type { Frequency, PeriodType } from '../../src/plan/types.js';

const SEED = 20_130_331;
const RUNS = 300;
const opts = (numRuns = RUNS) => ({ seed: SEED, numRuns });

// ---------------------------------------------------------------------------------------------
// An independent calendar: the platform's Date in UTC.

const DAY = 86_400_000;
const pad2 = (n: number) => String(n).padStart(2, '0');
const utcDays = (y: number, m: number, d: number) => Date.UTC(y, m - 1, d) / DAY;
const iso = (days: number) => new Date(days * DAY).toISOString().slice(0, 10);
const daysIn = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();
const isLeap = (y: number) => daysIn(y, 2) === 29;
/** 1 = Monday … 7 = Sunday. */
const weekday = (days: number) => ((new Date(days * DAY).getUTCDay() + 6) % 7) + 1;
/** ISO 8601: a year has 53 weeks when 1 January is a Thursday, or a Wednesday in a leap year. */
const isoWeeks = (y: number) => {
  const jan1 = weekday(utcDays(y, 1, 1));
  return jan1 === 4 || (jan1 === 3 && isLeap(y)) ? 53 : 52;
};
/** The Monday of ISO week 1: the week with 4 January in it. */
const weekOneMonday = (y: number) => {
  const jan4 = utcDays(y, 1, 4);
  return jan4 - (weekday(jan4) - 1);
};

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const ordinalSuffix = (d: number) => (d % 10 === 1 && d !== 11 ? 'st' : d % 10 === 2 && d !== 12 ? 'nd' : d % 10 === 3 && d !== 13 ? 'rd' : 'th');

// ---------------------------------------------------------------------------------------------
// Generated periods, each with its expected Period and every way of writing it.

interface Written {
  text: string;
  format?: PeriodFormat;
}

interface Case {
  type: PeriodType;
  expected: Period;
  notations: Written[];
}

const year = fc.integer({ min: 1990, max: 2050 });

function calendarCase(y: number): Case {
  return {
    type: 'calendar-year',
    expected: { type: 'calendar-year', label: `${y}`, start: `${y}-01-01`, end: `${y}-12-31`, ordinal: y },
    notations: [{ text: `${y}` }, { text: `  ${y}\t` }],
  };
}

function pairCase(type: 'academic-year' | 'financial-year', y: number): Case {
  const yy = pad2((y + 1) % 100);
  const [startMonth, endMonth] = type === 'academic-year' ? ['09-01', '08-31'] : ['04-01', '03-31'];
  const kind = type === 'academic-year' ? 'academic' : 'financial';
  const notations: Written[] = [
    { text: `${y}/${yy}` },
    { text: `${y}-${yy}` },
    { text: `${y}${yy}` },
    { text: `${y}${yy}`, format: 'yyyyyy' },
    { text: `${y}/${y + 1}` },
    { text: `${y}-${y + 1}` },
    { text: `${y} to ${y + 1}` },
    { text: `${y}–${yy}` },
    { text: ` ${y} / ${yy} ` },
    { text: `${y}`, format: `${kind}-start` as PeriodFormat },
    { text: `${y + 1}`, format: `${kind}-end` as PeriodFormat },
  ];
  if (type === 'financial-year') notations.push({ text: `FY${y}-${yy}` }, { text: `FY ${y}/${yy}` }, { text: `fy${y}/${yy}` });
  return {
    type,
    expected: { type, label: `${y}/${yy}`, start: `${y}-${startMonth}`, end: `${y + 1}-${endMonth}`, ordinal: y },
    notations,
  };
}

function quarterCase(y: number, q: number): Case {
  const last = q * 3;
  return {
    type: 'quarter',
    expected: {
      type: 'quarter',
      label: `${y}-Q${q}`,
      start: `${y}-${pad2(last - 2)}-01`,
      end: `${y}-${pad2(last)}-${pad2(daysIn(y, last))}`,
      ordinal: y * 4 + q - 1,
    },
    notations: [`${y} Q${q}`, `${y}-Q${q}`, `Q${q} ${y}`, `${y}Q${q}`, `q${q} ${y}`, `Q${q}-${y}`, `${y}-q${q}`].map((text) => ({ text })),
  };
}

function monthCase(y: number, m: number): Case {
  const name = MONTHS[m - 1]!;
  const texts = [`${y}-${pad2(m)}`, `${y}-${m}`, `${name.slice(0, 3)} ${y}`, `${name} ${y}`, `${name.toUpperCase()} ${y}`, `${name.slice(0, 3)}-${y}`, `${name.slice(0, 3)}. ${y}`, `${pad2(m)}/${y}`, `${m}/${y}`];
  // `2013/03` is a month, but `2012/13`-shaped text (the month equal to the next year's last two
  // digits) is ambiguous and is refused; see the ambiguity property below.
  if (m !== (y + 1) % 100) texts.push(`${y}/${pad2(m)}`);
  if (m === 9) texts.push(`Sept ${y}`);
  return {
    type: 'month',
    expected: { type: 'month', label: `${y}-${pad2(m)}`, start: `${y}-${pad2(m)}-01`, end: `${y}-${pad2(m)}-${pad2(daysIn(y, m))}`, ordinal: y * 12 + m - 1 },
    notations: texts.map((text) => ({ text })),
  };
}

function weekCase(y: number, w: number): Case {
  const monday = weekOneMonday(y) + (w - 1) * 7;
  return {
    type: 'week',
    expected: { type: 'week', label: `${y}-W${pad2(w)}`, start: iso(monday), end: iso(monday + 6), ordinal: (monday - utcDays(1970, 1, 5)) / 7 },
    notations: [`${y}-W${pad2(w)}`, `${y}W${pad2(w)}`, `${y}-w${pad2(w)}`, `${y} W${pad2(w)}`].map((text) => ({ text })),
  };
}

function dateCase(y: number, m: number, d: number): Case {
  const name = MONTHS[m - 1]!;
  const label = `${y}-${pad2(m)}-${pad2(d)}`;
  const notations: Written[] = [
    label,
    `${y}-${m}-${d}`,
    `${pad2(d)}/${pad2(m)}/${y}`,
    `${d}/${m}/${y}`,
    `${d} ${name} ${y}`,
    `${d} ${name.slice(0, 3)} ${y}`,
    `${d}-${name.slice(0, 3)}-${y}`,
    `${d}${ordinalSuffix(d)} ${name} ${y}`,
    `${d} ${name.toLowerCase()}, ${y}`,
  ].map((text) => ({ text }));
  if (m === 3 && d === 31) notations.push({ text: `${y}`, format: 'year-ending-march' });
  return { type: 'date', expected: { type: 'date', label, start: label, end: label, ordinal: utcDays(y, m, d) }, notations };
}

const weekOf = (y: number) => fc.integer({ min: 1, max: isoWeeks(y) }).map((w) => [y, w] as const);
const dateOf = (y: number) =>
  fc.integer({ min: 1, max: 12 }).chain((m) => fc.integer({ min: 1, max: daysIn(y, m) }).map((d) => [y, m, d] as const));

const caseOf: Record<PeriodType, fc.Arbitrary<Case>> = {
  'calendar-year': year.map(calendarCase),
  'academic-year': year.map((y) => pairCase('academic-year', y)),
  'financial-year': year.map((y) => pairCase('financial-year', y)),
  quarter: fc.tuple(year, fc.integer({ min: 1, max: 4 })).map(([y, q]) => quarterCase(y, q)),
  month: fc.tuple(year, fc.integer({ min: 1, max: 12 })).map(([y, m]) => monthCase(y, m)),
  week: year.chain(weekOf).map(([y, w]) => weekCase(y, w)),
  date: year.chain(dateOf).map(([y, m, d]) => dateCase(y, m, d)),
};
const anyCase = fc.oneof(...PERIOD_TYPES.map((t) => caseOf[t]));

function read(text: string, type?: PeriodType, format?: PeriodFormat): Period {
  const r = parsePeriod(text, type, format);
  if (!r.ok) throw new Error(`${JSON.stringify(text)} as ${type}${format ? ` (${format})` : ''}: ${r.reason}`);
  return r.period;
}

/** A failed read has a code, a reason and a fix, all non-empty. */
function expectRefusal(r: PeriodResult, text: string): void {
  expect(r.ok, text).toBe(false);
  if (r.ok) return;
  expect(['BAD_PERIOD', 'WRONG_PERIOD_TYPE']).toContain(r.code);
  expect(r.reason.length, text).toBeGreaterThan(0);
  expect(r.fix.length, text).toBeGreaterThan(0);
}

// ---------------------------------------------------------------------------------------------

describe('every accepted notation of every period type reads to the canonical period', () => {
  for (const type of PERIOD_TYPES) {
    it(`${type}: each notation → the canonical label, first and last day and ordinal`, () => {
      fc.assert(
        fc.property(caseOf[type], ({ expected, notations }) => {
          for (const { text, format } of notations) {
            expect(read(text, type, format), `${JSON.stringify(text)}${format ? ` (${format})` : ''}`).toEqual(expected);
          }
        }),
        opts(),
      );
    });
  }

  it('the canonical label reads back to the same period (parse is idempotent), for every type', () => {
    fc.assert(
      fc.property(anyCase, ({ type, expected }) => {
        const once = read(expected.label, type);
        expect(once).toEqual(expected);
        expect(read(once.label, type)).toEqual(once);
      }),
      opts(),
    );
  });

  it('a periodFormat that applies to the type does not change how a label reads (except yyyyyy, which wants six digits)', () => {
    fc.assert(
      fc.property(anyCase, fc.constantFrom(...PERIOD_FORMATS), ({ type, expected }, format) => {
        const r = parsePeriod(expected.label, type, format);
        if (!formatAppliesTo(format).includes(type)) expectRefusal(r, `${expected.label} (${format})`);
        else if (format === 'yyyyyy') expectRefusal(r, `${expected.label} (${format})`);
        else expect(r.ok && r.period).toEqual(expected);
      }),
      opts(),
    );
  });

  it('without an expected type, a label reads as its own type (year pairs need FY: they are refused as ambiguous)', () => {
    fc.assert(
      fc.property(anyCase, ({ type, expected }) => {
        const r = parsePeriod(expected.label);
        if (type === 'academic-year' || type === 'financial-year') {
          expectRefusal(r, expected.label);
          if (type === 'financial-year') expect(read(`FY${expected.label}`)).toEqual(expected);
        } else {
          expect(r.ok && r.period).toEqual(expected);
        }
      }),
      opts(),
    );
  });
});

describe('ordinals', () => {
  /** Ordinal ranges covering the years 1900–2100 for each type. */
  const ordinalRange = (type: PeriodType): [number, number] => {
    switch (type) {
      case 'calendar-year':
      case 'academic-year':
      case 'financial-year':
        return [1900, 2099];
      case 'quarter':
        return [1900 * 4, 2100 * 4 + 3];
      case 'month':
        return [1900 * 12, 2100 * 12 + 11];
      case 'week':
        return [(weekOneMonday(1900) - utcDays(1970, 1, 5)) / 7, (weekOneMonday(2100) - utcDays(1970, 1, 5)) / 7 + 51];
      case 'date':
        return [utcDays(1900, 1, 1), utcDays(2100, 12, 31)];
    }
  };
  const typeAndOrdinal = fc.constantFrom(...PERIOD_TYPES).chain((type) => {
    const [min, max] = ordinalRange(type);
    return fc.tuple(fc.constant(type), fc.integer({ min, max }));
  });

  it('periodFromOrdinal(type, o) has ordinal o, and its label reads back to the same period', () => {
    fc.assert(
      fc.property(typeAndOrdinal, ([type, o]) => {
        const p = periodFromOrdinal(type, o);
        expect(p.ordinal).toBe(o);
        expect(p.type).toBe(type);
        expect(read(p.label, type)).toEqual(p);
      }),
      opts(),
    );
  });

  it('parse then periodFromOrdinal gives the period back', () => {
    fc.assert(
      fc.property(anyCase, ({ type, expected }) => {
        expect(periodFromOrdinal(type, read(expected.label, type).ordinal)).toEqual(expected);
      }),
      opts(),
    );
  });

  it('consecutive ordinals are consecutive periods: each starts the day after the one before ends', () => {
    fc.assert(
      fc.property(typeAndOrdinal, ([type, o]) => {
        const a = periodFromOrdinal(type, o);
        const b = periodFromOrdinal(type, o + 1);
        const aEnd = Date.parse(a.end) / DAY;
        expect(Date.parse(b.start) / DAY).toBe(aEnd + 1);
        expect(Date.parse(a.start)).toBeLessThanOrEqual(Date.parse(a.end));
      }),
      opts(),
    );
  });

  it('ordinals strictly increase with time: ordinal order is start-date order', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...PERIOD_TYPES).chain((t) => fc.tuple(fc.constant(t), caseOf[t], caseOf[t])),
        ([, a, b]) => {
          const pa = read(a.expected.label, a.type);
          const pb = read(b.expected.label, b.type);
          const byTime = Math.sign(Date.parse(pa.start) - Date.parse(pb.start));
          expect(Math.sign(pa.ordinal - pb.ordinal)).toBe(byTime);
          if (byTime === 0) expect(pa).toEqual(pb);
        },
      ),
      opts(),
    );
  });
});

describe('addPeriods', () => {
  const FREQUENCIES: Frequency[] = ['annual', 'quarterly', 'monthly', 'weekly'];
  const steps = fc.integer({ min: -400, max: 400 });
  const nonDate = fc.oneof(...PERIOD_TYPES.filter((t) => t !== 'date').map((t) => caseOf[t]));

  it('non-date types: addPeriods(p, n) moves the ordinal by n, and addPeriods(…, −n) returns p', () => {
    fc.assert(
      fc.property(nonDate, steps, fc.constantFrom(...FREQUENCIES), ({ expected }, n, f) => {
        const moved = addPeriods(expected, n, f);
        expect(moved.ordinal).toBe(expected.ordinal + n);
        expect(moved.type).toBe(expected.type);
        expect(addPeriods(moved, -n, f)).toEqual(expected);
      }),
      opts(),
    );
  });

  it('dates on day 1–28: addPeriods(p, n, f) then −n returns p, for every frequency, keeping the day', () => {
    const early = year.chain((y) => fc.tuple(fc.constant(y), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 28 })));
    fc.assert(
      fc.property(early, steps, fc.constantFrom(...FREQUENCIES), ([y, m, d], n, f) => {
        const p = read(`${y}-${pad2(m)}-${pad2(d)}`, 'date');
        const moved = addPeriods(p, n, f);
        expect(addPeriods(moved, -n, f)).toEqual(p);
        if (f === 'weekly') expect(moved.ordinal).toBe(p.ordinal + 7 * n);
        else {
          const months = n * (f === 'annual' ? 12 : f === 'quarterly' ? 3 : 1);
          const target = new Date(Date.UTC(y, m - 1 + months, d));
          expect(moved.label).toBe(target.toISOString().slice(0, 10));
        }
      }),
      opts(),
    );
  });

  it('annual steps of any date not at a month end return to it (same month and day, n years on)', () => {
    const notMonthEnd = year.chain((y) =>
      fc.integer({ min: 1, max: 12 }).chain((m) => fc.integer({ min: 1, max: daysIn(y, m) - 1 }).map((d) => [y, m, d] as const)),
    );
    fc.assert(
      fc.property(notMonthEnd, steps, ([y, m, d], n) => {
        const p = read(`${y}-${pad2(m)}-${pad2(d)}`, 'date');
        const moved = addPeriods(p, n, 'annual');
        expect(moved.label).toBe(`${y + n}-${pad2(m)}-${pad2(d)}`);
        expect(addPeriods(moved, -n, 'annual')).toEqual(p);
      }),
      opts(),
    );
  });

  it('a month-end snapshot stays at month end whatever the step (31 March + 1 year → 31 March; 31 May + 1 month → 30 June)', () => {
    const monthEnd = fc.tuple(year, fc.integer({ min: 1, max: 12 })).map(([y, m]) => [y, m, daysIn(y, m)] as const);
    fc.assert(
      fc.property(monthEnd, steps, fc.constantFrom<Frequency>('annual', 'quarterly', 'monthly'), ([y, m, d], n, f) => {
        const moved = addPeriods(read(`${y}-${pad2(m)}-${pad2(d)}`, 'date'), n, f);
        const [my, mm, md] = moved.label.split('-').map(Number) as [number, number, number];
        expect(md).toBe(daysIn(my, mm));
      }),
      opts(),
    );
  });
});

describe('invalid periods are refused with a reason, never thrown', () => {
  it('days past the end of the month (2013-02-30, 31/04/2013, 30 February 2013) are BAD_PERIOD', () => {
    const impossible = year.chain((y) =>
      fc
        .integer({ min: 1, max: 12 })
        .filter((m) => daysIn(y, m) < 31)
        .chain((m) => fc.integer({ min: daysIn(y, m) + 1, max: 31 }).map((d) => [y, m, d] as const)),
    );
    fc.assert(
      fc.property(impossible, ([y, m, d]) => {
        for (const text of [`${y}-${pad2(m)}-${d}`, `${d}/${pad2(m)}/${y}`, `${d} ${MONTHS[m - 1]} ${y}`]) {
          const r = parsePeriod(text, 'date');
          expectRefusal(r, text);
          if (!r.ok) {
            expect(r.code).toBe('BAD_PERIOD');
            expect(r.reason).toContain(`has ${daysIn(y, m)} days`);
          }
        }
      }),
      opts(),
    );
  });

  it('29 February reads only in leap years', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1900, max: 2100 }), (y) => {
        const r = parsePeriod(`${y}-02-29`, 'date');
        expect(r.ok).toBe(isLeap(y));
        if (!r.ok) expectRefusal(r, `${y}-02-29`);
      }),
      opts(),
    );
  });

  it('month 0 or 13+, day 0 are BAD_PERIOD', () => {
    fc.assert(
      fc.property(year, fc.oneof(fc.constant(0), fc.integer({ min: 13, max: 99 })), fc.integer({ min: 1, max: 28 }), (y, m, d) => {
        for (const [text, type] of [
          [`${y}-${pad2(m)}-${pad2(d)}`, 'date'],
          [`${d}/${m}/${y}`, 'date'],
          [`${y}-${pad2(d)}-00`, 'date'],
          [`${y}-${pad2(m)}`, 'month'],
        ] as const) {
          const r = parsePeriod(text, type);
          expectRefusal(r, text);
          // `1992-93` is no month, but it is a good academic year: that is the wrong type, not a bad period.
          if (!r.ok && r.code === 'WRONG_PERIOD_TYPE') expect([text, r.foundType]).toEqual([`${y}-${pad2((y + 1) % 100)}`, 'academic-year']);
        }
      }),
      opts(),
    );
  });

  it('week 53 reads only in ISO years that have 53 weeks; weeks 0 and 54+ never', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1900, max: 2100 }), fc.constantFrom(0, 53, 54, 60, 99), (y, w) => {
        const text = `${y}-W${pad2(w)}`;
        const r = parsePeriod(text, 'week');
        if (w === 53 && isoWeeks(y) === 53) {
          expect(r.ok && r.period.label).toBe(text);
        } else {
          expectRefusal(r, text);
          if (!r.ok) expect(r.code).toBe('BAD_PERIOD');
        }
      }),
      opts(),
    );
  });

  it('a week 53 exists in some generated years and not in others (the generator covers both)', () => {
    const years = Array.from({ length: 61 }, (_, i) => 1990 + i);
    expect(years.filter((y) => isoWeeks(y) === 53)).toEqual([1992, 1998, 2004, 2009, 2015, 2020, 2026, 2032, 2037, 2043, 2048]);
  });

  it('year pairs whose second year does not follow the first (2012/14, 2012-2014) are BAD_PERIOD', () => {
    fc.assert(
      fc.property(year, fc.integer({ min: 2, max: 9 }), fc.constantFrom<PeriodType>('academic-year', 'financial-year'), (y, gap, type) => {
        for (const text of [`${y}/${pad2((y + gap) % 100)}`, `${y}-${y + gap}`]) {
          const r = parsePeriod(text, type);
          expectRefusal(r, text);
        }
      }),
      opts(),
    );
  });

  it('2012/13-shaped text for a month measure is refused as ambiguous (December 2011, or the year 2011/12?)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1900, max: 2099 }).filter((y) => (y + 1) % 100 >= 1 && (y + 1) % 100 <= 12), (y) => {
        const text = `${y}/${pad2((y + 1) % 100)}`;
        const r = parsePeriod(text, 'month');
        expectRefusal(r, text);
        if (!r.ok) expect(r.reason).toMatch(/ambiguous/);
      }),
      opts(),
    );
  });

  it('a bare year for a year-pair or date measure is refused as ambiguous unless a periodFormat says how to read it', () => {
    fc.assert(
      fc.property(year, fc.constantFrom<PeriodType>('academic-year', 'financial-year', 'date'), (y, type) => {
        const r = parsePeriod(`${y}`, type);
        expectRefusal(r, `${y}`);
        if (!r.ok) expect(r.code).toBe('BAD_PERIOD');
      }),
      opts(),
    );
  });

  it('a good period of another type is WRONG_PERIOD_TYPE naming the type found', () => {
    fc.assert(
      fc.property(anyCase, fc.constantFrom(...PERIOD_TYPES), ({ type, expected }, asType) => {
        const sameFamily = (a: PeriodType, b: PeriodType) =>
          a === b || ((a === 'academic-year' || a === 'financial-year') && (b === 'academic-year' || b === 'financial-year'));
        if (sameFamily(type, asType)) return;
        const r = parsePeriod(expected.label, asType);
        expectRefusal(r, `${expected.label} as ${asType}`);
        if (r.ok) return;
        if (r.code === 'WRONG_PERIOD_TYPE') {
          expect(r.foundType).toBeDefined();
          expect(r.reason).toContain(expected.label);
        } else {
          // The documented ambiguities: a bare year for a pair or date measure, and `2012/13` for a month.
          expect(r.reason).toMatch(/ambiguous|which is a year/);
        }
      }),
      opts(),
    );
  });
});

describe('parsePeriod never throws, whatever the text', () => {
  const periodish = fc
    .array(
      fc.constantFrom(
        '2013', '2012', '1899', '2101', '13', '03', '3', '39', '53', '00', '31', '29', '02', '201213', '9999',
        '/', '-', '–', ' ', '  ', 'Q', 'q', 'W', 'w', 'FY', 'fy', ' to ', 'T', ':', '.', ',',
        'Mar', 'March', 'Sept', 'Febr', 'st', 'th', 'Q2', 'W39', '\t', '\n', '\u00a0', '٣', '１',
      ),
      { maxLength: 8 },
    )
    .map((parts) => parts.join(''));
  const text = fc.oneof(periodish, fc.string({ maxLength: 40 }), fc.string({ unit: 'binary', maxLength: 40 }));
  const type = fc.option(fc.constantFrom(...PERIOD_TYPES), { nil: undefined });
  const format = fc.option(fc.constantFrom(...PERIOD_FORMATS), { nil: undefined });

  it('returns ok with a period of the expected type that reads back to itself, or a refusal with reason and fix', () => {
    fc.assert(
      fc.property(text, type, format, (s, t, f) => {
        const r = parsePeriod(s, t, f);
        if (r.ok) {
          if (t !== undefined) expect(r.period.type).toBe(t);
          expect(Number.isInteger(r.period.ordinal)).toBe(true);
          expect(read(r.period.label, r.period.type)).toEqual(r.period);
          expect(periodFromOrdinal(r.period.type, r.period.ordinal)).toEqual(r.period);
        } else {
          expectRefusal(r, s);
        }
      }),
      { seed: SEED, numRuns: 2000 },
    );
  });
});
