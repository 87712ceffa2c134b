/**
 * Source mappings: validation of `sources:` entries, and each mapping feature on small inline
 * files shaped like the published ones.
 */
import { describe, expect, test } from 'vitest';
import { join, resolve } from 'node:path';
import { homedir } from 'node:os';
import { ingestSource, parseSourceSpecs, type SourceSpec } from '../../src/data/sources.js';
import { checkSeries } from '../../src/data/checks.js';
import { brief, bundledPlan, bytes, find } from './helpers.js';

const plan = bundledPlan();
const CONFIG = join('configs', 'oba.config.yaml');

/** One validated spec from a raw entry (fails the test if the entry has problems). */
function spec(raw: Record<string, unknown>): SourceSpec {
  const { specs, problems } = parseSourceSpecs([{ file: 'f.csv', ...raw }], CONFIG, plan);
  expect(problems).toEqual([]);
  return specs[0]!;
}
const ingest = (raw: Record<string, unknown>, text: string) => ingestSource(spec(raw), bytes(text), 'f.csv', plan);

describe('parseSourceSpecs', () => {
  test('reads an absolute path as it is, ~/ as the home folder and ../ from the configuration folder', () => {
    const files = ['/data/cla.csv', '~/downloads/cla.csv', '../shared/cla.csv'];
    const { specs, problems } = parseSourceSpecs(
      files.map((file) => ({ file, measure: 'looked-after', period: '2013-03-31', columns: { area: 'geog_n', value: 'CLA_Mar2013' } })),
      '/home/analyst/plan/oba.config.yaml',
      plan,
    );
    expect(problems).toEqual([]);
    expect(specs.map((s) => s.path)).toEqual(['/data/cla.csv', join(homedir(), 'downloads', 'cla.csv'), '/home/analyst/shared/cla.csv']);
  });

  test('refuses a web address and another user\'s ~, saying why', () => {
    const { problems } = parseSourceSpecs(
      ['https://example.org/cla.csv', '~bob/cla.csv'].map((file) => ({ file, measure: 'looked-after', period: '2013-03-31', columns: { area: 'geog_n', value: 'CLA_Mar2013' } })),
      CONFIG,
      plan,
    );
    expect(problems[0]).toMatch(/^sources\[0\]\.file: .*is a web address; oba reads files on this computer only and fetches nothing/);
    expect(problems[1]).toMatch(/^sources\[1\]\.file: .*only ~\/ \(your own home folder\) is expanded/);
  });

  test('normalises an entry and resolves the file against the configuration folder', () => {
    const { specs, problems } = parseSourceSpecs(
      [{ file: 'dfe/sfr36.csv', measure: 'looked-after', period: '2013-03-31', columns: { area: 'geog_n', value: 'CLA_Mar2013' } }],
      CONFIG,
      plan,
    );
    expect(problems).toEqual([]);
    expect(specs[0]).toEqual({
      index: 0,
      file: 'dfe/sfr36.csv',
      path: resolve('configs', 'dfe', 'sfr36.csv'),
      measure: 'looked-after',
      period: '2013-03-31',
      columns: { area: ['geog_n'], value: 'CLA_Mar2013' },
      headerRow: 1,
      filter: [],
      areas: {},
      markers: {},
      emptyAs: 'x',
      periodStatus: {},
      unknownAreas: 'skip',
    });
  });

  test('no sources is an empty list', () => {
    expect(parseSourceSpecs(undefined, CONFIG)).toEqual({ specs: [], problems: [] });
  });

  test('every problem is returned at once, naming the entry and the field', () => {
    const { specs, problems } = parseSourceSpecs(
      [
        { file: 'ok.csv', measure: 'neet', columns: { area: 'a', period: 'p', value: 'v' } },
        'just a string',
        { measure: 'neets', colums: {} },
        {
          file: 'b.csv',
          measure: 'neet',
          measureColumn: 'm',
          periodFormat: 'academic',
          headerRow: 0,
          columns: { area: [], value: { numerator: 'n' }, period: 'p', colour: 'c' },
          filter: { x: [] },
          areas: { L: 'Leeds City' },
          markers: { NA: 'missing' },
        },
        { file: 'c.csv', measure: 'looked-after-absence', period: '2013', columns: { area: 'a', value: 'v_{period}' } },
        { file: 'd.csv', measure: 'neet', wide: { pattern: '(' }, period: '2013', columns: { area: 'a', value: { offset: 1 } } },
        { file: 'e.csv', measure: 'neet', periodFormat: 'academic-end', columns: { area: 'a', period: 'p', value: 'v' } },
      ],
      CONFIG,
      plan,
    );
    expect(specs.map((s) => s.index)).toEqual([0]);
    expect(problems).toEqual([
      'sources[1]: expected a mapping with file:, measure: and columns:, or preset: and file:, got "just a string"',
      'sources[2].colums: unknown field; did you mean columns? (allowed: preset, file, title, description, measure, measureColumn, measureMap, columns, period, periodFormat, headerRow, filter, areas, wide, markers, emptyAs, periodStatus, note, unknownAreas)',
      'sources[2].file: expected the path of a CSV file, got nothing',
      'sources[2].measure: the plan has no measure "neets"; did you mean neet?',
      'sources[2].columns: expected a mapping with area: and value: (and period: unless the file has a fixed period or is wide), got nothing',
      'sources[3].measure: give measure: or measureColumn:, not both',
      'sources[3].columns.colour: unknown column role (allowed: area, period, value, numerator, denominator, lower, upper, status, note)',
      'sources[3].columns.area: expected at least one column',
      'sources[3].columns.value.denominator: expected a column header name or a column number (1 is the first column), got nothing',
      'sources[3].periodFormat: expected yyyyyy, year-ending-march, academic-start, academic-end, financial-start or financial-end, got "academic"',
      'sources[3].headerRow: expected a row number (1 is the first row), got 0',
      'sources[3].filter.x: expected a value or a list of values, got a list',
      'sources[3].areas.L: the plan has no area "Leeds City"',
      'sources[3].markers.NA: expected a marker (c, x, z, low, u, .., error), got "missing"',
      'sources[4].columns.value: "{period}" in a column name needs wide: (the file has one column per period)',
      'sources[4].period: expected an academic year such as 2012/13, got "2013", which is ambiguous: it could be 2012/13 or 2013/14 (measure "looked-after-absence"); write 2012/13 or 2013/14, or give the source mapping periodFormat: academic-end or academic-start',
      'sources[5].wide.pattern: not a valid regular expression (Invalid regular expression: /(/: Unterminated group)',
      'sources[5].period: a wide file takes its periods from its headers; remove period:',
      'sources[6].periodFormat: academic-end applies to academic-year measures, but "neet" is reported by calendar-year',
    ]);
  });

  test('a column number or an offset is accepted where it makes sense', () => {
    const { problems } = parseSourceSpecs(
      [
        { file: 'a.csv', measure: 'neet', columns: { area: 0, period: 'p', value: { offset: 1 } } },
        { file: 'b.csv', measure: 'neet', wide: { pattern: '^(\\d{4})$' }, columns: { area: [1, 'name'], value: { offset: 1 }, status: { offset: 2 } } },
      ],
      CONFIG,
      plan,
    );
    expect(problems).toEqual([
      'sources[0].columns.area: expected a column header name or a column number (1 is the first column), got 0',
      'sources[0].columns.value: expected a column header name or a column number (1 is the first column), got a mapping',
    ]);
  });
});

describe('ingestSource', () => {
  test('a fixed period; the area is the first non-empty of several columns; other areas are skipped', () => {
    const r = ingest(
      { measure: 'looked-after', period: '2013-03-31', columns: { area: ['New_geog_code', 'geog_n'], value: 'CLA_Mar2013' } },
      'New_geog_code,geog_l,geog_n,CLA_Mar2013,CLA_NetGain \r\n,NATIONAL,ENGLAND,68110,#VALUE!\r\nE08000032,LA,Bradford,900,x\r\nE08000035,LA,Leeds,1373,x\r\n',
    );
    expect(r.issues).toEqual([]);
    expect(r.observations.map((o) => `${o.area} ${o.period.label} ${o.value} line ${o.source.line}`)).toEqual([
      'England 2013-03-31 68110 line 2',
      'Leeds 2013-03-31 1373 line 4',
    ]);
  });

  test('header names tolerate trailing spaces and case; columns can be given by number', () => {
    const r = ingest(
      { measure: 'looked-after', period: '2013-03-31', columns: { area: 3, value: 'cla_netgain' } },
      'New_geog_code,geog_l,geog_n,CLA_Mar2013,CLA_NetGain \r\nE08000035,LA,Leeds,1373,108\r\n',
    );
    expect(r.issues).toEqual([]);
    expect(r.observations[0]?.value).toBe(108);
  });

  test('filters keep only matching rows (one value or a list, ignoring case)', () => {
    const r = ingest(
      {
        measure: 'looked-after-absence',
        filter: { social_care_group: 'CLA 12 months at 31 March', phase: ['total', 'All'] },
        columns: { area: 'la', period: 'time_period', value: 'pt', numerator: 't_overall', denominator: 't_possible' },
      },
      'time_period,la,social_care_group,phase,pt,t_overall,t_possible\n201819,Leeds,CINO at 31 March,Total,9.9,1,10\n201819,Leeds,CLA 12 months at 31 March,Primary,4.0,4,100\n201819,Leeds,CLA 12 months at 31 March,Total,5.3,"11,933","225,661"\n',
    );
    expect(r.issues).toEqual([]);
    expect(r.observations).toHaveLength(1);
    expect(r.observations[0]).toMatchObject({ period: { label: '2018/19' }, value: 5.3, numerator: 11933, denominator: 225661, source: { line: 4 } });
  });

  test('measureColumn with measureMap: unmapped values are skipped', () => {
    const r = ingest(
      { measureColumn: 'population_type', measureMap: { 'Children looked after on 31 March each year': 'looked-after' }, periodFormat: 'year-ending-march', columns: { area: 'la', period: 'year', value: 'n' } },
      'year,la,population_type,n\n2021,Leeds,Children starting to be looked after each year,325\n2021,Leeds,Children looked after on 31 March each year,1281\n',
    );
    expect(r.issues).toEqual([]);
    expect(r.observations.map((o) => `${o.measure} ${o.period.label} ${o.value}`)).toEqual(['looked-after 2021-03-31 1281']);
  });

  test('measureColumn without a map needs measure ids', () => {
    const r = ingest({ measureColumn: 'm', columns: { area: 'a', period: 'p', value: 'v' } }, 'm,a,p,v\nneet,Leeds,2013,6\nneat,Leeds,2013,6\n');
    expect(brief(r.issues)).toEqual(['error UNKNOWN_MEASURE f.csv:3:1']);
  });

  test('areas: maps the file spellings; unknownAreas: error reports the others', () => {
    const text = 'name,v\nYorks & the Humber ,5\nBradford,6\n';
    const r = ingest({ measure: 'neet', period: '2013', areas: { 'Yorks & the Humber': 'Yorkshire and The Humber' }, columns: { area: 'name', value: 'v' } }, text);
    expect(r.observations.map((o) => o.area)).toEqual(['Yorkshire and The Humber']);
    expect(r.issues).toEqual([]);
    const strict = ingest({ measure: 'neet', period: '2013', unknownAreas: 'error', columns: { area: 'name', value: 'v' } }, text);
    expect(brief(strict.issues)).toEqual(['error UNKNOWN_AREA f.csv:2:1', 'error UNKNOWN_AREA f.csv:3:1']);
  });

  test('headerRow skips a title block; wide pattern with offsets reads a block per year', () => {
    const text = [
      'Table 6: Under 18 conceptions,,,,,,',
      ',,,,,,',
      'Area,,20175,,,2016,,',
      ',,Number,Rate,,Number,Rate,',
      'E08000035,Leeds,314,27.3,,331,28.0,',
      'E07000163,Craven,12,7.1,u,15,8.0,u',
      'Footnote 1: rates per 1000,,,,,,,',
    ].join('\r\n');
    const r = ingestSource(
      spec({
        measure: 'under-18-conceptions',
        headerRow: 3,
        wide: { pattern: '^(\\d{4})\\d?$' },
        columns: { area: 1, value: { offset: 1 }, status: { offset: 2 }, numerator: { offset: 0 } },
      }),
      bytes(text),
      'f.csv',
      plan,
      { extraAreas: [{ name: 'Craven', type: 'comparator', code: 'E07000163', aliases: [] }] },
    );
    // Row 4 has an empty area and the footnote an unknown one: both skipped.
    expect(r.issues).toEqual([]);
    expect(r.observations.map((o) => `${o.area} ${o.period.label} ${o.value} [${o.status.join()}] n=${o.numerator}`)).toEqual([
      'Leeds 2017 27.3 [] n=314',
      'Leeds 2016 28 [] n=331',
      'Craven 2017 7.1 [u] n=12',
      'Craven 2016 8 [u] n=15',
    ]);
  });

  test('wide periods map with {period} templates and a computed value', () => {
    const r = ingest(
      {
        measure: 'looked-after-absence',
        wide: { periods: { '2008': '2007/08', '2009': '2008/09' } },
        columns: { area: 'la_name', value: { numerator: 'Overall_ab_{period}', denominator: 'Poss_sess_{period}', multiplier: 100 } },
      },
      'la_name,Poss_sess_2008,Overall_ab_2008,Poss_sess_2009,Overall_ab_2009,Poss_sess_2011,Overall_ab_2011\nLeeds,"199,855","18,386",197395,x,0,0\n',
    );
    expect(r.issues).toEqual([]);
    expect(r.observations.map((o) => [o.period.label, o.value, o.missing, o.numerator, o.denominator])).toEqual([
      ['2007/08', (18386 / 199855) * 100, undefined, 18386, 199855],
      ['2008/09', null, 'x', undefined, 197395],
    ]);
  });

  test('wide pattern with templates and periodFormat academic-end', () => {
    const r = ingest(
      {
        measure: 'looked-after-gcse',
        periodFormat: 'academic-end',
        wide: { pattern: '^Elig_KS4_(\\d{4})$' },
        columns: { area: 'la', value: { numerator: '5_GCSE_EM_{period}', denominator: 'Elig_KS4_{period}', multiplier: 100 } },
      },
      'la,Elig_KS4_2008,5_GCSE_EM_2008,Elig_KS4_2009,5_GCSE_EM_2009\nLeeds,112,9,111,x\n',
    );
    expect(r.issues).toEqual([]);
    expect(r.observations.map((o) => `${o.period.label}=${o.value === null ? o.missing : o.value.toFixed(1)}`)).toEqual(['2007/08=8.0', '2008/09=x']);
  });

  test('file markers, empty cells read as x with a warning, periodStatus and note', () => {
    const r = ingest(
      { measure: 'obesity-year6', markers: { NA: 'x' }, periodStatus: { '2013/14': ['b'] }, note: 'NCMP', columns: { area: 'area', period: 'period', value: 'value' } },
      'area,period,value\nLeeds,2012/13,19.6\nLeeds,2013/14,NA\nLeeds,2014/15,\nLeeds,2015/16,20.4\n',
    );
    expect(brief(r.issues)).toEqual(['warning EMPTY_VALUE f.csv:4:3']);
    expect(r.observations.map((o) => [o.period.label, o.value, o.missing, o.status, o.note])).toEqual([
      ['2012/13', 19.6, undefined, [], 'NCMP'],
      ['2013/14', null, 'x', ['b'], 'NCMP'],
      ['2014/15', null, 'x', [], 'NCMP'],
      ['2015/16', 20.4, undefined, [], 'NCMP'],
    ]);
  });

  test('the same checks as the native format: range, duplicates, conflicts, gaps, periods', () => {
    const r = ingest(
      { measure: 'neet', columns: { area: 'area', period: 'year', value: 'pct' } },
      'year,area,pct\n2013,Leeds,6.3\n2013,Leeds,6.3\n2014,England,140\n2015,Leeds,5.0\n2015,Leeds,5.5\n2013/14,England,5\n',
    );
    expect(brief(r.issues)).toEqual([
      'warning DUPLICATE_ROW f.csv:3',
      'error PERCENT_OUT_OF_RANGE f.csv:4:3',
      'warning SERIES_GAP f.csv:5',
      'error CONFLICTING_ROW f.csv:6',
      'error WRONG_PERIOD_TYPE f.csv:7:1',
    ]);
  });

  test('a column the mapping names but the file lacks: MISSING_COLUMN on the header line, with a suggestion', () => {
    const r = ingest({ measure: 'neet', columns: { area: 'area', period: 'year', value: 'NEET_pct' } }, 'year,area,NEET_percent\n2013,Leeds,6.3\n');
    expect(brief(r.issues)).toEqual(['error MISSING_COLUMN f.csv:1:NEET_pct']);
    expect(r.issues[0]?.message).toMatch(/sources\[0\]\.columns\.value: expected a column "NEET_pct", but the header has no such column; did you mean "NEET_percent"\?/);
    expect(r.observations).toEqual([]);
  });

  test('a fixed period that does not suit the measure is reported once, at the header', () => {
    const s = spec({ measure: 'neet', period: '2013', columns: { area: 'a', value: 'v' } });
    const r = ingestSource({ ...s, period: '2013-Q2' }, bytes('a,v\nLeeds,1\nEngland,2\n'), 'f.csv', plan);
    expect(brief(r.issues)).toEqual(['error WRONG_PERIOD_TYPE f.csv:1:period']);
  });

  test('a header row beyond the end of the file', () => {
    const r = ingest({ measure: 'neet', headerRow: 5, columns: { area: 'a', period: 'p', value: 'v' } }, 'a,p,v\nLeeds,2013,1\n');
    expect(brief(r.issues)).toEqual(['error BAD_SOURCE f.csv:0']);
  });

  test('a wide pattern that matches no header', () => {
    const r = ingest({ measure: 'neet', wide: { pattern: '^Y(\\d{4})$' }, columns: { area: 'a', value: { offset: 0 } } }, 'a,2013\nLeeds,1\n');
    expect(brief(r.issues)).toEqual(['error MISSING_COLUMN f.csv:1']);
  });

  test('byte-level problems are the same as for the native format', () => {
    const s = spec({ measure: 'neet', columns: { area: 'a', period: 'p', value: 'v' } });
    expect(brief(ingestSource(s, Buffer.alloc(0), 'f.csv', plan).issues)).toEqual(['error FILE_EMPTY f.csv:0']);
    expect(brief(ingestSource(s, Buffer.from('\ufeffa,p,v\r\n', 'utf16le'), 'f.csv', plan).issues)).toEqual(['error FILE_NOT_UTF8 f.csv:0']);
  });

  test('results are found by measure, area and period', () => {
    const r = ingest({ measure: 'neet', columns: { area: 'a', period: 'p', value: 'v' } }, 'a,p,v\nLeeds,2013,6.0\n');
    expect(find(r.observations, 'neet', 'Leeds', '2013')?.value).toBe(6);
  });
});

describe('checkSeries across files', () => {
  const r1 = () => ingestSource(spec({ measure: 'neet', columns: { area: 'a', period: 'p', value: 'v' } }), bytes('a,p,v\nLeeds,2013,6.0\nLeeds,2014,5.5\n'), 'first.csv', plan);
  const r2 = () => ingestSource(spec({ measure: 'neet', columns: { area: 'a', period: 'p', value: 'v' } }), bytes('a,p,v\nLeeds,2014,5.6\nLeeds,2015,5.0\n'), 'second.csv', plan);
  test('a figure two files give differently: the later file wins, with REVISED_VALUE', () => {
    const all = [...r1().observations, ...r2().observations];
    const checked = checkSeries(all, plan);
    expect(brief(checked.issues)).toEqual(['warning REVISED_VALUE second.csv:2']);
    expect(checked.issues[0]?.message).toMatch(/is 5\.5 on line 3 of first\.csv but 5\.6 here \(line 2\)/);
    expect(checked.observations.map((o) => `${o.period.label}=${o.value}@${o.source.file}`)).toEqual(['2013=6@first.csv', '2014=5.6@second.csv', '2015=5@second.csv']);
  });
  test('or, when asked, an error', () => {
    const checked = checkSeries([...r1().observations, ...r2().observations], plan, { vintages: 'error' });
    expect(brief(checked.issues)).toEqual(['error CONFLICTING_ROW second.csv:2']);
  });
  test('the same figure in two files is a duplicate', () => {
    const again = ingestSource(spec({ measure: 'neet', columns: { area: 'a', period: 'p', value: 'v' } }), bytes('a,p,v\nLeeds,2013,6.0\n'), 'third.csv', plan);
    const checked = checkSeries([...r1().observations, ...again.observations], plan);
    expect(brief(checked.issues)).toEqual(['warning DUPLICATE_ROW third.csv:2']);
  });
});

describe('a filter that matches no row', () => {
  test('is a warning naming the filter, the values looked for and the values the column has', () => {
    const r = ingest(
      { measure: 'neet', filter: { Age: '16-17' }, columns: { area: 'la', period: 'time_period', value: 'pct' } },
      'time_period,la,Age,pct\n2021,Leeds,16 to 17,5.1\n2021,Leeds,18,6.0\n',
    );
    expect(r.observations).toEqual([]);
    expect(r.issues).toEqual([
      {
        severity: 'warning',
        code: 'FILTER_NO_ROWS',
        file: 'f.csv',
        line: 1,
        column: 'Age',
        message: 'sources[0].filter.Age: no row of the file has "16-17" in this column, so nothing is read from the file; it has "16 to 17", "18"; correct the filter in the configuration',
      },
    ]);
  });

  test('is not reported when one of a list of alternatives matches', () => {
    const r = ingest({ measure: 'neet', filter: { Age: ['16-17', '16 to 17'] }, columns: { area: 'la', period: 'time_period', value: 'pct' } }, 'time_period,la,Age,pct\n2021,Leeds,16 to 17,5.1\n');
    expect(r.issues).toEqual([]);
    expect(r.observations).toHaveLength(1);
  });
});
