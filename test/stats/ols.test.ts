import { describe, expect, it } from 'vitest';
import { fitLinear, linearForecast, predictLinear } from '../../src/stats/ols.js';
import { expectClose, expectStatsError, frozen } from './helpers.js';

// R's built-in `cars` data set (Ezekiel 1930): speed (mph) and stopping distance (ft), 50 rows.
const speed = [
  4, 4, 7, 7, 8, 9, 10, 10, 10, 11, 11, 12, 12, 12, 12, 13, 13, 13, 13, 14, 14, 14, 14, 15, 15, 15, 16, 16, 17, 17, 17, 18,
  18, 18, 18, 19, 19, 19, 20, 20, 20, 20, 20, 22, 23, 24, 24, 24, 24, 25,
];
const dist = [
  2, 10, 4, 22, 16, 10, 18, 26, 34, 17, 28, 14, 20, 24, 28, 26, 34, 34, 46, 26, 36, 60, 80, 20, 26, 54, 32, 40, 32, 40, 50,
  42, 56, 76, 84, 36, 46, 68, 32, 48, 52, 56, 64, 66, 54, 70, 92, 93, 120, 85,
];
const cars = frozen(speed.map((t, i) => ({ t, y: dist[i]! })));

describe('fitLinear on R cars', () => {
  it('has 50 rows summing to the published totals', () => {
    // summary(cars): mean speed 15.4, mean dist 42.98
    expect(cars).toHaveLength(50);
    expectClose(speed.reduce((s, x) => s + x, 0) / 50, 15.4, 1e-12);
    expectClose(dist.reduce((s, x) => s + x, 0) / 50, 42.98, 1e-12);
  });

  it('matches summary(lm(dist ~ speed, cars))', () => {
    // R: summary(lm(dist ~ speed, data = cars))$coef
    //              Estimate Std. Error
    // (Intercept) -17.579095  6.7584402
    // speed         3.932409  0.4155128
    // Residual standard error: 15.38 on 48 degrees of freedom.
    const fit = fitLinear(cars);
    expectClose(fit.intercept, -17.579095, 1e-6);
    expectClose(fit.slope, 3.932409, 1e-6);
    expectClose(fit.interceptSE, 6.7584402, 1e-7);
    expectClose(fit.slopeSE, 0.4155128, 1e-7);
    expectClose(fit.sigma, 15.38, 5e-3);
    expect(fit.df).toBe(48);
    expect(fit.n).toBe(50);
    // NumPy least squares on the same data (independent): a = −17.57909489051096, b = 3.932408759124088,
    // s = 15.379586748819909
    expectClose(fit.intercept, -17.57909489051096, 1e-9);
    expectClose(fit.slope, 3.932408759124088, 1e-10);
    expectClose(fit.sigma, 15.379586748819909, 1e-9);
  });
});

describe('predictLinear on R cars', () => {
  const fit = fitLinear(cars);

  it('matches predict.lm at 99% (Dalpiaz, Applied Statistics with R, §8.7–8.8)', () => {
    // new_speeds = data.frame(speed = c(5, 21))
    // predict(stop_dist_model, new_speeds, interval = "confidence", level = 0.99)
    //         fit       lwr      upr
    // 1  2.082949 -10.89309 15.05898
    // 2 65.001489  56.45836 73.54462
    // predict(stop_dist_model, new_speeds, interval = "prediction", level = 0.99)
    //         fit       lwr       upr
    // 1  2.082949 -41.16099  45.32689
    // 2 65.001489  22.87494 107.12803
    // R printed 7 significant digits, so the tolerance is half a unit in the last printed place.
    const at5 = predictLinear(fit, 5, 0.99);
    expectClose(at5.value, 2.082949, 5e-7);
    expectClose(at5.meanLower, -10.89309, 5e-6);
    expectClose(at5.meanUpper, 15.05898, 5e-6);
    expectClose(at5.lower, -41.16099, 5e-6);
    expectClose(at5.upper, 45.32689, 5e-6);
    const at21 = predictLinear(fit, 21, 0.99);
    expectClose(at21.value, 65.001489, 5e-7);
    expectClose(at21.meanLower, 56.45836, 5e-6);
    expectClose(at21.meanUpper, 73.54462, 5e-6);
    expectClose(at21.lower, 22.87494, 5e-6);
    expectClose(at21.upper, 107.12803, 5e-6);
  });

  it('matches predict(lm(dist ~ speed), data.frame(speed = c(12, 19, 24))) at 95%', () => {
    // STHDA "Predict in R" prints fit 29.6, 57.1, 76.8 and confidence limits
    // 24.4–34.8, 51.8–62.4, 68.4–85.2 (3 significant digits), and "a speed of 19 mph
    // has a stopping distance ranging between 51.83 and 62.44 ft on average".
    // The full-precision values are from NumPy/SciPy (t.ppf(0.975, 48) = 2.010634757624232):
    //   fit 29.609810218978097, 57.13667153284672, 76.79871532846715
    //   prediction lwr −1.7495288054013294, 25.761756418983335, 44.752478269568925
    //   prediction upr 60.96914924335752, 88.5115866467101, 108.84495238736538
    //   confidence lwr 24.395137669592163, 51.82913310590286, 68.38765264968187
    //   confidence upr 34.824482768364035, 62.44420995979058, 85.20977800725244
    // (The brief's 57.12803 / 76.78392 for speeds 19 and 24 do not follow from the
    // published coefficients: −17.579095 + 3.932409 × 19 = 57.136676.)
    const expected = [
      [12, 29.609810218978097, -1.7495288054013294, 60.96914924335752, 24.395137669592163, 34.824482768364035],
      [19, 57.13667153284672, 25.761756418983335, 88.5115866467101, 51.82913310590286, 62.44420995979058],
      [24, 76.79871532846715, 44.752478269568925, 108.84495238736538, 68.38765264968187, 85.20977800725244],
    ] as const;
    for (const [t0, value, lower, upper, meanLower, meanUpper] of expected) {
      const p = predictLinear(fit, t0);
      expectClose(p.value, value, 1e-9);
      expectClose(p.lower, lower, 1e-9);
      expectClose(p.upper, upper, 1e-9);
      expectClose(p.meanLower, meanLower, 1e-9);
      expectClose(p.meanUpper, meanUpper, 1e-9);
    }
    const p19 = predictLinear(fit, 19);
    expectClose(p19.meanLower, 51.83, 5e-3);
    expectClose(p19.meanUpper, 62.44, 5e-3);
    // the speed-12 prediction interval lower limit as R prints it: -1.749529
    expectClose(predictLinear(fit, 12).lower, -1.749529, 5e-7);
  });

  it('matches predict.lm at speed 20 (RPubs "Predicting Car Stopping Distance": 61.06908)', () => {
    expectClose(predictLinear(fit, 20).value, 61.06908, 5e-6);
  });

  it('reports both standard errors: sePred² = seFit² + s²', () => {
    const p = predictLinear(fit, 24);
    expectClose(p.sePred ** 2, p.seFit ** 2 + fit.sigma ** 2, 1e-9);
    // NumPy: seFit at 24 = s·√(1/n + (24 − 15.4)²/Sxx) = 4.183287216582192
    expectClose(p.seFit, 4.183287216582192, 1e-9);
  });
});

describe('linearForecast', () => {
  it('returns the prediction interval at each requested t (cars, 95%)', () => {
    const out = linearForecast(cars, frozen([12, 19, 24]));
    expect(out.map((p) => p.t)).toEqual([12, 19, 24]);
    expectClose(out[0]!.lower, -1.7495288054013294, 1e-9);
    expectClose(out[2]!.upper, 108.84495238736538, 1e-9);
    expect(Object.keys(out[0]!).sort()).toEqual(['lower', 't', 'upper', 'value']);
  });

  it('hand calculation: (0,1), (1,3), (2,2), (3,4)', () => {
    // t̄ = 1.5, ȳ = 2.5, Sxx = 5, Sxy = 2.25 − 0.25 − 0.25 + 2.25 = 4, b = 0.8, a = 2.5 − 1.2 = 1.3.
    // Residuals: 1 − 1.3 = −0.3, 3 − 2.1 = 0.9, 2 − 2.9 = −0.9, 4 − 3.7 = 0.3; SSE = 0.09 + 0.81 + 0.81 + 0.09 = 1.8,
    // s² = 1.8/2 = 0.9. At t₀ = 4: ŷ = 4.5, lever = 1/4 + 2.5²/5 = 1.5, sePred = √(0.9 × 2.5) = 1.5,
    // t(0.975; 2) = 4.302652729749462, so 4.5 ∓ 6.453979094624193.
    const out = linearForecast(frozen([{ t: 0, y: 1 }, { t: 1, y: 3 }, { t: 2, y: 2 }, { t: 3, y: 4 }]), [4]);
    expectClose(out[0]!.value, 4.5, 1e-12);
    expectClose(out[0]!.lower, 4.5 - 1.5 * 4.302652729749462, 1e-9);
    expectClose(out[0]!.upper, 4.5 + 1.5 * 4.302652729749462, 1e-9);
  });

  it('gives a zero-width interval for points exactly on a line', () => {
    const out = linearForecast([{ t: 1, y: 3 }, { t: 2, y: 5 }, { t: 3, y: 7 }], [5]);
    expectClose(out[0]!.value, 11, 1e-12);
    expectClose(out[0]!.lower, 11, 1e-9);
    expectClose(out[0]!.upper, 11, 1e-9);
  });

  it('refuses n < 3 and a single distinct t with INSUFFICIENT_DATA', () => {
    expectStatsError(
      () => fitLinear([{ t: 0, y: 1 }, { t: 1, y: 2 }]),
      'INSUFFICIENT_DATA',
      'fitLinear requires at least 3 points, got 2',
    );
    expectStatsError(
      () => linearForecast([{ t: 5, y: 1 }, { t: 5, y: 2 }, { t: 5, y: 3 }], [6]),
      'INSUFFICIENT_DATA',
      'linearForecast requires at least two distinct t values, got every t = 5',
    );
    expectStatsError(() => fitLinear([]), 'INSUFFICIENT_DATA');
    expectStatsError(() => fitLinear([{ t: 0, y: 1 }, { t: 1, y: Number.NaN }, { t: 2, y: 3 }]), 'NOT_FINITE', /y at index 1/);
    expectStatsError(() => predictLinear(fitLinear(cars), Number.POSITIVE_INFINITY), 'NOT_FINITE');
    expectStatsError(() => linearForecast(cars, [1], 1.5), 'OUT_OF_RANGE');
  });
});
