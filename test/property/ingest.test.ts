/**
 * Property-based tests of CSV ingest (src/data/ingest.ts, src/data/sources.ts, src/data/csv.ts):
 * whatever bytes arrive, ingest returns observations and issues and never throws, and every
 * issue is one the CLI can print as `file:line:column: message [CODE]`:
 * - its code is one of the closed `DataIssueCode` set;
 * - its file is the name ingest was given;
 * - its line is a whole number from 0 (the whole file) to the number of lines in the file, and
 *   at least 1 when the issue is about a row or the header;
 * - its message is one non-empty line with no JavaScript error text in it.
 *
 * Inputs: arbitrary bytes; mixes of commas, quotes, CR/LF, NUL, BOMs and UTF-16; native-format
 * files with hostile cells; and the real published files in data/real/, mutated at random, read
 * through their own mappings from data/real/oba.config.yaml.
 *
 * Every `fc.assert` has a fixed seed, so a run is deterministic.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { ingestCsv, type IngestResult as IngestResultLike } from '../../src/data/ingest.js';
import { ingestSource, parseSourceSpecs, type SourceSpec } from '../../src/data/sources.js';
import { parseConfig } from '../../src/config/config.js';
import type { DataIssue, DataIssueCode } from '../../src/data/types.js';
import type { PeriodType } from '../../src/plan/types.js';
import { bundledPlan } from '../helpers/plan.js';

const SEED = 14_372_013;
const FILE = 'fuzz.csv';

/** The closed set, spelt out so that tsc fails here when a code is added or removed. */
const CODE_SET: Record<DataIssueCode, 'file' | 'row' | 'source'> = {
  FILE_NOT_FOUND: 'file',
  FILE_EMPTY: 'file',
  FILE_NOT_UTF8: 'file',
  FILE_NOT_CSV: 'file',
  FILE_NOT_READABLE: 'file',
  BAD_SOURCE: 'source',
  MISSING_COLUMN: 'row',
  UNKNOWN_COLUMN: 'row',
  DUPLICATE_COLUMN: 'row',
  UNKNOWN_MEASURE: 'row',
  UNKNOWN_AREA: 'row',
  BAD_PERIOD: 'row',
  WRONG_PERIOD_TYPE: 'row',
  BAD_VALUE: 'row',
  PERCENT_OUT_OF_RANGE: 'row',
  NEGATIVE_COUNT: 'row',
  DUPLICATE_ROW: 'row',
  CONFLICTING_ROW: 'row',
  SERIES_GAP: 'row',
  BAD_INTERVAL: 'row',
  BAD_ROW: 'row',
  BAD_STATUS: 'row',
  BAD_DENOMINATOR: 'row',
  NUMERATOR_OVER_DENOMINATOR: 'row',
  EMPTY_VALUE: 'row',
  SPREADSHEET_ERROR: 'row',
  REVISED_VALUE: 'row',
  NARRATIVE_FIGURE: 'row', // a line of a narrative file; never raised by ingest
  NARRATIVE_HEADING: 'row',
  NARRATIVE_FIELD: 'row',
  NARRATIVE_YAML: 'row',
  FILTER_NO_ROWS: 'source', // on the header line of a mapped file
};

/** Physical lines in the file: line breaks are CRLF, LF or a lone CR. */
function lineCount(bytes: Uint8Array): number {
  let lines = 1;
  for (let i = 0; i < bytes.length; i++) {
    if (bytes[i] === 0x0a || (bytes[i] === 0x0d && bytes[i + 1] !== 0x0a)) lines++;
  }
  return lines;
}

/** Text that only a JavaScript failure would put in a message. */
const INTERNALS = /TypeError|RangeError|ReferenceError|SyntaxError|Cannot read propert|is not a function|is not iterable|Maximum call stack|\[object Object\]/;

function checkIssue(issue: DataIssue, bytes: Uint8Array, at: string): void {
  const where = `${at}: ${JSON.stringify(issue).slice(0, 300)}`;
  expect(Object.hasOwn(CODE_SET, issue.code), where).toBe(true);
  expect(['error', 'warning'], where).toContain(issue.severity);
  expect(issue.file, where).toBe(FILE);
  expect(Number.isInteger(issue.line), where).toBe(true);
  expect(issue.line, where).toBeGreaterThanOrEqual(CODE_SET[issue.code] === 'row' ? 1 : 0);
  expect(issue.line, where).toBeLessThanOrEqual(lineCount(bytes));
  expect(typeof issue.message, where).toBe('string');
  expect(issue.message.trim().length, where).toBeGreaterThan(0);
  expect(issue.message, where).not.toMatch(/[\r\n]/);
  expect(issue.message, where).not.toMatch(INTERNALS);
  if (issue.column !== undefined) {
    if (typeof issue.column === 'number') {
      expect(Number.isInteger(issue.column) && issue.column >= 1, where).toBe(true);
    } else expect(issue.column.length, where).toBeGreaterThan(0);
  }
}

const measures = new Map(bundledPlan.measures.map((m) => [m.id, m]));

function checkResult(result: IngestResultLike, bytes: Uint8Array, at: string): void {
  for (const issue of result.issues) checkIssue(issue, bytes, at);
  for (const o of result.observations) {
    const where = `${at}: ${JSON.stringify(o).slice(0, 300)}`;
    expect(o.source.file, where).toBe(FILE);
    expect(o.source.line, where).toBeGreaterThanOrEqual(1);
    expect(o.source.line, where).toBeLessThanOrEqual(lineCount(bytes));
    const m = measures.get(o.measure);
    expect(m, where).toBeDefined();
    expect(o.period.type, where).toBe(m!.periodType);
    if (o.value === null) expect(o.missing, where).toBeDefined();
    else expect(Number.isFinite(o.value), where).toBe(true);
  }
  // An error-free file gives observations or says why not (a file with no rows is an error).
  if (result.observations.length === 0 && !result.issues.some((i) => i.severity === 'error')) {
    // Allowed only for mapped sources whose rows are all skipped (other areas, filters).
    expect(at, `no observations and no errors: ${JSON.stringify(result.issues).slice(0, 300)}`).toMatch(/^source/);
  }
}

function ingestNative(bytes: Uint8Array) {
  let result: IngestResultLike | undefined;
  expect(() => (result = ingestCsv(bytes, FILE, bundledPlan))).not.toThrow();
  return result!;
}

// ---------------------------------------------------------------------------------------------
// Generators

const enc = new TextEncoder();
const concat = (parts: Uint8Array[]) => {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
};

const BOMS: Record<string, number[]> = { none: [], utf8: [0xef, 0xbb, 0xbf], utf16le: [0xff, 0xfe], utf16be: [0xfe, 0xff] };

const MEASURE_IDS = bundledPlan.measures.map((m) => m.id);
const AREA_NAMES = ['Leeds', 'England', 'E08000035', 'leeds city council', 'Seacroft', 'Narnia', ''];
const PERIODS = ['2013', '2012/13', '201213', 'FY2012-13', '2013-Q2', 'Q2 2013', '2013-03', 'Mar 2013', '2013-W39', '2013-W53', '2013-03-31', '31/03/2013', '31/02/2013', '2013-02-30', '44927', '1899', '2101', ''];
const VALUES = ['1437', '1,437', '6.3%', '6.3 [p]', '12p', '-0', '-5', '150', '1e400', 'NaN', 'Infinity', '-Infinity', '0x1F', '#DIV/0!', '#VALUE!', '44927', '31/02/2013', 'c', '[x]', ':', '~', 'low', '..', '', ' ', '6,3', '90-99', '+5', '9'.repeat(400)];
/** Good periods of each type, so that some rows get as far as their values. */
const PERIOD_OF: Record<PeriodType, string[]> = {
  'calendar-year': ['2011', '2012', '2013'],
  'academic-year': ['2011/12', '2012-13', '201314'],
  'financial-year': ['2011/12', 'FY2012-13', '2013/2014'],
  quarter: ['2013 Q1', '2013-Q2', 'Q3 2013'],
  month: ['2013-01', 'Feb 2013', 'March 2013'],
  week: ['2013-W01', '2013-W02', '2015-W53'],
  date: ['2011-03-31', '31/03/2012', '31 March 2013'],
};
const STATUS = ['', 'p', 'p r', '[e][b]', 'q', '[z]'];
const NOTES = ['', 'real: DfE', 'a "quoted" note', 'line\nbreak', 'comma, inside', '\u202e\u200b', '💥'];
const CELL = fc.oneof(
  fc.constantFrom(...MEASURE_IDS, ...AREA_NAMES, ...PERIODS, ...VALUES, ...STATUS, ...NOTES),
  fc.string({ maxLength: 12 }),
  fc.string({ unit: 'binary', maxLength: 6 }),
);
const COLUMNS = ['measure', 'area', 'period', 'value', 'numerator', 'denominator', 'lower', 'upper', 'status', 'note'];

/** A cell written as a spreadsheet might: plain, quoted, quoted badly. */
const quoting = fc.oneof(
  { weight: 600, arbitrary: fc.constant('plain') },
  { weight: 100, arbitrary: fc.constant('quoted') },
  { weight: 1, arbitrary: fc.constantFrom('unclosed', 'stray') },
);
const written = fc.tuple(CELL, quoting).map(([cell, how]) => {
  // A quote inside an unquoted cell is a CSV error that stops the reader: only 'stray' makes one.
  const text = how === 'plain' ? cell.replaceAll('"', "'") : cell;
  switch (how) {
    case 'quoted':
      return `"${text.replaceAll('"', '""')}"`;
    case 'unclosed':
      return `"${text}`;
    case 'stray':
      return `${text}"x`;
    default:
      return text;
  }
});

/** The required columns in order with the optional ones mixed in at positions drawn from `seed`. */
function shuffleIn(required: string[], extra: string[], seed: number): string[] {
  const out = [...required];
  extra.forEach((c, i) => out.splice((seed + i * 7) % (out.length + 1), 0, c));
  return out;
}

const EOL = fc.constantFrom('\n', '\r\n', '\r');

/** A native-format file: a header (usually good), rows of hostile cells, mixed line ends. */
const nativeFile = fc
  .record({
    header: fc.oneof(
      { weight: 6, arbitrary: fc.tuple(fc.shuffledSubarray(COLUMNS.slice(4)), fc.nat()).map(([extra, at]) => shuffleIn(['measure', 'area', 'period', 'value'], extra, at)) },
      { weight: 1, arbitrary: fc.array(fc.constantFrom(...COLUMNS, 'Measure ', ' AREA', 'valu', '', 'measure'), { minLength: 1, maxLength: 12 }) },
    ),
    rows: fc.array(fc.array(written, { minLength: 0, maxLength: 12 }), { maxLength: 25 }),
    goodRows: fc.array(
      fc.constantFrom(...bundledPlan.measures).chain((m) =>
        fc.tuple(fc.constant(m.id), fc.constantFrom('Leeds', 'England', 'Seacroft'), fc.constantFrom(...PERIOD_OF[m.periodType]), fc.constantFrom(...VALUES)),
      ),
      { maxLength: 15 },
    ),
    eol: EOL,
    bom: fc.oneof({ weight: 12, arbitrary: fc.constantFrom('none', 'utf8') }, { weight: 1, arbitrary: fc.constantFrom('utf16le', 'utf16be') }),
    trailingEol: fc.boolean(),
  })
  .map(({ header, rows, goodRows, eol, bom, trailingEol }) => {
    // Good rows put their measure, area, period and value under those headers, other cells empty.
    const good = goodRows.map(([measure, area, period, value]) =>
      header.map((h) => ({ measure, area, period, value })[h.trim().toLowerCase()] ?? '').join(','),
    );
    const lines = [header.join(','), ...good, ...rows.map((r) => r.join(','))];
    const text = lines.join(eol) + (trailingEol ? eol : '');
    return concat([new Uint8Array(BOMS[bom]!), enc.encode(text)]);
  });

/** Mixes of the characters that break CSV readers, as bytes, with BOMs and UTF-16 anywhere. */
const hostileMix = fc
  .record({
    prefix: fc.constantFrom(...Object.keys(BOMS)),
    parts: fc.array(
      fc.oneof(
        fc.constantFrom(',', '"', '""', '\r', '\n', '\r\n', '\0', '\uFEFF', ' ', '\t', ';', 'measure,area,period,value\n', 'looked-after,Leeds,2013-03-31,1\n', 'a', '1').map((s) => enc.encode(s)),
        fc.constantFrom(...Object.values(BOMS)).map((b) => new Uint8Array(b)),
        fc.constantFrom([0xc3], [0x80], [0xed, 0xa0, 0x80], [0xf4, 0x90, 0x80, 0x80], [0xff], [0xc0, 0xaf]).map((b) => new Uint8Array(b)),
        fc.string({ unit: 'binary', maxLength: 4 }).map((s) => enc.encode(s)),
      ),
      { maxLength: 200 },
    ),
    utf16: fc.constantFrom<'no' | 'le' | 'be'>('no', 'no', 'no', 'le', 'be'),
  })
  .map(({ prefix, parts, utf16 }) => {
    const body = concat(parts);
    if (utf16 === 'no') return concat([new Uint8Array(BOMS[prefix]!), body]);
    const text = Buffer.from(new TextDecoder().decode(body), 'utf16le');
    if (utf16 === 'be') text.swap16();
    return concat([new Uint8Array(utf16 === 'le' ? BOMS['utf16le']! : BOMS['utf16be']!), text]);
  });

// ---------------------------------------------------------------------------------------------

describe('ingestCsv never throws, and every issue has a code, the file, a line and a message', () => {
  it('arbitrary bytes (up to 4 KB)', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 4096 }), (bytes) => checkResult(ingestNative(bytes), bytes, 'bytes')),
      { seed: SEED, numRuns: 400 },
    );
  });

  it('arbitrary bytes after a valid header and row (so the parser gets past the header)', () => {
    const start = enc.encode('measure,area,period,value\nlooked-after,Leeds,2013-03-31,1\n');
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 2048 }), (tail) => {
        const bytes = concat([start, tail]);
        checkResult(ingestNative(bytes), bytes, 'header+bytes');
      }),
      { seed: SEED, numRuns: 300 },
    );
  });

  it('mixes of commas, quotes, CR/LF, NUL, BOMs, bad UTF-8 and UTF-16', () => {
    fc.assert(
      fc.property(hostileMix, (bytes) => checkResult(ingestNative(bytes), bytes, 'mix')),
      { seed: SEED, numRuns: 400 },
    );
  });

  it('native-format files with hostile cells, bad quoting, ragged rows and mixed line ends', () => {
    fc.assert(
      fc.property(nativeFile, (bytes) => {
        const result = ingestNative(bytes);
        checkResult(result, bytes, 'native');
        // Ingest is a pure function of its input.
        expect(ingestCsv(bytes, FILE, bundledPlan)).toEqual(result);
      }),
      { seed: SEED, numRuns: 300 },
    );
  });

  it('a file that starts with a UTF-16 BOM is FILE_NOT_UTF8 on line 0, whatever follows', () => {
    fc.assert(
      fc.property(fc.constantFrom('utf16le', 'utf16be'), fc.uint8Array({ maxLength: 512 }), (bom, rest) => {
        const bytes = concat([new Uint8Array(BOMS[bom]!), rest]);
        const r = ingestNative(bytes);
        expect(r.issues.map((i) => [i.code, i.line])).toEqual([['FILE_NOT_UTF8', 0]]);
      }),
      { seed: SEED, numRuns: 100 },
    );
  });

  it('a NUL byte anywhere in a UTF-8 file is FILE_NOT_CSV on the line it is on', () => {
    fc.assert(
      fc.property(nativeFile, fc.nat(), (bytes, at) => {
        if (bytes[0] === 0xff || bytes[0] === 0xfe) return; // UTF-16 BOM: reported as such
        const i = bytes.length === 0 ? 0 : at % bytes.length;
        const withNul = concat([bytes.subarray(0, i), new Uint8Array([0]), bytes.subarray(i)]);
        const r = ingestNative(withNul);
        expect(r.issues.map((x) => x.code)).toEqual(['FILE_NOT_CSV']);
        expect(r.issues[0]!.line).toBe(lineCount(withNul.subarray(0, i + 1)));
      }),
      { seed: SEED, numRuns: 200 },
    );
  });
});

// ---------------------------------------------------------------------------------------------
// The real published files, mutated.

const realDir = fileURLToPath(new URL('../../data/real/', import.meta.url));
const configFile = `${realDir}oba.config.yaml`;
const config = parseConfig(readFileSync(configFile, 'utf8'), configFile);
const parsed = parseSourceSpecs(config.sources, configFile, bundledPlan);
const specs: SourceSpec[] = parsed.specs;
const realBytes = new Map<string, Uint8Array>(specs.map((s) => [s.path, new Uint8Array(readFileSync(s.path))]));

type Mutation =
  | { kind: 'delete'; at: number; length: number }
  | { kind: 'insert'; at: number; bytes: Uint8Array }
  | { kind: 'replace'; at: number; byte: number }
  | { kind: 'duplicate-line'; line: number }
  | { kind: 'drop-line'; line: number }
  | { kind: 'swap-lines'; a: number; b: number }
  | { kind: 'truncate'; at: number }
  | { kind: 'quote'; at: number }
  | { kind: 'crlf' };

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('delete' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 64 }) }),
  fc.record({
    kind: fc.constant('insert' as const),
    at: fc.nat(),
    bytes: fc.oneof(
      fc.uint8Array({ minLength: 1, maxLength: 16 }),
      fc.constantFrom(',', '"', '\n', '\r', ',,,,', '\uFEFF', '\0', 'NaN', '1e400', '#DIV/0!', '-1', '[c]', 'x', '999999', '2013-02-30').map((s) => enc.encode(s)),
    ),
  }),
  fc.record({ kind: fc.constant('replace' as const), at: fc.nat(), byte: fc.integer({ min: 0, max: 255 }) }),
  fc.record({ kind: fc.constant('duplicate-line' as const), line: fc.nat() }),
  fc.record({ kind: fc.constant('drop-line' as const), line: fc.nat() }),
  fc.record({ kind: fc.constant('swap-lines' as const), a: fc.nat(), b: fc.nat() }),
  fc.record({ kind: fc.constant('truncate' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('quote' as const), at: fc.nat() }),
  fc.constant({ kind: 'crlf' as const }),
);

function splitLines(bytes: Uint8Array): Uint8Array[] {
  const lines: Uint8Array[] = [];
  let from = 0;
  for (let i = 0; i < bytes.length; i++) {
    if (bytes[i] === 0x0a) {
      lines.push(bytes.subarray(from, i + 1));
      from = i + 1;
    }
  }
  if (from < bytes.length) lines.push(bytes.subarray(from));
  return lines;
}

function mutate(bytes: Uint8Array, m: Mutation): Uint8Array {
  const n = bytes.length;
  const pos = (at: number) => (n === 0 ? 0 : at % (n + 1));
  switch (m.kind) {
    case 'delete': {
      const at = pos(m.at);
      return concat([bytes.subarray(0, at), bytes.subarray(Math.min(n, at + m.length))]);
    }
    case 'insert': {
      const at = pos(m.at);
      return concat([bytes.subarray(0, at), m.bytes, bytes.subarray(at)]);
    }
    case 'replace': {
      if (n === 0) return bytes;
      const out = bytes.slice();
      out[m.at % n] = m.byte;
      return out;
    }
    case 'truncate':
      return bytes.subarray(0, pos(m.at));
    case 'quote': {
      const at = pos(m.at);
      return concat([bytes.subarray(0, at), enc.encode('"'), bytes.subarray(at)]);
    }
    case 'crlf':
      return enc.encode(new TextDecoder().decode(bytes).replace(/\r?\n/g, '\r\n'));
    default: {
      const lines = splitLines(bytes);
      if (lines.length === 0) return bytes;
      if (m.kind === 'duplicate-line') {
        const i = m.line % lines.length;
        lines.splice(i, 0, lines[i]!);
      } else if (m.kind === 'drop-line') lines.splice(m.line % lines.length, 1);
      else {
        const a = m.a % lines.length;
        const b = m.b % lines.length;
        [lines[a], lines[b]] = [lines[b]!, lines[a]!];
      }
      return concat(lines);
    }
  }
}

describe('mutated real files, read through their mappings in data/real/oba.config.yaml', () => {
  it('the mappings parse, and every unmutated file reads without errors (so mutations are what the properties test)', () => {
    expect(parsed.problems).toEqual([]);
    expect(specs.length).toBeGreaterThanOrEqual(20);
    for (const spec of specs) {
      const bytes = realBytes.get(spec.path)!;
      const r = ingestSource(spec, bytes, FILE, bundledPlan);
      expect(r.issues.filter((i) => i.severity === 'error'), spec.file).toEqual([]);
      expect(r.observations.length, spec.file).toBeGreaterThan(0);
    }
  });

  it('ingestSource never throws on a mutated file, and its issues have codes, lines and messages', () => {
    fc.assert(
      fc.property(fc.nat({ max: specs.length - 1 }), fc.array(mutation, { minLength: 1, maxLength: 6 }), (index, mutations) => {
        const spec = specs[index]!;
        const bytes = mutations.reduce(mutate, realBytes.get(spec.path)!);
        let result: IngestResultLike | undefined;
        expect(() => (result = ingestSource(spec, bytes, FILE, bundledPlan))).not.toThrow();
        checkResult(result!, bytes, `source ${spec.file}`);
        for (const i of result!.issues.filter((x) => x.code === 'BAD_SOURCE')) expect(i.message).toMatch(/^sources\[\d+\]/);
      }),
      { seed: SEED, numRuns: 250 },
    );
  });

  it('ingestCsv (the native reader) on the same mutated files never throws either', () => {
    fc.assert(
      fc.property(fc.nat({ max: specs.length - 1 }), fc.array(mutation, { maxLength: 4 }), (index, mutations) => {
        const bytes = mutations.reduce(mutate, realBytes.get(specs[index]!.path)!);
        checkResult(ingestNative(bytes), bytes, 'native real');
      }),
      { seed: SEED, numRuns: 100 },
    );
  });
});

// ---------------------------------------------------------------------------------------------

describe('source mappings refuse what they should', () => {
  const ingest = (raw: unknown, csv: string) => {
    const { specs: s, problems } = parseSourceSpecs([raw], '/tmp/oba.config.yaml', bundledPlan);
    if (problems.length > 0) return { problems, result: undefined };
    return { problems, result: ingestSource(s[0]!, enc.encode(csv), FILE, bundledPlan) };
  };

  // Regression (fixed): src/data/checks.ts buildObservation(): a computed value (numerator ÷ denominator ×
  // multiplier) is not checked to be finite, so it can overflow to Infinity and is kept as an
  // observation with no issue (`oba validate` passes it; JSON output then shows null).
  // Reproduce: a source {measure: looked-after, period: 2013-03-31, columns: {area: a, value:
  // {numerator: n, denominator: d}}} over "a,n,d\nLeeds,<'1' followed by 308 zeros>,0.1\n"
  // gives one observation with value Infinity and no issues. Same with multiplier: 1e308 and n = 10, d = 1.
  it('a computed value that overflows (1e308 / 0.1) is an error, not an observation of Infinity', () => {
    const { result } = ingest(
      { file: 'f.csv', measure: 'looked-after', period: '2013-03-31', columns: { area: 'a', value: { numerator: 'n', denominator: 'd' } } },
      `a,n,d\nLeeds,1${'0'.repeat(308)},0.1\n`,
    );
    for (const o of result!.observations) expect(Number.isFinite(o.value ?? 0)).toBe(true);
    expect(result!.issues.filter((i) => i.severity === 'error').length).toBeGreaterThan(0);
  });

  // Regression (fixed): src/data/sources.ts parseSourceSpecs(): a filter column "#0" is accepted (columns are
  // 1-based and `columns.area: 0` is refused), then Header.find(0) returns index -1, every cell
  // reads as "", and the filter silently drops every row (or, with filter {"#0": ""}, keeps all).
  // Reproduce: parseSourceSpecs([{file: f.csv, measure: looked-after, period: 2013-03-31,
  // filter: {"#0": Leeds}, columns: {area: a, value: n}}], …) gives no problems, and ingest of
  // "a,n\nLeeds,10\n" gives no observations and no issues.
  it('filter: {"#0": …} is refused like any column number below 1', () => {
    const { problems, result } = ingest({ file: 'f.csv', measure: 'looked-after', period: '2013-03-31', filter: { '#0': 'Leeds' }, columns: { area: 'a', value: 'n' } }, 'a,n\nLeeds,10\n');
    const refused = problems.length > 0 || result!.issues.some((i) => i.severity === 'error');
    expect(refused).toBe(true);
  });
});
