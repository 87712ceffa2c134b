/**
 * The bundled dataset (data/series/*.csv) and its generator (src/tools/generate-data.ts).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { parsePlan } from '../../src/plan/parse-plan.js';
import type { Measure } from '../../src/plan/types.js';
import { DATA_SEED, generateDataset, generateSeries, HEADER, periodsOf } from '../../src/tools/generate-data.js';

const root = new URL('../../', import.meta.url);
const plan = parsePlan(readFileSync(new URL('data/plan.yaml', root), 'utf8'), 'data/plan.yaml');
const seriesDir = new URL('data/series/', root);
const generated = generateDataset(plan, DATA_SEED);
const tables = generateSeries(plan, DATA_SEED);

interface Row {
  measure: string;
  area: string;
  period: string;
  value: string;
  numerator: string;
  denominator: string;
  status: string;
  note: string;
}

function committed(measure: string): Row[] {
  return parse(readFileSync(new URL(`${measure}.csv`, seriesDir), 'utf8'), { columns: true }) as Row[];
}

const rowsByMeasure = new Map(plan.measures.map((m) => [m.id, committed(m.id)]));

function rows(measure: string): Row[] {
  const r = rowsByMeasure.get(measure);
  if (!r) throw new Error(`no rows for ${measure}`);
  return r;
}

const CITY = plan.city;
const CLUSTERS = plan.areas.filter((a) => a.type === 'cluster').map((a) => a.name);

/** round(num × mult / den) shown to `decimals`, halves up, as text. */
function shown(num: number, den: number, mult: number, decimals: number): string {
  const a = BigInt(num) * BigInt(mult) * 10n ** BigInt(decimals);
  const b = BigInt(den);
  const scaled = ((2n * a + b) / (2n * b)).toString().padStart(decimals + 1, '0');
  return decimals === 0 ? scaled : `${scaled.slice(0, -decimals)}.${scaled.slice(-decimals)}`;
}

function mult(m: Measure): number {
  return m.unit.kind === 'percent' ? 100 : m.unit.kind === 'rate' ? m.unit.per : 1;
}

describe('the committed data/series files', () => {
  it('are exactly what the generator writes with the committed seed (never edit them by hand)', () => {
    const files = readdirSync(seriesDir).filter((f) => f.endsWith('.csv')).sort();
    expect(files).toEqual([...generated.keys()].sort());
    for (const [name, text] of generated) {
      expect(readFileSync(new URL(name, seriesDir), 'utf8'), `${name} differs from the generator: run npm run data`).toBe(text);
    }
  });

  it('are generated identically on every run', () => {
    expect(generateDataset(plan, DATA_SEED)).toEqual(generated);
    expect(generateDataset(plan, DATA_SEED + 1).get('looked-after-weekly.csv')).not.toBe(generated.get('looked-after-weekly.csv'));
  });

  it('are UTF-8 text with LF line ends, no byte order mark, the exact header and a final newline', () => {
    for (const [name, text] of generated) {
      expect(text.startsWith(`${HEADER}\n`), name).toBe(true);
      expect(text.endsWith('\n'), name).toBe(true);
      expect(text.includes('\r'), name).toBe(false);
      expect(text.charCodeAt(0), name).not.toBe(0xfeff);
    }
  });
});

describe('clusters reconcile with the city', () => {
  for (const table of tables) {
    const m = table.measure;
    const cityCells = table.cells.filter((c) => c.area === CITY);
    const clusterCells = table.cells.filter((c) => CLUSTERS.includes(c.area));
    if (clusterCells.length === 0) continue;
    it(`${m.id}: the 25 clusters add up to ${CITY} in every period`, () => {
      expect(clusterCells).toHaveLength(CLUSTERS.length * table.periods.length);
      for (const city of cityCells) {
        const parts = clusterCells.filter((c) => c.period === city.period);
        expect(parts.map((c) => c.area)).toEqual(CLUSTERS);
        if (city.value === null) {
          expect(parts.every((c) => c.value === null && c.marker === city.marker), city.period).toBe(true);
          continue;
        }
        if (m.unit.kind === 'count') {
          expect(parts.reduce((a, c) => a + c.value!, 0), city.period).toBe(city.value);
        } else {
          expect(parts.reduce((a, c) => a + c.numerator!, 0), `${city.period} numerators`).toBe(city.numerator);
          expect(parts.reduce((a, c) => a + c.denominator!, 0), `${city.period} denominators`).toBe(city.denominator);
        }
      }
    });
  }

  it('every value with a numerator and denominator is numerator / denominator to the shown decimals', () => {
    for (const m of plan.measures) {
      if (m.unit.kind === 'count') continue;
      for (const r of rows(m.id)) {
        if (r.numerator === '' || r.denominator === '') continue;
        const num = Number(r.numerator);
        const den = Number(r.denominator);
        expect(Number.isInteger(num) && Number.isInteger(den) && den > 0, `${m.id} ${r.area} ${r.period}`).toBe(true);
        if (m.unit.kind === 'percent') expect(num, `${m.id} ${r.area} ${r.period}`).toBeLessThanOrEqual(den);
        expect(r.value, `${m.id} ${r.area} ${r.period}`).toBe(shown(num, den, mult(m), m.decimals));
      }
    }
  });

  it('percent and rate measures give the city a numerator and denominator in every period', () => {
    for (const m of plan.measures) {
      if (m.unit.kind === 'count') continue;
      for (const r of rows(m.id).filter((x) => x.area === CITY && !['c', 'x', 'z'].includes(x.value))) {
        // Published LA3 percentages for looked-after children 2012/13-2014/15 get constructed counts too.
        expect(r.numerator !== '' && r.denominator !== '', `${m.id} ${r.period}`).toBe(true);
      }
    }
  });

  it('in the CSV, suppressed cluster cells (c) hide a count of 1 to 5 and keep their denominator', () => {
    let suppressed = 0;
    for (const table of tables) {
      const m = table.measure;
      for (const cell of table.cells.filter((c) => c.suppressed)) {
        suppressed++;
        expect(m.role, m.id).not.toBe('tracker');
        expect(CLUSTERS).toContain(cell.area);
        const n = m.unit.kind === 'count' ? cell.value! : cell.numerator!;
        expect(n).toBeGreaterThanOrEqual(1);
        expect(n).toBeLessThanOrEqual(5);
        const row = rows(m.id).find((r) => r.area === cell.area && r.period === cell.period)!;
        expect(row.value).toBe('c');
        expect(row.numerator).toBe('');
        if (m.unit.kind !== 'count') expect(row.denominator).toBe(String(cell.denominator));
      }
      // What the CSV shows still adds up: shown clusters + 1..5 for each suppressed one = city.
      for (const period of table.periods) {
        const city = rows(m.id).find((r) => r.area === CITY && r.period === period)!;
        const parts = rows(m.id).filter((r) => CLUSTERS.includes(r.area) && r.period === period);
        if (parts.length === 0 || city.value === 'c' || city.value === 'z') continue;
        const hidden = parts.filter((r) => r.value === 'c').length;
        const field = m.unit.kind === 'count' ? 'value' : 'numerator';
        const total = Number(city[field]);
        const visible = parts.filter((r) => r.value !== 'c').reduce((a, r) => a + Number(r[field]), 0);
        expect(total - visible, `${m.id} ${period}`).toBeGreaterThanOrEqual(hidden);
        expect(total - visible, `${m.id} ${period}`).toBeLessThanOrEqual(5 * hidden);
        if (m.unit.kind !== 'count') {
          expect(parts.reduce((a, r) => a + Number(r.denominator), 0), `${m.id} ${period}`).toBe(Number(city.denominator));
        }
      }
    }
    expect(suppressed).toBeGreaterThan(0);
    expect(suppressed).toBeLessThanOrEqual(10); // used sparingly
  });

  it('the 31 March cluster counts are the weekly tracker at the week containing 31 March', () => {
    const weekly = rows('looked-after-weekly');
    const weekOf: Record<string, string> = {
      '2008-03-31': '2008-W14',
      '2009-03-31': '2009-W14',
      '2010-03-31': '2010-W13',
      '2011-03-31': '2011-W13',
      '2012-03-31': '2012-W13',
      '2013-03-31': '2013-W13',
      '2014-03-31': '2014-W14',
      '2015-03-31': '2015-W14',
    };
    for (const r of rows('looked-after').filter((x) => x.area === CITY || CLUSTERS.includes(x.area))) {
      const w = weekly.find((x) => x.area === r.area && x.period === weekOf[r.period]);
      expect(w?.value, `${r.area} ${r.period}`).toBe(r.value);
    }
    for (const r of rows('looked-after-rate').filter((x) => x.area === CITY || CLUSTERS.includes(x.area))) {
      const count = rows('looked-after').find((x) => x.area === r.area && x.period === r.period)!;
      expect(r.numerator, `${r.area} ${r.period}`).toBe(count.value);
    }
  });

  it('no cluster has more obese Year 6 children than overweight or obese ones', () => {
    const obese = rows('obesity-year6');
    for (const r of rows('excess-weight-year6')) {
      if (r.numerator === '') continue;
      const o = obese.find((x) => x.area === r.area && x.period === r.period)!;
      expect(o.denominator, `${r.area} ${r.period}`).toBe(r.denominator);
      expect(Number(o.numerator), `${r.area} ${r.period}`).toBeLessThanOrEqual(Number(r.numerator));
    }
  });
});

/**
 * Every real figure, as [measure, area, period, value]. Values are shown to the measure's
 * decimals (plan.yaml); where the source gives more precision, the numerator/denominator check
 * below holds it.
 */
type Real = readonly [string, string, string, string];

/** Copied from data/real/leeds-figures.md (Published Leeds figures, 2008–2015). */
const FROM_LEEDS_FIGURES: readonly Real[] = [
  // §1 Children looked after at 31 March: Leeds; England as first published; England 2008–2009 from
  // the 2024 national time series (no first-published figure in the table).
  ['looked-after', 'Leeds', '2010-03-31', '1417'],
  ['looked-after', 'Leeds', '2011-03-31', '1448'],
  ['looked-after', 'Leeds', '2012-03-31', '1475'],
  ['looked-after', 'Leeds', '2013-03-31', '1373'],
  ['looked-after', 'Leeds', '2014-03-31', '1339'],
  ['looked-after', 'Leeds', '2015-03-31', '1245'],
  ['looked-after', 'England', '2008-03-31', '59360'],
  ['looked-after', 'England', '2009-03-31', '60920'],
  ['looked-after', 'England', '2010-03-31', '64400'],
  ['looked-after', 'England', '2011-03-31', '65520'],
  ['looked-after', 'England', '2012-03-31', '67050'],
  ['looked-after', 'England', '2013-03-31', '68110'],
  ['looked-after', 'England', '2014-03-31', '68840'],
  ['looked-after', 'England', '2015-03-31', '69540'],
  // §1 notes: computed Leeds rate for 2010, 1,417 / 151,800 × 10,000 = 93.3.
  ['looked-after-rate', 'Leeds', '2010-03-31', '93.3'],
  // §2 NEET: Aug 2008 8.44% (monthly, 16-18), shown to 1 decimal.
  ['neet-monthly', 'Leeds', '2008-08', '8.4'],
  // §3 Attendance, all pupils: 2007/08 secondary 91.64%; 2008/09 94.1% / 91.5%; 2009/10 94.3% /
  // 91.9% (91.88%, England 93.24%).
  ['attendance-secondary', 'Leeds', '2007/08', '91.6'],
  ['attendance-primary', 'Leeds', '2008/09', '94.1'],
  ['attendance-secondary', 'Leeds', '2008/09', '91.5'],
  ['attendance-primary', 'Leeds', '2009/10', '94.3'],
  ['attendance-secondary', 'Leeds', '2009/10', '91.9'],
  ['attendance-secondary', 'England', '2009/10', '93.2'],
  // §3 Looked-after children: overall absence 9.20, 8.17, 7.30, 7.31, 5.02 (2008–2012 = 2007/08–2011/12).
  ['looked-after-absence', 'Leeds', '2007/08', '9.2'],
  ['looked-after-absence', 'Leeds', '2008/09', '8.2'],
  ['looked-after-absence', 'Leeds', '2009/10', '7.3'],
  ['looked-after-absence', 'Leeds', '2010/11', '7.3'],
  ['looked-after-absence', 'Leeds', '2011/12', '5.0'],
  // §4 Under-18 conception rate: Leeds, Yorkshire and The Humber, England, 2008–2015.
  ...(
    [
      ['2008', '54.5', '47.1', '39.7'],
      ['2009', '48.1', '43.5', '37.1'],
      ['2010', '43.9', '39.9', '34.2'],
      ['2011', '38.1', '33.8', '30.7'],
      ['2012', '37.6', '31.7', '27.7'],
      ['2013', '31.7', '28.5', '24.3'],
      ['2014', '29.4', '26.4', '22.8'],
      ['2015', '27.3', '24.3', '20.8'],
    ] as const
  ).flatMap(([y, leeds, region, england]): Real[] => [
    ['under-18-conceptions', 'Leeds', y, leeds],
    ['under-18-conceptions', 'Yorkshire and The Humber', y, region],
    ['under-18-conceptions', 'England', y, england],
  ]),
  // §5 Year 6 obesity (2009/10 press; 2010/11–2014/15 data; 2015/16 is outside the range).
  ['obesity-year6', 'Leeds', '2009/10', '20.0'],
  ['obesity-year6', 'England', '2009/10', '18.7'],
  ['obesity-year6', 'Leeds', '2010/11', '19.8'],
  ['obesity-year6', 'England', '2010/11', '19.0'],
  ['obesity-year6', 'Leeds', '2011/12', '19.7'],
  ['obesity-year6', 'England', '2011/12', '19.2'],
  ['obesity-year6', 'Leeds', '2012/13', '19.6'],
  ['obesity-year6', 'England', '2012/13', '18.9'],
  ['obesity-year6', 'Leeds', '2013/14', '19.3'],
  ['obesity-year6', 'England', '2013/14', '19.1'],
  ['obesity-year6', 'Leeds', '2014/15', '19.3'],
  ['obesity-year6', 'England', '2014/15', '19.1'],
  // §5 Year 6 excess weight, Leeds and England, 2007/08–2014/15 (2009/10 Leeds: data 35.0, press 34.9).
  ...(
    [
      ['2007/08', '33.3', '32.6'],
      ['2008/09', '35.2', '32.6'],
      ['2009/10', '35.0', '33.4'],
      ['2010/11', '33.7', '33.4'],
      ['2011/12', '35.0', '33.9'],
      ['2012/13', '33.6', '33.3'],
      ['2013/14', '34.3', '33.5'],
      ['2014/15', '33.0', '33.2'],
    ] as const
  ).flatMap(([y, leeds, england]): Real[] => [
    ['excess-weight-year6', 'Leeds', y, leeds],
    ['excess-weight-year6', 'England', y, england],
  ]),
  // §6 GCSE 5+ A*-C including English and maths, all pupils: 2009 45.9; 2013 57.3; 2014 51
  // (performance tables; 50 LA provisional); 2015 55.5 (performance tables; 54.1 provisional).
  ['gcse-5ac-english-maths', 'Leeds', '2008/09', '45.9'],
  ['gcse-5ac-english-maths', 'Leeds', '2012/13', '57.3'],
  ['gcse-5ac-english-maths', 'Leeds', '2013/14', '51.0'],
  ['gcse-5ac-english-maths', 'Leeds', '2014/15', '55.5'],
  // §6 Looked-after children: 2008 9/112; 2009 x (suppressed: our marker c); 2010 17/106; 2011 10/99;
  // 2012 14/95 (computed); 2013 18.0, 2014 13.2, 2015 8.7 (as printed in LA3).
  ['looked-after-gcse', 'Leeds', '2007/08', '8.0'],
  ['looked-after-gcse', 'Leeds', '2008/09', 'c'],
  ['looked-after-gcse', 'Leeds', '2009/10', '16.0'],
  ['looked-after-gcse', 'Leeds', '2010/11', '10.1'],
  ['looked-after-gcse', 'Leeds', '2011/12', '14.7'],
  ['looked-after-gcse', 'Leeds', '2012/13', '18.0'],
  ['looked-after-gcse', 'Leeds', '2013/14', '13.2'],
  ['looked-after-gcse', 'Leeds', '2014/15', '8.7'],
];
// Not used from leeds-figures.md: NEET "city average 6.0%" of early 2013 (basis and month not
// stated); the autumn-term 2011 attendance (a term, not a measure's period); persistent absence
// (not a plan measure); 5+ A*-C in any subjects (not the measure); provisional GCSE figures where
// the performance-table figure is used; LA3's 10.2 (2011) and 15.1 (2012) for looked-after GCSE,
// where the unrounded SFR32/2012 counts give 10.1 and 14.7; figures before 2008 or after 2015.

/** Published counts behind the leeds-figures.md percentages and rates. */
const PUBLISHED_COUNTS: readonly (readonly [string, string, string, number, number])[] = [
  ['looked-after-absence', 'Leeds', '2007/08', 18386, 199855],
  ['looked-after-absence', 'Leeds', '2008/09', 16124, 197395],
  ['looked-after-absence', 'Leeds', '2009/10', 14079, 192824],
  ['looked-after-absence', 'Leeds', '2010/11', 14239, 194874],
  ['looked-after-absence', 'Leeds', '2011/12', 9409, 187515],
  ['looked-after-gcse', 'Leeds', '2007/08', 9, 112],
  ['looked-after-gcse', 'Leeds', '2009/10', 17, 106],
  ['looked-after-gcse', 'Leeds', '2010/11', 10, 99],
  ['looked-after-gcse', 'Leeds', '2011/12', 14, 95],
  ['looked-after-rate', 'Leeds', '2010-03-31', 1417, 151800],
];
const PUBLISHED_NUMERATORS: readonly (readonly [string, string, string, number])[] = [
  ['under-18-conceptions', 'Leeds', '2008', 691],
  ['under-18-conceptions', 'Leeds', '2009', 618],
  ['under-18-conceptions', 'Leeds', '2010', 555],
  ['under-18-conceptions', 'Leeds', '2011', 480],
  ['under-18-conceptions', 'Leeds', '2012', 471],
  ['under-18-conceptions', 'Leeds', '2013', 389],
  ['under-18-conceptions', 'Leeds', '2014', 358],
  ['under-18-conceptions', 'Leeds', '2015', 325],
  ['neet-monthly', 'Leeds', '2013-02', 1437],
];

/** Real figures from the real-data files and the seed documents that leeds-figures.md does not list. */
const OTHER_REAL: readonly Real[] = [
  // DfE SFR underlying data: Yorkshire and The Humber at 31 March 2010–2015.
  ['looked-after', 'Yorkshire and The Humber', '2010-03-31', '7050'],
  ['looked-after', 'Yorkshire and The Humber', '2011-03-31', '7300'],
  ['looked-after', 'Yorkshire and The Humber', '2012-03-31', '7530'],
  ['looked-after', 'Yorkshire and The Humber', '2013-03-31', '7420'],
  ['looked-after', 'Yorkshire and The Humber', '2014-03-31', '7360'],
  ['looked-after', 'Yorkshire and The Humber', '2015-03-31', '7260'],
  // SFR27/2010 with its mid-2009 populations.
  ['looked-after-rate', 'England', '2010-03-31', '58.5'],
  ['looked-after-rate', 'Yorkshire and The Humber', '2010-03-31', '63.7'],
  // The weekly tracker passes through the 31 March figures and the Executive Board report's
  // 30 June figures (2013: 1,358; 2012: 74 more).
  ['looked-after-weekly', 'Leeds', '2010-W13', '1417'],
  ['looked-after-weekly', 'Leeds', '2011-W13', '1448'],
  ['looked-after-weekly', 'Leeds', '2012-W13', '1475'],
  ['looked-after-weekly', 'Leeds', '2012-W26', '1432'],
  ['looked-after-weekly', 'Leeds', '2013-W13', '1373'],
  ['looked-after-weekly', 'Leeds', '2013-W26', '1358'],
  ['looked-after-weekly', 'Leeds', '2014-W14', '1339'],
  ['looked-after-weekly', 'Leeds', '2015-W14', '1245'],
  // CYPP refresh 2013 and Executive Board report of 9 October 2013.
  ['social-care-referrals', 'Leeds', '2011/12', '14122'],
  ['social-care-referrals', 'Leeds', '2012/13', '11357'],
  ['cp-investigations-in-15-days', 'Leeds', '2011/12', '33'],
  ['cp-investigations-in-15-days', 'Leeds', '2012/13', '66'],
  ['re-referrals', 'Leeds', '2011/12', '32'],
  ['re-referrals', 'Leeds', '2012/13', '22'],
  ['neet', 'Leeds', '2011', '8.1'],
  ['neet', 'Leeds', '2012', '6.2'],
  ['neet-monthly', 'Leeds', '2012-11', '5.9'],
  ['neet-monthly', 'Leeds', '2013-02', '6.3'],
  ['gcse-5ac-english-maths', 'Leeds', '2011/12', '55.0'],
  ['apprenticeship-starts', 'Leeds', '2010/11', '1904'],
  ['apprenticeship-starts', 'Leeds', '2011/12', '2214'],
  ['short-breaks-children', 'Leeds', '2011/12', '1261'],
  ['short-breaks-children', 'Leeds', '2012/13', '1345'],
  ['fsm-uptake-primary', 'Leeds', '2010/11', '76.6'],
  ['fsm-uptake-primary', 'Leeds', '2011/12', '76.7'],
  ['fsm-uptake-primary', 'England', '2010/11', '79.8'],
  ['fsm-uptake-primary', 'England', '2011/12', '81.8'],
  ['fsm-uptake-secondary', 'Leeds', '2010/11', '67.1'],
  ['fsm-uptake-secondary', 'Leeds', '2011/12', '68.9'],
  ['fsm-uptake-secondary', 'England', '2010/11', '69.3'],
  ['fsm-uptake-secondary', 'England', '2011/12', '70.6'],
  // DfE SFR32/2012 and SFR34/2015: England comparators for looked-after children.
  ['looked-after-absence', 'England', '2007/08', '6.4'],
  ['looked-after-absence', 'England', '2008/09', '6.2'],
  ['looked-after-absence', 'England', '2009/10', '5.8'],
  ['looked-after-absence', 'England', '2010/11', '5.5'],
  ['looked-after-absence', 'England', '2011/12', '4.7'],
  ['looked-after-gcse', 'England', '2007/08', '10.3'],
  ['looked-after-gcse', 'England', '2008/09', '10.8'],
  ['looked-after-gcse', 'England', '2009/10', '12.4'],
  ['looked-after-gcse', 'England', '2010/11', '13.6'],
  ['looked-after-gcse', 'England', '2011/12', '14.9'],
  ['looked-after-gcse', 'England', '2012/13', '15.5'],
  ['looked-after-gcse', 'England', '2013/14', '12.2'],
  ['looked-after-gcse', 'England', '2014/15', '13.8'],
];

describe('real figures', () => {
  const find = (measure: string, area: string, period: string) => rows(measure).find((r) => r.area === area && r.period === period);

  it('every real figure of leeds-figures.md in 2008–2015 is present, exact, with a real: note', () => {
    for (const [measure, area, period, value] of FROM_LEEDS_FIGURES) {
      const row = find(measure, area, period);
      expect(row?.value, `${measure} ${area} ${period}`).toBe(value);
      expect(row?.note.startsWith('real: '), `${measure} ${area} ${period}`).toBe(true);
    }
    for (const [measure, area, period, num, den] of PUBLISHED_COUNTS) {
      const row = find(measure, area, period);
      expect([row?.numerator, row?.denominator], `${measure} ${area} ${period}`).toEqual([String(num), String(den)]);
    }
    for (const [measure, area, period, num] of PUBLISHED_NUMERATORS) {
      expect(find(measure, area, period)?.numerator, `${measure} ${area} ${period}`).toBe(String(num));
    }
    // The more precise published figures the counts are built to match.
    const precise = (measure: string, period: string, decimals: number) => {
      const row = find(measure, 'Leeds', period)!;
      return shown(Number(row.numerator), Number(row.denominator), 100, decimals);
    };
    expect(precise('attendance-secondary', '2007/08', 2)).toBe('91.64');
    expect(precise('attendance-secondary', '2009/10', 2)).toBe('91.88');
    expect(precise('neet-monthly', '2008-08', 2)).toBe('8.44');
  });

  it('the other real figures (real-data files, seed documents) are present, exact, with a real: note', () => {
    for (const [measure, area, period, value] of OTHER_REAL) {
      const row = find(measure, area, period);
      expect(row?.value, `${measure} ${area} ${period}`).toBe(value);
      expect(row?.note.startsWith('real: '), `${measure} ${area} ${period}`).toBe(true);
    }
    expect(find('short-breaks-children', 'Leeds', '2012/13')?.status).toBe('p'); // a projection
  });

  it('nothing else claims to be real, and every real figure is cited in data/README.md', () => {
    const expected = new Set([...FROM_LEEDS_FIGURES, ...OTHER_REAL].map((r) => r.join('|')));
    const readme = readFileSync(new URL('data/README.md', root), 'utf8');
    const claimed: string[] = [];
    for (const m of plan.measures) {
      for (const r of rows(m.id)) {
        if (!r.note.startsWith('real: ')) continue;
        claimed.push([m.id, r.area, r.period, r.value].join('|'));
        expect(readme, `README citation for ${m.id} ${r.area} ${r.period}`).toContain(`| ${m.id} | ${r.area} | ${r.period} | ${r.value} |`);
      }
    }
    expect(new Set(claimed)).toEqual(expected);
    expect(claimed).toHaveLength(expected.size);
    expect(readme).toContain(`${claimed.length} rows are real published figures`);
    const total = [...generated.values()].reduce((a, text) => a + text.split('\n').length - 2, 0);
    expect(readme).toContain(`**${total.toLocaleString('en-GB')}**`);
  });
});

/** Expected period labels, computed here independently of the generator. */
function expectedPeriods(m: Measure): string[] {
  const out: string[] = [];
  const p2 = (n: number) => String(n).padStart(2, '0');
  switch (m.periodType) {
    case 'calendar-year':
      for (let y = 2008; y <= 2015; y++) out.push(String(y));
      break;
    case 'academic-year':
    case 'financial-year':
      for (let y = 2007; y <= 2014; y++) out.push(`${y}/${p2((y + 1) % 100)}`);
      break;
    case 'date':
      for (let y = 2008; y <= 2015; y++) out.push(`${y}-03-31`);
      break;
    case 'month':
      for (let y = 2008; y <= 2015; y++) for (let mo = 1; mo <= 12; mo++) out.push(`${y}-${p2(mo)}`);
      break;
    case 'week': {
      // Mondays from that of 2008-W01 (31 Dec 2007) to that of 2015-W53 (28 Dec 2015).
      for (let t = Date.UTC(2007, 11, 31); t <= Date.UTC(2015, 11, 28); t += 7 * 86400000) {
        const thursday = new Date(t + 3 * 86400000);
        const year = thursday.getUTCFullYear();
        const week = Math.floor((thursday.getTime() - Date.UTC(year, 0, 1)) / (7 * 86400000)) + 1;
        out.push(`${year}-W${p2(week)}`);
      }
      break;
    }
    case 'quarter':
      for (let y = 2008; y <= 2015; y++) for (let q = 1; q <= 4; q++) out.push(`${y}-Q${q}`);
  }
  return out;
}

const LABEL: Record<Measure['periodType'], RegExp> = {
  'calendar-year': /^\d{4}$/,
  'academic-year': /^\d{4}\/\d{2}$/,
  'financial-year': /^\d{4}\/\d{2}$/,
  quarter: /^\d{4}-Q[1-4]$/,
  month: /^\d{4}-(0[1-9]|1[0-2])$/,
  week: /^\d{4}-W(0[1-9]|[1-4]\d|5[0-3])$/,
  date: /^\d{4}-03-31$/,
};

describe('coverage', () => {
  it('every measure of the plan has a file', () => {
    expect(plan.measures).toHaveLength(31);
    for (const m of plan.measures) expect(generated.has(`${m.id}.csv`), m.id).toBe(true);
  });

  it('every row is of its measure and period type; areas come in plan order, periods in order', () => {
    const areaOrder = plan.areas.map((a) => a.name);
    for (const m of plan.measures) {
      const expected = expectedPeriods(m);
      expect(periodsOf(m)).toEqual(expected);
      const periodIndex = new Map(expected.map((p, i) => [p, i]));
      const rs = rows(m.id);
      let lastArea = -1;
      let lastPeriod = -1;
      for (const r of rs) {
        expect(r.measure).toBe(m.id);
        expect(r.period, `${m.id} ${r.period}`).toMatch(LABEL[m.periodType]);
        const a = areaOrder.indexOf(r.area);
        expect(a, `${m.id} area ${r.area}`).toBeGreaterThanOrEqual(0);
        const p = periodIndex.get(r.period) ?? -1;
        expect(p, `${m.id} ${r.period}`).toBeGreaterThanOrEqual(0);
        if (a !== lastArea) {
          expect(a, `${m.id}: areas out of order`).toBeGreaterThan(lastArea);
          lastArea = a;
          lastPeriod = -1;
        }
        expect(p, `${m.id} ${r.area}: periods out of order`).toBeGreaterThan(lastPeriod);
        lastPeriod = p;
      }
    }
  });

  it('Leeds covers 2008–2015 with no gaps for every measure (the week tracker 2008-W01 to 2015-W53)', () => {
    for (const m of plan.measures) {
      expect(rows(m.id).filter((r) => r.area === CITY).map((r) => r.period), m.id).toEqual(expectedPeriods(m));
    }
    expect(expectedPeriods(plan.measures.find((m) => m.id === 'looked-after-weekly')!)).toHaveLength(418);
  });

  it('every key and tracker measure has the 25 clusters, with the same periods as Leeds (small-number measures excepted)', () => {
    const noClusters = new Set(['alcohol-admissions-under-18', 'short-breaks-satisfaction']);
    for (const m of plan.measures) {
      const clusterRows = rows(m.id).filter((r) => CLUSTERS.includes(r.area));
      if (m.role === 'performance' || noClusters.has(m.id)) {
        expect(clusterRows, m.id).toHaveLength(0);
        continue;
      }
      expect(clusterRows, m.id).toHaveLength(CLUSTERS.length * expectedPeriods(m).length);
    }
  });

  it('comparators: England where meaningful, never for Leeds management information', () => {
    const leedsOnly = [
      'looked-after-weekly',
      'attendance-weekly',
      'neet-monthly',
      'short-breaks-children',
      'short-breaks-satisfaction',
      'enjoy-life',
      'influence-school',
      'influence-community',
      'cp-investigations-in-15-days',
      'social-care-referrals',
      're-referrals',
      'young-offenders',
    ];
    for (const id of leedsOnly) expect(rows(id).some((r) => r.area === 'England'), id).toBe(false);
    for (const id of ['looked-after', 'neet', 'gcse-5ac-english-maths', 'under-18-conceptions', 'obesity-year6']) {
      expect(rows(id).filter((r) => r.area === 'England'), id).toHaveLength(8);
    }
  });
});

describe('values and markers', () => {
  it('no value cell is empty or zero; a marker is c, x or z and then has no numerator', () => {
    for (const m of plan.measures) {
      const decimal = m.decimals === 0 ? /^\d+$/ : new RegExp(`^\\d+\\.\\d{${m.decimals}}$`);
      for (const r of rows(m.id)) {
        const where = `${m.id} ${r.area} ${r.period}`;
        expect(r.value, where).not.toBe('');
        if (['c', 'x', 'z'].includes(r.value)) {
          expect(r.numerator, where).toBe('');
          continue;
        }
        expect(r.value, where).toMatch(decimal);
        expect(Number(r.value), where).toBeGreaterThan(0);
        if (m.unit.kind === 'percent') expect(Number(r.value), where).toBeLessThanOrEqual(100);
        if (m.unit.kind === 'count') expect([r.numerator, r.denominator], where).toEqual(['', '']);
        expect(['', 'p', 'b'], where).toContain(r.status);
        expect(r.note === 'illustrative' || r.note.startsWith('real: '), where).toBe(true);
      }
    }
  });

  it('the attendance tracker marks school holiday weeks z (not applicable) for Leeds and every cluster', () => {
    const rs = rows('attendance-weekly');
    const leeds = rs.filter((r) => r.area === CITY);
    const holidays = leeds.filter((r) => r.value === 'z').map((r) => r.period);
    // Summer, Christmas, Easter and half terms: roughly 13–14 weeks a year.
    expect(holidays.length).toBeGreaterThan(8 * 12);
    expect(holidays.length).toBeLessThan(8 * 16);
    for (const w of ['2008-W01', '2010-W31', '2012-W52', '2013-W44', '2015-W33']) expect(holidays, w).toContain(w);
    for (const w of ['2008-W02', '2010-W40', '2013-W39', '2015-W50']) expect(holidays, w).not.toContain(w);
    for (const r of rs) {
      expect(r.value === 'z', `${r.area} ${r.period}`).toBe(holidays.includes(r.period));
      if (r.value === 'z') expect(r.note).toBe('school holiday week (illustrative term dates)');
    }
    // No other measure uses z.
    for (const m of plan.measures.filter((x) => x.id !== 'attendance-weekly')) {
      expect(rows(m.id).some((r) => r.value === 'z'), m.id).toBe(false);
    }
  });

  it('the trends follow the seed documents', () => {
    const leeds = (id: string) => rows(id).filter((r) => r.area === CITY).map((r) => Number(r.value));
    // Looked after: the weekly tracker peaks at the real 1,475 of March 2012; March 2013 (1,373) and
    // June 2013 (1,358) were "lower than at any point since November 2009": at most 1,358 in the week
    // ending 1 November 2009, above 1,373 from late November 2009 until March 2013, above 1,358 until June.
    const weekly = rows('looked-after-weekly').filter((r) => r.area === CITY);
    expect(Math.max(...weekly.map((r) => Number(r.value)))).toBe(1475);
    const between = (from: string, to: string) => weekly.filter((r) => r.period >= from && r.period <= to).map((r) => Number(r.value));
    expect(Math.min(...between('2009-W48', '2013-W12'))).toBeGreaterThan(1373);
    expect(Math.min(...between('2009-W48', '2013-W25'))).toBeGreaterThan(1358);
    expect(Number(weekly.find((r) => r.period === '2009-W44')!.value)).toBeLessThanOrEqual(1358);
    const steps = weekly.slice(1).map((r, i) => Math.abs(Number(r.value) - Number(weekly[i]!.value)));
    expect(Math.max(...steps)).toBeLessThanOrEqual(12);
    // NEET falls from about 9% to about 5–6%; attendance rises; conceptions halve.
    const neet = leeds('neet');
    expect(neet[0]).toBeGreaterThan(8.5);
    expect(neet[7]).toBeLessThan(6);
    expect(leeds('attendance-secondary')[7]! - leeds('attendance-secondary')[0]!).toBeGreaterThan(2);
    expect(leeds('under-18-conceptions')[7]! / leeds('under-18-conceptions')[0]!).toBeLessThan(0.55);
    // Referrals almost 20% fewer in 2012/13; CP investigations in 15 days doubled.
    const referrals = leeds('social-care-referrals');
    expect(referrals[5]! / referrals[4]!).toBeCloseTo(0.804, 2);
  });
});
