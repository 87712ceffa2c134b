/**
 * What every command that writes a folder does around building it: fingerprint the inputs,
 * skip the run when the folder already holds exactly what they produce, draw charts through
 * the cache and the worker pool, and write the folder whole with a manifest.
 *
 * The fingerprint covers every input file's bytes (configuration, plan, data, published
 * sources, narratives, templates), the command and its options, the versions of oba, vega
 * and vega-lite, and oba's own code (so an update from git, which keeps the version number,
 * still rebuilds). Paths in it are relative, so the same inputs on another machine give the
 * same manifest.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { availableParallelism, freemem } from 'node:os';
import { terminalSafe, type Terminal } from './terminal.js';
import { acknowledgedLine, warningLines, withoutAcknowledged } from './warnings.js';
import { formatIssue, planInputs, loadWorkspace, requireCleanData, type InputPlan, type LoadOptions, type Workspace } from './workspace.js';
import { bundledTemplatesDir } from './assets.js';
import { openCache, sha256 } from '../io/cache.js';
import { openYamlMemo } from '../io/yaml-memo.js';
import { openOutputMemo, type OutputMemo } from '../io/output-memo.js';
import { openInputHashes, type InputHashes } from '../io/input-hashes.js';
import { openDataMemo, type DataMemo } from '../io/data-memo.js';
import { hashFile } from '../io/hash.js';
import type { RenderChart } from '../io/chart-renderer.js';
import type { DataIssue } from '../data/types.js';
import { cleanPack, keptLine, lockFolder, openPack, readManifest, recoverPack, type PackFiles } from '../io/write.js';
import { packageVersion } from '../io/package-root.js';
import { rendererVersions } from '../io/renderer-versions.js';
import { summaryLine } from './summary.js';
import { buildStarting } from './heap.js';
import { CliError } from './errors.js';

export interface OutputOptions extends LoadOptions {
  out: string;
  quiet?: boolean;
  /** commander turns `--no-cache` into `cache: false`. */
  cache?: boolean;
  jobs?: string;
  /** Every warning, not one line a code. */
  verbose?: boolean;
  /** Remove oba's own files from --out (keeping the user's) instead of writing. */
  clean?: boolean;
}

export const CACHE_DIR_NAME = '.oba-cache';

/** The regular files below a folder, sorted; links that lead nowhere (an editor's lock file) are passed over. */
function filesUnder(dir: string | undefined): string[] {
  if (!dir || !existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .map((name) => join(dir, name))
    .filter((file) => {
      try {
        return statSync(file).isFile();
      } catch {
        return false;
      }
    })
    .sort();
}

/** The folder of oba's own modules: `dist/src` when compiled, `src` when run from the sources. */
const CODE_ROOT = dirname(dirname(fileURLToPath(import.meta.url)));

let code: string | undefined;

/**
 * A fingerprint of oba's own code: every module's path and bytes. A clone updated with `git
 * pull` keeps the version number in package.json, and its reruns must not find the folders and
 * charts the old code wrote up to date. Hashes come from `remembered` where it knows a file
 * unchanged. Taken once a process: the code does not change while it runs.
 */
export function codeVersion(remembered?: InputHashes): string {
  return (code ??= codeFingerprint(CODE_ROOT, remembered));
}

/** The path and SHA-256 of every module (`.js`, or `.ts` less declarations) below `root`, hashed together. */
export function codeFingerprint(root: string, remembered?: InputHashes): string {
  const parts: string[] = [];
  // One listing with the entries' kinds: a stat of each of the ~160 files as well cost a rerun ~10 ms.
  const modules = readdirSync(root, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && /\.[jt]s$/.test(entry.name) && !entry.name.endsWith('.d.ts'))
    .map((entry) => join(entry.parentPath, entry.name))
    .sort();
  for (const file of modules) {
    const refuse = (what: string) => new CliError(`${file} (part of oba) is ${what}; reinstall oba`, 1);
    parts.push(relative(root, file).split('\\').join('/'), hashOf(file, refuse, remembered) ?? '');
  }
  return sha256(...parts).slice(0, 16);
}

/** A file's SHA-256, from `remembered` when it knows the file unchanged. */
function hashOf(file: string, refuse: (what: string) => Error, remembered?: InputHashes): string | undefined {
  return remembered ? remembered.hash(file, refuse) : hashFile(file, refuse);
}

/** An input file's SHA-256 (undefined when it cannot be read: reading it reports why); anything but a regular file is refused. */
function inputHash(file: string, remembered?: InputHashes): string | undefined {
  return hashOf(file, (what) => new CliError(`${file} is ${what}, not a file oba can read; give a regular file`, 1), remembered);
}

/** The total size of files (those that cannot be read count 0: reading them reports why). */
function bytesOf(files: readonly string[]): number {
  let total = 0;
  for (const file of files) {
    try {
      total += statSync(file).size;
    } catch {
      // reported when the file is read
    }
  }
  return total;
}

/** The fingerprint of a run: what would change its output. With `remembered`, input files it knows unchanged are not read again. */
export function runKey(command: string, settings: unknown, inputs: InputPlan, remembered?: InputHashes): string {
  const base = inputs.config.dir;
  const files = [
    ...inputs.files,
    ...filesUnder(inputs.config.narrativesDir),
    ...filesUnder(bundledTemplatesDir()),
    ...filesUnder(inputs.config.templatesDir),
  ];
  const parts = [`oba ${packageVersion()} ${codeVersion(remembered)}`, rendererVersions(), command, JSON.stringify(settings)];
  const empty = sha256(new Uint8Array());
  for (const file of files) parts.push(relative(base, file).split('\\').join('/'), inputHash(file, remembered) ?? empty);
  remembered?.save();
  return sha256(...parts);
}

/**
 * The key of the data memo (`io/data-memo.ts`): what decides the observations and issues that
 * reading the data gives. That is the bytes of the configuration, the plan and every data file
 * and their full paths (issues name them), the working folder (some paths are shown relative to
 * it), oba's code, and the V8 that serializes the entry.
 */
export function dataKey(inputs: InputPlan, cwd: string, remembered?: InputHashes): string {
  const parts = ['data', `oba ${packageVersion()} ${codeVersion(remembered)}`, `v8 ${process.versions.v8}`, resolve(cwd)];
  for (const file of inputs.files) parts.push(resolve(cwd, file), inputHash(file, remembered) ?? '');
  return sha256(...parts);
}

/**
 * The inputs of a run, and its data, from what the output commands kept in `cwd`'s cache, read
 * only: for the commands that write no folder (`status`, `show`, `baseline`), which add nothing
 * to the working folder. The configuration and plan come from the YAML memo, the data from the
 * data memo, found by the input hashes remembered; nothing is added to the cache.
 */
export function keptInputs(options: LoadOptions, cwd: string): { inputs: InputPlan; dataMemo?: DataMemo } {
  const cacheDir = join(cwd, CACHE_DIR_NAME);
  if (!existsSync(cacheDir)) return { inputs: planInputs(options, cwd) };
  const inputs = planInputs(options, cwd, openYamlMemo(cacheDir, { readOnly: true }));
  if (!existsSync(join(cacheDir, 'data'))) return { inputs };
  const memo = openDataMemo(cacheDir, dataKey(inputs, cwd, openInputHashes(cacheDir, { readOnly: true })));
  return { inputs, dataMemo: { get: memo.get, set: () => {} } };
}

/**
 * Whether `out` holds exactly the files a run with this key wrote, unchanged since: how many, if
 * so. With a `memo`, files it remembers unchanged are not read again.
 */
export function upToDate(out: string, key: string, memo?: OutputMemo): number | undefined {
  const manifest = readManifest(out);
  if (manifest?.key !== key) return undefined;
  if (memo) return memo.check(out, manifest).matches ? manifest.files.size : undefined;
  for (const [path, hash] of manifest.files) {
    const file = join(out, path);
    if (!existsSync(file) || sha256(readFileSync(file)) !== hash) return undefined;
  }
  return manifest.files.size;
}

/**
 * A one-line progress bar on stderr, for interactive terminals only, shown once a run has taken
 * more than a second and redrawn at most ten times a second.
 */
function progressBar(terminal: Terminal): { update: (ready: number, requested: number) => void; done: () => void } {
  const started = performance.now();
  let last = 0;
  let shown = false;
  return {
    update(ready, requested) {
      const now = performance.now();
      if (now - started < 1000 || (now - last < 100 && ready < requested)) return;
      last = now;
      shown = true;
      const width = 30;
      const filled = Math.round((width * ready) / Math.max(requested, 1));
      terminal.progress(`charts [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${ready}/${requested}`);
    },
    done() {
      if (shown) terminal.progress('');
    },
  };
}

/** Memory a chart worker may take at its peak (measured: about 130 MB), for bounding `--jobs`. */
const WORKER_BYTES = 192 * 1024 * 1024;

/**
 * `--jobs N`, bounded by the cores and the free memory (a worker per core is all that can run at
 * once, and each takes memory); undefined (not given) lets the renderer choose from the cores free.
 */
export function readJobs(text: string | undefined, cores = availableParallelism(), free = freemem()): { jobs: number | undefined; note?: string } {
  if (text === undefined) return { jobs: undefined };
  const n = Number(text);
  if (!Number.isInteger(n) || n < 1 || n > 256) throw new CliError(`--jobs must be a whole number from 1 to 256, not "${text}"`, 2);
  const byMemory = Math.max(1, Math.floor(free / WORKER_BYTES));
  const bound = Math.min(cores, byMemory);
  if (n <= bound) return { jobs: n };
  const why = bound === cores ? `this machine has ${cores} core${cores === 1 ? '' : 's'}` : `the free memory allows ${bound}`;
  return { jobs: bound, note: `--jobs ${n}: ${why}, so ${bound} ${bound === 1 ? 'is' : 'are'} used` };
}

/**
 * Builds the folder's files and returns them; a large build may instead hand batches of files
 * to `emit` as they are ready, so they are written at once and not held in memory. `warn` adds
 * a warning to print at the end.
 */
export interface Build {
  (workspace: Workspace, renderChart: RenderChart, warn: (message: string) => void, emit: (files: PackFiles) => void): Promise<PackFiles | void>;
}

/** A command's build and the settings that decide its output (part of the run's fingerprint). */
export interface OutputRun {
  settings: unknown;
  build: Build;
}

interface RunContext {
  command: string;
  key: string;
  out: string;
  jobs: number | undefined;
  useCache: boolean;
  inputs: InputPlan;
  /** The input files' hashes by stat, when the cache is on. */
  remembered?: InputHashes;
}

/** Every input file and folder, which the output folder must not hold. */
function inputPaths(inputs: InputPlan): string[] {
  const { narrativesDir, templatesDir } = inputs.config;
  return [...inputs.files, ...(narrativesDir ? [narrativesDir] : []), ...(templatesDir ? [templatesDir] : [])];
}

/**
 * Runs `build` unless the output is already up to date, then writes the folder, holding the
 * folder's lock throughout. Returns how many files were written (undefined when nothing needed doing).
 * With `--clean`, removes oba's own files from the folder instead.
 */
export async function runOutput(command: string, settings: unknown, options: OutputOptions, terminal: Terminal, cwd: string, build: Build): Promise<number | undefined> {
  const out = resolve(cwd, options.out);
  if (options.clean) return clean(command, out, options, terminal);
  const { jobs, note } = readJobs(options.jobs);
  if (note && !options.quiet) terminal.err(`oba: ${note}`);
  const useCache = options.cache !== false;
  const cacheDir = join(cwd, CACHE_DIR_NAME);
  const inputs = planInputs(options, cwd, useCache ? openYamlMemo(cacheDir) : undefined);
  const remembered = useCache ? openInputHashes(cacheDir) : undefined;
  const key = runKey(command, settings, inputs, remembered);
  const context: RunContext = { command, key, out, jobs, useCache, inputs, ...(remembered ? { remembered } : {}) };
  const lock = lockFolder(out);
  try {
    recoverPack(out);
    return await buildAndWrite(context, options, terminal, cwd, build, lock.check);
  } finally {
    lock.release();
  }
}

/** A clause as a sentence to add to a line: ' Kept 2 files….' ('' for no clause). */
function sentence(clause: string): string {
  return clause ? ` ${clause[0]!.toUpperCase()}${clause.slice(1)}.` : '';
}

function clean(command: string, out: string, options: OutputOptions, terminal: Terminal): undefined {
  const lock = lockFolder(out);
  try {
    const kept = cleanPack(out, command);
    if (!options.quiet) terminal.err(`Removed the files oba wrote in ${options.out}.${sentence(keptLine(kept))}`);
  } finally {
    lock.release();
  }
  return undefined;
}

async function buildAndWrite({ command, key, out, jobs, useCache, inputs, remembered }: RunContext, options: OutputOptions, terminal: Terminal, cwd: string, build: Build, stillLocked: () => void): Promise<number | undefined> {
  const outputs = useCache ? openOutputMemo(join(cwd, CACHE_DIR_NAME)) : undefined;
  if (outputs) {
    const count = upToDate(out, key, outputs);
    if (count !== undefined) {
      if (!options.quiet) terminal.err(`${options.out} is up to date (${count} files); nothing changed since it was written.`);
      return undefined;
    }
  }
  buildStarting(bytesOf([...inputs.dataFiles, ...inputs.specs.map((s) => s.path)]));
  // Opened first, so a folder that cannot be written is refused before the work is done.
  const pack = openPack(out, { inputs: inputPaths(inputs), command, background: true });
  let renderer: Awaited<ReturnType<typeof import('../io/chart-renderer.js')['createChartRenderer']>> | undefined;
  let progress: ReturnType<typeof progressBar> | undefined;
  const warnings: string[] = [];
  let dataWarnings: DataIssue[] = [];
  let acknowledged = 0;
  let cache: ReturnType<typeof openCache> | undefined;
  try {
    const memo = useCache ? openDataMemo(join(cwd, CACHE_DIR_NAME), dataKey(inputs, cwd, remembered)) : undefined;
    const workspace = await loadWorkspace(options, cwd, inputs, memo);
    requireCleanData(workspace.issues, (issue) => terminal.err(formatIssue(issue)));
    const sorted = withoutAcknowledged(workspace.issues, workspace.config.acknowledge);
    dataWarnings = sorted.issues.filter((i) => i.severity === 'warning');
    acknowledged = sorted.acknowledged;
    cache = useCache ? openCache(join(cwd, CACHE_DIR_NAME)) : undefined;
    // Loaded only now: the chart libraries take a while to load, and an up-to-date run needs none.
    const { createChartRenderer } = await import('../io/chart-renderer.js');
    progress = !options.quiet && terminal.interactive ? progressBar(terminal) : undefined;
    renderer = await createChartRenderer({
      ...(jobs !== undefined ? { jobs } : {}),
      version: `${packageVersion()} ${codeVersion()} ${rendererVersions()}`,
      ...(cache ? { cache } : {}),
      ...(progress ? { onProgress: progress.update } : {}),
    });
    const emit = (files: PackFiles) => {
      for (const [path, content] of files) pack.add(path, content);
    };
    const rest = await build(workspace, renderer.render, (message) => warnings.push(message), emit);
    if (rest) emit(rest);
    await pack.settle();
    await cache?.settle();
    stillLocked();
    pack.commit(key);
    outputs?.remember(out);
    try {
      cache?.prune();
    } catch {
      // A cache that cannot be pruned (a file the user made read-only) costs disk, not the run.
    }
  } catch (error) {
    await pack.settle().catch(() => undefined);
    pack.discard();
    throw error;
  } finally {
    progress?.done();
    await renderer?.close();
    // Entries of charts drawn before a failure are good: kept, then the writer stopped.
    await cache?.settle();
    cache?.close();
  }
  const hashes = pack.hashes();
  if (!options.quiet) {
    for (const line of warningLines(dataWarnings, formatIssue, options.verbose === true)) terminal.err(line);
    for (const warning of warnings) terminal.err(terminalSafe(`warning: ${warning}`));
    for (const line of acknowledgedLine(acknowledged)) terminal.err(line);
    const { drawn, cached, threads } = renderer.stats();
    const corrupt = cache?.corrupt() ?? 0;
    const unsaved = cache?.unsaved() ?? { count: 0 };
    terminal.err(
      summaryLine(hashes.map(([path]) => path), options.out, dataWarnings.length + warnings.length) +
        (cached > 0 ? ` ${drawn} charts drawn, ${cached} from the cache.` : '') +
        (threads > 0 ? ` Charts drawn in ${threads} worker threads.` : '') +
        (corrupt > 0 ? ` ${corrupt} corrupt cache entries were found and redrawn.` : '') +
        (unsaved.count > 0 ? ` ${unsaved.count} ${unsaved.count === 1 ? 'chart' : 'charts'} could not be kept in the cache (${terminalSafe(unsaved.reason ?? 'unknown')}); the outputs are complete.` : '') +
        sentence(keptLine(pack.kept())),
    );
  }
  return hashes.length;
}
