/**
 * The value (y) axis of every time chart: its range, its ticks, and whether it is cut.
 *
 * A reader takes the height of a line above the axis's foot as its size, so counts, rates and
 * percentages start at zero, unless the values sit so far from zero that a zero-based axis would
 * flatten them into a strip (they would fill less than {@link MIN_FILL} of the height). Then the
 * axis is cut close to the data, and the chart says so in words and with a break mark. An axis
 * never runs below the unit's floor (0) or above its ceiling (100 for percentages).
 *
 * The domain is worked out here, not left to vega's `nice`, so the builders know where every
 * value lands in pixels (to place labels clear of the data) and can say where a cut axis starts.
 */

/** What the values of a chart can be: a floor and, for percentages, a ceiling. */
export interface ValueBounds {
  /** The lowest value the unit allows (0 for counts, rates and percentages); undefined: none. */
  floor?: number;
  /** The highest value the unit allows (100 for percentages); undefined: none. */
  ceiling?: number;
}

export interface ValueAxisPlan {
  /** The y scale's domain, lowest first; ticks fall on both ends. */
  domain: [number, number];
  /** Tick values, lowest first, `step` apart. */
  ticks: number[];
  step: number;
  /** True when the axis starts above the unit's floor (a cut axis, which the chart must say). */
  cut: boolean;
}

/** Below this share of a zero-based axis's height, the values are said to be flattened. */
export const MIN_FILL = 0.4;
/** About this many ticks. */
const TICKS = 6;
/** Room left between the outermost values and the ends of the axis, as a share of their range. */
const PAD = 0.04;

/** The bounds of a unit: percentages 0–100, other measures of size (counts, rates) from 0. */
export function unitBounds(percent: boolean, negativeAllowed = false): ValueBounds {
  if (percent) return { floor: 0, ceiling: 100 };
  return negativeAllowed ? {} : { floor: 0 };
}

/** `value` moved inside `bounds`. */
export function clampToBounds(value: number, bounds: ValueBounds): number {
  let v = value;
  if (bounds.floor !== undefined && v < bounds.floor) v = bounds.floor;
  if (bounds.ceiling !== undefined && v > bounds.ceiling) v = bounds.ceiling;
  return v;
}

/**
 * The step between ticks: 1, 2 or 5 times a power of ten, so that about `count` ticks span
 * `span` (as d3's `tickIncrement`), and never finer than the values' decimal places.
 */
export function tickStep(span: number, count: number, decimals: number): number {
  const raw = span / count;
  const power = 10 ** Math.floor(Math.log10(raw));
  const error = raw / power;
  const factor = error >= Math.sqrt(50) ? 10 : error >= Math.sqrt(10) ? 5 : error >= Math.sqrt(2) ? 2 : 1;
  return Math.max(factor * power, 10 ** -decimals);
}

/** `value` rounded to the step's own decimal places, so tick values carry no floating-point dust. */
function tidy(value: number, step: number): number {
  const places = Math.max(0, -Math.floor(Math.log10(step)) + 1);
  return Number(value.toFixed(places));
}

/**
 * Plan the value axis for the values a chart draws.
 *
 * @example
 * planValueAxis([1245, 1475], { floor: 0 }, 0);
 * // 1,245–1,475 would fill 16% of a zero-based axis: cut.
 * // { domain: [1200, 1500], ticks: [1200, 1250, …, 1500], step: 50, cut: true }
 * planValueAxis([5.2, 12.8], { floor: 0, ceiling: 100 }, 1);
 * // 5.2–12.8 fills 59% of 0–12.8: zero-based. { domain: [0, 14], step: 2, cut: false, … }
 */
export function planValueAxis(values: readonly number[], bounds: ValueBounds, decimals: number): ValueAxisPlan {
  const inside = values.filter(Number.isFinite).map((v) => clampToBounds(v, bounds));
  let lo = inside.length > 0 ? Math.min(...inside) : (bounds.floor ?? 0);
  let hi = inside.length > 0 ? Math.max(...inside) : lo;
  const floor = bounds.floor;
  const zeroBased = floor !== undefined && (hi === floor || hi - lo >= MIN_FILL * (hi - floor));
  if (zeroBased) lo = floor;
  if (hi === lo) {
    // One value (or all the same): give it room around it.
    const room = Math.max(Math.abs(hi) * 0.1, 10 ** -decimals * 5);
    hi += room;
    if (!zeroBased) lo -= room;
  }
  const pad = (hi - lo) * PAD;
  let top = hi + pad;
  let bottom = zeroBased ? lo : lo - pad;
  if (bounds.ceiling !== undefined) top = Math.min(top, bounds.ceiling);
  if (floor !== undefined) bottom = Math.max(bottom, floor);
  let step = tickStep(top - bottom, TICKS, decimals);
  // Nicing can widen the span enough to want a bigger step; settle it in a pass or two.
  for (let pass = 0; pass < 3; pass++) {
    const niceBottom = Math.floor(bottom / step + 1e-9) * step;
    const niceTop = Math.ceil(top / step - 1e-9) * step;
    const next = tickStep(niceTop - niceBottom, TICKS, decimals);
    if (next === step) break;
    step = next;
  }
  let domainLo = tidy(Math.floor(bottom / step + 1e-9) * step, step);
  let domainHi = tidy(Math.ceil(top / step - 1e-9) * step, step);
  if (floor !== undefined && domainLo < floor) domainLo = floor;
  if (bounds.ceiling !== undefined && domainHi > bounds.ceiling) domainHi = bounds.ceiling;
  const ticks: number[] = [];
  for (let k = Math.ceil(domainLo / step - 1e-9); k * step <= domainHi + step * 1e-9; k++) ticks.push(tidy(k * step, step));
  return { domain: [domainLo, domainHi], ticks, step, cut: floor !== undefined && domainLo > floor };
}
