/**
 * Has the curve turned? Combines three pieces of evidence against a baseline frozen at a
 * period (METHODS.md §3, after Friedman's "turning the curve"):
 *
 * 1. recent actuals against the frozen forecast's prediction interval;
 * 2. special causes on an XmR chart whose limits are fixed on the baseline period;
 * 3. the Fingertips recent-trend test on the latest 5 points.
 *
 * "Better than the baseline" needs the latest actual outside the interval on the better side,
 * or a special cause of improvement since the baseline with the latest actual not worse than the
 * interval. The verdict then depends on directions: the baseline's slope against the slope of
 * the actuals since the baseline (the baseline value and every actual after it):
 *
 * | better than baseline? | baseline heading | actuals heading | verdict      |
 * |-----------------------|------------------|-----------------|--------------|
 * | yes                   | worse or flat    | better          | turned       |
 * | yes                   | better           | better          | accelerated  |
 * | yes                   | worse            | worse or flat   | slowed       |
 * | no, latest is worse   | any              | any             | worse        |
 * | no                    | any              | any             | on-baseline  |
 *
 * A measure still improving, but more slowly than its baseline forecast, is below the forecast
 * on the worse side: `on-baseline` or `worse`, never `turned`.
 */
import type { Polarity } from '../plan/types.js';
import { goodSign, type Position } from './position.js';

export type VerdictStatus = 'turned' | 'accelerated' | 'slowed' | 'on-baseline' | 'worse' | 'insufficient-data' | 'no-judgement';

export interface Verdict {
  status: VerdictStatus;
  evidence: string[];
}

export interface VerdictInput {
  polarity: Polarity;
  /** Slope of the baseline fit, per period. */
  baselineSlope: number;
  /** Slope of the actuals since the baseline (including the baseline value), per period; null with one point. */
  actualSlope: number | null;
  /** Position of each actual since the baseline, oldest first. */
  positions: Position[];
  /** Special causes since the baseline on the XmR chart with limits fixed on the baseline. */
  xmrSince: { improvement: number; concern: number; evaluated: boolean };
  /** Recent-trend direction on the latest 5 points, if tested. */
  trend: 'increasing' | 'decreasing' | 'no-significant-change' | 'insufficient-data';
  /** Evidence sentences already written by the caller, in order (interval, XmR, trend, slopes). */
  evidence: string[];
}

/** Decides the verdict. Slopes within `flatTolerance` of zero count as flat. */
export function decideVerdict(input: VerdictInput, flatTolerance = 1e-9): Verdict {
  const evidence = [...input.evidence];
  const latest = input.positions.at(-1);
  if (latest === undefined) {
    return { status: 'insufficient-data', evidence: [...evidence, 'No actual values since the baseline yet: nothing to judge.'] };
  }
  if (input.polarity === 'none') return { status: 'no-judgement', evidence };

  const sign = goodSign(input.polarity);
  const heading = (slope: number | null): 'better' | 'worse' | 'flat' => {
    if (slope === null || Math.abs(slope) <= flatTolerance) return 'flat';
    return Math.sign(slope) === sign ? 'better' : 'worse';
  };
  const baselineHeading = heading(input.baselineSlope);
  const actualHeading = heading(input.actualSlope);
  const trendHeading =
    input.trend === 'increasing' ? (sign > 0 ? 'better' : 'worse') : input.trend === 'decreasing' ? (sign < 0 ? 'better' : 'worse') : undefined;
  // A significant recent trend overrides the slope of the actuals where the two disagree.
  const heading2 = trendHeading ?? actualHeading;

  const better = latest === 'better' || (input.xmrSince.improvement > 0 && latest !== 'worse');
  if (!better) return { status: latest === 'worse' ? 'worse' : 'on-baseline', evidence };
  if (heading2 === 'better') return { status: baselineHeading === 'better' ? 'accelerated' : 'turned', evidence };
  if (baselineHeading === 'worse') return { status: 'slowed', evidence };
  // Better than an improving or flat baseline but not heading better since: no real change of course.
  return { status: baselineHeading === 'better' ? 'accelerated' : 'on-baseline', evidence };
}
