/**
 * Calibration of the verdict by simulation: series where the truth is known, judged by the same
 * code path as real data (`analyseBaseline`), counting how often the verdict is right.
 *
 * - **No change**: the baseline's own process carries on after the baseline (same level or
 *   trend, same noise). Any verdict but `on-baseline` or `insufficient-data` is a false alarm;
 *   at the 95% level the goal is at most 6% (5% plus the simulation error of 1,000 runs, about
 *   ±1.4 points).
 * - **Change**: the course changes at the baseline by a stated amount; power is the share of
 *   runs given the right verdict.
 *
 * Noise is what real published series have: Poisson or overdispersed counts, binomial
 * percentages from their cohort sizes, survey percentages with sampling error, and for weekly
 * and monthly series a season, period-to-period momentum (an AR(1) process) and sampling noise,
 * with school-holiday weeks marked `z` or simply absent. Everything is seeded: the same seed gives
 * the same table.
 */
import type { Measure, PeriodType, Frequency, Polarity, Unit } from '../plan/types.js';
import type { Observation } from '../data/types.js';
import { periodFromOrdinal, addPeriods } from '../data/period.js';
import { analyseBaseline, type BaselineSettings } from '../analysis/baseline.js';
import type { VerdictStatus } from '../analysis/judgement/verdict.js';
import { Rng } from '../tools/data-gen/random.js';
import { xmr } from '../stats/xmr.js';

export interface Scenario {
  id: string;
  /** What is simulated, in words. */
  description: string;
  kind: 'no-change' | 'change';
  unit: 'count' | 'rate' | 'percent';
  frequency: Frequency;
  /** Baseline length in values (annual) or years (weekly, monthly). */
  baseline: number;
  /** Values (annual) or years (weekly, monthly) after the baseline. */
  after: number;
  /** The verdicts that are right, for a change. */
  expect?: VerdictStatus[];
  polarity: Polarity;
  generate(rng: Rng): { values: (number | null)[]; numerators?: (number | undefined)[]; denominators?: (number | undefined)[]; notApplicable?: boolean[] };
}

export interface ScenarioResult {
  id: string;
  description: string;
  kind: 'no-change' | 'change';
  unit: string;
  frequency: Frequency;
  baseline: number;
  after: number;
  runs: number;
  verdicts: Partial<Record<VerdictStatus, number>>;
  /** Share of runs with a verdict other than on-baseline or insufficient-data (no change). */
  falseAlarmRate: number | null;
  /** Share of runs with one of the expected verdicts (change). */
  power: number | null;
  /** Share of runs with no verdict (too little history). */
  insufficientRate: number;
  /** Share of values since the baseline inside the forecast's 95% interval (no change only). */
  intervalCoverage: number | null;
  /**
   * Weekly and monthly, no change: share of runs whose latest point is a special cause on the
   * tracker's SPC chart (XmR of the last two years' one-step differences from expected).
   */
  spcLatestSignalRate: number | null;
}

// --- random draws ------------------------------------------------------------------------------

function poisson(rng: Rng, lambda: number): number {
  if (lambda > 200) return Math.max(0, Math.round(lambda + Math.sqrt(lambda) * rng.normal()));
  const limit = Math.exp(-lambda);
  let k = 0;
  let p = rng.uniform();
  while (p > limit) {
    k++;
    p *= rng.uniform();
  }
  return k;
}

/** A count with variance φ·λ (φ > 1: more variable than Poisson, as most published counts are). */
function overdispersed(rng: Rng, lambda: number, phi: number): number {
  if (lambda > 50) return Math.max(0, Math.round(lambda + Math.sqrt(phi * lambda) * rng.normal()));
  // Gamma–Poisson mixture with mean λ and variance φλ, the gamma by a sum of exponentials (shape rounded).
  const shape = Math.max(1, Math.round(lambda / (phi - 1)));
  let g = 0;
  for (let i = 0; i < shape; i++) g -= Math.log(1 - rng.uniform());
  return poisson(rng, (g / shape) * lambda);
}

function binomial(rng: Rng, n: number, p: number): number {
  if (n * p * (1 - p) > 25) return Math.min(n, Math.max(0, Math.round(n * p + Math.sqrt(n * p * (1 - p)) * rng.normal())));
  let k = 0;
  for (let i = 0; i < n; i++) if (rng.uniform() < p) k++;
  return k;
}

const logistic = (x: number) => 1 / (1 + Math.exp(-x));
const logit = (p: number) => Math.log(p / (1 - p));
const round = (x: number, d: number) => Math.round(x * 10 ** d) / 10 ** d;

// --- scenarios ---------------------------------------------------------------------------------

function annualCount(id: string, description: string, n: number, m: number, mean: (i: number) => number, phi: number, kind: Scenario['kind'] = 'no-change', expect?: VerdictStatus[]): Scenario {
  return {
    id, description, kind, unit: 'count', frequency: 'annual', baseline: n, after: m, polarity: 'lower', ...(expect ? { expect } : {}),
    generate: (rng) => ({ values: Array.from({ length: n + m }, (_, i) => overdispersed(rng, mean(i - (n - 1)), phi)) }),
  };
}

function annualRate(id: string, description: string, n: number, m: number, rate: (i: number) => number, population: number, withCounts: boolean): Scenario {
  return {
    id, description, kind: 'no-change', unit: 'rate', frequency: 'annual', baseline: n, after: m, polarity: 'lower',
    generate: (rng) => {
      const numerators = Array.from({ length: n + m }, (_, i) => poisson(rng, (rate(i - (n - 1)) * population) / 1000));
      return {
        values: numerators.map((k) => round((k / population) * 1000, 1)),
        ...(withCounts ? { numerators, denominators: numerators.map(() => population) } : {}),
      };
    },
  };
}

function annualPercent(id: string, description: string, n: number, m: number, logitMean: (i: number) => number, cohort: number, withCounts: boolean, polarity: Polarity = 'higher', kind: Scenario['kind'] = 'no-change', expect?: VerdictStatus[]): Scenario {
  return {
    id, description, kind, unit: 'percent', frequency: 'annual', baseline: n, after: m, polarity, ...(expect ? { expect } : {}),
    generate: (rng) => {
      const numerators = Array.from({ length: n + m }, (_, i) => binomial(rng, cohort, logistic(logitMean(i - (n - 1)))));
      return {
        values: numerators.map((k) => round((100 * k) / cohort, 1)),
        ...(withCounts ? { numerators, denominators: numerators.map(() => cohort) } : {}),
      };
    },
  };
}

/** A frequent series: season + trend + AR(1) momentum + sampling noise on the logit or log scale. */
function frequent(
  id: string,
  description: string,
  frequency: 'monthly' | 'weekly',
  unit: 'count' | 'percent',
  years: number,
  after: number,
  options: { level: number; trend: number; season: (fraction: number) => number; rho: number; sd: number; noise: number; holidays?: 'z' | 'absent'; change?: (yearsSince: number) => number },
  kind: Scenario['kind'] = 'no-change',
  expect?: VerdictStatus[],
): Scenario {
  const perYear = frequency === 'monthly' ? 12 : 52;
  return {
    id, description, kind, unit, frequency, baseline: years, after, polarity: unit === 'percent' ? 'higher' : 'lower', ...(expect ? { expect } : {}),
    generate: (rng) => {
      const total = Math.round((years + after) * (frequency === 'monthly' ? 12 : 365.2425 / 7));
      const baselineIndex = Math.round(years * (frequency === 'monthly' ? 12 : 365.2425 / 7)) - 1;
      const values: (number | null)[] = [];
      const notApplicable: boolean[] = [];
      let u = (options.sd / Math.sqrt(1 - options.rho ** 2)) * rng.normal();
      for (let i = 0; i < total; i++) {
        if (i > 0) u = options.rho * u + options.sd * rng.normal();
        const fraction = ((i % perYear) + 0.5) / perYear;
        const yearsSince = (i - baselineIndex) / perYear;
        const holiday = frequency === 'weekly' && options.holidays !== undefined && isHoliday(i % 52);
        const x = options.level + options.trend * yearsSince + options.season(fraction) + u + options.noise * rng.normal() + (yearsSince > 0 && options.change ? options.change(yearsSince) : 0);
        if (holiday) {
          values.push(null);
          notApplicable.push(options.holidays === 'z');
          continue;
        }
        values.push(unit === 'percent' ? round(100 * logistic(x), 1) : Math.round(Math.exp(x)));
        notApplicable.push(false);
      }
      return { values, notApplicable };
    },
  };
}

/** School holidays in a 52-week year counted from the first week of January (about 13 weeks). */
function isHoliday(week: number): boolean {
  return week === 0 || week === 7 || week === 13 || week === 14 || week === 21 || (week >= 29 && week <= 34) || week === 43 || week === 51;
}

const attendanceSeason = (f: number) => (f > 0.66 && f < 0.75 ? 0.15 : 0) - (f < 0.2 || f > 0.9 ? 0.12 : 0) - 0.05 * Math.cos(2 * Math.PI * f);
const neetSeason = (f: number) => 0.3 * Math.exp(-(((f - 0.75) / 0.08) ** 2)) - 0.05 * Math.cos(2 * Math.PI * f);

/** The scenarios `npm run calibrate` runs. */
export function scenarios(): Scenario[] {
  const list: Scenario[] = [];
  for (const n of [5, 8, 12]) {
    list.push(annualCount(`count-flat-${n}`, `count of about 1,400 (overdispersed, φ = 2), flat; ${n}-value baseline`, n, 4, () => 1400, 2));
    list.push(annualCount(`count-rising-${n}`, `count rising steadily by 30 a year from 1,400 (φ = 2); ${n}-value baseline`, n, 4, (i) => 1400 + 30 * (i + n - 1), 2));
    list.push(annualCount(`count-small-${n}`, `small count, about 12 a year (Poisson, zeros possible), falling 3% a year; ${n}-value baseline`, n, 4, (i) => 12 * 0.97 ** (i + n - 1), 1.0001));
    list.push(annualRate(`rate-falling-${n}`, `rate per 1,000 falling 6% a year from 55, with its counts (population 12,500); ${n}-value baseline`, n, 4, (i) => 55 * 0.94 ** (i + n - 1), 12500, true));
    list.push(annualRate(`rate-nocounts-${n}`, `rate per 1,000, flat at 30, published without its counts (population 8,000); ${n}-value baseline`, n, 4, () => 30, 8000, false));
    list.push(annualPercent(`pct-mid-${n}`, `percentage, flat at 55%, with its counts (cohort 8,000); ${n}-value baseline`, n, 4, () => logit(0.55), 8000, true));
    list.push(annualPercent(`pct-bound-${n}`, `percentage near 100%, rising from 93% (+0.05 a year on the logit scale), with counts (8,000); ${n}-value baseline`, n, 4, (i) => logit(0.93) + 0.05 * (i + n - 1), 8000, true));
    list.push(annualPercent(`pct-survey-${n}`, `survey percentage, flat at 70%, published without counts (300 replies); ${n}-value baseline`, n, 4, () => logit(0.7), 300, false));
    list.push(annualPercent(`pct-low-${n}`, `percentage near 0%, falling from 6% (−0.05 a year on the logit scale), without counts (cohort 20,000); ${n}-value baseline`, n, 4, (i) => logit(0.06) - 0.05 * (i + n - 1), 20000, false, 'lower'));
  }
  const neet = { level: logit(0.065), trend: 0, season: neetSeason, rho: 0.5, sd: 0.03, noise: 0.025 };
  list.push(frequent('monthly-pct-flat-5', 'monthly percentage (NEET-like), season, momentum (ρ = 0.5) and sampling noise, flat; 5-year baseline', 'monthly', 'percent', 5, 4, neet));
  list.push(frequent('monthly-pct-falling-5', 'the same, falling 0.08 a year on the logit scale; 5-year baseline', 'monthly', 'percent', 5, 4, { ...neet, trend: -0.08 }));
  list.push(frequent('monthly-pct-momentum-8', 'the same with strong momentum (ρ = 0.8), flat; 8-year baseline', 'monthly', 'percent', 8, 4, { ...neet, rho: 0.8 }));
  list.push(frequent('monthly-pct-flat-3', 'monthly percentage, flat; 3-year baseline (too short to judge whole years)', 'monthly', 'percent', 3, 4, neet));
  const attendance = { level: logit(0.94), trend: 0, season: attendanceSeason, rho: 0.4, sd: 0.05, noise: 0.03, holidays: 'z' as const };
  list.push(frequent('weekly-pct-flat-5', 'weekly attendance, term-time season, holiday weeks marked z, momentum, flat; 5-year baseline', 'weekly', 'percent', 5, 4, attendance));
  list.push(frequent('weekly-pct-rising-5', 'the same, rising 0.05 a year on the logit scale, holiday weeks absent from the file; 5-year baseline', 'weekly', 'percent', 5, 4, { ...attendance, trend: 0.05, holidays: 'absent' }));
  const stock = { level: Math.log(1400), trend: Math.log(1.02), season: () => 0, rho: 0.9, sd: 0.006, noise: 0.002 };
  list.push(frequent('weekly-count-rising-5', 'weekly count of children in care, strong momentum (ρ = 0.9), rising 2% a year; 5-year baseline', 'weekly', 'count', 5, 4, stock));

  // Real changes of stated sizes.
  list.push(annualCount('turn-count-8', 'count rising 4% a year, then falling 8% a year from the baseline (φ = 2); 8-value baseline, judged 3 years on', 8, 3, (i) => 1300 * 1.04 ** Math.min(i + 7, 7) * 0.92 ** Math.max(i, 0), 2, 'change', ['turned']));
  list.push(annualCount('slowed-count-8', 'count rising 5% a year, then 1% a year from the baseline (φ = 2); 8-value baseline, judged 4 years on', 8, 4, (i) => 1000 * 1.05 ** Math.min(i + 7, 7) * 1.01 ** Math.max(i, 0), 2, 'change', ['slowed']));
  list.push(annualPercent('accelerated-pct-8', 'percentage rising 0.05 a year on the logit scale, then 0.20 a year (cohort 8,000); 8-value baseline, judged 3 years on', 8, 3, (i) => logit(0.5) + 0.05 * Math.min(i + 7, 7) + 0.2 * Math.max(i, 0), 8000, true, 'higher', 'change', ['accelerated']));
  list.push(annualPercent('step-pct-8', 'flat percentage at 55% that steps up 3 points at the baseline (cohort 8,000); 8-value baseline, judged 2 years on', 8, 2, (i) => (i > 0 ? logit(0.58) : logit(0.55)), 8000, true, 'higher', 'change', ['turned']));
  list.push(frequent('weekly-pct-step-5', 'weekly attendance that steps up by 0.15 on the logit scale (about 0.8 points) after the baseline; 5-year baseline, judged 2 years on', 'weekly', 'percent', 5, 2, { ...attendance, change: () => 0.15 }, 'change', ['turned']));
  return list;
}

// --- running -----------------------------------------------------------------------------------

const UNITS: Record<Scenario['unit'], Unit> = { count: { kind: 'count' }, rate: { kind: 'rate', per: 1000 }, percent: { kind: 'percent' } };
const PERIOD_TYPES: Record<Frequency, PeriodType> = { annual: 'financial-year', quarterly: 'quarter', monthly: 'month', weekly: 'week' };

function measureFor(s: Scenario): Measure {
  return {
    id: s.id,
    title: s.description,
    indicator: 1,
    role: 'key',
    unit: UNITS[s.unit],
    polarity: s.polarity,
    periodType: PERIOD_TYPES[s.frequency],
    frequency: s.frequency,
    decimals: s.unit === 'count' ? 0 : 1,
    source: 'simulated',
  };
}

/** Observations for one run; the first period is 2000/01, January 2000 or 2000-W01. */
function observationsFor(s: Scenario, measure: Measure, rng: Rng): { observations: Observation[]; baselineAt: string } {
  const drawn = s.generate(rng);
  const start = s.frequency === 'annual' ? periodFromOrdinal('financial-year', 2000) : s.frequency === 'monthly' ? periodFromOrdinal('month', 2000 * 12) : periodFromOrdinal('week', 1565);
  const baselineCount = s.frequency === 'annual' ? s.baseline : Math.round(s.baseline * (s.frequency === 'monthly' ? 12 : 365.2425 / 7));
  const observations: Observation[] = [];
  let baselineAt = '';
  drawn.values.forEach((value, i) => {
    const period = addPeriods(start, i, s.frequency);
    if (i === baselineCount - 1) baselineAt = period.label;
    if (value === null && drawn.notApplicable?.[i] === false) return; // absent from the file
    const o: Observation = { measure: measure.id, area: 'Simulated', period, value, status: [], source: { file: 'simulated', line: i + 2 } };
    if (value === null) o.missing = 'z';
    const numerator = drawn.numerators?.[i];
    const denominator = drawn.denominators?.[i];
    if (numerator !== undefined) o.numerator = numerator;
    if (denominator !== undefined) o.denominator = denominator;
    observations.push(o);
  });
  return { observations, baselineAt };
}

export function runScenario(s: Scenario, runs: number, seed: number): ScenarioResult {
  const measure = measureFor(s);
  const verdicts: Partial<Record<VerdictStatus, number>> = {};
  let inside = 0;
  let judged = 0;
  let spcCharts = 0;
  let spcSignals = 0;
  for (let run = 0; run < runs; run++) {
    const rng = new Rng(seed, `${s.id}/${run}`);
    const { observations, baselineAt } = observationsFor(s, measure, rng);
    const settings: BaselineSettings = {
      baselineAt,
      horizon: observations.at(-1)!.period.end,
      method: 'auto',
      minHistory: 5,
      level: 0.95,
      trajectory: 'linear',
      rag: { tolerance: { percent: 0 }, amberIfImproved: false },
    };
    const result = analyseBaseline(measure, 'Simulated', observations, settings);
    verdicts[result.verdict.status] = (verdicts[result.verdict.status] ?? 0) + 1;
    if (s.frequency !== 'annual' && s.kind === 'no-change') {
      const shown = result.surprises.slice(-2 * (s.frequency === 'monthly' ? 12 : 52)).map((x) => x.difference);
      if (shown.length >= 12) {
        spcCharts++;
        const chart = xmr(shown, { improvement: s.polarity === 'higher' ? 'increase' : 'decrease' });
        if (chart.points.at(-1)!.special !== null) spcSignals++;
      }
    }
    for (const since of result.since) {
      if (since.lower === null || since.upper === null) continue;
      judged++;
      if (since.value >= since.lower && since.value <= since.upper) inside++;
    }
  }
  const count = (statuses: VerdictStatus[]) => statuses.reduce((sum, v) => sum + (verdicts[v] ?? 0), 0);
  const insufficient = count(['insufficient-data']);
  return {
    id: s.id,
    description: s.description,
    kind: s.kind,
    unit: s.unit,
    frequency: s.frequency,
    baseline: s.baseline,
    after: s.after,
    runs,
    verdicts,
    falseAlarmRate: s.kind === 'no-change' ? (runs - count(['on-baseline', 'insufficient-data'])) / runs : null,
    power: s.kind === 'change' ? count(s.expect ?? []) / runs : null,
    insufficientRate: insufficient / runs,
    intervalCoverage: s.kind === 'no-change' && judged > 0 ? inside / judged : null,
    spcLatestSignalRate: spcCharts > 0 ? spcSignals / spcCharts : null,
  };
}
