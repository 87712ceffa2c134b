/**
 * `oba.config.yaml`: where the plan and data are, how published files map onto measures, and
 * how baselines, targets and RAG are worked out. Reading the file is apart from normalising it;
 * normalising reports every problem at once.
 *
 * ```yaml
 * plan: plan.yaml              # paths are relative to this file
 * data: [series/]              # native CSV files, or folders of them
 * sources: [...]               # published files mapped onto measures (see README)
 * narratives: narratives/
 * templates: templates/        # your own templates, overriding the bundled ones by name
 * author: Children's Trust Board # who the packs are by, in the HTML and PDF
 * areas: [...]                 # extra areas, as in the plan
 * analysis:                    # defaults for every measure
 *   baselineAt: 2011-04-01     # a date, a year, or a period label
 *   horizon: 2015-03-31
 *   method: auto               # auto (by unit) | linear | loglinear | logit | holt
 *   window: 6                  # history points before the baseline used for the forecast
 *   minHistory: 5              # fewest baseline values for a forecast (4 or more)
 *   control: England           # judge the curve against this area's own course too
 *   level: 0.95
 *   trajectory: linear         # linear | constant-rate
 *   rag: { tolerance: 5%, amberIfImproved: true }
 * measures:                    # per-measure overrides, plus targets
 *   looked-after:
 *     target: { value: 1250, by: 2015-03-31 }
 * ```
 */
import { existsSync, readFileSync, statSync, readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { parseYaml, type Locate, type YamlMemo } from './yaml.js';
import { InputProblems, placeProblems, type Problem } from './problems.js';
import { resolveUserPath } from '../data/paths.js';
import { parseSourceSpecs } from '../data/sources.js';
import { nearest } from '../data/issues.js';
import { describe } from '../plan/parse-plan.js';
import { AREA_TYPES } from '../plan/types.js';
import type { Area, AreaType, Plan } from '../plan/types.js';
import { packageRoot } from '../io/package-root.js';

export type ForecastMethod = 'auto' | 'linear' | 'loglinear' | 'logit' | 'holt';
export const FORECAST_METHODS: readonly ForecastMethod[] = ['auto', 'linear', 'loglinear', 'logit', 'holt'];
/** The least `minHistory` may be: three points give absurd or zero-width intervals. */
export const MIN_HISTORY_FLOOR = 4;
export type TrajectoryShape = 'linear' | 'constant-rate';

/** A target: a value, a change from the baseline value, or a comparator to reach; by a period. */
export type TargetSpec = (
  | { kind: 'value'; value: number }
  | { kind: 'change'; change: number; percent: boolean }
  | { kind: 'match'; area: string }
  | { kind: 'top-quartile' }
) & {
  by?: string;
  /** Whose target it is, e.g. "CYPP 2011-15"; "example" for one that is not anyone's. */
  source?: string;
};

export interface RagOptions {
  /** How far worse than the trajectory still counts as amber. */
  tolerance: { absolute: number } | { percent: number };
  /** Amber, not red, when off trajectory but better than the same period last year. */
  amberIfImproved: boolean;
}

export interface AnalysisOptions {
  baselineAt: string;
  horizon: string;
  method: ForecastMethod;
  window?: number;
  /** Fewest baseline values a forecast with an interval is drawn from (default 5, never below 4). */
  minHistory: number;
  /** An area whose own course the curve is also judged against (difference in differences). */
  control?: string;
  level: number;
  trajectory: TrajectoryShape;
  rag: RagOptions;
}

export interface MeasureOptions extends Partial<AnalysisOptions> {
  target?: TargetSpec;
}

export interface Config {
  /** The config file, or undefined when the bundled defaults apply. */
  file: string | undefined;
  dir: string;
  planFile: string;
  /** Native CSV files, resolved and sorted. */
  dataFiles: string[];
  /** Raw `sources:` entries; normalised by the data layer, which knows their shape. */
  sources: unknown[];
  narrativesDir: string | undefined;
  templatesDir: string | undefined;
  /** Who the packs are by (`author:`), for the HTML and PDF. */
  author?: string;
  extraAreas: Area[];
  analysis: Partial<AnalysisOptions>;
  measures: Record<string, MeasureOptions>;
  /** Warning codes accepted per file (`acknowledge:`): counted, not listed. */
  acknowledge: Acknowledged[];
  /** Where a setting is in the file (`sources[2].columns.value`), for messages found later. */
  locate?: Locate;
}

export interface Acknowledged {
  /** The file, resolved, or `*` for every file. */
  file: string;
  codes: string[];
}

export class ConfigError extends InputProblems {
  constructor(
    readonly file: string,
    /** The messages as found, each starting with the setting it is about. */
    readonly problems: string[],
    located: Problem[] = placeProblems(file, problems),
    /** The plan file named, when it could be read, so its problems can be reported too. */
    readonly planFile?: string,
  ) {
    super(located.map((p) => ({ code: 'CONFIG' as const, ...p })), 'the configuration');
    this.name = 'ConfigError';
  }
}

export const CONFIG_FILE_NAME = 'oba.config.yaml';

/** The bundled configuration: the Leeds plan and dataset in the package's `data/`. */
export function bundledConfigFile(): string {
  return join(packageRoot(), 'data', CONFIG_FILE_NAME);
}

/**
 * Finds the config to use: the one named, else `oba.config.yaml` in the working directory,
 * else the bundled one.
 */
export function findConfigFile(named: string | undefined, cwd: string): string {
  if (named) return resolve(cwd, named);
  const local = join(cwd, CONFIG_FILE_NAME);
  return existsSync(local) ? local : bundledConfigFile();
}

/** Whether a command run in `cwd` without --config falls back to the bundled example. */
export function usesBundledConfig(cwd: string): boolean {
  return !existsSync(join(cwd, CONFIG_FILE_NAME));
}

export function loadConfig(file: string, memo?: YamlMemo): Config {
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch {
    throw new ConfigError(file, [`cannot read the configuration file; check the path given to --config`]);
  }
  return parseConfig(decodeText(bytes, file, 'configuration'), file, memo);
}

/**
 * Text of a YAML file, refusing what is not UTF-8 with a message that says so (a UTF-16 file
 * saved by a Windows editor would otherwise read as garbage).
 */
export function decodeText(bytes: Uint8Array, file: string, what: string): string {
  const utf16 = (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff);
  if (utf16 || bytes.includes(0)) throw new ConfigError(file, [`the ${what} file is ${utf16 ? 'UTF-16' : 'binary, not text'}; save it as UTF-8 text`]);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\uFEFF/, '');
  } catch {
    throw new ConfigError(file, [`the ${what} file is not UTF-8; save it as UTF-8 text`]);
  }
}

const TOP_KEYS = ['plan', 'data', 'sources', 'narratives', 'templates', 'author', 'areas', 'analysis', 'measures', 'acknowledge'];
const ANALYSIS_KEYS = ['baselineAt', 'horizon', 'method', 'window', 'minHistory', 'control', 'level', 'trajectory', 'rag'];

export function parseConfig(text: string, file: string, memo?: YamlMemo): Config {
  const parsed = parseYaml(text, file, memo ? { memo } : {});
  if (!parsed.ok) throw new ConfigError(file, parsed.problems, parsed.located.map((p) => ({ file, ...p })));
  const problems: string[] = [];
  const raw = (parsed.value ?? {}) as Record<string, unknown>;
  const fail = (planFile?: string) => new ConfigError(file, problems, placeProblems(file, problems, parsed.locate), planFile);
  if (typeof raw !== 'object' || Array.isArray(raw)) {
    problems.push(`expected key: value lines at the top level, got ${describe(raw)}`);
    throw fail();
  }
  for (const key of Object.keys(raw)) {
    if (!TOP_KEYS.includes(key)) {
      const near = nearest(key, TOP_KEYS);
      problems.push(`${key}: unknown setting${near ? `; did you mean ${near}?` : ''} (settings are ${TOP_KEYS.join(', ')})`);
    }
  }
  const dir = dirname(file);
  const path = (key: string, kind: 'file' | 'folder'): string | undefined => {
    const value = raw[key];
    if (value === undefined) return undefined;
    if (typeof value !== 'string' || !value.trim()) {
      problems.push(`${key}: expected the path of a ${kind} (relative to this file, absolute, or starting ~/), got ${describe(value)}`);
      return undefined;
    }
    const resolved = resolveUserPath(value, dir);
    if (!resolved.ok) {
      problems.push(`${key}: ${resolved.reason}`);
      return undefined;
    }
    if (kind === 'folder') {
      if (!existsSync(resolved.path)) problems.push(`${key}: the folder "${value.trim()}" does not exist (looked for ${resolved.path}); create it or correct the path`);
      else if (!statSync(resolved.path).isDirectory()) problems.push(`${key}: "${value.trim()}" is a file, not a folder; give the folder that holds the files`);
    }
    return resolved.path;
  };

  const planFile = path('plan', 'file') ?? (raw['plan'] === undefined ? join(packageRoot(), 'data', 'plan.yaml') : undefined);
  const dataFiles = readDataList(raw['data'], dir, problems);
  const sources = raw['sources'] === undefined ? [] : Array.isArray(raw['sources']) ? raw['sources'] : (problems.push(`sources: expected a list, got ${describe(raw['sources'])}`), []);
  const narrativesDir = path('narratives', 'folder');
  const templatesDir = path('templates', 'folder');
  const analysis = readAnalysis(raw['analysis'], 'analysis', problems);
  const measures: Record<string, MeasureOptions> = {};
  const rawMeasures = raw['measures'];
  if (rawMeasures !== undefined) {
    if (rawMeasures === null || typeof rawMeasures !== 'object' || Array.isArray(rawMeasures)) {
      problems.push(`measures: expected measure ids with their settings, got ${describe(rawMeasures)}`);
    } else {
      for (const [id, value] of Object.entries(rawMeasures as Record<string, unknown>)) {
        const options: MeasureOptions = readAnalysis(value, `measures.${id}`, problems, ['target']);
        const target = (value as Record<string, unknown> | null)?.['target'];
        if (target !== undefined) {
          const spec = readTarget(target, `measures.${id}.target`, problems);
          if (spec) options.target = spec;
        }
        measures[id] = options;
      }
    }
  }
  const extraAreas = readAreas(raw['areas'], problems);
  const author = readAuthor(raw['author'], problems);
  const acknowledge = readAcknowledge(raw['acknowledge'], dir, problems);
  if (problems.length > 0) {
    // The mappings' own shape is checked too, so one run shows every problem in the file.
    problems.push(...parseSourceSpecs(sources, file).problems);
    throw fail(planFile);
  }
  return {
    file,
    dir,
    planFile: planFile!,
    dataFiles,
    sources,
    narrativesDir,
    templatesDir,
    ...(author ? { author } : {}),
    extraAreas,
    analysis,
    measures,
    acknowledge,
    locate: parsed.locate,
  };
}

/**
 * `acknowledge:` warning codes a person has read and accepted, per file: `{ <file>: [CODE, …] }`
 * (a file as in `data:` or `sources:`, or `*` for every file). They are counted, not listed.
 */
function readAcknowledge(value: unknown, dir: string, problems: string[]): Acknowledged[] {
  if (value === undefined) return [];
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    problems.push(`acknowledge: expected files with the warning codes accepted for each, such as { "*": [SERIES_GAP] }, got ${describe(value)}`);
    return [];
  }
  const out: Acknowledged[] = [];
  for (const [name, codes] of Object.entries(value as Record<string, unknown>)) {
    const list = typeof codes === 'string' ? [codes] : Array.isArray(codes) ? codes : undefined;
    if (!list || list.some((c) => typeof c !== 'string' || !/^[A-Z][A-Z0-9_]*$/.test(c))) {
      problems.push(`acknowledge.${name}: expected a list of warning codes such as [SERIES_GAP, EMPTY_VALUE], got ${describe(codes)}`);
      continue;
    }
    if (name === '*') out.push({ file: '*', codes: list as string[] });
    else {
      const resolved = resolveUserPath(name, dir);
      if (!resolved.ok) problems.push(`acknowledge.${name}: ${resolved.reason}`);
      else out.push({ file: resolved.path, codes: list as string[] });
    }
  }
  return out;
}

function readAuthor(value: unknown, problems: string[]): string | undefined {
  if (value === undefined) return undefined;
  if (typeof value === 'string' && value.trim()) return value.trim();
  problems.push(`author: expected a name, got ${describe(value)}`);
  return undefined;
}

/** Checks the per-measure settings against the plan: every problem at once. */
export function checkConfigAgainstPlan(config: Config, plan: Plan): string[] {
  const problems: string[] = [];
  const ids = new Set(plan.measures.map((m) => m.id));
  const areaNames = new Set([...plan.areas, ...config.extraAreas].map((a) => a.name.toLowerCase()));
  if (config.analysis.control !== undefined && !areaNames.has(config.analysis.control.toLowerCase())) {
    problems.push(`analysis.control: no area "${config.analysis.control}" in the plan`);
  }
  for (const [id, options] of Object.entries(config.measures)) {
    if (!ids.has(id)) problems.push(`measures.${id}: no measure "${id}" in the plan; run \`oba list\` to see the measure ids`);
    const measure = plan.measures.find((m) => m.id === id);
    if (measure && options.method === 'logit' && measure.unit.kind !== 'percent') {
      problems.push(`measures.${id}.method: logit is for percentages, and ${id} is a ${measure.unit.kind}; use linear or loglinear`);
    }
    if (options.control !== undefined && !areaNames.has(options.control.toLowerCase())) {
      problems.push(`measures.${id}.control: no area "${options.control}" in the plan`);
    }
    if (options.target?.kind === 'match' && !areaNames.has(options.target.area.toLowerCase())) {
      problems.push(`measures.${id}.target.match: no area "${options.target.area}" in the plan`);
    }
  }
  return problems;
}

function readDataList(value: unknown, dir: string, problems: string[]): string[] {
  if (value === undefined) return [];
  const entries = typeof value === 'string' ? [value] : Array.isArray(value) ? value : undefined;
  if (!entries) {
    problems.push(`data: expected a list of CSV files or folders, got ${describe(value)}`);
    return [];
  }
  const files: string[] = [];
  entries.forEach((entry, i) => {
    if (typeof entry !== 'string' || !entry.trim()) {
      problems.push(`data[${i}]: expected a path, got ${describe(entry)}`);
      return;
    }
    const resolved = resolveUserPath(entry, dir);
    if (!resolved.ok) {
      problems.push(`data[${i}]: ${resolved.reason}`);
      return;
    }
    const full = resolved.path;
    if (!existsSync(full)) {
      problems.push(`data[${i}]: "${entry}" does not exist (looked for ${full})`);
      return;
    }
    if (statSync(full).isDirectory()) {
      for (const name of readdirSync(full).filter((n) => n.toLowerCase().endsWith('.csv')).sort()) files.push(join(full, name));
    } else files.push(full);
  });
  return files;
}

function readAnalysis(value: unknown, where: string, problems: string[], extraKeys: string[] = []): Partial<AnalysisOptions> {
  const out: Partial<AnalysisOptions> = {};
  if (value === undefined || value === null) return out;
  if (typeof value !== 'object' || Array.isArray(value)) {
    problems.push(`${where}: expected settings (key: value lines), got ${describe(value)}`);
    return out;
  }
  const raw = value as Record<string, unknown>;
  for (const key of Object.keys(raw)) {
    if (!ANALYSIS_KEYS.includes(key) && !extraKeys.includes(key)) {
      problems.push(`${where}: unknown setting "${key}"; settings are ${[...ANALYSIS_KEYS, ...extraKeys].join(', ')}`);
    }
  }
  const periodRef = (key: 'baselineAt' | 'horizon') => {
    const v = raw[key];
    if (v === undefined) return;
    if (v instanceof Date) out[key] = v.toISOString().slice(0, 10);
    else if ((typeof v === 'string' && v.trim()) || typeof v === 'number') out[key] = String(v).trim();
    else problems.push(`${where}.${key}: expected a date (2011-04-01), a year (2012) or a period label (2011/12), got ${describe(v)}`);
  };
  periodRef('baselineAt');
  periodRef('horizon');
  if (raw['method'] !== undefined) {
    const m = raw['method'];
    if (typeof m === 'string' && (FORECAST_METHODS as readonly string[]).includes(m)) out.method = m as ForecastMethod;
    else problems.push(`${where}.method: expected one of ${FORECAST_METHODS.join(', ')}; got ${describe(m)}`);
  }
  if (raw['window'] !== undefined) {
    const w = raw['window'];
    if (typeof w === 'number' && Number.isInteger(w) && w >= 3 && w <= 1000) out.window = w;
    else problems.push(`${where}.window: expected a whole number of periods from 3 to 1000, got ${describe(w)}`);
  }
  if (raw['minHistory'] !== undefined) {
    const h = raw['minHistory'];
    if (typeof h === 'number' && Number.isInteger(h) && h >= MIN_HISTORY_FLOOR && h <= 1000) out.minHistory = h;
    else problems.push(`${where}.minHistory: expected a whole number of baseline values, ${MIN_HISTORY_FLOOR} or more (fewer give absurd or zero-width intervals), got ${describe(h)}`);
  }
  if (raw['control'] !== undefined) {
    const c = raw['control'];
    if (typeof c === 'string' && c.trim()) out.control = c.trim();
    else problems.push(`${where}.control: expected the name of an area to judge against, such as England, got ${describe(c)}`);
  }
  if (raw['level'] !== undefined) {
    const l = parseLevel(raw['level']);
    if (l !== undefined) out.level = l;
    else problems.push(`${where}.level: expected a level such as 0.95 or 95%, got ${describe(raw['level'])}`);
  }
  if (raw['trajectory'] !== undefined) {
    const t = raw['trajectory'];
    if (t === 'linear' || t === 'constant-rate') out.trajectory = t;
    else problems.push(`${where}.trajectory: expected linear or constant-rate, got ${describe(t)}`);
  }
  if (raw['rag'] !== undefined) {
    const rag = readRag(raw['rag'], `${where}.rag`, problems);
    if (rag) out.rag = rag;
  }
  return out;
}

/**
 * Accepts 0.95, "95%" or 95 (a plain number from 50 up is read as per cent); returns a level
 * strictly between 0 and 1. Anything else (1.5, 0, 100%) is refused rather than guessed.
 */
export function parseLevel(value: unknown): number | undefined {
  let n: number | undefined;
  if (typeof value === 'number') n = value >= 50 ? value / 100 : value < 1 ? value : undefined;
  else if (typeof value === 'string') {
    const m = /^\s*(\d+(?:\.\d+)?)\s*(%?)\s*$/.exec(value);
    if (m) n = m[2] ? Number(m[1]) / 100 : parseLevel(Number(m[1]));
  }
  return n !== undefined && n > 0 && n < 1 ? n : undefined;
}

function readRag(value: unknown, where: string, problems: string[]): RagOptions | undefined {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    problems.push(`${where}: expected { tolerance: 5% } or { tolerance: 2.5, amberIfImproved: true }, got ${describe(value)}`);
    return undefined;
  }
  const raw = value as Record<string, unknown>;
  for (const key of Object.keys(raw)) {
    if (key !== 'tolerance' && key !== 'amberIfImproved') problems.push(`${where}: unknown setting "${key}"; settings are tolerance, amberIfImproved`);
  }
  const tolerance = readTolerance(raw['tolerance'] ?? 0);
  if (!tolerance) problems.push(`${where}.tolerance: expected a number (absolute, in the measure's unit) or a percentage such as 5%, got ${describe(raw['tolerance'])}`);
  const amber = raw['amberIfImproved'] ?? false;
  if (typeof amber !== 'boolean') problems.push(`${where}.amberIfImproved: expected true or false, got ${describe(amber)}`);
  return tolerance && typeof amber === 'boolean' ? { tolerance, amberIfImproved: amber } : undefined;
}

function readTolerance(value: unknown): RagOptions['tolerance'] | undefined {
  if (typeof value === 'number' && Number.isFinite(value) && value >= 0) return { absolute: value };
  if (typeof value === 'string') {
    const m = /^\s*(\d+(?:\.\d+)?)\s*%\s*$/.exec(value);
    if (m) return { percent: Number(m[1]) };
    const n = Number(value);
    if (value.trim() !== '' && Number.isFinite(n) && n >= 0) return { absolute: n };
  }
  return undefined;
}

function readTarget(value: unknown, where: string, problems: string[]): TargetSpec | undefined {
  const usage = 'write { value: 1250, by: 2015 }, { change: -10%, by: 2015 }, { match: England, by: 2014/15 } or { match: top-quartile }, each with source: saying whose target it is';
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    problems.push(`${where}: expected a target; ${usage}`);
    return undefined;
  }
  const raw = value as Record<string, unknown>;
  const kinds = ['value', 'change', 'match'].filter((k) => raw[k] !== undefined);
  for (const key of Object.keys(raw)) {
    if (!['value', 'change', 'match', 'by', 'source'].includes(key)) problems.push(`${where}: unknown setting "${key}"; ${usage}`);
  }
  if (kinds.length !== 1) {
    problems.push(`${where}: give exactly one of value, change or match; ${usage}`);
    return undefined;
  }
  let by: string | undefined;
  if (raw['by'] !== undefined) {
    const b = raw['by'];
    if (b instanceof Date) by = b.toISOString().slice(0, 10);
    else if ((typeof b === 'string' && b.trim()) || typeof b === 'number') by = String(b).trim();
    else problems.push(`${where}.by: expected a date, year or period label, got ${describe(b)}`);
  }
  let source: string | undefined;
  if (raw['source'] !== undefined) {
    if (typeof raw['source'] === 'string' && raw['source'].trim()) source = raw['source'].trim();
    else problems.push(`${where}.source: expected whose target it is, such as "CYPP 2011-15" or example, got ${describe(raw['source'])}`);
  }
  const withBy = <T extends object>(t: T): T & { by?: string; source?: string } => ({ ...t, ...(by ? { by } : {}), ...(source ? { source } : {}) });
  if (raw['value'] !== undefined) {
    const v = raw['value'];
    if (typeof v === 'number' && Number.isFinite(v)) return withBy({ kind: 'value' as const, value: v });
    problems.push(`${where}.value: expected a number, got ${describe(v)}`);
    return undefined;
  }
  if (raw['change'] !== undefined) {
    const c = raw['change'];
    if (typeof c === 'number' && Number.isFinite(c)) return withBy({ kind: 'change' as const, change: c, percent: false });
    const m = typeof c === 'string' ? /^\s*([+-]?\d+(?:\.\d+)?)\s*(%?)\s*$/.exec(c) : null;
    if (m) return withBy({ kind: 'change' as const, change: Number(m[1]), percent: m[2] === '%' });
    problems.push(`${where}.change: expected a change such as -10% or -150, got ${describe(c)}`);
    return undefined;
  }
  const area = raw['match'];
  if (area === 'top-quartile') return withBy({ kind: 'top-quartile' as const });
  if (typeof area === 'string' && area.trim()) return withBy({ kind: 'match' as const, area: area.trim() });
  problems.push(`${where}.match: expected an area name such as England, or top-quartile, got ${describe(area)}`);
  return undefined;
}

function readAreas(value: unknown, problems: string[]): Area[] {
  if (value === undefined) return [];
  if (!Array.isArray(value)) {
    problems.push(`areas: expected a list of areas, got ${describe(value)}`);
    return [];
  }
  const areas: Area[] = [];
  value.forEach((entry, i) => {
    const a = entry as Record<string, unknown> | null;
    const name = typeof a?.['name'] === 'string' ? a['name'].trim() : '';
    const type = a?.['type'];
    if (!name) problems.push(`areas[${i}].name: missing; add it`);
    if (typeof type !== 'string' || !(AREA_TYPES as readonly string[]).includes(type)) {
      problems.push(`areas[${i}].type: expected one of ${AREA_TYPES.join(', ')}; got ${describe(type)}`);
      return;
    }
    const aliases = Array.isArray(a?.['aliases']) ? (a['aliases'] as unknown[]).map(String) : [];
    const area: Area = { name, type: type as AreaType, aliases };
    if (a?.['code'] !== undefined) area.code = String(a['code']);
    if (name) areas.push(area);
  });
  return areas;
}
