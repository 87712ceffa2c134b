/**
 * The real public files in data/real/, ingested UNMODIFIED through data/real/oba.config.yaml.
 * One test per file. Expected figures are the published ones in data/real/leeds-figures.md
 * (copied unmodified into data/real), or cells read by eye from the file, with the arithmetic
 * in a comment where a value is computed.
 */
import { createHash } from 'node:crypto';
import { describe, expect, test } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { readCsvTable } from '../../src/data/csv.js';
import { ingestSource, parseSourceSpecs, type SourceSpec } from '../../src/data/sources.js';
import { parseValue } from '../../src/data/value.js';
import type { Area } from '../../src/plan/types.js';
import type { DataIssue, Observation } from '../../src/data/types.js';
import { brief, bundledPlan, errorsOf, REAL } from './helpers.js';

const plan = bundledPlan();
const CONFIG = join(REAL, 'oba.config.yaml');
const configText = readFileSync(CONFIG, 'utf8');
const { specs, problems } = parseSourceSpecs((parseYaml(configText) as { sources: unknown }).sources, CONFIG, plan);

/** Every mapping of a file, ingested and combined. */
function ingestFile(file: string, extraAreas: Area[] = []): { observations: Observation[]; issues: DataIssue[]; specs: SourceSpec[] } {
  const mine = specs.filter((s) => s.file === file);
  expect(mine.length, `no mapping for ${file} in oba.config.yaml`).toBeGreaterThan(0);
  const out = { observations: [] as Observation[], issues: [] as DataIssue[], specs: mine };
  for (const s of mine) {
    const r = ingestSource(s, readFileSync(s.path), file, plan, { extraAreas });
    out.observations.push(...r.observations);
    out.issues.push(...r.issues);
  }
  return out;
}

/** The raw records of a file, by the generic CSV reader. */
function table(file: string) {
  const bytes = readFileSync(join(REAL, file));
  const r = readCsvTable(bytes, file);
  expect(r.issues).toEqual([]);
  const [header, ...rows] = r.records;
  return { bytes, header: header!.fields, rows, records: r.records };
}

/** `measure area period` → value (or the marker) for quick comparison. */
function values(observations: readonly Observation[], measure: string, area: string): Record<string, number | string> {
  const out: Record<string, number | string> = {};
  for (const o of observations) {
    if (o.measure === measure && o.area === area) out[o.period.label] = o.value ?? `missing ${o.missing}`;
  }
  return out;
}

const one = (observations: readonly Observation[], measure: string, area: string, period: string): Observation => {
  const hits = observations.filter((o) => o.measure === measure && o.area === area && o.period.label === period);
  expect(hits, `${measure} ${area} ${period}`).toHaveLength(1);
  return hits[0]!;
};

const extra = (name: string, code: string): Area => ({ name, type: 'comparator', code, aliases: [] });

describe('data/real/oba.config.yaml', () => {
  test('every mapping is valid against the bundled plan', () => {
    expect(problems).toEqual([]);
    expect(specs).toHaveLength(25);
  });
  test('every CSV in data/real is mapped, or listed as not mapped with a reason', () => {
    const csvs = readdirSync(REAL).filter((f) => f.endsWith('.csv'));
    expect(csvs).toHaveLength(27);
    const mapped = new Set(specs.map((s) => s.file));
    for (const f of csvs) {
      if (!mapped.has(f)) expect(configText, f).toMatch(new RegExp(`^# - ${f.replace(/[.]/g, '\\.')}:`, 'm'));
    }
    expect(csvs.filter((f) => !mapped.has(f)).sort()).toEqual([
      'dfe-ees-derived-apprenticeship-starts-lad-2022-23-q1.csv',
      'dfe-ees-fsm-eligibility-cin-by-la-2016-17-to-2021-22.csv',
      'dfe-ees-ks4-cin-cla-by-la-2018-19-to-2024-25.csv',
      'fingertips-export-campylobacter-93356-county-ua-2015-2017.csv',
    ]);
  });
  test('the files are byte for byte the published extracts (SHA256SUMS, taken from the originals)', () => {
    const sums = readFileSync(join(REAL, 'SHA256SUMS'), 'utf8').trim().split('\n');
    expect(sums.length).toBeGreaterThanOrEqual(27);
    for (const line of sums) {
      const [hash, name] = line.split(/\s+/);
      expect(createHash('sha256').update(readFileSync(join(REAL, name!))).digest('hex'), name).toBe(hash);
    }
  });
});

describe('children looked after at 31 March: DfE SFR files 2010-2017', () => {
  test('dfe-cla-sfr27-2010-at-31-march.csv: Leeds 1,417, England 64,400 (as first published); rate from the file population', () => {
    const r = ingestFile('dfe-cla-sfr27-2010-at-31-march.csv');
    expect(r.issues).toEqual([]);
    expect(one(r.observations, 'looked-after', 'Leeds', '2010-03-31')).toMatchObject({ value: 1417, source: { line: 20 } });
    expect(one(r.observations, 'looked-after', 'England', '2010-03-31').value).toBe(64400);
    expect(one(r.observations, 'looked-after', 'Yorkshire and The Humber', '2010-03-31').value).toBe(7050);
    // 1,417 / 151,800 (Mid2009Pop0-17) × 10,000 = 93.3 (leeds-figures.md §1)
    const rate = one(r.observations, 'looked-after-rate', 'Leeds', '2010-03-31');
    expect(rate.value).toBeCloseTo(93.35, 2);
    expect(rate).toMatchObject({ numerator: 1417, denominator: 151800 });
    expect(r.observations.every((o) => ['Leeds', 'England', 'Yorkshire and The Humber'].includes(o.area))).toBe(true);
    // Generic reader: names padded with spaces, a quoted comma, x markers that stay x.
    const t = table('dfe-cla-sfr27-2010-at-31-march.csv');
    expect(t.rows.find((row) => row.fields[1] === 'A')?.fields[2]).toBe('North East ');
    expect(t.rows.find((row) => row.fields[1] === '801')?.fields[2]).toBe('Bristol, City of');
    const england = t.rows[0]!.fields;
    expect(t.header[5]).toBe('MarPlace_Q1_2010');
    expect(parseValue(england[5]!)).toMatchObject({ value: null, missing: 'x' });
  });

  test('dfe-cla-sfr21-2011.csv: Leeds 1,448; England 65,520; header with a trailing space', () => {
    const r = ingestFile('dfe-cla-sfr21-2011.csv');
    expect(r.issues).toEqual([]);
    expect(values(r.observations, 'looked-after', 'Leeds')).toEqual({ '2011-03-31': 1448 });
    expect(values(r.observations, 'looked-after', 'England')).toEqual({ '2011-03-31': 65520 });
    expect(values(r.observations, 'looked-after', 'Yorkshire and The Humber')).toEqual({ '2011-03-31': 7300 });
    const t = table('dfe-cla-sfr21-2011.csv');
    expect(t.header.at(-1)).toBe('CLA_NetGain ');
    expect(t.rows.map((row) => row.fields[3])).toContain('Kingston Upon Hull, City of');
  });

  test('dfe-cla-sfr20-2012.csv: Leeds 1,475 (the 2012 peak); England 67,050', () => {
    const r = ingestFile('dfe-cla-sfr20-2012.csv');
    expect(r.issues).toEqual([]);
    expect(one(r.observations, 'looked-after', 'Leeds', '2012-03-31').value).toBe(1475);
    expect(one(r.observations, 'looked-after', 'England', '2012-03-31').value).toBe(67050);
  });

  test('dfe-cla-sfr36-2013.csv: Leeds 1,373; England 68,110; the published #VALUE! is a typed missing value', () => {
    const r = ingestFile('dfe-cla-sfr36-2013.csv');
    expect(r.issues).toEqual([]);
    expect(one(r.observations, 'looked-after', 'Leeds', '2013-03-31').value).toBe(1373);
    expect(one(r.observations, 'looked-after', 'England', '2013-03-31').value).toBe(68110);
    // Read the column that holds #VALUE! (named here without its trailing space): England's
    // #VALUE! is missing "error" with a warning, Leeds' x is missing x, and the region's -250
    // (a net loss, not a count) is refused as a negative count. Nothing becomes 0.
    const s = r.specs[0]!;
    const netGain = ingestSource({ ...s, columns: { ...s.columns, value: 'CLA_NetGain' } }, readFileSync(s.path), s.file, plan);
    expect(brief(netGain.issues)).toEqual([
      'warning SPREADSHEET_ERROR dfe-cla-sfr36-2013.csv:2:53',
      'error NEGATIVE_COUNT dfe-cla-sfr36-2013.csv:5:53',
    ]);
    expect(values(netGain.observations, 'looked-after', 'England')).toEqual({ '2013-03-31': 'missing error' });
    expect(values(netGain.observations, 'looked-after', 'Leeds')).toEqual({ '2013-03-31': 'missing x' });
  });

  test('dfe-cla-sfr36-2014.csv: Leeds 1,339; England 68,840; trailing empty columns; `..` stays `..`', () => {
    const r = ingestFile('dfe-cla-sfr36-2014.csv');
    expect(r.issues).toEqual([]);
    expect(one(r.observations, 'looked-after', 'Leeds', '2014-03-31').value).toBe(1339);
    expect(one(r.observations, 'looked-after', 'England', '2014-03-31').value).toBe(68840);
    const t = table('dfe-cla-sfr36-2014.csv');
    expect(t.header.slice(-4)).toEqual(['CLA_NetGain ', '', '', '']);
    const netGain = t.header.indexOf('CLA_NetGain ');
    expect(parseValue(t.rows[0]!.fields[netGain]!)).toMatchObject({ value: null, missing: '..' });
  });

  test('dfe-cla-sfr34-2015.csv: Leeds 1,245; England 69,540 (as first published)', () => {
    const r = ingestFile('dfe-cla-sfr34-2015.csv');
    expect(r.issues).toEqual([]);
    expect(one(r.observations, 'looked-after', 'Leeds', '2015-03-31').value).toBe(1245);
    expect(one(r.observations, 'looked-after', 'England', '2015-03-31').value).toBe(69540);
  });

  test('dfe-cla-sfr41-2016.csv: Leeds 1,226; England 70,440', () => {
    const r = ingestFile('dfe-cla-sfr41-2016.csv');
    expect(r.issues).toEqual([]);
    expect(one(r.observations, 'looked-after', 'Leeds', '2016-03-31').value).toBe(1226);
    expect(one(r.observations, 'looked-after', 'England', '2016-03-31').value).toBe(70440);
  });

  test('dfe-cla-sfr50-2017.csv: Leeds 1,253; England 72,670; extra leading column; empty level for Scilly', () => {
    const r = ingestFile('dfe-cla-sfr50-2017.csv');
    expect(r.issues).toEqual([]);
    expect(one(r.observations, 'looked-after', 'Leeds', '2017-03-31').value).toBe(1253);
    expect(one(r.observations, 'looked-after', 'England', '2017-03-31').value).toBe(72670);
    const t = table('dfe-cla-sfr50-2017.csv');
    expect(t.header[0]).toBe('LA_order');
    expect(t.rows.find((row) => row.fields[4] === 'Isles of Scilly')?.fields[2]).toBe('');
  });
});

describe('children looked after: Explore Education Statistics', () => {
  test('dfe-ees-cla-number-and-rate-2021-2025.csv: Leeds counts and rates 2021-2025; c, x and z stay typed', () => {
    const r = ingestFile('dfe-ees-cla-number-and-rate-2021-2025.csv', [
      extra('City of London', 'E09000001'),
      extra('Isles of Scilly', 'E06000053'),
      extra('Cumbria', 'E10000006'),
    ]);
    expect(errorsOf(r.issues)).toEqual([]);
    expect(values(r.observations, 'looked-after', 'Leeds')).toEqual({
      '2025-03-31': 1498,
      '2024-03-31': 1546,
      '2023-03-31': 1452,
      '2022-03-31': 1374,
      '2021-03-31': 1281,
    });
    expect(values(r.observations, 'looked-after-rate', 'Leeds')).toEqual({
      '2025-03-31': 85,
      '2024-03-31': 89,
      '2023-03-31': 84,
      '2022-03-31': 81,
      '2021-03-31': 75,
    });
    expect(one(r.observations, 'looked-after-rate', 'Leeds', '2025-03-31')).toMatchObject({ numerator: 1498, denominator: 176239 });
    expect(one(r.observations, 'looked-after', 'England', '2025-03-31').value).toBe(81770);
    expect(one(r.observations, 'looked-after', 'Yorkshire and The Humber', '2025-03-31').value).toBe(9080);
    // Suppressed and not-applicable figures (areas added for the test) are typed, never 0.
    expect(one(r.observations, 'looked-after-rate', 'City of London', '2025-03-31')).toMatchObject({ value: null, missing: 'c' });
    expect(one(r.observations, 'looked-after-rate', 'Isles of Scilly', '2025-03-31')).toMatchObject({ value: null, missing: 'z' });
    // Cumbria (abolished) is "x,z,z": population not available, count and rate not applicable.
    expect(one(r.observations, 'looked-after', 'Cumbria', '2025-03-31')).toMatchObject({ value: null, missing: 'z' });
    expect(one(r.observations, 'looked-after-rate', 'Cumbria', '2025-03-31')).toMatchObject({ value: null, missing: 'z' });
    expect(one(r.observations, 'looked-after-rate', 'Cumbria', '2025-03-31').denominator).toBeUndefined();
    // BOM removed from the first header; Hull's quoted comma kept inside its field.
    const t = table('dfe-ees-cla-number-and-rate-2021-2025.csv');
    expect(t.bytes.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    expect(t.header[0]).toBe('time_period');
    expect(t.rows.map((row) => row.fields[8])).toContain('Kingston upon Hull, City of');
  });

  test('dfe-ees-cla-national-time-series-1994-2024.csv: England, revised vintage (2010 is 64,460, not 64,400)', () => {
    const r = ingestFile('dfe-ees-cla-national-time-series-1994-2024.csv');
    expect(r.issues).toEqual([]);
    const england = values(r.observations, 'looked-after', 'England');
    expect(Object.keys(england)).toHaveLength(31);
    expect(england['2010-03-31']).toBe(64460);
    expect(england['2015-03-31']).toBe(69460);
    expect(england['2008-03-31']).toBe(59360);
    expect(england['2024-03-31']).toBe(83630);
    expect(england['1994-03-31']).toBeDefined();
    expect(r.observations.every((o) => o.area === 'England')).toBe(true);
    // BOM and CRLF; the x markers (UASC rows, not read) stay x.
    const t = table('dfe-ees-cla-national-time-series-1994-2024.csv');
    expect(t.header[0]).toBe('time_period');
    expect(t.rows.filter((row) => row.fields[6] === 'x').map((row) => parseValue(row.fields[6]!))).toHaveLength(10);
  });
});

describe('NEET: DfE NCCIS local authority data (16-17, December-February)', () => {
  const neet = (file: string, leeds: number, england: number, year: string) => {
    const r = ingestFile(file);
    expect(r.issues).toEqual([]);
    expect(one(r.observations, 'neet', 'Leeds', year).value).toBe(leeds);
    expect(one(r.observations, 'neet', 'England', year)).toMatchObject({ value: england, period: { type: 'calendar-year' } });
    expect(one(r.observations, 'neet', 'Leeds', year).note).toMatch(/16-17, December-February/);
    expect(r.observations.map((o) => o.area).sort()).toEqual(['England', 'Leeds', 'Yorkshire and The Humber']);
    return r;
  };
  test('dfe-nccis-neet-not-known-la-2021.csv: Leeds 2.3, England 2.8; the "Region demo" row is not a second England', () => {
    neet('dfe-nccis-neet-not-known-la-2021.csv', 2.3, 2.8, '2021');
    const t = table('dfe-nccis-neet-not-known-la-2021.csv');
    expect(t.rows.some((row) => row.fields[6] === 'Region demo' && row.fields[5] === '')).toBe(true);
    expect(t.header).toHaveLength(54);
  });
  test('dfe-nccis-neet-not-known-la-2022.csv: Leeds 2.5, England 2.6', () => {
    neet('dfe-nccis-neet-not-known-la-2022.csv', 2.5, 2.6, '2022');
  });
  test('dfe-nccis-neet-not-known-la-2023.csv: Leeds 3.9, England 2.8', () => {
    neet('dfe-nccis-neet-not-known-la-2023.csv', 3.9, 2.8, '2023');
    const t = table('dfe-nccis-neet-not-known-la-2023.csv');
    const z = t.rows.flatMap((row) => row.fields).filter((c) => c === 'z');
    expect(z.length).toBeGreaterThan(0);
    expect(z.map((c) => parseValue(c))).toContainEqual({ ok: true, value: null, missing: 'z', status: [], percentSign: false });
  });
  test('dfe-nccis-neet-not-known-la-2025.csv: Leeds 4.9, England 3.4 (there is no 2024 file)', () => {
    neet('dfe-nccis-neet-not-known-la-2025.csv', 4.9, 3.4, '2025');
    expect(table('dfe-nccis-neet-not-known-la-2025.csv').header).toHaveLength(49);
  });
});

describe('absence of children looked after (overall absence, % of sessions)', () => {
  test('dfe-osr-2011-cla-absence-2007-2011.csv: Leeds 2007/08 = 18,420 / 199,848 (earlier vintage); 2011 zeros not read', () => {
    const r = ingestFile('dfe-osr-2011-cla-absence-2007-2011.csv');
    expect(r.issues).toEqual([]);
    const leeds = one(r.observations, 'looked-after-absence', 'Leeds', '2007/08');
    expect(leeds).toMatchObject({ numerator: 18420, denominator: 199848 });
    expect(leeds.value).toBeCloseTo((18420 / 199848) * 100, 10);
    expect(Object.keys(values(r.observations, 'looked-after-absence', 'Leeds'))).toEqual(['2006/07', '2007/08', '2008/09', '2009/10']);
    expect(one(r.observations, 'looked-after-absence', 'Yorkshire and The Humber', '2009/10').value).toBeCloseTo((52216 / 856135) * 100, 10);
    const t = table('dfe-osr-2011-cla-absence-2007-2011.csv');
    expect(t.header.slice(0, 2)).toEqual(['LA Number', '']);
  });

  test('dfe-sfr32-2012-cla-absence-ud-2008-2012.csv: Leeds 9.20, 8.17, 7.30, 7.31, 5.02 (2007/08-2011/12)', () => {
    const r = ingestFile('dfe-sfr32-2012-cla-absence-ud-2008-2012.csv');
    expect(r.issues).toEqual([]);
    const leeds = values(r.observations, 'looked-after-absence', 'Leeds');
    // leeds-figures.md §3: Overall_ab / Poss_sess × 100
    expect(Object.keys(leeds)).toEqual(['2007/08', '2008/09', '2009/10', '2010/11', '2011/12']);
    expect(Object.values(leeds).map((v) => (v as number).toFixed(2))).toEqual(['9.20', '8.17', '7.30', '7.31', '5.02']);
    expect(one(r.observations, 'looked-after-absence', 'Leeds', '2007/08')).toMatchObject({ numerator: 18386, denominator: 199855 });
    expect(one(r.observations, 'looked-after-absence', 'England', '2007/08').value).toBeCloseTo((491590 / 7625620) * 100, 10);
    expect(values(r.observations, 'looked-after-absence', 'Yorkshire and The Humber')['2007/08']).toBeCloseTo((67500 / 887060) * 100, 10);
  });

  test('dfe-ees-absence-cin-cla-by-la-2018-19-to-2024-25.csv: 201819 read as 2018/19; 2019/20 (COVID) is x, not 0', () => {
    const r = ingestFile('dfe-ees-absence-cin-cla-by-la-2018-19-to-2024-25.csv');
    expect(r.issues).toEqual([]);
    expect(values(r.observations, 'looked-after-absence', 'Leeds')).toEqual({
      '2024/25': 9.9,
      '2023/24': 9.3,
      '2022/23': 8.7,
      '2021/22': 7.7,
      '2020/21': 7.6,
      '2019/20': 'missing x',
      '2018/19': 5.3,
    });
    expect(one(r.observations, 'looked-after-absence', 'Leeds', '2024/25')).toMatchObject({ numerator: 24349, denominator: 245062 });
    expect(one(r.observations, 'looked-after-absence', 'England', '2024/25').value).toBe(9);
    expect(r.observations).toHaveLength(21);
  });
});

describe('GCSE 5+ A*-C including English and maths, children looked after', () => {
  test('dfe-osr-2011-cla-ks4-2007-2011.csv: Leeds 2007/08 = 8/107; suppressed years are x', () => {
    const r = ingestFile('dfe-osr-2011-cla-ks4-2007-2011.csv');
    expect(r.issues).toEqual([]);
    const leeds = values(r.observations, 'looked-after-gcse', 'Leeds');
    expect(leeds['2006/07']).toBe('missing x');
    expect(leeds['2007/08']).toBeCloseTo((8 / 107) * 100, 10);
    expect(leeds['2008/09']).toBe('missing x');
    expect(leeds['2009/10']).toBeCloseTo((16 / 104) * 100, 10);
    expect(leeds['2010/11']).toBeCloseTo((9 / 98) * 100, 10);
    expect(one(r.observations, 'looked-after-gcse', 'England', '2006/07').value).toBeCloseTo((355 / 4938) * 100, 10);
  });

  test('dfe-sfr32-2012-cla-ks4-ud-2008-2012.csv: Leeds 8.0, x, 16.0, 10.1, 14.7', () => {
    const r = ingestFile('dfe-sfr32-2012-cla-ks4-ud-2008-2012.csv');
    expect(r.issues).toEqual([]);
    const leeds = values(r.observations, 'looked-after-gcse', 'Leeds');
    // leeds-figures.md §6: 9/112, x, 17/106, 10/99, 14/95
    expect(Object.entries(leeds).map(([p, v]) => `${p}=${typeof v === 'number' ? v.toFixed(1) : v}`)).toEqual([
      '2007/08=8.0',
      '2008/09=missing x',
      '2009/10=16.0',
      '2010/11=10.1',
      '2011/12=14.7',
    ]);
    // The column name starting with a digit is read by name.
    expect(one(r.observations, 'looked-after-gcse', 'Leeds', '2011/12')).toMatchObject({ numerator: 14, denominator: 95 });
  });

  test('dfe-sfr34-2015-cla-outcomes-table-la3-ks4-2011-2015.csv: a spreadsheet table; Leeds 10.2, 15.1, 18.0, 13.2, 8.7', () => {
    const r = ingestFile('dfe-sfr34-2015-cla-outcomes-table-la3-ks4-2011-2015.csv');
    expect(r.issues).toEqual([]);
    expect(values(r.observations, 'looked-after-gcse', 'Leeds')).toEqual({
      '2010/11': 10.2,
      '2011/12': 15.1,
      '2012/13': 18,
      '2013/14': 13.2,
      '2014/15': 8.7,
    });
    expect(one(r.observations, 'looked-after-gcse', 'Leeds', '2013/14').status).toEqual(['b']);
    expect(one(r.observations, 'looked-after-gcse', 'England', '2010/11').value).toBe(13.6);
    expect(one(r.observations, 'looked-after-gcse', 'Yorkshire and The Humber', '2014/15').value).toBe(14.4);
    // Generic reader: the title block, quoted thousands, bands and "." are all in the file.
    const t = table('dfe-sfr34-2015-cla-outcomes-table-la3-ks4-2011-2015.csv');
    expect(t.header[0]).toBe('Back to index');
    const england = t.records.find((rec) => rec.fields[2] === 'ENGLAND')!;
    expect(england.line).toBe(10);
    expect(parseValue(england.fields[4]!)).toMatchObject({ value: 5020 });
    expect(parseValue(england.fields[3]!)).toMatchObject({ ok: false, reason: 'expected a single figure, got the band "90-99"' });
    expect(parseValue('.', { markers: { '.': 'z' } })).toMatchObject({ value: null, missing: 'z' });
  });
});

describe('under-18 conceptions: ONS Table 6 (2017 release)', () => {
  test('ons-conceptions-2017-table6-under18-by-la-1998-2017.csv: Leeds 54.5 in 2008 (691 conceptions) to 27.3 in 2015 and 2017', () => {
    const r = ingestFile('ons-conceptions-2017-table6-under18-by-la-1998-2017.csv', [extra('Craven', 'E07000163')]);
    expect(r.issues).toEqual([]);
    const leeds = values(r.observations, 'under-18-conceptions', 'Leeds');
    expect(Object.keys(leeds)).toHaveLength(20);
    // leeds-figures.md §4
    expect(leeds).toMatchObject({ '1998': 50.4, '2007': 56.2, '2008': 54.5, '2009': 48.1, '2010': 43.9, '2011': 38.1, '2012': 37.6 });
    expect(leeds).toMatchObject({ '2013': 31.7, '2014': 29.4, '2015': 27.3, '2016': 28.0, '2017': 27.3 });
    expect(one(r.observations, 'under-18-conceptions', 'Leeds', '2008')).toMatchObject({ numerator: 691, status: [] });
    expect(one(r.observations, 'under-18-conceptions', 'Leeds', '1998').numerator).toBe(641);
    expect(one(r.observations, 'under-18-conceptions', 'Leeds', '2013').status).toEqual(['r']);
    expect(one(r.observations, 'under-18-conceptions', 'Leeds', '2016').status).toEqual(['b']);
    expect(values(r.observations, 'under-18-conceptions', 'England')).toMatchObject({ '2008': 39.7, '2015': 20.8, '2017': 17.8 });
    expect(values(r.observations, 'under-18-conceptions', 'Yorkshire and The Humber')).toMatchObject({ '2008': 47.1, '2017': 20.6 });
    // The rate's reliability flag column: Craven's u comes through as status u.
    expect(one(r.observations, 'under-18-conceptions', 'Craven', '2017').status).toEqual(['u']);
    // U+201A in place of a comma in names, footnote digits glued on, numbers with thousands separators.
    const t = table('ons-conceptions-2017-table6-under18-by-la-1998-2017.csv');
    expect(t.rows.map((row) => row.fields[1])).toContain('Kingston upon Hull\u201a City of');
    expect(t.rows.map((row) => row.fields[1])).toContain('ENGLAND AND WALES6');
  });
});

describe('Year 6 obesity and excess weight: Fingertips via Trafford Data Lab', () => {
  test('fingertips-derived-trafford-obese-year6-2010-11-to-2023-24.csv: Leeds 19.8 in 2010/11; NA in 2020/21 is x', () => {
    const r = ingestFile('fingertips-derived-trafford-obese-year6-2010-11-to-2023-24.csv');
    expect(r.issues).toEqual([]);
    expect(values(r.observations, 'obesity-year6', 'Leeds')).toMatchObject({
      '2010/11': 19.8,
      '2011/12': 19.7,
      '2012/13': 19.6,
      '2013/14': 19.3,
      '2014/15': 19.3,
      '2015/16': 20.4,
      '2020/21': 'missing x',
    });
    expect(values(r.observations, 'obesity-year6', 'England')).toMatchObject({ '2010/11': 19, '2015/16': 19.8 });
    // The 5-year deprivation-quintile rows are filtered out.
    expect(r.observations.filter((o) => o.area === 'England')).toHaveLength(14);
    const t = table('fingertips-derived-trafford-obese-year6-2010-11-to-2023-24.csv');
    expect(t.rows[0]!.fields[4]).toBe('Year 6 prevalence of obesity (including severe obesity), 5 years data combined');
  });

  test('fingertips-derived-trafford-excess-weight-year6-2006-07-to-2017-18.csv: Leeds 32.1 (2006/07) to 34.1 (2017/18)', () => {
    const r = ingestFile('fingertips-derived-trafford-excess-weight-year6-2006-07-to-2017-18.csv');
    expect(r.issues).toEqual([]);
    expect(values(r.observations, 'excess-weight-year6', 'Leeds')).toEqual({
      '2006/07': 32.1,
      '2007/08': 33.3,
      '2008/09': 35.2,
      '2009/10': 35,
      '2010/11': 33.7,
      '2011/12': 35,
      '2012/13': 33.6,
      '2013/14': 34.3,
      '2014/15': 33,
      '2015/16': 35.4,
      '2016/17': 33.7,
      '2017/18': 34.1,
    });
    expect(one(r.observations, 'excess-weight-year6', 'England', '2006/07').value).toBe(31.7);
  });
});

describe('files with no measure of the plan: the generic reader still reads them', () => {
  test('fingertips-export-campylobacter-93356-county-ua-2015-2017.csv: 26-column header, 76 records of 25 fields, a newline in every quoted name', () => {
    const t = table('fingertips-export-campylobacter-93356-county-ua-2015-2017.csv');
    expect(t.header).toHaveLength(26);
    expect(t.header[12]).toBe('Value');
    expect(t.rows).toHaveLength(76);
    expect(t.rows.every((row) => row.fields.length === 25)).toBe(true);
    expect(t.rows[0]!.fields[1]).toBe('Campylobacter incidence rate/100,000\n');
    // Each record spans two physical lines, so record n starts on line 2n.
    expect(t.rows.slice(0, 3).map((row) => row.line)).toEqual([2, 4, 6]);
    const leeds = t.rows.find((row) => row.fields[5] === 'Leeds' && row.fields[11] === '2015')!;
    expect(parseValue(leeds.fields[12]!)).toMatchObject({ value: 124.150582642172 });
    // Empty confidence-limit cells are empty, not zero.
    expect(leeds.fields[15]).toBe('');
  });

  test('dfe-ees-fsm-eligibility-cin-by-la-2016-17-to-2021-22.csv: 84 rows x 14; c and z markers typed', () => {
    const t = table('dfe-ees-fsm-eligibility-cin-by-la-2016-17-to-2021-22.csv');
    expect(t.header).toHaveLength(14);
    expect(t.header[0]).toBe('time_period');
    expect(t.rows).toHaveLength(84);
    const cells = t.rows.flatMap((row) => row.fields.slice(11));
    expect(cells.filter((c) => c === 'c').map((c) => parseValue(c))).toEqual(Array(33).fill({ ok: true, value: null, missing: 'c', status: [], percentSign: false }));
    expect(cells.filter((c) => c === 'z').map((c) => parseValue(c).ok)).toHaveLength(10);
    const leeds = t.rows.find((row) => row.fields[8] === 'Leeds' && row.fields[0] === '202122')!;
    expect(leeds.fields.slice(11)).toEqual(['2300', '1447', '62.9']);
  });

  test('dfe-ees-ks4-cin-cla-by-la-2018-19-to-2024-25.csv: 77 rows x 28; x and c typed; version varies by year', () => {
    const t = table('dfe-ees-ks4-cin-cla-by-la-2018-19-to-2024-25.csv');
    expect(t.header).toHaveLength(28);
    expect(t.rows).toHaveLength(77);
    const cells = t.rows.flatMap((row) => row.fields.slice(12));
    expect(cells.filter((c) => c === 'x')).toHaveLength(305);
    expect(cells.filter((c) => c === 'c').every((c) => parseValue(c).ok && (parseValue(c) as { missing?: string }).missing === 'c')).toBe(true);
    expect(new Set(t.rows.map((row) => row.fields[11]))).toEqual(new Set(['Final', 'Revised']));
  });

  test('dfe-ees-derived-apprenticeship-starts-lad-2022-23-q1.csv: 141 rows x 7; low markers typed; quoted commas', () => {
    const t = table('dfe-ees-derived-apprenticeship-starts-lad-2022-23-q1.csv');
    expect(t.header).toEqual(['date', 'geography_code', 'geography_name', 'ssa_t1_desc', 'apprenticeship_level', 'starts', 'achievements']);
    expect(t.rows).toHaveLength(141);
    const leedsTotal = t.rows.find((row) => row.fields[2] === 'Leeds' && row.fields[3] === 'Total' && row.fields[4] === 'Total')!;
    expect(leedsTotal.fields.slice(5)).toEqual(['1720', '440']);
    const low = t.rows.flatMap((row) => row.fields.slice(5)).filter((c) => c === 'low');
    expect(low).toHaveLength(102);
    expect(parseValue(low[0]!)).toEqual({ ok: true, value: null, missing: 'low', status: [], percentSign: false });
    expect(t.rows.map((row) => row.fields[3])).toContain('Construction, Planning and the Built Environment');
  });
});
