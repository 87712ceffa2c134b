/**
 * Pieces shared by the board pack, the cluster sheets and the tracker.
 */
import type { Indicator, Measure, Plan } from '../plan/types.js';
import type { Observation, Period } from '../data/types.js';
import type { ScorecardRow } from '../analysis/scorecard.js';
import type { PackFiles } from '../io/write.js';
import { formatObservation } from '../render/format.js';
import { slugify } from '../render/slug.js';
import { sparkline } from '../charts/sparkline.js';
import { comparatorText, directionText, periodWords, ragText, verdictText } from './words.js';

export function indicatorFileName(indicator: Indicator): string {
  return `${String(indicator.number).padStart(2, '0')}-${slugify(indicator.title, 'indicator')}.md`;
}

export function chartFileName(measure: Measure, area: string): string {
  return `charts/${measure.id}-${slugify(area, 'area')}.svg`;
}

export function latestText(o: Observation | undefined, measure: Measure): string {
  if (!o) return 'no data';
  return `${formatObservation(o, measure)} (${periodWords(o.period.label)})`;
}

export function outcomeTitle(plan: Plan, indicator: Indicator): string {
  return plan.outcomes.find((o) => o.id === indicator.outcome)?.title ?? indicator.outcome;
}

export function priorityTitle(plan: Plan, indicator: Indicator): string {
  const p = plan.outcomes.flatMap((o) => o.priorities).find((x) => x.number === indicator.priority);
  return p ? `Priority ${p.number}: ${p.title}` : `Priority ${indicator.priority}`;
}

export function scorecardCells(row: ScorecardRow) {
  return {
    number: String(row.indicator.number),
    indicator: row.indicator.title,
    link: indicatorFileName(row.indicator),
    measure: row.measure.title,
    latest: `${latestText(row.latest, row.measure)}${row.analysis.stale.stale ? ' ⌛ stale' : ''}`,
    sparkline: sparkline(row.recent) || '–',
    direction: directionText(row.analysis.direction, row.measure),
    verdict: verdictText(row.analysis.verdict.status),
    rag: row.analysis.stale.stale ? '○ not rated (stale)' : ragText(row.analysis.rag.rag, row.analysis.target),
    comparator: comparatorText(row.comparator),
    quartile: row.quartile ? `${row.quartile.band} · ${ordinal(row.quartile.rank)} of ${row.quartile.areas}` : 'n/a',
  };
}

/** 1st, 2nd, 3rd, 4th, 11th, 22nd … */
export function ordinal(n: number): string {
  const tens = n % 100;
  const suffix = tens >= 11 && tens <= 13 ? 'th' : ({ 1: 'st', 2: 'nd', 3: 'rd' } as Record<number, string>)[n % 10] ?? 'th';
  return `${n}${suffix}`;
}

export const KEY_TEXT = {
  verdict: '✔ turned · ⇈ accelerated · ↘ slowed · ≈ on baseline · ✘ worse than baseline · … not enough data',
  rag: '● green (on or better than trajectory) · ▲ amber (within tolerance) · ■ red · ○ no target, or not rated; ⌛ stale: the latest figure is too old to rate (from before the plan, or more than a reporting cycle and its publication lag before the data date)',
  comparator: '▲ better · ≈ similar · ▼ worse (England inside or outside the 95% interval) · n/a no like-for-like comparison',
  quartile: 'A the best quarter … D the worst, and the rank (1st = best, tied values share a rank), among the areas of the same kind with a figure for the same period (R type-7 quartiles); n/a when fewer than four have one',
};

const YEARS: readonly Period['type'][] = ['calendar-year', 'academic-year', 'financial-year'];

/**
 * How far the data go, for a page's heading: "data to March 2015" (the month the latest period
 * ends; its day with `precision: 'day'`), or "as at" the `--as-of` date. A year (calendar,
 * academic or financial) is named as its publisher labels it, "2025" or "2024/25", not by its
 * last month: a year's figure is often an average of a few months (DfE's NEET figure for 2025 is
 * December 2024 to February 2025), and "data to December 2025" would claim months no figure covers.
 */
export function dataToWords(periods: readonly Period[], asOf?: string, precision: 'month' | 'day' = 'month'): string {
  const words = (date: string) => periodWords(precision === 'day' ? date : date.slice(0, 7));
  if (asOf) return `as at ${words(asOf)}`;
  const end = periods.reduce<string | undefined>((latest, p) => (latest === undefined || p.end > latest ? p.end : latest), undefined);
  if (end === undefined) return 'no data';
  const latest = periods.filter((p) => p.end === end);
  return `data to ${latest.every((p) => YEARS.includes(p.type)) ? latest[0]!.label : words(end)}`;
}

/** Puts a chart into the pack once it is drawn; charts are drawn concurrently. */
export async function setChart(files: PackFiles, path: string, svg: Promise<string>): Promise<void> {
  files.set(path, await svg);
}
