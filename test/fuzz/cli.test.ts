/**
 * A bounded, deterministic fuzz run of `oba validate` over hostile input files, in-process.
 *
 * "Analysts feed oba whatever their systems export, and CI runs it unattended. It must never
 * crash with a stack trace." Every case here is run through the CLI's `main` with a recording
 * terminal, and must:
 * - exit 1 for bad data or configuration, 2 for a command used wrongly (0 only when the input
 *   really is clean, which only generated cases may be), never 70 ("internal error", a bug);
 * - say what is wrong: an issue line `file:line:column: message [CODE]` with a code from the
 *   closed set, or `oba: …` for configuration problems (with `--json`: parseable JSON);
 * - print no stack trace and no "internal error";
 * - leave no memory held from one run to the next (checked by counting runs, not by a clock).
 *
 * Each data file is run twice: as native data (`oba validate --data fuzz.csv`, the bundled
 * configuration applying since the temp folder has none) and as a published file through a
 * tiny configuration with a `sources:` entry (`oba validate --config cfg.yaml`).
 *
 * The cases: a fixed list of hostile inputs (malformed CSV, a 2 MB line, NUL bytes, invalid
 * UTF-8, UTF-16, 100,000 columns, 1e400 / NaN / -0 / Infinity, Excel dates, #DIV/0!, empty and
 * header-only files, deeply nested YAML, an alias bomb, non-YAML and binary configuration …),
 * then a few hundred files from a seeded generator (mulberry32, fixed seed), so every run
 * sees the same bytes.
 */
import { rmSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { oba, tempFolder, type Run } from '../helpers/cli.js';
import { mulberry32 } from '../../src/tools/data-gen/random.js';
import { gcFunction } from '../helpers/gc.js';

const SEED = 0x0ba2013;
const GENERATED = 180;
/** Heap a run may leave behind for good, after garbage collection: a leak of one chart or one file per run shows. */
const HELD_PER_RUN_LIMIT = 64 * 1024;

const CODES = new Set([
  'CONFIG',
  'PLAN',
  'FILTER_NO_ROWS',
  'NARRATIVE_HEADING',
  'NARRATIVE_FIELD',
  'NARRATIVE_YAML',
  'FILE_NOT_FOUND', 'FILE_EMPTY', 'FILE_NOT_UTF8', 'FILE_NOT_CSV', 'MISSING_COLUMN', 'UNKNOWN_COLUMN', 'UNKNOWN_MEASURE',
  'UNKNOWN_AREA', 'BAD_PERIOD', 'WRONG_PERIOD_TYPE', 'BAD_VALUE', 'PERCENT_OUT_OF_RANGE', 'NEGATIVE_COUNT', 'DUPLICATE_ROW',
  'CONFLICTING_ROW', 'SERIES_GAP', 'BAD_INTERVAL', 'BAD_ROW', 'FILE_NOT_READABLE', 'DUPLICATE_COLUMN', 'BAD_STATUS',
  'BAD_DENOMINATOR', 'NUMERATOR_OVER_DENOMINATOR', 'EMPTY_VALUE', 'SPREADSHEET_ERROR', 'REVISED_VALUE', 'BAD_SOURCE',
]);

const STACK_TRACE = /^\s+at .*:\d+:\d+\)?$/m;

// ---------------------------------------------------------------------------------------------
// A seeded PRNG (mulberry32, shared with the data generator), so the generated cases are the
// same on every run.


class Gen {
  private readonly next: () => number;
  constructor(seed: number) {
    this.next = mulberry32(seed);
  }
  float(): number {
    return this.next();
  }
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  pick<T>(items: readonly T[]): T {
    return items[this.int(0, items.length - 1)]!;
  }
  bytes(n: number): Uint8Array {
    return Uint8Array.from({ length: n }, () => this.int(0, 255));
  }
  text(n: number, alphabet: string): string {
    const chars = [...alphabet];
    return Array.from({ length: n }, () => this.pick(chars)).join('');
  }
}

// ---------------------------------------------------------------------------------------------
// Cases

type Expect = 'error' | 'usage' | 'any';

interface DataCase {
  name: string;
  bytes: Uint8Array;
  expect: Expect;
  json?: boolean;
  /** Run as native data only (the heaviest cases, to keep the run short). */
  nativeOnly?: boolean;
}

interface CliCase {
  name: string;
  files: Record<string, string | Uint8Array>;
  args: string[];
  expect: Expect;
  json?: boolean;
}

const enc = new TextEncoder();
const bytesOf = (s: string) => enc.encode(s);
const latin1 = (s: string) => Uint8Array.from(Buffer.from(s, 'latin1'));
const utf16le = (s: string, bom = true) => Uint8Array.from([...(bom ? [0xff, 0xfe] : []), ...Buffer.from(s, 'utf16le')]);
const utf16be = (s: string) => Uint8Array.from([0xfe, 0xff, ...Buffer.from(s, 'utf16le').swap16()]);
const concat = (...parts: Uint8Array[]) => Uint8Array.from(parts.flatMap((p) => [...p]));

const HEADER = 'measure,area,period,value,numerator,denominator,status,note\n';
const H4 = 'measure,area,period,value\n';
const TWO_MB = 2 * 1024 * 1024;
const manyColumns = (n: number) => Array.from({ length: n }, (_, i) => `col${i}`).join(',');

const fixedData: DataCase[] = [
  { name: 'empty file', bytes: new Uint8Array(), expect: 'error' },
  { name: 'header only', bytes: bytesOf(HEADER), expect: 'error' },
  { name: 'header only, CRLF, no final newline', bytes: bytesOf(H4.trimEnd()), expect: 'error' },
  { name: 'only blank lines and spaces', bytes: bytesOf('\n\r\n   \n\t\n'), expect: 'error' },
  { name: 'a UTF-8 BOM and nothing else', bytes: new Uint8Array([0xef, 0xbb, 0xbf]), expect: 'error' },
  { name: 'commas only', bytes: bytesOf(',,,\n,,,\n'), expect: 'error' },
  { name: 'unclosed quote', bytes: bytesOf(H4 + 'looked-after,Leeds,"2013-03-31,1437\nlooked-after,Leeds,2014-03-31,1\n'), expect: 'error' },
  { name: 'quote inside an unquoted field', bytes: bytesOf(H4 + 'looked-after,Le"eds,2013-03-31,1437\n'), expect: 'error' },
  { name: 'text after a closing quote', bytes: bytesOf(H4 + 'looked-after,"Leeds"x,2013-03-31,1437\n'), expect: 'error' },
  { name: 'ragged rows', bytes: bytesOf(H4 + 'looked-after,Leeds\nlooked-after,Leeds,2013-03-31,1,2,3\nlooked-after\n,,,,,,,,,,x\n'), expect: 'error' },
  { name: 'semicolon-separated (European Excel)', bytes: bytesOf('measure;area;period;value\nlooked-after;Leeds;2013-03-31;1437\n'), expect: 'error' },
  { name: 'tab-separated', bytes: bytesOf('measure\tarea\tperiod\tvalue\nlooked-after\tLeeds\t2013-03-31\t1437\n'), expect: 'error' },
  { name: 'old Mac CR line ends with a bad row', bytes: bytesOf('measure,area,period,value\rlooked-after,Leeds,2013-03-31,1437\rlooked-after,Narnia,2014-03-31,1\r'), expect: 'error' },
  { name: 'a quoted field spanning 10,000 lines', bytes: bytesOf(H4 + `looked-after,Leeds,2013-03-31,1437\nlooked-after,"${'\n'.repeat(10_000)}",2014-03-31,1\n`), expect: 'error' },
  { name: 'duplicate and unknown header columns', bytes: bytesOf('measure,area,period,value,value,Measure,colour\nlooked-after,Leeds,2013-03-31,1,1,x,red\n'), expect: 'error' },
  { name: 'a 2 MB line of letters, no newline', bytes: bytesOf('a'.repeat(TWO_MB)), expect: 'error' },
  { name: 'a 2 MB line of commas, no newline', bytes: bytesOf(','.repeat(TWO_MB)), expect: 'error' },
  { name: 'a 2 MB quoted field, no newline', bytes: bytesOf(`"${'q'.repeat(TWO_MB)}"`), expect: 'error', nativeOnly: true },
  { name: 'a 2 MB unclosed quoted field', bytes: bytesOf(H4 + `looked-after,"${'q'.repeat(TWO_MB)}`), expect: 'error' },
  { name: 'a row with a 2 MB note and a bad date, no newline', bytes: bytesOf(HEADER + `looked-after,Leeds,2013-02-30,1,,,,${'n'.repeat(TWO_MB)}`), expect: 'error' },
  { name: 'NUL bytes in a row', bytes: bytesOf(H4 + 'looked-after,Leeds,2013-03-31,1\u0000437\n'), expect: 'error' },
  { name: 'a NUL byte first', bytes: bytesOf('\u0000' + H4), expect: 'error' },
  { name: 'invalid UTF-8 (Latin-1 é)', bytes: latin1(H4 + 'looked-after,Léeds,2013-03-31,1\n'), expect: 'error' },
  { name: 'invalid UTF-8 (overlong, surrogate, truncated sequences)', bytes: concat(bytesOf(H4 + 'looked-after,'), new Uint8Array([0xc0, 0xaf, 0xed, 0xa0, 0x80, 0xe2, 0x82]), bytesOf(',2013-03-31,1\n')), expect: 'error' },
  { name: 'UTF-16 LE with BOM', bytes: utf16le(H4 + 'looked-after,Leeds,2013-03-31,1437\n'), expect: 'error' },
  { name: 'UTF-16 BE with BOM', bytes: utf16be(H4 + 'looked-after,Leeds,2013-03-31,1437\n'), expect: 'error' },
  { name: 'UTF-16 LE without BOM', bytes: utf16le(H4 + 'looked-after,Leeds,2013-03-31,1437\n', false), expect: 'error' },
  { name: 'UTF-8 BOM then a UTF-16 BOM', bytes: concat(new Uint8Array([0xef, 0xbb, 0xbf, 0xff, 0xfe]), bytesOf(H4)), expect: 'error' },
  { name: 'an .xlsx workbook renamed .csv', bytes: concat(new Uint8Array([0x50, 0x4b, 0x03, 0x04]), new Gen(1).bytes(2000)), expect: 'error' },
  { name: 'an old .xls workbook renamed .csv', bytes: concat(new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), new Gen(2).bytes(2000)), expect: 'error' },
  { name: '100,000 columns in the header', bytes: bytesOf(manyColumns(100_000) + '\n1,2,3\n'), expect: 'error', nativeOnly: true },
  { name: '100,000 columns after the required ones, and a row', bytes: bytesOf('measure,area,period,value,' + manyColumns(100_000) + '\nlooked-after,Leeds,2013-03-31,1\n'), expect: 'error' },
  {
    name: 'numbers: 1e400, NaN, -0, Infinity, -Infinity, 0x1F, 1,2345, +5, 9…9 (400 digits)',
    bytes: bytesOf(H4 + ['1e400', 'NaN', '-0', 'Infinity', '-Infinity', '0x1F', '"1,2345"', '+5', '9'.repeat(400)].map((v, i) => `looked-after,Leeds,${2000 + i}-03-31,${v}`).join('\n') + '\n'),
    expect: 'error',
  },
  { name: 'Excel dates in a date column: 44927, 31/02/2013, 2013-02-30', bytes: bytesOf(H4 + 'looked-after,Leeds,44927,1\nlooked-after,Leeds,31/02/2013,1\nlooked-after,Leeds,2013-02-30,1\n'), expect: 'error' },
  { name: 'spreadsheet errors #DIV/0!, #N/A, #REF! among bad rows', bytes: bytesOf(H4 + 'neet,Leeds,2012,#DIV/0!\nneet,Leeds,2013,#N/A\nneet,Leeds,2014,#REF!\nneet,Leeds,2015,140\n'), expect: 'error' },
  { name: 'ISO week 53 in a 52-week year', bytes: bytesOf(H4 + 'looked-after-weekly,Leeds,2013-W53,1\n'), expect: 'error' },
  { name: 'right-to-left override and zero-width characters in names', bytes: bytesOf(H4 + 'looked\u200b-after,Le\u202eeds,2013-03-31,1\n'), expect: 'error' },
  { name: '5,000 conflicting rows', bytes: bytesOf(H4 + Array.from({ length: 5_000 }, (_, i) => `looked-after,Leeds,${1990 + (i % 50)}-03-31,${i}`).join('\n') + '\n'), expect: 'error' },
  { name: 'errors as JSON', bytes: bytesOf(H4 + 'looked-after,Leeds,2013-02-30,NaN\n'), expect: 'error', json: true },
];

/** A tiny configuration reading `fuzz.csv` as a published file through a `sources:` entry. */
const sourcesConfig = (variant: number) =>
  variant % 2 === 0
    ? 'sources:\n  - file: fuzz.csv\n    measureColumn: 1\n    unknownAreas: error\n    columns: { area: 2, period: 3, value: 4 }\n'
    : 'sources:\n  - file: fuzz.csv\n    measure: looked-after\n    columns: { area: area, period: period, value: value }\n';

// A "billion laughs" document: 9 levels of 9 aliases each.
const aliasBomb = [
  'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]',
  ...'bcdefghi'.split('').map((c, i) => `${c}: &${c} [${Array(9).fill(`*${'abcdefghi'[i]}`).join(',')}]`),
  'sources: *i',
].join('\n');

const fixedConfig: CliCase[] = [
  { name: 'deeply nested YAML (flow sequences, 10,000 deep)', files: { 'bomb.yaml': `sources: ${'['.repeat(10_000)}${']'.repeat(10_000)}\n` }, args: ['validate', '--config', 'bomb.yaml'], expect: 'error' },
  { name: 'deeply nested YAML (flow mappings, 5,000 deep)', files: { 'bomb.yaml': `analysis: ${'{a: '.repeat(5_000)}1${'}'.repeat(5_000)}\n` }, args: ['validate', '--config', 'bomb.yaml'], expect: 'error' },
  { name: 'deeply nested YAML (block mappings, 3,000 deep)', files: { 'bomb.yaml': 'measures:\n' + Array.from({ length: 3_000 }, (_, i) => `${' '.repeat(i + 1)}a:`).join('\n') + ' 1\n' }, args: ['validate', '--config', 'bomb.yaml'], expect: 'error' },
  { name: 'YAML alias bomb ("billion laughs")', files: { 'bomb.yaml': aliasBomb }, args: ['validate', '--config', 'bomb.yaml'], expect: 'error' },
  { name: 'config that is not YAML', files: { 'cfg.yaml': '{{{ this : is : not ]]] yaml\n\t- :\n  - [\n' }, args: ['validate', '--config', 'cfg.yaml'], expect: 'error' },
  { name: 'config that is a CSV file', files: { 'cfg.yaml': H4 + 'looked-after,Leeds,2013-03-31,1\n' }, args: ['validate', '--config', 'cfg.yaml'], expect: 'error' },
  { name: 'binary garbage as config', files: { 'cfg.yaml': new Gen(3).bytes(4096) }, args: ['validate', '--config', 'cfg.yaml'], expect: 'error' },
  { name: 'binary garbage with NULs as config', files: { 'cfg.yaml': concat(new Uint8Array([0, 0, 0xff]), new Gen(4).bytes(1024)) }, args: ['validate', '--config', 'cfg.yaml'], expect: 'error' },
  { name: 'UTF-16 config', files: { 'cfg.yaml': utf16le('plan: plan.yaml\n') }, args: ['validate', '--config', 'cfg.yaml'], expect: 'error' },
  { name: 'config with tab indentation', files: { 'cfg.yaml': 'analysis:\n\tmethod: linear\n' }, args: ['validate', '--config', 'cfg.yaml'], expect: 'error' },
  { name: 'config with duplicate keys', files: { 'cfg.yaml': 'data: a.csv\ndata: b.csv\n' }, args: ['validate', '--config', 'cfg.yaml'], expect: 'error' },
  { name: 'config that is a list', files: { 'cfg.yaml': '- plan.yaml\n- data/\n' }, args: ['validate', '--config', 'cfg.yaml'], expect: 'error' },
  { name: 'config that is a number', files: { 'cfg.yaml': '1e400\n' }, args: ['validate', '--config', 'cfg.yaml'], expect: 'error' },
  { name: 'config with unknown settings and __proto__', files: { 'cfg.yaml': '__proto__: {polluted: 1}\nconstructor: 1\nplna: plan.yaml\n' }, args: ['validate', '--config', 'cfg.yaml'], expect: 'error' },
  { name: 'config with a YAML tag for JavaScript', files: { 'cfg.yaml': 'plan: !!js/function "function () { return 1 }"\n' }, args: ['validate', '--config', 'cfg.yaml'], expect: 'error' },
  { name: 'config that is a folder', files: { 'cfg.yaml/x': 'x' }, args: ['validate', '--config', 'cfg.yaml'], expect: 'error' },
  { name: 'config that does not exist', files: {}, args: ['validate', '--config', 'nope.yaml'], expect: 'error' },
  { name: 'plan that is an alias bomb', files: { 'cfg.yaml': 'plan: plan.yaml\n', 'plan.yaml': aliasBomb }, args: ['validate', '--config', 'cfg.yaml'], expect: 'error' },
  { name: 'plan that is deeply nested', files: { 'cfg.yaml': 'plan: plan.yaml\n', 'plan.yaml': `outcomes: ${'['.repeat(10_000)}${']'.repeat(10_000)}\n` }, args: ['validate', '--config', 'cfg.yaml'], expect: 'error' },
  { name: 'plan that is binary', files: { 'cfg.yaml': 'plan: plan.yaml\n', 'plan.yaml': new Gen(5).bytes(4096) }, args: ['validate', '--config', 'cfg.yaml'], expect: 'error' },
  { name: 'plan that is a folder', files: { 'cfg.yaml': 'plan: plan.yaml\n', 'plan.yaml/x': 'x' }, args: ['validate', '--config', 'cfg.yaml'], expect: 'error' },
  { name: 'plan that is missing', files: { 'cfg.yaml': 'plan: nope.yaml\n' }, args: ['validate', '--config', 'cfg.yaml'], expect: 'error' },
  { name: 'sources that is not a list', files: { 'cfg.yaml': 'sources: {file: fuzz.csv}\n' }, args: ['validate', '--config', 'cfg.yaml'], expect: 'error' },
  {
    name: 'source entries of every wrong type',
    files: {
      'cfg.yaml':
        'sources:\n  - 1e400\n  - [a, b]\n  - file: 7\n    measure: [x]\n    columns: {area: 0, value: {offset: 1}, period: -1}\n    headerRow: -1\n    wide: {pattern: "(("}\n    markers: {NA: nothing}\n    periodFormat: yyyy\n  - file: fuzz.csv\n    measure: looked-after\n    period: 2013-02-30\n    columns: {area: 1, value: 99999999999}\n',
    },
    args: ['validate', '--config', 'cfg.yaml'],
    expect: 'error',
  },
  { name: 'a source file that does not exist', files: { 'cfg.yaml': sourcesConfig(0).replace('fuzz.csv', 'missing.csv') }, args: ['validate', '--config', 'cfg.yaml'], expect: 'error' },
  { name: 'a source file that is a folder', files: { 'cfg.yaml': sourcesConfig(0), 'fuzz.csv/x': 'x' }, args: ['validate', '--config', 'cfg.yaml'], expect: 'error' },
  { name: 'data that is a folder', files: { 'fuzz.csv/x': 'x' }, args: ['validate', '--data', 'fuzz.csv'], expect: 'error' },
  { name: 'data that does not exist', files: {}, args: ['validate', '--data', 'nope.csv'], expect: 'error' },
  { name: 'data that does not exist, as JSON', files: {}, args: ['validate', '--data', 'nope.csv', '--json'], expect: 'error', json: true },
  // Usage errors: exit 2.
  { name: 'an unknown option', files: {}, args: ['validate', '--frobnicate'], expect: 'usage' },
  { name: '--data without a file', files: {}, args: ['validate', '--data'], expect: 'usage' },
  { name: '--config without a file', files: {}, args: ['validate', '--config'], expect: 'usage' },
  { name: 'an unknown command', files: {}, args: ['frobnicate', '--data', 'x.csv'], expect: 'usage' },
  { name: 'a command with a NUL and a 10 KB argument', files: {}, args: ['validate', `--${'x'.repeat(10_000)}\u0000`], expect: 'usage' },
];

// ---------------------------------------------------------------------------------------------
// The generator of hostile data files.

const MEASURES = ['looked-after', 'neet', 'neet-monthly', 'looked-after-weekly', 'social-care-referrals', 'looked-after-gcse', 'under-18-conceptions', 'nope', ''];
const AREAS = ['Leeds', 'England', 'E08000035', 'Seacroft', 'Narnia', '', 'LEEDS  ', '"Leeds"'];
const PERIODS = ['2013', '2012/13', '201213', 'FY2012-13', '2013-Q2', 'Q5 2013', '2013-03', 'Mar 2013', '2013-W39', '2013-W53', '2013-03-31', '31/03/2013', '31/02/2013', '2013-02-30', '44927', '1899', '2101', '0', '-1', ''];
const VALUES = ['1437', '"1,437"', '6.3%', '6.3 [p]', '12p', '-0', '-5', '150', '1e400', 'NaN', 'Infinity', '-Infinity', '0x1F', '#DIV/0!', '#VALUE!', '44927', '31/02/2013', 'c', '[x]', ':', '~', 'low', '..', '', ' ', '"6,3"', '90-99', '+5', '9'.repeat(400), '0.'.padEnd(400, '0') + '1'];
const ODD = ['\u0000', '\uFEFF', '\u202e', '\u200b', '💥', 'é', '"', '""', '\r', '\n', ',', ';', '\t', '\\', '%', '[p]', '{period}', '${x}', '<script>', 'NUL'];

function generatedFile(g: Gen): Uint8Array {
  const sep = g.chance(0.9) ? ',' : g.pick([';', '\t', '|']);
  // Most files quote properly (so rows get past the CSV reader); some have stray quotes anywhere.
  const strayQuotes = g.chance(0.3);
  const unquote = (s: string) => (strayQuotes || /^"[^"]*"$/.test(s) ? s : s.replaceAll('"', "'"));
  const eol = () => (g.chance(0.8) ? '\n' : g.pick(['\r\n', '\r']));
  const cell = (): string => {
    const r = g.float();
    if (r < 0.2) return g.pick(MEASURES);
    if (r < 0.35) return g.pick(AREAS);
    if (r < 0.55) return g.pick(PERIODS);
    if (r < 0.8) return g.pick(VALUES);
    if (r < 0.9) return unquote(g.pick(ODD));
    if (r < 0.98) return unquote(g.text(g.int(0, 20), 'abc123 ,."-/[]%#'));
    return unquote(g.text(g.int(100, 8000), g.pick(['x', '1', '1 x', 'ab', ' ,', '"\n'])));
  };
  const lines: string[] = [];
  const headerKind = g.float();
  const columns = ['measure', 'area', 'period', 'value', 'numerator', 'denominator', 'lower', 'upper', 'status', 'note'];
  let width = 4;
  if (headerKind < 0.7) {
    const extra = columns.slice(4).filter(() => g.chance(0.4));
    const header = ['measure', 'area', 'period', 'value', ...extra];
    width = header.length;
    lines.push(header.join(sep));
  } else if (headerKind < 0.9) {
    width = g.int(1, 12);
    lines.push(Array.from({ length: width }, () => (g.chance(0.5) ? g.pick(columns) : cell())).join(sep));
  }
  const rows = g.int(0, 40);
  for (let i = 0; i < rows; i++) {
    const n = g.chance(0.85) ? width : g.int(0, width + 4);
    const good = g.chance(0.4);
    lines.push(
      Array.from({ length: n }, (_, j) => {
        if (good && j === 0) return g.pick(MEASURES.slice(0, 7));
        if (good && j === 1) return g.pick(AREAS.slice(0, 4));
        if (good && j === 2) return g.pick(PERIODS.slice(0, 11));
        return cell();
      }).join(sep),
    );
  }
  let text = lines.map((l) => l + eol()).join('');
  if (g.chance(0.2)) text = text.slice(0, g.int(0, text.length)); // truncated mid-write
  let bytes: Uint8Array = enc.encode(text);
  const damage = g.float();
  if (damage < 0.05) bytes = utf16le(text, g.chance(0.7));
  else if (damage < 0.08) bytes = utf16be(text);
  else if (damage < 0.12) bytes = concat(new Uint8Array([0xef, 0xbb, 0xbf]), bytes);
  else if (damage < 0.2) {
    // Flip a few bytes: invalid UTF-8, NUL, stray quotes.
    bytes = bytes.slice();
    for (let k = g.int(1, 5); k > 0 && bytes.length > 0; k--) bytes[g.int(0, bytes.length - 1)] = g.pick([0x00, 0x22, 0xff, 0xc3, 0x80, 0x0d, 0x0a, 0x2c]);
  } else if (damage < 0.24) bytes = g.bytes(g.int(0, 4096)); // binary garbage
  return bytes;
}

// ---------------------------------------------------------------------------------------------
// Running and checking

let runs = 0;
const folders: string[] = [];

afterAll(() => {
  for (const f of folders) rmSync(f, { recursive: true, force: true });
});

/** Runs one case and counts it. Time is not checked here (a busy machine is slow); work is bounded by the inputs. */
async function countedRun(args: string[], cwd: string): Promise<Run> {
  const run = await oba(args, cwd);
  runs++;
  return run;
}

/** JavaScript heap plus Buffer memory held after a full collection. */
function heldAfterGc(gc: () => void): number {
  gc();
  gc();
  const m = process.memoryUsage();
  return m.heapUsed + m.arrayBuffers;
}

function checkRun(name: string, run: Run, expected: Expect, json = false): void {
  const all = run.stdout + run.stderr;
  const head = `${name} (exit ${run.code}): ${all.slice(0, 400)}`;
  expect(all, head).not.toMatch(STACK_TRACE);
  expect(all, head).not.toMatch(/internal error/i);
  expect(run.code, head).not.toBe(70);
  if (expected === 'usage') {
    expect(run.code, head).toBe(2);
    expect(run.stderr.trim().length, head).toBeGreaterThan(0);
    return;
  }
  if (expected === 'error') expect(run.code, head).toBe(1);
  else expect([0, 1], head).toContain(run.code);

  if (json && run.stdout.trim().startsWith('{')) {
    const report = JSON.parse(run.stdout) as { errors: { code: string; line: number; message: string }[]; warnings: { code: string }[] };
    expect(report.errors.length > 0, head).toBe(run.code === 1);
    for (const e of [...report.errors, ...(report.warnings as typeof report.errors)]) {
      expect(CODES.has(e.code), head).toBe(true);
      expect(Number.isInteger(e.line) && e.line >= 0, head).toBe(true);
      expect(e.message.length, head).toBeGreaterThan(0);
    }
    return;
  }
  if (run.code === 0) {
    expect(run.stdout, head).toMatch(/✔ 0 errors/);
    return;
  }
  // A clear error: an issue line with a known code, or a configuration problem from `oba:`.
  let issueLines = 0;
  for (const m of run.stdout.matchAll(/ \[([A-Z_0-9]+)\]$/gm)) {
    issueLines++;
    if (!CODES.has(m[1]!)) expect.fail(`${head}\nunknown code ${m[1]}`);
  }
  const cliMessage = /^oba: \S/m.test(run.stderr);
  expect(issueLines > 0 || cliMessage, head).toBe(true);
}

/** A temp folder with these files; a name `dir/x` makes `dir` a folder (for "a folder where a file should be"). */
function folder(files: Record<string, string | Uint8Array>): string {
  const dir = tempFolder(files);
  folders.push(dir);
  return dir;
}

/** Runs one data file both ways: as native data and through a `sources:` mapping. */
async function runData(c: DataCase, variant: number): Promise<void> {
  const dir = folder({ 'fuzz.csv': c.bytes, 'cfg.yaml': sourcesConfig(variant) });
  const json = c.json ? ['--json'] : [];
  try {
    const native = await countedRun(['validate', '--data', 'fuzz.csv', ...json], dir);
    checkRun(`${c.name} [--data]`, native, c.expect, c.json);
    if (c.nativeOnly) return;
    const mapped = await countedRun(['validate', '--config', 'cfg.yaml', ...json], dir);
    // Through a mapping, rows for areas outside the plan are skipped and the native format's own
    // header rules do not apply, so a hostile file need not be an error there: 0 or 1, never a crash.
    checkRun(`${c.name} [sources]`, mapped, c.expect === 'error' ? 'any' : c.expect, c.json);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

// ---------------------------------------------------------------------------------------------

describe('oba validate on hostile input never crashes, and says what is wrong', () => {
  it.each(fixedData.map((c, i) => [c.name, c, i] as const))('data: %s', async (_name, c, i) => {
    await runData(c, i);
  });

  it.each(fixedConfig.map((c) => [c.name, c] as const))('config and usage: %s', async (_name, c) => {
    const dir = folder(c.files);
    const run = await countedRun(c.args, dir);
    checkRun(c.name, run, c.expect, c.json);
  });

  it(`${GENERATED} generated hostile files (seed ${SEED}), each as native data and as a mapped source`, async () => {
    const g = new Gen(SEED);
    for (let i = 0; i < GENERATED; i++) {
      const bytes = generatedFile(g);
      await runData({ name: `generated #${i} (${bytes.length} bytes)`, bytes, expect: 'any', json: i % 5 === 0 }, i);
    }
  }, 120_000);

  it('ran every case, each as native data and as a mapped source', () => {
    expect(runs).toBe(2 * fixedData.length - fixedData.filter((c) => c.nativeOnly).length + fixedConfig.length + 2 * GENERATED);
  });

  it('holds no memory from one run to the next: 200 more runs leave the heap, after collection, as it was', async () => {
    const gc = gcFunction();
    const g = new Gen(SEED + 1);
    const files = Array.from({ length: 20 }, () => generatedFile(g));
    const round = async () => {
      for (const [i, bytes] of files.entries()) await runData({ name: `leak check #${i}`, bytes, expect: 'any', json: i % 2 === 0 }, i);
    };
    await round(); // the first round loads modules and fills caches that are meant to stay
    const before = heldAfterGc(gc);
    for (let r = 0; r < 5; r++) await round();
    const grown = heldAfterGc(gc) - before;
    const extraRuns = 5 * 2 * files.length;
    expect(grown / extraRuns, `heap held after collection grew by ${(grown / 2 ** 20).toFixed(1)} MB over ${extraRuns} runs`).toBeLessThan(HELD_PER_RUN_LIMIT);
  }, 120_000);
});

// ---------------------------------------------------------------------------------------------
// Bugs found by this run: each test shows the bug and fails until it is fixed.

/** The longest line `oba validate` prints for these files. */
async function longestLine(files: Record<string, string | Uint8Array>, args: string[]): Promise<{ run: Run; longest: number }> {
  const dir = folder(files);
  const run = await oba(args, dir);
  const longest = Math.max(...(run.stdout + run.stderr).split('\n').map((l) => l.length));
  return { run, longest };
}

/** A readable message quotes at most a shortened cell, as `quote()` in src/data/issues.ts does (60 characters). */
const READABLE_LINE = 2_000;

describe('regressions found by the fuzz run', () => {
  // Regression (fixed): src/data/issues.ts nearest() computes the full edit distance between an unknown
  // measure or area (any length) and every id or name in the plan, O(cell length × names), for
  // a suggestion that can only be near when the lengths are close. A 2 MB measure cell takes
  // ~14 s and a 2 MB area cell ~8 s (ingest.ts unknownMessage / unknownAreaMessage).
  // Reproduce: printf 'measure,area,period,value\n%s,Leeds,2013-03-31,1\n' "$(head -c 2000000 /dev/zero | tr '\0' m)" > f.csv
  //            oba validate --data f.csv   # ~14 s
  // With the fix the comparison is skipped for a name far longer than any in the plan, so a 12 MB cell
  // (which took minutes before) is reported at once; the test's own timeout is the only clock.
  it('an unknown measure 12 MB long is reported, quoted short, with no suggestion', async () => {
    const { run, longest } = await longestLine({ 'fuzz.csv': `${H4}${'m'.repeat(12_000_000)},Leeds,2013-03-31,1\n` }, ['validate', '--data', 'fuzz.csv']);
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/\[UNKNOWN_MEASURE\]/);
    expect(run.stdout).not.toMatch(/did you mean/i);
    expect(longest).toBeLessThan(READABLE_LINE);
  });

  // Regression (fixed): src/data/period.ts parsePeriod() puts the whole cell in its reasons (`got "${s}"`),
  // unshortened, so one bad 2 MB period cell prints a 2 MB message line.
  // Reproduce: a row looked-after,Leeds,<200,000 × "2">,1 → BAD_PERIOD line of ~200 KB.
  it('a bad period cell of 200 KB gives a message line of readable length', async () => {
    const { run, longest } = await longestLine({ 'fuzz.csv': `${H4}looked-after,Leeds,${'2'.repeat(200_000)},1\n` }, ['validate', '--data', 'fuzz.csv']);
    expect(run.stdout).toMatch(/\[BAD_PERIOD\]/);
    expect(longest).toBeLessThan(READABLE_LINE);
  });

  // Regression (fixed): src/data/value.ts diagnose() quotes the whole cell with JSON.stringify(t), unshortened.
  // Reproduce: a row looked-after,Leeds,2013-03-31,<200,000 × "v"> → BAD_VALUE line of ~200 KB.
  it('a bad value cell of 200 KB gives a message line of readable length', async () => {
    const { run, longest } = await longestLine({ 'fuzz.csv': `${H4}looked-after,Leeds,2013-03-31,${'v'.repeat(200_000)}\n` }, ['validate', '--data', 'fuzz.csv']);
    expect(run.stdout).toMatch(/\[BAD_VALUE\]/);
    expect(longest).toBeLessThan(READABLE_LINE);
  });

  // Regression (fixed): src/data/value.ts parseStatus() quotes the whole token (`got "${token}"`), unshortened.
  // Reproduce: header measure,area,period,value,status; row looked-after,Leeds,2013-03-31,1,<200,000 × "q">.
  it('a bad status cell of 200 KB gives a message line of readable length', async () => {
    const { run, longest } = await longestLine({ 'fuzz.csv': `measure,area,period,value,status\nlooked-after,Leeds,2013-03-31,1,${'q'.repeat(200_000)}\n` }, ['validate', '--data', 'fuzz.csv']);
    expect(run.stdout).toMatch(/\[BAD_STATUS\]/);
    expect(longest).toBeLessThan(READABLE_LINE);
  });

  // Regression (fixed): src/data/ingest.ts onHeader(): the MISSING_COLUMN message lists every header cell
  // (`got ${listAnd(record.fields.map(quote))}`), so a 100,000-column header without the
  // required columns prints four MISSING_COLUMN lines of ~1.3 MB each.
  // Reproduce: a header col0,col1,…,col99999 and one row → oba validate --data prints 4 × ~1.3 MB lines.
  it('a 20,000-column header without the required columns gives MISSING_COLUMN lines of readable length', async () => {
    const { run, longest } = await longestLine({ 'fuzz.csv': `${manyColumns(20_000)}\n1,2\n` }, ['validate', '--data', 'fuzz.csv']);
    expect(run.stdout).toMatch(/\[MISSING_COLUMN\]/);
    expect(longest).toBeLessThan(READABLE_LINE);
  });

  // Regression (fixed): src/plan/parse-plan.ts describe() (used by src/config/config.ts parseConfig for "expected
  // key: value lines at the top level, got …") JSON-quotes the whole scalar, unshortened: a
  // config file that is one long line of text (a CSV or a binary file given to --config by
  // mistake) is printed back whole, garbage included.
  // Reproduce: oba validate --config big.csv  (big.csv a 100 KB CSV) → one line of ~100 KB.
  it('a 100 KB CSV given as --config gives an error line of readable length', async () => {
    const csv = H4 + Array.from({ length: 3_000 }, (_, i) => `looked-after,Leeds,${1000 + i}-03-31,${i}`).join('\n');
    const { run, longest } = await longestLine({ 'cfg.yaml': csv }, ['validate', '--config', 'cfg.yaml']);
    expect(run.code).toBe(1);
    expect(longest).toBeLessThan(READABLE_LINE);
  });

  // Regression (fixed): src/config/yaml.ts parseYaml() passes the yaml library's own error text through, and
  // for deeply nested (but valid) YAML that text is the engine's RangeError "Maximum call stack
  // size exceeded", followed by "fix the YAML syntax" (the syntax is fine). Exit 1 and no stack
  // trace, but not a message a user can act on; it should say the nesting is too deep.
  // Reproduce: printf 'sources: %s%s\n' "$(printf '[%.0s' {1..10000})" "$(printf ']%.0s' {1..10000})" > bomb.yaml
  //            oba validate --config bomb.yaml
  it('deeply nested YAML is reported in words, not as "Maximum call stack size exceeded"', async () => {
    const dir = folder({ 'bomb.yaml': `sources: ${'['.repeat(10_000)}${']'.repeat(10_000)}\n` });
    const run = await oba(['validate', '--config', 'bomb.yaml'], dir);
    expect(run.code).toBe(1);
    expect(run.stderr).not.toMatch(/Maximum call stack size exceeded/);
  });
});
