/** Turning names typed on the command line into plan objects, with suggestions on a typo. */
import type { Area, Measure, Plan } from '../plan/types.js';
import type { Dataset } from '../model/dataset.js';
import { CliError } from './errors.js';

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
  const suggestion = nearest(name, dataset.areas.map((a) => a.name));
  throw new CliError(`no area "${name}" in the plan${suggestion ? `; did you mean ${suggestion}?` : ''} The areas are listed under \`areas:\` in the plan`, 2);
}

/** The closest candidate by edit distance, if it is close enough to be a typo. */
export function nearest(text: string, candidates: readonly string[]): string | undefined {
  const target = text.toLowerCase();
  let best: { name: string; distance: number } | undefined;
  for (const name of candidates) {
    const d = editDistance(target, name.toLowerCase());
    if (!best || d < best.distance) best = { name, distance: d };
  }
  return best && best.distance <= Math.max(2, Math.floor(target.length / 3)) ? best.name : undefined;
}

function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let previous = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const current = row[j]!;
      row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, previous + (a[i - 1] === b[j - 1] ? 0 : 1));
      previous = current;
    }
  }
  return row[b.length]!;
}
