/**
 * Presets read the real published files as downloaded; the values are checked against the rows
 * of the files themselves (Bradford, E08000032), and periods follow from the file's own time
 * identifier and the measure.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parsePlan } from '../../src/plan/parse-plan.js';
import { parseSourceSpecs, ingestSource } from '../../src/data/sources.js';
import { formatFromTimeIdentifier, PRESETS, recognise } from '../../src/data/presets.js';
import { planYaml } from '../../src/init/scaffold.js';

const REAL = join(process.cwd(), 'data', 'real');
const council = { name: 'Bradford', code: 'E08000032', laCode: '380', region: { name: 'Yorkshire and The Humber', code: 'E12000003' } };
const plan = parsePlan(planYaml({ council, start: '2023-04-01', end: '2026-03-31', files: [] }), 'plan.yaml');

function read(entry: Record<string, unknown>) {
  const { specs, problems } = parseSourceSpecs([entry], join(REAL, 'oba.config.yaml'), plan);
  expect(problems).toEqual([]);
  const result = ingestSource(specs[0]!, readFileSync(specs[0]!.path), String(entry['file']), plan);
  return { ...result, bradford: result.observations.filter((o) => o.area === 'Bradford') };
}

describe('presets over the real files', () => {
  it('children looked after: 2025 with "Reporting year" is the snapshot at 31 March 2025', () => {
    const { bradford, issues } = read({ preset: 'dfe-ees-cla-number', file: 'dfe-ees-cla-number-and-rate-2021-2025.csv' });
    expect(issues.filter((i) => i.severity === 'error')).toEqual([]);
    // The file's rows: 2025 Bradford 1366, 2024 1483, 2023 1584.
    const byPeriod = Object.fromEntries(bradford.map((o) => [o.period.label, o.value]));
    expect(byPeriod).toMatchObject({ '2025-03-31': 1366, '2024-03-31': 1483, '2023-03-31': 1584 });
  });

  it('children looked after rate: the rate with its count and population', () => {
    const { bradford } = read({ preset: 'dfe-ees-cla-rate', file: 'dfe-ees-cla-number-and-rate-2021-2025.csv' });
    expect(bradford.find((o) => o.period.label === '2025-03-31')).toMatchObject({ value: 96, numerator: 1366, denominator: 142483 });
  });

  it('NEET: 16-17 year olds, the calendar year of the file', () => {
    const { bradford } = read({ preset: 'dfe-nccis-neet', file: 'dfe-nccis-neet-not-known-la-2025.csv' });
    expect(bradford.map((o) => [o.period.label, o.value])).toEqual([['2025', 2.1]]);
    expect(read({ preset: 'dfe-nccis-not-known', file: 'dfe-nccis-neet-not-known-la-2025.csv' }).bradford.map((o) => o.value)).toEqual([2]);
  });

  it('absence of children looked after: the academic year, with sessions as numerator and denominator', () => {
    const { bradford } = read({ preset: 'dfe-ees-absence-cla', file: 'dfe-ees-absence-cin-cla-by-la-2018-19-to-2024-25.csv' });
    expect(bradford.find((o) => o.period.label === '2024/25')).toMatchObject({ value: 8.7, numerator: 20261, denominator: 233301 });
  });

  it('under-18 conceptions: the rate per 1,000 and the number, from table 6 as saved', () => {
    const { bradford } = read({ preset: 'ons-conceptions-under18', file: 'ons-conceptions-2017-table6-under18-by-la-1998-2017.csv' });
    expect(bradford.find((o) => o.period.label === '2017')).toMatchObject({ value: 19.1, numerator: 205 });
  });

  it('Fingertips: any indicator export, the areas\' own rows (no category breakdowns)', () => {
    const england = { name: 'England', type: 'national' as const, code: 'E92000001', aliases: [] };
    const { specs } = parseSourceSpecs([{ preset: 'fingertips', file: 'fingertips-export-campylobacter-93356-county-ua-2015-2017.csv', measure: 'under-18-conceptions', filter: { Age: 'All ages' } }], join(REAL, 'x.yaml'), { ...plan, areas: [...plan.areas, england] });
    const r = ingestSource(specs[0]!, readFileSync(specs[0]!.path), 'f.csv', plan);
    const e2015 = r.observations.find((o) => o.area === 'England' && o.period.label === '2015');
    expect(e2015).toMatchObject({ value: 94.7261896202678, numerator: 51897, denominator: 54786327, lower: 93.9129396546008, upper: 95.5447303303505 });
  });

  it('a written field wins over the preset, and filters are joined', () => {
    const { specs } = parseSourceSpecs([{ preset: 'dfe-nccis-neet', file: 'x.csv', measure: 'neet-not-known', filter: { geographic_level: 'Local authority' } }], 'c.yaml', plan);
    expect(specs[0]).toMatchObject({ measure: 'neet-not-known', filter: [{ column: 'Age', values: ['16-17'] }, { column: 'geographic_level', values: ['Local authority'] }] });
  });

  it('an unknown preset names the closest and lists them all', () => {
    const { problems } = parseSourceSpecs([{ preset: 'dfe-ees-cla-numbr', file: 'x.csv' }], 'c.yaml', plan);
    expect(problems).toEqual([`sources[0].preset: no preset "dfe-ees-cla-numbr"; did you mean dfe-ees-cla-number? (presets: ${PRESETS.map((p) => p.name).join(', ')})`]);
  });
});

describe('recognising a file by its header', () => {
  const header = (file: string, rows = 6) => readFileSync(join(REAL, file), 'utf8').replace(/^\uFEFF/, '').split(/\r?\n/).slice(0, rows).map((l) => l.split(','));
  it('knows each standard file, and nothing in oba\'s own format', () => {
    expect(recognise(header('dfe-ees-cla-number-and-rate-2021-2025.csv')).map((p) => p.name)).toEqual(['dfe-ees-cla-number', 'dfe-ees-cla-rate']);
    expect(recognise(header('dfe-nccis-neet-not-known-la-2023.csv')).map((p) => p.name)).toEqual(['dfe-nccis-neet', 'dfe-nccis-not-known']);
    expect(recognise(header('dfe-ees-ks4-cin-cla-by-la-2018-19-to-2024-25.csv')).map((p) => p.name)).toEqual(['dfe-ees-ks4-cla']);
    expect(recognise(header('ons-conceptions-2017-table6-under18-by-la-1998-2017.csv')).map((p) => p.name)).toEqual(['ons-conceptions-under18']);
    expect(recognise([['measure', 'area', 'period', 'value']])).toEqual([]);
  });
});

describe('periods from the time identifier', () => {
  it('reads a reporting year as the year to 31 March only where that is unambiguous', () => {
    expect(formatFromTimeIdentifier('Reporting year', { periodType: 'date', frequency: 'annual' })).toBe('year-ending-march');
    expect(formatFromTimeIdentifier('Reporting year', { periodType: 'financial-year', frequency: 'annual' })).toBe('financial-end');
    expect(formatFromTimeIdentifier('Reporting year', { periodType: 'calendar-year', frequency: 'annual' })).toBeUndefined();
    expect(formatFromTimeIdentifier('Academic year', { periodType: 'date', frequency: 'annual' })).toBeUndefined();
  });
});
