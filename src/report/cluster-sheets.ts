/**
 * Turn-the-curve sheets for a local cluster: per indicator, the cluster's baseline chart with
 * the city beside it, the local numbers in words, and the five turn-the-curve questions,
 * prefilled where the cluster has a narrative file.
 */
import type { Config } from '../config/config.js';
import type { Dataset } from '../model/dataset.js';
import type { Indicator, Measure } from '../plan/types.js';
import type { Renderer } from '../render/templates.js';
import type { PackFiles } from '../io/write.js';
import type { Pack } from './document.js';
import type { Narrative } from './narrative.js';
import { SHEET_SECTIONS } from './narrative.js';
import { analyseMeasure, latestObservation } from '../analysis/scorecard.js';
import { baselineChartSpec } from '../charts/baseline-chart.js';
import type { RenderChart } from '../io/chart-renderer.js';
import { setChart } from './common.js';
import { baselineChartInput } from './chart-input.js';
import { anyIllustrative, illustrativeBanner, possessive } from '../data/illustrative.js';
import { cardMeasures, fillPlaceholders } from './narrative-figures.js';
import { chartFileName, dataToWords, indicatorFileName, latestText, outcomeTitle } from './common.js';
import { periodWords, verdictText } from './words.js';
import { formatChange, formatNumber, formatObservation, formatValue, obsessionsWords } from '../render/format.js';
import { timeOf, periodsPerYear } from '../analysis/timeline.js';
import type { Observation, Period } from '../data/types.js';

export interface SheetInput {
  /** Draws a chart spec to SVG (in this thread or a worker pool, through the cache). */
  renderChart: RenderChart;
  dataset: Dataset;
  config: Pick<Config, 'analysis' | 'measures'>;
  cluster: string;
  asOf?: string;
  narratives: ReadonlyMap<number, Narrative>;
  renderer: Renderer;
  /** Only these indicators (by number); all by default. */
  indicators?: readonly number[];
}

export const QUESTION_PROMPTS: Record<keyof typeof SHEET_SECTIONS, string> = {
  howAreWeDoing: 'The chart answers this. Is this OK? Would we want it better?',
  story: 'The causes, positive and negative, behind the curve.',
  partners: 'Who has a role to play in turning the curve, here and across the city?',
  whatWorks: 'What does the evidence say works? At least one no-cost / low-cost idea; off-the-wall ideas welcome.',
  actions: 'Who will do what, by when?',
};

/**
 * Lines to write on under each question of a sheet with nothing filled in, and under one that
 * has: the first question is answered by the chart, so it needs fewer. A printed sheet is two
 * A4 pages, the charts on the first and the questions on the second; these fit.
 */
const WRITING_LINES = { empty: 5, filled: 2, first: 3 };

/** Files of one cluster's sheets, relative to the cluster's own folder. */
export async function buildClusterSheets(input: SheetInput): Promise<Pack> {
  const { dataset, cluster } = input;
  const plan = dataset.plan;
  const files: PackFiles = new Map();
  const charts: Promise<void>[] = [];
  const indexRows = [];
  let indexIllustrative = false;
  const sheets: string[] = [];
  const latestPeriods: Period[] = [];
  for (const indicator of plan.indicators.filter((i) => !input.indicators || input.indicators.includes(i.number))) {
    const measures = [];
    let illustrative = false;
    for (const measure of indicator.measures.filter((m) => m.role === 'key')) {
      const observations = visible(dataset.series(measure.id, cluster)?.observations ?? [], input.asOf);
      if (observations.length === 0) continue;
      const latest = latestObservation(observations);
      if (latest) latestPeriods.push(latest.period);
      const analysis = analyseMeasure(dataset, input.config, measure, cluster, input.asOf ? { asOf: input.asOf } : {});
      const cityObs = visible(dataset.series(measure.id, plan.city)?.observations ?? [], input.asOf);
      const chart = chartFileName(measure, cluster);
      const comparators = measure.unit.kind === 'count' ? [] : [{ name: plan.city, observations: cityObs }];
      illustrative ||= anyIllustrative(observations) || anyIllustrative(cityObs);
      charts.push(setChart(files, chart, input.renderChart(baselineChartSpec(baselineChartInput(analysis, observations, measure, { title: `${measure.title}, ${cluster}`, comparators })))));
      measures.push({
        title: measure.title,
        chart,
        chartAlt: `Baseline chart: ${measure.title}, ${cluster}${comparators.length ? ` with ${plan.city}` : ''}`,
        local: localWords(measure, cluster, plan.city, observations, cityObs),
        verdict: verdictText(analysis.verdict.status),
      });
      if (measure === indicator.measures.find((m) => m.role === 'key' && dataset.series(m.id, cluster))) {
        const cityLatest = latest ? cityObs.find((o) => o.period.ordinal === latest.period.ordinal) : undefined;
        indexRows.push({
          number: String(indicator.number),
          indicator: indicator.title,
          link: indicatorFileName(indicator),
          latest: latestText(latest, measure),
          verdict: verdictText(analysis.verdict.status),
          city: cityLatest && cityLatest.value !== null ? formatObservation(cityLatest, measure) : 'n/a',
        });
      }
    }
    if (measures.length === 0) continue;
    indexIllustrative ||= illustrative;
    const narrative = input.narratives.get(indicator.number);
    files.set(indicatorFileName(indicator), input.renderer.render('cluster-sheet', { ...sheetView(input, indicator, measures, narrative), banner: illustrative ? illustrativeBanner(plan.city) : '' }));
    sheets.push(indicatorFileName(indicator));
  }
  files.set(
    'index.md',
    input.renderer.render('cluster-index', {
      area: cluster,
      city: plan.city,
      banner: indexIllustrative ? illustrativeBanner(plan.city) : '',
      intro: `One turn-the-curve sheet per indicator with data for ${cluster}, for a workshop of local partners. Each shows the cluster's baseline beside the city's and the five turn-the-curve questions.`,
      rows: indexRows,
    }),
  );
  await Promise.all(charts);
  const dataTo = dataToWords(latestPeriods, input.asOf);
  return {
    files,
    document: {
      name: 'turn-the-curve',
      title: `Turn-the-curve sheets: ${cluster}`,
      header: `${plan.title} · ${cluster} · ${dataTo}`,
      contents: false,
      // The index is the contents; one sheet alone needs none.
      pages: [...(sheets.length === 1 ? [] : [{ path: 'index.md', kind: 'index' as const }]), ...sheets.map((path) => ({ path, kind: 'sheet' as const }))],
    },
  };
}

function sheetView(input: SheetInput, indicator: Indicator, measures: unknown[], narrative: Narrative | undefined) {
  const asOf = [narrative?.updated, input.asOf].filter((d): d is string => d !== undefined).sort()[0];
  const filled = (text: string) => (text.includes('{{') ? fillPlaceholders(text, input.dataset.plan, input.dataset, input.cluster, cardMeasures(indicator)[0], asOf).text : text);
  return {
    area: input.cluster,
    indicator: {
      number: indicator.number,
      title: indicator.title,
      obsession: indicator.obsession,
      obsessionNote: `★ one of ${obsessionsWords(input.dataset.plan.indicators.filter((i) => i.obsession).length)}`,
      outcome: outcomeTitle(input.dataset.plan, indicator),
    },
    measures,
    questions: (Object.keys(SHEET_SECTIONS) as (keyof typeof SHEET_SECTIONS)[]).map((key, index) => {
      const text = filled(narrative?.sections.get(SHEET_SECTIONS[key]) ?? '');
      return { title: SHEET_SECTIONS[key], prompt: QUESTION_PROMPTS[key], text, lines: text !== '' ? WRITING_LINES.filled : index === 0 ? WRITING_LINES.first : WRITING_LINES.empty };
    }),
  };
}

function visible(list: readonly Observation[], asOf?: string): Observation[] {
  return asOf ? list.filter((o) => o.period.end <= asOf) : [...list];
}

/**
 * The local numbers in words, e.g. "32 at 31 March 2015, 4 fewer than a year before (2.6% of
 * Leeds' 1,245)." or "6.1% in 2014, 0.4 points lower than a year before; Leeds: 5.6%."
 */
export function localWords(measure: Measure, cluster: string, city: string, local: readonly Observation[], cityObs: readonly Observation[]): string[] {
  const latest = latestObservation(local);
  if (!latest || latest.value === null) return [`No values for ${cluster} yet.`];
  const year = periodsPerYear(measure.frequency);
  const t = timeOf(latest.period, measure);
  const lastYear = local.find((o) => o.value !== null && Math.abs(t - timeOf(o.period, measure) - year) < 0.5);
  const at = /^\d{4}-\d{2}-\d{2}$/.test(latest.period.label) ? `at ${periodWords(latest.period.label)}` : `in ${periodWords(latest.period.label)}`;
  let sentence = `${formatObservation(latest, measure)} ${at}`;
  if (lastYear && lastYear.value !== null) {
    const delta = latest.value - lastYear.value;
    const size = formatChange(delta, measure).replace(/^[+−]/, '');
    sentence += Number(formatNumber(Math.abs(delta), measure.decimals).replace(/,/g, '')) === 0
      ? ', the same as a year before'
      : `, ${size} ${delta < 0 ? (measure.unit.kind === 'count' ? 'fewer' : 'lower') : measure.unit.kind === 'count' ? 'more' : 'higher'} than a year before`;
  }
  const cityLatest = cityObs.find((o) => o.period.ordinal === latest.period.ordinal);
  if (cityLatest && cityLatest.value !== null) {
    if (measure.unit.kind === 'count' && cityLatest.value > 0) {
      sentence += ` (${formatNumber((100 * latest.value) / cityLatest.value, 1)}% of ${possessive(city)} ${formatObservation(cityLatest, measure)})`;
    } else {
      sentence += `; ${city}: ${formatObservation(cityLatest, measure)}`;
    }
  }
  return [sentence + '.'];
}

export { clusterFolder } from './cluster-folder.js';
