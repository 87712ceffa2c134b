/**
 * Figures in narratives: computed placeholders, and a check that figures written by hand agree
 * with the data they describe.
 *
 * A narrative is written at a date (`updated:`), so its figures are read as at that date: the
 * latest value of the card's first key measure whose period ended by then, the same period a
 * year before, and the change between them. Placeholders (`{{ change }}`) are filled with those,
 * so a narrative cannot quote a figure the chart beside it contradicts. A placeholder may name
 * another measure of the plan: `{{ looked-after-rate.latest }}`.
 *
 * | placeholder        | example                  |
 * |--------------------|--------------------------|
 * | `latest`           | 1,373                    |
 * | `latest.period`    | 31 March 2013            |
 * | `previous`         | 1,475                    |
 * | `previous.period`  | 31 March 2012            |
 * | `change`           | 102 fewer / 2.1 points lower / 4.0 per 1,000 higher |
 * | `change.count`     | 102 (the size of the change, in the measure's unit) |
 * | `change.percent`   | 6.9%                     |
 *
 * The check (`oba validate`, warning `NARRATIVE_FIGURE`) reads sentences that state a change on
 * a year before ("98 fewer … than a year earlier", "6.6 per cent lower than 12 months ago") or
 * since a year ("fallen by around a fifth since 2008"), and warns when no such change in the
 * card's key measures, as at the narrative's date, is within rounding of what is written.
 */
import type { Indicator, Measure, Plan } from '../plan/types.js';
import type { Observation } from '../data/types.js';
import type { Dataset } from '../model/dataset.js';
import { formatNumber, formatValue, periodWords, unitSuffix } from '../render/format.js';
import { periodsPerYear, timeOf } from '../analysis/timeline.js';

export const PLACEHOLDERS = ['latest', 'latest.period', 'previous', 'previous.period', 'change', 'change.count', 'change.percent'] as const;
export type Placeholder = (typeof PLACEHOLDERS)[number];

interface YearChange {
  measure: Measure;
  latest: Observation & { value: number };
  previous: (Observation & { value: number }) | undefined;
}

function valued(list: readonly Observation[]): (Observation & { value: number })[] {
  return list.filter((o): o is Observation & { value: number } => o.value !== null);
}

/** The latest value by `asOf` and the same period a year before. */
function yearChange(measure: Measure, observations: readonly Observation[], asOf: string | undefined): YearChange | undefined {
  const shown = valued(observations).filter((o) => !asOf || o.period.end <= asOf);
  const latest = shown.at(-1);
  if (!latest) return undefined;
  const t = timeOf(latest.period, measure);
  const previous = shown.find((o) => Math.abs(t - timeOf(o.period, measure) - periodsPerYear(measure.frequency)) < 0.5);
  return { measure, latest, previous };
}

function changeWords(delta: number, measure: Measure): string {
  const size = formatNumber(Math.abs(delta), measure.decimals);
  if (Number(size.replace(/,/g, '')) === 0) return 'no different';
  const unit = measure.unit.kind === 'percent' ? ' points' : unitSuffix(measure.unit);
  const word = delta < 0 ? (measure.unit.kind === 'count' ? 'fewer' : 'lower') : measure.unit.kind === 'count' ? 'more' : 'higher';
  return `${size}${unit} ${word}`;
}

function placeholderValue(change: YearChange | undefined, key: Placeholder): string | undefined {
  if (!change) return undefined;
  const { measure, latest, previous } = change;
  switch (key) {
    case 'latest':
      return formatValue(latest.value, measure);
    case 'latest.period':
      return periodWords(latest.period.label);
    case 'previous':
      return previous ? formatValue(previous.value, measure) : undefined;
    case 'previous.period':
      return previous ? periodWords(previous.period.label) : undefined;
    case 'change':
      return previous ? changeWords(latest.value - previous.value, measure) : undefined;
    case 'change.count':
      return previous ? formatNumber(Math.abs(latest.value - previous.value), measure.decimals) : undefined;
    case 'change.percent':
      return previous && previous.value !== 0 ? `${formatNumber(Math.abs((100 * (latest.value - previous.value)) / previous.value), 1)}%` : undefined;
  }
}

const PLACEHOLDER = /\{\{\s*(?:([a-z0-9][a-z0-9-]{0,79})\.)?(latest|previous|change)(?:\.(period|count|percent))?\s*\}\}/g;
const ANY_PLACEHOLDER = /\{\{[^{}\n]{0,120}\}\}/g;

export interface FilledText {
  text: string;
  /** Placeholders that could not be filled, and why. */
  problems: string[];
}

/**
 * Fills the placeholders in a narrative section for one area. `defaultMeasure` is the card's
 * first key measure; `asOf` the narrative's date (or the report's, whichever is earlier).
 */
export function fillPlaceholders(text: string, plan: Plan, dataset: Pick<Dataset, 'series'>, area: string, defaultMeasure: Measure | undefined, asOf: string | undefined): FilledText {
  const problems: string[] = [];
  const filled = text.replace(ANY_PLACEHOLDER, (whole) => {
    PLACEHOLDER.lastIndex = 0;
    const m = PLACEHOLDER.exec(whole);
    if (!m || m[0].length !== whole.length) {
      problems.push(`unknown placeholder ${whole}; the placeholders are ${PLACEHOLDERS.map((p) => `{{ ${p} }}`).join(', ')}, optionally after a measure id`);
      return whole;
    }
    const measure = m[1] ? plan.measures.find((x) => x.id === m[1]) : defaultMeasure;
    if (!measure) {
      problems.push(`${whole}: no measure "${m[1] ?? ''}" in the plan`);
      return whole;
    }
    const key = (m[3] ? `${m[2]}.${m[3]}` : m[2]) as Placeholder;
    if (!(PLACEHOLDERS as readonly string[]).includes(key)) {
      problems.push(`unknown placeholder ${whole}; the placeholders are ${PLACEHOLDERS.map((p) => `{{ ${p} }}`).join(', ')}`);
      return whole;
    }
    const value = placeholderValue(yearChange(measure, dataset.series(measure.id, area)?.observations ?? [], asOf), key);
    if (value === undefined) {
      problems.push(`${whole}: no ${key.startsWith('latest') ? 'value' : 'value a year before'} for ${measure.id} in ${area}${asOf ? ` by ${asOf}` : ''}`);
      return '–';
    }
    return value;
  });
  return { text: filled, problems };
}

// --- the check ---------------------------------------------------------------------------------

export interface FigureProblem {
  /** 1-based line in the narrative text. */
  line: number;
  message: string;
}

const YEAR_CUE = /than (?:a year (?:earlier|before|ago)|the same (?:period|time|point|month|week|quarter) (?:last year|a year (?:earlier|before|ago)|12 months (?:earlier|ago))|12 months (?:earlier|ago)|last year)|year[- ]on[- ]year|on the previous year/i;
const STATED_CHANGE = /(\d[\d,]*(?:\.\d+)?)\s*(per cent|%|percentage points|points)?\s*(fewer|more|lower|higher|less|down|up)\b/gi;
const FRACTIONS: Record<string, number> = { half: 50, third: 100 / 3, quarter: 25, fifth: 20, tenth: 10 };
const SINCE_CHANGE = /(?:fallen|fell|risen|rose|reduced|increased|decreased|dropped|grown|gone (?:down|up)|come down)\s+(?:by\s+)?(?:(?:around|about|nearly|almost|roughly|over|more than|just over|just under|some)\s+)?(?:(?:a|one)\s+(half|third|quarter|fifth|tenth)|(\d+(?:\.\d+)?)\s*(?:per cent|%))[^.]{0,60}?\bsince\s+(?:(?:late|early|mid|the end of|the start of)\s+)?(\d{4})/gi;

/**
 * Figures in a narrative's text that disagree with the data, as at the narrative's date.
 * `measures` are the card's key measures; `observations(measure)` the city's series.
 */
export function checkNarrativeFigures(text: string, measures: readonly Measure[], observations: (measure: Measure) => readonly Observation[], asOf: string | undefined): FigureProblem[] {
  const problems: FigureProblem[] = [];
  const changes = measures.map((m) => yearChange(m, observations(m), asOf)).filter((c): c is YearChange => c?.previous !== undefined);
  const lines = text.split('\n');
  lines.forEach((lineText, index) => {
    for (const sentence of lineText.split(/(?<=[.!?])\s+/)) {
      if (sentence.length > 2000) continue;
      // A change and its "than a year earlier" must share a clause: "98 fewer in care than a year
      // earlier, with 12 per cent fewer starters" speaks of two measures.
      for (const clause of sentence.split(/[,;:]\s+/)) {
        if (!YEAR_CUE.test(clause) || changes.length === 0) continue;
        for (const m of clause.matchAll(STATED_CHANGE)) {
          const stated = Number(m[1]!.replace(/,/g, ''));
          const isPercent = m[2] !== undefined && /per cent|%/i.test(m[2]);
          const decimals = (m[1]!.split('.')[1] ?? '').length;
          const tolerance = 0.5 * 10 ** -decimals + 1e-9;
          const agrees = changes.some((c) => {
            const delta = Math.abs(c.latest.value - c.previous!.value);
            const actual = isPercent ? (c.previous!.value !== 0 ? (100 * delta) / Math.abs(c.previous!.value) : NaN) : delta;
            return Math.abs(actual - stated) <= tolerance;
          });
          if (!agrees) {
            const data = changes
              .map((c) => `${lowerFirst(c.measure.title)}: ${changeWords(c.latest.value - c.previous!.value, c.measure)} (${formatNumber(Math.abs((100 * (c.latest.value - c.previous!.value)) / c.previous!.value), 1)}%) from ${periodWords(c.previous!.period.label)} to ${periodWords(c.latest.period.label)}`)
              .join('; ');
            problems.push({ line: index + 1, message: `"${m[0].trim()}" disagrees with the data as at ${asOf ? periodWords(asOf) : 'the latest period'} (${data}); write {{ change }} or {{ change.percent }} to quote the data's own figure` });
          }
        }
      }
      for (const m of sentence.matchAll(SINCE_CHANGE)) {
        const stated = m[1] ? FRACTIONS[m[1].toLowerCase()]! : Number(m[2]);
        const since = m[3]!;
        const verdicts = measures.map((measure) => {
          const list = valued(observations(measure)).filter((o) => !asOf || o.period.end <= asOf);
          const from = list.find((o) => o.period.label.startsWith(since) || o.period.end.startsWith(since));
          const to = list.at(-1);
          return from && to && from.value !== 0 ? { measure, from, to, pct: (100 * Math.abs(to.value - from.value)) / Math.abs(from.value) } : undefined;
        }).filter((v): v is NonNullable<typeof v> => v !== undefined);
        if (verdicts.length === 0) continue;
        // "Around a fifth" allows the fractions either side to be ruled out: within a quarter of the stated size, or 5 points.
        const allowance = Math.max(5, stated / 4);
        if (!verdicts.some((v) => Math.abs(v.pct - stated) <= allowance)) {
          const data = verdicts.map((v) => `${lowerFirst(v.measure.title)} ${v.to.value < v.from.value ? 'fell' : 'rose'} ${formatNumber(v.pct, 0)}% from ${periodWords(v.from.period.label)} to ${periodWords(v.to.period.label)}`).join('; ');
          problems.push({ line: index + 1, message: `"${m[0].trim()}" disagrees with the data as at ${asOf ? periodWords(asOf) : 'the latest period'} (${data})` });
        }
      }
    }
  });
  return problems;
}

function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
}

/** The key measures a card's figures are read against. */
export function cardMeasures(indicator: Indicator): Measure[] {
  return indicator.measures.filter((m) => m.role === 'key');
}
