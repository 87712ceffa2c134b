import { describe, expect, it } from 'vitest';
import { logLinearForecast } from '../../src/stats/log-linear.js';
import { expectClose, expectStatsError, frozen } from './helpers.js';

describe('logLinearForecast', () => {
  it('fits exact exponential data exactly: y = 100 × 1.1^t', () => {
    // ln y = ln 100 + t·ln 1.1 is an exact line, so the forecast at t = 5 is
    // 100 × 1.1⁵ = 161.051 and, with zero residuals, the interval has (almost) no width.
    const points = frozen([0, 1, 2, 3, 4].map((t) => ({ t, y: 100 * 1.1 ** t })));
    const [f] = logLinearForecast(points, [5]);
    expectClose(f!.value, 161.051, 1e-9);
    expectClose(f!.lower, 161.051, 1e-6);
    expectClose(f!.upper, 161.051, 1e-6);
  });

  it('hand calculation: y = 1, e², e, e³ at t = 0…3', () => {
    // ln y = 0, 2, 1, 3. OLS on ln y: t̄ = 1.5, mean ln y = 1.5, Sxx = 5,
    // Sxy = (−1.5)(−1.5) + (−0.5)(0.5) + (0.5)(−0.5) + (1.5)(1.5) = 4, b = 0.8, a = 1.5 − 1.2 = 0.3.
    // Residuals −0.3, 0.9, −0.9, 0.3; SSE = 1.8; s² = 0.9. At t = 4: ln ŷ = 3.5;
    // sePred = √(0.9 × (1 + 1/4 + 2.5²/5)) = √(0.9 × 2.5) = 1.5; t(0.975; 2) = 4.302652729749462 (SciPy).
    // Back-transformed: e^3.5 = 33.11545195869231, e^(3.5 − 6.453979094624193) = 0.05213185510918482,
    // e^(3.5 + 6.453979094624193) = 21035.75934774761.
    const points = frozen([0, 2, 1, 3].map((l, t) => ({ t, y: Math.exp(l) })));
    const [f] = logLinearForecast(points, [4]);
    expectClose(f!.value, 33.11545195869231, 1e-9);
    expectClose(f!.lower, 0.05213185510918482, 1e-12);
    expectClose(f!.upper / 21035.75934774761, 1, 1e-9);
  });

  it('never goes below zero, even for a steep fall', () => {
    const points = frozen([{ t: 0, y: 1000 }, { t: 1, y: 400 }, { t: 2, y: 90 }, { t: 3, y: 30 }]);
    for (const f of logLinearForecast(points, [4, 8, 20])) {
      expect(f.lower).toBeGreaterThan(0);
      expect(f.value).toBeGreaterThan(0);
      expect(f.upper).toBeGreaterThan(f.value);
    }
  });

  it('refuses y ≤ 0 and too few points', () => {
    expectStatsError(
      () => logLinearForecast([{ t: 0, y: 3 }, { t: 1, y: 0 }, { t: 2, y: 5 }], [3]),
      'OUT_OF_RANGE',
      'logLinearForecast requires every y > 0 for a log-linear fit, got y = 0 at index 1',
    );
    expectStatsError(() => logLinearForecast([{ t: 0, y: 3 }, { t: 1, y: 4 }], [3]), 'INSUFFICIENT_DATA');
  });
});
