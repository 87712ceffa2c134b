/**
 * Has the curve turned? The verdict from the tests of the values since the baseline against
 * the frozen forecast (METHODS.md §3).
 *
 * One test decides whether anything changed at all: the joint F test of a change of level and
 * of slope since the baseline (`src/stats/segmented-effect.ts`), at the configured level. Every
 * verdict other than `on-baseline` needs it, so on a series whose course did not change the
 * verdict says `on-baseline` about `level` of the time, whatever follows. Then, in order:
 *
 * | test (two-sided, same level)                                   | verdict                     |
 * |----------------------------------------------------------------|-----------------------------|
 * | joint test not significant                                     | on-baseline                 |
 * | effect at the latest period significantly worse                | worse                       |
 * | slope changed significantly the better way, and the trend since | accelerated if the baseline |
 * |   differs significantly from flat, the better way              |   was improving, else turned|
 * | effect at the latest period significantly better               | accelerated (improving      |
 * |                                                                |   baseline), slowed (worsening|
 * |                                                                |   baseline), turned (flat)  |
 * | slope changed significantly the worse way                      | worse                       |
 * | otherwise (a change, but in no one direction)                  | on-baseline                 |
 *
 * "Improving" and "worsening" baselines are baseline trends significantly different from flat.
 * XmR signals and the recent-trend test are shown beside the verdict as descriptions and do not
 * vote (each is a further chance of a false alarm).
 */
import type { Polarity } from '../../plan/types.js';

export type VerdictStatus = 'turned' | 'accelerated' | 'slowed' | 'on-baseline' | 'worse' | 'insufficient-data' | 'no-judgement';

/** Why the verdict is what it is, for the words beside it. */
export type VerdictReason =
  | 'no-change'
  | 'no-direction'
  | 'worse-latest'
  | 'worse-slope'
  | 'slope-turned'
  | 'slope-accelerated'
  | 'level-accelerated'
  | 'level-slowed'
  | 'level-from-flat';

export interface VerdictTests {
  polarity: Polarity;
  /** The joint test of no change since the baseline. */
  changed: boolean;
  /** The fitted effect at the latest period: its sign and whether it differs from zero. */
  latest: { value: number; significant: boolean };
  /** Change of slope since the baseline (null with one value since). */
  slopeChange: { value: number; significant: boolean } | null;
  /** The baseline's trend. */
  baselineTrend: { value: number; significant: boolean };
  /** The trend since the baseline (baseline trend + change of slope); null with one value since. */
  trendSince: { value: number; significant: boolean } | null;
}

export interface VerdictDecision {
  status: VerdictStatus;
  reason: VerdictReason;
}

export function decideVerdict(tests: VerdictTests): VerdictDecision {
  const sign = tests.polarity === 'higher' ? 1 : -1;
  const better = (x: number) => sign * x > 0;
  const baseline = tests.baselineTrend.significant ? (better(tests.baselineTrend.value) ? 'improving' : 'worsening') : 'flat';
  if (!tests.changed) return { status: 'on-baseline', reason: 'no-change' };
  if (tests.latest.significant && !better(tests.latest.value)) return { status: 'worse', reason: 'worse-latest' };
  const slope = tests.slopeChange;
  // "Now heads the better way" is a claim too: the trend since must differ from flat, the better way.
  const headsBetter = tests.trendSince !== null && tests.trendSince.significant && better(tests.trendSince.value);
  if (slope?.significant && better(slope.value) && headsBetter) {
    return baseline === 'improving' ? { status: 'accelerated', reason: 'slope-accelerated' } : { status: 'turned', reason: 'slope-turned' };
  }
  if (tests.latest.significant) {
    if (baseline === 'improving') return { status: 'accelerated', reason: 'level-accelerated' };
    if (baseline === 'worsening') return { status: 'slowed', reason: 'level-slowed' };
    return { status: 'turned', reason: 'level-from-flat' };
  }
  if (slope?.significant && !better(slope.value)) return { status: 'worse', reason: 'worse-slope' };
  return { status: 'on-baseline', reason: 'no-direction' };
}
