import { describe, expect, it } from 'vitest';
import { holtForecast, holtVariance } from '../../src/stats/holt.js';
import { expectClose, expectStatsError, frozen } from './helpers.js';

const Z95 = 1.959963984540054; // SciPy norm.ppf(0.975)

describe('holtForecast recursion (hand calculation, α = 0.5, β* = 0.4, φ = 1)', () => {
  // Start-up as R HoltWinters: ℓ₂ = y₂ = 12, b₂ = y₂ − y₁ = 2.
  //  t  y   ŷ = ℓ + b     e        ℓ = 0.5y + 0.5ŷ   b = 0.4(ℓ − ℓprev) + 0.6·bprev
  //  3  13  14          −1         13.5             0.4(1.5) + 0.6(2) = 1.8
  //  4  15  15.3        −0.3       15.15            0.4(1.65) + 0.6(1.8) = 1.74
  //  5  14  16.89       −2.89      15.445           0.4(0.295) + 0.6(1.74) = 1.162
  //  6  16  16.607      −0.607     16.3035          0.4(0.8585) + 0.6(1.162) = 1.0406
  //  7  18  17.3441      0.6559    17.67205         0.4(1.36855) + 0.6(1.0406) = 1.17178
  //  8  17  18.84383    −1.84383   17.921915        0.4(0.249865) + 0.6(1.17178) = 0.803014
  //  9  19  18.724929    0.275071  18.8624645       0.4(0.9405495) + 0.6(0.803014) = 0.8580282
  // 10  21  19.7204927   1.2795073 20.36024635      0.4(1.49778185) + 0.6(0.8580282) = 1.11392966
  // SSE = 1 + 0.09 + 8.3521 + 0.368449 + 0.43020481 + 3.3997090689 + 0.075664055041 + 1.63713893... = 15.35326586469429
  // σ² = SSE/(m − k) = 15.35326586469429/(8 − 0) = 1.9191582330867862 (no parameter estimated).
  // Forecasts ℓ₁₀ + h·b₁₀: 21.47417601, 22.58810567, 23.70203533.
  // Variances with β = αβ* = 0.2: h = 1: σ²; h = 2: σ²(1 + 0.7²) = 1.49σ²;
  // h = 3: σ²(1 + 2(0.25 + 0.5·0.2·3 + 0.04·3·5/6)) = σ²(1 + 2 × 0.65) = 2.3σ².
  const y = frozen([10, 12, 13, 15, 14, 16, 18, 17, 19, 21]);
  const fit = holtForecast(y, 3, { alpha: 0.5, betaStar: 0.4 });

  it('reproduces the one-step forecasts, final level and trend', () => {
    const expected = [14, 15.3, 16.89, 16.607, 17.3441, 18.84383, 18.724929, 19.7204927];
    expect(fit.fitted.slice(0, 2)).toEqual([null, null]);
    fit.fitted.slice(2).forEach((f, i) => expectClose(f!, expected[i]!, 1e-9));
    expectClose(fit.lastLevel, 20.36024635, 1e-9);
    expectClose(fit.lastTrend, 1.11392966, 1e-9);
    expectClose(fit.sse, 15.35326586469429, 1e-9);
    expectClose(fit.sigma2, 1.9191582330867862, 1e-12);
    expect(fit.estimated).toEqual({ alpha: false, betaStar: false, phi: false });
    expect(fit.beta).toBeCloseTo(0.2, 15);
    expect(fit.phi).toBe(1);
    expect(fit.damped).toBe(false);
  });

  it('forecasts h = 1…3 with the ETS(A,A,N) variance and a normal interval', () => {
    const s2 = 1.9191582330867862;
    const values = [21.47417601, 22.58810567, 23.70203533];
    const variances = [s2, 1.49 * s2, 2.3 * s2];
    fit.forecasts.forEach((f, i) => {
      expect(f.h).toBe(i + 1);
      expectClose(f.value, values[i]!, 1e-9);
      expectClose(f.variance, variances[i]!, 1e-12);
      expectClose(f.lower, values[i]! - Z95 * Math.sqrt(variances[i]!), 1e-9);
      expectClose(f.upper, values[i]! + Z95 * Math.sqrt(variances[i]!), 1e-9);
    });
    // SciPy check of the h = 3 interval: 19.584214930512225 to 27.819855729487777
    expectClose(fit.forecasts[2]!.lower, 19.584214930512225, 1e-9);
    expectClose(fit.forecasts[2]!.upper, 27.819855729487777, 1e-9);
  });
});

describe('holtVariance', () => {
  it('equals FPP3 §8.7: σ²[1 + (h − 1){α² + αβh + β²h(2h − 1)/6}] for φ = 1', () => {
    for (const [alpha, beta] of [
      [0.5, 0.2],
      [0.8, 0.1],
      [0.3, 0.3],
    ] as const) {
      for (let h = 1; h <= 8; h++) {
        const fpp3 = 2.5 * (1 + (h - 1) * (alpha ** 2 + alpha * beta * h + (beta ** 2 * h * (2 * h - 1)) / 6));
        expectClose(holtVariance(h, 2.5, alpha, beta), fpp3, 1e-12);
      }
    }
    expectClose(holtVariance(2, 1, 0.5, 0.2), 1.49, 1e-15);
  });

  it('equals FPP3 Table 8.8 ETS(A,Ad,N) for damped trends', () => {
    // σ²_h = σ²[1 + α²(h − 1) + βφh/(1 − φ)² {2α(1 − φ) + βφ}
    //        − βφ(1 − φ^h)/((1 − φ)²(1 − φ²)) {2α(1 − φ²) + βφ(1 + 2φ − φ^h)}]
    // (e.g. α = 0.5, β = 0.2, φ = 0.9: h = 2 → 1.4624, h = 3 → 2.171364, h = 10 → 14.700004519893453, Python).
    const table88 = (h: number, a: number, b: number, p: number): number =>
      1 +
      a * a * (h - 1) +
      ((b * p * h) / (1 - p) ** 2) * (2 * a * (1 - p) + b * p) -
      ((b * p * (1 - p ** h)) / ((1 - p) ** 2 * (1 - p * p))) * (2 * a * (1 - p * p) + b * p * (1 + 2 * p - p ** h));
    for (const [alpha, beta, phi] of [
      [0.5, 0.2, 0.9],
      [0.8, 0.1, 0.8],
      [0.3, 0.05, 0.98],
    ] as const) {
      for (let h = 1; h <= 10; h++) {
        expectClose(holtVariance(h, 1, alpha, beta, phi), table88(h, alpha, beta, phi), 1e-9);
      }
    }
    expectClose(holtVariance(2, 1, 0.5, 0.2, 0.9), 1.4624, 1e-12);
    expectClose(holtVariance(10, 1, 0.5, 0.2, 0.9), 14.700004519893453, 1e-9);
  });

  it('refuses bad input', () => {
    expectStatsError(() => holtVariance(0, 1, 0.5, 0.2), 'OUT_OF_RANGE', 'holtVariance requires h to be an integer ≥ 1, got 0');
    expectStatsError(() => holtVariance(1, -1, 0.5, 0.2), 'OUT_OF_RANGE');
    expectStatsError(() => holtVariance(1, 1, 0.5, 0.2, 1.5), 'OUT_OF_RANGE');
  });
});

describe('holtForecast with damping given', () => {
  it('forecasts ℓ + (φ + … + φ^h)·b and runs the damped recursion', () => {
    // Hand calculation, α = 0.5, β* = 0.4, φ = 0.5 on 10, 12, 13, 15, 14, 16, 18, 17, 19, 21:
    // ℓ₂ = 12, b₂ = 2; t = 3: ŷ = 12 + 0.5·2 = 13, e = 0, ℓ = 13, b = 0.4(1) + 0.6(0.5·2) = 1.0;
    // t = 4: ŷ = 13.5, e = 1.5, ℓ = 14.25, b = 0.4(1.25) + 0.6(0.5) = 0.8.
    const fit = holtForecast([10, 12, 13, 15, 14, 16, 18, 17, 19, 21], 2, { alpha: 0.5, betaStar: 0.4, phi: 0.5 });
    expectClose(fit.fitted[2]!, 13, 1e-12);
    expectClose(fit.fitted[3]!, 13.5, 1e-12);
    expectClose(fit.fitted[4]!, 14.25 + 0.5 * 0.8, 1e-12);
    expect(fit.damped).toBe(true);
    expectClose(fit.forecasts[0]!.value, fit.lastLevel + 0.5 * fit.lastTrend, 1e-12);
    expectClose(fit.forecasts[1]!.value, fit.lastLevel + 0.75 * fit.lastTrend, 1e-12);
  });
});

describe('holtForecast parameter estimation', () => {
  // A plain reimplementation of the SSE (same start-up), for an independent brute-force check.
  const sseOf = (y: readonly number[], a: number, b: number): number => {
    let l = y[1]!;
    let tr = y[1]! - y[0]!;
    let s = 0;
    for (let t = 2; t < y.length; t++) {
      const f = l + tr;
      s += (y[t]! - f) ** 2;
      const nl = a * y[t]! + (1 - a) * f;
      tr = b * (nl - l) + (1 - b) * tr;
      l = nl;
    }
    return s;
  };
  const y = frozen([42, 45, 44, 48, 51, 50, 55, 54, 58, 62, 61, 66, 65, 70, 73, 72]);

  it('finds an SSE no larger than a brute-force 0.01 grid, deterministically', () => {
    const fit = holtForecast(y, 4);
    let best = Infinity;
    for (let i = 1; i <= 99; i++) for (let j = 1; j <= 99; j++) best = Math.min(best, sseOf(y, i / 100, j / 100));
    expect(fit.sse).toBeLessThanOrEqual(best + 1e-9);
    expectClose(fit.sse, sseOf(y, fit.alpha, fit.betaStar), 1e-9);
    expect(fit.estimated).toEqual({ alpha: true, betaStar: true, phi: false });
    // σ² = SSE/(m − k) with m = 14 one-step errors and k = 2 estimated parameters
    expectClose(fit.sigma2, fit.sse / 12, 1e-12);
    expect(holtForecast(y, 4)).toEqual(fit);
    expect(fit.alpha).toBeGreaterThan(0);
    expect(fit.alpha).toBeLessThanOrEqual(1);
  });

  it('estimates φ within [0.8, 0.98] when damped', () => {
    const fit = holtForecast(y, 6, { damped: true });
    expect(fit.phi).toBeGreaterThanOrEqual(0.8);
    expect(fit.phi).toBeLessThanOrEqual(0.98);
    expect(fit.estimated.phi).toBe(true);
    expect(fit.forecasts).toHaveLength(6);
    for (const f of fit.forecasts) expect(Number.isFinite(f.lower) && Number.isFinite(f.upper)).toBe(true);
  });

  it('estimates only φ when α and β* are given', () => {
    const fit = holtForecast(y, 2, { alpha: 0.5, betaStar: 0.3, damped: true });
    expect(fit.estimated).toEqual({ alpha: false, betaStar: false, phi: true });
    expect(fit.alpha).toBe(0.5);
    expect(fit.betaStar).toBe(0.3);
    // no φ on a 0.001 grid over [0.8, 0.98] does better (independent brute force of the damped recursion)
    const dampedSse = (phi: number): number => {
      let l = y[1]!;
      let tr = y[1]! - y[0]!;
      let s = 0;
      for (let t = 2; t < y.length; t++) {
        const f = l + phi * tr;
        s += (y[t]! - f) ** 2;
        const nl = 0.5 * y[t]! + 0.5 * f;
        tr = 0.3 * (nl - l) + 0.7 * phi * tr;
        l = nl;
      }
      return s;
    };
    let best = Infinity;
    for (let k = 800; k <= 980; k++) best = Math.min(best, dampedSse(k / 1000));
    expect(fit.sse).toBeLessThanOrEqual(best + 1e-9);
    expectClose(fit.sigma2, fit.sse / (14 - 1), 1e-12);
  });

  it('handles a constant series: zero variance, no NaN', () => {
    const fit = holtForecast(new Array(12).fill(5), 3);
    expect(fit.sse).toBe(0);
    expect(fit.sigma2).toBe(0);
    for (const f of fit.forecasts) expect([f.value, f.lower, f.upper]).toEqual([5, 5, 5]);
  });

  it('refuses fewer than 10 values and bad options', () => {
    expectStatsError(() => holtForecast([1, 2, 3, 4, 5, 6, 7, 8, 9], 1), 'INSUFFICIENT_DATA', 'holtForecast requires at least 10 values, got 9');
    expectStatsError(() => holtForecast(y, 0), 'OUT_OF_RANGE');
    expectStatsError(() => holtForecast(y, 1, { alpha: 0 }), 'OUT_OF_RANGE', 'holtForecast requires alpha in (0, 1], got 0');
    expectStatsError(() => holtForecast(y, 1, { betaStar: 1.2 }), 'OUT_OF_RANGE');
    expectStatsError(() => holtForecast(y, 1, { phi: 0 }), 'OUT_OF_RANGE');
    expectStatsError(() => holtForecast(y, 1, { level: 0 }), 'OUT_OF_RANGE');
  });
});
