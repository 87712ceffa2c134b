/** `oba report`: the board pack. */
import { resolve } from 'node:path';
import type { Terminal } from '../terminal.js';
import { formatIssue, loadWorkspace, requireCleanData } from '../workspace.js';
import { loadNarratives, loadTemplates } from '../assets.js';
import { resolveArea } from '../resolve.js';
import { buildBoardPack } from '../../report/board-pack.js';
import { createRenderer } from '../../render/templates.js';
import { writePack } from '../../io/write.js';
import { readAsOf } from '../as-of.js';
import { summaryLine } from '../summary.js';

export interface ReportOptions {
  config?: string;
  out: string;
  area?: string;
  asOf?: string;
  quiet?: boolean;
}

export async function report(options: ReportOptions, terminal: Terminal, cwd: string): Promise<number> {
  const workspace = await loadWorkspace(options, cwd);
  requireCleanData(workspace.issues, (issue) => terminal.err(formatIssue(issue)));
  const area = resolveArea(workspace.dataset, options.area ?? workspace.plan.city).name;
  const narratives = loadNarratives(workspace.config.narrativesDir);
  const renderer = createRenderer(loadTemplates(workspace.config.templatesDir));
  const asOf = readAsOf(options.asOf);
  const files = await buildBoardPack({
    dataset: workspace.dataset,
    config: workspace.config,
    area,
    narratives: narratives.city,
    renderer,
    ...(asOf ? { asOf } : {}),
  });
  const out = resolve(cwd, options.out);
  writePack(out, files, workspace.inputs);
  const warnings = [...workspace.issues.filter((i) => i.severity === 'warning').map(formatIssue), ...narratives.problems];
  if (!options.quiet) {
    for (const w of warnings) terminal.err(`warning: ${w}`);
    terminal.err(summaryLine(files, options.out, warnings.length));
  }
  return 0;
}
