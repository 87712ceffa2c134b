import { describe, expect, it } from 'vitest';
import { chiSquareQuantile, normalQuantile, tQuantile, twoSidedZ } from '../../src/stats/quantiles.js';
import { expectClose, expectStatsError } from './helpers.js';

// Expected values: SciPy 1.17.1 (scipy.stats.norm.ppf, t.ppf, chi2.ppf), which
// agree with R's qnorm, qt, qchisq; the short ones also appear in printed tables
// (e.g. Lindley & Scott, New Cambridge Statistical Tables, tables 5, 7 and 8).
describe('normalQuantile', () => {
  it('gives the exact z values used for 95% and 99.8% intervals', () => {
    expectClose(normalQuantile(0.975), 1.959963984540054, 1e-14);
    expectClose(normalQuantile(0.999), 3.090232306167813, 1e-14);
    expectClose(twoSidedZ(0.95), 1.959963984540054, 1e-14);
    expectClose(twoSidedZ(0.998), 3.090232306167813, 1e-14);
  });

  it.each([
    [0.5, 0],
    [0.8, 0.8416212335729143],
    [0.9, 1.2815515655446004],
    [0.95, 1.6448536269514722],
    [0.995, 2.5758293035489004],
    [0.001, -3.090232306167813],
    [0.025, -1.9599639845400545],
  ])('Φ⁻¹(%f) = %f (SciPy)', (p, z) => {
    expectClose(normalQuantile(p), z, 1e-12);
  });

  it('is not the simple-statistics probit approximation (0.975 → 1.9572)', () => {
    expect(Math.abs(normalQuantile(0.975) - 1.9572)).toBeGreaterThan(1e-3);
  });
});

describe('tQuantile', () => {
  it.each([
    [0.975, 1, 12.706204736174694],
    [0.975, 2, 4.302652729749462],
    [0.975, 9, 2.262157162798205],
    [0.975, 48, 2.010634757624232],
    [0.995, 48, 2.6822040269502154],
    [0.025, 5, -2.5705818356363155],
    [0.9, 30, 1.3104150253913955],
    [0.975, 2.5, 3.5746548420036817],
  ])('t(%f; %f df) = %f (SciPy)', (p, df, t) => {
    expectClose(tQuantile(p, df), t, 1e-9);
  });

  it('matches the printed table value t(0.975; 10) = 2.228', () => {
    expectClose(tQuantile(0.975, 10), 2.228, 5e-4);
  });
});

describe('chiSquareQuantile', () => {
  it.each([
    [0.998, 1, 9.549535706083237],
    [0.95, 1, 3.841458820694124],
    [0.975, 2, 7.377758908227871],
    [0.025, 2, 0.05063561596857975],
    [0.05, 10, 3.9402991361190605],
    [0.999, 20, 45.31474661812586],
    [0.025, 18, 8.230746194756668],
    [0.975, 20, 34.16960690283833],
    [0.5, 0.5, 0.0873476047057468],
  ])('χ²(%f; %f df) = %f (SciPy)', (p, df, q) => {
    expectClose(chiSquareQuantile(p, df), q, 1e-9 * Math.max(1, q));
  });

  it('gives the Fingertips 99.8% threshold 9.5495 for 1 df', () => {
    expectClose(chiSquareQuantile(0.998, 1), 9.5495, 5e-5);
  });
});

describe('input checks', () => {
  it('refuses p outside (0, 1) and df ≤ 0', () => {
    expectStatsError(() => normalQuantile(1), 'OUT_OF_RANGE', 'normalQuantile requires p in (0, 1), got 1');
    expectStatsError(() => normalQuantile(0), 'OUT_OF_RANGE');
    expectStatsError(() => normalQuantile(Number.NaN), 'NOT_FINITE', 'normalQuantile requires p to be a finite number, got NaN');
    expectStatsError(() => tQuantile(0.975, 0), 'OUT_OF_RANGE', 'tQuantile requires df > 0, got 0');
    expectStatsError(() => chiSquareQuantile(0.5, -1), 'OUT_OF_RANGE', 'chiSquareQuantile requires df > 0, got -1');
    expectStatsError(() => twoSidedZ(95), 'OUT_OF_RANGE', 'twoSidedZ requires level in (0, 1), e.g. 0.95, got 95');
  });
});
