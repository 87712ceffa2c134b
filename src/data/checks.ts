/**
 * The checks every observation goes through, whichever file format it came from: the native
 * tidy CSV (`ingest.ts`) and mapped published files (`sources.ts`) both build their rows with
 * `buildObservation` and finish with `checkSeries`, so no check is written twice.
 */
import type { Frequency, Measure, Plan } from '../plan/types.js';
import type { DataIssue, MissingMarker, Observation, Period, StatusFlag } from './types.js';
import { error, listAnd, quote, warning } from './issues.js';
import { nextPeriod, parsePeriod, type PeriodFormat } from './period.js';
import { parseStatus, parseValue, type ValueOptions } from './value.js';

/** A cell's text and where it is: its 1-based column number (or, where there is none, a name). */
export interface Cell {
  text: string;
  column: number | string;
}

/** Everything read from one row about one observation, before checking. */
export interface RowInput {
  file: string;
  line: number;
  measure: Measure;
  /** Canonical area name. */
  area: string;
  period: Period;
  /** The value cell; or `computed` to derive the value as numerator / denominator × multiplier. */
  value?: Cell;
  computed?: { numerator: Cell; denominator: Cell; multiplier: number };
  numerator?: Cell;
  denominator?: Cell;
  lower?: Cell;
  upper?: Cell;
  status?: Cell;
  /** Flags added by the caller (e.g. a source mapping's `periodStatus`). */
  extraStatus?: readonly StatusFlag[];
  note?: string;
}

/** A measure's unit in words, for messages. */
function unitWords(measure: Measure): string {
  switch (measure.unit.kind) {
    case 'count':
      return 'a count';
    case 'percent':
      return 'a percentage';
    case 'rate':
      return `a rate per ${measure.unit.per.toLocaleString('en-GB')}`;
  }
}

/** How a value is shown in messages: `1,437`, or the marker. */
export function showValue(o: Pick<Observation, 'value' | 'missing'>): string {
  if (o.value === null) return `missing (${o.missing ?? 'x'})`;
  return o.value.toLocaleString('en-GB', { maximumFractionDigits: 10 });
}

/**
 * Reads a period cell for a measure; on failure returns the issue (BAD_PERIOD or
 * WRONG_PERIOD_TYPE) located at the cell.
 */
export function readPeriodCell(
  text: string,
  measure: Measure,
  format: PeriodFormat | undefined,
  file: string,
  line: number,
  column: string | number,
): { period: Period } | { issue: DataIssue } {
  const r = parsePeriod(text, measure.periodType, format);
  if (r.ok) return { period: r.period };
  return { issue: error(r.code, file, line, `measure "${measure.id}": ${r.reason} on line ${line}; ${r.fix}`, column) };
}

/** Reads an optional numeric cell (numerator, denominator, lower, upper): empty or a marker gives undefined. */
function optionalNumber(
  cell: Cell | undefined,
  name: string,
  row: RowInput,
  options: ValueOptions,
  issues: DataIssue[],
): number | undefined {
  if (!cell || cell.text.trim() === '') return undefined;
  const r = parseValue(cell.text, { ...options, empty: undefined });
  if (!r.ok) {
    issues.push(error('BAD_VALUE', row.file, row.line, `the ${name} cannot be read: ${r.reason} on line ${row.line}; ${r.fix}`, cell.column));
    return undefined;
  }
  if (r.percentSign) {
    issues.push(error('BAD_VALUE', row.file, row.line, `the ${name} ${quote(cell.text)} has a % sign on line ${row.line}; write it as a plain number`, cell.column));
    return undefined;
  }
  return r.value ?? undefined;
}

function isError(issue: DataIssue): boolean {
  return issue.severity === 'error';
}

/**
 * Checks one row and builds its observation. Errors (an unreadable value, a percentage over
 * 100, a negative count, an interval that does not contain its value …) leave the row out;
 * warnings keep it.
 */
export function buildObservation(row: RowInput, options: ValueOptions = {}): { observation?: Observation; issues: DataIssue[] } {
  const { file, line, measure } = row;
  const issues: DataIssue[] = [];
  let value: number | null = null;
  let missing: MissingMarker | undefined;
  let status: readonly StatusFlag[] = [];
  let numerator: number | undefined;
  let denominator: number | undefined;
  let valueColumn: string | number | undefined = row.value?.column;

  if (row.computed) {
    const { numerator: nc, denominator: dc, multiplier } = row.computed;
    valueColumn = nc.column;
    const n = parseValue(nc.text, options);
    const d = parseValue(dc.text, options);
    for (const [r, c, name] of [
      [n, nc, 'numerator'],
      [d, dc, 'denominator'],
    ] as const) {
      if (!r.ok) issues.push(error('BAD_VALUE', file, line, `the ${name} cannot be read: ${r.reason} on line ${line}; ${r.fix}`, c.column));
      else if (r.warning) issues.push(warning(r.missing === 'error' ? 'SPREADSHEET_ERROR' : 'EMPTY_VALUE', file, line, `${r.warning} on line ${line}`, c.column));
    }
    if (n.ok && d.ok) {
      status = [...new Set([...n.status, ...d.status])];
      if (n.value === null || d.value === null) {
        missing = n.missing ?? d.missing;
        if (n.value !== null) numerator = n.value;
        if (d.value !== null) denominator = d.value;
      } else if (d.value === 0 && n.value === 0) {
        missing = 'z';
        numerator = 0;
        denominator = 0;
        issues.push(warning('BAD_DENOMINATOR', file, line, `the denominator is 0 on line ${line}, so the value is read as z (not applicable)`, dc.column));
      } else if (d.value <= 0) {
        issues.push(
          error('BAD_DENOMINATOR', file, line, `expected a denominator above 0, got ${d.value} on line ${line}; check the ${dc.column} column`, dc.column),
        );
      } else if (!Number.isFinite((n.value / d.value) * multiplier)) {
        issues.push(error('BAD_VALUE', file, line, `the value ${n.value} ÷ ${d.value} × ${multiplier} is too large to hold on line ${line}; check the ${nc.column} and ${dc.column} columns`, nc.column));
      } else {
        numerator = n.value;
        denominator = d.value;
        value = (n.value / d.value) * multiplier;
      }
    }
  } else if (row.value) {
    const r = parseValue(row.value.text, options);
    if (!r.ok) {
      issues.push(error('BAD_VALUE', file, line, `the value cannot be read: ${r.reason} on line ${line}; ${r.fix}`, row.value.column));
    } else {
      if (r.warning) {
        issues.push(warning(r.missing === 'error' ? 'SPREADSHEET_ERROR' : 'EMPTY_VALUE', file, line, `${r.warning} on line ${line}`, row.value.column));
      }
      if (r.percentSign && measure.unit.kind !== 'percent') {
        issues.push(
          error(
            'BAD_VALUE',
            file,
            line,
            `the value ${quote(row.value.text)} has a % sign on line ${line}, but measure "${measure.id}" is ${unitWords(measure)}; remove the % sign or check the measure`,
            row.value.column,
          ),
        );
      }
      value = r.value;
      missing = r.missing;
      status = r.status;
    }
  }

  numerator = optionalNumber(row.numerator, 'numerator', row, options, issues) ?? numerator;
  denominator = optionalNumber(row.denominator, 'denominator', row, options, issues) ?? denominator;
  const lower = optionalNumber(row.lower, 'lower limit', row, options, issues);
  const upper = optionalNumber(row.upper, 'upper limit', row, options, issues);

  if (row.status && row.status.text.trim() !== '') {
    const s = parseStatus(row.status.text);
    if (!s.ok) issues.push(error('BAD_STATUS', file, line, `${s.reason} on line ${line}; ${s.fix}`, row.status.column));
    else status = [...new Set([...status, ...s.status])];
  }
  if (row.extraStatus) status = [...new Set([...status, ...row.extraStatus])];

  // Range checks.
  if (value !== null) {
    if (measure.unit.kind === 'percent' && (value < 0 || value > 100)) {
      issues.push(
        error(
          'PERCENT_OUT_OF_RANGE',
          file,
          line,
          `expected a percentage from 0 to 100 for measure "${measure.id}", got ${showValue({ value })} on line ${line}; check the figure (is it a count, or a proportion out of 1?)`,
          valueColumn,
        ),
      );
    } else if (measure.unit.kind !== 'percent' && value < 0) {
      issues.push(
        error(
          'NEGATIVE_COUNT',
          file,
          line,
          `expected ${unitWords(measure)} of 0 or more for measure "${measure.id}", got ${showValue({ value })} on line ${line}; check the figure`,
          valueColumn,
        ),
      );
    }
    if (lower !== undefined && lower > value) {
      issues.push(error('BAD_INTERVAL', file, line, `the lower limit ${lower} is above the value ${showValue({ value })} on line ${line}; check the lower and upper columns`, row.lower?.column));
    }
    if (upper !== undefined && upper < value) {
      issues.push(error('BAD_INTERVAL', file, line, `the upper limit ${upper} is below the value ${showValue({ value })} on line ${line}; check the lower and upper columns`, row.upper?.column));
    }
  }
  if (lower !== undefined && upper !== undefined && lower > upper) {
    issues.push(error('BAD_INTERVAL', file, line, `the lower limit ${lower} is above the upper limit ${upper} on line ${line}; check whether they are swapped`, row.lower?.column));
  }
  if (!row.computed) {
    if (denominator !== undefined && denominator <= 0) {
      issues.push(error('BAD_DENOMINATOR', file, line, `expected a denominator above 0, got ${denominator} on line ${line}; check the figure or leave the cell empty`, row.denominator?.column));
    }
  }
  if (numerator !== undefined && numerator < 0) {
    issues.push(error('NEGATIVE_COUNT', file, line, `expected a numerator of 0 or more, got ${numerator} on line ${line}; check the figure`, row.numerator?.column ?? row.computed?.numerator.column));
  }
  if (measure.unit.kind === 'percent' && numerator !== undefined && denominator !== undefined && denominator > 0 && numerator > denominator) {
    issues.push(
      error(
        'NUMERATOR_OVER_DENOMINATOR',
        file,
        line,
        `the numerator ${numerator} is larger than the denominator ${denominator} on line ${line}, which a percentage cannot be; check whether they are swapped`,
        row.numerator?.column ?? row.computed?.numerator.column,
      ),
    );
  }

  if (issues.some(isError) || (row.value === undefined && row.computed === undefined)) return { issues };
  const observation: Observation = {
    measure: measure.id,
    area: row.area,
    period: row.period,
    value,
    status,
    source: { file, line },
  };
  if (missing !== undefined) observation.missing = missing;
  if (numerator !== undefined) observation.numerator = numerator;
  if (denominator !== undefined) observation.denominator = denominator;
  if (lower !== undefined) observation.lower = lower;
  if (upper !== undefined) observation.upper = upper;
  if (row.note !== undefined && row.note.trim() !== '') observation.note = row.note.trim();
  return { observation, issues };
}

// ---------------------------------------------------------------------------------------------
// Series checks: duplicates, conflicts and gaps

function sameFigures(a: Observation, b: Observation): boolean {
  return (
    a.value === b.value &&
    a.missing === b.missing &&
    a.numerator === b.numerator &&
    a.denominator === b.denominator &&
    a.lower === b.lower &&
    a.upper === b.upper &&
    [...a.status].sort().join() === [...b.status].sort().join()
  );
}

/** "line 4", or "line 4 of a.csv" when the other observation is in another file. */
function where(o: Observation, relativeTo: Observation): string {
  return o.source.file === relativeTo.source.file ? `line ${o.source.line}` : `line ${o.source.line} of ${o.source.file}`;
}

/** How `checkSeries` treats one figure given with different values by two different files. */
export interface SeriesCheckOptions {
  /**
   * `later-wins` (default): the files are vintages of the same statistics (a first release and a
   * revised one); the value from the file read later is kept, with a REVISED_VALUE warning naming
   * both. `error`: a CONFLICTING_ROW error, as within one file.
   */
  vintages?: 'later-wins' | 'error';
  /**
   * Whether a gap between two figures of the same file is reported (default true). The check
   * across files passes false: each file's own check, as it was read, reported those already
   * (at most 1,000 of them, with a count of the rest).
   */
  gapsWithinAFile?: boolean;
}

/**
 * Checks a set of observations as series, whatever files they came from:
 * - the same measure, area and period twice with the same figures → DUPLICATE_ROW (warning;
 *   the first is kept); with different figures in one file → CONFLICTING_ROW (error naming both
 *   lines; the first is kept); with different figures in two files → REVISED_VALUE (warning; the
 *   later file's value is kept), unless `vintages: 'error'`;
 * - a period missing inside a series → SERIES_GAP (warning). A period present with a missing
 *   marker is not a gap. Snapshot dates step by the measure's frequency.
 *
 * Returns the observations without repeats, in their original order, and the issues.
 */
export function checkSeries(
  observations: readonly Observation[],
  plan: Pick<Plan, 'measures'>,
  options: SeriesCheckOptions = {},
): { observations: Observation[]; issues: DataIssue[] } {
  const issues: DataIssue[] = [];
  const checker = seriesChecker(plan, issues, options);
  for (const o of observations) checker.add(o);
  return { observations: checker.finish(), issues };
}

/**
 * `checkSeries` one observation at a time, as a file is read: a repeat is dropped as it comes, so
 * a file of many repeated rows holds only the observations kept. Issues go to `issues`.
 */
export function seriesChecker(
  plan: Pick<Plan, 'measures'>,
  issues: { push(issue: DataIssue): unknown },
  options: SeriesCheckOptions = {},
): { add(o: Observation): void; finish(): Observation[] } {
  const vintages = options.vintages ?? 'later-wins';
  const kept: Observation[] = [];
  // Series by measure, area and period type; each knows where its periods are in `kept`.
  // Nested maps, not a joined string key: no string is built per observation.
  const series = new Map<string, Map<string, Map<string, SeriesIndex>>>();
  const order: SeriesIndex[] = []; // in the order each series is first seen
  const seriesOf = (o: Observation): SeriesIndex => {
    let byArea = series.get(o.measure);
    if (!byArea) series.set(o.measure, (byArea = new Map()));
    let byType = byArea.get(o.area);
    if (!byType) byArea.set(o.area, (byType = new Map()));
    let index = byType.get(o.period.type);
    if (!index) {
      byType.set(o.period.type, (index = { at: new Map(), kept: [] }));
      order.push(index);
    }
    return index;
  };
  const add = (o: Observation): void => {
    const index = seriesOf(o);
    const at = index.at.get(o.period.ordinal);
    if (at === undefined) {
      index.at.set(o.period.ordinal, kept.length);
      index.kept.push(kept.length);
      kept.push(o);
      return;
    }
    const first = kept[at]!;
    const what = `measure "${o.measure}" for ${o.area} at ${o.period.label}`;
    if (sameFigures(first, o)) {
      issues.push(
        warning(
          'DUPLICATE_ROW',
          o.source.file,
          o.source.line,
          `${what} is given twice, on ${where(first, o)} and line ${o.source.line}, with the same figures; the repeat is ignored, so delete one of the rows in a file of your own (leave a published file as it is: acknowledge DUPLICATE_ROW for it in the configuration)`,
        ),
      );
    } else if (first.source.file !== o.source.file && vintages === 'later-wins') {
      kept[at] = o;
      issues.push(
        warning(
          'REVISED_VALUE',
          o.source.file,
          o.source.line,
          `${what} is ${showValue(first)} on ${where(first, o)} but ${showValue(o)} here (line ${o.source.line}); the value read later, ${showValue(o)}, is used as the later vintage; list the sources oldest first, or remove the one you do not want`,
        ),
      );
    } else {
      issues.push(
        error(
          'CONFLICTING_ROW',
          o.source.file,
          o.source.line,
          `${what} is ${showValue(first)} on ${where(first, o)} but ${showValue(o)} on line ${o.source.line}; keep one row and delete the other (only the first is used)`,
        ),
      );
    }
  };
  const finish = (): Observation[] => {
    const frequency = new Map<string, Frequency>(plan.measures.map((m) => [m.id, m.frequency]));
    for (const index of order) {
      const list = index.kept.map((i) => kept[i]!);
      checkGaps(list, frequency.get(list[0]!.measure) ?? 'annual', issues, options.gapsWithinAFile ?? true);
    }
    return kept;
  };
  return { add, finish };
}

/** Where one series' periods are: by ordinal, the index in the kept observations; and those indices in reading order. */
interface SeriesIndex {
  at: Map<number, number>;
  kept: number[];
}

/** SERIES_GAP warnings for the periods missing inside one series (its observations in any order). */
function checkGaps(list: readonly Observation[], freq: Frequency, issues: { push(issue: DataIssue): unknown }, withinAFile: boolean): void {
  const inOrder = list.every((o, i) => i === 0 || list[i - 1]!.period.ordinal < o.period.ordinal);
  const sorted = inOrder ? list : [...list].sort((a, b) => a.period.ordinal - b.period.ordinal);
  for (let i = 1; i < sorted.length; i++) {
    const prev = sorted[i - 1]!;
    const cur = sorted[i]!;
    // Ordinals of every type but snapshot dates step by one per period: no gap, nothing to build.
    if (cur.period.type !== 'date' && cur.period.ordinal === prev.period.ordinal + 1) continue;
    if (!withinAFile && prev.source.file === cur.source.file) continue;
    const missingPeriods: string[] = [];
    let expected = nextPeriod(prev.period, freq);
    let guard = 0;
    while (expected.ordinal < cur.period.ordinal && guard++ < 10_000) {
      missingPeriods.push(expected.label);
      expected = nextPeriod(expected, freq);
    }
    if (missingPeriods.length === 0) continue;
    const shown =
      missingPeriods.length <= 5
        ? listAnd(missingPeriods)
        : `${missingPeriods.slice(0, 3).join(', ')} … ${missingPeriods[missingPeriods.length - 1]} (${missingPeriods.length} periods)`;
    issues.push(
      warning(
        'SERIES_GAP',
        cur.source.file,
        cur.source.line,
        `measure "${cur.measure}" for ${cur.area} has no value for ${shown} between ${prev.period.label} (${where(prev, cur)}) and ${cur.period.label} (line ${cur.source.line}); add the missing ${missingPeriods.length === 1 ? 'row' : 'rows'}, with a marker such as x if the figure is not available, to a file of your own (leave a published file as it is: acknowledge SERIES_GAP for it in the configuration)`,
      ),
    );
  }
}
