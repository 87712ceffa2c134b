/**
 * SOURCE MAPPINGS: reading published files (DfE, ONS, Fingertips …) exactly as they were
 * downloaded, so nobody reshapes a spreadsheet by hand. Each entry of the configuration's
 * `sources:` list says which measure a file carries and where in the file each piece is.
 *
 * ```yaml
 * sources:
 *   - file: dfe-cla-sfr36-2013.csv        # relative to the configuration file; absolute and ~/ work too
 *     measure: looked-after               # or measureColumn: (+ measureMap:)
 *     period: 2013-03-31                  # a fixed period, when the file has no time column
 *     columns:
 *       area: [New_geog_code, geog_n]     # first non-empty of these; names, codes or aliases
 *       value: CLA_Mar2013
 * ```
 *
 * Everything the mapping can say (see `SourceSpec` for the normalised form):
 * - `file` (required); `title` / `description` (free text, ignored);
 * - `measure: <id>`, or `measureColumn: <column>` with optional `measureMap: {<file value>: <id>}`
 *   (rows whose value is not in the map are skipped);
 * - `columns:` `area` (a column or a list: the first non-empty cell is used), `period`, `value`,
 *   and optionally `numerator`, `denominator`, `lower`, `upper`, `status`, `note`. A column is
 *   a header name (surrounding spaces and case ignored) or a 1-based column number. `value` may
 *   instead be computed: `{numerator: <col>, denominator: <col>, multiplier: 100}` gives
 *   numerator ÷ denominator × multiplier, and records both;
 * - `period: <period>`: a fixed period for files with no time column;
 * - `periodFormat:` `yyyyyy` | `year-ending-march` | `academic-start` | `academic-end` |
 *   `financial-start` | `financial-end` (see `PeriodFormat`);
 * - `headerRow: <n>`: the row (record) holding the column names, for spreadsheets saved as CSV
 *   with a title block above the table (default 1). Rows above it are ignored;
 * - `filter: {<column>: <value or list of values>}`: rows not matching every filter are skipped
 *   (values compared ignoring case and surrounding spaces; a column by number is `"#3"`); a filter
 *   that matches no row at all is a FILTER_NO_ROWS warning naming the values the column has;
 * - `areas: {<file value>: <plan area name>}`: the file's own spellings or codes for plan areas.
 *   Rows for areas not in the plan (other local authorities) are skipped, not errors, unless
 *   `unknownAreas: error`;
 * - `wide:` for files with one column (or block of columns) per period:
 *   `wide: {pattern: "^Overall_ab_(\\d{4})$"}` (every header matching it; capture group 1, or the
 *   whole match, is the period as written) or `wide: {periods: {"<header or key>": "<period>"}}`.
 *   In wide mappings a column may be a template with `{period}` (`Poss_sess_{period}`), or
 *   `{offset: n}`: n columns to the right of the header that matched (spreadsheets whose year
 *   heads a block of columns);
 * - `markers: {<token>: <marker>}`: the file's own missing-value tokens (`NA: x`, `".": z`);
 * - `emptyAs: <marker>`: how an empty value cell is read (default `x`, with a warning);
 * - `periodStatus: {<period>: [flags]}`: status flags for some periods (e.g. `b`, a break in
 *   series where the methodology changed);
 * - `note: <text>`: a note attached to every observation (e.g. a definition caveat).
 *
 * `parseSourceSpecs` validates every entry and returns all problems at once; `ingestSource` (bytes
 * in memory) and `ingestSourceStream` (a byte stream, a chunk at a time) read one file through its
 * mapping with the same checks as the native format (`checks.ts`), sharing one record handler.
 */
import { dirname } from 'node:path';
import { resolveUserPath } from './paths.js';
import type { Readable } from 'node:stream';
import type { Area, Measure, Plan } from '../plan/types.js';
import type { DataIssue, MissingMarker, Period, StatusFlag } from './types.js';
import { areaMatcher, areaKey } from './areas.js';
import { buildObservation, seriesChecker, readPeriodCell, type Cell, type RowInput } from './checks.js';
import { isBlankRecord, readCsvBytes, readCsvStream, type ByteSource, type CsvReadIssues, type CsvRecord } from './csv.js';
import type { IngestOptions, IngestResult } from './ingest.js';
import { measureLookup, unknownAreaMessage } from './ingest.js';
import { error, listOr, nearest, quote, IssueList, warning } from './issues.js';
import { formatAppliesTo, parsePeriod, PERIOD_FORMATS, type PeriodFormat } from './period.js';
import { MISSING_MARKERS, STATUS_FLAGS } from './value.js';
import { expandPreset, findPreset, formatFromTimeIdentifier, PRESET_NAMES } from './presets.js';

/** A column: its header name (matched ignoring surrounding spaces and case) or its 1-based number. */
export type ColumnRef = string | number;

/**
 * A column in a wide mapping: as `ColumnRef`, where a name may contain `{period}` (replaced by
 * the period as written in the header), or an offset from the header that matched.
 */
export type WideColumnRef = ColumnRef | { offset: number };

/** A value computed from two columns: numerator ÷ denominator × multiplier. */
export interface ComputedValue {
  numerator: WideColumnRef;
  denominator: WideColumnRef;
  multiplier: number;
}

/** One validated entry of `sources:`. */
export interface SourceSpec {
  /** Position in the `sources:` list (0-based), for messages: `sources[3]`. */
  index: number;
  /** The file as written in the configuration. */
  file: string;
  /** The file resolved against the configuration file's folder. */
  path: string;
  title?: string;
  measure?: string;
  measureColumn?: ColumnRef;
  measureMap?: Record<string, string>;
  columns: {
    area: ColumnRef[];
    period?: ColumnRef;
    value: WideColumnRef | ComputedValue;
    numerator?: WideColumnRef;
    denominator?: WideColumnRef;
    lower?: WideColumnRef;
    upper?: WideColumnRef;
    status?: WideColumnRef;
    note?: ColumnRef;
  };
  period?: string;
  periodFormat?: PeriodFormat;
  /** 1-based row (record) of the header. */
  headerRow: number;
  filter: { column: ColumnRef; values: string[] }[];
  areas: Record<string, string>;
  wide?: { pattern?: string; periods?: Record<string, string> };
  markers: Record<string, MissingMarker>;
  emptyAs: MissingMarker;
  periodStatus: Record<string, StatusFlag[]>;
  note?: string;
  unknownAreas: 'skip' | 'error';
}

const KEYS = [
  'preset',
  'file',
  'title',
  'description',
  'measure',
  'measureColumn',
  'measureMap',
  'columns',
  'period',
  'periodFormat',
  'headerRow',
  'filter',
  'areas',
  'wide',
  'markers',
  'emptyAs',
  'periodStatus',
  'note',
  'unknownAreas',
] as const;
const COLUMN_KEYS = ['area', 'period', 'value', 'numerator', 'denominator', 'lower', 'upper', 'status', 'note'] as const;

/** A short description of a YAML value for "expected X, got Y". */
function describe(value: unknown): string {
  if (value === null || value === undefined) return 'nothing';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  if (typeof value === 'string') return quote(value);
  return String(value);
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** A scalar YAML value as text (`2008` → "2008"), or undefined. */
function scalarText(v: unknown): string | undefined {
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  return undefined;
}

/**
 * Validates the configuration's `sources:` list (already parsed from YAML) and normalises each
 * entry. Every problem is returned, each naming the entry and field (`sources[2].columns.value:
 * expected …, got …`). With the plan, measure ids, area names and period formats are checked too.
 */
export function parseSourceSpecs(raw: unknown, configFile: string, plan?: Pick<Plan, 'measures' | 'areas'>): { specs: SourceSpec[]; problems: string[] } {
  const problems: string[] = [];
  const specs: SourceSpec[] = [];
  if (raw === undefined || raw === null) return { specs, problems };
  if (!Array.isArray(raw)) return { specs, problems: [`sources: expected a list of source mappings, got ${describe(raw)}`] };
  const dir = dirname(configFile);
  const measures = plan ? measureLookup(plan) : undefined;
  const planAreas = plan ? areaMatcher(plan.areas) : undefined;

  raw.forEach((written, index) => {
    const at = `sources[${index}]`;
    const before = problems.length;
    const problem = (field: string, text: string) => problems.push(`${at}${field ? `.${field}` : ''}: ${text}`);
    if (!isRecord(written)) {
      problem('', `expected a mapping with file:, measure: and columns:, or preset: and file:, got ${describe(written)}`);
      return;
    }
    let entry = written;
    if (written['preset'] !== undefined) {
      const name = written['preset'];
      const preset = typeof name === 'string' ? findPreset(name) : undefined;
      if (!preset) {
        const near = typeof name === 'string' ? nearest(name, PRESET_NAMES) : undefined;
        problem('preset', `no preset ${describe(name)}${near ? `; did you mean ${near}?` : ''} (presets: ${PRESET_NAMES.join(', ')})`);
        return;
      }
      entry = expandPreset(preset, written);
    }
    for (const key of Object.keys(entry)) {
      if (!(KEYS as readonly string[]).includes(key)) {
        const near = nearest(key, KEYS);
        problem(key, `unknown field${near ? `; did you mean ${near}?` : ''} (allowed: ${KEYS.join(', ')})`);
      }
    }

    const wideRaw = entry['wide'];
    const isWide = wideRaw !== undefined;

    const columnRef = (field: string, v: unknown, wide: boolean): WideColumnRef | undefined => {
      if (typeof v === 'string' && v.trim() !== '') {
        if (!wide && v.includes('{period}')) {
          problem(field, `"{period}" in a column name needs wide: (the file has one column per period)`);
          return undefined;
        }
        return v;
      }
      if (typeof v === 'number' && Number.isInteger(v) && v >= 1) return v;
      if (wide && isRecord(v) && Object.keys(v).length === 1 && typeof v['offset'] === 'number' && Number.isInteger(v['offset'])) {
        return { offset: v['offset'] };
      }
      problem(
        field,
        `expected a column header name or a column number (1 is the first column)${wide ? ', or {offset: n} from the period header' : ''}, got ${describe(v)}`,
      );
      return undefined;
    };
    const plainRef = (field: string, v: unknown): ColumnRef | undefined => {
      const r = columnRef(field, v, false);
      return typeof r === 'object' ? undefined : r;
    };

    // file
    const file = entry['file'];
    let path: string | undefined;
    if (typeof file !== 'string' || file.trim() === '') problem('file', `expected the path of a CSV file, got ${describe(file)}`);
    else {
      const resolved = resolveUserPath(file, dir);
      if (resolved.ok) path = resolved.path;
      else problem('file', resolved.reason);
    }

    // measure
    let measure: string | undefined;
    let measureColumn: ColumnRef | undefined;
    let measureMap: Record<string, string> | undefined;
    const checkMeasureId = (field: string, id: string) => {
      if (measures && !measures.find(id)) {
        const near = nearest(id, plan!.measures.map((m) => m.id));
        problem(field, `the plan has no measure ${quote(id)}${near ? `; did you mean ${near}?` : ''}`);
      }
    };
    if (entry['measure'] !== undefined && entry['measureColumn'] !== undefined) {
      problem('measure', 'give measure: or measureColumn:, not both');
    } else if (entry['measure'] !== undefined) {
      if (typeof entry['measure'] !== 'string' || entry['measure'].trim() === '') problem('measure', `expected a measure id, got ${describe(entry['measure'])}`);
      else {
        measure = entry['measure'].trim();
        checkMeasureId('measure', measure);
      }
    } else if (entry['measureColumn'] !== undefined) {
      measureColumn = plainRef('measureColumn', entry['measureColumn']);
    } else {
      problem('measure', 'expected measure: <measure id>, or measureColumn: <column holding measure ids>');
    }
    if (entry['measureMap'] !== undefined) {
      if (entry['measureColumn'] === undefined) problem('measureMap', 'measureMap needs measureColumn:');
      if (!isRecord(entry['measureMap'])) problem('measureMap', `expected a mapping from the file's values to measure ids, got ${describe(entry['measureMap'])}`);
      else {
        measureMap = {};
        for (const [k, v] of Object.entries(entry['measureMap'])) {
          if (typeof v !== 'string') problem(`measureMap.${k}`, `expected a measure id, got ${describe(v)}`);
          else {
            measureMap[k] = v.trim();
            checkMeasureId(`measureMap.${k}`, v.trim());
          }
        }
      }
    }

    // columns
    const colsRaw = entry['columns'];
    let columns: SourceSpec['columns'] | undefined;
    if (!isRecord(colsRaw)) {
      problem('columns', `expected a mapping with area: and value: (and period: unless the file has a fixed period or is wide), got ${describe(colsRaw)}`);
    } else {
      for (const key of Object.keys(colsRaw)) {
        if (!(COLUMN_KEYS as readonly string[]).includes(key)) problem(`columns.${key}`, `unknown column role (allowed: ${COLUMN_KEYS.join(', ')})`);
      }
      const area: ColumnRef[] = [];
      const areaRaw = colsRaw['area'];
      if (areaRaw === undefined) problem('columns.area', 'expected the column (or list of columns) holding the area name or code');
      else if (Array.isArray(areaRaw)) {
        if (areaRaw.length === 0) problem('columns.area', 'expected at least one column');
        areaRaw.forEach((v, i) => {
          const r = plainRef(`columns.area[${i}]`, v);
          if (r !== undefined) area.push(r);
        });
      } else {
        const r = plainRef('columns.area', areaRaw);
        if (r !== undefined) area.push(r);
      }

      let value: WideColumnRef | ComputedValue | undefined;
      const valueRaw = colsRaw['value'];
      if (valueRaw === undefined) problem('columns.value', 'expected the value column, or {numerator: <column>, denominator: <column>, multiplier: 100}');
      else if (isRecord(valueRaw) && !('offset' in valueRaw)) {
        for (const key of Object.keys(valueRaw)) {
          if (!['numerator', 'denominator', 'multiplier'].includes(key)) problem(`columns.value.${key}`, 'unknown field (allowed: numerator, denominator, multiplier)');
        }
        const n = columnRef('columns.value.numerator', valueRaw['numerator'], isWide);
        const d = columnRef('columns.value.denominator', valueRaw['denominator'], isWide);
        const mRaw = valueRaw['multiplier'] ?? 1;
        if (typeof mRaw !== 'number' || !Number.isFinite(mRaw) || mRaw <= 0) problem('columns.value.multiplier', `expected a number above 0 such as 100, got ${describe(mRaw)}`);
        if (n !== undefined && d !== undefined && typeof mRaw === 'number') value = { numerator: n, denominator: d, multiplier: mRaw };
      } else value = columnRef('columns.value', valueRaw, isWide);

      if (area.length > 0 && value !== undefined) {
        columns = { area, value };
        if (colsRaw['period'] !== undefined) {
          const r = plainRef('columns.period', colsRaw['period']);
          if (r !== undefined) columns.period = r;
        }
        for (const key of ['numerator', 'denominator', 'lower', 'upper', 'status'] as const) {
          if (colsRaw[key] === undefined) continue;
          if (key === 'numerator' || key === 'denominator') {
            if (typeof value === 'object' && 'numerator' in value) {
              problem(`columns.${key}`, `the value is computed from numerator and denominator already; remove columns.${key}`);
              continue;
            }
          }
          const r = columnRef(`columns.${key}`, colsRaw[key], isWide);
          if (r !== undefined) columns[key] = r;
        }
        if (colsRaw['note'] !== undefined) {
          const r = plainRef('columns.note', colsRaw['note']);
          if (r !== undefined) columns.note = r;
        }
      }
    }

    // periods
    let period: string | undefined;
    if (entry['period'] !== undefined) {
      period = scalarText(entry['period']);
      if (period === undefined) problem('period', `expected a period such as 2013-03-31 or 2012/13, got ${describe(entry['period'])}`);
    }
    let periodFormat: PeriodFormat | undefined;
    if (entry['periodFormat'] !== undefined) {
      if (!(PERIOD_FORMATS as readonly unknown[]).includes(entry['periodFormat'])) {
        problem('periodFormat', `expected ${listOr([...PERIOD_FORMATS])}, got ${describe(entry['periodFormat'])}`);
      } else periodFormat = entry['periodFormat'] as PeriodFormat;
    }
    let wide: SourceSpec['wide'];
    if (isWide) {
      if (!isRecord(wideRaw)) problem('wide', `expected {pattern: <regular expression>} or {periods: {<header>: <period>}}, got ${describe(wideRaw)}`);
      else {
        for (const key of Object.keys(wideRaw)) {
          if (key !== 'pattern' && key !== 'periods') problem(`wide.${key}`, 'unknown field (allowed: pattern, periods)');
        }
        if ((wideRaw['pattern'] === undefined) === (wideRaw['periods'] === undefined)) {
          problem('wide', 'give one of pattern: (a regular expression matching the period headers) or periods: (header → period)');
        } else if (wideRaw['pattern'] !== undefined) {
          const p = wideRaw['pattern'];
          if (typeof p !== 'string' || p === '') problem('wide.pattern', `expected a regular expression, got ${describe(p)}`);
          else {
            try {
              new RegExp(p);
              wide = { pattern: p };
            } catch (e) {
              problem('wide.pattern', `not a valid regular expression (${(e as Error).message})`);
            }
          }
        } else {
          const p = wideRaw['periods'];
          if (!isRecord(p) || Object.keys(p).length === 0) problem('wide.periods', `expected a mapping from headers to periods, got ${describe(p)}`);
          else {
            const periods: Record<string, string> = {};
            for (const [k, v] of Object.entries(p)) {
              const t = scalarText(v);
              if (t === undefined) problem(`wide.periods.${k}`, `expected a period, got ${describe(v)}`);
              else periods[k] = t;
            }
            wide = { periods };
          }
        }
      }
      if (entry['period'] !== undefined) problem('period', 'a wide file takes its periods from its headers; remove period:');
      if (isRecord(colsRaw) && colsRaw['period'] !== undefined) problem('columns.period', 'a wide file takes its periods from its headers; remove columns.period');
    } else if (entry['period'] === undefined && isRecord(colsRaw) && colsRaw['period'] === undefined) {
      problem('columns.period', 'expected the period column; or give period: for a file that is all one period, or wide: for one column per period');
    } else if (entry['period'] !== undefined && isRecord(colsRaw) && colsRaw['period'] !== undefined) {
      problem('period', 'give period: (a fixed period) or columns.period, not both');
    }

    // header row
    let headerRow = 1;
    if (entry['headerRow'] !== undefined) {
      const h = entry['headerRow'];
      if (typeof h !== 'number' || !Number.isInteger(h) || h < 1) problem('headerRow', `expected a row number (1 is the first row), got ${describe(h)}`);
      else headerRow = h;
    }

    // filter
    const filter: SourceSpec['filter'] = [];
    if (entry['filter'] !== undefined) {
      if (!isRecord(entry['filter'])) problem('filter', `expected a mapping from column to the value (or list of values) to keep, got ${describe(entry['filter'])}`);
      else {
        for (const [col, v] of Object.entries(entry['filter'])) {
          const list = Array.isArray(v) ? v : [v];
          const values = list.map(scalarText);
          if (list.length === 0 || values.some((x) => x === undefined)) problem(`filter.${col}`, `expected a value or a list of values, got ${describe(v)}`);
          else if (/^#\d+$/.test(col) && Number(col.slice(1)) < 1) problem(`filter.${col}`, 'expected a column number from #1 up');
          else filter.push({ column: /^#\d+$/.test(col) ? Number(col.slice(1)) : col, values: values as string[] });
        }
      }
    }

    // areas
    const areas: Record<string, string> = {};
    if (entry['areas'] !== undefined) {
      if (!isRecord(entry['areas'])) problem('areas', `expected a mapping from the file's area names or codes to plan area names, got ${describe(entry['areas'])}`);
      else {
        for (const [k, v] of Object.entries(entry['areas'])) {
          if (typeof v !== 'string') problem(`areas.${k}`, `expected a plan area name, got ${describe(v)}`);
          else if (planAreas && planAreas.match(v) === undefined) {
            const near = nearest(v, planAreas.names);
            problem(`areas.${k}`, `the plan has no area ${quote(v)}${near ? `; did you mean "${near}"?` : ''}`);
          } else areas[k] = v;
        }
      }
    }

    // markers
    const markers: Record<string, MissingMarker> = {};
    if (entry['markers'] !== undefined) {
      if (!isRecord(entry['markers'])) problem('markers', `expected a mapping from the file's tokens to markers (e.g. NA: x), got ${describe(entry['markers'])}`);
      else {
        for (const [k, v] of Object.entries(entry['markers'])) {
          if (!(MISSING_MARKERS as readonly unknown[]).includes(v)) problem(`markers.${k}`, `expected a marker (${MISSING_MARKERS.join(', ')}), got ${describe(v)}`);
          else markers[k] = v as MissingMarker;
        }
      }
    }
    let emptyAs: MissingMarker = 'x';
    if (entry['emptyAs'] !== undefined) {
      if (!(MISSING_MARKERS as readonly unknown[]).includes(entry['emptyAs'])) problem('emptyAs', `expected a marker (${MISSING_MARKERS.join(', ')}), got ${describe(entry['emptyAs'])}`);
      else emptyAs = entry['emptyAs'] as MissingMarker;
    }

    // periodStatus
    const periodStatus: Record<string, StatusFlag[]> = {};
    if (entry['periodStatus'] !== undefined) {
      if (!isRecord(entry['periodStatus'])) problem('periodStatus', `expected a mapping from periods to lists of flags, got ${describe(entry['periodStatus'])}`);
      else {
        for (const [k, v] of Object.entries(entry['periodStatus'])) {
          const list = Array.isArray(v) ? v : [v];
          if (list.some((f) => !(STATUS_FLAGS as readonly unknown[]).includes(f))) {
            problem(`periodStatus.${k}`, `expected flags from ${STATUS_FLAGS.join(', ')}, got ${describe(v)}`);
          } else periodStatus[k] = list as StatusFlag[];
        }
      }
    }

    let note: string | undefined;
    if (entry['note'] !== undefined) {
      if (typeof entry['note'] !== 'string') problem('note', `expected text, got ${describe(entry['note'])}`);
      else note = entry['note'];
    }
    let title: string | undefined;
    if (entry['title'] !== undefined) {
      if (typeof entry['title'] !== 'string') problem('title', `expected text, got ${describe(entry['title'])}`);
      else title = entry['title'];
    }
    let unknownAreas: 'skip' | 'error' = 'skip';
    if (entry['unknownAreas'] !== undefined) {
      if (entry['unknownAreas'] !== 'skip' && entry['unknownAreas'] !== 'error') problem('unknownAreas', `expected skip or error, got ${describe(entry['unknownAreas'])}`);
      else unknownAreas = entry['unknownAreas'];
    }

    // With the plan: periods and formats must suit the measure(s).
    if (measures) {
      const ids = measure ? [measure] : measureMap ? Object.values(measureMap) : [];
      for (const id of ids) {
        const m = measures.find(id);
        if (!m) continue;
        if (periodFormat && !formatAppliesTo(periodFormat).includes(m.periodType)) {
          problem('periodFormat', `${periodFormat} applies to ${formatAppliesTo(periodFormat).join(' or ')} measures, but "${m.id}" is reported by ${m.periodType}`);
        }
        if (period !== undefined) {
          const r = parsePeriod(period, m.periodType, periodFormat);
          if (!r.ok) problem('period', `${r.reason} (measure "${m.id}"); ${r.fix}`);
        }
        if (wide?.periods) {
          for (const [k, v] of Object.entries(wide.periods)) {
            const r = parsePeriod(v, m.periodType, periodFormat);
            if (!r.ok) problem(`wide.periods.${k}`, `${r.reason} (measure "${m.id}"); ${r.fix}`);
          }
        }
        for (const k of Object.keys(periodStatus)) {
          const r = parsePeriod(k, m.periodType, periodFormat);
          if (!r.ok) problem(`periodStatus.${k}`, `${r.reason} (measure "${m.id}"); ${r.fix}`);
        }
      }
    }

    if (problems.length > before || typeof file !== 'string' || path === undefined || !columns) return;
    const spec: SourceSpec = {
      index,
      file,
      path,
      columns,
      headerRow,
      filter,
      areas,
      markers,
      emptyAs,
      periodStatus,
      unknownAreas,
    };
    if (title !== undefined) spec.title = title;
    if (measure !== undefined) spec.measure = measure;
    if (measureColumn !== undefined) spec.measureColumn = measureColumn;
    if (measureMap !== undefined) spec.measureMap = measureMap;
    if (period !== undefined) spec.period = period;
    if (periodFormat !== undefined) spec.periodFormat = periodFormat;
    if (wide !== undefined) spec.wide = wide;
    if (note !== undefined) spec.note = note;
    specs.push(spec);
  });
  return { specs, problems };
}

// ---------------------------------------------------------------------------------------------
// Ingest through a mapping

/** Finds columns in a header row by name (ignoring surrounding spaces, then case) or number. */
class Header {
  readonly names: string[];
  constructor(readonly fields: readonly string[]) {
    this.names = fields.map((f) => f.trim().replace(/\s+/g, ' '));
  }

  /** 0-based index of a column, or a reason it cannot be found. */
  find(ref: ColumnRef): number | { reason: string } {
    if (typeof ref === 'number') {
      return ref <= this.fields.length ? ref - 1 : { reason: `expected at least ${ref} columns, got ${this.fields.length}` };
    }
    const want = ref.trim().replace(/\s+/g, ' ');
    let hits = this.indexesOf((n) => n === want);
    if (hits.length === 0) hits = this.indexesOf((n) => n.toLowerCase() === want.toLowerCase());
    if (hits.length === 1) return hits[0]!;
    if (hits.length > 1) return { reason: `the header has ${hits.length} columns called ${quote(want)} (columns ${hits.map((h) => h + 1).join(', ')}); give the column number instead` };
    const near = nearest(want, this.names.filter((n) => n !== ''));
    return { reason: `expected a column ${quote(want)}, but the header has no such column${near ? `; did you mean ${quote(near)}?` : ''}` };
  }

  private indexesOf(test: (name: string) => boolean): number[] {
    const out: number[] = [];
    this.names.forEach((n, i) => {
      if (test(n)) out.push(i);
    });
    return out;
  }
}

/** Where one observation's cells are in a row: one slot for long files, one per period for wide files. */
interface Slot {
  /** Period text as written (wide), for `{period}` and messages. */
  key?: string;
  /** The period, parsed per measure (cached). */
  periodText?: string;
  /** Header of the matched period column, for messages, and its 0-based index. */
  header?: string;
  anchor?: number;
  value?: number;
  computed?: { numerator: number; denominator: number; multiplier: number };
  numerator?: number;
  denominator?: number;
  lower?: number;
  upper?: number;
  status?: number;
}

/** How many of a filter column's other values are kept, to name them when the filter matches nothing. */
const FILTER_VALUES_KEPT = 50;

/** How many period cells' parses are kept for reuse while reading a file. */
const PERIOD_CACHE_SIZE = 4096;

/** Whether any column of the mapping is given as an offset from a period header. */
function usesOffsets(spec: SourceSpec): boolean {
  const c = spec.columns;
  const refs: (WideColumnRef | undefined)[] = [c.numerator, c.denominator, c.lower, c.upper, c.status];
  if (typeof c.value === 'object' && 'numerator' in c.value) refs.push(c.value.numerator, c.value.denominator);
  else refs.push(c.value);
  return refs.some((r) => typeof r === 'object');
}

const cellText = (record: CsvRecord, index: number | undefined): string => (index === undefined ? '' : (record.fields[index] ?? ''));

/**
 * Reads one published file, held in memory, through its mapping. Nothing is thrown for bad
 * input: problems come back as issues (a column the mapping names but the file lacks is
 * MISSING_COLUMN on the header line), alongside the observations of every good row. Rows
 * filtered out, and rows for areas not in the plan, are skipped without an issue each (a filter
 * that matches no row is one FILTER_NO_ROWS warning).
 */
export function ingestSource(spec: SourceSpec, bytes: Uint8Array, fileName: string, plan: Plan, options: IngestOptions = {}): IngestResult {
  const ingest = sourceIngest(spec, fileName, plan, options);
  return ingest.finish(readCsvBytes(bytes, fileName, ingest.onRecord));
}

/**
 * Reads one published file through its mapping from a byte stream (`fs.createReadStream`, or
 * any iterable of chunks), a chunk at a time: memory grows with the observations kept, not with
 * the file. Gives exactly what `ingestSource` gives for the same bytes. Errors of the stream
 * itself are thrown.
 */
export async function ingestSourceStream(
  spec: SourceSpec,
  source: ByteSource | Readable,
  fileName: string,
  plan: Plan,
  options: IngestOptions = {},
): Promise<IngestResult> {
  const ingest = sourceIngest(spec, fileName, plan, options);
  return ingest.finish(await readCsvStream(source, fileName, ingest.onRecord));
}

/**
 * A mapping's handling of one file's records, shared by `ingestSource` and `ingestSourceStream`:
 * `onRecord` for each record in order (none when the mapping does not fit the plan: the file's
 * bytes are only checked), then `finish` with what the CSV reader found wrong. Only the
 * observations (and issues) are kept between records.
 */
function sourceIngest(
  spec: SourceSpec,
  fileName: string,
  plan: Plan,
  options: IngestOptions,
): { onRecord?: (record: CsvRecord) => void; finish: (read: CsvReadIssues) => IngestResult } {
  const file = fileName;
  const at = `sources[${spec.index}]`;
  const issues = new IssueList();

  const allAreas: Area[] = [...plan.areas, ...(options.extraAreas ?? [])];
  const areas = areaMatcher(allAreas, spec.areas);
  const measures = measureLookup(plan);
  // Repeats are dropped as they come: a file of repeated rows holds only the rows kept.
  const checker = seriesChecker(plan, issues);
  // No markers of the mapping's own: figures take parseValue's quick path for bare numbers.
  const valueOptions = { empty: spec.emptyAs, markers: Object.keys(spec.markers).length > 0 ? spec.markers : undefined };

  // Measure ids the mapping names must be in the plan.
  for (const id of spec.measure ? [spec.measure] : Object.values(spec.measureMap ?? {})) {
    if (!measures.find(id)) issues.push(error('BAD_SOURCE', file, 0, `${at} names the measure ${quote(id)}, which is not in the plan; correct the mapping or add the measure to the plan`));
  }
  for (const [from, to] of Object.entries(spec.areas)) {
    if (areaMatcher(allAreas).match(to) === undefined) {
      issues.push(error('BAD_SOURCE', file, 0, `${at}.areas maps ${quote(from)} to ${quote(to)}, which is not an area of the plan; correct the mapping`));
    }
  }
  if (issues.length > 0) {
    // The file's own problems come first (as they would be found before the mapping is used).
    return { finish: (read) => ({ observations: [], issues: read.fileIssue ? [read.fileIssue] : issues.done() }) };
  }

  let header: Header | undefined;
  let headerLine = 0;
  let stop = false;
  let slots: Slot[] = [];
  let areaIdx: number[] = [];
  let measureIdx: number | undefined;
  let periodIdx: number | undefined;
  /** An EES file's `time_identifier` column, which says how to read its periods (`formatFromTimeIdentifier`). */
  let timeIdIdx: number | undefined;
  let noteIdx: number | undefined;
  let filters: { index: number; values: Set<string>; column: ColumnRef; wanted: string[]; hits: Set<string>; seen: Set<string> }[] = [];
  let rowsRead = 0;
  const periodCache = new Map<string, { period: Period } | { issue: DataIssue }>();
  const cellPeriods = new Map<string, Period>();
  const reportedPeriods = new Set<string>();

  const missingColumn = (role: string, ref: WideColumnRef, reason: string) => {
    issues.push(
      error(
        'MISSING_COLUMN',
        file,
        headerLine,
        `${at}.${role}: ${reason} on line ${headerLine}; correct the source mapping (a column can also be given by number, 1 being the first)`,
        typeof ref === 'object' ? undefined : ref,
      ),
    );
  };

  const onHeader = (record: CsvRecord) => {
    header = new Header(record.fields);
    headerLine = record.line;
    const h = header;
    const need = (role: string, ref: ColumnRef): number | undefined => {
      const r = h.find(ref);
      if (typeof r === 'number') return r;
      missingColumn(role, ref, r.reason);
      return undefined;
    };
    areaIdx = spec.columns.area.map((ref, i) => need(spec.columns.area.length > 1 ? `columns.area[${i}]` : 'columns.area', ref)).filter((i): i is number => i !== undefined);
    if (spec.measureColumn !== undefined) measureIdx = need('measureColumn', spec.measureColumn);
    if (spec.columns.period !== undefined) periodIdx = need('columns.period', spec.columns.period);
    if (periodIdx !== undefined && spec.periodFormat === undefined) {
      const t = h.find('time_identifier');
      if (typeof t === 'number') timeIdIdx = t;
    }
    if (spec.columns.note !== undefined) noteIdx = need('columns.note', spec.columns.note);
    filters = spec.filter.flatMap((f) => {
      const index = need(`filter.${f.column}`, f.column);
      return index === undefined ? [] : [{ index, values: new Set(f.values.map((v) => areaKey(v))), column: f.column, wanted: f.values, hits: new Set<string>(), seen: new Set<string>() }];
    });

    // Slots: where each observation's cells are.
    const resolve = (role: string, ref: WideColumnRef | undefined, anchor: number | undefined, key: string | undefined): number | undefined => {
      if (ref === undefined) return undefined;
      if (typeof ref === 'object') {
        // Beyond the header's last column is allowed (spreadsheets leave trailing cells unwritten): the cells read as empty.
        const i = anchor! + ref.offset;
        if (i < 0) {
          missingColumn(role, ref, `expected a column at offset ${ref.offset} from column ${anchor! + 1} (${quote(h.names[anchor!] ?? '')}), but that is before the first column`);
          return undefined;
        }
        return i;
      }
      const concrete = typeof ref === 'string' && key !== undefined ? ref.replaceAll('{period}', key) : ref;
      return need(role, concrete);
    };
    const slotFor = (anchor: number | undefined, key: string | undefined, periodText: string | undefined): Slot | undefined => {
      const before = issues.length;
      const slot: Slot = {};
      if (key !== undefined) slot.key = key;
      if (periodText !== undefined) slot.periodText = periodText;
      if (anchor !== undefined) {
        slot.header = h.names[anchor];
        slot.anchor = anchor;
      }
      const v = spec.columns.value;
      if (typeof v === 'object' && 'numerator' in v) {
        const n = resolve('columns.value.numerator', v.numerator, anchor, key);
        const d = resolve('columns.value.denominator', v.denominator, anchor, key);
        if (n !== undefined && d !== undefined) slot.computed = { numerator: n, denominator: d, multiplier: v.multiplier };
      } else {
        const i = resolve('columns.value', v, anchor, key);
        if (i !== undefined) slot.value = i;
      }
      for (const role of ['numerator', 'denominator', 'lower', 'upper', 'status'] as const) {
        const i = resolve(`columns.${role}`, spec.columns[role], anchor, key);
        if (i !== undefined) slot[role] = i;
      }
      return issues.length > before ? undefined : slot;
    };

    if (!spec.wide) {
      const s = slotFor(undefined, undefined, undefined);
      slots = s ? [s] : [];
    } else if (spec.wide.pattern !== undefined) {
      const re = new RegExp(spec.wide.pattern);
      h.names.forEach((name, i) => {
        const m = re.exec(name);
        if (!m) return;
        const key = m.groups?.['period'] ?? m[1] ?? m[0];
        const s = slotFor(i, key, key);
        if (s) slots.push(s);
      });
      if (slots.length === 0 && !issues.some((x) => x.code === 'MISSING_COLUMN')) {
        issues.push(
          error('MISSING_COLUMN', file, headerLine, `${at}.wide.pattern: expected headers matching /${spec.wide.pattern}/, but none on line ${headerLine} does; correct the pattern or headerRow`),
        );
      }
    } else {
      for (const [key, periodText] of Object.entries(spec.wide.periods ?? {})) {
        // The header equal to the key anchors offsets; templates need no anchor.
        const r = h.find(key);
        const anchor = typeof r === 'number' ? r : undefined;
        if (typeof r !== 'number' && usesOffsets(spec)) {
          missingColumn(`wide.periods.${key}`, key, r.reason);
          continue;
        }
        const s = slotFor(anchor, key, periodText);
        if (s) slots.push(s);
      }
    }
    if (issues.some((x) => x.code === 'MISSING_COLUMN') || areaIdx.length !== spec.columns.area.length) stop = true;
  };

  const periodFor = (slot: Slot, measure: Measure, record: CsvRecord): { period: Period } | { issue: DataIssue } => {
    if (periodIdx !== undefined) {
      // Rows of one period share its Period object (observations stay small); a cell that cannot
      // be read is reported on its own line each time.
      const text = cellText(record, periodIdx);
      const format = spec.periodFormat ?? (timeIdIdx !== undefined ? formatFromTimeIdentifier(cellText(record, timeIdIdx), measure) : undefined);
      const cacheKey = `${measure.periodType}\u0000${format ?? ''}\u0000${text}`;
      const cached = cellPeriods.get(cacheKey);
      if (cached) return { period: cached };
      const r = readPeriodCell(text, measure, format, file, record.line, periodIdx + 1);
      if ('period' in r) {
        if (cellPeriods.size >= PERIOD_CACHE_SIZE) cellPeriods.clear();
        cellPeriods.set(cacheKey, r.period);
      }
      return r;
    }
    const text = slot.periodText ?? spec.period ?? '';
    const cacheKey = `${measure.id}\u0000${text}`;
    let r = periodCache.get(cacheKey);
    if (!r) {
      // A fixed or header period is checked once, and a problem reported once, at the header line.
      r = readPeriodCell(text, measure, spec.periodFormat, file, headerLine, slot.anchor !== undefined ? slot.anchor + 1 : 'period');
      if ('issue' in r) r.issue.message = `${at}${slot.header !== undefined ? `, header ${quote(slot.header)}` : '.period'}: ${r.issue.message}`;
      periodCache.set(cacheKey, r);
    }
    return r;
  };

  const onRow = (record: CsvRecord) => {
    const { line } = record;
    rowsRead++;
    let keep = true;
    // Every filter is tried on every row, so one that matches nothing can be named.
    for (const f of filters) {
      const text = cellText(record, f.index);
      const key = areaKey(text);
      if (f.values.has(key)) f.hits.add(key);
      else {
        keep = false;
        if (f.seen.size < FILTER_VALUES_KEPT) f.seen.add(text.trim());
      }
    }
    if (!keep) return;
    // Area: the first non-empty of the area columns.
    let areaText = '';
    let areaCol = areaIdx[0]!;
    for (const i of areaIdx) {
      const t = cellText(record, i);
      if (t.trim() !== '') {
        areaText = t;
        areaCol = i;
        break;
      }
    }
    if (areaText.trim() === '') return;
    const area = areas.match(areaText);
    if (area === undefined) {
      if (spec.unknownAreas === 'error') {
        issues.push(error('UNKNOWN_AREA', file, line, unknownAreaMessage(areaText, areas.names, line), areaCol + 1));
      }
      return;
    }
    // Measure.
    let measure: Measure | undefined;
    if (spec.measure) measure = measures.find(spec.measure);
    else {
      const text = cellText(record, measureIdx);
      if (spec.measureMap) {
        const id = Object.entries(spec.measureMap).find(([k]) => areaKey(k) === areaKey(text))?.[1];
        if (id === undefined) return; // not a measure this mapping reads
        measure = measures.find(id);
      } else {
        measure = measures.find(text);
        if (!measure) {
          issues.push(error('UNKNOWN_MEASURE', file, line, measures.unknownMessage(text, line), measureIdx! + 1));
          return;
        }
      }
    }
    if (!measure) return;

    const cell = (i: number | undefined): Cell | undefined => (i === undefined ? undefined : { text: cellText(record, i), column: i + 1 });
    for (const slot of slots) {
      const p = periodFor(slot, measure, record);
      if ('issue' in p) {
        const key = p.issue.line === headerLine && periodIdx === undefined ? `${measure.id}\u0000${slot.periodText ?? spec.period}` : undefined;
        if (key === undefined) issues.push(p.issue);
        else if (!reportedPeriods.has(key)) {
          reportedPeriods.add(key);
          issues.push(p.issue);
        }
        continue;
      }
      const row: RowInput = { file, line, measure, area, period: p.period };
      if (slot.computed) {
        row.computed = {
          numerator: cell(slot.computed.numerator)!,
          denominator: cell(slot.computed.denominator)!,
          multiplier: slot.computed.multiplier,
        };
      } else if (slot.value !== undefined) row.value = cell(slot.value)!;
      const optional = { numerator: slot.numerator, denominator: slot.denominator, lower: slot.lower, upper: slot.upper, status: slot.status };
      for (const [role, index] of Object.entries(optional) as [keyof typeof optional, number | undefined][]) {
        const c = cell(index);
        if (c) row[role] = c;
      }
      const flags = spec.periodStatus[p.period.label];
      if (flags) row.extraStatus = flags;
      const notes = [noteIdx !== undefined ? cellText(record, noteIdx).trim() : '', spec.note?.trim() ?? ''].filter((n) => n !== '');
      if (notes.length > 0) row.note = notes.join('; ');
      const built = buildObservation(row, valueOptions);
      issues.push(...built.issues);
      if (built.observation) checker.add(built.observation);
    }
  };

  let lastRow = 0;
  const onRecord = (record: CsvRecord) => {
    lastRow = record.row;
    if (stop) return;
    if (record.row < spec.headerRow) return;
    if (record.row === spec.headerRow) {
      onHeader(record);
      return;
    }
    if (isBlankRecord(record.fields)) return;
    onRow(record);
  };

  const finish = (read: CsvReadIssues): IngestResult => {
    // A file that is not a UTF-8 text file: nothing read from it counts.
    if (read.fileIssue) return { observations: [], issues: [read.fileIssue] };
    if (read.parseIssue) issues.push(read.parseIssue);
    if (!header && !read.parseIssue) {
      issues.push(error('BAD_SOURCE', file, 0, `${at}.headerRow is ${spec.headerRow}, but the file has only ${lastRow} rows; correct headerRow`));
    }
    for (const f of filters) {
      // A list of values may hold alternatives that differ between files: only a filter that
      // matches nothing at all loses the file.
      if (f.hits.size > 0 || rowsRead === 0) continue;
      const seen = [...f.seen].filter((v) => v !== '').sort();
      issues.push(
        warning(
          'FILTER_NO_ROWS',
          file,
          headerLine,
          `${at}.filter.${f.column}: no row of the file has ${listOr(f.wanted.map((v) => quote(v)))} in this column, so nothing is read from the file${seen.length > 0 ? `; it has ${seen.slice(0, 8).map((v) => quote(v)).join(', ')}${seen.length > 8 ? ', …' : ''}` : ''}; correct the filter in the configuration`,
          typeof f.column === 'string' ? f.column : undefined,
        ),
      );
    }
    const observations = checker.finish();
    return { observations, issues: issues.done() };
  };

  return { onRecord, finish };
}
