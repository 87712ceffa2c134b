/**
 * `npm run bench`: how fast `oba` is, and how much memory it takes, on this machine.
 *
 *     npm run bench                       # the real thing: national-scale data, a few minutes
 *     node dist/src/bench/run.js --help   # options (a smaller dataset, fewer iterations, …)
 *
 * Figures (each against its goal; see bench/README.md):
 * - ingest throughput of oba's native CSV ingest on the largest national file, against plain
 *   csv-parse on the same file (the floor);
 * - ms per chart through oba's chart path (drawn by shape), against a bare vega-lite compile and
 *   vega view of the same charts less the layers they leave empty (the floor), over every chart
 *   of the Leeds board pack, a few cluster sheets and the tracker;
 * - wall time and peak memory of the full Leeds pack (`oba report` + `oba sheet --all-clusters`
 *   + `oba tracker`), cold, and rerun when nothing changed and when one series changed, and of
 *   `oba pack` (the same in one process);
 * - default workers against one thread on a machine made busy by one busy loop per core;
 * - wall time and peak memory of `oba report --all-areas` on the national dataset.
 * Each process figure has its floor, measured in the same run: node starting, node loading vega
 * (time and memory), and the charts it wrote at the bare vega floor.
 *
 * `runBench` does the work and returns the figures; it reads the clock only to time things (the
 * date stamp is passed in). `main` parses the command line, stamps the date, prints the table,
 * writes `bench/results.json` and rewrites the README's performance table from it.
 */
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import * as os from 'node:os';
import { basename, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse as parseCsv } from 'csv-parse/sync';
import * as vega from 'vega';
import * as vl from 'vega-lite';
import type { TopLevelSpec } from 'vega-lite';
import { parse as parseYaml } from 'yaml';
import { bundledConfigFile, loadConfig } from '../config/config.js';
import { parsePlan } from '../plan/parse-plan.js';
import { readDataFile } from '../data/read.js';
import { createShapeRenderer } from '../charts/render.js';
import { loadWorkspace } from '../cli/workspace.js';
import { loadTemplates } from '../cli/assets.js';
import { createRenderer } from '../render/templates.js';
import { buildBoardPack } from '../report/board-pack.js';
import { buildTracker } from '../report/tracker.js';
import { buildClusterSheets } from '../report/cluster-sheets.js';
import { packageRoot } from '../io/package-root.js';
import { runMeasured, type ChildRun } from './measure.js';
import { UPPER_TIER_AUTHORITIES, writeNationalDataset, type WrittenDataset } from './national-data.js';

// ---------------------------------------------------------------------------------------------
// Figures

export interface Goal {
  op: '<=' | '>=';
  value: number;
}

export interface Figure {
  id: string;
  label: string;
  /** The figure, or null when it could not be measured (then `notAvailable` says why). */
  value: number | null;
  unit: string;
  goal?: Goal;
  /** Whether the goal is met; null when there is no goal or no value. */
  met: boolean | null;
  notAvailable?: string;
  /** When the figure could not be finished (a timeout), what it was at least. */
  atLeast?: number;
  /** Extra numbers behind the figure (per command, runs, method). */
  detail?: Record<string, unknown>;
  /** What the same work costs at its floor, measured in the same run, and how it was made up. */
  floor?: { value: number; what: string };
  /** `value ÷ floor.value`: under 1, faster (or smaller) than the floor. */
  ratio?: number;
}

/** Gives a figure its floor and the ratio to it. */
function withFloor(f: Figure, floor: number | undefined, what: string): Figure {
  if (floor === undefined || !Number.isFinite(floor) || floor <= 0) return f;
  f.floor = { value: floor, what };
  if (f.value !== null) f.ratio = f.value / floor;
  return f;
}

export interface Machine {
  cpu: string;
  cores: number;
  totalMemoryMb: number;
  node: string;
  os: string;
  /** 1-minute load average when the run started (other work on the machine skews every figure). */
  loadAverage: number;
}

export interface BenchResult {
  date: string;
  machine: Machine;
  options: Required<Omit<BenchOptions, 'log' | 'date' | 'out' | 'workDir' | 'keep' | 'obaBin'>>;
  dataset: {
    authorities: number;
    clusters: number;
    years: number;
    files: number;
    rows: number;
    bytes: number;
    areas: number;
    largest: { file: string; rows: number; bytes: number };
    generateMs: number;
  };
  /** What the oba under test offers (from its `--help`). */
  cli: { noCache: boolean; allAreas: boolean };
  figures: Figure[];
  notes: string[];
  /** Wall time of the whole bench run, seconds. */
  benchSeconds: number;
}

export interface BenchOptions {
  /** The date stamp written into the results (ISO 8601); the caller reads the clock, not the bench. */
  date: string;
  /** Upper-tier authorities, Leeds included (default 153). */
  authorities?: number;
  /** Leeds clusters given data (default 25: all of the plan's). */
  clusters?: number;
  /** The last this many years of 2004–2015 (default 8: 2008–2015). */
  years?: number;
  seed?: number;
  /** Sets the repeats: `iterations / 20` chart rounds, at least 1 (default 60: three rounds, alternating which path goes first). */
  iterations?: number;
  /** Run the Leeds pack on the bundled data (default) or on the generated dataset (small, for the smoke test). */
  leedsData?: 'bundled' | 'generated';
  /** Time budget for the whole run, seconds (default 240): the national run gets what the rest leaves. */
  budgetSeconds?: number;
  /** Folder for results.json (default: the package's bench/); null writes nothing. */
  out?: string | null;
  /** Scratch folder (default: a new temporary folder, deleted afterwards unless `keep`). */
  workDir?: string;
  keep?: boolean;
  /** The oba executable (default: the package's bin/oba, run with this node). */
  obaBin?: string;
  log?: (line: string) => void;
}

const DEFAULTS = {
  authorities: UPPER_TIER_AUTHORITIES,
  clusters: 25,
  years: 8,
  seed: 20110401,
  iterations: 60,
  leedsData: 'bundled' as const,
  budgetSeconds: 240,
};

function figure(id: string, label: string, value: number | null, unit: string, goal?: Goal, extra: Partial<Figure> = {}): Figure {
  const ok = value !== null && Number.isFinite(value);
  const met = !ok || !goal ? null : goal.op === '<=' ? value! <= goal.value : value! >= goal.value;
  const f: Figure = { id, label, value: ok ? value : null, unit, met, ...extra };
  if (goal) f.goal = goal;
  if (!ok && !f.notAvailable) f.notAvailable = 'not measured';
  return f;
}

function notAvailable(id: string, label: string, unit: string, reason: string, goal?: Goal, detail?: Record<string, unknown>): Figure {
  return figure(id, label, null, unit, goal, { notAvailable: reason, ...(detail ? { detail } : {}) });
}

export function machineInfo(): Machine {
  const cpus = os.cpus();
  return {
    cpu: cpus[0]?.model ?? 'unknown',
    cores: cpus.length,
    totalMemoryMb: Math.round(os.totalmem() / 2 ** 20),
    node: process.version,
    os: `${os.type()} ${os.release()} ${os.arch()}`,
    loadAverage: Math.round(os.loadavg()[0]! * 100) / 100,
  };
}

// ---------------------------------------------------------------------------------------------
// Ingest

async function benchIngest(data: WrittenDataset, runs: number): Promise<Figure[]> {
  const config = loadConfig(data.configFile);
  const plan = parsePlan(readFileSync(config.planFile, 'utf8'), config.planFile);
  const file = data.largest.file;
  const rows = data.largest.rows;
  const obaTimes: number[] = [];
  const floorTimes: number[] = [];
  let errors = 0;
  let observations = 0;
  for (let r = 0; r < runs; r++) {
    // Alternate which goes first, so neither always runs on a warmer cache.
    const order = r % 2 === 0 ? ['floor', 'oba'] : ['oba', 'floor'];
    for (const which of order) {
      if (which === 'floor') {
        const t0 = performance.now();
        const records = parseCsv(await readFile(file), { bom: true }) as string[][];
        floorTimes.push(performance.now() - t0);
        if (records.length - 1 !== rows) throw new Error(`csv-parse read ${records.length - 1} rows of ${file}, expected ${rows}`);
      } else {
        const t0 = performance.now();
        const result = await readDataFile(file, plan, { extraAreas: config.extraAreas });
        obaTimes.push(performance.now() - t0);
        errors = result.issues.filter((i) => i.severity === 'error').length;
        observations = result.observations.length;
      }
    }
  }
  const best = (xs: number[]) => Math.min(...xs);
  const obaRate = rows / (best(obaTimes) / 1000);
  const floorRate = rows / (best(floorTimes) / 1000);
  const detail = { file: basename(file), rows, bytes: data.largest.bytes, runs, obaMs: obaTimes.map(round1), csvParseMs: floorTimes.map(round1), observations, errors, statistic: 'best of runs' };
  const figures = [
    figure('ingest.oba', `oba ingest (readDataFile), ${basename(file)}`, obaRate, 'rows/s', undefined, { detail }),
    figure('ingest.csvParse', 'csv-parse alone, same file (floor)', floorRate, 'rows/s'),
    figure('ingest.ratio', 'ingest throughput, oba ÷ csv-parse', obaRate / floorRate, '×', { op: '>=', value: 0.7 }),
  ];
  if (errors > 0) figures[0]!.detail!['warning'] = `${errors} errors in the generated file: the ingest did not read every row`;
  return figures;
}

// ---------------------------------------------------------------------------------------------
// Charts

type Json = Record<string, unknown>;

/**
 * The spec less its layers with no rows, and their empty datasets: what a plain vega user would
 * write for the same picture. oba's specs carry every layer a chart of their kind may need, so that
 * charts share a shape; the floor must not pay for layers the picture does not have.
 */
export function withoutEmptyLayers(spec: TopLevelSpec): TopLevelSpec {
  const s = spec as unknown as Json;
  const datasets = (s['datasets'] ?? {}) as Record<string, unknown[]>;
  const empty = (layer: Json) => {
    const data = layer['data'] as { name?: string; values?: unknown[] } | undefined;
    if (Array.isArray(data?.values)) return data.values.length === 0;
    return data?.name !== undefined && datasets[data.name]?.length === 0;
  };
  const view = (v: Json): Json => (Array.isArray(v['layer']) ? { ...v, layer: (v['layer'] as Json[]).filter((l) => !empty(l)) } : v);
  return {
    ...s,
    datasets: Object.fromEntries(Object.entries(datasets).filter(([, rows]) => rows.length > 0)),
    ...(Array.isArray(s['vconcat']) ? { vconcat: (s['vconcat'] as Json[]).map(view) } : view(s)),
  } as unknown as TopLevelSpec;
}

/** The floor: vega-lite compile, vega parse, a headless view, SVG. No oba code. */
async function bareChart(spec: TopLevelSpec): Promise<string> {
  const compiled = vl.compile(spec).spec;
  const view = new vega.View(vega.parse(compiled), { renderer: 'none' });
  try {
    return await view.toSVG();
  } finally {
    view.finalize();
  }
}

/** Cluster sheets drawn in the chart figure: enough for shapes to recur as they do in a pack. */
const CHART_CLUSTERS = 5;

/** The specs of the bundled Leeds board pack, the first few clusters' sheets and the tracker, in the order the commands draw them. */
export async function packChartSpecs(): Promise<TopLevelSpec[]> {
  const workspace = await loadWorkspace({ config: bundledConfigFile() }, packageRoot());
  const specs: TopLevelSpec[] = [];
  const renderChart = async (spec: TopLevelSpec) => (specs.push(spec), '<svg xmlns="http://www.w3.org/2000/svg"></svg>');
  const renderer = createRenderer(loadTemplates(workspace.config.templatesDir));
  const common = { dataset: workspace.dataset, config: workspace.config, renderChart };
  await buildBoardPack({ ...common, area: workspace.plan.city, narratives: new Map(), renderer });
  for (const cluster of workspace.dataset.areas.filter((a) => a.type === 'cluster').slice(0, CHART_CLUSTERS)) {
    await buildClusterSheets({ ...common, cluster: cluster.name, narratives: new Map(), renderer });
  }
  await buildTracker({ ...common, area: workspace.plan.city }, renderer);
  return specs;
}

/**
 * oba's chart path (a renderer that compiles each chart shape once, new for each round, so its
 * compiles are counted) against the bare vega floor, on every chart of the board pack, a few
 * cluster sheets and the tracker, alternating which goes first.
 */
async function benchCharts(iterations: number): Promise<Figure[]> {
  const specs = await packChartSpecs();
  const bare = specs.map(withoutEmptyLayers);
  const rounds = Math.max(1, Math.round(iterations / 20));
  for (const spec of bare.slice(0, 5)) await bareChart(spec); // warm up the libraries
  let oba = 0;
  let floor = 0;
  let shapes = 0;
  for (let round = 0; round < rounds; round++) {
    for (const which of round % 2 === 0 ? ['oba', 'floor'] : ['floor', 'oba']) {
      const shaped = createShapeRenderer();
      const t0 = performance.now();
      for (const [i, spec] of specs.entries()) {
        const svg = which === 'oba' ? await shaped.render(spec) : await bareChart(bare[i]!);
        if (svg.length === 0) throw new Error('a chart drew as an empty SVG');
      }
      const ms = performance.now() - t0;
      if (which === 'oba') {
        oba += ms;
        shapes = shaped.stats().shapes;
      } else floor += ms;
      shaped.close();
    }
  }
  const n = rounds * specs.length;
  const detail = { charts: specs.length, shapes, rounds, statistic: `mean over every chart of the board pack, ${CHART_CLUSTERS} cluster sheets and the tracker; shape compiles included` };
  return [
    figure('chart.oba', 'oba chart: drawn by shape (board pack, 5 cluster sheets, tracker)', oba / n, 'ms/chart', undefined, { detail }),
    figure('chart.floor', 'vega-lite compile + vega view toSVG, same charts without empty layers (floor)', floor / n, 'ms/chart'),
    figure('chart.ratio', 'chart time, oba ÷ floor', oba / floor, '×', { op: '<=', value: 0.25 }),
  ];
}

// ---------------------------------------------------------------------------------------------
// Child processes: the Leeds pack and the national run

interface Capabilities {
  noCache: boolean;
  allAreas: boolean;
}

function helpText(obaBin: string, command: string): string {
  const r = spawnSync(process.execPath, [obaBin, command, '--help'], { encoding: 'utf8', timeout: 30_000 });
  return `${r.stdout ?? ''}${r.stderr ?? ''}`;
}

export function detectCapabilities(obaBin: string): Capabilities {
  const help = ['report', 'sheet', 'tracker'].map((c) => helpText(obaBin, c));
  return { noCache: help.every((h) => h.includes('--no-cache')), allAreas: help[0]!.includes('--all-areas') };
}

interface PackRun {
  ok: boolean;
  wallMs: number;
  peakRssKb: number | undefined;
  runs: ChildRun[];
  reason?: string;
}

function failure(run: ChildRun): string {
  if (run.timedOut) return `timed out after ${(run.wallMs / 1000).toFixed(1)} s (the bench's time budget ran out)`;
  const last = run.stderr.trim().split('\n').slice(-3).join(' | ');
  return `\`${run.command.replace(/^\S+ /, 'node ')}\` exited with ${run.exitCode ?? run.signal}: ${last}`;
}

async function runOba(obaBin: string, args: string[], cwd: string, timeoutMs: number): Promise<ChildRun> {
  return runMeasured(process.execPath, [obaBin, ...args], { cwd, timeoutMs, env: { ...process.env, NO_COLOR: '1' } });
}

/** The full Leeds pack: report, then sheets for every cluster, then the tracker, one after another. */
async function leedsPack(obaBin: string, configFile: string, cwd: string, extra: string[], deadline: number): Promise<PackRun> {
  const commands = [
    ['report', '--out', 'out/board-pack'],
    ['sheet', '--all-clusters', '--out', 'out/sheets'],
    ['tracker', '--out', 'out/tracker'],
  ];
  const runs: ChildRun[] = [];
  for (const command of commands) {
    const run = await runOba(obaBin, [...command, '--config', configFile, '--quiet', ...extra], cwd, Math.max(1000, deadline - performance.now()));
    runs.push(run);
    if (run.exitCode !== 0) return { ok: false, wallMs: NaN, peakRssKb: undefined, runs, reason: failure(run) };
  }
  const rss = runs.map((r) => r.peakRssKb);
  return {
    ok: true,
    wallMs: runs.reduce((s, r) => s + r.wallMs, 0),
    peakRssKb: rss.every((k) => k !== undefined) ? Math.max(...(rss as number[])) : undefined,
    runs,
  };
}

function packDetail(pack: PackRun): Record<string, unknown> {
  return {
    commands: pack.runs.map((r) => ({
      command: r.command.replace(/^\S+ \S+ /, 'oba '),
      seconds: round2(r.wallMs / 1000),
      peakRssMb: r.peakRssKb === undefined ? null : round1(r.peakRssKb / 1024),
      rssBy: r.rssBy,
    })),
    rssMethod: pack.runs[0]?.rssMethod,
  };
}

/** Runs of the no-change rerun, the best of which is its figure. */
const RERUNS = 3;

/** Changes one observation of a Leeds series: the last Leeds row of `looked-after.csv` gets one more child. */
export function changeOneRow(csvText: string, area: string): string {
  const lines = csvText.split('\n');
  for (let i = lines.length - 1; i > 0; i--) {
    const line = lines[i]!;
    // measure, area and period never hold commas in the generated files; the value is the 4th field.
    const parts = line.split(',');
    if (parts[1] !== area || !/^\d+$/.test(parts[3] ?? '')) continue;
    parts[3] = String(Number(parts[3]) + 1);
    lines[i] = parts.join(',');
    return lines.join('\n');
  }
  throw new Error(`no ${area} row with a whole-number value to change`);
}

/** SVG files under `dir`: the charts a run wrote. */
function countSvgs(dir: string): number {
  if (!existsSync(dir)) return 0;
  return readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((name) => name.endsWith('.svg')).length;
}

/** The floors of a process, best of a few runs: node starting, and node loading vega and vega-lite (time and memory). */
interface ProcessFloor {
  nodeMs: number;
  vegaMs: number;
  vegaRssKb: number | undefined;
}

async function processFloor(root: string, runs: number): Promise<ProcessFloor> {
  const node: number[] = [];
  const load: ChildRun[] = [];
  for (let r = 0; r < runs; r++) {
    node.push((await runMeasured(process.execPath, ['-e', '0'], { cwd: root, timeoutMs: 60_000 })).wallMs);
    load.push(await runMeasured(process.execPath, ['--input-type=module', '-e', "await import('vega'); await import('vega-lite');"], { cwd: root, timeoutMs: 60_000 }));
  }
  const rss = load.map((l) => l.peakRssKb).filter((k): k is number => k !== undefined);
  return { nodeMs: Math.min(...node), vegaMs: Math.min(...load.map((l) => l.wallMs)), vegaRssKb: rss.length > 0 ? Math.min(...rss) : undefined };
}

/** The floor of a run that draws `charts` charts in `processes` processes: each loads vega, then the charts at the bare vega floor. */
function drawingFloor(p: ProcessFloor, processes: number, charts: number, chartFloorMs: number | null): number | undefined {
  if (chartFloorMs === null || charts === 0) return undefined;
  return (processes * p.vegaMs + charts * chartFloorMs) / 1000;
}

/** Busy loops, one per core, to stand for other people's work on a shared machine; stopped by their own ids. */
function cpuHogs(count: number): { stop: () => void } {
  const hogs = Array.from({ length: count }, () => spawn(process.execPath, ['-e', 'for (;;) {}'], { stdio: 'ignore' }));
  return {
    stop: () => {
      for (const hog of hogs) hog.kill('SIGKILL');
    },
  };
}

// ---------------------------------------------------------------------------------------------
// The run

export async function runBench(options: BenchOptions): Promise<BenchResult> {
  const started = performance.now();
  const machine = machineInfo();
  const o = { ...DEFAULTS, ...Object.fromEntries(Object.entries(options).filter(([, v]) => v !== undefined)) } as Required<BenchOptions> & typeof DEFAULTS;
  const deadline = started + o.budgetSeconds * 1000;
  const log = options.log ?? (() => {});
  const root = packageRoot();
  const obaBin = options.obaBin ?? join(root, 'bin', 'oba');
  const work = options.workDir ?? mkdtempSync(join(os.tmpdir(), 'oba-bench-'));
  mkdirSync(work, { recursive: true });
  const notes: string[] = [];
  const figures: Figure[] = [];
  if (machine.loadAverage > machine.cores * 0.75) {
    notes.push(`the load average was ${machine.loadAverage} on ${machine.cores} cores when the run started: other work was running, so times are longer than on a quiet machine`);
  }
  try {
    // 1. The national dataset.
    log(`generating the national dataset (${o.authorities} authorities, ${o.clusters} clusters, ${o.years} years) in ${work}`);
    const bundled = loadConfig(bundledConfigFile());
    const planText = readFileSync(bundled.planFile, 'utf8');
    const rawBundled = parseYaml(readFileSync(bundledConfigFile(), 'utf8')) as Record<string, unknown>;
    const t0 = performance.now();
    const data = writeNationalDataset(join(work, 'national'), planText, {
      planFile: bundled.planFile,
      authorities: o.authorities,
      clusters: o.clusters,
      years: o.years,
      seed: o.seed,
      analysis: rawBundled['analysis'] as Record<string, unknown>,
      measures: rawBundled['measures'] as Record<string, unknown>,
    });
    const generateMs = performance.now() - t0;
    log(`  ${data.files.size} files, ${data.rows} rows, ${(data.bytes / 2 ** 20).toFixed(1)} MB in ${(generateMs / 1000).toFixed(1)} s`);
    figures.push(figure('dataset.rows', 'national dataset: rows', data.rows, 'rows', undefined, { detail: { files: data.files.size, areas: data.areas, largest: basename(data.largest.file) } }));
    figures.push(figure('dataset.bytes', 'national dataset: size', data.bytes / 2 ** 20, 'MB'));

    // 2. Ingest.
    const ingestRuns = o.iterations >= 10 ? 3 : 2;
    log(`ingest: ${basename(data.largest.file)} (${data.largest.rows} rows), best of ${ingestRuns}`);
    figures.push(...(await benchIngest(data, ingestRuns)));

    // 3. Charts.
    log(`charts: every chart of the board pack, ${CHART_CLUSTERS} cluster sheets and the tracker, ${Math.max(1, Math.round(o.iterations / 20))} rounds, oba and floor`);
    figures.push(...(await benchCharts(o.iterations)));

    const chartFloorMs = figures.find((f) => f.id === 'chart.floor')?.value ?? null;

    // 4. Child processes, and the floor of a process: node starting, node loading vega.
    const cli = detectCapabilities(obaBin);
    log('floors: node starting, node loading vega and vega-lite (best of 3)');
    const pf = await processFloor(root, 3);
    const vegaRssMb = pf.vegaRssKb === undefined ? undefined : pf.vegaRssKb / 1024;
    figures.push(
      figure('floor.process', 'node loading vega and vega-lite (floor of every process that draws)', pf.vegaMs / 1000, 's', undefined, {
        detail: { nodeStartSeconds: round2(pf.nodeMs / 1000), vegaPeakRssMb: vegaRssMb === undefined ? null : round1(vegaRssMb), statistic: 'best of 3' },
      }),
    );
    if (!cli.noCache) notes.push('this oba has no --no-cache option: the cold Leeds pack ran without it, and the reruns may not use any cache');
    if (!cli.allAreas) notes.push('this oba has no `report --all-areas`: the national figures are not available');
    const leedsDir = join(work, 'leeds');
    if (o.leedsData === 'bundled') cpSync(join(root, 'data'), leedsDir, { recursive: true });
    else cpSync(data.dir, leedsDir, { recursive: true });
    const leedsConfig = join(leedsDir, 'oba.config.yaml');
    // The cache lives beside the run (its working folder): a fresh folder is a cold cache.
    const leedsCwd = join(work, 'run-leeds');
    const coldCwd = cli.noCache ? join(work, 'run-leeds-cold') : leedsCwd;
    mkdirSync(leedsCwd, { recursive: true });
    mkdirSync(coldCwd, { recursive: true });
    const leedsWhat = o.leedsData === 'bundled' ? 'bundled data' : 'generated data';

    log(`Leeds pack, cold${cli.noCache ? ' (--no-cache)' : ''}`);
    const cold = await leedsPack(obaBin, leedsConfig, coldCwd, cli.noCache ? ['--no-cache'] : [], deadline);
    const leedsCharts = countSvgs(join(coldCwd, 'out'));
    if (cold.ok) {
      figures.push(
        withFloor(
          figure('leeds.wall', `Leeds pack (report + sheet --all-clusters + tracker), ${leedsWhat}, cold`, cold.wallMs / 1000, 's', { op: '<=', value: 5 }, { detail: { ...packDetail(cold), charts: leedsCharts } }),
          drawingFloor(pf, 3, leedsCharts, chartFloorMs),
          `3 processes loading vega, and ${leedsCharts} charts at the bare vega floor`,
        ),
      );
      figures.push(
        withFloor(
          figure('leeds.peakRss', 'Leeds pack: peak memory (largest of the three)', cold.peakRssKb === undefined ? null : cold.peakRssKb / 1024, 'MB', undefined, cold.peakRssKb === undefined ? { notAvailable: 'no way to measure memory on this machine' } : {}),
          vegaRssMb,
          'node with vega and vega-lite loaded',
        ),
      );
    } else {
      figures.push(notAvailable('leeds.wall', `Leeds pack, ${leedsWhat}, cold`, 's', cold.reason!, { op: '<=', value: 5 }, packDetail(cold)));
      figures.push(notAvailable('leeds.peakRss', 'Leeds pack: peak memory', 'MB', cold.reason!));
    }

    // The same pack in one process: `oba pack`.
    log('Leeds pack in one process: oba pack, cold');
    const packCwd = join(work, 'run-pack');
    mkdirSync(packCwd, { recursive: true });
    const packRun = await runOba(obaBin, ['pack', '--out', 'out/pack', '--config', leedsConfig, '--quiet', ...(cli.noCache ? ['--no-cache'] : [])], packCwd, Math.max(1000, deadline - performance.now()));
    const packCharts = countSvgs(join(packCwd, 'out'));
    figures.push(
      packRun.exitCode === 0
        ? withFloor(
            figure('pack.wall', `Leeds pack in one process (oba pack), ${leedsWhat}, cold`, packRun.wallMs / 1000, 's', { op: '<=', value: 3 }, { detail: { charts: packCharts, peakRssMb: packRun.peakRssKb === undefined ? null : round1(packRun.peakRssKb / 1024) } }),
            drawingFloor(pf, 1, packCharts, chartFloorMs),
            `1 process loading vega, and ${packCharts} charts at the bare vega floor`,
          )
        : notAvailable('pack.wall', 'Leeds pack in one process (oba pack), cold', 's', failure(packRun), { op: '<=', value: 3 }),
    );

    // 5. Reruns of the Leeds pack with the cache on.
    const rerunFigures = async () => {
      if (!cold.ok) {
        const reason = `the cold Leeds pack did not finish (${cold.reason})`;
        figures.push(notAvailable('rerun.noChange', 'Leeds pack rerun, nothing changed (cache on)', 's', reason, { op: '<=', value: 0.5 }));
        figures.push(notAvailable('rerun.oneChanged', 'Leeds pack rerun, one series changed (cache on)', 's', reason));
        return;
      }
      if (cli.noCache) {
        log('Leeds pack, first run with the cache on (in a fresh folder: the cache starts empty)');
        const first = await leedsPack(obaBin, leedsConfig, leedsCwd, [], deadline);
        figures.push(
          first.ok
            ? figure('leeds.firstCached', 'Leeds pack, first run with the cache on (cache empty)', first.wallMs / 1000, 's', undefined, { detail: packDetail(first) })
            : notAvailable('leeds.firstCached', 'Leeds pack, first run with the cache on', 's', first.reason!),
        );
      } else {
        figures.push(notAvailable('leeds.firstCached', 'Leeds pack, first run with the cache on', 's', 'not available: this oba has no --no-cache option, so the cold run was the first run'));
      }
      log(`Leeds pack, rerun with nothing changed (best of ${RERUNS})`);
      // Best of a few, as its floor (node starting) is: a sub-second figure from one run is
      // mostly the machine's noise. Nothing changes between them, so each is the same rerun.
      const reruns: PackRun[] = [];
      for (let i = 0; i < RERUNS; i++) {
        const run = await leedsPack(obaBin, leedsConfig, leedsCwd, [], deadline);
        reruns.push(run);
        if (!run.ok) break;
      }
      const same = reruns.find((r) => !r.ok) ?? reruns.reduce((best, r) => (r.wallMs < best.wallMs ? r : best));
      figures.push(
        same.ok
          ? withFloor(
              figure('rerun.noChange', 'Leeds pack rerun, nothing changed (cache on)', same.wallMs / 1000, 's', { op: '<=', value: 0.5 }, {
                detail: { ...packDetail(same), statistic: `best of ${RERUNS}`, seconds: reruns.map((r) => round2(r.wallMs / 1000)) },
              }),
              (3 * pf.nodeMs) / 1000,
              '3 node processes starting',
            )
          : notAvailable('rerun.noChange', 'Leeds pack rerun, nothing changed (cache on)', 's', same.reason!, { op: '<=', value: 0.5 }),
      );
      const changed = join(leedsDir, 'series', 'looked-after.csv');
      writeFileSync(changed, changeOneRow(readFileSync(changed, 'utf8'), 'Leeds'));
      log('Leeds pack, rerun with one series changed (looked-after, Leeds, last row)');
      const one = await leedsPack(obaBin, leedsConfig, leedsCwd, [], deadline);
      figures.push(
        one.ok
          ? withFloor(
              figure('rerun.oneChanged', 'Leeds pack rerun, one series changed (cache on)', one.wallMs / 1000, 's', undefined, { detail: { ...packDetail(one), changed: 'looked-after.csv: the last Leeds value, plus one' } }),
              (3 * pf.vegaMs) / 1000,
              '3 processes loading vega',
            )
          : notAvailable('rerun.oneChanged', 'Leeds pack rerun, one series changed (cache on)', 's', one.reason!),
      );
    };
    await rerunFigures();

    // 6. National: it gets whatever time the budget has left.
    const national = join(work, 'run-national');
    mkdirSync(national, { recursive: true });
    const nationalLabel = `oba report --all-areas, national dataset (${o.authorities} authorities)`;
    if (!cli.allAreas) {
      figures.push(notAvailable('national.wall', nationalLabel, 's', 'not available: this oba has no `report --all-areas` option', { op: '<=', value: 30 }));
      figures.push(notAvailable('national.peakRss', 'national run: peak memory', 'MB', 'not available: this oba has no `report --all-areas` option', { op: '<=', value: 400 }));
    } else {
      const timeout = Math.max(10_000, deadline - performance.now());
      log(`national: oba report --all-areas (time limit ${(timeout / 1000).toFixed(0)} s)`);
      const run = await runOba(obaBin, ['report', '--all-areas', '--out', 'out/packs', '--config', data.configFile, '--quiet', ...(cli.noCache ? ['--no-cache'] : [])], national, timeout);
      const detail = { command: run.command.replace(/^\S+ \S+ /, 'oba '), rssMethod: run.rssMethod, rssBy: run.rssBy, seconds: round2(run.wallMs / 1000) };
      if (run.exitCode === 0) {
        const charts = countSvgs(join(national, 'out'));
        figures.push(withFloor(figure('national.wall', nationalLabel, run.wallMs / 1000, 's', { op: '<=', value: 30 }, { detail: { ...detail, charts } }), drawingFloor(pf, 1, charts, chartFloorMs), `1 process loading vega, and ${charts} charts at the bare vega floor`));
        figures.push(
          withFloor(
            figure('national.peakRss', 'national run: peak memory', run.peakRssKb === undefined ? null : run.peakRssKb / 1024, 'MB', { op: '<=', value: 400 }, run.peakRssKb === undefined ? { notAvailable: 'no way to measure memory on this machine' } : {}),
            vegaRssMb,
            'node with vega and vega-lite loaded',
          ),
        );
      } else {
        const reason = failure(run);
        const wall = notAvailable('national.wall', nationalLabel, 's', reason, { op: '<=', value: 30 }, detail);
        // Stopped after the goal's time, or past the goal's memory: missed, whatever the end would have been.
        if (run.timedOut) {
          wall.atLeast = run.wallMs / 1000;
          if (run.wallMs > 30_000) wall.met = false;
        }
        figures.push(wall);
        const atLeastMb = run.peakRssKb === undefined ? undefined : run.peakRssKb / 1024;
        const rssReason = atLeastMb !== undefined ? `${reason}; at least ${atLeastMb.toFixed(0)} MB before it stopped` : reason;
        const rss = notAvailable('national.peakRss', 'national run: peak memory', 'MB', rssReason, { op: '<=', value: 400 }, { atLeastMb: atLeastMb === undefined ? null : round1(atLeastMb) });
        if (atLeastMb !== undefined) rss.atLeast = atLeastMb;
        if (atLeastMb !== undefined && atLeastMb > 400) rss.met = false;
        figures.push(rss);
      }
    }

    // 7. Workers on a busy machine, after the national run (a goal of its own) and only with a
    // minute of the budget left: a run big enough to consider a pool, with every core taken by
    // a busy loop, with the default pool and in one thread.
    const skip =
      o.authorities < 20
        ? 'skipped: a run of fewer than 20 authorities is a quick look, and leaves this figure out'
        : !cli.allAreas
          ? 'not available: this oba has no `report --all-areas`'
          : deadline - performance.now() < 60_000
            ? 'skipped: less than a minute of the time budget was left'
            : undefined;
    if (skip) {
      figures.push(notAvailable('pool.busy', 'busy machine: default workers ÷ one thread', '×', skip, { op: '<=', value: 1.1 }));
    } else {
      const poolData = writeNationalDataset(join(work, 'pool-data'), planText, {
        planFile: bundled.planFile,
        authorities: 32,
        clusters: 2,
        years: o.years,
        seed: o.seed,
        analysis: rawBundled['analysis'] as Record<string, unknown>,
        measures: rawBundled['measures'] as Record<string, unknown>,
      });
      log(`busy machine: oba report --all-areas on 32 authorities, with ${machine.cores} busy loops running, default workers and --jobs 1`);
      const hogs = cpuHogs(machine.cores);
      const walls: Record<string, number> = {};
      let reason: string | undefined;
      try {
        for (const [name, extra] of [['default', []], ['jobs1', ['--jobs', '1']]] as const) {
          const cwd = join(work, `run-pool-${name}`);
          mkdirSync(cwd, { recursive: true });
          const run = await runOba(obaBin, ['report', '--all-areas', '--out', 'out', '--config', poolData.configFile, '--no-cache', ...extra], cwd, Math.max(1000, deadline - performance.now()));
          if (run.exitCode !== 0) reason ??= failure(run);
          walls[name] = run.wallMs;
          if (name === 'default') walls['charts'] = countSvgs(join(cwd, 'out'));
          if (name === 'default') walls['threads'] = Number(/drawn in (\d+) worker threads/.exec(run.stderr)?.[1] ?? 0);
        }
      } finally {
        hogs.stop();
      }
      figures.push(
        reason
          ? notAvailable('pool.busy', 'busy machine: default workers ÷ one thread', '×', reason, { op: '<=', value: 1.1 })
          : figure('pool.busy', 'busy machine: default workers ÷ one thread', walls['default']! / walls['jobs1']!, '×', { op: '<=', value: 1.1 }, {
              detail: { defaultSeconds: round2(walls['default']! / 1000), oneThreadSeconds: round2(walls['jobs1']! / 1000), charts: walls['charts'], workerThreads: walls['threads'], busyLoops: machine.cores },
            }),
      );
    }

    const result: BenchResult = {
      date: options.date,
      machine,
      options: { authorities: o.authorities, clusters: o.clusters, years: o.years, seed: o.seed, iterations: o.iterations, leedsData: o.leedsData, budgetSeconds: o.budgetSeconds },
      dataset: {
        authorities: o.authorities,
        clusters: o.clusters,
        years: o.years,
        files: data.files.size,
        rows: data.rows,
        bytes: data.bytes,
        areas: data.areas,
        largest: { file: basename(data.largest.file), rows: data.largest.rows, bytes: data.largest.bytes },
        generateMs: round1(generateMs),
      },
      cli,
      figures: order(figures),
      notes,
      benchSeconds: round1((performance.now() - started) / 1000),
    };
    if (options.out !== null) writeResults(result, options.out ?? join(root, 'bench'));
    return result;
  } finally {
    if (!options.keep && !options.workDir) rmSync(work, { recursive: true, force: true });
  }
}

const FIGURE_ORDER = [
  'dataset.rows',
  'dataset.bytes',
  'ingest.oba',
  'ingest.csvParse',
  'ingest.ratio',
  'chart.oba',
  'chart.floor',
  'chart.ratio',
  'floor.process',
  'leeds.wall',
  'leeds.peakRss',
  'pack.wall',
  'leeds.firstCached',
  'rerun.noChange',
  'rerun.oneChanged',
  'pool.busy',
  'national.wall',
  'national.peakRss',
];

/** Every figure the bench reports, in table order. */
export const FIGURE_IDS: readonly string[] = FIGURE_ORDER;

function order(figures: Figure[]): Figure[] {
  return [...figures].sort((a, b) => FIGURE_ORDER.indexOf(a.id) - FIGURE_ORDER.indexOf(b.id));
}

// ---------------------------------------------------------------------------------------------
// Output

function round1(x: number): number {
  return Math.round(x * 10) / 10;
}
function round2(x: number): number {
  return Math.round(x * 100) / 100;
}

export function formatValue(value: number, unit: string): string {
  if (unit === 'rows/s' || unit === 'rows') return `${Math.round(value).toLocaleString('en-GB')} ${unit}`;
  if (unit === '×') return `${value.toFixed(2)}×`;
  if (unit === 'ms/chart') return `${value.toFixed(1)} ms/chart`;
  if (unit === 's') return `${value.toFixed(2)} s`;
  if (unit === 'MB') return `${value.toFixed(value < 10 ? 2 : 0)} MB`;
  return `${value} ${unit}`;
}

function goalText(goal: Goal | undefined, unit: string): string {
  if (!goal) return '';
  const sign = goal.op === '<=' ? '≤' : '≥';
  return unit === '×' ? `${sign} ${goal.value}×` : `${sign} ${goal.value} ${unit}`;
}

function valueText(f: Figure): string {
  return f.value !== null ? formatValue(f.value, f.unit) : f.atLeast !== undefined ? `> ${formatValue(f.atLeast, f.unit)}` : 'not available';
}

/** Where the README's performance table starts and ends. */
const README_START = '<!-- bench table: written by `npm run bench` from bench/results.json -->';
const README_END = '<!-- end of bench table -->';

/** The README's performance table, from a bench result: each figure, its floor in the same run and the ratio. */
export function readmeTable(result: BenchResult): string {
  const cell = (text: string) => text.replace(/\|/g, '\\|');
  const rows = result.figures
    .filter((f) => !f.id.startsWith('dataset.'))
    .map((f) => {
      const goal = f.goal ? `${goalText(f.goal, f.unit)} (${f.met === null ? 'n/a' : f.met ? 'met' : 'missed'})` : '';
      return `| ${cell(f.label)} | ${valueText(f)} | ${f.floor ? `${formatValue(f.floor.value, f.unit)}: ${cell(f.floor.what)}` : ''} | ${f.ratio !== undefined ? `${f.ratio.toFixed(2)}×` : ''} | ${goal} |`;
    });
  const m = result.machine;
  return [
    `Run of ${result.date.slice(0, 10)} on ${m.cpu}, ${m.cores} cores, Node ${m.node.replace(/^v/, '')}; load average ${m.loadAverage} when it started${m.loadAverage > m.cores * 0.75 ? ' (other work was running: times are longer than on a quiet machine)' : ''}.`,
    '',
    '| figure | value | floor, measured in the same run | ratio | goal |',
    '|---|---|---|---|---|',
    ...rows,
  ].join('\n');
}

/** Rewrites the table between the README's markers; false when the README has no markers. */
export function writeReadmeTable(readmeFile: string, result: BenchResult): boolean {
  const text = readFileSync(readmeFile, 'utf8');
  const start = text.indexOf(README_START);
  const end = text.indexOf(README_END);
  if (start < 0 || end < start) return false;
  writeFileSync(readmeFile, `${text.slice(0, start + README_START.length)}\n${readmeTable(result)}\n${text.slice(end)}`);
  return true;
}

/** Writes `results.json` into `dir`; returns its path. */
export function writeResults(result: BenchResult, dir: string): string {
  mkdirSync(dir, { recursive: true });
  const file = join(dir, 'results.json');
  writeFileSync(file, JSON.stringify(result, null, 2) + '\n');
  return file;
}

/** The results as a plain-text table: figure, value, goal, met? */
export function formatTable(result: BenchResult): string {
  const rows = result.figures.map((f) => [
    f.label,
    valueText(f),
    f.floor ? formatValue(f.floor.value, f.unit) : '',
    f.ratio !== undefined ? `${f.ratio.toFixed(2)}×` : '',
    goalText(f.goal, f.unit),
    f.met === null ? (f.goal ? 'n/a' : '') : f.met ? 'yes' : 'NO',
  ]);
  const header = ['figure', 'value', 'floor', 'ratio', 'goal', 'met?'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => (i >= 1 && i <= 3 ? c.padStart(widths[i]!) : c.padEnd(widths[i]!))).join('  ').trimEnd();
  const out = [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)];
  const floors = result.figures.filter((f) => f.floor);
  if (floors.length > 0) out.push('', ...floors.map((f) => `floor of ${f.label}: ${f.floor!.what}`));
  const missing = result.figures.filter((f) => f.value === null);
  if (missing.length > 0) out.push('', ...missing.map((f) => `${f.label}: ${f.notAvailable}`));
  if (result.notes.length > 0) out.push('', ...result.notes.map((n) => `note: ${n}`));
  const m = result.machine;
  out.push(
    '',
    `machine: ${m.cpu}, ${m.cores} cores, ${(m.totalMemoryMb / 1024).toFixed(1)} GB, node ${m.node}, ${m.os}; load average ${m.loadAverage} at the start`,
    `dataset: ${result.dataset.rows.toLocaleString('en-GB')} rows in ${result.dataset.files} files (${(result.dataset.bytes / 2 ** 20).toFixed(1)} MB), ${result.dataset.areas} areas; largest ${result.dataset.largest.file} (${result.dataset.largest.rows.toLocaleString('en-GB')} rows)`,
    `bench run: ${result.benchSeconds} s, ${result.date}`,
  );
  return out.join('\n');
}

// ---------------------------------------------------------------------------------------------
// Script

const USAGE = `usage: node dist/src/bench/run.js [options]   (npm run bench builds first)

  --authorities N   upper-tier authorities, Leeds included (default 153)
  --clusters N      Leeds clusters with data (default 25)
  --years N         the last N years of 2004-2015 (default 8: 2008-2015)
  --iterations N    sets the repeats: N/20 chart rounds (at least 1), 3 ingest runs from N = 10,
                    else 2 (default 60)
  --leeds-data bundled|generated   data for the Leeds pack figures (default bundled)
  --budget S        time budget in seconds (default 240)
  --out DIR         where results.json goes (default bench/); --no-write writes nothing
  --keep            keep the scratch folder and print where it is
  --readme          only rewrite README.md's performance table from bench/results.json
`;

export async function main(argv: readonly string[]): Promise<number> {
  const options: BenchOptions = { date: new Date().toISOString(), log: (s) => process.stderr.write(`bench: ${s}\n`) };
  const num = (name: string, v: string | undefined) => {
    const n = Number(v);
    if (v === undefined || !Number.isInteger(n) || n < 1) throw new Error(`${name} needs a whole number ≥ 1`);
    return n;
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--help' || a === '-h') {
      process.stdout.write(USAGE);
      return 0;
    } else if (a === '--authorities') options.authorities = num(a, argv[++i]);
    else if (a === '--clusters') options.clusters = num(a, argv[++i]);
    else if (a === '--years') options.years = num(a, argv[++i]);
    else if (a === '--iterations') options.iterations = num(a, argv[++i]);
    else if (a === '--budget') options.budgetSeconds = num(a, argv[++i]);
    else if (a === '--leeds-data') {
      const v = argv[++i];
      if (v !== 'bundled' && v !== 'generated') throw new Error('--leeds-data is bundled or generated');
      options.leedsData = v;
    } else if (a === '--out') options.out = resolve(argv[++i] ?? '');
    else if (a === '--no-write') options.out = null;
    else if (a === '--keep') options.keep = true;
    else if (a === '--readme') {
      const result = JSON.parse(readFileSync(join(packageRoot(), 'bench', 'results.json'), 'utf8')) as BenchResult;
      if (!writeReadmeTable(join(packageRoot(), 'README.md'), result)) throw new Error('README.md has no bench table markers');
      process.stdout.write('rewrote the performance table in README.md\n');
      return 0;
    }
    else throw new Error(`unknown option ${a}; try --help`);
  }
  if (options.keep) options.workDir = mkdtempSync(join(os.tmpdir(), 'oba-bench-'));
  const result = await runBench(options);
  process.stdout.write(formatTable(result) + '\n');
  if (options.out !== null) process.stdout.write(`wrote ${join(options.out ?? join(packageRoot(), 'bench'), 'results.json')}\n`);
  // The README's table shows the package's own results, not a run written elsewhere.
  if (options.out === undefined && writeReadmeTable(join(packageRoot(), 'README.md'), result)) process.stdout.write('rewrote the performance table in README.md\n');
  if (options.workDir) process.stdout.write(`scratch folder kept: ${options.workDir}\n`);
  return 0;
}

function isMain(): boolean {
  const invoked = process.argv[1];
  if (!invoked) return false;
  try {
    return realpathSync(resolve(invoked)) === realpathSync(fileURLToPath(import.meta.url));
  } catch {
    return false;
  }
}

if (isMain()) {
  main(process.argv.slice(2)).then(
    (code) => (process.exitCode = code),
    (error: unknown) => {
      process.stderr.write(`bench: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
      process.exitCode = 1;
    },
  );
}
