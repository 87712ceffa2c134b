/**
 * Ingest of oba's NATIVE tidy CSV format: one observation per row.
 *
 *     measure,area,period,value[,numerator,denominator,lower,upper,status,note]
 *     looked-after,Leeds,2013-03-31,1373
 *     neet,Leeds,2013,6.3%,,,,,p,
 *
 * Header names are trimmed and matched ignoring case, in any order. Every problem in the file is
 * reported in one pass, each located to its physical line (and column), with what to do about it.
 *
 * Stages: check the bytes and parse records, a chunk at a time (`csv.ts`) → read the header →
 * check and build each row (`checks.ts`, shared with source mappings) → series checks
 * (duplicates, conflicts, gaps). `ingestCsv` reads bytes held in memory and `ingestCsvStream` a
 * byte stream; both hand the records to the same handler (`nativeIngest`), so they give the same
 * result, and only the observations kept (and the issues) grow with the file.
 */
import type { Readable } from 'node:stream';
import type { Area, Measure, Plan } from '../plan/types.js';
import type { DataIssue, Observation, Period } from './types.js';
import { areaMatcher } from './areas.js';
import { buildObservation, seriesChecker, readPeriodCell, type Cell } from './checks.js';
import { isBlankRecord, readCsvBytes, readCsvStream, type ByteSource, type CsvReadIssues, type CsvRecord } from './csv.js';
import { error, listAnd, nearest, quote, IssueList, warning } from './issues.js';
import { parseValue } from './value.js';

/** The header as read, for messages: at most 12 names. */
function headerList(fields: readonly string[]): string {
  const shown = fields.slice(0, 12).map((f) => quote(f.trim(), 30));
  return fields.length > 12 ? `${shown.join(', ')} and ${fields.length - 12} more` : listAnd(shown);
}

export const REQUIRED_COLUMNS = ['measure', 'area', 'period', 'value'] as const;
export const OPTIONAL_COLUMNS = ['numerator', 'denominator', 'lower', 'upper', 'status', 'note'] as const;
type ColumnName = (typeof REQUIRED_COLUMNS)[number] | (typeof OPTIONAL_COLUMNS)[number];
const ALL_COLUMNS: readonly ColumnName[] = [...REQUIRED_COLUMNS, ...OPTIONAL_COLUMNS];

export interface IngestOptions {
  /** Areas beyond the plan's (e.g. from the configuration's `areas:`). */
  extraAreas?: readonly Area[];
}

export interface IngestResult {
  observations: Observation[];
  issues: DataIssue[];
}

/** A lookup of measures by id, ignoring case, with a nearest-id suggestion for typos. */
export function measureLookup(plan: Pick<Plan, 'measures'>): {
  find(id: string): Measure | undefined;
  unknownMessage(id: string, line: number): string;
} {
  const byId = new Map(plan.measures.map((m) => [m.id.toLowerCase(), m]));
  const ids = plan.measures.map((m) => m.id);
  // Files repeat a few measure ids on many rows: each spelling is looked up once.
  const seen = new Map<string, Measure | undefined>();
  return {
    find: (id) => {
      if (seen.has(id)) return seen.get(id);
      const found = byId.get(id.trim().toLowerCase());
      if (seen.size < 10_000) seen.set(id, found);
      return found;
    },
    unknownMessage: (id, line) => {
      const near = nearest(id, ids);
      return (
        `the plan has no measure ${quote(id.trim())} on line ${line}; ` +
        (near ? `did you mean ${near}? ` : '') +
        `use a measure id from the plan (e.g. ${ids.slice(0, 3).join(', ')}), or add the measure to the plan`
      );
    },
  };
}

/** The message for an area that is not in the plan, with a suggestion. */
export function unknownAreaMessage(text: string, names: readonly string[], line: number): string {
  const near = nearest(text, names);
  return (
    `no area called ${quote(text.trim())} on line ${line}; ` +
    (near ? `did you mean "${near}"? ` : '') +
    `use an area name, code or alias from the plan, or add the area under areas:`
  );
}

/**
 * Reads a native-format CSV file held in memory. Nothing is thrown for bad input: every problem
 * comes back as a `DataIssue`, and observations from the good rows come back alongside them.
 */
export function ingestCsv(bytes: Uint8Array, fileName: string, plan: Plan, options: IngestOptions = {}): IngestResult {
  const ingest = nativeIngest(fileName, plan, options);
  return ingest.finish(readCsvBytes(bytes, fileName, ingest.onRecord));
}

/**
 * Reads a native-format CSV file from a byte stream (`fs.createReadStream`, or any iterable of
 * chunks), a chunk at a time: memory grows with the observations kept, not with the file. Gives
 * exactly what `ingestCsv` gives for the same bytes. Errors of the stream itself are thrown.
 */
export async function ingestCsvStream(source: ByteSource | Readable, fileName: string, plan: Plan, options: IngestOptions = {}): Promise<IngestResult> {
  const ingest = nativeIngest(fileName, plan, options);
  return ingest.finish(await readCsvStream(source, fileName, ingest.onRecord));
}

/** A lookup that answers the text it was last asked about without looking it up again. */
function rememberLast<T>(lookup: (text: string) => T): (text: string) => T {
  let lastText: string | undefined;
  let lastAnswer: T;
  return (text) => {
    if (text !== lastText) {
      lastAnswer = lookup(text);
      lastText = text;
    }
    return lastAnswer;
  };
}

/** How many distinct period cells and notes are kept for reuse while reading a file (rows of one period share its `Period`). */
const CELL_CACHE_SIZE = 4096;

/**
 * The native format's handling of one file's records, shared by `ingestCsv` and
 * `ingestCsvStream`: `onRecord` for each record in order, then `finish` with what the CSV reader
 * found wrong. Only the observations (and issues) are kept between records.
 */
function nativeIngest(
  fileName: string,
  plan: Plan,
  options: IngestOptions,
): { onRecord: (record: CsvRecord) => void; finish: (read: CsvReadIssues) => IngestResult } {
  const file = fileName;
  const issues = new IssueList();
  const areas = areaMatcher([...plan.areas, ...(options.extraAreas ?? [])]);
  const measures = measureLookup(plan);
  // Repeats are dropped as they come: a file of repeated rows holds only the rows kept.
  const checker = seriesChecker(plan, issues);

  let index: Partial<Record<ColumnName, number>> | undefined; // column positions, once the header is read
  let headerFields = 0;
  let headerLine = 0;
  let stop = false; // the header is unusable: read no rows
  let dataRows = 0;
  const periods = new Map<string, Map<string, Period>>(); // period type → cell text → its Period
  // Rows mostly repeat the measure and area of the row before: compared first, looked up otherwise.
  const findMeasure = rememberLast((text: string) => measures.find(text));
  const matchArea = rememberLast((text: string) => areas.match(text));
  // A note is mostly the same text row after row (a source, "provisional"): one string for all.
  const notes = new Map<string, string>();
  const note = (text: string | undefined): string | undefined => {
    if (text === undefined) return undefined;
    const known = notes.get(text);
    if (known !== undefined) return known;
    if (notes.size >= CELL_CACHE_SIZE) notes.clear();
    notes.set(text, text);
    return text;
  };

  const onHeader = (record: CsvRecord) => {
    headerLine = record.line;
    headerFields = record.fields.length;
    // A header with no column of the format, and none misspelt, is another format (a published
    // file as downloaded): one error saying so, not one for each of its columns.
    const names = record.fields.map((raw) => raw.trim().toLowerCase()).filter((name) => name !== '');
    if (names.every((name) => !(ALL_COLUMNS as readonly string[]).includes(name) && !nearest(name, ALL_COLUMNS))) {
      issues.push(
        error(
          'MISSING_COLUMN',
          file,
          record.line,
          `the header has none of the columns of oba's own format (${listAnd([...REQUIRED_COLUMNS])}; got ${headerList(record.fields)}); ` +
            'a published file is read as downloaded through sources: in the configuration, with a preset or a mapping of its columns, and `oba validate --data FILE` names the preset that fits one',
        ),
      );
      stop = true;
      index = {}; // the header was read: the file is not "without a header"
      return;
    }
    const found: Partial<Record<ColumnName, number>> = {};
    record.fields.forEach((raw, i) => {
      const name = raw.trim().toLowerCase();
      const col = i + 1;
      if (name === '') {
        issues.push(warning('UNKNOWN_COLUMN', file, record.line, `column ${col} of the header has no name, so it is ignored; delete the column or name it`, col));
        return;
      }
      if (!(ALL_COLUMNS as readonly string[]).includes(name)) {
        const near = nearest(name, ALL_COLUMNS);
        issues.push(
          error(
            'UNKNOWN_COLUMN',
            file,
            record.line,
            `unknown column ${quote(raw.trim())} in the header; ` +
              (near ? `did you mean "${near}"? ` : '') +
              `the columns allowed are ${listAnd([...ALL_COLUMNS])}`,
            col,
          ),
        );
        return;
      }
      const c = name as ColumnName;
      if (found[c] !== undefined) {
        issues.push(error('DUPLICATE_COLUMN', file, record.line, `the column "${c}" appears twice in the header (columns ${found[c]! + 1} and ${col}); delete one`, col));
        return;
      }
      found[c] = i;
    });
    const missing = REQUIRED_COLUMNS.filter((c) => found[c] === undefined);
    for (const c of missing) {
      issues.push(
        error(
          'MISSING_COLUMN',
          file,
          record.line,
          `the header has no "${c}" column; a data file needs the columns ${listAnd([...REQUIRED_COLUMNS])} (got ${headerList(record.fields)})`,
          c,
        ),
      );
    }
    if (missing.length > 0) stop = true;
    index = found;
  };

  const cell = (record: CsvRecord, name: ColumnName): Cell | undefined => {
    const i = index?.[name];
    if (i === undefined) return undefined;
    return { text: record.fields[i] ?? '', column: i + 1 };
  };
  // An optional cell left empty reads as no cell at all (buildObservation treats both alike), so
  // the empty numerator, denominator and status cells of most rows build nothing.
  const filledCell = (record: CsvRecord, name: ColumnName): Cell | undefined => {
    const i = index?.[name];
    if (i === undefined) return undefined;
    const text = record.fields[i];
    return text === undefined || text === '' ? undefined : { text, column: i + 1 };
  };

  const onRow = (record: CsvRecord) => {
    const { line, fields } = record;
    dataRows++;
    if (fields.length < headerFields) {
      issues.push(error('BAD_ROW', file, line, `expected ${headerFields} fields as in the header, got ${fields.length} on line ${line}; add the missing commas or cells`));
      return;
    }
    if (fields.length > headerFields && fields.slice(headerFields).some((f) => f.trim() !== '')) {
      issues.push(
        error('BAD_ROW', file, line, `expected ${headerFields} fields as in the header, got ${fields.length} on line ${line}; a text with a comma must be in double quotes`),
      );
      return;
    }
    const measureText = fields[index!.measure!]!;
    const areaText = fields[index!.area!]!;
    const periodText = fields[index!.period!]!;

    const measure = findMeasure(measureText);
    if (!measure) {
      issues.push(
        error('UNKNOWN_MEASURE', file, line, measureText.trim() === '' ? `no measure on line ${line}; write a measure id from the plan` : measures.unknownMessage(measureText, line), index!.measure! + 1),
      );
    }
    const area = matchArea(areaText);
    if (area === undefined) {
      issues.push(
        error('UNKNOWN_AREA', file, line, areaText.trim() === '' ? `no area on line ${line}; write an area name from the plan` : unknownAreaMessage(areaText, areas.names, line), index!.area! + 1),
      );
    }
    let period: Period | undefined;
    if (measure) {
      // Rows of one period share its Period object (observations stay small); a cell that cannot
      // be read is reported on its own line each time.
      let ofType = periods.get(measure.periodType);
      if (!ofType) periods.set(measure.periodType, (ofType = new Map()));
      period = ofType.get(periodText);
      if (period === undefined) {
        const p = readPeriodCell(periodText, measure, undefined, file, line, index!.period! + 1);
        if ('issue' in p) issues.push(p.issue);
        else {
          period = p.period;
          if (ofType.size >= CELL_CACHE_SIZE) ofType.clear();
          ofType.set(periodText, period);
        }
      }
    }
    if (!measure || area === undefined || !period) {
      // Still check that the value can be read, so one pass reports everything wrong with the row.
      const valueCell = cell(record, 'value')!;
      const v = parseValue(valueCell.text);
      if (!v.ok) issues.push(error('BAD_VALUE', file, line, `the value cannot be read: ${v.reason} on line ${line}; ${v.fix}`, valueCell.column));
      return;
    }
    const built = buildObservation({
      file,
      line,
      measure,
      area,
      period,
      value: cell(record, 'value')!,
      numerator: filledCell(record, 'numerator'),
      denominator: filledCell(record, 'denominator'),
      lower: filledCell(record, 'lower'),
      upper: filledCell(record, 'upper'),
      status: filledCell(record, 'status'),
      note: note(filledCell(record, 'note')?.text),
    });
    for (const issue of built.issues) issues.push(issue);
    if (built.observation) checker.add(built.observation);
  };

  const onRecord = (record: CsvRecord) => {
    if (stop || isBlankRecord(record.fields)) return;
    if (index === undefined) onHeader(record);
    else onRow(record);
  };

  const finish = (read: CsvReadIssues): IngestResult => {
    // A file that is not a UTF-8 text file: nothing read from it counts.
    if (read.fileIssue) return { observations: [], issues: [read.fileIssue] };
    if (read.parseIssue) issues.push(read.parseIssue);
    if (index === undefined) {
      issues.push(error('FILE_EMPTY', file, 0, 'the file has no header row; the first line must name the columns measure, area, period, value'));
    } else if (!stop && dataRows === 0 && !read.parseIssue) {
      issues.push(error('FILE_EMPTY', file, headerLine, `the file has a header but no data rows; add rows below line ${headerLine}, one per observation`));
    }
    const observations = checker.finish();
    return { observations, issues: issues.done() };
  };

  return { onRecord, finish };
}
