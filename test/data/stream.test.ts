/**
 * Streaming ingest: reading a file a chunk at a time gives EXACTLY what reading it whole gives
 * (observations and issues, deep-equal), wherever the chunks are cut, and memory grows with the
 * observations kept, not with the size of the file.
 *
 * (a) the fixtures of ingest.test.ts and sources.test.ts (recorded by re-running those files here
 *     with `ingestCsv` / `ingestSource` wrapped, so every fixture they use, now or later, is
 *     covered), every file in data/real/ through its mapping, and data/series/*.csv: in memory vs
 *     streamed (from disk, where there is a file);
 * (b) the same bytes cut into chunks of 1, 2, 3, 7 and 64 bytes and of seeded random sizes, and
 *     tricky texts cut at every position;
 * (c) MEMORY, SLOW (about 10 s): a ~200 MB native CSV generated on the fly, with peak RSS sampled
 *     while it is read. It runs first, so that the RSS it starts from is not raised by the rest.
 */
import { afterAll, describe, expect, test, vi } from 'vitest';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { parse as parseYaml } from 'yaml';
import type * as ingestModule from '../../src/data/ingest.js';
import { ingestCsvStream, type IngestOptions } from '../../src/data/ingest.js';
import type * as sourcesModule from '../../src/data/sources.js';
import { ingestSourceStream, parseSourceSpecs, type SourceSpec } from '../../src/data/sources.js';
import { readDataFile, readSourceFile } from '../../src/data/read.js';
import { MAX_RECORD_BYTES, readCsvBytes, readCsvStream, type CsvRecord } from '../../src/data/csv.js';
import { periodFromOrdinal } from '../../src/data/period.js';
import type { Plan } from '../../src/plan/types.js';
import { brief, bundledPlan, bytes, REAL, ROOT } from './helpers.js';
import { mulberry32 as random } from '../../src/tools/data-gen/random.js';
import { gcFunction } from '../helpers/gc.js';

// Every call ingest.test.ts makes to ingestCsv, and sources.test.ts to ingestSource, recorded
// (the wrappers pass the call straight on), so every fixture they use, now or later, is covered.
const recorded = vi.hoisted(() => ({
  native: [] as { bytes: Uint8Array; fileName: string; options: unknown }[],
  sources: [] as { spec: unknown; bytes: Uint8Array; fileName: string; options: unknown }[],
}));
vi.mock('../../src/data/ingest.js', async (importOriginal) => {
  const original = await importOriginal<typeof ingestModule>();
  return {
    ...original,
    ingestCsv: (bytes: Uint8Array, fileName: string, plan: Plan, options?: IngestOptions) => {
      recorded.native.push({ bytes: Uint8Array.prototype.slice.call(bytes), fileName, options });
      return original.ingestCsv(bytes, fileName, plan, options);
    },
  };
});
vi.mock('../../src/data/sources.js', async (importOriginal) => {
  const original = await importOriginal<typeof sourcesModule>();
  return {
    ...original,
    ingestSource: (spec: SourceSpec, bytes: Uint8Array, fileName: string, plan: Plan, options?: IngestOptions) => {
      recorded.sources.push({ spec, bytes: Uint8Array.prototype.slice.call(bytes), fileName, options });
      return original.ingestSource(spec, bytes, fileName, plan, options);
    },
  };
});

const plan = bundledPlan();
const F = 'data.csv';
// This file's own calls go to the real functions, so they are not recorded.
const { ingestCsv } = await vi.importActual<typeof ingestModule>('../../src/data/ingest.js');
const { ingestSource } = await vi.importActual<typeof sourcesModule>('../../src/data/sources.js');


/** `data` cut into chunks of `size` bytes (or of sizes drawn from `size()`). */
function chunks(data: Uint8Array, size: number | (() => number)): Uint8Array[] {
  const out: Uint8Array[] = [];
  for (let at = 0; at < data.length; ) {
    const n = Math.max(1, typeof size === 'number' ? size : size());
    out.push(data.subarray(at, at + n));
    at += n;
  }
  return out;
}

/** The cuttings every text is read with: fixed sizes, and three seeded random ones (1 to 100 bytes). */
function cuttings(data: Uint8Array): [string, Uint8Array[]][] {
  const out: [string, Uint8Array[]][] = [1, 2, 3, 7, 64].map((n) => [`${n}-byte chunks`, chunks(data, n)]);
  for (const seed of [1, 2, 3]) {
    const next = random(seed * 7919 + data.length);
    out.push([`random chunks (seed ${seed})`, chunks(data, () => 1 + Math.floor(next() * 100))]);
  }
  return out;
}

/** Texts whose chunk boundaries are the hard cases: every split point is tried. */
const TRICKY: [string, Uint8Array][] = [
  ['BOM, CRLF, a blank line and a quoted note with a CRLF', bytes('\ufeffmeasure,area,period,value,note\r\n\r\nneet,Leeds,2013,6.0,"two\r\nline note"\r\nneet,Leeds,2014,abc,\r\n')],
  ['multi-byte UTF-8 in notes (2, 3 and 4 bytes)', bytes('measure,area,period,value,note\nneet,Leeds,2013,6.0,café £5 – ok\nneet,Leeds,2014,5.9,"‚quoted, 😀"\nneet,Leeds,2015,x,naïve\n')],
  ['lone CR line ends (old Mac)', bytes('measure,area,period,value\rneet,Leeds,2013,6.0\r\rneet,Leeds,2014,bad\r')],
  ['mixed CRLF, LF and CR; a quoted field with CR, LF and CRLF', bytes('measure,area,period,value,note\r\nneet,Leeds,2013,6.0,"a\rb\nc\r\nd"\nneet,Leeds,2014,bad,\rneet,Leeds,2015,7,\r\n')],
  ['quoted field with doubled quotes and a newline', bytes('measure,area,period,value,note\nneet,Leeds,2013,6.0,"he said ""no""\nthen left"\nneet,Leeds,2014,six,\n')],
  ['Windows-1252 £ on line 3', Buffer.concat([bytes('measure,area,period,value,note\nneet,Leeds,2013,6.3,\nneet,Leeds,2014,6.0,cost '), Buffer.from([0xa3]), bytes('5\n')])],
  ['Windows-1252 é on line 3 of a file with lone CR line ends', Buffer.concat([bytes('measure,area,period,value,note\rneet,Leeds,2013,6.3,\rneet,Leeds,2014,6.0,caf'), Buffer.from([0xe9]), bytes('\r')])],
  ['a UTF-8 sequence cut short by a line break', Buffer.concat([bytes('measure,area,period,value\r\nneet,Leeds,2013,6.3'), Buffer.from([0xe2, 0x82]), bytes('\r\nneet,Leeds,2014,6.0\r\n')])],
  ['a UTF-8 sequence cut short by the end of the file', Buffer.concat([bytes('measure,area,period,value\nneet,Leeds,2013,6.3\nneet,Leeds,2014,6.0'), Buffer.from([0xf0, 0x9f, 0x98])])],
  ['bad UTF-8 on line 2, then a NUL byte on line 4 (the NUL wins)', Buffer.concat([bytes('measure,area,period,value\nneet,Leeds,2013,6.3'), Buffer.from([0xff]), bytes('\nneet,Leeds,2014,6.0\r\rx'), Buffer.from([0])])],
  ['unclosed quote after good rows', bytes('measure,area,period,value\r\nneet,Leeds,2013,6.3\r\nneet,"Leeds,2014,6.0\r\nneet,Leeds,2015,5.9\r\n')],
  ['stray quote', bytes('measure,area,period,value\nneet,Leeds,2013,6.3\nneet,Le"eds,2014,6.3\n')],
  ['UTF-16 with a byte order mark', Buffer.from('\ufeffmeasure,area,period,value\r\nneet,Leeds,2013,6.3\r\n', 'utf16le')],
  ['UTF-16 without a byte order mark', Buffer.from('measure,area,period,value\r\n', 'utf16le')],
  ['an Excel workbook', Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00])],
  ['only a BOM and blank lines', bytes('\ufeff\r\n \r\n\t\n')],
  ['three bytes', bytes('a,b')],
  ['a CR at the very end after a quoted field', bytes('measure,area,period,value,note\rneet,Leeds,2013,6.3,"x"\r')],
];

/** Streams chunks through `ingestCsvStream`, as a Readable (objectMode, like `Readable.from`). */
const streamCsv = (parts: Uint8Array[], fileName = F, options?: IngestOptions) => ingestCsvStream(Readable.from(parts), fileName, plan, options);

/**
 * Records (fields and lines) and issues from the CSV layer alone, for a finer comparison. Records
 * passed on before a problem with the whole file is found are discarded, as the ingest does.
 */
async function csvRecords(parts: Uint8Array[]): Promise<{ records: CsvRecord[]; issues: unknown }> {
  const records: CsvRecord[] = [];
  const issues = await readCsvStream(parts, F, (r) => records.push(r));
  return { records: issues.fileIssue ? [] : records, issues };
}

// ---------------------------------------------------------------------------------------------
// (c) memory: first, so that the RSS it starts from is not raised by the other tests

/**
 * MEMORY CHECK (slow: reads ~200 MB; a few seconds).
 *
 * The file is generated on the fly as a stream of fresh 64 KiB chunks, as a file's read stream
 * gives them; nothing is written to disk. It is the native format with the columns measure, area,
 * period, value and note: one row per ISO week of attendance-weekly for 4 areas, 3,200 weeks each
 * (1970 to 2031), so 12,800 observations are kept (a few MB). What makes the file big is the note:
 * 16,000 spaces in every row, as a fixed-width export pads its last column. A blank note is not
 * kept on the observation, so each row's 16 KB is read, parsed and dropped: the file is ~200 MB
 * but the kept data is ~1/40 of it. (A note with text would be kept on every observation, and
 * would make the kept data as big as the file.)
 *
 * RSS (and the JavaScript heap plus Buffer memory) is sampled every 16 chunks while the stream is
 * read; the peak growth over the start (after a full GC) must stay well under the file size.
 */
test('(c) MEMORY (slow: ~200 MB, about 10 s): a native CSV streams with RSS growth well under the file size', { timeout: 60_000 }, async () => {
  const gc = gcFunction();
  const AREAS = ['Leeds', 'England', 'Yorkshire and The Humber', 'Aireborough'];
  const WEEKS = 3200;
  const PAD = 16_000;
  const CHUNK = 64 * 1024;
  const header = Buffer.from('measure,area,period,value,note\n');
  const rowBytes = (area: string, week: number): Buffer =>
    Buffer.from(`attendance-weekly,${area},${periodFromOrdinal('week', week).label},${(90 + (week % 90) / 10).toFixed(1)},`);

  let sent = 0;
  let peak = 0;
  let peakHeap = 0;
  let samples = 0;
  /** JavaScript heap plus Buffer memory (outside the heap). */
  const heapOf = (m: NodeJS.MemoryUsage) => m.heapUsed + m.arrayBuffers;
  const sample = () => {
    const m = process.memoryUsage();
    peak = Math.max(peak, m.rss);
    peakHeap = Math.max(peakHeap, heapOf(m));
    samples++;
  };

  /** The file, as fresh 64 KiB chunks. */
  function* file(): Generator<Buffer> {
    let chunk = Buffer.allocUnsafe(CHUNK);
    let at = 0;
    let count = 0;
    const emit = function* (): Generator<Buffer> {
      sent += at;
      if (++count % 16 === 0) sample();
      yield chunk.subarray(0, at);
      chunk = Buffer.allocUnsafe(CHUNK);
      at = 0;
    };
    const put = function* (data: Buffer | number, length = 1): Generator<Buffer> {
      // A buffer's bytes, or `length` copies of one byte.
      let done = 0;
      const total = typeof data === 'number' ? length : data.length;
      while (done < total) {
        const n = Math.min(total - done, CHUNK - at);
        if (typeof data === 'number') chunk.fill(data, at, at + n);
        else data.copy(chunk, at, done, done + n);
        at += n;
        done += n;
        if (at === CHUNK) yield* emit();
      }
    };
    yield* put(header);
    for (const area of AREAS) {
      for (let w = 0; w < WEEKS; w++) {
        yield* put(rowBytes(area, w));
        yield* put(0x20, PAD);
        yield* put(0x0a);
      }
    }
    if (at > 0) yield* emit();
  }

  gc();
  const before = process.memoryUsage();
  const start = before.rss;
  const startHeap = heapOf(before);
  peak = start;
  peakHeap = startHeap;
  const began = performance.now();
  const r = await ingestCsvStream(Readable.from(file()), 'big.csv', plan);
  sample();
  const seconds = (performance.now() - began) / 1000;
  const growth = peak - start;
  const heapGrowth = peakHeap - startHeap;
  gc();
  const kept = heapOf(process.memoryUsage()) - startHeap; // what the result holds, once the garbage is gone
  const MB = 1024 * 1024;
  console.log(
    `stream memory check: ${(sent / MB).toFixed(0)} MiB read in ${seconds.toFixed(1)} s; ${r.observations.length} observations kept; ` +
      `RSS at start ${(start / MB).toFixed(0)} MiB, peak ${(peak / MB).toFixed(0)} MiB, growth ${(growth / MB).toFixed(1)} MiB; ` +
      `heap + buffers peak growth ${(heapGrowth / MB).toFixed(1)} MiB, held after GC ${(kept / MB).toFixed(1)} MiB (${samples} samples)`,
  );

  expect(sent).toBeGreaterThan(200_000_000);
  expect(r.issues).toEqual([]);
  expect(r.observations).toHaveLength(AREAS.length * WEEKS);
  expect(r.observations[0]).toMatchObject({ measure: 'attendance-weekly', area: 'Leeds', period: { label: '1970-W02' }, value: 90, source: { line: 2 } });
  expect(r.observations.at(-1)!.source.line).toBe(AREAS.length * WEEKS + 1);
  expect(r.observations.every((o) => o.note === undefined)).toBe(true);
  expect(samples).toBeGreaterThan(100);
  expect(growth).toBeLessThan(120 * MB);
  expect(heapGrowth).toBeLessThan(120 * MB);
});

// ---------------------------------------------------------------------------------------------
// (a) streamed vs in memory

describe('ingest.test.ts, re-run here to record the fixtures it reads', async () => {
  await import('./ingest.test.js');
});
describe('sources.test.ts, re-run here to record the fixtures it reads', async () => {
  await import('./sources.test.js');
});

describe('(a) streaming and in-memory ingest give identical observations and issues', () => {
  const dir = mkdtempSync(join(process.env['OBA_TEST_TMP'] ?? tmpdir(), 'oba-stream-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  test('every fixture of ingest.test.ts: as one stream, and read from a file on disk', async () => {
    expect(recorded.native.length).toBeGreaterThan(50);
    for (const [i, call] of recorded.native.entries()) {
      const options = call.options as IngestOptions | undefined;
      const expected = ingestCsv(call.bytes, call.fileName, plan, options);
      expect(await ingestCsvStream(Readable.from([call.bytes]), call.fileName, plan, options), `fixture ${i}`).toEqual(expected);
      expect(await streamCsv(chunks(call.bytes, 64), call.fileName, options), `fixture ${i} in 64-byte chunks`).toEqual(expected);
      if (options === undefined) {
        const path = join(dir, `fixture-${i}.csv`);
        writeFileSync(path, call.bytes);
        const fromDisk = await readDataFile(path, plan);
        expect(fromDisk, `fixture ${i} from disk`).toEqual(ingestCsv(call.bytes, path, plan));
      }
    }
  });

  test('every fixture of sources.test.ts', async () => {
    expect(recorded.sources.length).toBeGreaterThan(15);
    for (const [i, call] of recorded.sources.entries()) {
      const spec = call.spec as SourceSpec;
      const options = call.options as IngestOptions | undefined;
      const expected = ingestSource(spec, call.bytes, call.fileName, plan, options);
      expect(await ingestSourceStream(spec, Readable.from([call.bytes]), call.fileName, plan, options), `fixture ${i}`).toEqual(expected);
    }
  });

  test('every file in data/real/ through its mapping in data/real/oba.config.yaml', async () => {
    const config = join(REAL, 'oba.config.yaml');
    const { specs, problems } = parseSourceSpecs((parseYaml(readFileSync(config, 'utf8')) as { sources: unknown }).sources, config, plan);
    expect(problems).toEqual([]);
    const files = new Set(specs.map((s) => s.file));
    expect(files.size).toBeGreaterThan(15);
    for (const spec of specs) {
      const expected = ingestSource(spec, readFileSync(spec.path), spec.path, plan);
      expect(expected.observations.length, spec.file).toBeGreaterThan(0);
      expect(await readSourceFile(spec, plan), `${spec.file} (sources[${spec.index}])`).toEqual(expected);
    }
  });

  test('every file in data/series/', async () => {
    const series = join(ROOT, 'data', 'series');
    const files = readdirSync(series).filter((f) => f.endsWith('.csv'));
    expect(files.length).toBeGreaterThan(20);
    for (const f of files) {
      const path = join(series, f);
      const expected = ingestCsv(readFileSync(path), path, plan);
      expect(expected.observations.length, f).toBeGreaterThan(0);
      expect(await readDataFile(path, plan), f).toEqual(expected);
    }
  });

  test('a mapping that does not fit the plan, and a file that is not CSV: the same precedence both ways', async () => {
    const config = join(REAL, 'oba.config.yaml');
    const { specs } = parseSourceSpecs((parseYaml(readFileSync(config, 'utf8')) as { sources: unknown }).sources, config, plan);
    const bad: SourceSpec = { ...specs[0]!, measure: 'no-such-measure' };
    const text = readFileSync(specs[0]!.path);
    const utf16 = Buffer.from('\ufeffa,b\r\n', 'utf16le');
    for (const data of [text, utf16, Buffer.alloc(0)]) {
      for (const s of [bad, specs[0]!]) {
        expect(await ingestSourceStream(s, chunks(data, 7), 'f.csv', plan)).toEqual(ingestSource(s, data, 'f.csv', plan));
      }
    }
  });
});

// ---------------------------------------------------------------------------------------------
// (b) chunk boundaries

describe('(b) chunk boundaries anywhere do not change the results', () => {
  test('tricky texts: 1, 2, 3, 7, 64 bytes and seeded random chunks', async () => {
    for (const [name, data] of TRICKY) {
      const expected = ingestCsv(data, F, plan);
      const records = await csvRecords([data]);
      for (const [how, parts] of cuttings(data)) {
        expect(await streamCsv(parts), `${name}, ${how}`).toEqual(expected);
        expect(await csvRecords(parts), `${name}, ${how} (records)`).toEqual(records);
      }
    }
  });

  test('tricky texts cut in two at every position, and in three around every position', async () => {
    for (const [name, data] of TRICKY) {
      const expected = ingestCsv(data, F, plan);
      for (let cut = 0; cut <= data.length; cut++) {
        const two = [data.subarray(0, cut), data.subarray(cut)];
        expect(await streamCsv(two), `${name}, cut at ${cut}`).toEqual(expected);
        const three = [data.subarray(0, cut), data.subarray(cut, cut + 1), data.subarray(cut + 1)];
        expect(await streamCsv(three), `${name}, 1 byte alone at ${cut}`).toEqual(expected);
      }
    }
  });

  test('the recorded fixtures of ingest.test.ts and sources.test.ts in every cutting', async () => {
    for (const [i, call] of recorded.native.entries()) {
      const options = call.options as IngestOptions | undefined;
      const expected = ingestCsv(call.bytes, call.fileName, plan, options);
      for (const [how, parts] of cuttings(call.bytes)) {
        expect(await streamCsv(parts, call.fileName, options), `ingest fixture ${i}, ${how}`).toEqual(expected);
      }
    }
    for (const [i, call] of recorded.sources.entries()) {
      const spec = call.spec as SourceSpec;
      const options = call.options as IngestOptions | undefined;
      const expected = ingestSource(spec, call.bytes, call.fileName, plan, options);
      for (const [how, parts] of cuttings(call.bytes)) {
        expect(await ingestSourceStream(spec, parts, call.fileName, plan, options), `sources fixture ${i}, ${how}`).toEqual(expected);
      }
    }
  });

  test('real published files (quoted commas, U+201A, title blocks, wide tables) in every cutting', async () => {
    const config = join(REAL, 'oba.config.yaml');
    const { specs } = parseSourceSpecs((parseYaml(readFileSync(config, 'utf8')) as { sources: unknown }).sources, config, plan);
    for (const file of ['dfe-cla-sfr27-2010-at-31-march.csv', 'ons-conceptions-2017-table6-under18-by-la-1998-2017.csv', 'dfe-sfr34-2015-cla-outcomes-table-la3-ks4-2011-2015.csv', 'dfe-osr-2011-cla-absence-2007-2011.csv']) {
      const spec = specs.find((s) => s.file === file)!;
      const data = readFileSync(spec.path);
      const expected = ingestSource(spec, data, file, plan);
      expect(expected.issues).toEqual([]);
      for (const [how, parts] of cuttings(data)) {
        if (how === '1-byte chunks' && data.length > 100_000) continue; // the smaller files cover 1-byte chunks
        expect(await ingestSourceStream(spec, parts, file, plan), `${file}, ${how}`).toEqual(expected);
      }
    }
  });

  test('line numbers after a CRLF inside a quoted field, split across chunks, stay physical', async () => {
    const data = bytes('measure,area,period,value,note\r\nneet,Leeds,2013,6.3,"a\r\nb\r\nc"\r\nneet,Leeds,2014,bad,\r\n');
    for (const [how, parts] of cuttings(data)) {
      expect(brief((await streamCsv(parts)).issues), how).toEqual([`error BAD_VALUE ${F}:5:4`]);
    }
  });

  test('a bad byte is located to its line whichever chunk it arrives in', async () => {
    const data = TRICKY.find(([name]) => name.startsWith('Windows-1252'))![1];
    for (const [how, parts] of cuttings(data)) {
      expect(brief((await streamCsv(parts)).issues), how).toEqual([`error FILE_NOT_UTF8 ${F}:3`]);
    }
    const crOnly = TRICKY.find(([name]) => name.startsWith('Windows-1252 é on line 3'))![1];
    for (const [how, parts] of cuttings(crOnly)) {
      expect(brief((await streamCsv(parts)).issues), how).toEqual([`error FILE_NOT_UTF8 ${F}:3`]);
    }
    const cutShort = TRICKY.find(([name]) => name.startsWith('a UTF-8 sequence cut short by a line break'))![1];
    expect(brief(ingestCsv(cutShort, F, plan).issues)).toEqual([`error FILE_NOT_UTF8 ${F}:2`]);
    const nulWins = TRICKY.find(([name]) => name.startsWith('bad UTF-8 on line 2'))![1];
    expect(brief(ingestCsv(nulWins, F, plan).issues)).toEqual([`error FILE_NOT_CSV ${F}:5`]);
  });

  test('a CSV layer check: records and lines are the same as one chunk', async () => {
    const data = TRICKY[3]![1];
    const whole: CsvRecord[] = [];
    expect(readCsvBytes(data, F, (r) => whole.push(r))).toEqual({});
    expect(whole.map((r) => [r.line, r.row])).toEqual([
      [1, 1],
      [2, 2],
      [6, 3],
      [7, 4],
    ]);
  });
});

test('a quote that is never closed does not swallow a large file into memory: the record is cut off at MAX_RECORD_BYTES', async () => {
  const rows = 'neet,Leeds,2014,6.0,padding padding padding padding padding padding padding padding padding\n'.repeat(Math.ceil((MAX_RECORD_BYTES + 1_000_000) / 90));
  const data = bytes(`measure,area,period,value,note\nneet,Leeds,2013,6.3,"unclosed\n${rows}`);
  const expected = ingestCsv(data, F, plan);
  expect(brief(expected.issues)).toEqual([`error FILE_NOT_CSV ${F}:2`]);
  expect(expected.issues[0]?.message).toMatch(/the row that starts on line 2 is over 16 MB long.*never closed/);
  expect(await streamCsv(chunks(data, 65_536))).toEqual(expected);
});
