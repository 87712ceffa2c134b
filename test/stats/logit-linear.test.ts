import { describe, expect, it } from 'vitest';
import { logitLinearForecast } from '../../src/stats/logit-linear.js';
import { expectClose, expectStatsError, frozen } from './helpers.js';

describe('logitLinearForecast', () => {
  it('hand calculation: 20%, 25%, 30% at t = 0, 1, 2, forecast at t = 3', () => {
    // logits: ln(20/80) = −1.3862943611198906, ln(25/75) = −1.0986122886681098, ln(30/70) = −0.8472978603872037.
    // With t = 0, 1, 2: b = (L₂ − L₀)/2 = 0.26949825036634345, a = mean L − b·1 = −1.3802330870914115.
    // Residuals −0.0060612740, 0.0121225481, −0.0060612740; SSE = 0.00022043425708989,
    // s = √(SSE/1) = 0.014847028560957662. At t = 3: logit ŷ = a + 3b = −0.5717383359923811,
    // sePred = s·√(1 + 1/3 + (3 − 1)²/2) = 0.02710684151586659, t(0.975; 1) = 12.706204736174694 (SciPy).
    // Back-transformed with 100/(1 + e^(−x)): 36.08358097255616, 28.574026965379403, 44.3415127185778.
    const points = frozen([{ t: 0, y: 20 }, { t: 1, y: 25 }, { t: 2, y: 30 }]);
    const [f] = logitLinearForecast(points, [3], { scale: 100 });
    expectClose(f!.value, 36.08358097255616, 1e-9);
    expectClose(f!.lower, 28.574026965379403, 1e-9);
    expectClose(f!.upper, 44.3415127185778, 1e-9);
  });

  it('gives the same answer on the proportion scale (scale 1, the default)', () => {
    const [f] = logitLinearForecast([{ t: 0, y: 0.2 }, { t: 1, y: 0.25 }, { t: 2, y: 0.3 }], [3]);
    expectClose(f!.value, 0.3608358097255616, 1e-11);
    expectClose(f!.lower, 0.28574026965379403, 1e-11);
    expectClose(f!.upper, 0.443415127185778, 1e-11);
  });

  it('fits exact logistic data exactly', () => {
    // logit p = −2 + 0.5t exactly: p(6) = 1/(1 + e^(−1)) = 0.7310585786300049
    const points = frozen([0, 1, 2, 3, 4].map((t) => ({ t, y: 1 / (1 + Math.exp(2 - 0.5 * t)) })));
    const [f] = logitLinearForecast(points, [6]);
    expectClose(f!.value, 0.7310585786300049, 1e-12);
    expectClose(f!.lower, 0.7310585786300049, 1e-6);
    expectClose(f!.upper, 0.7310585786300049, 1e-6);
  });

  it('stays strictly inside 0–100% however far ahead', () => {
    const rising = frozen([{ t: 0, y: 80 }, { t: 1, y: 90 }, { t: 2, y: 97 }, { t: 3, y: 99 }]);
    for (const f of logitLinearForecast(rising, [4, 10, 50], { scale: 100, level: 0.998 })) {
      expect(f.upper).toBeLessThanOrEqual(100);
      expect(f.lower).toBeGreaterThan(0);
    }
    const falling = frozen([{ t: 0, y: 20 }, { t: 1, y: 9 }, { t: 2, y: 3 }, { t: 3, y: 1.2 }]);
    for (const f of logitLinearForecast(falling, [4, 10, 50], { scale: 100 })) {
      expect(f.lower).toBeGreaterThanOrEqual(0);
      expect(f.upper).toBeLessThan(100);
    }
  });

  it('refuses 0%, 100% and values beyond the scale', () => {
    expectStatsError(
      () => logitLinearForecast([{ t: 0, y: 0 }, { t: 1, y: 10 }, { t: 2, y: 20 }], [3], { scale: 100 }),
      'OUT_OF_RANGE',
      'logitLinearForecast requires every y strictly between 0 and 100 (scale) for a logit fit, got y = 0 at index 0',
    );
    expectStatsError(() => logitLinearForecast([{ t: 0, y: 0.5 }, { t: 1, y: 1 }, { t: 2, y: 0.7 }], [3]), 'OUT_OF_RANGE');
    expectStatsError(() => logitLinearForecast([{ t: 0, y: 50 }, { t: 1, y: 60 }, { t: 2, y: 70 }], [3]), 'OUT_OF_RANGE');
    expectStatsError(() => logitLinearForecast([{ t: 0, y: 0.5 }, { t: 1, y: 0.6 }, { t: 2, y: 0.7 }], [3], { scale: 0 }), 'OUT_OF_RANGE');
  });
});
