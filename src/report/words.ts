/**
 * The words of the reports: symbols with the word beside them (nothing relies on colour),
 * periods as people say them, and "what the numbers say" written from the analysis.
 */
import type { Measure } from '../plan/types.js';
import type { BaselineAnalysis } from '../analysis/baseline.js';
import type { VerdictStatus } from '../analysis/judgement/verdict.js';
import type { ComparatorResult } from '../analysis/compare.js';
import type { Rag } from '../stats/rag.js';
import type { DirectionOfTravel } from '../stats/direction.js';
import { atWords, formatNumber, formatRange, formatValue, periodWords } from '../render/format.js';
import { ILLUSTRATIVE_MARK } from '../data/illustrative.js';
import { differenceIntervalWords, differenceWords } from '../analysis/judgement/judge.js';

export { periodWords };

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
  none: { symbol: '○', words: 'not rated' },
};

export function verdictText(status: VerdictStatus): string {
  const v = VERDICT_WORDS[status];
  return `${v.symbol} ${v.words}`;
}

export function ragText(rag: Rag, target?: BaselineAnalysis['target']): string {
  const r = RAG_WORDS[rag];
  // Not rated for want of a target, or with one (stale, no trajectory value yet): said apart.
  if (rag === 'none' && !target) return `${r.symbol} no target`;
  // "CYPP 2011-15 target", not "target (CYPP 2011-15)": the words go inside the rating's own brackets.
  const whose = !target || target.source === null ? '' : isExample(target.source) ? 'example target' : `${target.source} target`;
  const warning = target?.curveTurning === false ? ', not curve-turning' : '';
  return `${r.symbol} ${r.words}${whose && rag !== 'none' ? ` (${whose}${warning})` : ''}`;
}

/**
 * Against the trajectory, as a sentence: the rating and its rule ("● green (CYPP 2011-15 target).
 * The rule: green at or below …"), or why there is none ("○ not rated: no target set, …").
 */
export function ragSentence(a: Pick<BaselineAnalysis, 'rag' | 'target'>): string {
  return a.rag.rag === 'none' ? `${RAG_WORDS.none.symbol} ${RAG_WORDS.none.words}: ${a.rag.rule}` : `${ragText(a.rag.rag, a.target)}. The rule: ${a.rag.rule}`;
}

/** "example target", "target (CYPP 2011-15)" or "target": whose target it is, wherever it is shown. */
export function targetKind(target: NonNullable<BaselineAnalysis['target']>): string {
  if (target.source === null) return 'target';
  return isExample(target.source) ? 'example target' : `target (${target.source})`;
}

/** A target that is no one's, only an example (`source: example`). */
function isExample(source: string): boolean {
  return source.toLowerCase() === 'example';
}

/** A value, marked ◇ when it is not a real published figure. */
function valueText(value: number, illustrative: boolean, measure: Measure): string {
  return `${formatValue(value, measure)}${illustrative ? ` ${ILLUSTRATIVE_MARK}` : ''}`;
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

const at = atWords;

/**
 * "What the numbers say", e.g. "1,245 at 31 March 2015. The baseline frozen at 31 March 2012
 * forecast 1,563 (95% interval 1,499 to 1,626): we are 318 below it. The curve has turned: …"
 */
export function numbersSay(a: BaselineAnalysis, measure: Measure): string[] {
  const fmt = (v: number) => formatValue(v, measure);
  const out: string[] = [];
  if (!a.latest) return ['No values yet.'];
  out.push(`${valueText(a.latest.value, a.latest.illustrative, measure)} ${at(a.latest.period)}.`);
  const pct = Math.round(a.level * 100);
  const latestSince = a.since.filter((s) => s.forecast !== null).at(-1);
  if (a.baselineAt && latestSince && latestSince.forecast !== null) {
    const gap = latestSince.value - latestSince.forecast;
    const side = Math.abs(gap) < 10 ** -measure.decimals / 2 ? 'exactly on it' : `${formatNumber(Math.abs(gap), measure.decimals)}${measure.unit.kind === 'percent' ? ' points' : ''} ${gap < 0 ? 'below' : 'above'} it`;
    out.push(
      `The baseline frozen ${at(a.baselineAt)} forecast ${fmt(latestSince.forecast)} for ${periodWords(latestSince.period)} (${pct}% interval ${formatRange(latestSince.lower!, latestSince.upper!, measure)}): we are ${side}.`,
    );
  }
  const j = a.judgement;
  if (j && j.effects.length > 1) {
    const n = j.effects.length;
    const what = j.basis === 'whole-years' ? `${n} whole years` : `${n} values`;
    out.push(`Over the ${what} since the baseline, on average ${differenceWords(j.average.value, measure)} the forecast (${pct}% interval ${differenceIntervalWords(j.average.lower, j.average.upper, measure)}).`);
  }
  out.push(verdictSentence(a));
  if (a.stale.stale) out.push(`Stale: ${a.stale.reason}, so it is not rated.`);
  if (a.target) {
    const rag = RAG_WORDS[a.rag.rag].words;
    const expected = a.trajectory.find((t) => t.period === a.latest!.period);
    const kind = targetKind(a.target);
    const turning = a.target.curveTurning === false ? ' It is not a curve-turning target: the baseline forecast already meets it.' : '';
    out.push(
      expected
        ? `Trajectory: ${fmt(expected.value)} expected ${at(a.latest.period)} on the way to the ${kind}, ${a.target.description} (${rag}).${turning}`
        : `The ${kind}: ${a.target.description} (${rag}).${turning}`,
    );
  }
  return out;
}

/** The verdict in one sentence, in the words of its reason, with the courses it rests on. */
function verdictSentence(a: BaselineAnalysis): string {
  const course = a.course;
  const to = a.baselineAt ? ` to ${periodWords(a.baselineAt)}` : '';
  const chance = 'by more than chance would explain';
  switch (a.verdict.status) {
    case 'insufficient-data':
      return `Not enough data to judge the curve. ${a.verdict.evidence.at(-1) ?? ''}`.trim();
    case 'no-judgement':
      return 'No judgement is made on this measure (neither higher nor lower is better).';
    default:
  }
  switch (a.judgement?.reason) {
    case 'slope-turned':
      return `The curve has turned: it was ${course?.baseline}${to} and has been ${course?.since} since: a change of slope larger than chance would explain.`;
    case 'level-from-flat':
      return `The curve has turned: the baseline was flat${to}, and the values since are better than its forecast ${chance}.`;
    case 'slope-accelerated':
      return `Improvement has accelerated: the baseline was already improving (${course?.baseline}), and the slope has changed the better way ${chance} (${course?.since} since).`;
    case 'level-accelerated':
      return `Improvement has accelerated: the baseline was already improving (${course?.baseline}), and the values since are better than its forecast ${chance}.`;
    case 'level-slowed':
      return `The worsening has slowed: the baseline was ${course?.baseline}${to}; the values since are better than its forecast ${chance}, but there is no significant change of direction yet.`;
    case 'worse-latest':
      return `Worse than the baseline: the latest value is on the wrong side of the forecast ${chance}.`;
    case 'worse-slope':
      return `Worse than the baseline: the slope has changed the wrong way ${chance}.`;
    case 'no-direction':
      return 'No clear change of course: the values since differ from the forecast, but in no one direction by more than chance would explain.';
    default:
      return 'No change of course yet: the values since are where the baseline said they would be, within what chance would explain.';
  }
}
