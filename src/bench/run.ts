/**
 * `npm run bench`: how fast `oba` is, and how much memory it takes, on this machine.
 *
 *     npm run bench                       # the real thing: national-scale data, a few minutes
 *     node dist/src/bench/run.js --help   # options (a smaller dataset, fewer iterations, …)
 *
 * Figures (each against its goal; see bench/README.md):
 * - ingest throughput of oba's native CSV ingest on the largest national file, against plain
 *   csv-parse on the same file (the floor);
 * - ms per baseline chart through oba's chart path, against a bare vega-lite compile and vega
 *   view of the same spec (the floor);
 * - wall time and peak memory of the full Leeds pack (`oba report` + `oba sheet --all-clusters`
 *   + `oba tracker`), cold, and rerun when nothing changed and when one series changed;
 * - wall time and peak memory of `oba report --all-areas` on the national dataset.
 *
 * `runBench` does the work and returns the figures; it reads the clock only to time things (the
 * date stamp is passed in). `main` parses the command line, stamps the date, prints the table and
 * writes `bench/results.json`.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
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
import { readDataFile, readDataInputs } from '../data/read.js';
import { buildDataset } from '../model/dataset.js';
import { analyseMeasure, BENCHMARK_AREA } from '../analysis/scorecard.js';
import { baselineChartInput } from '../report/chart-input.js';
import { baselineChartSpec, renderSvg, type BaselineChartInput } from '../charts/index.js';
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
  /** Chart rounds timed after warm-up (default 20; each round draws 3 charts per path). */
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
  iterations: 20,
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

/** Measures drawn: a count, a percentage with England beside it, an annual percentage with a target. */
const CHART_MEASURES = ['looked-after', 'attendance-secondary', 'neet'];

/** Baseline chart inputs as the board pack builds them, from the bundled Leeds data. */
export async function realisticChartInputs(): Promise<BaselineChartInput[]> {
  const config = loadConfig(bundledConfigFile());
  const plan = parsePlan(readFileSync(config.planFile, 'utf8'), config.planFile);
  const files = config.dataFiles.filter((f) => CHART_MEASURES.includes(basename(f, '.csv')));
  const read = await readDataInputs(files, plan, { extraAreas: config.extraAreas });
  const dataset = buildDataset(plan, read.observations, config.extraAreas);
  return CHART_MEASURES.map((id) => {
    const measure = plan.measures.find((m) => m.id === id);
    if (!measure) throw new Error(`the bundled plan has no measure ${id}`);
    const observations = dataset.series(id, plan.city)?.observations ?? [];
    const analysis = analyseMeasure(dataset, config, measure, plan.city);
    const comparators = measure.unit.kind === 'count' ? [] : [{ name: BENCHMARK_AREA, observations: dataset.series(id, BENCHMARK_AREA)?.observations ?? [] }];
    return baselineChartInput(analysis, observations, measure, { title: `${measure.title}, ${plan.city}`, comparators });
  });
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

async function benchCharts(iterations: number): Promise<Figure[]> {
  const inputs = await realisticChartInputs();
  const specs = inputs.map((input) => baselineChartSpec(input));
  const warmUp = Math.max(2, Math.min(5, iterations));
  for (let i = 0; i < warmUp; i++) {
    for (let k = 0; k < inputs.length; k++) {
      await renderSvg(baselineChartSpec(inputs[k]!));
      await bareChart(specs[k]!);
    }
  }
  let oba = 0;
  let floor = 0;
  const obaEach: number[] = [];
  const floorEach: number[] = [];
  for (let i = 0; i < iterations; i++) {
    for (let k = 0; k < inputs.length; k++) {
      const obaFirst = (i + k) % 2 === 0;
      for (const which of obaFirst ? ['oba', 'floor'] : ['floor', 'oba']) {
        const t0 = performance.now();
        const svg = which === 'oba' ? await renderSvg(baselineChartSpec(inputs[k]!)) : await bareChart(specs[k]!);
        const ms = performance.now() - t0;
        if (svg.length === 0) throw new Error('a chart drew as an empty SVG');
        if (which === 'oba') {
          oba += ms;
          obaEach.push(ms);
        } else {
          floor += ms;
          floorEach.push(ms);
        }
      }
    }
  }
  const n = iterations * inputs.length;
  const detail = { measures: CHART_MEASURES, warmUpRounds: warmUp, charts: n, obaMedianMs: round2(median(obaEach)), floorMedianMs: round2(median(floorEach)), statistic: 'mean' };
  return [
    figure('chart.oba', 'oba chart: renderSvg(baselineChartSpec(input))', oba / n, 'ms/chart', undefined, { detail }),
    figure('chart.floor', 'vega-lite compile + vega view toSVG, same spec (floor)', floor / n, 'ms/chart'),
    figure('chart.ratio', 'chart time, oba ÷ floor', oba / floor, '×', { op: '<=', value: 1.25 }),
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
    log(`charts: ${o.iterations} rounds of ${CHART_MEASURES.length} charts, oba and floor`);
    figures.push(...(await benchCharts(o.iterations)));

    // 4. Child processes.
    const cli = detectCapabilities(obaBin);
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
    if (cold.ok) {
      figures.push(figure('leeds.wall', `Leeds pack (report + sheet --all-clusters + tracker), ${leedsWhat}, cold`, cold.wallMs / 1000, 's', { op: '<=', value: 3 }, { detail: packDetail(cold) }));
      figures.push(figure('leeds.peakRss', 'Leeds pack: peak memory (largest of the three)', cold.peakRssKb === undefined ? null : cold.peakRssKb / 1024, 'MB', undefined, cold.peakRssKb === undefined ? { notAvailable: 'no way to measure memory on this machine' } : {}));
    } else {
      figures.push(notAvailable('leeds.wall', `Leeds pack, ${leedsWhat}, cold`, 's', cold.reason!, { op: '<=', value: 3 }, packDetail(cold)));
      figures.push(notAvailable('leeds.peakRss', 'Leeds pack: peak memory', 'MB', cold.reason!));
    }

    // 5. Reruns of the Leeds pack with the cache on.
    const rerunFigures = async () => {
      if (!cold.ok) {
        const reason = `the cold Leeds pack did not finish (${cold.reason})`;
        figures.push(notAvailable('rerun.noChange', 'Leeds pack rerun, nothing changed (cache on)', 's', reason, { op: '<=', value: 1 }));
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
      log('Leeds pack, rerun with nothing changed');
      const same = await leedsPack(obaBin, leedsConfig, leedsCwd, [], deadline);
      figures.push(
        same.ok
          ? figure('rerun.noChange', 'Leeds pack rerun, nothing changed (cache on)', same.wallMs / 1000, 's', { op: '<=', value: 1 }, { detail: packDetail(same) })
          : notAvailable('rerun.noChange', 'Leeds pack rerun, nothing changed (cache on)', 's', same.reason!, { op: '<=', value: 1 }),
      );
      const changed = join(leedsDir, 'series', 'looked-after.csv');
      writeFileSync(changed, changeOneRow(readFileSync(changed, 'utf8'), 'Leeds'));
      log('Leeds pack, rerun with one series changed (looked-after, Leeds, last row)');
      const one = await leedsPack(obaBin, leedsConfig, leedsCwd, [], deadline);
      figures.push(
        one.ok
          ? figure('rerun.oneChanged', 'Leeds pack rerun, one series changed (cache on)', one.wallMs / 1000, 's', undefined, { detail: { ...packDetail(one), changed: 'looked-after.csv: the last Leeds value, plus one' } })
          : notAvailable('rerun.oneChanged', 'Leeds pack rerun, one series changed (cache on)', 's', one.reason!),
      );
    };
    await rerunFigures();

    // 6. National, last: it gets whatever time the budget has left.
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
        figures.push(figure('national.wall', nationalLabel, run.wallMs / 1000, 's', { op: '<=', value: 30 }, { detail }));
        figures.push(figure('national.peakRss', 'national run: peak memory', run.peakRssKb === undefined ? null : run.peakRssKb / 1024, 'MB', { op: '<=', value: 400 }, run.peakRssKb === undefined ? { notAvailable: 'no way to measure memory on this machine' } : {}));
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
  'leeds.wall',
  'leeds.peakRss',
  'leeds.firstCached',
  'rerun.noChange',
  'rerun.oneChanged',
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
function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
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
    f.value !== null ? formatValue(f.value, f.unit) : f.atLeast !== undefined ? `> ${formatValue(f.atLeast, f.unit)}` : 'not available',
    goalText(f.goal, f.unit),
    f.met === null ? (f.goal ? 'n/a' : '') : f.met ? 'yes' : 'NO',
  ]);
  const header = ['figure', 'value', 'goal', 'met?'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === 1 ? c.padStart(widths[i]!) : c.padEnd(widths[i]!))).join('  ').trimEnd();
  const out = [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)];
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
  --iterations N    chart rounds after warm-up (default 20)
  --leeds-data bundled|generated   data for the Leeds pack figures (default bundled)
  --budget S        time budget in seconds (default 240)
  --out DIR         where results.json goes (default bench/); --no-write writes nothing
  --keep            keep the scratch folder and print where it is
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
    else throw new Error(`unknown option ${a}; try --help`);
  }
  if (options.keep) options.workDir = mkdtempSync(join(os.tmpdir(), 'oba-bench-'));
  const result = await runBench(options);
  process.stdout.write(formatTable(result) + '\n');
  if (options.out !== null) process.stdout.write(`wrote ${join(options.out ?? join(packageRoot(), 'bench'), 'results.json')}\n`);
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
