/**
 * The scorecard: for every key measure of every indicator, in one area, the latest value, the
 * direction of travel, RAG against the trajectory, the baseline verdict, the comparison with
 * England and the quartile band among like areas.
 */
import type { Area, Indicator, Measure } from '../plan/types.js';
import type { Observation, Period } from '../data/types.js';
import type { Config } from '../config/config.js';
import type { Dataset } from '../model/dataset.js';
import { analyseBaseline, type BaselineAnalysis } from './baseline.js';
import { settingsFor } from './settings.js';
import { compareWithArea, quartileAmongPeers, topQuartileThreshold, type ComparatorResult, type QuartileResult } from './compare.js';
import type { TargetContext } from './target.js';
import type { MeasureOptions } from '../config/config.js';

export const BENCHMARK_AREA = 'England';

export interface ScorecardRow {
  indicator: Indicator;
  measure: Measure;
  area: string;
  latest: Observation | undefined;
  analysis: BaselineAnalysis;
  comparator: ComparatorResult;
  quartile: QuartileResult | undefined;
  /** Values for a sparkline: the last few years at the measure's frequency. */
  recent: (number | null)[];
}

/** Latest observation with a value, on or before `asOf` (an ISO date) when given. */
export function latestObservation(observations: readonly Observation[], asOf?: string): Observation | undefined {
  for (let i = observations.length - 1; i >= 0; i--) {
    const o = observations[i]!;
    if (o.value !== null && (!asOf || o.period.end <= asOf)) return o;
  }
  return undefined;
}

/**
 * The observation for the period with this ordinal, in observations sorted by period (as a
 * dataset's series are): found by bisection. The first such observation, as `find` would give.
 */
export function observationAt(observations: readonly Observation[], ordinal: number): Observation | undefined {
  let low = 0;
  let high = observations.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (observations[mid]!.period.ordinal < ordinal) low = mid + 1;
    else high = mid;
  }
  const found = observations[low];
  return found !== undefined && found.period.ordinal === ordinal ? found : undefined;
}

/** Peers of an area: clusters among clusters; the city among the other local authorities. */
export function peerAreas(areas: readonly Area[], area: string): Area[] {
  const own = areas.find((a) => a.name === area);
  if (!own) return [];
  const group = (type: Area['type']) => (type === 'city' ? 'authority' : type);
  return areas.filter((a) => group(a.type) === group(own.type));
}

/** Peers' values, by measure, peer group and period, for each dataset. */
const peerValueMemo = new WeakMap<Dataset, Map<string, number[]>>();

/**
 * The values of an area's peers (itself among them) for one period: the same for every area of a
 * peer group, so worked out once per measure, group and period rather than for each of the group's
 * areas (153 authorities asking of 153 peers for every measure, nationally).
 */
function peerValues(dataset: Dataset, measure: Measure, area: string, ordinal: number): number[] {
  const peers = peerAreas(dataset.areas, area);
  if (peers.length === 0) return [];
  let memo = peerValueMemo.get(dataset);
  if (!memo) peerValueMemo.set(dataset, (memo = new Map()));
  // Peer groups do not overlap, so any one member names its group.
  const key = `${measure.id}\u0000${peers[0]!.name}\u0000${ordinal}`;
  let values = memo.get(key);
  if (!values) {
    values = peers.map((p) => observationAt(dataset.series(measure.id, p.name)?.observations ?? [], ordinal)?.value).filter((v): v is number => v !== undefined && v !== null);
    memo.set(key, values);
  }
  return values;
}

/** What targets need to know about other areas: comparators and the quartiles of peers. */
export function targetContext(dataset: Dataset, measure: Measure, area: string, asOf?: string): TargetContext {
  const peers = peerAreas(dataset.areas, area);
  const latestOnOrBefore = (name: string, by: Period) =>
    latestObservation((dataset.series(measure.id, name)?.observations ?? []).filter((o) => o.period.ordinal <= by.ordinal && (!asOf || o.period.end <= asOf)));
  return {
    comparatorValue(name, by) {
      const o = latestOnOrBefore(name, by);
      return o && o.value !== null ? { value: o.value, period: o.period.label } : undefined;
    },
    topQuartile(by) {
      const values = peers.map((p) => latestOnOrBefore(p.name, by)).filter((o): o is Observation & { value: number } => o !== undefined && o.value !== null);
      const latestPeriod = values.map((o) => o.period).sort((a, b) => b.ordinal - a.ordinal)[0];
      if (!latestPeriod) return undefined;
      const same = values.filter((o) => o.period.ordinal === latestPeriod.ordinal).map((o) => o.value);
      const threshold = topQuartileThreshold(same, measure);
      return threshold === undefined ? undefined : { value: threshold, period: latestPeriod.label, areas: same.length };
    },
  };
}

export interface AnalyseOptions {
  /** Only data for periods ending on or before this ISO date is used. */
  asOf?: string;
  overrides?: MeasureOptions;
}

/**
 * Analyses one measure in one area with the configured settings. A target written as a value
 * or as an absolute change is the city's; in other areas only targets that scale (a % change,
 * matching an area, the top quartile) apply.
 */
export function analyseMeasure(dataset: Dataset, config: Pick<Config, 'analysis' | 'measures'>, measure: Measure, area: string, options: AnalyseOptions = {}): BaselineAnalysis {
  const observations = visible(dataset.series(measure.id, area)?.observations ?? [], options.asOf);
  const settings = settingsFor(measure, dataset.plan, config, options.overrides);
  const target = settings.target;
  const cityOnly = target && (target.kind === 'value' || (target.kind === 'change' && !target.percent));
  if (cityOnly && area !== dataset.plan.city && !options.overrides?.target) {
    delete settings.target;
    settings.noTargetReason = `the target is set for ${dataset.plan.city} as a value; a % change or an area to match would apply here`;
  }
  settings.planStart = dataset.plan.start;
  const asOf = options.asOf ?? dataset.dataDate;
  if (asOf) settings.asOf = asOf;
  const control = settings.control ? dataset.areas.find((a) => a.name.toLowerCase() === settings.control!.toLowerCase() || a.aliases.some((x) => x.toLowerCase() === settings.control!.toLowerCase()))?.name : undefined;
  if (control && control !== area) {
    settings.control = control;
    settings.controlObservations = visible(dataset.series(measure.id, control)?.observations ?? [], options.asOf);
  } else delete settings.control;
  return analyseBaseline(measure, area, observations, settings, targetContext(dataset, measure, area, options.asOf));
}

function visible(observations: readonly Observation[], asOf?: string): Observation[] {
  return asOf ? observations.filter((o) => o.period.end <= asOf) : [...observations];
}

export function scorecardRow(dataset: Dataset, config: Pick<Config, 'analysis' | 'measures'>, indicator: Indicator, measure: Measure, area: string, options: AnalyseOptions = {}): ScorecardRow {
  const observations = visible(dataset.series(measure.id, area)?.observations ?? [], options.asOf);
  const analysis = analyseMeasure(dataset, config, measure, area, options);
  const latest = latestObservation(observations);
  const benchmark = latest ? observationAt(dataset.series(measure.id, BENCHMARK_AREA)?.observations ?? [], latest.period.ordinal) : undefined;
  const comparator: ComparatorResult =
    area === BENCHMARK_AREA ? { status: 'not-compared', reason: 'this is the benchmark' } : compareWithArea(latest, benchmark, BENCHMARK_AREA, measure);
  let quartile: QuartileResult | undefined;
  if (latest) {
    quartile = quartileAmongPeers(latest.value, peerValues(dataset, measure, area, latest.period.ordinal), measure, latest.period.label);
  }
  const perYear = measure.frequency === 'annual' ? 8 : measure.frequency === 'quarterly' ? 12 : measure.frequency === 'monthly' ? 24 : 26;
  return { indicator, measure, area, latest, analysis, comparator, quartile, recent: observations.slice(-perYear).map((o) => o.value) };
}

/** Every key measure of every indicator, obsessions first, then in plan order. */
export function scorecard(dataset: Dataset, config: Pick<Config, 'analysis' | 'measures'>, area: string, options: AnalyseOptions = {}): ScorecardRow[] {
  const rows: ScorecardRow[] = [];
  const indicators = [...dataset.plan.indicators].sort((a, b) => Number(b.obsession) - Number(a.obsession) || a.number - b.number);
  for (const indicator of indicators) {
    for (const measure of indicator.measures.filter((m) => m.role === 'key')) {
      rows.push(scorecardRow(dataset, config, indicator, measure, area, options));
    }
  }
  return rows;
}
