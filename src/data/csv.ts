/**
 * The CSV layer shared by the native format and source mappings: checks that bytes are a UTF-8
 * text file, then hands each record to a callback with the physical line it starts on.
 *
 * It is STREAMING: `CsvReader` takes the file a chunk at a time (any chunk sizes; a whole file in
 * memory is one chunk) and holds nothing but the record being parsed, a few bytes of a UTF-8
 * sequence split across chunks and the line starts not yet passed, so memory does not grow with
 * the file. `readCsvBytes` reads bytes already in memory, `readCsvStream` a byte stream (a file's
 * `fs.createReadStream`); both drive the same reader, so both give the same records and issues.
 *
 * Per chunk:
 * - whole-file checks, done incrementally: empty; a UTF-16 byte order mark or a spreadsheet
 *   workbook (the first 4 bytes); NUL bytes (binary, or UTF-16 without a byte order mark);
 *   bytes that are not UTF-8 (checked with `isUtf8`, a sequence split between chunks carried
 *   over); nothing but spaces and blank lines;
 * - line starts (after CRLF, LF or a lone CR, a CR at the end of a chunk waiting for the next),
 *   counted as the bytes pass;
 * - csv-parse (`Parser.write`, one chunk at a time: `bom`, quoted fields with commas and
 *   newlines, CRLF, LF and CR line ends, even mixed), which hands each record on as it completes,
 *   with its end offset (`info.bytes`, counted across chunks). A record starts where the one
 *   before it ended, and its line is found from the line starts, so a CRLF inside a quoted field
 *   does not throw later lines off (csv-parse's own line count drifts there).
 *
 * Precedence is that of a whole-file check: a problem with the file as a whole (`fileIssue`)
 * makes everything read from it unusable, and a NUL byte anywhere wins over bytes that are not
 * UTF-8 earlier on; so once the file is known bad the rest is still scanned (not parsed), unless
 * nothing later can change the verdict (`settled`).
 */
import { isUtf8 } from 'node:buffer';
import { createRequire } from 'node:module';
import type { CsvError, Options as ParserOptions } from 'csv-parse';
import type { DataIssue } from './types.js';
import { error } from './issues.js';

/** One CSV record: its fields as written (not trimmed) and the physical lines it spans. */
export interface CsvRecord {
  fields: string[];
  /** 1-based line the record starts on. */
  line: number;
  /** 1-based record number (spreadsheet row), counting blank lines. */
  row: number;
}

/** What reading a CSV file found wrong. */
export interface CsvReadIssues {
  /**
   * A problem with the file as a whole (empty, not text, not UTF-8). When set, nothing read from
   * the file can be used: the records passed on before it was found are to be discarded.
   */
  fileIssue?: DataIssue;
  /**
   * The first malformed record (an unclosed or stray quote), as FILE_NOT_CSV on the line where
   * that record starts. Every record before it has been passed on; nothing after it is read.
   */
  parseIssue?: DataIssue;
}

/** Bytes of a CSV file as they arrive: a file's read stream, or any iterable of chunks. */
export type ByteSource = AsyncIterable<Uint8Array | string> | Iterable<Uint8Array | string>;

/**
 * The longest record accepted, in bytes. A longer one is not a table row but, almost always, a
 * quote that opens a field and is never closed, which would otherwise swallow (and hold in
 * memory) the rest of the file.
 */
export const MAX_RECORD_BYTES = 16 * 1024 * 1024;

const LF = 0x0a;
const CR = 0x0d;
const EMPTY = new Uint8Array(0);
const UTF8_BOM = [0xef, 0xbb, 0xbf];

function startsWith(bytes: Uint8Array, prefix: readonly number[]): boolean {
  return prefix.every((b, i) => bytes[i] === b);
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  const out = new Uint8Array(a.length + b.length);
  out.set(a, 0);
  out.set(b, a.length);
  return out;
}

/** How many bytes of `bytes` end on a UTF-8 sequence boundary (the rest, 1–3 bytes, wait for the next chunk). */
function completeUtf8Length(bytes: Uint8Array): number {
  const n = bytes.length;
  for (let k = 1; k <= 3 && k <= n; k++) {
    const b = bytes[n - k]!;
    if ((b & 0xc0) === 0x80) continue; // a continuation byte: look further back for the lead
    const need = b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : b >= 0xc0 ? 2 : 1;
    return need > k ? n - k : n;
  }
  return n;
}

/**
 * A csv-parse stream parser driven synchronously, one `write` per chunk, with its errors
 * captured. Records are taken as the parser pushes them (`push` is overridden), with the offset
 * just past each one (`info.bytes`), so nothing queues on its readable side; this is cheaper than
 * an `on_record` hook, for which csv-parse builds an info object per record.
 */
interface RecordParser {
  write(chunk: Uint8Array): boolean;
  end(): void;
  destroy(): void;
  on(event: 'error', listener: (error: Error) => void): unknown;
  readonly failure: Error | undefined;
  /** Whether the last write or end was processed before it returned (as it is in Node ≥ 20). */
  readonly idle: boolean;
}

type RecordParserClass = new (options: ParserOptions, sink: (fields: string[], end: number) => void) => RecordParser;
let recordParserClass: RecordParserClass | undefined;

/** A new RecordParser; csv-parse is loaded on first use, so a run that reads no CSV never loads it. */
function newRecordParser(options: ParserOptions, sink: (fields: string[], end: number) => void): RecordParser {
  recordParserClass ??= defineRecordParser(createRequire(import.meta.url)('csv-parse') as typeof import('csv-parse'));
  return new recordParserClass(options, sink);
}

function defineRecordParser({ Parser }: typeof import('csv-parse')): RecordParserClass {
  return class extends Parser implements RecordParser {
    failure: Error | undefined;
    private calls = 0;

    constructor(
      options: ParserOptions,
      private readonly sink: (fields: string[], end: number) => void,
    ) {
      super(options);
    }

    override push(chunk: unknown, encoding?: BufferEncoding): boolean {
      if (chunk === null) return super.push(null, encoding);
      this.sink(chunk as string[], this.info.bytes);
      return true;
    }

    override _transform(chunk: Buffer, encoding: BufferEncoding, callback: (error?: Error | null) => void): void {
      this.calls++;
      super._transform(chunk, encoding, (err?: Error | null) => {
        this.calls--;
        if (err) this.failure = err;
        callback(err);
      });
    }

    override _flush(callback: (error?: Error | null) => void): void {
      this.calls++;
      super._flush((err?: Error | null) => {
        this.calls--;
        if (err) this.failure = err;
        callback(err);
      });
    }

    get idle(): boolean {
      return this.calls === 0;
    }
  };
}

/**
 * Reads one CSV file a chunk at a time and calls `onRecord` for each record in order, blank lines
 * included (as a record with one empty field). Call `write` per chunk, then `end` for the issues.
 */
export class CsvReader {
  /** Bytes received so far. */
  private total = 0;
  /** The first bytes, held until 4 have arrived (or the file ends) to recognise the file type. */
  private head: Uint8Array = EMPTY;
  private started = false;
  private ended = false;
  private fileIssue: DataIssue | undefined;
  private parseIssue: DataIssue | undefined;
  private final = false;
  /** Whether a character other than a space or line break has been seen (after a BOM). */
  private sawText = false;
  /** The bytes of a UTF-8 sequence cut by the end of the last chunk. */
  private carry: Uint8Array = EMPTY;
  /** The file starts with bytes as UTF-16 without a byte order mark does (for the NUL message). */
  private utf16Guess = false;
  /** 3 when the file starts with a UTF-8 byte order mark. */
  private bomLength = 0;

  /** Physical line at offset `total` (the start of the next chunk), not counting `pendingCr`. */
  private line = 1;
  /** Offset just after a CR that ended the last chunk (a line starts there unless an LF follows), or -1. */
  private pendingCr = -1;
  /** Line-start offsets not yet passed by a record, in order, from `queueHead`. */
  private queue: number[] = [];
  private queueHead = 0;
  /** Line of the last record start looked up. */
  private recordLine = 1;
  /** Offset at which the next record starts. */
  private recordStart = 0;
  private row = 0;

  private readonly parser: RecordParser | undefined;
  private callbackError: { error: unknown } | undefined;

  /**
   * @param onRecord called for each record; omit it to check the bytes only (nothing is parsed).
   */
  constructor(
    private readonly file: string,
    private readonly onRecord?: (record: CsvRecord) => void,
  ) {
    if (onRecord) {
      const parser = newRecordParser(
        {
          bom: true,
          relax_column_count: true,
          skip_empty_lines: false,
          record_delimiter: ['\r\n', '\n', '\r'],
          max_record_size: MAX_RECORD_BYTES,
        },
        (fields, end) => {
          this.row++;
          const line = this.lineAt(this.recordStart);
          this.recordStart = end;
          if (this.callbackError !== undefined) return;
          try {
            this.onRecord!({ fields, line, row: this.row });
          } catch (e) {
            this.callbackError = { error: e }; // rethrown by write/end: a fault in the caller, not in the file
          }
        },
      );
      parser.on('error', () => undefined); // errors are read from `failure`; the event would otherwise throw
      this.parser = parser;
    }
  }

  /** Whether the verdict is known whatever follows (a workbook, UTF-16, NUL bytes): the rest need not be read. */
  get settled(): boolean {
    return this.final;
  }

  /** Takes the next chunk of the file. */
  write(chunk: Uint8Array): void {
    if (this.ended) throw new Error('CsvReader: write after end');
    if (this.final || chunk.length === 0) return;
    if (!this.started) {
      this.head = this.head.length === 0 ? chunk : concat(this.head, chunk);
      if (this.head.length < 4) return;
      chunk = this.head;
      this.head = EMPTY;
      this.started = true;
      if (this.checkStart(chunk)) return;
    }
    this.scan(chunk);
    this.rethrow();
  }

  /** Ends the file: flushes the parser and returns what was found wrong. */
  end(): CsvReadIssues {
    if (this.ended) throw new Error('CsvReader: end called twice');
    if (!this.started) {
      // A file shorter than 4 bytes.
      const head = this.head;
      this.head = EMPTY;
      this.started = true;
      if (head.length === 0) this.settle(error('FILE_EMPTY', this.file, 0, 'the file is empty; add a header row and data rows'));
      else if (!this.checkStart(head)) this.scan(head);
    }
    this.ended = true;
    const result = this.finish();
    this.rethrow();
    return result;
  }

  private finish(): CsvReadIssues {
    if (this.final) return { fileIssue: this.fileIssue };
    if (this.pendingCr >= 0) {
      this.queue.push(this.pendingCr);
      this.line++;
      this.pendingCr = -1;
    }
    if (!this.fileIssue && this.carry.length > 0) this.fileIssue = this.notUtf8(this.line);
    if (!this.fileIssue && !this.sawText) {
      this.fileIssue = error('FILE_EMPTY', this.file, 0, 'the file has no text (only spaces or blank lines); add a header row and data rows');
    }
    if (this.fileIssue) return { fileIssue: this.fileIssue };
    if (this.parser && !this.parseIssue) {
      this.parser.end();
      this.afterParse();
    }
    return this.parseIssue ? { parseIssue: this.parseIssue } : {};
  }

  /** A verdict nothing later can change. */
  private settle(issue: DataIssue): void {
    this.fileIssue = issue;
    this.final = true;
    this.stopParsing();
  }

  private stopParsing(): void {
    this.queue = [];
    this.queueHead = 0;
    this.parser?.destroy();
  }

  private get parsing(): boolean {
    return this.parser !== undefined && this.fileIssue === undefined && this.parseIssue === undefined;
  }

  /** Checks on the first bytes: a UTF-16 byte order mark, a workbook. True when the file is settled bad. */
  private checkStart(head: Uint8Array): boolean {
    if (startsWith(head, [0xff, 0xfe]) || startsWith(head, [0xfe, 0xff])) {
      this.settle(
        error('FILE_NOT_UTF8', this.file, 0, 'the file is UTF-16 (it starts with a UTF-16 byte order mark); save it as UTF-8 (in Excel: "CSV UTF-8 (Comma delimited)")'),
      );
      return true;
    }
    if (startsWith(head, [0x50, 0x4b, 0x03, 0x04]) || startsWith(head, [0xd0, 0xcf, 0x11, 0xe0])) {
      this.settle(
        error('FILE_NOT_CSV', this.file, 0, 'the file is a spreadsheet workbook (.xlsx or .xls), not CSV; save the sheet as "CSV UTF-8 (Comma delimited)"'),
      );
      return true;
    }
    // NUL bytes from the start, as UTF-16 text without a byte order mark has.
    this.utf16Guess = head.length >= 4 && (head[1] === 0 || head[0] === 0) && (head[3] === 0 || head[2] === 0);
    this.bomLength = startsWith(head, UTF8_BOM) ? 3 : 0;
    return false;
  }

  private scan(chunk: Uint8Array): void {
    const base = this.total;
    const first = base === 0;
    this.total += chunk.length;

    // Line starts in this chunk, in order (a CR that ended the last chunk is resolved first).
    const starts: number[] = [];
    let lineAtBase = this.line;
    if (this.pendingCr >= 0) {
      if (chunk[0] !== LF) {
        starts.push(this.pendingCr);
        lineAtBase++;
      }
      this.pendingCr = -1;
    }
    let lf = chunk.indexOf(LF);
    let cr = chunk.indexOf(CR);
    while (lf !== -1 || cr !== -1) {
      if (cr !== -1 && (lf === -1 || cr < lf)) {
        if (cr + 1 === chunk.length) this.pendingCr = base + cr + 1;
        else if (chunk[cr + 1] !== LF) starts.push(base + cr + 1);
        cr = chunk.indexOf(CR, cr + 1);
      } else {
        starts.push(base + lf + 1);
        lf = chunk.indexOf(LF, lf + 1);
      }
    }

    // NUL bytes: binary, not text. This wins over anything found before it.
    const nul = chunk.indexOf(0);
    if (nul !== -1) {
      let line = this.line;
      for (const s of starts) {
        if (s > base + nul) break;
        line++;
      }
      this.settle(
        error(
          'FILE_NOT_CSV',
          this.file,
          line,
          this.utf16Guess
            ? `the file has NUL bytes from line ${line}, as UTF-16 text without a byte order mark does; save it as UTF-8`
            : `the file has a NUL byte on line ${line}, so it is binary, not CSV text; export the data as CSV UTF-8`,
        ),
      );
      return;
    }

    // UTF-8, up to the first bad sequence.
    if (this.fileIssue === undefined) {
      const data = this.carry.length > 0 ? concat(this.carry, chunk) : chunk;
      const cut = completeUtf8Length(data);
      const whole = data.subarray(0, cut);
      if (isUtf8(whole)) {
        this.carry = cut === data.length ? EMPTY : Uint8Array.prototype.slice.call(data, cut); // a copy: the chunk is not held
      } else {
        // The carried bytes hold no line break, so `whole` starts on the line the chunk starts on.
        this.fileIssue = this.notUtf8(this.badUtf8Line(whole, lineAtBase));
        this.carry = EMPTY;
        this.stopParsing();
      }
    }

    if (!this.sawText) {
      for (let i = first ? this.bomLength : 0; i < chunk.length; i++) {
        const b = chunk[i]!;
        if (b !== 0x20 && b !== 0x09 && b !== LF && b !== CR) {
          this.sawText = true;
          break;
        }
      }
    }

    this.line += starts.length;

    if (this.parsing) {
      for (const s of starts) this.queue.push(s);
      this.parser!.write(chunk);
      this.afterParse();
    }
  }

  /** After a write to or end of the parser: it must have finished, and may have failed. */
  private afterParse(): void {
    const parser = this.parser!;
    if (!parser.idle) throw new Error('CsvReader: csv-parse did not process a chunk synchronously');
    if (parser.failure && !this.parseIssue) {
      this.parseIssue = parseIssue(parser.failure as CsvError, this.file, this.lineAt(this.recordStart));
      this.stopParsing();
    }
  }

  private rethrow(): void {
    if (this.callbackError) {
      const e = this.callbackError.error;
      this.callbackError = undefined;
      throw e;
    }
  }

  /** Line of a record start (offsets asked for never decrease). */
  private lineAt(offset: number): number {
    const q = this.queue;
    let h = this.queueHead;
    while (h < q.length && q[h]! <= offset) {
      h++;
      this.recordLine++;
    }
    if (h > 1024 && h * 2 > q.length) {
      q.splice(0, h);
      h = 0;
    }
    this.queueHead = h;
    return this.recordLine;
  }

  /**
   * The line of the first bad UTF-8 in `bytes` (which start on line `line`): the first piece
   * between line breaks that is not UTF-8 on its own (a line break is ASCII, so it never sits
   * inside a sequence: a sequence cut short by one is bad on the line it starts on).
   */
  private badUtf8Line(bytes: Uint8Array, line: number): number {
    let from = 0;
    for (let i = 0; i <= bytes.length; i++) {
      const b = i < bytes.length ? bytes[i] : LF;
      if (b !== LF && b !== CR) continue;
      if (!isUtf8(bytes.subarray(from, i))) return line;
      if (b === LF || bytes[i + 1] !== LF) line++;
      from = i + 1;
    }
    return line;
  }

  private notUtf8(line: number): DataIssue {
    return error(
      'FILE_NOT_UTF8',
      this.file,
      line,
      `line ${line} has bytes that are not UTF-8 (the file was probably saved as Windows-1252 or Latin-1, Excel's plain "CSV"); save it as UTF-8 (in Excel: "CSV UTF-8 (Comma delimited)")`,
    );
  }
}

/** The FILE_NOT_CSV issue for a csv-parse error in the record that starts on `line`. */
function parseIssue(e: CsvError, file: string, line: number): DataIssue {
  let message: string;
  switch (e.code) {
    case 'CSV_QUOTE_NOT_CLOSED':
      message = `the quoted field that opens on line ${line} is never closed; add the closing " or remove the stray quote`;
      break;
    case 'CSV_INVALID_CLOSING_QUOTE':
      message = `a quoted field on line ${line} has text after its closing quote; write a quote inside a quoted field as "" and put the whole field in quotes`;
      break;
    case 'INVALID_OPENING_QUOTE':
      message = `a field on line ${line} has a quote in the middle of unquoted text; put the whole field in quotes and double the inner quote ("")`;
      break;
    case 'CSV_MAX_RECORD_SIZE':
      message = `the row that starts on line ${line} is over ${MAX_RECORD_BYTES / 1024 / 1024} MB long, so it is not a table row: most likely a quote opens a field on that line and is never closed; add the closing " or remove the stray quote`;
      break;
    default:
      message = `the CSV on line ${line} cannot be read (${e.message}); check the quoting on that line`;
  }
  return error('FILE_NOT_CSV', file, line, `${message}; nothing after this point was read`);
}

/** Reads CSV bytes held in memory: one chunk through `CsvReader`. */
export function readCsvBytes(bytes: Uint8Array, file: string, onRecord?: (record: CsvRecord) => void): CsvReadIssues {
  const reader = new CsvReader(file, onRecord);
  reader.write(bytes);
  return reader.end();
}

/**
 * Reads CSV from a byte stream, chunk by chunk, through `CsvReader`; stops reading as soon as
 * the file is known not to be CSV. Errors of the stream itself (a file that cannot be read) are
 * thrown.
 */
export async function readCsvStream(source: ByteSource, file: string, onRecord?: (record: CsvRecord) => void): Promise<CsvReadIssues> {
  const reader = new CsvReader(file, onRecord);
  for await (const chunk of source) {
    reader.write(typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk);
    if (reader.settled) break; // leaving the loop closes the stream
  }
  return reader.end();
}

/**
 * Whole-file checks: empty, not text (NUL bytes, a spreadsheet workbook), UTF-16, not UTF-8.
 * Returns the problems found; when there are any the file cannot be read as CSV.
 */
export function checkCsvBytes(bytes: Uint8Array, file: string): DataIssue[] {
  const r = readCsvBytes(bytes, file);
  return r.fileIssue ? [r.fileIssue] : [];
}

/**
 * Parses CSV bytes (already checked with `checkCsvBytes`) and calls `onRecord` for each record in
 * order, blank lines included (as a record with one empty field). Parsing stops at the first
 * malformed record (an unclosed or stray quote), which is returned as a FILE_NOT_CSV issue on the
 * line where that record starts; every record before it has been passed on. (Unchecked bytes
 * that turn out not to be a text file give that problem instead.)
 */
export function forEachCsvRecord(bytes: Uint8Array, file: string, onRecord: (record: CsvRecord) => void): DataIssue[] {
  const r = readCsvBytes(bytes, file, onRecord);
  return r.fileIssue ? [r.fileIssue] : r.parseIssue ? [r.parseIssue] : [];
}

/** A record whose every field is empty or spaces (a blank line, or `,,,` left by a spreadsheet). */
export function isBlankRecord(fields: readonly string[]): boolean {
  return fields.every((f) => f.trim() === '');
}

/** Reads a whole CSV file into memory: for small files, tools and tests. */
export function readCsvTable(
  bytes: Uint8Array,
  file: string,
): { records: CsvRecord[]; issues: DataIssue[] } {
  const records: CsvRecord[] = [];
  const r = readCsvBytes(bytes, file, (record) => records.push(record));
  if (r.fileIssue) return { records: [], issues: [r.fileIssue] };
  return { records, issues: r.parseIssue ? [r.parseIssue] : [] };
}
