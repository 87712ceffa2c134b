/** `oba sheet --cluster NAME` / `--all-clusters`: turn-the-curve sheets for local clusters. */
import { resolve } from 'node:path';
import type { Terminal } from '../terminal.js';
import { formatIssue, loadWorkspace, requireCleanData } from '../workspace.js';
import { loadNarratives, loadTemplates } from '../assets.js';
import { resolveArea } from '../resolve.js';
import { CliError } from '../errors.js';
import { buildClusterSheets, clusterFolder } from '../../report/cluster-sheets.js';
import { createRenderer } from '../../render/templates.js';
import { writePack, type PackFiles } from '../../io/write.js';
import { readAsOf } from '../as-of.js';
import { summaryLine } from '../summary.js';
import { escapeMarkdown } from '../../render/markdown.js';

export interface SheetOptions {
  config?: string;
  cluster?: string;
  allClusters?: boolean;
  out: string;
  asOf?: string;
  quiet?: boolean;
}

export async function sheet(options: SheetOptions, terminal: Terminal, cwd: string): Promise<number> {
  if (!options.cluster === !options.allClusters) throw new CliError('give either --cluster NAME or --all-clusters', 2);
  const workspace = await loadWorkspace(options, cwd);
  requireCleanData(workspace.issues, (issue) => terminal.err(formatIssue(issue)));
  const clusters = options.cluster
    ? [resolveArea(workspace.dataset, options.cluster)]
    : workspace.dataset.areas.filter((a) => a.type === 'cluster');
  if (clusters.length === 0) throw new CliError('the plan lists no areas of type cluster', 1);
  const narratives = loadNarratives(workspace.config.narrativesDir);
  const renderer = createRenderer(loadTemplates(workspace.config.templatesDir));
  const asOf = readAsOf(options.asOf);
  const files: PackFiles = new Map();
  const seen = new Map<string, string>();
  for (const cluster of clusters) {
    const folder = clusterFolder(cluster.name);
    const clash = seen.get(folder);
    if (clash) throw new CliError(`clusters "${clash}" and "${cluster.name}" would share the folder ${folder}; rename one`, 1);
    seen.set(folder, cluster.name);
    const own = await buildClusterSheets({
      dataset: workspace.dataset,
      config: workspace.config,
      cluster: cluster.name,
      narratives: narratives.local.get(folder) ?? new Map(),
      renderer,
      ...(asOf ? { asOf } : {}),
    });
    for (const [path, content] of own) files.set(`${folder}/${path}`, content);
  }
  files.set('index.md', [`# Turn-the-curve sheets`, '', ...clusters.map((c) => `- [${escapeMarkdown(c.name)}](${clusterFolder(c.name)}/index.md)`), ''].join('\n'));
  writePack(resolve(cwd, options.out), files, workspace.inputs);
  const warnings = [...workspace.issues.filter((i) => i.severity === 'warning').map(formatIssue), ...narratives.problems];
  if (!options.quiet) {
    for (const w of warnings) terminal.err(`warning: ${w}`);
    terminal.err(summaryLine(files, options.out, warnings.length));
  }
  return 0;
}
