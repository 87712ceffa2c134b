import { describe, expect, it } from 'vitest';
import { fitCorrelatedRegression, predictCorrelatedRegression } from '../../src/stats/correlated-regression.js';
import { expectClose, expectStatsError, frozen } from './helpers.js';
import { Rng } from '../../src/tools/data-gen/random.js';

// R's `cars` (Ezekiel 1930), as in ols.test.ts.
const speed = [4, 4, 7, 7, 8, 9, 10, 10, 10, 11, 11, 12, 12, 12, 12, 13, 13, 13, 13, 14, 14, 14, 14, 15, 15, 15, 16, 16, 17, 17, 17, 18, 18, 18, 18, 19, 19, 19, 20, 20, 20, 20, 20, 22, 23, 24, 24, 24, 24, 25];
const dist = [2, 10, 4, 22, 16, 10, 18, 26, 34, 17, 28, 14, 20, 24, 28, 26, 34, 34, 46, 26, 36, 60, 80, 20, 26, 54, 32, 40, 32, 40, 50, 42, 56, 76, 84, 36, 46, 68, 32, 48, 52, 56, 64, 66, 54, 70, 92, 93, 120, 85];

describe('independent errors: ordinary and weighted least squares', () => {
  const rows = frozen(speed.map((s) => [1, s]));
  const times = speed.map((_, i) => i);

  it('matches lm(dist ~ speed, cars) and predict.lm(..., interval = "prediction", level = 0.99)', () => {
    const fit = fitCorrelatedRegression(rows, dist, times);
    // R: coef −17.579095, 3.932409; residual standard error 15.38 on 48 df.
    expectClose(fit.coefficients[0]!, -17.579095, 1e-6);
    expectClose(fit.coefficients[1]!, 3.932409, 1e-6);
    expect(fit.df).toBe(48);
    expectClose(Math.sqrt(fit.sigma2), 15.379587, 1e-6);
    // Standard errors 6.7584402 and 0.4155128 (summary.lm).
    expectClose(Math.sqrt(fit.sigma2 * fit.unscaledCovariance[0]![0]!), 6.7584402, 1e-6);
    expectClose(Math.sqrt(fit.sigma2 * fit.unscaledCovariance[1]![1]!), 0.4155128, 1e-7);
    // predict(lm, data.frame(speed = 21), interval = "prediction", level = 0.99): fit 65.001489,
    // lwr 22.87494, upr 107.12803, so se.pred = (107.12803 − 65.001489) / qt(0.995, 48) = 15.68622.
    const p = predictCorrelatedRegression(fit, [[1, 21]], [50]);
    expectClose(p.values[0]!, 65.001489, 1e-6);
    expectClose(Math.sqrt(fit.sigma2 * p.unscaledCovariance[0]![0]!), (107.12803 - 65.001489) / 2.682204, 1e-4);
  });

  it('weights rows by their inverse variance (hand calculation)', () => {
    // y = 1, 3, 2, 5 at x = 0..3, weights 1, 2, 1, 2:
    // XᵀWX = [[6, 10], [10, 24]], XᵀWy = [19, 40], det 44 → β = [(24·19 − 10·40)/44, (−10·19 + 6·40)/44]
    //      = [56/44, 50/44] = [1.272727…, 1.136364…].
    const fit = fitCorrelatedRegression([[1, 0], [1, 1], [1, 2], [1, 3]], [1, 3, 2, 5], [0, 1, 2, 3], { weights: [1, 2, 1, 2] });
    expectClose(fit.coefficients[0]!, 56 / 44, 1e-12);
    expectClose(fit.coefficients[1]!, 50 / 44, 1e-12);
  });

  it('refuses too few values, times out of order and bad weights', () => {
    expectStatsError(() => fitCorrelatedRegression([[1, 0], [1, 1]], [1, 2], [0, 1]), 'INSUFFICIENT_DATA');
    expectStatsError(() => fitCorrelatedRegression([[1, 0], [1, 1], [1, 2]], [1, 2, 3], [0, 2, 1]), 'OUT_OF_RANGE');
    expectStatsError(() => fitCorrelatedRegression([[1, 0], [1, 1], [1, 2]], [1, 2, 3], [0, 1, 2], { weights: [1, 0, 1] }), 'OUT_OF_RANGE');
  });
});

// --- An independent check by dense matrices: Ω built entry by entry, inverted by Gauss–Jordan,
// --- GLS and the Gaussian conditional distribution written out directly.
function invert(a: number[][]): number[][] {
  const n = a.length;
  const m = a.map((row, i) => [...row, ...Array.from({ length: n }, (_, j) => (i === j ? 1 : 0))]);
  for (let c = 0; c < n; c++) {
    let pivot = c;
    for (let r = c + 1; r < n; r++) if (Math.abs(m[r]![c]!) > Math.abs(m[pivot]![c]!)) pivot = r;
    [m[c], m[pivot]] = [m[pivot]!, m[c]!];
    const d = m[c]![c]!;
    for (let j = 0; j < 2 * n; j++) m[c]![j]! /= d;
    for (let r = 0; r < n; r++) {
      if (r === c) continue;
      const f = m[r]![c]!;
      for (let j = 0; j < 2 * n; j++) m[r]![j]! -= f * m[c]![j]!;
    }
  }
  return m.map((row) => row.slice(n));
}
const mul = (a: number[][], b: number[][]) => a.map((row) => b[0]!.map((_, j) => row.reduce((s, v, k) => s + v * b[k]![j]!, 0)));
const transpose = (a: number[][]) => a[0]!.map((_, j) => a.map((row) => row[j]!));

describe('AR(1) plus noise errors, with a given structure', () => {
  const times = [0, 1, 2, 4, 5, 6, 7, 9, 10, 11]; // two periods missing
  const x = times.map((t) => [1, t, Math.cos(t)]);
  const y = [3.1, 3.4, 3.2, 4.1, 4.0, 4.6, 4.4, 5.3, 5.1, 5.6];
  const w = [1, 2, 1, 1, 0.5, 1, 2, 1, 1, 1];
  const errors = { rho: 0.6, share: 0.7 };
  const cov = (ta: number, tb: number, wa: number, same: boolean) => errors.share * errors.rho ** Math.abs(ta - tb) + (same ? (1 - errors.share) / wa : 0);
  const omega = times.map((ti, i) => times.map((tj, j) => cov(ti, tj, w[i]!, i === j)));

  const fit = fitCorrelatedRegression(x, y, times, { errors, weights: w });
  const omegaInv = invert(omega);
  const xt = transpose(x);
  const information = mul(mul(xt, omegaInv), x);
  const v = invert(information);
  const beta = mul(v, mul(mul(xt, omegaInv), y.map((yi) => [yi]))).map((r) => r[0]!);

  it('gives the GLS coefficients (XᵀΩ⁻¹X)⁻¹XᵀΩ⁻¹y and their covariance', () => {
    beta.forEach((b, i) => expectClose(fit.coefficients[i]!, b, 1e-9));
    v.forEach((row, i) => row.forEach((c, j) => expectClose(fit.unscaledCovariance[i]![j]!, c, 1e-9)));
  });

  it('predicts later values by the Gaussian conditional mean, with the error covariance of BLUP', () => {
    const later = [12, 14];
    const wLater = [1, 2];
    const xLater = later.map((t) => [1, t, Math.cos(t)]);
    const p = predictCorrelatedRegression(fit, xLater, later, wLater);
    // ŷ = X₁β̂ + Ω₁₀Ω₀₀⁻¹(y − X₀β̂); error covariance
    // Ω₁₁ − Ω₁₀Ω₀₀⁻¹Ω₀₁ + (X₁ − Ω₁₀Ω₀₀⁻¹X₀)(XᵀΩ⁻¹X)⁻¹(X₁ − Ω₁₀Ω₀₀⁻¹X₀)ᵀ.
    const o10 = later.map((ta) => times.map((tb) => cov(ta, tb, 1, false)));
    const o11 = later.map((ta, i) => later.map((tb, j) => cov(ta, tb, wLater[i]!, i === j)));
    const k = mul(o10, omegaInv);
    const resid = y.map((yi, i) => [yi - x[i]!.reduce((s, xv, j) => s + xv * beta[j]!, 0)]);
    const mean = mul(k, resid).map((r, i) => r[0]! + xLater[i]!.reduce((s, xv, j) => s + xv * beta[j]!, 0));
    const xTilde = xLater.map((row, i) => row.map((xv, j) => xv - mul(k, x)[i]![j]!));
    const conditional = o11.map((row, i) => row.map((c, j) => c - mul(k, transpose(o10))[i]![j]!));
    const errorCov = conditional.map((row, i) => row.map((c, j) => c + mul(mul([xTilde[i]!], v), transpose([xTilde[j]!]))[0]![0]!));
    mean.forEach((m, i) => expectClose(p.values[i]!, m, 1e-9));
    errorCov.forEach((row, i) => row.forEach((c, j) => expectClose(p.unscaledCovariance[i]![j]!, c, 1e-9)));
  });
});

describe('estimating the error structure by REML', () => {
  it('recovers the autocorrelation of a long AR(1) series', () => {
    const rng = new Rng(7, 'ar1');
    const n = 1500;
    let u = 0;
    const y: number[] = [];
    for (let i = 0; i < n; i++) {
      u = 0.7 * u + rng.normal();
      y.push(2 + 0.01 * i + u);
    }
    const fit = fitCorrelatedRegression(y.map((_, i) => [1, i]), y, y.map((_, i) => i), { errors: 'estimated' });
    expect(Math.abs(fit.errors.rho - 0.7)).toBeLessThan(0.05);
    expect(fit.errors.share).toBeGreaterThan(0.9);
    expect(fit.df).toBe(n - 4);
  });

  it('finds no correlation in independent noise', () => {
    const rng = new Rng(8, 'iid');
    const y = Array.from({ length: 600 }, () => rng.normal());
    const fit = fitCorrelatedRegression(y.map(() => [1]), y, y.map((_, i) => i), { errors: 'estimated' });
    expect(fit.errors.rho * fit.errors.share).toBeLessThan(0.1);
  });
});
