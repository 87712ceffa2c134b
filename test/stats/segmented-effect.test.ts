import { describe, expect, it } from 'vitest';
import { segmentedEffect } from '../../src/stats/segmented-effect.js';
import { fQuantile, tQuantile } from '../../src/stats/quantiles.js';
import { expectClose, expectStatsError } from './helpers.js';

const identity = (n: number) => Array.from({ length: n }, (_, i) => Array.from({ length: n }, (_, j) => (i === j ? 1 : 0)));

describe('segmentedEffect with independent effects: least squares of the effects on [1, τ]', () => {
  // d = −0.12, −0.24, −0.36 at τ = 1, 2, 3 lie exactly on −0.12τ: level 0, slope −0.12.
  // WᵀW = [[3, 6], [6, 14]]; γ̂ᵀ(WᵀW)γ̂ = 14 × 0.0144 = 0.2016; F = 0.2016 / (2 × 0.0009) = 112.
  const r = segmentedEffect({ effects: [-0.12, -0.24, -0.36], times: [1, 2, 3], covariance: identity(3), sigma2: 0.0009, df: 6 });

  it('estimates a change of slope and no change of level', () => {
    expectClose(r.level.value, 0, 1e-12);
    expectClose(r.slope!.value, -0.12, 1e-12);
    // Var(γ̂₁) = σ² × [(WᵀW)⁻¹]₂₂ = 0.0009 × 3/6 = 0.00045.
    expectClose(r.slope!.se, Math.sqrt(0.00045), 1e-12);
    expectClose(r.latest.value, -0.36, 1e-12);
  });

  it('tests both by F on 2 and 6 degrees of freedom', () => {
    expectClose(r.test.f, 112, 1e-9);
    expect(r.test.d1).toBe(2);
    expect(r.test.d2).toBe(6);
    // R: qf(0.95, 2, 6) = 5.143253
    expectClose(r.test.critical, 5.143253, 1e-6);
    expect(r.test.significant).toBe(true);
    // With 2 numerator df the upper tail has a closed form: (1 + 2F/6)^(−6/2) = 38.333…^−3 = 1.7753e−5.
    expectClose(r.test.p, (1 + (2 * 112) / 6) ** -3, 1e-12);
  });
});

describe('segmentedEffect with one effect', () => {
  it('is the t test of that effect: F = t² on (1, df)', () => {
    const r = segmentedEffect({ effects: [2.5], times: [1], covariance: [[1.25]], sigma2: 4, df: 5 });
    // Var = 4 × 1.25 = 5; t = 2.5/√5 = 1.118; F = 1.25.
    expect(r.slope).toBeNull();
    expectClose(r.test.f, 1.25, 1e-12);
    expectClose(r.test.critical, tQuantile(0.975, 5) ** 2, 1e-9);
    expect(r.test.significant).toBe(false);
  });
});

describe('segmentedEffect with correlated effects', () => {
  it('weights by the inverse covariance: equal effects sharing an error count once', () => {
    // Two effects of 1 whose errors are almost the same (correlation 0.99): their mean has
    // variance σ²(1 + 0.99)/2 = 0.995σ², barely less than one effect's.
    const c = [[1, 0.99], [0.99, 1]];
    const r = segmentedEffect({ effects: [1, 1], times: [1, 1], covariance: c, sigma2: 1, df: 10 });
    expectClose(r.mean.se, Math.sqrt(0.995), 1e-12);
    expectClose(r.level.value, 1, 1e-12);
    expectClose(r.level.se, Math.sqrt(0.995), 1e-12);
    expectClose(r.test.critical, fQuantile(0.95, 1, 10), 1e-12);
  });

  it('refuses an empty or mismatched input', () => {
    expectStatsError(() => segmentedEffect({ effects: [], times: [], covariance: [], sigma2: 1, df: 3 }), 'INSUFFICIENT_DATA');
    expectStatsError(() => segmentedEffect({ effects: [1], times: [1], covariance: [[1]], sigma2: 0, df: 3 }), 'OUT_OF_RANGE');
  });
});
