/** `oba report`: the board pack, for one area or (`--all-areas`) for every local area. */
import type { Terminal } from '../terminal.js';
import { loadNarratives, loadTemplates } from '../assets.js';
import { resolveArea } from '../resolve.js';
import { CliError } from '../errors.js';
import { readAsOf, requireDataBy } from '../as-of.js';
import { runOutput, type OutputOptions, type OutputRun } from '../output-run.js';
import { checkFormats, formatWriter, readFormats } from '../formats.js';
import { slugify } from '../../render/slug.js';
import { escapeMarkdown } from '../../render/markdown.js';
import type { PackFiles } from '../../io/write.js';
import type { Area } from '../../plan/types.js';
import { eachLimited, AREAS_AT_ONCE } from '../each-limited.js';

export interface ReportOptions extends OutputOptions {
  area?: string;
  allAreas?: boolean;
  asOf?: string;
  format?: string;
}

/** Local areas get a pack of their own with --all-areas; benchmarks (England, regions) do not. */
const LOCAL: readonly Area['type'][] = ['city', 'authority', 'cluster'];

/** What `oba report` builds, and the settings that decide it: checked before any work is done. */
export function reportRun(options: ReportOptions): OutputRun {
  if (options.area && options.allAreas) throw new CliError('give --area or --all-areas, not both', 2);
  const asOf = readAsOf(options.asOf);
  const formats = readFormats(options.format);
  const browser = checkFormats(formats);
  const settings = { area: options.area ?? null, allAreas: options.allAreas === true, asOf: asOf ?? null, formats };
  return { settings, build: async (workspace, renderChart, warn, emit) => {
    // Loaded only when there is work to do: an up-to-date rerun needs none of it.
    const { buildBoardPack } = await import('../../report/board-pack.js');
    const { createRenderer } = await import('../../render/templates.js');
    const narratives = loadNarratives(workspace.config.narrativesDir);
    narratives.problems.forEach(warn);
    const renderer = createRenderer(loadTemplates(workspace.config.templatesDir));
    // Checked before the writer opens (a PDF writer starts a browser that must then be closed).
    const area = options.allAreas ? undefined : resolveArea(workspace.dataset, options.area ?? workspace.plan.city).name;
    if (asOf) requireDataBy(workspace, area, asOf, options.asOf!);
    const writer = await formatWriter(formats, browser, { renderer, author: workspace.config.author, date: asOf });
    const pack = async (area: string) =>
      writer.files(await buildBoardPack({ dataset: workspace.dataset, config: workspace.config, area, narratives: narratives.city, renderer, renderChart, ...(asOf ? { asOf } : {}) }));
    try {
      if (area !== undefined) return await pack(area);

      const areas = workspace.dataset.areas.filter((a) => LOCAL.includes(a.type));
      const folders = new Map<string, string>();
      for (const area of areas) {
        const folder = slugify(area.name, 'area');
        const clash = folders.get(folder);
        if (clash) throw new CliError(`areas "${clash}" and "${area.name}" would share the folder ${folder}; rename one`, 1);
        folders.set(folder, area.name);
      }
      // A few areas at a time keeps the chart workers busy; each pack is written as it is done.
      await eachLimited(areas, AREAS_AT_ONCE, async (area) => {
        const own = await pack(area.name);
        emit(new Map([...own].map(([path, content]) => [`${slugify(area.name, 'area')}/${path}`, content])));
      });
      const files: PackFiles = new Map();
      if (formats.includes('md')) {
        files.set(
          'index.md',
          [`# ${escapeMarkdown(workspace.plan.title)}: board packs`, '', `One pack per area (${areas.length}).`, '', ...areas.map((a) => `- [${escapeMarkdown(a.name)}](${slugify(a.name, 'area')}/index.md)`), ''].join('\n'),
        );
      }
      return files;
    } finally {
      await writer.close();
    }
  } };
}

export async function report(options: ReportOptions, terminal: Terminal, cwd: string): Promise<number> {
  const run = reportRun(options);
  await runOutput('report', run.settings, options, terminal, cwd, run.build);
  return 0;
}
