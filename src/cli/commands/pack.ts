/**
 * `oba pack`: the board pack, every cluster's sheets and the tracker in one run, in
 * `board-pack/`, `sheets/` and `tracker/` under one folder (no `sheets/` when the plan has no
 * clusters). The data is read and checked once, and the three share one chart renderer (its
 * compiled chart shapes and cache); each part is exactly what its own command writes.
 */
import type { Terminal } from '../terminal.js';
import { runOutput, type OutputOptions, type OutputRun } from '../output-run.js';
import type { PackFiles } from '../../io/write.js';
import { reportRun } from './report.js';
import { sheetRun } from './sheet.js';
import { trackerRun } from './tracker.js';

export interface PackOptions extends OutputOptions {
  asOf?: string;
  format?: string;
}

/** The parts of a pack, by the folder each is written to. */
function parts(options: PackOptions): [string, OutputRun][] {
  return [
    ['board-pack', reportRun(options)],
    ['sheets', sheetRun({ ...options, allClusters: true })],
    // The tracker reports up to a week; a date given as --as-of is read as the week it falls in.
    ['tracker', trackerRun({ ...options, ...(options.asOf !== undefined ? { week: options.asOf } : {}) })],
  ];
}

function within(folder: string, files: PackFiles): PackFiles {
  return new Map([...files].map(([path, content]) => [`${folder}/${path}`, content]));
}

export async function pack(options: PackOptions, terminal: Terminal, cwd: string): Promise<number> {
  const runs = parts(options);
  const settings = Object.fromEntries(runs.map(([folder, run]) => [folder, run.settings]));
  await runOutput('pack', settings, options, terminal, cwd, async (workspace, renderChart, warn, emit) => {
    for (const [folder, run] of runs) {
      // A council's own plan starts with no clusters (`oba init`): its pack is the board pack and
      // the tracker, where `oba sheet --all-clusters` would refuse.
      if (folder === 'sheets' && !workspace.dataset.areas.some((a) => a.type === 'cluster')) {
        warn('the plan lists no areas of type cluster, so the pack has no sheets/; add clusters under areas: in the plan (type: cluster) for their turn-the-curve sheets');
        continue;
      }
      const rest = await run.build(workspace, renderChart, warn, (files) => emit(within(folder, files)));
      if (rest) emit(within(folder, rest));
    }
  });
  return 0;
}
