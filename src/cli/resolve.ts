/** Turning names typed on the command line into plan objects, with suggestions on a typo. */
import type { Area, Measure, Plan } from '../plan/types.js';
import type { Dataset } from '../model/dataset.js';
import { CliError } from './errors.js';
import { closest, nearest } from '../data/issues.js';
import { areaMatcher } from '../data/areas.js';

export function resolveMeasure(plan: Plan, id: string): Measure {
  const found = plan.measures.find((m) => m.id === id.trim().toLowerCase());
  if (found) return found;
  // An indicator's number (`oba show 1`) names its measures: one of them is meant.
  const indicator = /^\d+$/.test(id.trim()) ? plan.indicators.find((i) => i.number === Number(id.trim())) : undefined;
  if (indicator) {
    const ids = indicator.measures.map((m) => m.id);
    throw new CliError(`"${id.trim()}" is the number of indicator ${indicator.number} (${indicator.title}); give one of its measures: ${ids.join(', ')}`, 2);
  }
  const suggestion = nearest(id, plan.measures.map((m) => m.id));
  throw new CliError(`no measure "${id}" in the plan${suggestion ? `; did you mean ${suggestion}? ` : '; '}\`oba list\` shows the measure ids`, 2);
}

export function resolveArea(dataset: Pick<Dataset, 'areas'>, name: string): Area {
  // Matched as a data file's area cell is: by name, code or alias, case and spacing aside.
  const canonical = areaMatcher(dataset.areas).match(name);
  const found = canonical === undefined ? undefined : dataset.areas.find((a) => a.name === canonical);
  if (found) return found;
  const near = closest(name, dataset.areas.map((a) => a.name));
  const type = near.length > 0 ? dataset.areas.find((a) => a.name === near[0])!.type : undefined;
  throw new CliError(
    `no area "${name}" in the plan${near.length > 0 ? `; the closest are ${near.map((n) => `"${n}"`).join(', ')}` : ''}. \`oba areas${type === 'cluster' ? ' --type cluster' : ''}\` lists them all`,
    2,
  );
}
