import { describe, expect, it } from 'vitest';
import { xmr, XMR_NEAR_LIMIT } from '../../src/stats/xmr.js';
import { expectClose, expectStatsError, frozen } from './helpers.js';

/** Indices whose point has a rule, with the rule. */
const flagged = (values: readonly number[], options = {}) =>
  xmr(values, options)
    .points.map((p, i) => [i, p.rule] as const)
    .filter(([, r]) => r !== null);

// Base period used with fixAfter: 12, so the limits are easy by hand:
// 12, 10, 12, 10, … (12 points): mean 11, every moving range 2, MR̄ = 2,
// limits 11 ± 2.66 × 2 = 5.68 and 16.32, near-limit bands 11 ± 1.77333 × 2 = 7.45333 and 14.54667.
const BASE = [12, 10, 12, 10, 12, 10, 12, 10, 12, 10, 12, 10];
const FIXED = { fixAfter: 12 };

describe('xmr limits', () => {
  it("matches NHSRplotthedots' own snapshot (tests/testthat/_snaps/ptd_spc.md)", () => {
    // data: set.seed(123); y = rnorm(20) (values as R prints them to 8 decimals);
    // ptd_spc(...) summary: mean_col 0.142, lpl -3.01, upl 3.29, 20 common cause (3 significant digits).
    const y = frozen([
      -0.56047565, -0.23017749, 1.55870831, 0.07050839, 0.12928774, 1.71506499, 0.46091621, -1.26506123, -0.68685285,
      -0.44566197, 1.2240818, 0.35981383, 0.40077145, 0.11068272, -0.55584113, 1.78691314, 0.49785048, -1.96661716,
      0.7013559, -0.47279141,
    ]);
    const chart = xmr(y, { improvement: 'increase' });
    expectClose(chart.mean, 0.142, 5e-4);
    expectClose(chart.lower, -3.01, 5e-3);
    expectClose(chart.upper, 3.29, 5e-3);
    expect(chart.points.every((p) => p.special === null)).toBe(true);
    expect(chart.variation).toBe('common-cause');
    expect(chart.trial).toBe(false);
    // Full precision from the same arithmetic done independently in NumPy:
    // mean 0.1416238035, MR̄ 1.1853396231578948 (no range screened), limits −3.0113795941, 3.2946272011
    expectClose(chart.mean, 0.1416238035, 1e-10);
    expectClose(chart.movingRangeMean, 1.1853396231578948, 1e-10);
    expectClose(chart.lower, -3.0113795941, 1e-9);
    expectClose(chart.upper, 3.2946272011, 1e-9);

    // Split in two halves (their snapshot with a facet per 10 points; here a rebase at index 10):
    // 0.0746 / -2.60 / 2.75 and 0.209 / -3.28 / 3.70.
    const split = xmr(y, { rebase: [10] });
    expect(split.groups).toHaveLength(2);
    expectClose(split.groups[0]!.mean, 0.0746, 5e-5);
    expectClose(split.groups[0]!.lower, -2.6, 5e-3);
    expectClose(split.groups[0]!.upper, 2.75, 5e-3);
    expectClose(split.groups[1]!.mean, 0.209, 5e-4);
    expectClose(split.groups[1]!.lower, -3.28, 5e-3);
    expectClose(split.groups[1]!.upper, 3.7, 5e-3);
    expect(split.groups.map((g) => [g.start, g.end, g.trial])).toEqual([
      [0, 10, true],
      [10, 20, true],
    ]);
    // the top-level limits are the latest group's
    expect(split.mean).toBe(split.groups[1]!.mean);
    expect(split.points.map((p) => p.group)).toEqual([...new Array(10).fill(0), ...new Array(10).fill(1)]);
  });

  it('fixes the limits on the first N points and applies them to all (hand calculation)', () => {
    const chart = xmr([...BASE, 30, 31, 32], FIXED);
    expect(chart.mean).toBe(11);
    expect(chart.movingRangeMean).toBe(2);
    expectClose(chart.lower, 5.68, 1e-12);
    expectClose(chart.upper, 16.32, 1e-12);
    expectClose(chart.nearLower, 11 - (2 * 2.66 * 2) / 3, 1e-12);
    expectClose(chart.nearUpper, 14.546666666666667, 1e-12);
    expectClose(XMR_NEAR_LIMIT, 1.7733333333333334, 1e-15);
    expect(chart.groups[0]!.limitPoints).toBe(12);
    expect(chart.trial).toBe(false);
  });

  it('screens a moving range ≥ 3.267 × the first-pass MR̄ once', () => {
    // 10, 12 alternating for 10 points, then 30, 12. Moving ranges: nine 2s, then 18 and 18.
    // First pass MR̄ = (18 + 36)/11 = 4.909091; 3.267 × 4.909091 = 16.0379, so both 18s are dropped:
    // MR̄ = 18/9 = 2. Mean = 152/12 = 12.666667; limits 12.666667 ∓ 5.32 = 7.346667, 17.986667.
    // Without screening: MR̄ = 4.909091, limits 12.666667 ∓ 13.058182 = −0.391515, 25.724848.
    const y = frozen([10, 12, 10, 12, 10, 12, 10, 12, 10, 12, 30, 12]);
    const screened = xmr(y);
    expectClose(screened.movingRangeMean, 2, 1e-12);
    expect(screened.groups[0]!.screenedMovingRanges).toBe(2);
    expectClose(screened.mean, 152 / 12, 1e-12);
    expectClose(screened.lower, 152 / 12 - 5.32, 1e-12);
    expectClose(screened.upper, 152 / 12 + 5.32, 1e-12);
    const raw = xmr(y, { screenOutliers: false });
    expectClose(raw.movingRangeMean, 54 / 11, 1e-12);
    expect(raw.groups[0]!.screenedMovingRanges).toBe(0);
    expectClose(raw.lower, -0.3915151515151525, 1e-9);
    expectClose(raw.upper, 25.724848484848486, 1e-9);
    // As NHSRplotthedots' test "testing the screen_outliers" expects, unscreened limits are wider.
    expect(raw.upper - raw.lower).toBeGreaterThan(screened.upper - screened.lower);
    // 30 is outside either way; with the mean at 12.67 the first ten points (10s and 12s) are all below it: a shift.
    expect(screened.points[10]!.rule).toBe('outside-limits');
    expect(screened.points.slice(0, 10).every((p) => p.rule === 'shift' && p.direction === 'down')).toBe(true);
    expect(screened.points[11]!.rule).toBeNull();
  });

  it('handles a constant series: no special causes, no division by zero', () => {
    for (const y of [new Array(15).fill(5), new Array(10).fill(0.1)]) {
      const chart = xmr(y, { improvement: 'increase', target: 5 });
      expect(chart.movingRangeMean).toBe(0);
      expect(chart.mean).toBe(y[0]);
      expect(chart.lower).toBe(y[0]);
      expect(chart.upper).toBe(y[0]);
      expect(chart.points.every((p) => p.rule === null && p.special === null)).toBe(true);
      expect(chart.variation).toBe('common-cause');
      expect(Object.values(chart).some((v) => typeof v === 'number' && Number.isNaN(v))).toBe(false);
    }
  });

  it('marks limits on fewer than 12 points as trial limits', () => {
    expect(xmr(BASE.slice(0, 11)).trial).toBe(true);
    expect(xmr(BASE).trial).toBe(false);
    expect(xmr([...BASE, 11, 11], { fixAfter: 6 }).trial).toBe(true);
  });
});

describe('xmr rules (limits fixed on BASE: mean 11, 5.68–16.32, near bands 7.453 and 14.547)', () => {
  it('shift: 7 points on one side of the mean', () => {
    // BASE ends with 10 (below the mean); then 12, 12.5, 12, 12.5, 12, 12.5, 12 are 7 above 11.
    const chart = xmr([...BASE, 12, 12.5, 12, 12.5, 12, 12.5, 12], { ...FIXED, improvement: 'increase' });
    expect(flagged([...BASE, 12, 12.5, 12, 12.5, 12, 12.5, 12], FIXED)).toEqual(
      [12, 13, 14, 15, 16, 17, 18].map((i) => [i, 'shift']),
    );
    expect(chart.points[18]).toMatchObject({ special: 'improvement', rule: 'shift', direction: 'up' });
    expect(chart.variation).toBe('special-cause-improvement');
  });

  it('shift: a point exactly on the mean breaks the run; 6 in a row is not enough', () => {
    expect(flagged([...BASE, 12, 12.5, 12, 11, 12.5, 12, 12.5, 12], FIXED)).toEqual([]);
    expect(flagged([...BASE, 12, 12.5, 12, 12.5, 12, 12.5], FIXED)).toEqual([]);
  });

  it('trend: 7 points strictly rising (6 increases) are all flagged', () => {
    // NHSRplotthedots ptd_seven_point_trend(1:7) flags the 7th point and ptd_part_of_seven_trend
    // marks all 7; c(1:3, 3:6) (an equal value) is no trend; 1:6 is too short.
    expect(flagged([...BASE, 8, 9, 10, 11, 12, 13, 14], FIXED)).toEqual([12, 13, 14, 15, 16, 17, 18].map((i) => [i, 'trend']));
    expect(flagged([...BASE, 8, 9, 10, 11, 12, 13], FIXED)).toEqual([]);
    expect(flagged([...BASE, 8, 9, 10, 10, 11, 12, 13, 14], FIXED)).toEqual([]);
  });

  it('trend: a falling trend is an improvement when lower is better', () => {
    const chart = xmr([...BASE, 14, 13, 12, 11, 10, 9, 8], { ...FIXED, improvement: 'decrease' });
    expect(chart.points.slice(12).every((p) => p.rule === 'trend' && p.direction === 'down' && p.special === 'improvement')).toBe(
      true,
    );
    // even the points above the mean (14, 13, 12): a trend is judged by its direction
    expect(chart.points[12]!.value).toBe(14);
  });

  it('two of three beyond the near-limit band on the same side', () => {
    // 15 and 15.5 lie between 14.547 and 16.32; the middle 12 is above the mean too.
    expect(flagged([...BASE, 15, 12, 15.5], FIXED)).toEqual([
      [12, 'two-of-three'],
      [14, 'two-of-three'],
    ]);
    // NHSRplotthedots: "it only reports special cause for 2 of 3 points close to limits when they
    // are on the same side of the mean": with 10 (below the mean) in the middle, no signal.
    expect(flagged([...BASE, 15, 10, 15.5], FIXED)).toEqual([]);
  });

  it("two of three: NHSRplotthedots' symmetric test data gives common cause", () => {
    // test-ptd_spc_standard.R: rep(c(1, -1), 8) with the 15th and 16th values set to 5.5 and −5.5.
    // Mean 0; moving ranges thirteen 2s, 6.5 and 11; first-pass MR̄ = 43.5/15 = 2.9; 11 ≥ 9.4743 is
    // screened: MR̄ = 32.5/14 = 2.321429; near bands ±4.116667, limits ±6.175. 5.5 and −5.5 are both
    // near a limit but on opposite sides: no signal.
    const y = [1, -1, 1, -1, 1, -1, 1, -1, 1, -1, 1, -1, 1, -1, 5.5, -5.5];
    const chart = xmr(y);
    expectClose(chart.movingRangeMean, 32.5 / 14, 1e-12);
    expectClose(chart.upper, 6.175, 1e-12);
    expect(chart.points.slice(-2).map((p) => p.special)).toEqual([null, null]);
  });

  it('a point outside the limits, above and below', () => {
    expect(flagged([...BASE, 17], FIXED)).toEqual([[12, 'outside-limits']]);
    const low = xmr([...BASE, 5], { ...FIXED, improvement: 'increase' });
    expect(low.points[12]).toMatchObject({ rule: 'outside-limits', direction: 'down', special: 'concern' });
    expect(low.variation).toBe('special-cause-concern');
    const neutral = xmr([...BASE, 5], FIXED);
    expect(neutral.points[12]!.special).toBe('neutral');
    expect(neutral.variation).toBe('special-cause-neutral');
  });

  it('precedence: outside > trend > two-of-three > shift', () => {
    // 8…13 rising then 17: a trend of 7 whose last point is also outside the limits.
    expect(flagged([...BASE, 8, 9, 10, 11, 12, 13, 17], FIXED)).toEqual([
      ...[12, 13, 14, 15, 16, 17].map((i) => [i, 'trend']),
      [18, 'outside-limits'],
    ]);
    // 11.5 … 14.2 are 7 above the mean (a shift) and, with the 10 before them, 8 rising points: trend wins.
    expect(flagged([...BASE, 11.5, 12, 12.5, 13, 13.5, 14, 14.2], FIXED)).toEqual(
      [11, 12, 13, 14, 15, 16, 17, 18].map((i) => [i, 'trend']),
    );
    // 8…12, 14.6, 14.8: a trend whose last two points are also two of three near the upper limit: trend wins.
    expect(flagged([...BASE, 8, 9, 10, 11, 12, 14.6, 14.8], FIXED)).toEqual([12, 13, 14, 15, 16, 17, 18].map((i) => [i, 'trend']));
    // 7 above the mean (a shift) of which 15 and 15.2 are two of three near the limit: those two say two-of-three.
    expect(flagged([...BASE, 12, 12.5, 12, 15, 12.5, 15.2, 12], FIXED)).toEqual([
      [12, 'shift'],
      [13, 'shift'],
      [14, 'shift'],
      [15, 'two-of-three'],
      [16, 'shift'],
      [17, 'two-of-three'],
      [18, 'shift'],
    ]);
  });

  it('a peak shared by a rising and a falling trend takes the falling one (as NHSRplotthedots)', () => {
    // Limits fixed on 0, 10, 0, 10, … (12 points): mean 5, MR̄ 10, limits 5 ∓ 26.6, near bands 5 ∓ 17.73,
    // so only the trend rules can fire. Then 1, 2, …, 7, …, 2, 1: indices 12–18 rise (6 increases) and
    // 18–24 fall (6 decreases). The peak (index 18, value 7) belongs to both; NHSRplotthedots'
    // ptd_special_cause_type uses the later (right-hand) trend for such a point: falling.
    const y = [0, 10, 0, 10, 0, 10, 0, 10, 0, 10, 0, 10, 1, 2, 3, 4, 5, 6, 7, 6, 5, 4, 3, 2, 1];
    const chart = xmr(y, { fixAfter: 12, improvement: 'increase' });
    expect(flagged(y, { fixAfter: 12 })).toEqual([...new Array(13)].map((_, k) => [12 + k, 'trend']));
    expect(chart.points[15]).toMatchObject({ rule: 'trend', direction: 'up', special: 'improvement' });
    expect(chart.points[18]).toMatchObject({ value: 7, rule: 'trend', direction: 'down', special: 'concern' });
    expect(chart.points[21]).toMatchObject({ rule: 'trend', direction: 'down', special: 'concern' });
  });

  it('rules do not run across a rebase', () => {
    // 4 rising points before the rebase and 3 after are not a trend of 7 within either group.
    const y = [5, 9, 5, 9, 5, 9, 1, 2, 3, 4, 5, 6, 7, 3, 5];
    expect(flagged(y, { rebase: [10] }).filter(([, r]) => r === 'trend')).toEqual([]);
    expect(flagged(y).filter(([, r]) => r === 'trend').map(([i]) => i)).toEqual([6, 7, 8, 9, 10, 11, 12]);
  });
});

describe('xmr assurance (target against the limits; NHSRplotthedots ptd_calculate_assurance_type)', () => {
  // BASE alone: limits 5.68 and 16.32.
  it.each([
    ['increase', 17, 'fail'],
    ['increase', 5, 'pass'],
    ['increase', 11, 'hit-and-miss'],
    ['decrease', 17, 'pass'],
    ['decrease', 5, 'fail'],
    ['decrease', 11, 'hit-and-miss'],
  ] as const)('improvement %s, target %f → %s', (improvement, target, assurance) => {
    expect(xmr(BASE, { improvement, target }).assurance).toBe(assurance);
  });

  it('is null without a target or without an improvement direction', () => {
    expect(xmr(BASE, { improvement: 'increase' }).assurance).toBeNull();
    expect(xmr(BASE, { target: 17 }).assurance).toBeNull();
  });

  it('uses the latest group after a rebase', () => {
    // group 2 = 20, 22, … : mean 21, MR̄ 2, limits 15.68–26.32; target 17 is inside → hit-and-miss
    const y = [...BASE, 20, 22, 20, 22, 20, 22];
    expect(xmr(y, { improvement: 'increase', target: 17, rebase: [12] }).assurance).toBe('hit-and-miss');
    expect(xmr(y, { improvement: 'increase', target: 17, fixAfter: 12 }).assurance).toBe('fail');
  });
});

describe('xmr input checks', () => {
  it('refuses bad input', () => {
    expectStatsError(() => xmr([1]), 'INSUFFICIENT_DATA', 'xmr requires at least 2 values, got 1');
    expectStatsError(() => xmr([1, 2, Number.NaN]), 'NOT_FINITE', /NaN at index 2/);
    expectStatsError(() => xmr([1, 2, 3], { fixAfter: 1 }), 'OUT_OF_RANGE');
    expectStatsError(() => xmr([1, 2, 3], { rebase: [3] }), 'OUT_OF_RANGE');
    expectStatsError(
      () => xmr([1, 2, 3, 4], { rebase: [3] }),
      'INSUFFICIENT_DATA',
      'xmr requires at least 2 points to set the limits of each group, got 1 in the group starting at index 3',
    );
    // @ts-expect-error: checking the runtime guard for untyped callers
    expectStatsError(() => xmr([1, 2, 3], { improvement: 'up' }), 'INVALID_OPTION');
  });

  it('does not mutate its input', () => {
    const y = frozen([...BASE, 17]);
    expect(() => xmr(y, { ...FIXED, rebase: frozen([0]) })).not.toThrow();
  });
});
