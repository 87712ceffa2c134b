/**
 * A NATIONAL-SCALE dataset for the benchmark: every measure of the plan for Leeds, its clusters,
 * England, and all English upper-tier authorities (153, Leeds among them), 2008 to 2015 at each
 * measure's natural frequency (the obsessions' tracker measures weekly or monthly).
 *
 * Leeds, England and the clusters are the bundled dataset's own generator (`generateSeries`, same
 * seed, same figures). Each other authority is an ILLUSTRATIVE placeholder ("Authority 001" …)
 * whose series follow Leeds' shape, scaled by a seeded size (counts, denominators) and shifted by
 * a seeded level (percentages on the logit scale, rates on the log scale), with a slowly
 * wandering AR(1) part per series. Where the generator has no England series (the weekly and
 * monthly tracker measures, local surveys), England is the sum of the authorities (counts) or
 * their pooled numerators over denominators (percentages and rates).
 *
 * `generateNational` is pure: the same plan, seed and options give byte-identical files.
 * `writeNationalDataset` is the thin shell that writes them to a folder.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseDocument, stringify } from 'yaml';
import type { Measure, Plan } from '../plan/types.js';
import { parsePlan } from '../plan/parse-plan.js';
import { DATA_SEED, FIRST_YEAR, LAST_YEAR, generateSeries, seriesCsv, type Cell, type SeriesTable } from '../tools/generate-data.js';
import { logit, ratioScaled, roundScaled, sigmoid } from '../tools/data-gen/numbers.js';
import { Rng } from '../tools/data-gen/random.js';

/** The years a national dataset covers unless asked otherwise: 2008–2015, so benchmark figures stay comparable. */
export const DEFAULT_YEARS = 8;

/** English upper-tier local authorities (county councils, unitaries, metropolitan and London boroughs). */
export const UPPER_TIER_AUTHORITIES = 153;

export interface NationalOptions {
  /** Upper-tier authorities, Leeds included (default 153): Leeds plus `authorities − 1` placeholders. */
  authorities?: number;
  /** The last this many years of 2004–2015 (default 8: 2008–2015, the span the benchmark has always measured). */
  years?: number;
  /** What the configuration's `plan:` says (default `plan.yaml`). */
  planFile?: string;
  /** The configuration's `analysis:` section, written as given (default none). */
  analysis?: Record<string, unknown>;
  /** The configuration's `measures:` section, written as given (default none). */
  measures?: Record<string, unknown>;
}

export interface NationalDataset {
  /** `oba.config.yaml` for the dataset: the plan, `data: [series/]`, the authorities as extra areas. */
  configText: string;
  /** `<measure-id>.csv` → CSV text, in plan order. */
  files: Map<string, string>;
  /** Data rows (header lines not counted), all files. */
  rows: number;
  /** UTF-8 bytes, all files. */
  bytes: number;
  /** The placeholder authorities, in order (Leeds not included). */
  authorities: string[];
  /** Every area with data: Leeds, England, the clusters and the authorities (and any comparator the generator fills). */
  areas: number;
}

/** The placeholder name of the i-th other authority (1-based): "Authority 001". */
export function authorityName(i: number): string {
  return `Authority ${String(i).padStart(3, '0')}`;
}

/** The year a period label falls in, for the `years` window (a split year `2014/15` counts as 2015). */
export function periodYear(label: string): number {
  const split = /^(\d{4})\/\d{2}$/.exec(label);
  return split ? Number(split[1]) + 1 : Number(label.slice(0, 4));
}

interface Profile {
  /** Relative size against Leeds (counts and denominators). */
  size: number;
  /** Level shift shared by every measure (logit or log scale). */
  level: number;
}

function profileOf(seed: number, name: string): Profile {
  const rng = new Rng(seed, `national/${name}/profile`);
  // Leeds is one of the largest authorities; a typical one has about a third of its children.
  const size = Math.min(2, Math.max(0.04, 0.33 * Math.exp(0.65 * rng.normal())));
  return { size, level: 0.2 * rng.normal() };
}

const NOTE = 'illustrative (national benchmark)';

/** The multiplier of a ratio measure's unit (percent 100, rate per N), 1 for counts. */
function multOf(measure: Measure): number {
  return measure.unit.kind === 'percent' ? 100 : measure.unit.kind === 'rate' ? measure.unit.per : 1;
}

/** One authority's series of one measure, shaped on Leeds'. */
function authoritySeries(measure: Measure, leeds: readonly Cell[], name: string, profile: Profile, seed: number): Cell[] {
  const rng = new Rng(seed, `national/${name}/${measure.id}`);
  const dec = measure.decimals;
  const mult = multOf(measure);
  const scale = 10 ** dec;
  const fine = leeds.length > 20; // weekly or monthly: smaller steps, longer memory
  const phi = fine ? 0.95 : 0.7;
  const stepSd = fine ? 0.012 : 0.04;
  const shift = profile.level + 0.12 * rng.normal();
  const size = profile.size * Math.exp(0.08 * rng.normal());
  let wander = 0;
  return leeds.map((cell) => {
    wander = phi * wander + stepSd * rng.normal();
    const base: Cell = { area: name, period: cell.period, value: null, note: NOTE };
    if (cell.status) base.status = cell.status;
    if (cell.value === null) return { ...base, marker: cell.marker ?? 'x', note: cell.note };
    if (measure.unit.kind === 'count') {
      return { ...base, value: Math.max(0, Math.round(cell.value * size * Math.exp(shift + wander))) };
    }
    const x = cell.value / scale; // the shown value, as a number
    if (cell.numerator === undefined || cell.denominator === undefined) {
      const shown = measure.unit.kind === 'percent' ? 100 * sigmoid(logit(clamp(x / 100)) + shift + wander) : x * Math.exp(shift + wander);
      return { ...base, value: roundScaled(shown, dec) };
    }
    const den = Math.max(1, Math.round(cell.denominator * size * (1 + 0.01 * rng.normal())));
    const ratio = cell.numerator / cell.denominator;
    const num =
      measure.unit.kind === 'percent'
        ? Math.min(den, Math.max(0, Math.round(den * sigmoid(logit(clamp(ratio)) + shift + wander))))
        : Math.max(0, Math.round(den * ratio * Math.exp(shift + wander)));
    return { ...base, value: ratioScaled(num, den, mult, dec), numerator: num, denominator: den };
  });
}

function clamp(p: number): number {
  return Math.min(0.999, Math.max(0.001, p));
}

/** England as the total of the authorities: counts summed, ratios pooled. Null where Leeds is. */
function englandFromAuthorities(measure: Measure, leeds: readonly Cell[], all: readonly (readonly Cell[])[], england: string): Cell[] {
  const dec = measure.decimals;
  const mult = multOf(measure);
  return leeds.map((cell, k) => {
    const base: Cell = { area: england, period: cell.period, value: null, note: NOTE };
    if (cell.status) base.status = cell.status;
    if (cell.value === null) return { ...base, marker: cell.marker ?? 'x', note: cell.note };
    const cells = all.map((series) => series[k]!).filter((c) => c.value !== null);
    if (measure.unit.kind === 'count') return { ...base, value: cells.reduce((s, c) => s + c.value!, 0) };
    if (cells.every((c) => c.numerator !== undefined && c.denominator !== undefined)) {
      const num = cells.reduce((s, c) => s + c.numerator!, 0);
      const den = cells.reduce((s, c) => s + c.denominator!, 0);
      return { ...base, value: ratioScaled(num, den, mult, dec), numerator: num, denominator: den };
    }
    return { ...base, value: Math.round(cells.reduce((s, c) => s + c.value!, 0) / cells.length) };
  });
}

/**
 * The national dataset: `plan` must be the plan the configuration points at (its clusters all get
 * data). Pure: no file system, no clock.
 */
export function generateNational(plan: Plan, seed: number = DATA_SEED, options: NationalOptions = {}): NationalDataset {
  const authorities = options.authorities ?? UPPER_TIER_AUTHORITIES;
  const years = options.years ?? DEFAULT_YEARS;
  if (!Number.isInteger(authorities) || authorities < 1) throw new Error(`authorities must be a whole number ≥ 1, got ${authorities}`);
  if (!Number.isInteger(years) || years < 1 || years > LAST_YEAR - FIRST_YEAR + 1) {
    throw new Error(`years must be a whole number from 1 to ${LAST_YEAR - FIRST_YEAR + 1}, got ${years}`);
  }
  const fromYear = LAST_YEAR - years + 1;
  const inWindow = (period: string) => periodYear(period) >= fromYear;
  const city = plan.city;
  const england = plan.areas.find((a) => a.type === 'national')?.name;
  const names = Array.from({ length: authorities - 1 }, (_, i) => authorityName(i + 1));
  const profiles = names.map((name) => profileOf(seed, name));

  const files = new Map<string, string>();
  let rows = 0;
  let bytes = 0;
  const areasWithData = new Set<string>();
  for (const table of generateSeries(plan, seed)) {
    const { measure } = table;
    const own = table.cells.filter((c) => inWindow(c.period));
    const leeds = own.filter((c) => c.area === city);
    const others = names.map((name, i) => authoritySeries(measure, leeds, name, profiles[i]!, seed));
    const cells: Cell[] = [...own];
    if (england && leeds.length > 0 && !own.some((c) => c.area === england)) {
      cells.push(...englandFromAuthorities(measure, leeds, [leeds, ...others], england));
    }
    for (const series of others) cells.push(...series);
    const out: SeriesTable = { measure, periods: table.periods.filter(inWindow), cells };
    const text = seriesCsv(out);
    files.set(`${measure.id}.csv`, text);
    rows += cells.length;
    bytes += Buffer.byteLength(text, 'utf8');
    for (const c of cells) areasWithData.add(c.area);
  }

  const config: Record<string, unknown> = {
    plan: options.planFile ?? 'plan.yaml',
    data: ['series/'],
    areas: names.map((name) => ({ name, type: 'authority' })),
  };
  if (options.analysis) config['analysis'] = options.analysis;
  if (options.measures) config['measures'] = options.measures;
  const configText =
    `# National-scale benchmark dataset: ${authorities} upper-tier authorities (Leeds and ${names.length} illustrative placeholders),\n` +
    `# ${plan.areas.filter((a) => a.type === 'cluster').length} Leeds clusters and England, ${fromYear}–${LAST_YEAR}, seed ${seed}.\n` +
    `# Written by src/bench/national-data.ts; every figure but those of the bundled generator is illustrative.\n` +
    stringify(config, { lineWidth: 0 });
  return { configText, files, rows, bytes, authorities: names, areas: areasWithData.size };
}

/**
 * The plan's text with only its first `keep` clusters (comments and layout kept), for a smaller
 * dataset. Throws when the plan has fewer clusters than asked for.
 */
export function trimPlanClusters(planText: string, keep: number): string {
  const doc = parseDocument(planText);
  const areas = doc.get('areas', true) as { items: unknown[] } | undefined;
  if (!areas || !Array.isArray(areas.items)) throw new Error('the plan has no areas list');
  let seen = 0;
  areas.items = areas.items.filter((item) => {
    const type = (item as { get?: (key: string) => unknown }).get?.('type');
    if (type !== 'cluster') return true;
    seen++;
    return seen <= keep;
  });
  if (seen < keep) throw new Error(`the plan has ${seen} clusters, fewer than the ${keep} asked for`);
  return doc.toString({ lineWidth: 0 });
}

export interface WriteNationalOptions extends Omit<NationalOptions, 'planFile'> {
  /** The plan file to use (absolute path). */
  planFile: string;
  /** Give data to only the plan's first this many clusters (default: all); a trimmed plan is then written beside the data. */
  clusters?: number;
  seed?: number;
}

export interface WrittenDataset extends NationalDataset {
  dir: string;
  configFile: string;
  planFile: string;
  /** The largest data file (by rows), with its rows and bytes. */
  largest: { file: string; rows: number; bytes: number };
}

/** Writes the national dataset to `dir`: `oba.config.yaml`, `series/<measure>.csv` (and `plan.yaml` when trimmed). */
export function writeNationalDataset(dir: string, planText: string, options: WriteNationalOptions): WrittenDataset {
  const full = parsePlan(planText, options.planFile);
  const allClusters = full.areas.filter((a) => a.type === 'cluster').length;
  let planFile = options.planFile;
  let plan = full;
  mkdirSync(join(dir, 'series'), { recursive: true });
  if (options.clusters !== undefined && options.clusters < allClusters) {
    const trimmed = trimPlanClusters(planText, options.clusters);
    planFile = join(dir, 'plan.yaml');
    writeFileSync(planFile, trimmed);
    plan = parsePlan(trimmed, planFile);
  }
  const { clusters: _clusters, seed, ...rest } = options;
  const dataset = generateNational(plan, seed ?? DATA_SEED, { ...rest, planFile });
  const configFile = join(dir, 'oba.config.yaml');
  writeFileSync(configFile, dataset.configText);
  let largest = { file: '', rows: -1, bytes: 0 };
  for (const [name, text] of dataset.files) {
    const file = join(dir, 'series', name);
    writeFileSync(file, text);
    const rows = countLines(text) - 1;
    if (rows > largest.rows) largest = { file, rows, bytes: Buffer.byteLength(text, 'utf8') };
  }
  return { ...dataset, dir, configFile, planFile, largest };
}

function countLines(text: string): number {
  let n = 0;
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) n++;
  return n;
}
