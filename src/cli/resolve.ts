/** Turning names typed on the command line into plan objects, with suggestions on a typo. */
import type { Area, Measure, Plan } from '../plan/types.js';
import type { Dataset } from '../model/dataset.js';
import { CliError } from './errors.js';
import { closest, nearest } from '../data/issues.js';

export function resolveMeasure(plan: Plan, id: string): Measure {
  const found = plan.measures.find((m) => m.id === id.trim().toLowerCase());
  if (found) return found;
  const suggestion = nearest(id, plan.measures.map((m) => m.id));
  throw new CliError(`no measure "${id}" in the plan${suggestion ? `; did you mean ${suggestion}?` : ''} Run \`oba list\` to see the measure ids`, 2);
}

export function resolveArea(dataset: Pick<Dataset, 'areas'>, name: string): Area {
  const key = name.trim().toLowerCase();
  const found = dataset.areas.find((a) => a.name.toLowerCase() === key || a.code?.toLowerCase() === key || a.aliases.some((x) => x.toLowerCase() === key));
  if (found) return found;
  const near = closest(name, dataset.areas.map((a) => a.name));
  const type = near.length > 0 ? dataset.areas.find((a) => a.name === near[0])!.type : undefined;
  throw new CliError(
    `no area "${name}" in the plan${near.length > 0 ? `; the closest are ${near.map((n) => `"${n}"`).join(', ')}` : ''}. \`oba areas${type === 'cluster' ? ' --type cluster' : ''}\` lists them all`,
    2,
  );
}
