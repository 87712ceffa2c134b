/**
 * Exact arithmetic for the dataset generator: integer apportionment, values shown to a number of
 * decimals computed from integer numerators and denominators (no floating-point rounding
 * surprises), and the interpolation and calibration used to shape illustrative series.
 */

/**
 * Splits a whole number into whole parts in proportion to the weights (largest remainder,
 * Hamilton's method). Ties go to the earlier index, so the result is deterministic.
 * The parts always sum to `total`.
 */
export function apportion(total: number, weights: readonly number[]): number[] {
  if (!Number.isInteger(total) || total < 0) throw new Error(`apportion: total ${total} is not a whole number ≥ 0`);
  const sum = weights.reduce((a, w) => a + w, 0);
  if (weights.length === 0 || !(sum > 0) || weights.some((w) => !(w >= 0) || !Number.isFinite(w))) {
    throw new Error('apportion: weights must be finite, ≥ 0 and not all zero');
  }
  const quotas = weights.map((w) => (total * w) / sum);
  const parts = quotas.map((q) => Math.floor(q));
  let left = total - parts.reduce((a, p) => a + p, 0);
  const order = quotas
    .map((q, i) => ({ i, r: q - Math.floor(q) }))
    .sort((a, b) => (b.r !== a.r ? b.r - a.r : a.i - b.i));
  for (let k = 0; left > 0; k = (k + 1) % order.length, left--) parts[order[k]!.i]! += 1;
  return parts;
}

/**
 * round(num × mult × 10^decimals / den), halves rounded up, exactly (BigInt): the value shown
 * to `decimals` places, as a whole number of units of 10^-decimals.
 */
export function ratioScaled(num: number, den: number, mult: number, decimals: number): number {
  if (!Number.isInteger(num) || !Number.isInteger(den) || den <= 0 || num < 0) {
    throw new Error(`ratioScaled: bad numerator/denominator ${num}/${den}`);
  }
  const a = BigInt(num) * BigInt(mult) * 10n ** BigInt(decimals);
  const b = BigInt(den);
  return Number((2n * a + b) / (2n * b));
}

/** A decimal string such as "91.64" as a whole number of units of 10^-decimals (exact). */
export function parseScaled(text: string, decimals: number): number {
  const m = /^(\d+)(?:\.(\d+))?$/.exec(text);
  if (!m) throw new Error(`parseScaled: "${text}" is not a plain decimal`);
  const frac = m[2] ?? '';
  if (frac.length > decimals) throw new Error(`parseScaled: "${text}" has more than ${decimals} decimals`);
  return Number(m[1]) * 10 ** decimals + Number(frac.padEnd(decimals, '0') || '0');
}

/** Writes a scaled whole number with `decimals` places: 933, 1 → "93.3". */
export function formatScaled(scaled: number, decimals: number): string {
  if (!Number.isInteger(scaled)) throw new Error(`formatScaled: ${scaled} is not whole`);
  const negative = scaled < 0;
  const digits = String(Math.abs(scaled)).padStart(decimals + 1, '0');
  const text = decimals === 0 ? digits : `${digits.slice(0, -decimals)}.${digits.slice(-decimals)}`;
  return negative ? `-${text}` : text;
}

/** A float rounded to `decimals` places, as a scaled whole number (halves away from zero). */
export function roundScaled(x: number, decimals: number): number {
  const f = 10 ** decimals;
  return Math.sign(x) * Math.round(Math.abs(x) * f);
}

export function logit(p: number): number {
  return Math.log(p / (1 - p));
}

export function sigmoid(x: number): number {
  return 1 / (1 + Math.exp(-x));
}

/**
 * Finds c so that Σ den_i × sigmoid(base_i + c) = target (bisection; the sum rises with c).
 * Used to spread a city percentage over clusters so that they average back to the city.
 */
export function calibrateLogitShift(dens: readonly number[], bases: readonly number[], target: number): number {
  let lo = -20;
  let hi = 20;
  for (let iter = 0; iter < 100; iter++) {
    const mid = (lo + hi) / 2;
    let sum = 0;
    for (let i = 0; i < dens.length; i++) sum += dens[i]! * sigmoid(bases[i]! + mid);
    if (sum < target) lo = mid;
    else hi = mid;
  }
  return (lo + hi) / 2;
}

/**
 * Monotone piecewise cubic interpolation (Fritsch–Carlson / PCHIP) through the knots: no
 * overshoot, and flat at local peaks and troughs. `xs` strictly increasing.
 */
export function pchip(xs: readonly number[], ys: readonly number[]): (x: number) => number {
  const n = xs.length;
  if (n < 2 || ys.length !== n) throw new Error('pchip: need at least two knots');
  const h: number[] = [];
  const delta: number[] = [];
  for (let i = 0; i < n - 1; i++) {
    const hi = xs[i + 1]! - xs[i]!;
    if (!(hi > 0)) throw new Error('pchip: knots must increase');
    h.push(hi);
    delta.push((ys[i + 1]! - ys[i]!) / hi);
  }
  const d: number[] = new Array<number>(n).fill(0);
  for (let i = 1; i < n - 1; i++) {
    const a = delta[i - 1]!;
    const b = delta[i]!;
    if (a * b <= 0) d[i] = 0;
    else {
      const w1 = 2 * h[i]! + h[i - 1]!;
      const w2 = h[i]! + 2 * h[i - 1]!;
      d[i] = (w1 + w2) / (w1 / a + w2 / b);
    }
  }
  const endSlope = (h0: number, h1: number, d0: number, d1: number): number => {
    let s = ((2 * h0 + h1) * d0 - h0 * d1) / (h0 + h1);
    if (Math.sign(s) !== Math.sign(d0)) s = 0;
    else if (Math.sign(d0) !== Math.sign(d1) && Math.abs(s) > Math.abs(3 * d0)) s = 3 * d0;
    return s;
  };
  if (n === 2) {
    d[0] = delta[0]!;
    d[1] = delta[0]!;
  } else {
    d[0] = endSlope(h[0]!, h[1]!, delta[0]!, delta[1]!);
    d[n - 1] = endSlope(h[n - 2]!, h[n - 3]!, delta[n - 2]!, delta[n - 3]!);
  }
  return (x: number) => {
    let i = 0;
    if (x <= xs[0]!) i = 0;
    else if (x >= xs[n - 1]!) i = n - 2;
    else while (x > xs[i + 1]!) i++;
    const t = (x - xs[i]!) / h[i]!;
    const t2 = t * t;
    const t3 = t2 * t;
    return (
      (2 * t3 - 3 * t2 + 1) * ys[i]! +
      (t3 - 2 * t2 + t) * h[i]! * d[i]! +
      (-2 * t3 + 3 * t2) * ys[i + 1]! +
      (t3 - t2) * h[i]! * d[i + 1]!
    );
  };
}
