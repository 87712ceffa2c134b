import { describe, expect, it } from 'vitest';
import { chiSquareForTrend, recentTrend, RECENT_TREND_THRESHOLD } from '../../src/stats/trend-test.js';
import { expectClose, expectStatsError, frozen } from './helpers.js';

const props = (xs: number[], n: number | number[]) =>
  frozen(xs.map((x, i) => ({ numerator: x, denominator: Array.isArray(n) ? n[i]! : n })));

describe('chiSquareForTrend', () => {
  it("matches R's prop.trend.test documentation example (X-squared = 8.2249)", () => {
    // ?prop.trend.test: smokers <- c(83, 90, 129, 70); patients <- c(86, 93, 136, 82)
    // prop.trend.test(smokers, patients) → X-squared = 8.2249, df = 1, p-value = 0.004132
    const r = chiSquareForTrend(props([83, 90, 129, 70], [86, 93, 136, 82]));
    expect(r.method).toBe('cochran-armitage');
    expectClose(r.chiSquare, 8.2249, 5e-5);
    // NumPy, same formula: 8.224922285197662; slope −0.033415626412601235 per group
    expectClose(r.chiSquare, 8.224922285197662, 1e-10);
    expectClose(r.slope, -0.033415626412601235, 1e-12);
  });

  it('weighted regression by hand: values 10, 12, 11, 14, 15 with standard errors 1, 1, 2, 2, 1', () => {
    // w = 1/se² = 1, 1, 0.25, 0.25, 1; Σw = 3.5; t̄ = (0 + 1 + 0.5 + 0.75 + 4)/3.5 = 25/14;
    // ȳ = (10 + 12 + 2.75 + 3.5 + 15)/3.5 = 173/14; Σw(t − t̄)² = 509/56; Σw(t − t̄)(y − ȳ) = 603/56;
    // b = 603/509 = 1.1846758349705302; χ² = b²·Σw(t − t̄)² = 603²/(509 × 56) = 12.756420151557672.
    // (NumPy weighted least squares: slope 1.18467583, Var(b) = 0.11001964636542237, b²/Var(b) = 12.7564.)
    const r = chiSquareForTrend(
      frozen([10, 12, 11, 14, 15].map((value, i) => ({ value, standardError: [1, 1, 2, 2, 1][i]! }))),
    );
    expect(r.method).toBe('weighted-regression');
    expectClose(r.slope, 603 / 509, 1e-12);
    expectClose(r.chiSquare, (603 * 603) / (509 * 56), 1e-10);
  });
});

describe('recentTrend (Fingertips)', () => {
  it('uses the 99.8% chi-square threshold with 1 df, 9.5495', () => {
    expectClose(RECENT_TREND_THRESHOLD, 9.549535706083237, 1e-9); // SciPy chi2.ppf(0.998, 1)
  });

  it('Cochran–Armitage by hand: 10, 15, 20, 25, 30 out of 100 each is increasing', () => {
    // N = 500, Σx = 100, p̄ = 0.2, t̄ = 2.
    // Σx(t − t̄) = 10(−2) + 15(−1) + 20(0) + 25(1) + 30(2) = −20 − 15 + 0 + 25 + 60 = 50.
    // Σn(t − t̄)² = 100(4 + 1 + 0 + 1 + 4) = 1000.
    // χ² = 50² / (0.2 × 0.8 × 1000) = 2500/160 = 15.625 > 9.5495; slope = 50/1000 = 0.05 per period.
    // Leaving out any one point keeps a positive slope (the proportions rise steadily).
    const r = recentTrend(props([10, 15, 20, 25, 30], 100));
    expect(r.direction).toBe('increasing');
    expectClose(r.chiSquare!, 15.625, 1e-12);
    expectClose(r.slope!, 0.05, 1e-15);
    expect(r.method).toBe('cochran-armitage');
    expect(r.reason).toBeUndefined();
  });

  it('not significant by hand: 20, 22, 19, 21, 23 out of 100', () => {
    // Σx(t − 2) = −40 − 22 + 0 + 21 + 46 = 5; p̄ = 105/500 = 0.21;
    // χ² = 25/(0.21 × 0.79 × 1000) = 25/165.9 = 0.150693…
    const r = recentTrend(props([20, 22, 19, 21, 23], 100));
    expect(r.direction).toBe('no-significant-change');
    expectClose(r.chiSquare!, 25 / 165.9, 1e-12);
    expect(r.reason).toBe('χ² for trend 0.1507 does not exceed 9.5495 (99.8% with 1 df)');
  });

  it('a significant χ² whose slope flips when one point is left out is not a trend', () => {
    // 30, 10, 10, 10, 60 per 1000. Σx(t − 2) = −60 − 10 + 0 + 10 + 120 = 60; p̄ = 120/5000 = 0.024;
    // Σn(t − t̄)² = 1000 × 10 = 10000; χ² = 3600/(0.024 × 0.976 × 10000) = 3600/234.24 = 15.3689 > 9.5495.
    // Leaving out the 5th point: 30, 10, 10, 10 at t = 0…3, t̄ = 1.5:
    // Σx(t − 1.5) = −45 − 5 + 5 + 15 = −30 < 0, so the slope changes sign. (Leaving out points 1–4 gives
    // 75/…, 42.5/…, 60/…, 77.5/… > 0.)
    const r = recentTrend(props([30, 10, 10, 10, 60], 1000));
    expect(r.direction).toBe('no-significant-change');
    expectClose(r.chiSquare!, 3600 / 234.24, 1e-10);
    expect(r.reason).toBe('χ² for trend 15.3689 exceeds 9.5495 but the slope changes sign when point 5 of 5 is left out');
  });

  it('weighted regression: 50, 45, 40, 35, 30 is decreasing with se 5 (χ² = 10) but not with se 5.2', () => {
    // Equal weights w = 1/se²: b = Σ(t − 2)(y − 40)/Σ(t − 2)² = (−20 − 5 + 0 − 5 − 20)/10 = −5;
    // χ² = b²·Σw(t − t̄)² = 25 × 10/se² = 10 for se = 5 (> 9.5495) and 250/27.04 = 9.2456 for se = 5.2.
    const series = (se: number) => frozen([50, 45, 40, 35, 30].map((value) => ({ value, standardError: se })));
    const a = recentTrend(series(5));
    expect(a.direction).toBe('decreasing');
    expectClose(a.chiSquare!, 10, 1e-10);
    expectClose(a.slope!, -5, 1e-12);
    const b = recentTrend(series(5.2));
    expect(b.direction).toBe('no-significant-change');
    expectClose(b.chiSquare!, 250 / 27.04, 1e-10);
  });

  it('uses only the 5 most recent points', () => {
    // Earlier points falling steeply do not matter: the last five are the increasing example above.
    const r = recentTrend(props([90, 70, 50, 10, 15, 20, 25, 30], 100));
    expect(r.direction).toBe('increasing');
    expectClose(r.chiSquare!, 15.625, 1e-12);
  });

  it('fewer than 5 unbroken points: insufficient data, with the reason', () => {
    const four = recentTrend(props([10, 15, 20, 25], 100));
    expect(four).toMatchObject({ direction: 'insufficient-data', chiSquare: null, slope: null });
    expect(four.reason).toBe('needs the 5 most recent points with no gap; 4 available');
    const p = { numerator: 10, denominator: 100 };
    const gap = recentTrend([p, p, p, p, p, null, p, p, p]);
    expect(gap.direction).toBe('insufficient-data');
    expect(gap.reason).toBe('needs the 5 most recent points with no gap; 3 available since the last gap');
  });

  it('no events at all gives χ² = 0, not NaN', () => {
    const r = recentTrend(props([0, 0, 0, 0, 0], 100));
    expect(r.direction).toBe('no-significant-change');
    expect(r.chiSquare).toBe(0);
  });

  it('refuses bad points', () => {
    expectStatsError(
      () => recentTrend([...props([1, 2, 3, 4], 10), { value: 1, standardError: 1 }]),
      'INVALID_OPTION',
      /every point of one kind/,
    );
    expectStatsError(() => recentTrend(props([1, 2, 3, 4, 11], 10)), 'OUT_OF_RANGE', 'recentTrend requires numerator ≤ denominator at index 4, got 11 > 10');
    expectStatsError(() => recentTrend(props([1, 2, 3, 4, 5], 0)), 'OUT_OF_RANGE');
    expectStatsError(() => recentTrend([1, 2, 3, 4, 5].map((value) => ({ value, standardError: 0 }))), 'OUT_OF_RANGE');
    expectStatsError(() => chiSquareForTrend(props([1], 10)), 'INSUFFICIENT_DATA');
  });
});
