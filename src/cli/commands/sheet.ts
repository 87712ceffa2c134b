/** `oba sheet --cluster NAME` / `--all-clusters`: turn-the-curve sheets for local clusters. */
import type { Terminal } from '../terminal.js';
import { loadNarratives, loadTemplates } from '../assets.js';
import { resolveArea } from '../resolve.js';
import { CliError } from '../errors.js';
import { clusterFolder } from '../../report/cluster-folder.js';
import type { PackFiles } from '../../io/write.js';
import { readAsOf, requireDataBy } from '../as-of.js';
import { escapeMarkdown } from '../../render/markdown.js';
import { runOutput, type OutputOptions, type OutputRun } from '../output-run.js';
import { checkFormats, formatWriter, readFormats } from '../formats.js';
import { eachLimited, AREAS_AT_ONCE } from '../each-limited.js';

export interface SheetOptions extends OutputOptions {
  cluster?: string;
  allClusters?: boolean;
  indicator?: string;
  asOf?: string;
  format?: string;
}

/** `--indicator 1,4`: indicator numbers. */
function readIndicators(text: string | undefined, known: readonly number[]): number[] | undefined {
  if (text === undefined) return undefined;
  const numbers = text.split(',').map((t) => t.trim());
  const bad = numbers.filter((n) => !/^\d+$/.test(n) || !known.includes(Number(n)));
  if (numbers.length === 0 || bad.length > 0) {
    throw new CliError(`--indicator "${text}": ${bad.map((b) => `"${b}"`).join(', ')} is not an indicator number of the plan; give numbers from ${known[0]} to ${known.at(-1)}, as 1 or 1,3,4 (see \`oba list\`)`, 2);
  }
  return numbers.map(Number);
}

/** What `oba sheet` builds, and the settings that decide it: checked before any work is done. */
export function sheetRun(options: SheetOptions): OutputRun {
  if (!options.cluster === !options.allClusters) throw new CliError('give either --cluster NAME or --all-clusters', 2);
  const asOf = readAsOf(options.asOf);
  const formats = readFormats(options.format);
  const browser = checkFormats(formats);
  const settings = { cluster: options.cluster ?? null, allClusters: options.allClusters === true, indicator: options.indicator ?? null, asOf: asOf ?? null, formats };
  return { settings, build: async (workspace, renderChart, warn, emit) => {
    // Loaded only when there is work to do: an up-to-date rerun needs none of it.
    const { buildClusterSheets } = await import('../../report/cluster-sheets.js');
    const { createRenderer } = await import('../../render/templates.js');
    const indicators = readIndicators(options.indicator, workspace.plan.indicators.map((i) => i.number));
    const clusters = options.cluster ? [resolveArea(workspace.dataset, options.cluster)] : workspace.dataset.areas.filter((a) => a.type === 'cluster');
    if (clusters.length === 0) throw new CliError('the plan lists no areas of type cluster', 1);
    if (asOf) requireDataBy(workspace, options.cluster ? clusters[0]!.name : undefined, asOf, options.asOf!);
    const narratives = loadNarratives(workspace.config.narrativesDir);
    narratives.problems.forEach(warn);
    const renderer = createRenderer(loadTemplates(workspace.config.templatesDir));
    const seen = new Map<string, string>();
    for (const cluster of clusters) {
      const folder = clusterFolder(cluster.name);
      const clash = seen.get(folder);
      if (clash) throw new CliError(`clusters "${clash}" and "${cluster.name}" would share the folder ${folder}; rename one`, 1);
      seen.set(folder, cluster.name);
    }
    const writer = await formatWriter(formats, browser, { renderer, author: workspace.config.author, date: asOf });
    try {
      await eachLimited(clusters, AREAS_AT_ONCE, async (cluster) => {
        const pack = await buildClusterSheets({
          dataset: workspace.dataset,
          config: workspace.config,
          cluster: cluster.name,
          narratives: narratives.local.get(clusterFolder(cluster.name)) ?? new Map(),
          renderer,
          renderChart,
          ...(asOf ? { asOf } : {}),
          ...(indicators ? { indicators } : {}),
        });
        const own = await writer.files(pack);
        emit(new Map([...own].map(([path, content]) => [`${clusterFolder(cluster.name)}/${path}`, content])));
      });
    } finally {
      await writer.close();
    }
    const files: PackFiles = new Map();
    if (formats.includes('md')) files.set('index.md', ['# Turn-the-curve sheets', '', ...clusters.map((c) => `- [${escapeMarkdown(c.name)}](${clusterFolder(c.name)}/index.md)`), ''].join('\n'));
    return files;
  } };
}

export async function sheet(options: SheetOptions, terminal: Terminal, cwd: string): Promise<number> {
  const run = sheetRun(options);
  await runOutput('sheet', run.settings, options, terminal, cwd, run.build);
  return 0;
}
