/**
 * Every other English authority's real children looked after figures (data/authorities/), the
 * areas that name them (oba.config.yaml `areas:`), and their source table.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { parse as parseYaml } from 'yaml';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/config.js';
import { ingestSource, parseSourceSpecs } from '../../src/data/sources.js';
import type { Observation } from '../../src/data/types.js';
import { authorityAreas, authorityTable, generateAuthorityFiles } from '../../src/tools/generate-data.js';
import { bundledPlan, REAL, ROOT } from './helpers.js';

const plan = bundledPlan();
const DIR = join(ROOT, 'data', 'authorities');
const config = loadConfig(join(ROOT, 'data', 'oba.config.yaml'));
const authorities = config.extraAreas.filter((a) => a.type === 'authority');

interface Row {
  measure: string;
  area: string;
  period: string;
  value: string;
  numerator: string;
  denominator: string;
  note: string;
}
const rowsOf = (file: string) => parse(readFileSync(join(DIR, file), 'utf8'), { columns: true }) as Row[];

/** The real files of data/real read by oba itself, with every authority as an area. */
function realObservations(): Observation[] {
  const configFile = join(REAL, 'oba.config.yaml');
  const { specs } = parseSourceSpecs((parseYaml(readFileSync(configFile, 'utf8')) as { sources: unknown }).sources, configFile, plan);
  return specs
    .filter((s) => s.measure === 'looked-after' || s.measure === 'looked-after-rate')
    .flatMap((s) => ingestSource(s, readFileSync(s.path), s.file, plan, { extraAreas: authorities }).observations);
}

describe('every other English authority', () => {
  it('is an area of type authority in the bundled configuration, with its ONS code and old LA code', () => {
    expect(authorities).toHaveLength(151);
    expect(authorities).toEqual(authorityAreas(plan));
    const codes = new Set(authorities.map((a) => a.code));
    expect(codes.size).toBe(151);
    for (const a of authorities) {
      expect(a.code, a.name).toMatch(/^E(06|08|09|10)\d{6}$/);
      if (a.name !== 'Isle of Wight') expect(a.aliases.some((x) => /^\d{3}$/.test(x)), a.name).toBe(true);
    }
    // No name, code or alias of an authority names another area too (921 is England's old code).
    const planKeys = new Set(plan.areas.flatMap((a) => [a.name, a.code ?? '', ...a.aliases]).filter(Boolean).map((k) => k.toLowerCase()));
    for (const a of authorities) for (const k of [a.name, a.code!, ...a.aliases]) expect(planKeys.has(k.toLowerCase()), `${a.name}: ${k}`).toBe(false);
    expect(authorities.find((a) => a.name === 'Isle of Wight')!.aliases).not.toContain('921');
    expect(authorities.some((a) => a.name === plan.city)).toBe(false);
  });

  it('has files that are exactly what the generator writes', () => {
    const files = generateAuthorityFiles(plan);
    expect(readdirSync(DIR).sort()).toEqual([...files.keys()].sort());
    for (const [name, text] of files) expect(readFileSync(join(DIR, name), 'utf8'), `${name}: run npm run data`).toBe(text);
  });

  it('has real figures only: children looked after at 31 March 2010–2015 and the 2010 rate', () => {
    const counts = rowsOf('looked-after.csv');
    const rates = rowsOf('looked-after-rate.csv');
    for (const r of [...counts, ...rates]) expect(r.note, `${r.area} ${r.period}`).toMatch(/^real: .*, all authorities$/);
    expect(new Set(counts.map((r) => r.period))).toEqual(new Set(['2010-03-31', '2011-03-31', '2012-03-31', '2013-03-31', '2014-03-31', '2015-03-31']));
    // 150 authorities every year, and the Isles of Scilly in 2010 only.
    expect(counts).toHaveLength(150 * 6 + 1);
    expect(counts.filter((r) => r.area === 'Isles of Scilly')).toEqual([expect.objectContaining({ period: '2010-03-31', value: '0' })]);
    expect(rates).toHaveLength(151);
    for (const r of rates) {
      // value = count / mid-2009 population × 10,000, to one decimal (checked here by hand arithmetic).
      const expected = Math.round((Number(r.numerator) / Number(r.denominator)) * 100000) / 10;
      expect(Number(r.value), r.area).toBeCloseTo(expected, 5);
      expect(r.numerator, r.area).toBe(counts.find((c) => c.area === r.area && c.period === '2010-03-31')!.value);
    }
    // Read by hand from SFR27/2010: Bradford 885 of 128,500 children = 68.9 per 10,000.
    expect(rates.find((r) => r.area === 'Bradford')).toMatchObject({ value: '68.9', numerator: '885', denominator: '128500' });
  });

  it('matches the real files of data/real for every authority they hold', () => {
    const counts = rowsOf('looked-after.csv');
    let checked = 0;
    for (const o of realObservations()) {
      if (!authorities.some((a) => a.name === o.area)) continue;
      const period = o.period.label;
      if (period > '2015-03-31') continue;
      if (o.measure === 'looked-after') {
        expect(counts.find((r) => r.area === o.area && r.period === period)?.value, `${o.area} ${period}`).toBe(String(o.value));
      } else {
        const rate = rowsOf('looked-after-rate.csv').find((r) => r.area === o.area && r.period === period)!;
        expect([Number(rate.numerator), Number(rate.denominator)], `${o.area} ${period}`).toEqual([o.numerator, o.denominator]);
      }
      checked++;
    }
    // 13 authorities besides Leeds in each year's extract (and the Isles of Scilly in 2010).
    expect(checked).toBeGreaterThanOrEqual(13 * 6);
  });

  it('adds up, with Leeds, to the England and regional totals the files publish', () => {
    const table = authorityTable();
    expect(table).toHaveLength(152);
    const real = realObservations();
    const published = (area: string, year: number) =>
      real.find((o) => o.measure === 'looked-after' && o.area === area && o.period.label === `${year}-03-31` && o.source.file.startsWith('dfe-cla-sfr'))!.value!;
    for (let year = 2010; year <= 2015; year++) {
      const total = table.reduce((s, r) => s + (r.lookedAfter[year] ?? 0), 0);
      // England is published rounded to 100 in 2010 (above 1,000), to 10 from 2011.
      expect(Math.abs(total - published('England', year)), `England ${year}`).toBeLessThanOrEqual(year === 2010 ? 50 : 5);
    }
    // Yorkshire and The Humber: the region's 15 authorities, rounded to 10.
    const region = ['370', '371', '372', '373', '380', '381', '382', '383', '384', '810', '811', '812', '813', '815', '816'];
    for (let year = 2010; year <= 2015; year++) {
      const total = table.filter((r) => region.includes(r.laCode)).reduce((s, r) => s + r.lookedAfter[year]!, 0);
      expect(Math.abs(total - published('Yorkshire and The Humber', year)), `Yorkshire and The Humber ${year}`).toBeLessThanOrEqual(5);
    }
  });

  it("includes Leeds' own figures, as in the main series", () => {
    const leeds = authorityTable().find((r) => r.name === 'Leeds')!;
    expect(leeds.lookedAfter).toEqual({ 2010: 1417, 2011: 1448, 2012: 1475, 2013: 1373, 2014: 1339, 2015: 1245 });
    expect(leeds.pop2009).toBe(151800);
  });
});
