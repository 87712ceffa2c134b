/**
 * Property-based tests of the statistics core (src/stats): invariants every method must keep
 * whatever its (valid) input, as opposed to the worked examples against R and published tables
 * in test/stats/.
 *
 * - intervals (Wilson, exact Poisson / Byar, t) contain their estimate and widen with the level;
 * - OLS on an exact line, and the log-linear fit on exact exponential data, give back that line
 *   or curve with an interval of (almost) zero width;
 * - XmR on a constant series signals nothing; XmR gives one point per value;
 * - quartile bands use all four bands for n ≥ 8 distinct values; ranks follow R's
 *   rank(ties.method = "min"), 1 the best;
 * - trajectories start exactly at the baseline and end exactly at the target.
 *
 * Every `fc.assert` has a fixed seed, so a run is deterministic.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  constantRateTrajectory,
  linearForecast,
  linearTrajectory,
  logLinearForecast,
  meanInterval,
  quartileBands,
  rankWithTies,
  rateInterval,
  wilsonInterval,
  xmr,
} from '../../src/stats/index.js';

const SEED = 1_959_964;
const opts = (numRuns = 300) => ({ seed: SEED, numRuns });
const LEVELS = [0.8, 0.9, 0.95, 0.99] as const;
/** Relative slack for floating-point comparisons of quantities of size `scale`. */
const eps = (scale: number) => 1e-12 * Math.max(1, Math.abs(scale));

describe('confidence intervals contain their estimate and widen with the level', () => {
  const proportion = fc.integer({ min: 1, max: 1_000_000 }).chain((n) => fc.tuple(fc.integer({ min: 0, max: n }), fc.constant(n)));

  it('wilsonInterval(x, n): 0 ≤ lower ≤ x/n ≤ upper ≤ 1, and 0.8 < 0.9 < 0.95 < 0.99 nest', () => {
    fc.assert(
      fc.property(proportion, ([x, n]) => {
        const p = x / n;
        const ivs = LEVELS.map((level) => wilsonInterval(x, n, level));
        for (const iv of ivs) {
          expect(iv.lower).toBeGreaterThanOrEqual(0);
          expect(iv.upper).toBeLessThanOrEqual(1);
          expect(iv.lower).toBeLessThanOrEqual(p + eps(p));
          expect(iv.upper).toBeGreaterThanOrEqual(p - eps(p));
        }
        for (let i = 1; i < ivs.length; i++) {
          // Strictly wider on each side not pinned at 0 or 1 (lower is exactly 0 when x = 0, upper exactly 1 when x = n).
          if (x > 0) expect(ivs[i]!.lower).toBeLessThan(ivs[i - 1]!.lower);
          else expect(ivs[i]!.lower).toBe(0);
          if (x < n) expect(ivs[i]!.upper).toBeGreaterThan(ivs[i - 1]!.upper);
          else expect(ivs[i]!.upper).toBe(1);
        }
      }),
      opts(),
    );
  });

  it('rateInterval(count, denominator): lower ≤ rate ≤ upper, exact below 10 events and Byar from 10, nested by level', () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.integer({ min: 0, max: 30 }), fc.integer({ min: 0, max: 1_000_000 })),
        fc.integer({ min: 1, max: 10_000_000 }),
        fc.constantFrom(1, 100, 1000, 10_000, 100_000),
        (count, denominator, multiplier) => {
          const ivs = LEVELS.map((level) => rateInterval(count, denominator, { multiplier, level }));
          for (const iv of ivs) {
            expect(iv.value).toBeCloseTo((count / denominator) * multiplier, 12);
            expect(iv.lower).toBeGreaterThanOrEqual(0);
            expect(iv.lower).toBeLessThanOrEqual(iv.value + eps(iv.value));
            expect(iv.upper).toBeGreaterThan(iv.value);
            expect(iv.method).toBe(count < 10 ? 'exact' : 'byar');
          }
          for (let i = 1; i < ivs.length; i++) {
            if (count > 0) expect(ivs[i]!.lower).toBeLessThan(ivs[i - 1]!.lower);
            else expect(ivs[i]!.lower).toBe(0);
            expect(ivs[i]!.upper).toBeGreaterThan(ivs[i - 1]!.upper);
          }
        },
      ),
      opts(),
    );
  });

  it('meanInterval(values): lower ≤ mean ≤ upper, mean is the arithmetic mean, nested by level', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: -1e6, max: 1e6, noNaN: true, noDefaultInfinity: true }), { minLength: 2, maxLength: 40 }), (values) => {
        const ivs = LEVELS.map((level) => meanInterval(values, level));
        const mean = values.reduce((s, v) => s + v, 0) / values.length;
        const scale = Math.max(...values.map(Math.abs));
        for (const iv of ivs) {
          expect(Math.abs(iv.mean - mean)).toBeLessThanOrEqual(1e-9 * Math.max(1, scale));
          expect(iv.lower).toBeLessThanOrEqual(iv.mean);
          expect(iv.upper).toBeGreaterThanOrEqual(iv.mean);
          expect(iv.n).toBe(values.length);
        }
        for (let i = 1; i < ivs.length; i++) {
          expect(ivs[i]!.lower).toBeLessThanOrEqual(ivs[i - 1]!.lower);
          expect(ivs[i]!.upper).toBeGreaterThanOrEqual(ivs[i - 1]!.upper);
          if (ivs[0]!.standardError > 0) expect(ivs[i]!.upper - ivs[i]!.lower).toBeGreaterThan(ivs[i - 1]!.upper - ivs[i - 1]!.lower);
        }
      }),
      opts(),
    );
  });
});

describe('forecasts reproduce exact data', () => {
  it('linearForecast of points on a line y = a + b·t gives that line, with an interval of ~0 width', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -10_000, max: 10_000 }),
        fc.integer({ min: -500, max: 500 }),
        fc.integer({ min: 1990, max: 2050 }),
        fc.integer({ min: 3, max: 20 }),
        fc.array(fc.integer({ min: 0, max: 15 }), { minLength: 1, maxLength: 4 }),
        fc.constantFrom(...LEVELS),
        (a, b, t0, n, ahead, level) => {
          const line = (t: number) => a + b * (t - 2000);
          const points = Array.from({ length: n }, (_, i) => ({ t: t0 + i, y: line(t0 + i) }));
          const at = ahead.map((h) => t0 + n - 1 + h);
          const forecast = linearForecast(points, at, level);
          expect(forecast.map((f) => f.t)).toEqual(at);
          for (const f of forecast) {
            const scale = Math.abs(a) + Math.abs(b) * 60 + 1;
            expect(Math.abs(f.value - line(f.t))).toBeLessThanOrEqual(1e-9 * scale);
            expect(f.lower).toBeLessThanOrEqual(f.value);
            expect(f.upper).toBeGreaterThanOrEqual(f.value);
            expect(f.upper - f.lower).toBeLessThanOrEqual(1e-6 * scale);
          }
        },
      ),
      opts(),
    );
  });

  it('logLinearForecast of y = A·g^t gives A·g^t back, with an interval of ~0 width', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 1, max: 1e5, noNaN: true }),
        fc.double({ min: 0.5, max: 2, noNaN: true }),
        fc.integer({ min: 3, max: 15 }),
        fc.array(fc.integer({ min: 0, max: 10 }), { minLength: 1, maxLength: 3 }),
        (A, g, n, ahead) => {
          const curve = (t: number) => A * g ** t;
          const points = Array.from({ length: n }, (_, t) => ({ t, y: curve(t) }));
          const at = ahead.map((h) => n - 1 + h);
          for (const f of logLinearForecast(points, at)) {
            const expected = curve(f.t);
            expect(Math.abs(f.value - expected) / expected).toBeLessThanOrEqual(1e-9);
            expect(f.lower).toBeLessThanOrEqual(f.value);
            expect(f.upper).toBeGreaterThanOrEqual(f.value);
            expect((f.upper - f.lower) / expected).toBeLessThanOrEqual(1e-6);
            expect(f.lower).toBeGreaterThan(0);
          }
        },
      ),
      opts(),
    );
  });
});

describe('XmR', () => {
  const series = fc.array(fc.double({ min: -1e6, max: 1e6, noNaN: true, noDefaultInfinity: true }), { minLength: 2, maxLength: 60 });

  it('a constant series signals nothing and has lower = mean = upper = the constant', () => {
    fc.assert(
      fc.property(
        fc.double({ min: -1e9, max: 1e9, noNaN: true, noDefaultInfinity: true }),
        fc.integer({ min: 2, max: 60 }),
        fc.constantFrom(undefined, 'increase' as const, 'decrease' as const),
        fc.boolean(),
        (c, n, improvement, screenOutliers) => {
          const chart = xmr(Array.from({ length: n }, () => c), { ...(improvement ? { improvement } : {}), screenOutliers });
          // `+ 0` makes -0 and 0 the same number (exactly equal, as === has it).
          expect(chart.mean + 0).toBe(c + 0);
          expect(chart.lower + 0).toBe(c + 0);
          expect(chart.upper + 0).toBe(c + 0);
          expect(chart.movingRangeMean + 0).toBe(0);
          expect(chart.points).toHaveLength(n);
          for (const p of chart.points) {
            expect(p.special).toBeNull();
            expect(p.rule).toBeNull();
          }
          expect(chart.variation).toBe('common-cause');
        },
      ),
      opts(),
    );
  });

  it('one point per value, in order, each in a group; limits ordered lower ≤ near ≤ mean ≤ near ≤ upper', () => {
    fc.assert(
      fc.property(series, fc.constantFrom(undefined, 'increase' as const, 'decrease' as const), (values, improvement) => {
        const chart = xmr(values, improvement ? { improvement } : {});
        expect(chart.points).toHaveLength(values.length);
        chart.points.forEach((p, i) => {
          expect(p.value).toBe(values[i]);
          expect(p.group).toBe(0);
          expect(p.rule === null).toBe(p.special === null);
          if (improvement === undefined && p.special !== null) expect(p.special).toBe('neutral');
        });
        expect(chart.lower).toBeLessThanOrEqual(chart.nearLower);
        expect(chart.nearLower).toBeLessThanOrEqual(chart.mean);
        expect(chart.mean).toBeLessThanOrEqual(chart.nearUpper);
        expect(chart.nearUpper).toBeLessThanOrEqual(chart.upper);
        expect(chart.trial).toBe(values.length < 12);
        // A point outside the limits is always flagged, and as outside-limits (the highest precedence).
        chart.points.forEach((p) => {
          if (p.value > chart.upper || p.value < chart.lower) expect(p.rule).toBe('outside-limits');
        });
      }),
      opts(),
    );
  });
});

describe('quartile bands and ranks', () => {
  const distinct = fc.uniqueArray(fc.integer({ min: -1_000_000, max: 1_000_000 }), { minLength: 8, maxLength: 80 });

  it('n ≥ 8 distinct values use all four bands A–D, and A holds the best values by polarity', () => {
    fc.assert(
      fc.property(distinct, fc.constantFrom('higher' as const, 'lower' as const), (values, polarity) => {
        const { bands, q1, median, q3 } = quartileBands(values, polarity);
        expect(new Set(bands)).toEqual(new Set(['A', 'B', 'C', 'D']));
        expect(q1).toBeLessThanOrEqual(median);
        expect(median).toBeLessThanOrEqual(q3);
        const best = polarity === 'higher' ? Math.max(...values) : Math.min(...values);
        const worst = polarity === 'higher' ? Math.min(...values) : Math.max(...values);
        expect(bands[values.indexOf(best)]).toBe('A');
        expect(bands[values.indexOf(worst)]).toBe('D');
        // Bands never get better as values get worse.
        const order = 'ABCD';
        const better = (a: number, b: number) => (polarity === 'higher' ? a > b : a < b);
        for (let i = 0; i < values.length; i++) {
          for (let j = 0; j < values.length; j++) {
            if (better(values[i]!, values[j]!)) expect(order.indexOf(bands[i]!)).toBeLessThanOrEqual(order.indexOf(bands[j]!));
          }
        }
      }),
      opts(200),
    );
  });

  it('rankWithTies: ranks in 1..n, 1 the best, ties share the smallest rank (R rank(ties.method = "min"))', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: -20, max: 20 }), { minLength: 1, maxLength: 50 }),
        fc.constantFrom('higher' as const, 'lower' as const),
        (values, polarity) => {
          const ranks = rankWithTies(values, polarity);
          const n = values.length;
          expect(ranks).toHaveLength(n);
          // Independent: sort best first; a value's rank is 1 + the first index of its value.
          const sorted = [...values].sort((a, b) => (polarity === 'higher' ? b - a : a - b));
          ranks.forEach((r, i) => {
            expect(Number.isInteger(r) && r >= 1 && r <= n).toBe(true);
            expect(r).toBe(sorted.indexOf(values[i]!) + 1);
          });
          expect(Math.min(...ranks)).toBe(1);
          values.forEach((v, i) => values.forEach((w, j) => v === w && expect(ranks[i]).toBe(ranks[j])));
        },
      ),
      opts(),
    );
  });
});

describe('trajectories', () => {
  const finite = fc.double({ min: -1e6, max: 1e6, noNaN: true, noDefaultInfinity: true });
  const positive = fc.double({ min: 1e-3, max: 1e6, noNaN: true });
  const steps = fc.integer({ min: 1, max: 40 });

  it('linear: k + 1 values, exactly the baseline first and the target last, equal steps between', () => {
    fc.assert(
      fc.property(finite, finite, steps, (B, T, k) => {
        const path = linearTrajectory(B, T, k);
        expect(path).toHaveLength(k + 1);
        expect(path[0]! + 0).toBe(B + 0); // `+ 0`: -0 and 0 are the same number here
        expect(path[k]! + 0).toBe(T + 0);
        const step = (T - B) / k;
        const scale = Math.abs(B) + Math.abs(T) + 1;
        for (let i = 1; i <= k; i++) expect(Math.abs(path[i]! - path[i - 1]! - step)).toBeLessThanOrEqual(1e-9 * scale);
      }),
      opts(),
    );
  });

  it('constant rate: k + 1 values, exactly the baseline first and the target last, equal ratios between, monotone', () => {
    fc.assert(
      fc.property(positive, positive, steps, (B, T, k) => {
        const path = constantRateTrajectory(B, T, k);
        expect(path).toHaveLength(k + 1);
        expect(path[0]).toBe(B);
        expect(path[k]).toBe(T);
        const ratio = (T / B) ** (1 / k);
        for (let i = 1; i <= k; i++) {
          expect(Math.abs(path[i]! / path[i - 1]! - ratio)).toBeLessThanOrEqual(1e-9 * ratio);
          if (T >= B) expect(path[i]!).toBeGreaterThanOrEqual(path[i - 1]! * (1 - 1e-12));
          else expect(path[i]!).toBeLessThanOrEqual(path[i - 1]! * (1 + 1e-12));
        }
      }),
      opts(),
    );
  });
});
