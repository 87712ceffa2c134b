/**
 * The words of the reports: symbols with the word beside them (nothing relies on colour),
 * periods as people say them, and "what the numbers say" written from the analysis.
 */
import type { Measure } from '../plan/types.js';
import type { BaselineAnalysis } from '../analysis/baseline.js';
import type { VerdictStatus } from '../analysis/verdict.js';
import type { ComparatorResult } from '../analysis/compare.js';
import type { Rag } from '../stats/rag.js';
import type { DirectionOfTravel } from '../stats/direction.js';
import { formatNumber, formatValue } from '../render/format.js';
import { MONTH_NAMES } from '../data/calendar.js';

export const VERDICT_WORDS: Record<VerdictStatus, { symbol: string; words: string }> = {
  turned: { symbol: '✔', words: 'turned' },
  accelerated: { symbol: '⇈', words: 'accelerated' },
  slowed: { symbol: '↘', words: 'slowed' },
  'on-baseline': { symbol: '≈', words: 'on baseline' },
  worse: { symbol: '✘', words: 'worse than baseline' },
  'insufficient-data': { symbol: '…', words: 'not enough data' },
  'no-judgement': { symbol: '·', words: 'no judgement' },
};

export const RAG_WORDS: Record<Rag, { symbol: string; words: string }> = {
  green: { symbol: '●', words: 'green' },
  amber: { symbol: '▲', words: 'amber' },
  red: { symbol: '■', words: 'red' },
  none: { symbol: '○', words: 'no target' },
};

export function verdictText(status: VerdictStatus): string {
  const v = VERDICT_WORDS[status];
  return `${v.symbol} ${v.words}`;
}

export function ragText(rag: Rag): string {
  const r = RAG_WORDS[rag];
  return `${r.symbol} ${r.words}`;
}

export function comparatorText(c: ComparatorResult): string {
  if (c.status === 'not-compared') return 'n/a';
  const symbol = { better: '▲', worse: '▼', similar: '≈', higher: '↑', lower: '↓' }[c.comparison];
  return `${symbol} ${c.comparison}`;
}

export function directionText(d: DirectionOfTravel, measure: Measure): string {
  if (!d.run) return '–';
  const arrow = d.run.movement === 'up' ? '↑' : d.run.movement === 'down' ? '↓' : '→';
  const unit = measure.frequency === 'annual' ? 'yr' : measure.frequency === 'quarterly' ? 'qtr' : measure.frequency === 'monthly' ? 'mth' : 'wk';
  const word = d.run.direction === 'no-judgement' || d.run.direction === 'no-change' ? '' : ` ${d.run.direction}`;
  return `${arrow} ${d.run.length} ${unit}${d.run.length === 1 ? '' : 's'}${word}`;
}

/** A period as people say it: "31 March 2015", "2014/15", "March 2015", "week 10 of 2015". */
export function periodWords(label: string): string {
  let m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(label);
  if (m) return `${Number(m[3])} ${MONTH_NAMES[Number(m[2]) - 1]} ${m[1]}`;
  m = /^(\d{4})-(\d{2})$/.exec(label);
  if (m) return `${MONTH_NAMES[Number(m[2]) - 1]} ${m[1]}`;
  m = /^(\d{4})-W(\d{2})$/.exec(label);
  if (m) return `week ${Number(m[2])} of ${m[1]}`;
  m = /^(\d{4})-Q(\d)$/.exec(label);
  if (m) return `quarter ${m[2]} of ${m[1]}`;
  return label;
}

function at(label: string): string {
  return /^\d{4}-\d{2}-\d{2}$/.test(label) ? `at ${periodWords(label)}` : `in ${periodWords(label)}`;
}

function perPeriod(measure: Measure): string {
  return measure.frequency === 'annual' ? 'a year' : measure.frequency === 'quarterly' ? 'a quarter' : measure.frequency === 'monthly' ? 'a month' : 'a week';
}

function slopeText(slope: number, measure: Measure): string {
  const size = formatNumber(Math.abs(slope), measure.decimals);
  if (Number(size.replace(/,/g, '')) === 0) return 'flat';
  const unit = measure.unit.kind === 'percent' ? ' points' : '';
  return `${slope > 0 ? 'rising' : 'falling'} by ${size}${unit} ${perPeriod(measure)}`;
}

/**
 * "What the numbers say", e.g. "1,245 at 31 March 2015. The baseline frozen at 31 March 2012
 * forecast 1,563 (95% interval 1,499 to 1,626): we are 318 below it. The curve has turned: …"
 */
export function numbersSay(a: BaselineAnalysis, measure: Measure): string[] {
  const fmt = (v: number) => formatValue(v, measure);
  const out: string[] = [];
  if (!a.latest) return ['No values yet.'];
  out.push(`${fmt(a.latest.value)} ${at(a.latest.period)}.`);
  const latestSince = a.since.filter((s) => s.forecast !== null).at(-1);
  if (a.baselineAt && latestSince && latestSince.forecast !== null) {
    const gap = latestSince.value - latestSince.forecast;
    const pct = Math.round(a.level * 100);
    const smoothing = a.smoothing === 'rolling-year' ? ` (rolling one-year averages: ${fmt(latestSince.value)} ${at(latestSince.period)})` : '';
    const side = Math.abs(gap) < 10 ** -measure.decimals / 2 ? 'exactly on it' : `${formatNumber(Math.abs(gap), measure.decimals)}${measure.unit.kind === 'percent' ? ' points' : ''} ${gap < 0 ? 'below' : 'above'} it`;
    out.push(
      `The baseline frozen ${at(a.baselineAt)} forecast ${fmt(latestSince.forecast)} for ${periodWords(latestSince.period)} (${pct}% interval ${fmt(latestSince.lower!)} to ${fmt(latestSince.upper!)}): we are ${side}${smoothing}.`,
    );
  }
  const status = a.verdict.status;
  const before = a.baselineSlope !== null && a.baselineAt ? `it was ${slopeText(a.baselineSlope, measure)} to ${periodWords(a.baselineAt)}` : '';
  const sentence: Record<VerdictStatus, string> = {
    turned: `The curve has turned${before ? `: ${before}, and has improved since` : ''}.`,
    accelerated: `Improvement has accelerated: better than the baseline, which was already improving.`,
    slowed: `The worsening has slowed: better than the baseline, though still heading the wrong way.`,
    'on-baseline': `No change of course yet: the values are where the baseline said they would be.`,
    worse: `Worse than the baseline: the values are on the wrong side of the forecast interval.`,
    'insufficient-data': `Not enough data to judge the curve: ${a.verdict.evidence.at(-1) ?? ''}`.trim(),
    'no-judgement': `No judgement is made on this measure (neither higher nor lower is better).`,
  };
  out.push(sentence[status]);
  if (a.target) {
    const rag = RAG_WORDS[a.rag.rag].words;
    const expected = a.trajectory.find((t) => t.period === a.latest!.period);
    out.push(
      expected
        ? `Trajectory: ${fmt(expected.value)} expected ${at(a.latest.period)} on the way to ${a.target.description} (${rag}).`
        : `Target: ${a.target.description} (${rag}).`,
    );
  }
  return out;
}
