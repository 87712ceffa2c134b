/**
 * All observations, indexed by measure and area, each series sorted by period.
 */
import type { Observation } from '../data/types.js';
import type { Area, Measure, Plan } from '../plan/types.js';

export interface Series {
  measure: Measure;
  area: string;
  observations: Observation[];
}

export interface Dataset {
  plan: Plan;
  areas: Area[];
  series(measureId: string, area: string): Series | undefined;
  /** Areas with data for the measure, in plan order. */
  areasWith(measureId: string): string[];
  /** Every observation, in a stable order (plan measure order, area order, period). */
  all(): Observation[];
  /** The end (ISO date) of the latest period with a value: the date the data speak for. */
  dataDate: string | undefined;
}

const key = (measure: string, area: string) => `${measure}\u0000${area}`;

export function buildDataset(plan: Plan, observations: readonly Observation[], extraAreas: readonly Area[] = []): Dataset {
  const areas = [...plan.areas, ...extraAreas];
  const areaOrder = new Map(areas.map((a, i) => [a.name, i]));
  const measureOrder = new Map(plan.measures.map((m, i) => [m.id, i]));
  const groups = new Map<string, Observation[]>();
  let dataDate: string | undefined;
  for (const o of observations) {
    if (o.value !== null && (dataDate === undefined || o.period.end > dataDate)) dataDate = o.period.end;
    const k = key(o.measure, o.area);
    const list = groups.get(k);
    if (list) list.push(o);
    else groups.set(k, [o]);
  }
  const byKey = new Map<string, Series>();
  const areasByMeasure = new Map<string, string[]>();
  for (const [k, list] of groups) {
    const first = list[0]!;
    const measure = plan.measures.find((m) => m.id === first.measure);
    if (!measure) continue;
    list.sort((a, b) => a.period.ordinal - b.period.ordinal);
    byKey.set(k, { measure, area: first.area, observations: list });
    const names = areasByMeasure.get(measure.id) ?? [];
    names.push(first.area);
    areasByMeasure.set(measure.id, names);
  }
  const rank = (name: string) => areaOrder.get(name) ?? Number.MAX_SAFE_INTEGER;
  for (const names of areasByMeasure.values()) names.sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
  const ordered = [...byKey.values()].sort(
    (a, b) => measureOrder.get(a.measure.id)! - measureOrder.get(b.measure.id)! || rank(a.area) - rank(b.area) || a.area.localeCompare(b.area),
  );
  return {
    plan,
    areas,
    series: (measureId, area) => byKey.get(key(measureId, area)),
    areasWith: (measureId) => areasByMeasure.get(measureId) ?? [],
    all: () => ordered.flatMap((s) => s.observations),
    dataDate,
  };
}
