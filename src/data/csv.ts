/**
 * The CSV layer shared by the native format and source mappings: checks that bytes are a UTF-8
 * text file, then hands each record to a callback with the physical line it starts on.
 *
 * Records are parsed by csv-parse (`bom`, quoted fields with commas and newlines, CRLF, LF and CR
 * line ends, even mixed) and passed on one at a time through its `on_record` hook, so nothing but
 * what the caller keeps is held in memory, and a streaming adapter can feed the same callback.
 *
 * Line numbers are computed here from byte offsets, not taken from csv-parse's own line count,
 * which drifts after a CRLF inside a quoted field.
 */
import { parse, type CsvError } from 'csv-parse/sync';
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

/** Finds the physical line of a byte offset. Line breaks: CRLF, LF or a lone CR. */
export class LineLocator {
  /** Byte offsets at which lines 2, 3, … start. */
  private readonly starts: number[] = [];

  constructor(bytes: Uint8Array) {
    for (let i = 0; i < bytes.length; i++) {
      const b = bytes[i];
      if (b === 0x0a) this.starts.push(i + 1);
      else if (b === 0x0d && bytes[i + 1] !== 0x0a) this.starts.push(i + 1);
    }
  }

  /** 1-based line containing byte `offset`. */
  lineAt(offset: number): number {
    let lo = 0;
    let hi = this.starts.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.starts[mid]! <= offset) lo = mid + 1;
      else hi = mid;
    }
    return lo + 1;
  }
}

const UTF8_BOM = [0xef, 0xbb, 0xbf];

function startsWith(bytes: Uint8Array, prefix: readonly number[]): boolean {
  return prefix.every((b, i) => bytes[i] === b);
}

/**
 * Whole-file checks before parsing: empty, not text (NUL bytes, a spreadsheet workbook), UTF-16,
 * not UTF-8. Returns the problems found; when there are any the file cannot be read as CSV.
 */
export function checkCsvBytes(bytes: Uint8Array, file: string): DataIssue[] {
  if (bytes.length === 0) return [error('FILE_EMPTY', file, 0, 'the file is empty; add a header row and data rows')];
  if (startsWith(bytes, [0xff, 0xfe]) || startsWith(bytes, [0xfe, 0xff])) {
    return [
      error('FILE_NOT_UTF8', file, 0, 'the file is UTF-16 (it starts with a UTF-16 byte order mark); save it as UTF-8 (in Excel: "CSV UTF-8 (Comma delimited)")'),
    ];
  }
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04]) || startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0])) {
    return [
      error('FILE_NOT_CSV', file, 0, 'the file is a spreadsheet workbook (.xlsx or .xls), not CSV; save the sheet as "CSV UTF-8 (Comma delimited)"'),
    ];
  }
  const nul = bytes.indexOf(0);
  if (nul !== -1) {
    const line = new LineLocator(bytes.subarray(0, nul + 1)).lineAt(nul);
    const utf16 = bytes.length >= 4 && (bytes[1] === 0 || bytes[0] === 0) && (bytes[3] === 0 || bytes[2] === 0);
    return [
      error(
        'FILE_NOT_CSV',
        file,
        line,
        utf16
          ? `the file has NUL bytes from line ${line}, as UTF-16 text without a byte order mark does; save it as UTF-8`
          : `the file has a NUL byte on line ${line}, so it is binary, not CSV text; export the data as CSV UTF-8`,
      ),
    ];
  }
  // UTF-8: decode line by line (a 0x0A byte never occurs inside a multi-byte sequence) to say where.
  const decoder = new TextDecoder('utf-8', { fatal: true });
  try {
    decoder.decode(bytes);
  } catch {
    let line = 1;
    let from = 0;
    for (;;) {
      const nl = bytes.indexOf(0x0a, from);
      const end = nl === -1 ? bytes.length : nl;
      try {
        decoder.decode(bytes.subarray(from, end));
      } catch {
        break;
      }
      if (nl === -1) break;
      line++;
      from = nl + 1;
    }
    return [
      error(
        'FILE_NOT_UTF8',
        file,
        line,
        `line ${line} has bytes that are not UTF-8 (the file was probably saved as Windows-1252 or Latin-1, Excel's plain "CSV"); save it as UTF-8 (in Excel: "CSV UTF-8 (Comma delimited)")`,
      ),
    ];
  }
  const body = startsWith(bytes, UTF8_BOM) ? bytes.subarray(3) : bytes;
  if (body.every((b) => b === 0x20 || b === 0x09 || b === 0x0a || b === 0x0d)) {
    return [error('FILE_EMPTY', file, 0, 'the file has no text (only spaces or blank lines); add a header row and data rows')];
  }
  return [];
}

/**
 * Parses CSV bytes (already checked with `checkCsvBytes`) and calls `onRecord` for each record in
 * order, blank lines included (as a record with one empty field). Parsing stops at the first
 * malformed record (an unclosed or stray quote), which is returned as a FILE_NOT_CSV issue on the
 * line where that record starts; every record before it has been passed on.
 */
export function forEachCsvRecord(bytes: Uint8Array, file: string, onRecord: (record: CsvRecord) => void): DataIssue[] {
  const lines = new LineLocator(bytes);
  let start = 0; // byte offset where the next record starts
  let row = 0;
  try {
    parse(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), {
      bom: true,
      relax_column_count: true,
      skip_empty_lines: false,
      record_delimiter: ['\r\n', '\n', '\r'],
      on_record: (fields: string[], info: { bytes: number }) => {
        row++;
        const line = lines.lineAt(start);
        start = info.bytes;
        onRecord({ fields, line, row });
        return null; // keep nothing in csv-parse's own result array
      },
    });
  } catch (e) {
    const line = lines.lineAt(start);
    const code = (e as CsvError).code;
    let message: string;
    switch (code) {
      case 'CSV_QUOTE_NOT_CLOSED':
        message = `the quoted field that opens on line ${line} is never closed; add the closing " or remove the stray quote`;
        break;
      case 'CSV_INVALID_CLOSING_QUOTE':
        message = `a quoted field on line ${line} has text after its closing quote; write a quote inside a quoted field as "" and put the whole field in quotes`;
        break;
      case 'INVALID_OPENING_QUOTE':
        message = `a field on line ${line} has a quote in the middle of unquoted text; put the whole field in quotes and double the inner quote ("")`;
        break;
      default:
        message = `the CSV on line ${line} cannot be read (${(e as Error).message}); check the quoting on that line`;
    }
    return [error('FILE_NOT_CSV', file, line, `${message}; nothing after this point was read`)];
  }
  return [];
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
  const issues = checkCsvBytes(bytes, file);
  if (issues.length > 0) return { records: [], issues };
  const records: CsvRecord[] = [];
  issues.push(...forEachCsvRecord(bytes, file, (r) => records.push(r)));
  return { records, issues };
}
