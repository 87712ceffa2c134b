/**
 * The data layer: reading indicator data into `Observation`s.
 *
 * Pure core (bytes and text in, values out; nothing touches the disk):
 * - `parsePeriod` / `formatPeriod` / `periodFromOrdinal` / `nextPeriod` / `periodTime`: periods;
 * - `parseValue` / `parseStatus`: value cells, markers and status flags;
 * - `ingestCsv`: the native tidy CSV format;
 * - `parseSourceSpecs` / `ingestSource`: published files through source mappings;
 * - `checkSeries`: duplicates, conflicts and gaps over any set of observations.
 * Shell: `readDataFile`, `readSourceFile`, `readDataInput(s)` read from disk.
 */
export type {
  DataIssue,
  DataIssueCode,
  MissingMarker,
  Observation,
  Period,
  Severity,
  SourceRef,
  StatusFlag,
} from './types.js';
export {
  addPeriods,
  comparePeriods,
  describePeriodType,
  examplePeriod,
  formatAppliesTo,
  formatPeriod,
  nextPeriod,
  parsePeriod,
  periodFromOrdinal,
  periodTime,
  PERIOD_FORMATS,
  PERIOD_TYPES,
  type PeriodFormat,
  type PeriodResult,
} from './period.js';
export {
  markerMeaning,
  MISSING_MARKERS,
  parseStatus,
  parseValue,
  STATUS_FLAGS,
  STATUS_MEANINGS,
  type ValueOptions,
  type ValueResult,
} from './value.js';
export { checkCsvBytes, forEachCsvRecord, readCsvTable, type CsvRecord } from './csv.js';
export { areaMatcher, type AreaMatcher } from './areas.js';
export { buildObservation, checkSeries, type Cell, type RowInput, type SeriesCheckOptions } from './checks.js';
export { ingestCsv, OPTIONAL_COLUMNS, REQUIRED_COLUMNS, type IngestOptions, type IngestResult } from './ingest.js';
export {
  ingestSource,
  parseSourceSpecs,
  type ColumnRef,
  type ComputedValue,
  type SourceSpec,
  type WideColumnRef,
} from './sources.js';
export { readBytes, readDataFile, readDataInput, readDataInputs, readSourceFile } from './read.js';
