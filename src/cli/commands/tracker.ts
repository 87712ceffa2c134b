/** `oba tracker`: the weekly obsession tracker; `--check` for CI. */
import { resolve } from 'node:path';
import type { Terminal } from '../terminal.js';
import { formatIssue, loadWorkspace, planInputs, requireCleanData, type InputPlan } from '../workspace.js';
import { loadTemplates } from '../assets.js';
import { resolveArea } from '../resolve.js';
import { readPack, type PackFiles } from '../../io/write.js';
import { readAsOf } from '../as-of.js';
import { CliError } from '../errors.js';
import { parsePeriod } from '../../data/period.js';
import { runKey, runOutput, upToDate, type OutputOptions, type OutputRun } from '../output-run.js';
import { checkFormats, formatWriter, readFormats, type Format } from '../formats.js';
import type { Workspace } from '../workspace.js';
import type { RenderChart } from '../../io/chart-renderer.js';

export interface TrackerOptions extends OutputOptions {
  week?: string;
  area?: string;
  check?: boolean;
  format?: string;
}

/** `--week 2015-W10` (or a date): report the latest data up to the end of that week. */
function readWeek(text: string | undefined): string | undefined {
  if (text === undefined) return undefined;
  const week = parsePeriod(text, 'week');
  if (week.ok) return week.period.end;
  try {
    return readAsOf(text);
  } catch {
    throw new CliError(`--week "${text}" is not a week; write 2015-W10 or a date such as 2015-03-08`, 2);
  }
}

function sameBytes(a: string | Uint8Array | undefined, b: string | Uint8Array | undefined): boolean {
  if (a === undefined || b === undefined) return a === b;
  return Buffer.from(typeof a === 'string' ? Buffer.from(a, 'utf8') : a).equals(typeof b === 'string' ? Buffer.from(b, 'utf8') : b);
}

/** What `oba tracker` builds, and the settings that decide it: checked before any work is done. */
export function trackerRun(options: TrackerOptions): OutputRun & { build: (workspace: Workspace, renderChart: RenderChart) => Promise<PackFiles> } {
  const asOf = readWeek(options.week);
  const formats: Format[] = readFormats(options.format);
  const browser = checkFormats(formats);
  const build = async (workspace: Workspace, renderChart: RenderChart) => {
    // Loaded only when there is work to do: an up-to-date rerun needs none of it.
    const { buildTracker } = await import('../../report/tracker.js');
    const { createRenderer } = await import('../../render/templates.js');
    const area = resolveArea(workspace.dataset, options.area ?? workspace.plan.city).name;
    const renderer = createRenderer(loadTemplates(workspace.config.templatesDir));
    const writer = await formatWriter(formats, browser, { renderer, author: workspace.config.author, date: asOf });
    try {
      return await writer.files(await buildTracker({ dataset: workspace.dataset, config: workspace.config, area, renderChart, ...(asOf ? { asOf } : {}) }, renderer));
    } finally {
      await writer.close();
    }
  };
  return { settings: { area: options.area ?? null, asOf: asOf ?? null, formats }, build };
}

export async function tracker(options: TrackerOptions, terminal: Terminal, cwd: string): Promise<number> {
  if (options.check && options.clean) throw new CliError('give --check or --clean, not both', 2);
  const { settings, build } = trackerRun(options);
  if (!options.check) {
    await runOutput('tracker', settings, options, terminal, cwd, build);
    return 0;
  }
  // --check: when the folder's manifest says it was written from exactly these inputs and its files
  // are as written, it is up to date without building anything (unless --no-cache asks for a build).
  const out = resolve(cwd, options.out);
  const inputs = planInputs(options, cwd);
  const upToDateHere = () => {
    if (!options.quiet) terminal.err(`The tracker in ${options.out} is up to date.`);
    return 0;
  };
  if (options.cache !== false && upToDate(out, runKey('tracker', settings, inputs)) !== undefined) return upToDateHere();
  const files = await buildInMemory(options, cwd, inputs, terminal, build);
  const committed = readPack(out);
  const changed = [...new Set([...files.keys(), ...committed.keys()])].filter((p) => !sameBytes(files.get(p), committed.get(p))).sort();
  if (changed.length === 0) return upToDateHere();
  const formats = readFormats(options.format);
  terminal.err(`The tracker in ${options.out} is out of date; run \`oba tracker --out ${options.out}${formats.join(',') === 'md' ? '' : ` --format ${formats.join(',')}`}\` and commit the result. Differs:`);
  for (const p of changed) terminal.err(`  ${p}${committed.has(p) ? (files.has(p) ? '' : ' (no longer written)') : ' (missing)'}`);
  return 1;
}

/** The tracker's files built in memory, its charts drawn in this thread by shape. */
async function buildInMemory(options: TrackerOptions, cwd: string, inputs: InputPlan, terminal: Terminal, build: (workspace: Workspace, renderChart: RenderChart) => Promise<PackFiles>): Promise<PackFiles> {
  const workspace = await loadWorkspace(options, cwd, inputs);
  requireCleanData(workspace.issues, (issue) => terminal.err(formatIssue(issue)));
  const { createShapeRenderer } = await import('../../charts/render.js');
  const shaped = createShapeRenderer();
  try {
    return await build(workspace, (spec) => shaped.render(spec));
  } finally {
    shaped.close();
  }
}
