/**
 * The board pack: `index.md`, a scorecard of every indicator grouped by outcome and priority
 * (obsessions first), and one report card per indicator with a baseline chart per measure.
 *
 * Stages: analyse every key measure (scorecard) → build chart inputs and specs → render SVG →
 * fill the templates. Pure: no file system; the caller writes the files.
 */
import type { Config } from '../config/config.js';
import type { Dataset } from '../model/dataset.js';
import type { Indicator, Measure } from '../plan/types.js';
import type { Renderer } from '../render/templates.js';
import type { Narrative } from './narrative.js';
import type { PackFiles } from '../io/write.js';
import type { Pack } from './document.js';
import { scorecard, latestObservation, type ScorecardRow } from '../analysis/scorecard.js';
import { baselineChartSpec } from '../charts/baseline-chart.js';
import type { RenderChart } from '../io/chart-renderer.js';
import { setChart } from './common.js';
import { baselineChartInput } from './chart-input.js';
import { CARD_SECTIONS } from './narrative.js';
import { cardMeasures, fillPlaceholders } from './narrative-figures.js';
import { chartFileName, dataToWords, indicatorFileName, KEY_TEXT, latestText, outcomeTitle, priorityTitle, scorecardCells } from './common.js';
import { comparatorText, directionText, numbersSay, periodWords, RAG_WORDS, ragSentence, ragText, verdictText } from './words.js';
import { atWords, formatRange, formatValue, obsessionsWords } from '../render/format.js';
import { ILLUSTRATIVE_MARK, anyIllustrative, illustrativeBanner } from '../data/illustrative.js';
import { sparkline } from '../charts/sparkline.js';
import { directionOfTravel } from '../stats/direction.js';
import { periodsPerYear } from '../analysis/timeline.js';

export interface BoardPackInput {
  /** Draws a chart spec to SVG (in this thread or a worker pool, through the cache). */
  renderChart: RenderChart;
  dataset: Dataset;
  config: Pick<Config, 'analysis' | 'measures'>;
  area: string;
  /** ISO date: only data for periods ending on or before it is used. */
  asOf?: string;
  narratives: ReadonlyMap<number, Narrative>;
  renderer: Renderer;
}

export async function buildBoardPack(input: BoardPackInput): Promise<Pack> {
  const { dataset, area } = input;
  const plan = dataset.plan;
  const rows = scorecard(dataset, input.config, area, input.asOf ? { asOf: input.asOf } : {});
  const files: PackFiles = new Map();
  const charts: Promise<void>[] = [];

  // Report cards, with their charts.
  for (const indicator of plan.indicators) {
    const own = rows.filter((r) => r.indicator.number === indicator.number);
    const measures = [];
    for (const row of own) {
      // Data as at the pack's date: a measure whose figures all come later has no chart yet.
      const hasData = visible(dataset.series(row.measure.id, area)?.observations ?? [], input.asOf).length > 0;
      const chart = hasData ? chartFileName(row.measure, area) : '';
      if (hasData) charts.push(setChart(files, chart, input.renderChart(baselineChartSpec(chartInputFor(row, input)))));
      measures.push(measureView(row, chart));
    }
    files.set(indicatorFileName(indicator), input.renderer.render('report-card', { ...cardView(input, indicator, measures), banner: bannerFor(input, indicator.measures) }));
  }

  // The scorecard.
  const obsessions = rows.filter((r) => r.indicator.obsession);
  const obsessionCount = plan.indicators.filter((i) => i.obsession).length;
  const groups = [
    { title: `T${obsessionsWords(obsessionCount).slice(1)}`, priorities: [{ title: '', rows: obsessions.map(scorecardCells) }] },
    ...plan.outcomes.map((outcome) => ({
      title: outcome.title,
      priorities: outcome.priorities
        .map((p) => ({ title: `Priority ${p.number}: ${p.title}`, rows: rows.filter((r) => !r.indicator.obsession && r.indicator.priority === p.number).map(scorecardCells) }))
        .filter((p) => p.rows.length > 0),
    })),
  ].filter((g) => g.priorities.some((p) => p.rows.length > 0));
  const baselineAt = input.config.analysis.baselineAt ?? plan.start;
  const keyMeasures = plan.measures.filter((m) => m.role === 'key').length;
  const asAt = dataToWords(rows.flatMap((r) => (r.latest ? [r.latest.period] : [])), input.asOf);
  files.set(
    'index.md',
    input.renderer.render('board-index', {
      title: plan.title,
      area,
      banner: bannerFor(input, plan.measures.filter((m) => m.role === 'key')),
      asAt,
      intro: `Baselines frozen at each measure's last period on or before ${periodWords(baselineAt)}, unless a report card says otherwise (the plan runs from ${periodWords(plan.start)} to ${periodWords(plan.end)}). ${plan.indicators.length} indicators, ${keyMeasures} measures. Obsessions are shown first and not repeated under their outcome.`,
      key: KEY_TEXT,
      groups,
      notes: [
        'Baseline: the history to the baseline period and a forecast, frozen then, of where the curve would go if nothing changed. "Turned" means actual values are better than that forecast and heading the better way.',
        'RAG compares the latest value with the trajectory to the target. The rule used is printed on each report card.',
        'England comparison: "similar" when England lies inside the 95% interval of the latest value (Wilson for percentages, Byar or exact Poisson for rates). Counts are not compared.',
      ],
    }),
  );
  await Promise.all(charts);
  return {
    files,
    document: {
      name: 'board-pack',
      title: `${plan.title}: board pack for ${area}`,
      header: `${plan.title} · ${area} · ${asAt}`,
      contents: true,
      pages: [{ path: 'index.md', kind: 'index' }, ...plan.indicators.map((i) => ({ path: indicatorFileName(i), kind: 'card' as const }))],
    },
  };
}

/** The illustrative-figures banner, when any value the page draws on is illustrative. */
function bannerFor(input: BoardPackInput, measures: readonly Measure[]): string {
  const { dataset } = input;
  const shown = dataset.areas.filter((a) => a.name === input.area || a.type === 'national' || a.type === 'comparator');
  const any = measures.some((m) => shown.some((a) => anyIllustrative(visible(dataset.series(m.id, a.name)?.observations ?? [], input.asOf))));
  return any ? illustrativeBanner(dataset.plan.city) : '';
}

function chartInputFor(row: ScorecardRow, input: BoardPackInput) {
  const { dataset, area } = input;
  const observations = visible(dataset.series(row.measure.id, area)?.observations ?? [], input.asOf);
  // England and statistical neighbours beside the area, where the scale is comparable:
  // percentages and rates, not counts.
  const comparators =
    row.measure.unit.kind === 'count'
      ? []
      : dataset.areas
          .filter((a) => (a.type === 'national' || a.type === 'comparator') && a.name !== area)
          .map((a) => ({ name: a.name, observations: visible(dataset.series(row.measure.id, a.name)?.observations ?? [], input.asOf) }));
  return baselineChartInput(row.analysis, observations, row.measure, { title: `${row.measure.title}, ${area}`, comparators });
}

function visible<T extends { period: { end: string } }>(list: readonly T[], asOf?: string): T[] {
  return asOf ? list.filter((o) => o.period.end <= asOf) : [...list];
}

function measureView(row: ScorecardRow, chart: string) {
  const { analysis, measure } = row;
  const fmt = (v: number | null) => (v === null ? '–' : formatValue(v, measure));
  const polarity = { higher: 'higher is better', lower: 'lower is better', none: 'no judgement' }[measure.polarity];
  return {
    title: measure.title,
    about: `${measure.definition ? measure.definition + ' ' : ''}Source: ${measure.source}. Polarity: ${polarity}.`,
    chart,
    chartAlt: `Baseline chart: ${measure.title}`,
    numbersSay: numbersSay(analysis, measure),
    verdict: verdictText(analysis.verdict.status),
    /** Against the trajectory, as one sentence: the rating and its rule, or why there is none (as `oba baseline` says it). */
    trajectory: ragSentence(analysis),
    // The same in parts, for a template of one's own that lays it out otherwise.
    rag: analysis.rag.rag === 'none' ? `${RAG_WORDS.none.symbol} ${RAG_WORDS.none.words}` : ragText(analysis.rag.rag, analysis.target),
    ragRule: analysis.rag.rule,
    /** Rated against a trajectory (the rule then follows as a sentence of its own, not in brackets after the rating's). */
    rated: analysis.rag.rag !== 'none',
    comparator: row.comparator.status === 'compared' ? `${comparatorText(row.comparator)} (England ${fmt(row.comparator.benchmark)} ${atWords(row.comparator.period)})` : `n/a (${row.comparator.reason})`,
    intervalHeader: `${Math.round(analysis.level * 100)}% interval`,
    since: analysis.since.map((s) => ({
      period: periodWords(s.period),
      value: `${fmt(s.value)}${s.illustrative ? ` ${ILLUSTRATIVE_MARK}` : ''}`,
      forecast: fmt(s.forecast),
      interval: s.lower === null || s.upper === null ? '–' : formatRange(s.lower, s.upper, measure),
      trajectory: fmt(s.trajectory),
      position: s.position === null ? '–' : { better: '✔ better', within: '≈ within', worse: '✘ worse', above: '↑ above', below: '↓ below' }[s.position],
    })),
    evidence: analysis.verdict.evidence,
    footnotes: [] as string[],
  };
}

const QUADRANTS = [
  { key: 'how-much', title: 'How much did we do?' },
  { key: 'how-well', title: 'How well did we do it?' },
  { key: 'better-off', title: 'Is anyone better off?' },
] as const;

function cardView(input: BoardPackInput, indicator: Indicator, measures: ReturnType<typeof measureView>[]) {
  const plan = input.dataset.plan;
  const narrative = input.narratives.get(indicator.number);
  const performance = indicator.measures.filter((m) => m.role === 'performance');
  return {
    area: input.area,
    indicator: {
      number: indicator.number,
      title: indicator.title,
      obsession: indicator.obsession,
      obsessionNote: `★ one of ${obsessionsWords(plan.indicators.filter((i) => i.obsession).length)}`,
      outcome: outcomeTitle(plan, indicator),
      priority: priorityTitle(plan, indicator),
    },
    measures,
    sections: Object.values(CARD_SECTIONS).map((title) => ({ title, text: narrativeText(input, indicator, narrative, title) })),
    narrativeNote: narrative ? [narrative.owner ? `Narrative owner: ${narrative.owner}.` : '', narrative.updated ? `Last updated ${periodWords(narrative.updated)}.` : ''].join(' ').trim() : '',
    quadrants: QUADRANTS.map((q) => ({
      title: q.title,
      rows: performance.filter((m) => m.quadrant === q.key).flatMap((m) => performanceRow(input, m)),
    })),
  };
}

/** A narrative section with its placeholders filled from the data, as at the narrative's date. */
function narrativeText(input: BoardPackInput, indicator: Indicator, narrative: Narrative | undefined, title: string): string {
  const text = narrative?.sections.get(title) ?? '';
  if (!text.includes('{{')) return text;
  const asOf = [narrative?.updated, input.asOf].filter((d): d is string => d !== undefined).sort()[0];
  return fillPlaceholders(text, input.dataset.plan, input.dataset, input.area, cardMeasures(indicator)[0], asOf).text;
}

function performanceRow(input: BoardPackInput, measure: Measure) {
  const observations = visible(input.dataset.series(measure.id, input.area)?.observations ?? [], input.asOf);
  const valued = observations.filter((o) => o.value !== null);
  if (valued.length === 0) return [];
  const latest = latestObservation(observations)!;
  const first = valued[0]!;
  const direction = directionOfTravel(observations.map((o) => o.value), { polarity: measure.polarity, periodsPerYear: periodsPerYear(measure.frequency) });
  const reading =
    valued.length === 1
      ? `${latestText(latest, measure)}: one value so far.`
      : `${formatValue(first.value!, measure)} ${atWords(first.period.label)} → ${formatValue(latest.value!, measure)} ${atWords(latest.period.label)}${direction.summary ? `; ${direction.summary}` : ''}.`;
  return [{ measure: measure.title, latest: latestText(latest, measure), sparkline: sparkline(observations.slice(-8).map((o) => o.value)) || '–', direction: directionText(direction, measure), reading }];
}
