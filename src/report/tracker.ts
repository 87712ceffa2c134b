/**
 * The weekly obsession tracker: for each obsession, its frequent tracker measure's latest value,
 * the change on the last period and on the same period last year, the year to date, the SPC
 * signal in words, the key measure's baseline verdict, and one SPC chart.
 */
import type { Config } from '../config/config.js';
import type { Dataset } from '../model/dataset.js';
import type { Indicator, Measure } from '../plan/types.js';
import type { Observation, Period } from '../data/types.js';
import type { Renderer } from '../render/templates.js';
import type { PackFiles } from '../io/write.js';
import type { Pack } from './document.js';
import { analyseMeasure } from '../analysis/scorecard.js';
import { xmr, type XmrResult } from '../stats/xmr.js';
import { spcChartSpec } from '../charts/spc-chart.js';
import type { RenderChart } from '../io/chart-renderer.js';
import { dataToWords, setChart } from './common.js';
import { spcChartInput } from './chart-input.js';
import { atWords, formatChange, formatValue, obsessionsWords } from '../render/format.js';

const capitalised = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
import { periodWords, VERDICT_WORDS } from './words.js';
import { periodsPerYear, timeOf } from '../analysis/timeline.js';
import { slugify } from '../render/slug.js';
import { anyIllustrative, illustrativeBanner } from '../data/illustrative.js';

export interface TrackerInput {
  /** Draws a chart spec to SVG (in this thread or a worker pool, through the cache). */
  renderChart: RenderChart;
  dataset: Dataset;
  config: Pick<Config, 'analysis' | 'measures'>;
  area: string;
  /** ISO date: report the latest period ending on or before it. */
  asOf?: string;
}

/** How many of the latest values the SPC chart shows and sets its limits on: two years. */
const SPC_YEARS = 2;
/** Fewest points for an SPC chart (NHS Making Data Count: limits from 12 or more are not trial limits). */
const SPC_MIN_POINTS = 12;

export async function buildTracker(input: TrackerInput, renderer: Renderer): Promise<Pack> {
  const { dataset, area } = input;
  const plan = dataset.plan;
  const files: PackFiles = new Map();
  const charts: Promise<void>[] = [];
  const rows = [];
  const latestPeriods: Period[] = [];
  let illustrative = false;
  for (const indicator of plan.indicators.filter((i) => i.obsession)) {
    const tracker = indicator.measures.find((m) => m.role === 'tracker') ?? indicator.measures.find((m) => m.role === 'key')!;
    const observations = (dataset.series(tracker.id, area)?.observations ?? []).filter((o) => !input.asOf || o.period.end <= input.asOf);
    const valued = observations.filter((o): o is Observation & { value: number } => o.value !== null);
    illustrative ||= anyIllustrative(observations);
    const latest = valued.at(-1);
    if (latest) latestPeriods.push(latest.period);
    // SPC on what the season, the trend and the weeks before did not explain (one-step-ahead
    // differences from the baseline model), not on the raw values: term dates and a steady trend
    // are then not special causes, and the points are independent as XmR assumes.
    const analysis = analyseMeasure(dataset, input.config, tracker, area, input.asOf ? { asOf: input.asOf } : {});
    const byPeriod = new Map(valued.map((o) => [o.period.label, o]));
    const shown = analysis.surprises
      .slice(-Math.round(SPC_YEARS * periodsPerYear(tracker.frequency)))
      .map((s) => ({ ...byPeriod.get(s.period)!, value: s.difference }));
    const improvement = tracker.polarity === 'higher' ? 'increase' : tracker.polarity === 'lower' ? 'decrease' : undefined;
    const chart = shown.length >= SPC_MIN_POINTS ? xmr(shown.map((o) => o.value), improvement ? { improvement } : {}) : undefined;
    const chartPath = `charts/${tracker.id}-${slugify(area)}.svg`;
    const title = `${tracker.title}, ${area}: difference from expected`;
    if (chart) {
      const description = `SPC (XmR) chart of the latest ${shown.length} values of ${tracker.title.toLowerCase()}, ${area}, each as its difference from what the season, the trend and the values before it led us to expect, with the mean and process limits. ${signalWords(chart, tracker)}`;
      charts.push(setChart(files, chartPath, input.renderChart(spcChartSpec(spcChartInput(chart, shown, tracker, title, description, { differences: true })))));
    }
    const keyMeasures = indicator.measures.filter((m) => m.role === 'key' && (dataset.series(m.id, area)?.observations.length ?? 0) > 0);
    const verdicts = keyMeasures.map((m) => {
      const status = analyseMeasure(dataset, input.config, m, area, input.asOf ? { asOf: input.asOf } : {}).verdict.status;
      // "Attendance in primary schools (% of sessions): ✔ turned": a title may have brackets of its own.
      return `${keyMeasures.length > 1 ? `${m.title}: ` : ''}${VERDICT_WORDS[status].symbol} ${VERDICT_WORDS[status].words}`;
    });
    if (verdicts.length === 0) verdicts.push(`${VERDICT_WORDS['insufficient-data'].symbol} no annual data`);
    const key = indicator.measures.find((m) => m.role === 'key');
    const startMonth = key ? reportingYearStart(key, dataset.series(key.id, area)?.observations ?? []) : 1;
    rows.push(trackerRow(indicator, tracker, valued, chart, chartPath, verdicts, startMonth));
  }
  const weekWords = dataToWords(latestPeriods, undefined, 'day');
  files.set(
    'index.md',
    renderer.render('tracker', {
      area,
      banner: illustrative ? illustrativeBanner(plan.city) : '',
      weekWords,
      intro: `${capitalised(obsessionsWords(rows.length))}, from the most frequent data we hold. Regenerated every week; the history of this page is the history of the obsessions. A signal is a special cause on an XmR chart (NHS "Making Data Count" rules) of the latest ${SPC_YEARS} years, each value as its difference from what the season, the trend and the values before it led us to expect, so that term dates and a steady trend are not signals.`,
      rows,
      footer: 'Written by `oba tracker`. To change what it says, change the data, not this file: `oba tracker --check` fails when this page is out of date.',
    }),
  );
  await Promise.all(charts);
  return {
    files,
    document: { name: 'tracker', title: `Obsession tracker: ${area}`, header: `${plan.title} · ${area} · ${weekWords}`, contents: false, pages: [{ path: 'index.md', kind: 'tracker' }] },
  };
}

function trackerRow(indicator: Indicator, measure: Measure, valued: (Observation & { value: number })[], chart: XmrResult | undefined, chartPath: string, verdicts: string[], startMonth: number) {
  const latest = valued.at(-1);
  const fmt = (v: number) => formatValue(v, measure);
  if (!latest) {
    return { title: indicator.title, latest: 'no data', changePrevious: '–', changeLastYear: '–', yearToDate: '–', signal: '–', verdict: verdicts.join('; '), chart: '', chartAlt: '', sentences: ['No data yet.'] };
  }
  const previous = valued.at(-2);
  const t = timeOf(latest.period, measure);
  const year = periodsPerYear(measure.frequency);
  const lastYear = valued.find((o) => Math.abs(t - timeOf(o.period, measure) - year) < 0.5);
  // A yearly figure is its own year: an "average since" of one value would only repeat it.
  const ytd = measure.frequency === 'annual' ? undefined : yearToDate(valued, latest, startMonth);
  const signal = chart ? signalWords(chart, measure) : 'no SPC chart: the baseline is too short to say what to expect.';
  const when = periodWords(latest.period.label);
  return {
    title: indicator.title,
    latest: `${fmt(latest.value)} (${when})`,
    changePrevious: previous ? formatChange(latest.value - previous.value, measure) : '–',
    changeLastYear: lastYear ? formatChange(latest.value - lastYear.value, measure) : '–',
    yearToDate: ytd ? `${fmt(ytd.mean)} (average since ${periodWords(ytd.from)})` : '–',
    signal,
    verdict: verdicts.join('; '),
    // No chart is drawn for a baseline too short for SPC: the page names none (the sentences say why).
    chart: chart ? chartPath : '',
    chartAlt: chart ? `SPC chart: ${measure.title}` : '',
    sentences: [
      // For a yearly series the period before is the same period a year before: said once.
      `${measure.title}: ${fmt(latest.value)} ${atWords(latest.period.label)}${previous ? `, ${formatChange(latest.value - previous.value, measure)} on ${periodWords(previous.period.label)}` : ''}${lastYear && lastYear !== previous ? ` and ${formatChange(latest.value - lastYear.value, measure)} on the same period a year before` : ''}.`,
      `SPC: ${signal}`,
      `Baseline verdict (the annual key measure${verdicts.length > 1 ? 's' : ''}): ${verdicts.join('; ')}.`,
    ],
  };
}

/**
 * The month the obsession's reporting year starts, from its key measure: September for academic
 * years, April for financial years, the month after the snapshot for snapshot dates (31 March → April).
 */
export function reportingYearStart(key: Measure, observations: readonly Observation[]): number {
  if (key.periodType === 'academic-year') return 9;
  if (key.periodType === 'financial-year') return 4;
  const snapshot = observations.at(-1)?.period;
  if (key.periodType === 'date' && key.frequency === 'annual' && snapshot) return (Number(snapshot.end.slice(5, 7)) % 12) + 1;
  return 1;
}

/** Mean of the values since the start of the reporting year that holds the latest. */
function yearToDate(valued: (Observation & { value: number })[], latest: Observation, startMonth: number): { mean: number; from: string } | undefined {
  const [y, m] = latest.period.end.split('-').map(Number) as [number, number];
  const startYear = m >= startMonth ? y : y - 1;
  const from = `${startYear}-${String(startMonth).padStart(2, '0')}-01`;
  const inYear = valued.filter((o) => o.period.end >= from && o.period.end <= latest.period.end);
  if (inYear.length === 0) return undefined;
  return { mean: inYear.reduce((s, o) => s + o.value, 0) / inYear.length, from: inYear[0]!.period.label };
}

/** The SPC reading of the latest point in words, e.g. "7 weeks below the mean: a real fall (improvement)". */
export function signalWords(chart: XmrResult, measure: Measure): string {
  const last = chart.points.at(-1);
  const unit = measure.frequency === 'weekly' ? 'weeks' : measure.frequency === 'monthly' ? 'months' : measure.frequency === 'quarterly' ? 'quarters' : 'years';
  if (!last || last.special === null) return 'common-cause variation: no signal.';
  let run = 0;
  for (let i = chart.points.length - 1; i >= 0 && chart.points[i]!.rule === last.rule && chart.points[i]!.direction === last.direction; i--) run++;
  const reading = last.special === 'improvement' ? 'improvement' : last.special === 'concern' ? 'concern' : 'a change';
  const dir = last.direction === 'up' ? 'rise' : 'fall';
  switch (last.rule) {
    case 'outside-limits':
      return `the latest value is further ${last.direction === 'up' ? 'above' : 'below'} what was expected than the process limits allow: a real ${dir} (${reading}).`;
    case 'trend':
      return `${run} ${unit} in a row, each further ${last.direction === 'up' ? 'above' : 'below'} what was expected than the last: a real ${dir} (${reading}).`;
    case 'two-of-three':
      return `two of the latest three ${unit} close to the ${last.direction === 'up' ? 'upper' : 'lower'} limit of the difference from expected: a real ${dir} (${reading}).`;
    case 'shift':
      return `${run} ${unit} ${last.direction === 'up' ? 'above' : 'below'} the usual difference from expected: a real ${dir} (${reading}).`;
    default:
      return `a special cause (${reading}).`;
  }
}
