/**
 * The native tidy CSV format: each broken input gives the exact code, file, line and column.
 * Inputs are built here as strings; line numbers are the physical lines of those strings.
 */
import { describe, expect, test } from 'vitest';
import { ingestCsv } from '../../src/data/ingest.js';
import { brief, bundledPlan, bytes, errorsOf, find } from './helpers.js';

const plan = bundledPlan();
const F = 'data.csv';
const read = (text: string | Buffer) => ingestCsv(typeof text === 'string' ? bytes(text) : text, F, plan);

describe('good files', () => {
  test('minimal file: observations with canonical periods and areas, source lines', () => {
    const r = read(
      [
        'measure,area,period,value',
        'looked-after,Leeds,2012-03-31,"1,475"',
        'looked-after,leeds city council,31/03/2013,1373', // alias, day-first date
        'looked-after,E08000035,2014-03-31,1339', // code
        'looked-after-absence,Leeds,2011/12,5.02%',
        'neet,  Yorkshire & Humber ,2013,6.3 [p]',
        'under-18-conceptions,England,2013,24.3',
      ].join('\n'),
    );
    expect(r.issues).toEqual([]);
    expect(r.observations).toHaveLength(6);
    expect(find(r.observations, 'looked-after', 'Leeds', '2012-03-31')).toEqual({
      measure: 'looked-after',
      area: 'Leeds',
      period: { type: 'date', label: '2012-03-31', start: '2012-03-31', end: '2012-03-31', ordinal: Date.UTC(2012, 2, 31) / 86_400_000 },
      value: 1475,
      status: [],
      source: { file: F, line: 2 },
    });
    expect(find(r.observations, 'looked-after', 'Leeds', '2013-03-31')?.source.line).toBe(3);
    expect(find(r.observations, 'looked-after', 'Leeds', '2014-03-31')?.value).toBe(1339);
    expect(find(r.observations, 'looked-after-absence', 'Leeds', '2011/12')?.value).toBe(5.02);
    expect(find(r.observations, 'neet', 'Yorkshire and The Humber', '2013')).toMatchObject({ value: 6.3, status: ['p'] });
  });

  test('header names are trimmed and matched ignoring case, in any order; optional columns are read', () => {
    const r = read(
      [
        ' Value ,PERIOD,Area , measure,numerator,denominator,lower,upper,status,note',
        '9.2,2007/08,Leeds,looked-after-absence,"18,386","199,855",8.9,9.5,"p, r",SFR32/2012 vintage',
      ].join('\r\n'),
    );
    expect(r.issues).toEqual([]);
    expect(r.observations[0]).toMatchObject({
      measure: 'looked-after-absence',
      area: 'Leeds',
      value: 9.2,
      numerator: 18386,
      denominator: 199855,
      lower: 8.9,
      upper: 9.5,
      status: ['p', 'r'],
      note: 'SFR32/2012 vintage',
    });
  });

  test('a suppressed c is missing "c", not 0; other markers likewise', () => {
    const r = read(['measure,area,period,value', 'looked-after,Leeds,2013-03-31,c', 'looked-after,Leeds,2014-03-31,[x]', 'looked-after,Leeds,2015-03-31,..'].join('\n'));
    expect(r.issues).toEqual([]);
    expect(r.observations.map((o) => [o.value, o.missing])).toEqual([
      [null, 'c'],
      [null, 'x'],
      [null, '..'],
    ]);
  });

  test('1,437 → 1437; 6.3% → 6.3; [p] → status p', () => {
    const r = read(['measure,area,period,value', 'looked-after,Leeds,2013-03-31,"1,437"', 'neet,Leeds,2013,6.3%', 'neet,Leeds,2014,5.9 [p]'].join('\n'));
    expect(r.issues).toEqual([]);
    expect(r.observations.map((o) => [o.value, o.status])).toEqual([
      [1437, []],
      [6.3, []],
      [5.9, ['p']],
    ]);
  });

  test('BOM, CRLF, blank lines and a quoted note spanning lines keep physical line numbers', () => {
    const text = '\ufeffmeasure,area,period,value,note\r\n\r\nneet,Leeds,2013,6.0,"two\r\nline note"\r\nneet,Leeds,2014,abc,\r\n';
    const r = read(text);
    expect(r.observations[0]).toMatchObject({ note: 'two\r\nline note', source: { line: 3 } });
    expect(brief(r.issues)).toEqual([`error BAD_VALUE ${F}:5:4`]);
  });

  test('extra areas can be passed in', () => {
    const r = ingestCsv(bytes('measure,area,period,value\nneet,Bradford,2013,7.1\n'), F, plan, {
      extraAreas: [{ name: 'Bradford', type: 'comparator', code: 'E08000032', aliases: [] }],
    });
    expect(r.issues).toEqual([]);
    expect(r.observations[0]?.area).toBe('Bradford');
  });

  test('a spreadsheet error in a value column is missing "error" with a warning, not zero', () => {
    const r = read('measure,area,period,value\nlooked-after,Leeds,2013-03-31,#VALUE!\n');
    expect(r.observations[0]).toMatchObject({ value: null, missing: 'error' });
    expect(brief(r.issues)).toEqual([`warning SPREADSHEET_ERROR ${F}:2:4`]);
  });
});

describe('broken files: exact code, file, line and column', () => {
  const cases: [string, string, string[]][] = [
    ['missing column', 'measure,area,value\nneet,Leeds,6.3\n', [`error MISSING_COLUMN ${F}:1:period`]],
    // A published file as downloaded (DfE SFR41/2016's header): one error, not one a column.
    ['another format', 'New_geog_code,geog_l,geog_c,geog_n,CLA_Mar2016\nE08000032,LA,380,Bradford,885\n', [`error MISSING_COLUMN ${F}:1`]],
    // Misspelt columns are this format, misspelt: each named, with what was meant.
    ['misspelt columns', 'meausre,aera,period,value\nneet,Leeds,2013,6.3\n', [`error UNKNOWN_COLUMN ${F}:1:1`, `error UNKNOWN_COLUMN ${F}:1:2`, `error MISSING_COLUMN ${F}:1:measure`, `error MISSING_COLUMN ${F}:1:area`]],
    [
      'unknown column (rows still read)',
      'measure,area,period,value,colour\nneet,Leeds,2013,6.3,red\n',
      [`error UNKNOWN_COLUMN ${F}:1:5`],
    ],
    ['duplicate column', 'measure,area,period,value,Value\nneet,Leeds,2013,6.3,6.3\n', [`error DUPLICATE_COLUMN ${F}:1:5`]],
    ['unknown measure', 'measure,area,period,value\nneet,Leeds,2013,6.3\nneets,Leeds,2014,6.1\n', [`error UNKNOWN_MEASURE ${F}:3:1`]],
    ['unknown area', 'measure,area,period,value\nneet,Leeds,2013,6.3\nneet,Leds,2013,6.1\n', [`error UNKNOWN_AREA ${F}:3:2`]],
    ['unparsable period', 'measure,area,period,value\nneet,Leeds,20133,6.3\n', [`error BAD_PERIOD ${F}:2:3`]],
    ['impossible date', 'measure,area,period,value\nlooked-after,Leeds,2013-02-30,1\n', [`error BAD_PERIOD ${F}:2:3`]],
    ['wrong period type', 'measure,area,period,value\nlooked-after-absence,Leeds,2013-Q2,9.2\n', [`error WRONG_PERIOD_TYPE ${F}:2:3`]],
    ['ambiguous year for an academic-year measure', 'measure,area,period,value\nlooked-after-absence,Leeds,2013,9.2\n', [`error BAD_PERIOD ${F}:2:3`]],
    ['non-numeric value', 'measure,area,period,value\nneet,Leeds,2013,six\n', [`error BAD_VALUE ${F}:2:4`]],
    ['empty value', 'measure,area,period,value\nneet,Leeds,2013,\n', [`error BAD_VALUE ${F}:2:4`]],
    ['percentage of 140', 'measure,area,period,value\nneet,Leeds,2013,140\n', [`error PERCENT_OUT_OF_RANGE ${F}:2:4`]],
    ['negative percentage', 'measure,area,period,value\nneet,Leeds,2013,-1\n', [`error PERCENT_OUT_OF_RANGE ${F}:2:4`]],
    ['negative count', 'measure,area,period,value\nlooked-after,Leeds,2013-03-31,-5\n', [`error NEGATIVE_COUNT ${F}:2:4`]],
    ['negative rate', 'measure,area,period,value\nunder-18-conceptions,Leeds,2013,-0.5\n', [`error NEGATIVE_COUNT ${F}:2:4`]],
    ['% sign on a count', 'measure,area,period,value\nlooked-after,Leeds,2013-03-31,12%\n', [`error BAD_VALUE ${F}:2:4`]],
    ['lower above the value', 'measure,area,period,value,lower,upper\nneet,Leeds,2013,6.3,7,8\n', [`error BAD_INTERVAL ${F}:2:5`]],
    ['upper below the value', 'measure,area,period,value,lower,upper\nneet,Leeds,2013,6.3,5,6\n', [`error BAD_INTERVAL ${F}:2:6`]],
    [
      'numerator over denominator for a percentage',
      'measure,area,period,value,numerator,denominator\nneet,Leeds,2013,6.3,200,100\n',
      [`error NUMERATOR_OVER_DENOMINATOR ${F}:2:5`],
    ],
    ['denominator of 0', 'measure,area,period,value,numerator,denominator\nneet,Leeds,2013,6.3,0,0\n', [`error BAD_DENOMINATOR ${F}:2:6`]],
    ['bad status', 'measure,area,period,value,status\nneet,Leeds,2013,6.3,provisional\n', [`error BAD_STATUS ${F}:2:5`]],
    ['bad status flag in a value', 'measure,area,period,value\nneet,Leeds,2013,6.3 [q]\n', [`error BAD_VALUE ${F}:2:4`]],
    ['too many fields', 'measure,area,period,value\nneet,Leeds,2013,6,3\n', [`error BAD_ROW ${F}:2`]],
    ['too few fields', 'measure,area,period,value\nneet,Leeds,2013\n', [`error BAD_ROW ${F}:2`]],
    [
      'duplicate row (identical): warning, one kept',
      'measure,area,period,value\nneet,Leeds,2013,6.3\nneet,Leeds,2013,6.3\n',
      [`warning DUPLICATE_ROW ${F}:3`],
    ],
    [
      'duplicate row (different values): error naming both lines',
      'measure,area,period,value\nneet,Leeds,2013,6.3\nneet,Leeds,2014,6.0\nneet,LEEDS,2013,6.4\n',
      [`error CONFLICTING_ROW ${F}:4`],
    ],
    [
      'gap in a series: warning',
      'measure,area,period,value\nlooked-after-absence,Leeds,2010/11,7.3\nlooked-after-absence,Leeds,2011/12,5.0\nlooked-after-absence,Leeds,2013/14,4.1\n',
      [`warning SERIES_GAP ${F}:4`],
    ],
    [
      'a period present with a marker is not a gap',
      'measure,area,period,value\nlooked-after-absence,Leeds,2011/12,5.0\nlooked-after-absence,Leeds,2012/13,x\nlooked-after-absence,Leeds,2013/14,4.1\n',
      [],
    ],
    ['empty file', '', [`error FILE_EMPTY ${F}:0`]],
    ['only blank lines', '\n \r\n\n', [`error FILE_EMPTY ${F}:0`]],
    ['only a BOM', '\ufeff', [`error FILE_EMPTY ${F}:0`]],
    ['header only', 'measure,area,period,value\n', [`error FILE_EMPTY ${F}:1`]],
    [
      'unclosed quote: rows before it are read, then FILE_NOT_CSV where the record starts',
      'measure,area,period,value\nneet,Leeds,2013,6.3\nneet,"Leeds,2014,6.0\nneet,Leeds,2015,5.9\n',
      [`error FILE_NOT_CSV ${F}:3`],
    ],
    ['stray quote', 'measure,area,period,value\nneet,Le"eds,2013,6.3\n', [`error FILE_NOT_CSV ${F}:2`]],
  ];
  for (const [name, text, expected] of cases) {
    test(name, () => {
      expect(brief(read(text).issues)).toEqual(expected);
    });
  }

  test('not UTF-8 (Windows-1252 £ on line 3)', () => {
    const buf = Buffer.concat([bytes('measure,area,period,value,note\nneet,Leeds,2013,6.3,\nneet,Leeds,2014,6.0,cost '), Buffer.from([0xa3]), bytes('5\n')]);
    const r = read(buf);
    expect(brief(r.issues)).toEqual([`error FILE_NOT_UTF8 ${F}:3`]);
    expect(r.issues[0]?.message).toMatch(/save it as UTF-8/);
    expect(r.observations).toEqual([]);
  });

  test('UTF-16 (with a byte order mark) says to save as UTF-8', () => {
    const r = read(Buffer.from('\ufeffmeasure,area,period,value\r\nneet,Leeds,2013,6.3\r\n', 'utf16le'));
    expect(brief(r.issues)).toEqual([`error FILE_NOT_UTF8 ${F}:0`]);
    expect(r.issues[0]?.message).toMatch(/UTF-16.*save it as UTF-8/);
  });

  test('UTF-16 without a byte order mark is caught by its NUL bytes', () => {
    const r = read(Buffer.from('measure,area,period,value\r\n', 'utf16le'));
    expect(brief(r.issues)).toEqual([`error FILE_NOT_CSV ${F}:1`]);
    expect(r.issues[0]?.message).toMatch(/UTF-16/);
  });

  test('binary (NUL bytes) is not CSV', () => {
    const r = read(Buffer.concat([bytes('measure,area,period,value\nneet,Leeds,2013,'), Buffer.from([0, 1, 2, 3])]));
    expect(brief(r.issues)).toEqual([`error FILE_NOT_CSV ${F}:2`]);
  });

  test('an Excel workbook is not CSV', () => {
    const r = read(Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00]));
    expect(brief(r.issues)).toEqual([`error FILE_NOT_CSV ${F}:0`]);
    expect(r.issues[0]?.message).toMatch(/workbook/);
  });

  test('a CRLF inside a quoted field does not throw later line numbers off', () => {
    const r = read('measure,area,period,value,note\r\nneet,Leeds,2013,6.3,"a\r\nb\r\nc"\r\nneet,Leeds,2014,bad,\r\n');
    expect(brief(r.issues)).toEqual([`error BAD_VALUE ${F}:5:4`]);
  });

  test('every problem in a file is reported in one pass', () => {
    const r = read(
      [
        'measure,area,period,value',
        'neets,Leeds,2013,6.3', // 2 unknown measure
        'neet,Leds,2013,6.3', // 3 unknown area
        'neet,Leeds,2013-Q2,6.3', // 4 wrong period type
        'neet,Leeds,2014,six', // 5 bad value
        'neet,Leeds,2015,140', // 6 percent out of range
        'looked-after,Leeds,2013-03-31,-1', // 7 negative count
        'neet,Leeds,2016,5', // 8
        'neet,Leeds,2016,6', // 9 conflict with 8
        'neets,Lds,2013/14,abc', // 10 three problems on one row
      ].join('\n'),
    );
    expect(brief(r.issues)).toEqual([
      `error UNKNOWN_MEASURE ${F}:2:1`,
      `error UNKNOWN_AREA ${F}:3:2`,
      `error WRONG_PERIOD_TYPE ${F}:4:3`,
      `error BAD_VALUE ${F}:5:4`,
      `error PERCENT_OUT_OF_RANGE ${F}:6:4`,
      `error NEGATIVE_COUNT ${F}:7:4`,
      `error CONFLICTING_ROW ${F}:9`,
      `error UNKNOWN_MEASURE ${F}:10:1`,
      `error UNKNOWN_AREA ${F}:10:2`,
      `error BAD_VALUE ${F}:10:4`,
    ]);
    expect(r.observations.map((o) => `${o.period.label}=${o.value}`)).toEqual(['2016=5']);
  });
});

describe('messages say what is wrong and what to do', () => {
  const messageOf = (text: string) => read(text).issues[0]?.message ?? '';
  test('unknown measure suggests the nearest id', () => {
    expect(messageOf('measure,area,period,value\nlooked-afte,Leeds,2013-03-31,1\n')).toMatch(/the plan has no measure "looked-afte" on line 2; did you mean looked-after\?/);
  });
  test('unknown area suggests the nearest name', () => {
    expect(messageOf('measure,area,period,value\nneet,Leds,2013,1\n')).toMatch(/no area called "Leds" on line 2; did you mean "Leeds"\?/);
  });
  test('unknown column lists the allowed columns', () => {
    expect(messageOf('measure,area,period,value,valu\nneet,Leeds,2013,1,1\n')).toMatch(
      /unknown column "valu".*the columns allowed are measure, area, period, value, numerator, denominator, lower, upper, status and note/,
    );
  });
  test('missing column lists what is needed and what was found', () => {
    expect(messageOf('measure,area,value\n')).toMatch(/the header has no "period" column; a data file needs the columns measure, area, period and value \(got "measure", "area" and "value"\)/);
  });
  test('wrong period type says what was expected, what was found, and where', () => {
    expect(messageOf('measure,area,period,value\nlooked-after-absence,Leeds,2013-Q2,9.2\n')).toBe(
      'measure "looked-after-absence": expected an academic year such as 2012/13, got "2013-Q2", which is a quarter on line 2; write the period like 2012/13 for this measure, or check the measure',
    );
  });
  test('a conflict names both lines; a gap names the periods and lines around it', () => {
    expect(messageOf('measure,area,period,value\nneet,Leeds,2013,6.3\nneet,Leeds,2013,6.4\n')).toBe(
      'measure "neet" for Leeds at 2013 is 6.3 on line 2 but 6.4 on line 3; keep one row and delete the other (only the first is used)',
    );
    expect(messageOf('measure,area,period,value\nneet,Leeds,2011,6.3\nneet,Leeds,2014,6.4\n')).toBe(
      'measure "neet" for Leeds has no value for 2012 and 2013 between 2011 (line 2) and 2014 (line 3); add the missing rows, with a marker such as x if the figure is not available, to a file of your own (leave a published file as it is: acknowledge SERIES_GAP for it in the configuration)',
    );
  });
  test('a percentage out of range', () => {
    expect(messageOf('measure,area,period,value\nneet,Leeds,2013,140\n')).toMatch(/expected a percentage from 0 to 100 for measure "neet", got 140 on line 2; check the figure/);
  });
});

describe('nothing is zero that was not zero', () => {
  test('no marker, empty cell or error ever becomes 0', () => {
    const r = read(
      ['measure,area,period,value', ...['c', 'x', 'z', 'low', 'u', '..', ':', '~', '[c]', '#VALUE!', '#DIV/0!'].map((m, i) => `looked-after,Leeds,${2000 + i}-03-31,${m}`)].join('\n'),
    );
    expect(errorsOf(r.issues)).toEqual([]);
    expect(r.observations).toHaveLength(11);
    for (const o of r.observations) {
      expect(o.value).toBeNull();
      expect(o.missing).toBeDefined();
    }
  });
});

describe('a file in another format', () => {
  test('says it is not in oba\'s own format and how a published file is read', () => {
    const r = read('New_geog_code,geog_l,geog_c,geog_n,CLA_Mar2016\nE08000032,LA,380,Bradford,885\n');
    expect(r.observations).toEqual([]);
    expect(r.issues).toHaveLength(1);
    expect(r.issues[0]!.message).toBe(
      'the header has none of the columns of oba\'s own format (measure, area, period and value; got "New_geog_code", "geog_l", "geog_c", "geog_n" and "CLA_Mar2016"); ' +
        'a published file is read as downloaded through sources: in the configuration, with a preset or a mapping of its columns, and `oba validate --data FILE` names the preset that fits one',
    );
  });
});
