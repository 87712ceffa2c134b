/**
 * The bundled dataset (data/series/*.csv) and its generator (src/tools/generate-data.ts).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { parse as parseYaml } from 'yaml';
import { beforeAll, describe, expect, it } from 'vitest';
import { parsePlan } from '../../src/plan/parse-plan.js';
import type { Measure } from '../../src/plan/types.js';
import { ingestSource, parseSourceSpecs } from '../../src/data/sources.js';
import type { Observation } from '../../src/data/types.js';
import { loadWorkspace, type Workspace } from '../../src/cli/workspace.js';
import { analyseMeasure } from '../../src/analysis/scorecard.js';
import { clusterProfile } from '../../src/tools/data-gen/clusters.js';
import { DATA_SEED, generateDataset, generateSeries, HEADER, periodsOf } from '../../src/tools/generate-data.js';
import { COPIED_FIGURES, PRESS_FIGURES, REAL_MARKERS, SEED_FIGURES, type Figure } from './seed-figures.js';

const root = new URL('../../', import.meta.url);
const plan = parsePlan(readFileSync(new URL('data/plan.yaml', root), 'utf8'), 'data/plan.yaml');
const seriesDir = new URL('data/series/', root);
const generated = generateDataset(plan, DATA_SEED);
const tables = generateSeries(plan, DATA_SEED);
const readme = readFileSync(new URL('data/README.md', root), 'utf8');

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
const measureOf = (id: string): Measure => plan.measures.find((m) => m.id === id)!;

/** round(num × mult / den) shown to `decimals`, halves up, as text (exact, in BigInt). */
function shown(num: number, den: number, mult: number, decimals: number): string {
  const a = BigInt(num) * BigInt(mult) * 10n ** BigInt(decimals);
  const b = BigInt(den);
  const scaled = ((2n * a + b) / (2n * b)).toString().padStart(decimals + 1, '0');
  return decimals === 0 ? scaled : `${scaled.slice(0, -decimals)}.${scaled.slice(-decimals)}`;
}

function mult(m: Measure): number {
  return m.unit.kind === 'percent' ? 100 : m.unit.kind === 'rate' ? m.unit.per : 1;
}

const find = (measure: string, area: string, period: string) => rows(measure).find((r) => r.area === area && r.period === period);
const leedsValues = (id: string) => new Map(rows(id).filter((r) => r.area === CITY).map((r) => [r.period, Number(r.value)]));

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

  it('percent and rate key and tracker measures give the city a numerator and denominator in every period', () => {
    for (const m of plan.measures.filter((x) => x.role !== 'performance')) {
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
        const row = find(m.id, cell.area, cell.period)!;
        expect(row.value).toBe('c');
        expect(row.numerator).toBe('');
        if (m.unit.kind !== 'count') expect(row.denominator).toBe(String(cell.denominator));
      }
      // What the CSV shows still adds up: shown clusters + 1..5 for each suppressed one = city.
      for (const period of table.periods) {
        const city = find(m.id, CITY, period)!;
        const parts = rows(m.id).filter((r) => CLUSTERS.includes(r.area) && r.period === period);
        if (parts.length === 0 || ['c', 'x', 'z'].includes(city.value)) continue;
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
    expect(suppressed).toBeLessThanOrEqual(20); // used sparingly
  });

  it('from 2006 the 31 March cluster counts are the weekly tracker at the week containing 31 March', () => {
    const weekOf: Record<string, string> = {
      '2006-03-31': '2006-W13',
      '2007-03-31': '2007-W13',
      '2008-03-31': '2008-W14',
      '2009-03-31': '2009-W14',
      '2010-03-31': '2010-W13',
      '2011-03-31': '2011-W13',
      '2012-03-31': '2012-W13',
      '2013-03-31': '2013-W13',
      '2014-03-31': '2014-W14',
      '2015-03-31': '2015-W14',
    };
    const weekly = rows('looked-after-weekly');
    let checked = 0;
    for (const r of rows('looked-after').filter((x) => (x.area === CITY || CLUSTERS.includes(x.area)) && weekOf[x.period])) {
      const w = weekly.find((x) => x.area === r.area && x.period === weekOf[r.period]);
      expect(w?.value, `${r.area} ${r.period}`).toBe(r.value);
      checked++;
    }
    expect(checked).toBe(26 * 10);
    for (const r of rows('looked-after-rate').filter((x) => x.area === CITY || CLUSTERS.includes(x.area))) {
      expect(r.numerator, `${r.area} ${r.period}`).toBe(find('looked-after', r.area, r.period)!.value);
    }
  });

  it('no cluster has more obese Year 6 children than overweight or obese ones', () => {
    for (const r of rows('excess-weight-year6')) {
      if (r.numerator === '') continue;
      const o = find('obesity-year6', r.area, r.period)!;
      expect(o.denominator, `${r.area} ${r.period}`).toBe(r.denominator);
      expect(Number(o.numerator), `${r.area} ${r.period}`).toBeLessThanOrEqual(Number(r.numerator));
    }
  });

  it('the placeholder clusters follow the poverty split of the CYPP refresh 2013', () => {
    // Wards with over 40% of children in poverty include Gipton & Harehills, City and Hunslet and
    // Middleton Park; under 10%, Horsforth and Wetherby.
    const high = ['Gipton and Harehills', 'Hunslet', 'Middleton'];
    const low = ['Horsforth', 'Wetherby'];
    for (const name of high) expect(clusterProfile(name).deprivation, name).toBeGreaterThan(0.5);
    for (const name of low) expect(clusterProfile(name).deprivation, name).toBeLessThan(-0.5);
    // And the figures show it: more children looked after per 10,000, more NEET.
    const rate = (id: string, area: string, period: string) => Number(find(id, area, period)!.value);
    for (const h of high) {
      for (const l of low) {
        expect(rate('looked-after-rate', h, '2012-03-31'), `${h} vs ${l}`).toBeGreaterThan(rate('looked-after-rate', l, '2012-03-31'));
        expect(rate('neet', h, '2012'), `${h} vs ${l}`).toBeGreaterThan(rate('neet', l, '2012'));
      }
    }
  });
});

// ---------------------------------------------------------------------------------------------
// Real figures

const REAL_AREAS = new Set([CITY, 'England', 'Yorkshire and The Humber']);
const key = (measure: string, area: string, period: string) => `${measure}|${area}|${period}`;

/** A published figure as the bundle shows it: to the measure's decimals, from its counts when it has them. */
function shownObservation(o: Observation, m: Measure): string {
  if (o.value === null) return 'marker';
  if (m.unit.kind !== 'count' && o.numerator !== undefined && o.denominator !== undefined && Number.isInteger(o.numerator)) {
    return shown(o.numerator, o.denominator, mult(m), m.decimals);
  }
  const f = 10 ** m.decimals;
  return (Math.round(o.value * f + 1e-9) / f).toFixed(m.decimals);
}

/** Every figure the real files give for the bundle's areas and periods: key → the values their vintages show. */
function realFileFigures(): Map<string, Set<string>> {
  const real = new URL('data/real/', root);
  const configFile = new URL('oba.config.yaml', real).pathname;
  const { specs, problems } = parseSourceSpecs((parseYaml(readFileSync(configFile, 'utf8')) as { sources: unknown }).sources, configFile, plan);
  expect(problems).toEqual([]);
  const out = new Map<string, Set<string>>();
  for (const spec of specs) {
    const result = ingestSource(spec, readFileSync(spec.path), spec.file, plan);
    for (const o of result.observations) {
      const m = measureOf(o.measure);
      if (!REAL_AREAS.has(o.area) || !periodsOf(m).includes(o.period.label)) continue;
      const k = key(o.measure, o.area, o.period.label);
      if (!out.has(k)) out.set(k, new Set());
      out.get(k)!.add(shownObservation(o, m));
    }
  }
  return out;
}

describe('real figures', () => {
  const fromFiles = realFileFigures();
  const listed = new Map<string, Figure>([...SEED_FIGURES, ...PRESS_FIGURES, ...COPIED_FIGURES, ...REAL_MARKERS].map((f) => [key(f[0], f[1], f[2]), f]));
  const bundledReal = plan.measures.flatMap((m) => rows(m.id).filter((r) => r.note.startsWith('real: ')));

  it('every figure the real files give for 2004–2015 is in the dataset, as published, noted real', () => {
    expect(fromFiles.size).toBeGreaterThan(120);
    for (const [k, values] of fromFiles) {
      const [measure, area, period] = k.split('|') as [string, string, string];
      const row = find(measure, area, period);
      // Only areas the bundle carries for the measure (Yorkshire and The Humber is not a comparator everywhere).
      if (!row && !rows(measure).some((r) => r.area === area)) continue;
      expect(row, k).toBeDefined();
      expect(row!.note.startsWith('real: '), k).toBe(true);
      // Where two vintages differ, the dataset shows one of them (data/README.md says which).
      expect([...values], k).toContain(['c', 'x'].includes(row!.value) ? 'marker' : row!.value);
    }
  });

  it('the figures of the Leeds reports and the press are present, exact, noted real', () => {
    for (const [measure, area, period, value, where] of listed.values()) {
      const row = find(measure, area, period);
      expect(row?.value, `${measure} ${area} ${period} (${where})`).toBe(value);
      expect(row?.note.startsWith('real: '), `${measure} ${area} ${period}`).toBe(true);
    }
    // Counts behind a seed figure: 1,437 NEET at the end of February 2013; 35 of 38 schools; 5 of 12 homes.
    expect(find('neet-monthly', CITY, '2013-02')?.numerator).toBe('1437');
    expect([find('safer-schools-coverage', CITY, '2013-03-31')?.numerator, find('safer-schools-coverage', CITY, '2013-03-31')?.denominator]).toEqual(['35', '38']);
    expect([find('childrens-homes-good', CITY, '2013-03-31')?.numerator, find('childrens-homes-good', CITY, '2013-03-31')?.denominator]).toEqual(['5', '12']);
    // The more precise published figures the counts are built to match.
    const precise = (measure: string, period: string, decimals: number) => {
      const row = find(measure, CITY, period)!;
      return shown(Number(row.numerator), Number(row.denominator), 100, decimals);
    };
    expect(precise('attendance-secondary', '2007/08', 2)).toBe('91.64');
    expect(precise('attendance-secondary', '2009/10', 2)).toBe('91.88');
    expect(precise('neet-monthly', '2008-08', 2)).toBe('8.44');
    expect(precise('neet-not-known', '2008-08', 2)).toBe('5.51');
    expect(find('short-breaks-children', CITY, '2012/13')?.status).toBe('p'); // a projection
    expect(find('short-break-hours', CITY, '2012/13')?.status).toBe('p');
  });

  it('nothing else claims to be real, and every real figure is cited in data/README.md', () => {
    for (const r of bundledReal) {
      const k = key(r.measure, r.area, r.period);
      expect(fromFiles.has(k) || listed.has(k), `${k} is noted real but comes from no real file and no listed report`).toBe(true);
      expect(readme, `README citation for ${k}`).toContain(`| ${r.measure} | ${r.area} | ${r.period} | ${r.value} |`);
    }
    expect(readme).toContain(`${bundledReal.length} rows are real published figures`);
    const total = [...generated.values()].reduce((a, text) => a + text.split('\n').length - 2, 0);
    expect(readme).toContain(`**${total.toLocaleString('en-GB')}**`);
  });

  it('every row is real (`real: …`) or illustrative (a note beginning "illustrative")', () => {
    for (const m of plan.measures) {
      for (const r of rows(m.id)) {
        expect(r.note.startsWith('real: ') || r.note.startsWith('illustrative'), `${m.id} ${r.area} ${r.period}: ${r.note}`).toBe(true);
      }
    }
  });

  it('the README cites each report figure with its document and where it is said', () => {
    for (const [measure, area, period, value] of SEED_FIGURES) {
      const line = readme.split('\n').find((l) => l.startsWith(`| ${measure} | ${area} | ${period} | ${value} |`));
      expect(line, `${measure} ${area} ${period}`).toMatch(/Executive Board report of 9 October 2013|CYPP 2011-15 refresh 2013/);
      expect(line, `${measure} ${area} ${period}`).toMatch(/para \d|section/);
    }
  });
});

// ---------------------------------------------------------------------------------------------
// Coverage

/** First periods of measures that start after 2004 (a programme or a published series that began later). */
const FIRST: Record<string, string> = {
  'looked-after-absence': '2006/07',
  'looked-after-gcse': '2006/07',
  'obesity-year6': '2005/06',
  'excess-weight-year6': '2005/06',
  'family-group-conferences': '2008/09',
  'social-work-caseload': '2009-03-31',
  'childrens-homes-good': '2010-03-31',
  'childrens-centres-good': '2011-03-31',
  'two-year-old-places': '2012-03-31',
  'primary-schools-good': '2010-07-31',
  'secondary-schools-inadequate': '2010-03-31',
  'henry-trained-practitioners': '2009/10',
  'car-use-school-travel': '2008',
  'scored-tackled-boys': '2011/12',
  'safer-schools-coverage': '2010-03-31',
  'families-first-families': '2012/13',
  'childrens-mayor-votes': '2011/12',
};
/** Snapshot figures quoted at a date of their own (the Executive Board report of 9 October 2013). */
const EXTRA: Record<string, string[]> = { 'childrens-homes-good': ['2013-10-09'], 'childrens-centres-good': ['2013-10-09'] };

/** Expected period labels, computed here independently of the generator. */
function expectedPeriods(m: Measure): string[] {
  let out: string[] = [];
  const p2 = (n: number) => String(n).padStart(2, '0');
  switch (m.periodType) {
    case 'calendar-year':
      for (let y = 2004; y <= 2015; y++) out.push(String(y));
      break;
    case 'academic-year':
    case 'financial-year':
      for (let y = 2004; y <= 2014; y++) out.push(`${y}/${p2((y + 1) % 100)}`);
      break;
    case 'date': {
      const day = m.id === 'primary-schools-good' ? '07-31' : '03-31';
      for (let y = 2004; y <= 2015; y++) out.push(`${y}-${day}`);
      out = [...out, ...(EXTRA[m.id] ?? [])].sort();
      break;
    }
    case 'month':
      for (let y = 2006; y <= 2015; y++) for (let mo = 1; mo <= 12; mo++) out.push(`${y}-${p2(mo)}`);
      break;
    case 'week': {
      // Mondays from that of 2006-W01 (2 Jan 2006) to that of 2015-W53 (28 Dec 2015).
      for (let t = Date.UTC(2006, 0, 2); t <= Date.UTC(2015, 11, 28); t += 7 * 86400000) {
        const thursday = new Date(t + 3 * 86400000);
        const year = thursday.getUTCFullYear();
        const week = Math.floor((thursday.getTime() - Date.UTC(year, 0, 1)) / (7 * 86400000)) + 1;
        out.push(`${year}-W${p2(week)}`);
      }
      break;
    }
    case 'quarter':
      for (let y = 2004; y <= 2015; y++) for (let q = 1; q <= 4; q++) out.push(`${y}-Q${q}`);
  }
  const first = FIRST[m.id];
  return first ? out.slice(out.indexOf(first)) : out;
}

const LABEL: Record<Measure['periodType'], RegExp> = {
  'calendar-year': /^\d{4}$/,
  'academic-year': /^\d{4}\/\d{2}$/,
  'financial-year': /^\d{4}\/\d{2}$/,
  quarter: /^\d{4}-Q[1-4]$/,
  month: /^\d{4}-(0[1-9]|1[0-2])$/,
  week: /^\d{4}-W(0[1-9]|[1-4]\d|5[0-3])$/,
  date: /^\d{4}-\d{2}-\d{2}$/,
};

describe('coverage', () => {
  it('every measure of the plan has a file', () => {
    expect(plan.measures).toHaveLength(55);
    for (const m of plan.measures) expect(generated.has(`${m.id}.csv`), m.id).toBe(true);
  });

  it('every row is of its measure and period type; areas come in plan order, periods in order', () => {
    const areaOrder = plan.areas.map((a) => a.name);
    for (const m of plan.measures) {
      const expected = expectedPeriods(m);
      expect(periodsOf(m), m.id).toEqual(expected);
      const periodIndex = new Map(expected.map((p, i) => [p, i]));
      let lastArea = -1;
      let lastPeriod = -1;
      for (const r of rows(m.id)) {
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

  it('Leeds covers every period of every measure, with no gaps: annual from 2004, trackers from January 2006', () => {
    for (const m of plan.measures) {
      expect(rows(m.id).filter((r) => r.area === CITY).map((r) => r.period), m.id).toEqual(expectedPeriods(m));
    }
    expect(expectedPeriods(measureOf('looked-after-weekly'))).toHaveLength(522);
    expect(expectedPeriods(measureOf('neet-monthly'))).toHaveLength(120);
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

  it('every card has performance measures on page 2 but indicators 8, 14 and 15, of which the Leeds reports give none', () => {
    for (const indicator of plan.indicators) {
      const performance = indicator.measures.filter((m) => m.role === 'performance');
      if ([8, 14, 15].includes(indicator.number)) expect(performance, `indicator ${indicator.number}`).toHaveLength(0);
      else expect(performance.length, `indicator ${indicator.number}`).toBeGreaterThan(0);
      for (const m of performance) expect(m.quadrant, m.id).toBeDefined();
    }
  });

  it('comparators: England where meaningful, never for Leeds management information', () => {
    const leedsOnly = [
      'looked-after-weekly',
      'attendance-weekly',
      'neet-monthly',
      'neet-not-known',
      'short-breaks-children',
      'short-breaks-satisfaction',
      'enjoy-life',
      'influence-school',
      'influence-community',
      'cp-investigations-in-15-days',
      'social-care-referrals',
      're-referrals',
      'young-offenders',
      'family-group-conferences',
      'social-work-caseload',
    ];
    for (const id of leedsOnly) expect(rows(id).some((r) => r.area === 'England'), id).toBe(false);
    for (const id of ['looked-after', 'neet', 'gcse-5ac-english-maths', 'under-18-conceptions']) {
      expect(rows(id).filter((r) => r.area === 'England'), id).toHaveLength(12 - (id === 'gcse-5ac-english-maths' ? 1 : 0));
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
      }
    }
  });

  it('the attendance tracker marks school holiday weeks z (not applicable) for Leeds and every cluster', () => {
    const rs = rows('attendance-weekly');
    const leeds = rs.filter((r) => r.area === CITY);
    const holidays = leeds.filter((r) => r.value === 'z').map((r) => r.period);
    // Summer, Christmas, Easter and half terms: roughly 13–14 weeks a year, ten years.
    expect(holidays.length).toBeGreaterThan(10 * 12);
    expect(holidays.length).toBeLessThan(10 * 16);
    for (const w of ['2006-W33', '2008-W01', '2010-W31', '2012-W52', '2013-W44', '2015-W33']) expect(holidays, w).toContain(w);
    for (const w of ['2006-W02', '2008-W02', '2010-W40', '2013-W39', '2015-W50']) expect(holidays, w).not.toContain(w);
    for (const r of rs) {
      expect(r.value === 'z', `${r.area} ${r.period}`).toBe(holidays.includes(r.period));
      if (r.value === 'z') expect(r.note).toBe('illustrative term dates: a school holiday week');
    }
    for (const m of plan.measures.filter((x) => x.id !== 'attendance-weekly')) {
      expect(rows(m.id).some((r) => r.value === 'z'), m.id).toBe(false);
    }
  });
});

// ---------------------------------------------------------------------------------------------
// What the Leeds reports say

/** The period of a measure that stands for 2011 (or 2013): 31 March, the year ending in it, the calendar year. */
function periodOfYear(m: Measure, year: number): string {
  if (m.periodType === 'date') return `${year}-03-31`;
  if (m.periodType === 'academic-year' || m.periodType === 'financial-year') return `${year - 1}/${String(year % 100).padStart(2, '0')}`;
  return String(year);
}

/**
 * "Clear improvements have been made across 17 of the 21 indicators in the Children and Young
 * People's Plan between 2011 and 2013" (Executive Board report, 9 October 2013, para 3.1). The 21:
 * the key measures but the two companions (the looked-after rate, Year 6 excess weight). A measure
 * improved when its 2013 figure is better than its 2011 figure by more than 2% of it (the bundled
 * RAG tolerance: less is no change); across a break, the last like-for-like year is compared.
 */
function improvedBetween2011And2013(m: Measure): boolean {
  const values = leedsValues(m.id);
  let to = periodOfYear(m, 2013);
  const from = periodOfYear(m, 2011);
  const periods = periodsOf(m);
  const broken = periods.slice(periods.indexOf(from) + 1, periods.indexOf(to) + 1).find((p) => find(m.id, CITY, p)!.status === 'b');
  if (broken) to = periods[periods.indexOf(broken) - 1]!;
  const a = values.get(from)!;
  const b = values.get(to)!;
  const better = m.polarity === 'lower' ? a - b : b - a;
  return better > 0.02 * a;
}

describe('the trends follow the seed documents', () => {
  const keyMeasures = plan.measures.filter((m) => m.role === 'key');
  const the21 = keyMeasures.filter((m) => !['looked-after-rate', 'excess-weight-year6'].includes(m.id));

  it('17 of the 21 indicators improved between 2011 and 2013; attendance, child protection plans and obesity did not', () => {
    expect(the21).toHaveLength(21);
    const notImproved = the21.filter((m) => !improvedBetween2011And2013(m)).map((m) => m.id);
    expect(notImproved.sort()).toEqual(['attendance-primary', 'attendance-secondary', 'child-protection-plans', 'obesity-year6']);
    expect(the21.length - notImproved.length).toBe(17);
  });

  it('children looked after: the weekly tracker peaks at the real 1,475 and March and June 2013 are the lowest since November 2009', () => {
    const weekly = rows('looked-after-weekly').filter((r) => r.area === CITY);
    expect(Math.max(...weekly.map((r) => Number(r.value)))).toBe(1475);
    const between = (from: string, to: string) => weekly.filter((r) => r.period >= from && r.period <= to).map((r) => Number(r.value));
    expect(Math.min(...between('2009-W48', '2013-W12'))).toBeGreaterThan(1373);
    expect(Math.min(...between('2009-W48', '2013-W25'))).toBeGreaterThan(1358);
    expect(Number(weekly.find((r) => r.period === '2009-W44')!.value)).toBeLessThanOrEqual(1358);
    const steps = weekly.slice(1).map((r, i) => Math.abs(Number(r.value) - Number(weekly[i]!.value)));
    expect(Math.max(...steps)).toBeLessThanOrEqual(12);
    // 12 per cent fewer starters in 2012/13 than in 2011/12.
    const starters = leedsValues('looked-after-starters');
    expect(Math.round((1 - starters.get('2012/13')! / starters.get('2011/12')!) * 100)).toBe(12);
    // Family group conferencing capacity fourfold over the two years to 2012/13; more adoptions.
    const fgc = leedsValues('family-group-conferences');
    expect(fgc.get('2012/13')! / fgc.get('2010/11')!).toBeCloseTo(4, 1);
    expect(leedsValues('adoptions').get('2012/13')!).toBeGreaterThan(1.3 * leedsValues('adoptions').get('2010/11')!);
    // Caseloads "from well over 25 to nearly 20".
    const caseload = leedsValues('social-work-caseload');
    expect(caseload.get('2011-03-31')!).toBeGreaterThan(26.5);
    expect(caseload.get('2013-03-31')!).toBeGreaterThanOrEqual(19);
    expect(caseload.get('2013-03-31')!).toBeLessThan(20);
    // Referrals almost 20% fewer in 2012/13; investigations in 15 days doubled.
    const referrals = leedsValues('social-care-referrals');
    expect(referrals.get('2012/13')! / referrals.get('2011/12')!).toBeCloseTo(0.804, 2);
  });

  it('child protection plans rose into early 2013 and fell after, above where they were in 2011', () => {
    const cp = leedsValues('child-protection-plans');
    const years = [2008, 2009, 2010, 2011, 2012, 2013].map((y) => cp.get(`${y}-03-31`)!);
    for (let i = 1; i < years.length; i++) expect(years[i]!, `31 March ${2008 + i}`).toBeGreaterThan(years[i - 1]!);
    expect(cp.get('2014-03-31')!).toBeLessThan(cp.get('2013-03-31')!);
    expect(cp.get('2015-03-31')!).toBeLessThan(cp.get('2014-03-31')!);
  });

  it('attendance: best ever in 2011/12 (primary about England, secondary below it), stalled in 2012/13 and below England', () => {
    for (const id of ['attendance-primary', 'attendance-secondary']) {
      const v = leedsValues(id);
      const before = [...v.entries()].filter(([p]) => p < '2011/12').map(([, x]) => x);
      expect(v.get('2011/12')!, id).toBeGreaterThan(Math.max(...before));
      expect(v.get('2012/13')!, id).toBeLessThan(v.get('2011/12')!);
      expect(v.get('2012/13')!, id).toBeGreaterThanOrEqual(v.get('2010/11')!); // the autumn term of 2012 was still above 2010/11
      expect(v.get('2012/13')!, id).toBeLessThan(Number(find(id, 'England', '2012/13')!.value));
    }
    expect(Math.abs(leedsValues('attendance-primary').get('2011/12')! - Number(find('attendance-primary', 'England', '2011/12')!.value))).toBeLessThanOrEqual(0.3);
    expect(leedsValues('attendance-secondary').get('2011/12')!).toBeLessThan(Number(find('attendance-secondary', 'England', '2011/12')!.value));
  });

  it('learning: KS2 up four points in 2012; EYFS up as much as England, more than neighbours; GCSE up more than England, then faster than the region', () => {
    const ks2 = leedsValues('ks2-english-maths');
    expect(ks2.get('2011/12')! - ks2.get('2010/11')!).toBe(4);
    expect(ks2.get('2012/13')!).toBeGreaterThanOrEqual(ks2.get('2011/12')!);
    const rise = (id: string, area: string, from: string, to: string) => Number(find(id, area, to)!.value) - Number(find(id, area, from)!.value);
    expect(rise('eyfs-good-level', CITY, '2010/11', '2011/12')).toBe(rise('eyfs-good-level', 'England', '2010/11', '2011/12'));
    expect(rise('eyfs-good-level', CITY, '2010/11', '2011/12')).toBeGreaterThan(rise('eyfs-good-level', 'Statistical neighbours', '2010/11', '2011/12'));
    expect(Math.abs(leedsValues('eyfs-good-level').get('2011/12')! - Number(find('eyfs-good-level', 'England', '2011/12')!.value))).toBeLessThanOrEqual(1);
    expect(rise('gcse-5ac-english-maths', CITY, '2010/11', '2011/12')).toBeCloseTo(1.1, 5);
    expect(rise('gcse-5ac-english-maths', CITY, '2010/11', '2011/12')).toBeGreaterThan(rise('gcse-5ac-english-maths', 'England', '2010/11', '2011/12'));
    expect(rise('gcse-5ac-english-maths', CITY, '2011/12', '2012/13')).toBeGreaterThan(rise('gcse-5ac-english-maths', 'Yorkshire and The Humber', '2011/12', '2012/13'));
  });

  it('NEET nearly a quarter lower in 2012, more than England and neighbours; near England in November 2012', () => {
    const fall = (area: string) => 1 - Number(find('neet', area, '2012')!.value) / Number(find('neet', area, '2011')!.value);
    expect(fall(CITY)).toBeGreaterThan(0.2);
    expect(fall(CITY)).toBeLessThan(0.25);
    expect(fall(CITY)).toBeGreaterThan(fall('England'));
    expect(fall(CITY)).toBeGreaterThan(fall('Statistical neighbours'));
    expect(Number(find('neet', 'England', '2012')!.value)).toBeCloseTo(5.8, 5);
  });

  it('apprenticeships up 16.3% in 2011/12 while England fell 1.4%; obesity high and flat; conceptions halved', () => {
    const a = leedsValues('apprenticeship-starts');
    expect(a.get('2011/12')! / a.get('2010/11')! - 1).toBeCloseTo(0.163, 3);
    const england = (p: string) => Number(find('apprenticeship-starts', 'England', p)!.value);
    expect(Math.round((england('2011/12') / england('2010/11') - 1) * 1000) / 10).toBe(-1.4);
    const obesity = leedsValues('obesity-year6');
    for (const [p, v] of obesity) {
      expect(v, p).toBeGreaterThan(18.5);
      expect(v, p).toBeLessThan(21);
      expect(v, p).toBeGreaterThan(Number(find('obesity-year6', 'England', p)!.value));
    }
    const conceptions = leedsValues('under-18-conceptions');
    expect(conceptions.get('2015')! / conceptions.get('2006')!).toBeLessThan(0.5);
  });
});

// ---------------------------------------------------------------------------------------------
// Noisy like real data, and long enough for a baseline

describe('illustrative figures are noisy like real data', () => {
  it('the year-to-year scatter of illustrative key percentages and counts is at least their sampling error', () => {
    // Standardised second differences (x[t+1] − 2x[t] + x[t−1]) / (σ√6) over runs of three
    // illustrative Leeds values: about 1 for pure sampling noise around a line, near 0 for a
    // drawn line. σ is binomial for a percentage (from its denominator), Poisson for a count.
    const z: number[] = [];
    for (const m of plan.measures.filter((x) => x.role === 'key' && x.frequency === 'annual')) {
      const leeds = rows(m.id).filter((r) => r.area === CITY);
      for (let i = 1; i + 1 < leeds.length; i++) {
        const run = [leeds[i - 1]!, leeds[i]!, leeds[i + 1]!];
        if (run.some((r) => r.note !== 'illustrative' || r.status !== '')) continue;
        const x = run.map((r) => Number(r.value));
        let sd: number;
        if (m.unit.kind === 'percent') {
          const p = x[1]! / 100;
          sd = 100 * Math.sqrt((p * (1 - p)) / Number(run[1]!.denominator));
        } else if (m.unit.kind === 'count') sd = Math.sqrt(x[1]!);
        else continue;
        // Shown to whole percentage points, rounding alone adds scatter: count it in.
        sd = Math.sqrt(sd ** 2 + (10 ** -m.decimals) ** 2 / 12);
        z.push((x[2]! - 2 * x[1]! + x[0]!) / (sd * Math.sqrt(6)));
      }
    }
    expect(z.length).toBeGreaterThan(60);
    const rms = Math.sqrt(z.reduce((a, v) => a + v * v, 0) / z.length);
    expect(rms).toBeGreaterThan(0.8);
  });

  it('no illustrative run is an exact straight line', () => {
    for (const m of plan.measures.filter((x) => x.frequency === 'annual')) {
      const leeds = rows(m.id).filter((r) => r.area === CITY && r.note === 'illustrative').map((r) => Number(r.value));
      if (leeds.length < 5) continue;
      const steps = leeds.slice(1).map((v, i) => Math.round((v - leeds[i]!) * 1000));
      expect(new Set(steps).size, m.id).toBeGreaterThan(1);
    }
  });
});

describe('baselines have real length', () => {
  const BASELINE_AT = '2011-04-01';
  /** The day a period ends, worked out here (not by the project's period code). */
  function endOf(m: Measure, label: string): string {
    if (m.periodType === 'date') return label;
    if (m.periodType === 'calendar-year') return `${label}-12-31`;
    const next = Number(label.slice(0, 4)) + 1;
    return m.periodType === 'financial-year' ? `${next}-03-31` : `${next}-08-31`;
  }

  it('every key measure has at least 5 Leeds values before the baseline, after any break', () => {
    for (const m of plan.measures.filter((x) => x.role === 'key')) {
      const before = rows(m.id).filter((r) => r.area === CITY && endOf(m, r.period) <= BASELINE_AT);
      const lastBreak = before.map((r) => r.status).lastIndexOf('b');
      const usable = before.slice(lastBreak + 1).filter((r) => !['c', 'x', 'z'].includes(r.value));
      expect(usable.length, m.id).toBeGreaterThanOrEqual(5);
    }
  });

  let workspace: Workspace;
  beforeAll(async () => {
    workspace = await loadWorkspace({}, new URL('.', root).pathname);
  }, 60_000);

  it('so every key measure gets a verdict for Leeds at the bundled baseline, and so do the trackers', () => {
    expect(workspace.config.analysis.baselineAt).toBe(BASELINE_AT);
    for (const m of plan.measures.filter((x) => x.role === 'key' || x.role === 'tracker')) {
      const analysis = analyseMeasure(workspace.dataset, workspace.config, m, CITY);
      expect(analysis.verdict.status, `${m.id}: ${analysis.verdict.evidence.join(' ')}`).not.toBe('insufficient-data');
    }
  });

  it('oba reads every bundled file without an error or a warning', () => {
    expect(workspace.issues).toEqual([]);
  });

  it('the bundled targets are examples, each better than its baseline forecast', () => {
    for (const m of plan.measures.filter((x) => x.role === 'key')) {
      const target = workspace.config.measures[m.id]?.target;
      expect(target?.source, m.id).toBe('example');
      const analysis = analyseMeasure(workspace.dataset, workspace.config, m, CITY);
      expect(analysis.target?.curveTurning, m.id).toBe(true);
    }
  });
});
