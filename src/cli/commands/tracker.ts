/** `oba tracker`: the weekly obsession tracker; `--check` for CI. */
import { resolve } from 'node:path';
import type { Terminal } from '../terminal.js';
import { formatIssue, loadWorkspace, requireCleanData } from '../workspace.js';
import { loadTemplates } from '../assets.js';
import { resolveArea } from '../resolve.js';
import { buildTracker } from '../../report/tracker.js';
import { createRenderer } from '../../render/templates.js';
import { readPack, writePack } from '../../io/write.js';
import { readAsOf } from '../as-of.js';
import { summaryLine } from '../summary.js';
import { CliError } from '../errors.js';
import { parsePeriod } from '../../data/period.js';

export interface TrackerOptions {
  config?: string;
  out: string;
  week?: string;
  area?: string;
  check?: boolean;
  quiet?: boolean;
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

export async function tracker(options: TrackerOptions, terminal: Terminal, cwd: string): Promise<number> {
  const asOf = readWeek(options.week);
  const workspace = await loadWorkspace(options, cwd);
  requireCleanData(workspace.issues, (issue) => terminal.err(formatIssue(issue)));
  const area = resolveArea(workspace.dataset, options.area ?? workspace.plan.city).name;
  const renderer = createRenderer(loadTemplates(workspace.config.templatesDir));
  const files = await buildTracker({ dataset: workspace.dataset, config: workspace.config, area, ...(asOf ? { asOf } : {}) }, renderer);
  const out = resolve(cwd, options.out);
  if (options.check) {
    const committed = readPack(out);
    const changed = [...new Set([...files.keys(), ...committed.keys()])].filter((p) => files.get(p) !== committed.get(p)).sort();
    if (changed.length === 0) {
      if (!options.quiet) terminal.err(`The tracker in ${options.out} is up to date.`);
      return 0;
    }
    terminal.err(`The tracker in ${options.out} is out of date; run \`oba tracker --out ${options.out}\` and commit the result. Differs:`);
    for (const p of changed) terminal.err(`  ${p}${committed.has(p) ? (files.has(p) ? '' : ' (no longer written)') : ' (missing)'}`);
    return 1;
  }
  writePack(out, files, workspace.inputs);
  if (!options.quiet) terminal.err(summaryLine(files, options.out, workspace.issues.filter((i) => i.severity === 'warning').length));
  return 0;
}
