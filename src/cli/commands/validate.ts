/** `oba validate`: every problem in the plan, configuration and data, at once. */
import { displayPath } from '../display-path.js';
import { terminalSafe, type Terminal } from '../terminal.js';
import { formatIssue, loadWorkspace, type Workspace } from '../workspace.js';
import { acknowledgedLine, warningLines, withoutAcknowledged } from '../warnings.js';
import { formatProblem, InputProblems, type Problem } from '../../config/problems.js';
import type { DataIssue } from '../../data/types.js';
import { closeSync, constants, fstatSync, openSync, readFileSync, readSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { recognise } from '../../data/presets.js';
import { readCsvBytes } from '../../data/csv.js';
import { checkNarrativeText } from '../../report/narrative-check.js';
import { loadNarratives, type NarrativeSet } from '../assets.js';
import type { Narrative } from '../../report/narrative.js';
import { cardMeasures, checkNarrativeFigures, fillPlaceholders } from '../../report/narrative-figures.js';
import { slugify } from '../../render/slug.js';

export interface ValidateOptions {
  config?: string;
  data?: string[];
  json?: boolean;
  verbose?: boolean;
}

/** `loaded` receives the workspace once read (`oba init` then says what it holds for the council). */
export async function validate(options: ValidateOptions, terminal: Terminal, cwd: string, loaded?: (workspace: Workspace) => void): Promise<number> {
  // Published files given with --data are recognised by their header, and the preset that reads them named.
  if (options.data && options.data.length > 0) {
    const recognised = options.data.map((f) => ({ file: f, presets: recognise(firstRows(resolve(cwd, f))) }));
    // With --json, standard output holds the JSON alone: the advice goes to standard error.
    const say = (line: string) => (options.json ? terminal.err(line) : terminal.out(line));
    for (const { file, presets } of recognised.filter((r) => r.presets.length > 0)) {
      say(`${file}: ${presets[0]!.title}. Not oba's own format: read it through a preset, in sources: of oba.config.yaml:`);
      for (const p of presets) say(`  - { preset: ${p.name}, file: ${file}${p.name === 'fingertips' ? ', measure: <the measure id in your plan>' : ''} }   # ${p.name === 'fingertips' ? 'any one indicator' : p.measure.title}`);
    }
    const native = recognised.filter((r) => r.presets.length === 0).map((r) => r.file);
    if (native.length === 0) return 0;
    options = { ...options, data: native };
  }
  let workspace: Workspace;
  try {
    workspace = await loadWorkspace(options, cwd);
  } catch (error) {
    if (!(error instanceof InputProblems)) throw error;
    return printInputProblems(error.located, options, terminal, cwd);
  }
  loaded?.(workspace);
  // Narratives are checked against the data when the whole workspace is validated, not single files.
  if (!options.data || options.data.length === 0) {
    // Read once for both checks: the narratives, and each file's text as written (for line numbers).
    const narratives = loadNarratives(workspace.config.narrativesDir);
    const texts = new Map<string, string>();
    const textOf = (file: string) => texts.get(file) ?? texts.set(file, readFileSync(file, 'utf8')).get(file)!;
    workspace.issues.push(...narrativeIssues(workspace, narratives, textOf), ...narrativeFigureIssues(workspace, narratives, textOf));
  }
  const shown = (issue: DataIssue): DataIssue => ({ ...issue, file: displayPath(issue.file, cwd) });
  const { issues, acknowledged } = withoutAcknowledged(workspace.issues, workspace.config.acknowledge);
  const errors = issues.filter((i) => i.severity === 'error').map(shown);
  const warnings = issues.filter((i) => i.severity === 'warning').map(shown);
  if (options.json) {
    const strip = ({ file, line, column, code, message }: DataIssue) => ({ file, line, column: column ?? null, code, message });
    terminal.out(JSON.stringify({ errors: errors.map(strip), warnings: warnings.map(strip), acknowledged }, null, 2));
  } else {
    const c = terminal.colour;
    for (const issue of errors) terminal.out(c.red(formatIssue(issue)));
    for (const line of warningLines(warnings, formatIssue, options.verbose === true)) terminal.out(c.yellow(line));
    for (const line of acknowledgedLine(acknowledged)) terminal.out(line);
    const observations = workspace.dataset.all().length;
    const files = workspace.dataFileCount;
    const summary = `${errors.length} error${errors.length === 1 ? '' : 's'}, ${warnings.length} warning${warnings.length === 1 ? '' : 's'} in ${files} data file${files === 1 ? '' : 's'} (${observations} observations)`;
    terminal.out(errors.length > 0 ? c.red(`✘ ${summary}`) : c.green(`✔ ${summary}`));
  }
  return errors.length > 0 ? 1 : 0;
}

/** Each narrative file as written: its front matter, fields and headings; cluster folders that name no area. */
function narrativeIssues(workspace: Workspace, narratives: NarrativeSet, textOf: (file: string) => string): DataIssue[] {
  const issues: DataIssue[] = [];
  for (const n of narratives.city.values()) issues.push(...checkNarrativeText(textOf(n.file), n.file, 'card'));
  for (const [slug, set] of narratives.local) {
    const files = [...set.values()];
    if (!workspace.dataset.areas.some((a) => slugify(a.name) === slug) && files[0]) {
      issues.push({ severity: 'warning', code: 'NARRATIVE_FIELD', file: dirname(files[0].file), line: 0, message: `the folder name "${slug}" is no area of the plan, so these narratives are not used; name it after an area (\`oba areas --type cluster\` lists them)` });
    }
    for (const n of files) issues.push(...checkNarrativeText(textOf(n.file), n.file, 'sheet'));
  }
  return issues;
}

/** Narrative figures that disagree with the data, and placeholders that cannot be filled (warnings). */
function narrativeFigureIssues(workspace: Workspace, narratives: NarrativeSet, textOf: (file: string) => string): DataIssue[] {
  const { dataset } = workspace;
  const plan = dataset.plan;
  const issues: DataIssue[] = [];
  const check = (narrative: Narrative, area: string) => {
    const indicator = plan.indicators.find((i) => i.number === narrative.indicator);
    if (!indicator) return;
    const text = textOf(narrative.file);
    const measures = cardMeasures(indicator);
    const warn = (line: number, message: string) => issues.push({ severity: 'warning', code: 'NARRATIVE_FIGURE', file: narrative.file, line, message });
    for (const p of checkNarrativeFigures(text, measures, (m) => dataset.series(m.id, area)?.observations ?? [], narrative.updated)) warn(p.line, p.message);
    text.split('\n').forEach((line, i) => {
      if (!line.includes('{{')) return;
      for (const problem of fillPlaceholders(line, plan, dataset, area, measures[0], narrative.updated).problems) warn(i + 1, problem);
    });
  };
  for (const narrative of narratives.city.values()) check(narrative, plan.city);
  for (const [slug, set] of narratives.local) {
    const area = dataset.areas.find((a) => slugify(a.name) === slug);
    if (area) for (const narrative of set.values()) check(narrative, area.name);
  }
  return issues;
}


/** The first records of a file, enough to see its header (even one below a title block). */
function firstRows(file: string): string[][] {
  const rows: string[][] = [];
  try {
    // Without blocking, and regular files only: a FIFO would hang the run (it is refused later).
    const fd = openSync(file, constants.O_RDONLY | constants.O_NONBLOCK);
    const buffer = Buffer.alloc(256 * 1024);
    let n = 0;
    try {
      if (fstatSync(fd).isFile()) n = readSync(fd, buffer, 0, buffer.length, 0);
    } finally {
      closeSync(fd);
    }
    const bytes = buffer.subarray(0, n);
    const end = n < buffer.length ? n : bytes.lastIndexOf(0x0a) + 1;
    readCsvBytes(bytes.subarray(0, end), file, (r) => void (rows.length < 10 && rows.push(r.fields)));
  } catch {
    // A file that cannot be read is reported by the data check that follows.
  }
  return rows;
}

/** Problems in the configuration or plan: the data cannot be read until they are fixed. */
function printInputProblems(problems: Problem[], options: ValidateOptions, terminal: Terminal, cwd: string): number {
  if (options.json) {
    const errors = problems.map((p) => ({ file: displayPath(p.file, cwd), line: p.line ?? 0, column: p.column ?? null, code: p.code ?? 'CONFIG', message: p.message }));
    terminal.out(JSON.stringify({ errors, warnings: [] }, null, 2));
    return 1;
  }
  const c = terminal.colour;
  for (const p of problems) terminal.out(c.red(terminalSafe(`${formatProblem(p, displayPath(p.file, cwd))} [${p.code ?? 'CONFIG'}]`)));
  const n = problems.length;
  terminal.out(c.red(`✘ ${n} error${n === 1 ? '' : 's'} in the configuration and plan; the data is checked once they are fixed`));
  return 1;
}
