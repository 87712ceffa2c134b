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

export function buildDataset(plan: Plan, observations: readonly Observation[], extraAreas: readonly Area[] = []): Dataset {
  const areas = [...plan.areas, ...extraAreas];
  const areaOrder = new Map(areas.map((a, i) => [a.name, i]));
  const measureOrder = new Map(plan.measures.map((m, i) => [m.id, i]));
  // By measure, then area: looked up without building a key string (the scorecard looks up
  // every peer of every area for every measure, hundreds of thousands of times nationally).
  const groups = new Map<string, Map<string, Observation[]>>();
  let dataDate: string | undefined;
  for (const o of observations) {
    if (o.value !== null && (dataDate === undefined || o.period.end > dataDate)) dataDate = o.period.end;
    let ofMeasure = groups.get(o.measure);
    if (!ofMeasure) groups.set(o.measure, (ofMeasure = new Map()));
    const list = ofMeasure.get(o.area);
    if (list) list.push(o);
    else ofMeasure.set(o.area, [o]);
  }
  const byMeasure = new Map<string, Map<string, Series>>();
  const areasByMeasure = new Map<string, string[]>();
  for (const [measureId, ofMeasure] of groups) {
    const measure = plan.measures.find((m) => m.id === measureId);
    if (!measure) continue;
    const seriesOf = new Map<string, Series>();
    byMeasure.set(measureId, seriesOf);
    for (const [area, list] of ofMeasure) {
      list.sort((a, b) => a.period.ordinal - b.period.ordinal);
      seriesOf.set(area, { measure, area, observations: list });
    }
    areasByMeasure.set(measureId, [...ofMeasure.keys()]);
  }
  const rank = (name: string) => areaOrder.get(name) ?? Number.MAX_SAFE_INTEGER;
  for (const names of areasByMeasure.values()) names.sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
  const ordered = [...byMeasure.values()].flatMap((seriesOf) => [...seriesOf.values()]).sort(
    (a, b) => measureOrder.get(a.measure.id)! - measureOrder.get(b.measure.id)! || rank(a.area) - rank(b.area) || a.area.localeCompare(b.area),
  );
  return {
    plan,
    areas,
    series: (measureId, area) => byMeasure.get(measureId)?.get(area),
    areasWith: (measureId) => areasByMeasure.get(measureId) ?? [],
    all: () => ordered.flatMap((s) => s.observations),
    dataDate,
  };
}
