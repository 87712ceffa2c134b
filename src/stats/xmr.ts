/**
 * XmR (individuals and moving range) statistical process control chart with
 * the NHS "Making Data Count" rules for special-cause variation, the
 * variation icon and the assurance icon.
 *
 * References: NHS England / NHS Improvement (2019) "Making Data Count";
 * Wheeler DJ (1995) Advanced Topics in Statistical Process Control; as
 * implemented in the R package NHSRplotthedots (`ptd_spc`; the limits in
 * `ptd_spc_standard`, the rules in `ptd_calculate_point_type`, the assurance
 * in `ptd_calculate_assurance_type`).
 *
 * Conventions (those of NHSRplotthedots):
 * - Limits per group (the whole series, or each group started by `rebase`),
 *   computed from the group's first `fixAfter` points (all of them when not
 *   given) and applied to every point of the group:
 *   centre = mean; MR = |y(i) − y(i−1)|; MR̄ = mean MR; with `screenOutliers`
 *   (default true) moving ranges ≥ 3.267 × MR̄ are dropped once and MR̄ is
 *   recomputed (no screening when MR̄ = 0); limits = mean ± 2.66·MR̄;
 *   near-limit bands = mean ± (2/3)·2.66·MR̄ = mean ± 1.7733·MR̄.
 * - Rules, evaluated within each group:
 *   (a) `outside-limits`: y > upper or y < lower (strict);
 *   (b) `trend`: 7 consecutive points each strictly above (or below) the one
 *       before, i.e. 6 consecutive increases (decreases); an equal value breaks
 *       it; all 7 points are flagged (NHSRplotthedots `ptd_seven_point_trend`);
 *   (c) `two-of-three`: in 3 consecutive points all on the same side of the
 *       mean, at least 2 lie beyond the near-limit band but inside the limits;
 *       those (not the third) are flagged (`ptd_two_in_three`);
 *   (d) `shift`: 7 or more consecutive points on the same side of the mean; a
 *       point exactly on the mean breaks the run; all are flagged.
 *   When rules overlap on one point: outside > trend > two-of-three > shift.
 * - Direction of a special cause: above/below the mean for (a), (c), (d); rising
 *   or falling for (b) (a point that ends a rising trend and starts a falling
 *   one takes the later trend, as NHSRplotthedots does). With `improvement`
 *   'increase', up is improvement and down is concern ('decrease': the other
 *   way); without it every special cause is 'neutral'.
 * - `trial` is true when the limits rest on fewer than 12 points.
 * - `variation` is the icon of the latest point; `assurance` compares `target`
 *   with the latest group's limits: for 'increase', target < lower → 'pass',
 *   target > upper → 'fail', otherwise 'hit-and-miss' (reversed for
 *   'decrease'); null without a target or an improvement direction.
 *
 * @example
 * const chart = xmr([5, 6, 5, 7, 6, 5, 6, 7, 6, 5, 6, 14], { improvement: 'decrease' });
 * chart.mean;                // 6.5
 * chart.points[11].rule;     // 'outside-limits'
 * chart.points[11].special;  // 'concern'
 * chart.variation;           // 'special-cause-concern'
 */
import { fail, requireFinite, requireInteger, requireNumbers, requireOneOf } from './validate.js';

/** Limits multiplier 2.66 = 3/d₂ with d₂ = 1.128 for moving ranges of 2. */
export const XMR_LIMIT = 2.66;
/** Near-limit band: two thirds of the way from the mean to the limits. */
export const XMR_NEAR_LIMIT = (2 * XMR_LIMIT) / 3;
/** Moving ranges at or above this multiple of the first-pass MR̄ are screened out. */
export const XMR_SCREEN = 3.267;
/** Limits resting on fewer points than this are trial limits. */
export const XMR_TRIAL_BELOW = 12;
const RUN = 7;

export type Improvement = 'increase' | 'decrease';
export type XmrRule = 'outside-limits' | 'trend' | 'two-of-three' | 'shift';
export type XmrSpecial = 'improvement' | 'concern' | 'neutral';
export type XmrVariation = 'common-cause' | 'special-cause-improvement' | 'special-cause-concern' | 'special-cause-neutral';
export type XmrAssurance = 'pass' | 'fail' | 'hit-and-miss';

export interface XmrOptions {
  /** Which direction is an improvement; omit for no judgement ('neutral'). */
  improvement?: Improvement;
  /** Drop moving ranges ≥ 3.267 × MR̄ once before the final MR̄; default true. */
  screenOutliers?: boolean;
  /** Compute each group's limits from its first N points only (N ≥ 2). */
  fixAfter?: number;
  /** Target for the assurance icon. */
  target?: number;
  /** Indices at which a new group starts, with its own limits. */
  rebase?: readonly number[];
}

export interface XmrPoint {
  value: number;
  special: XmrSpecial | null;
  rule: XmrRule | null;
  /** 'up' (above the mean, or rising for a trend), 'down', or null for common cause. */
  direction: 'up' | 'down' | null;
  /** Index into `groups`. */
  group: number;
}

export interface XmrLimits {
  mean: number;
  lower: number;
  upper: number;
  nearLower: number;
  nearUpper: number;
  movingRangeMean: number;
  /** Fewer than 12 points behind the limits. */
  trial: boolean;
}

export interface XmrGroup extends XmrLimits {
  /** First index of the group. */
  start: number;
  /** One past the last index of the group. */
  end: number;
  /** How many points the limits were computed from. */
  limitPoints: number;
  /** How many moving ranges were screened out. */
  screenedMovingRanges: number;
}

export interface XmrResult extends XmrLimits {
  points: XmrPoint[];
  groups: XmrGroup[];
  variation: XmrVariation;
  assurance: XmrAssurance | null;
}

function mean(xs: readonly number[]): number {
  // Shifted mean: exact for a constant series, so no point reads as off-centre by rounding.
  const first = xs[0]!;
  let s = 0;
  for (const x of xs) s += x - first;
  return first + s / xs.length;
}

function groupLimits(values: readonly number[], screen: boolean): Omit<XmrGroup, 'start' | 'end'> {
  const centre = mean(values);
  const ranges = values.slice(1).map((v, i) => Math.abs(v - values[i]!));
  const firstPass = ranges.reduce((s, r) => s + r, 0) / ranges.length;
  const kept = screen && firstPass > 0 ? ranges.filter((r) => r < XMR_SCREEN * firstPass) : ranges;
  const mr = kept.reduce((s, r) => s + r, 0) / kept.length;
  return {
    mean: centre,
    lower: centre - XMR_LIMIT * mr,
    upper: centre + XMR_LIMIT * mr,
    nearLower: centre - XMR_NEAR_LIMIT * mr,
    nearUpper: centre + XMR_NEAR_LIMIT * mr,
    movingRangeMean: mr,
    trial: values.length < XMR_TRIAL_BELOW,
    limitPoints: values.length,
    screenedMovingRanges: ranges.length - kept.length,
  };
}

type Dir = 'up' | 'down';

/** Rule and direction for each point of one group (NHSRplotthedots logic). */
function groupRules(y: readonly number[], g: XmrLimits): { rule: XmrRule | null; direction: Dir | null }[] {
  const n = y.length;
  const side = y.map((v) => Math.sign(v - g.mean));
  const outside = y.map((v) => v > g.upper || v < g.lower);
  const close = y.map((v, i) => !outside[i] && (v < g.nearLower || v > g.nearUpper));

  // (b) trend: every window of 7 points with 6 strict increases (decreases).
  const up = new Array<boolean>(n).fill(false);
  const down = new Array<boolean>(n).fill(false);
  for (let end = RUN - 1; end < n; end++) {
    let rising = true;
    let falling = true;
    for (let i = end - RUN + 2; i <= end; i++) {
      if (!(y[i]! > y[i - 1]!)) rising = false;
      if (!(y[i]! < y[i - 1]!)) falling = false;
    }
    for (let i = end - RUN + 1; i <= end; i++) {
      if (rising) up[i] = true;
      if (falling) down[i] = true;
    }
  }

  // (c) two of three beyond the near-limit band, all three on one side.
  const twoOfThree = new Array<boolean>(n).fill(false);
  for (let i = 0; i + 2 < n; i++) {
    const sides = side[i]! + side[i + 1]! + side[i + 2]!;
    const closeCount = [i, i + 1, i + 2].filter((j) => close[j]).length;
    if (Math.abs(sides) === 3 && closeCount >= 2) {
      for (const j of [i, i + 1, i + 2]) if (close[j]) twoOfThree[j] = true;
    }
  }

  // (d) shift: a run of 7 or more on one side of the mean (0 breaks it).
  const shift = new Array<boolean>(n).fill(false);
  let runStart = 0;
  for (let i = 1; i <= n; i++) {
    if (i === n || side[i] !== side[runStart] || side[i] === 0) {
      if (side[runStart] !== 0 && i - runStart >= RUN) for (let j = runStart; j < i; j++) shift[j] = true;
      runStart = i;
    }
  }

  return y.map((_, i) => {
    const sideDir: Dir = side[i]! > 0 ? 'up' : 'down';
    if (outside[i]) return { rule: 'outside-limits', direction: sideDir };
    if (up[i] || down[i]) {
      const direction: Dir = up[i] && down[i] ? (y[i + 1]! > y[i]! ? 'up' : 'down') : up[i] ? 'up' : 'down';
      return { rule: 'trend', direction };
    }
    if (twoOfThree[i]) return { rule: 'two-of-three', direction: sideDir };
    if (shift[i]) return { rule: 'shift', direction: sideDir };
    return { rule: null, direction: null };
  });
}

export function xmr(values: readonly number[], options: XmrOptions = {}): XmrResult {
  const method = 'xmr';
  const y = requireNumbers(method, 'values', values, 2);
  const n = y.length;
  const improvement =
    options.improvement === undefined ? undefined : requireOneOf(method, 'improvement', options.improvement, ['increase', 'decrease']);
  const screen = options.screenOutliers ?? true;
  if (typeof screen !== 'boolean') fail('INVALID_OPTION', method, 'screenOutliers to be true or false', screen);
  const fixAfter = options.fixAfter === undefined ? Infinity : requireInteger(method, 'fixAfter', options.fixAfter, 2);
  const target = options.target === undefined ? undefined : requireFinite(method, 'target', options.target);
  const rebase = options.rebase ?? [];
  if (!Array.isArray(rebase)) fail('INVALID_OPTION', method, 'rebase to be an array of indices', rebase);
  rebase.forEach((r, i) => {
    requireInteger(method, `rebase[${i}]`, r, 0);
    if (r > n - 1) fail('OUT_OF_RANGE', method, `rebase indices < ${n} (the number of values)`, r);
  });

  const starts = [...new Set([0, ...rebase])].sort((a, b) => a - b);
  const groups: XmrGroup[] = starts.map((start, k) => {
    const end = starts[k + 1] ?? n;
    const limitValues = y.slice(start, Math.min(end, start + fixAfter));
    if (limitValues.length < 2) {
      fail(
        'INSUFFICIENT_DATA',
        method,
        'at least 2 points to set the limits of each group',
        start,
        `${limitValues.length} in the group starting at index ${start}`,
      );
    }
    return { start, end, ...groupLimits(limitValues, screen) };
  });

  const points: XmrPoint[] = [];
  groups.forEach((g, k) => {
    const rules = groupRules(y.slice(g.start, g.end), g);
    rules.forEach(({ rule, direction }, i) => {
      const special: XmrSpecial | null =
        rule === null
          ? null
          : improvement === undefined
            ? 'neutral'
            : (direction === 'up') === (improvement === 'increase')
              ? 'improvement'
              : 'concern';
      points.push({ value: y[g.start + i]!, special, rule, direction, group: k });
    });
  });

  const last = groups[groups.length - 1]!;
  const latest = points[points.length - 1]!;
  const variation: XmrVariation = latest.special === null ? 'common-cause' : `special-cause-${latest.special}`;
  let assurance: XmrAssurance | null = null;
  if (target !== undefined && improvement !== undefined) {
    const higherIsBetter = improvement === 'increase';
    if (target > last.upper) assurance = higherIsBetter ? 'fail' : 'pass';
    else if (target < last.lower) assurance = higherIsBetter ? 'pass' : 'fail';
    else assurance = 'hit-and-miss';
  }

  return {
    mean: last.mean,
    lower: last.lower,
    upper: last.upper,
    nearLower: last.nearLower,
    nearUpper: last.nearUpper,
    movingRangeMean: last.movingRangeMean,
    trial: last.trial,
    points,
    groups,
    variation,
    assurance,
  };
}
