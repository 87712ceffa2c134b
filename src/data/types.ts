/**
 * Observations as `oba` holds them after ingest, whatever file they came from.
 */
import type { PeriodType } from '../plan/types.js';

/** A period normalised to one canonical label per period type. */
export interface Period {
  type: PeriodType;
  /**
   * The house-style label: `2013` (calendar year), `2012/13` (academic or financial year),
   * `2013-Q2`, `2013-03`, `2013-W39`, `2013-03-31`.
   */
  label: string;
  /** First and last day covered, ISO `YYYY-MM-DD`. */
  start: string;
  end: string;
  /**
   * A whole number that orders periods of one type and steps by one per period:
   * years → the starting year; quarters → year×4 + (q−1); months → year×12 + (m−1);
   * ISO weeks → weeks since the Monday 1970-01-05 (week 1970-W02); dates → days since 1970-01-01.
   */
  ordinal: number;
}

/**
 * Typed missingness (GSS / ONS / DfE conventions). A missing value is never zero.
 * `c` confidential or suppressed; `x` not available (old `:`); `z` not applicable;
 * `low` rounds to zero (old `~`); `..` not available (older tables); `u` low reliability
 * with no figure shown; `error` a spreadsheet error such as `#VALUE!` published in the file.
 */
export type MissingMarker = 'c' | 'x' | 'z' | 'low' | 'u' | '..' | 'error';

/** Status flags carried with a value: provisional, revised, estimated, break in series, forecast, low reliability. */
export type StatusFlag = 'p' | 'r' | 'e' | 'b' | 'f' | 'u';

/** Where an observation came from, for error messages and footnotes. */
export interface SourceRef {
  file: string;
  line: number;
}

export interface Observation {
  measure: string;
  area: string;
  period: Period;
  /** The value, or null when a marker says it is missing. */
  value: number | null;
  missing?: MissingMarker;
  status: readonly StatusFlag[];
  numerator?: number;
  denominator?: number;
  lower?: number;
  upper?: number;
  note?: string;
  source: SourceRef;
}

export type Severity = 'error' | 'warning';

/** One problem found in an input file, located to file, line and column. */
export interface DataIssue {
  severity: Severity;
  code: DataIssueCode;
  file: string;
  /** 1-based physical line in the file; 0 when the problem is with the whole file. */
  line: number;
  /** 1-based column number, or the column's header name, when one column is at fault. */
  column?: number | string;
  /** What is wrong; what to do. */
  message: string;
}

/** The closed set of data problem codes. */
export type DataIssueCode =
  | 'FILE_NOT_FOUND'
  | 'FILE_EMPTY'
  | 'FILE_NOT_UTF8'
  | 'FILE_NOT_CSV'
  | 'MISSING_COLUMN'
  | 'UNKNOWN_COLUMN'
  | 'UNKNOWN_MEASURE'
  | 'UNKNOWN_AREA'
  | 'BAD_PERIOD'
  | 'WRONG_PERIOD_TYPE'
  | 'BAD_VALUE'
  | 'PERCENT_OUT_OF_RANGE'
  | 'NEGATIVE_COUNT'
  | 'DUPLICATE_ROW'
  | 'CONFLICTING_ROW'
  | 'SERIES_GAP'
  | 'BAD_INTERVAL'
  | 'BAD_ROW'
  // Added with the data layer (src/data):
  | 'FILE_NOT_READABLE' // the file exists but cannot be read (a folder, no permission)
  | 'DUPLICATE_COLUMN' // two header cells name the same column
  | 'BAD_STATUS' // a status cell with something other than the flags p r e b f u
  | 'BAD_DENOMINATOR' // a denominator of 0 or less
  | 'NUMERATOR_OVER_DENOMINATOR' // a percentage whose numerator is larger than its denominator
  | 'EMPTY_VALUE' // warning: an empty value cell in a mapped source, read as the marker x
  | 'SPREADSHEET_ERROR' // warning: a published spreadsheet error such as #VALUE!, read as the marker `error`
  | 'REVISED_VALUE' // warning: two files give one figure different values; the later file's is used
  | 'BAD_SOURCE' // a source mapping that does not fit its file or the plan (e.g. a column it names is not there)
  | 'FILTER_NO_ROWS' // warning: a source mapping's filter matches no row of its file, so nothing is read from it
  | 'NARRATIVE_HEADING' // warning: a narrative heading that is not one of the sections, so its text is not shown
  | 'NARRATIVE_FIELD' // warning: a narrative's front matter lacks a field people rely on (owner:, updated:)
  | 'NARRATIVE_YAML' // error: a narrative's front matter is not valid YAML
  | 'NARRATIVE_FIGURE'; // warning: a figure written in a narrative disagrees with the data, or a placeholder cannot be filled
