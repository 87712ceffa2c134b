import { describe, expect, it } from 'vitest';
import { wholeYears, yearMeanErrors } from '../../../src/analysis/judgement/years.js';
import { baselineWindow } from '../../../src/analysis/judgement/window.js';
import { measure, series } from '../../helpers/plan.js';

const monthly = measure('neet-monthly');
function months(from: [number, number], count: number, value: (i: number) => number | null): [string, number | null][] {
  return Array.from({ length: count }, (_, i) => {
    const m = from[1] - 1 + i;
    return [`${from[0] + Math.floor(m / 12)}-${String((m % 12) + 1).padStart(2, '0')}`, value(i)];
  });
}

describe('wholeYears of a monthly series', () => {
  // January 2008 to December 2013, baseline March 2011: years end in March.
  const obs = series('neet-monthly', 'Leeds', months([2008, 1], 72, (i) => 6 + (i % 12) / 10));
  const w = baselineWindow(obs, monthly, (p) => p.label <= '2011-03')!;
  const years = wholeYears(obs, monthly, w.fitted.at(-1)!.period, w.fitted, w.judged);

  it('takes the twelve months to each March up to the baseline: three whole years', () => {
    // April 2008–March 2009, April 2009–March 2010, April 2010–March 2011 (Jan–Mar 2008 is not a whole year).
    expect(years.baseline.map((p) => p.period.label)).toEqual(['year to March 2009', 'year to March 2010', 'year to March 2011']);
    // Each year holds every month once, so its mean is the season's mean: 6 + 0.55.
    years.baseline.forEach((p) => expect(p.value).toBeCloseTo(6.55, 10));
    expect(years.baseline.map((p) => p.t)).toEqual([-2, -1, 0]);
  });

  it('judges whole years after the baseline, and waits for the one not yet ended', () => {
    expect(years.since.map((p) => p.period.label)).toEqual(['year to March 2012', 'year to March 2013']);
    expect(years.pending).toBe(9); // April to December 2013
  });

  it('treats a year with more than a tenth of its months missing as a gap', () => {
    const holed = series('neet-monthly', 'Leeds', months([2008, 1], 72, (i) => (i >= 18 && i < 20 ? null : 6)));
    const w2 = baselineWindow(holed, monthly, (p) => p.label <= '2011-03')!;
    const y2 = wholeYears(holed, monthly, w2.fitted.at(-1)!.period, w2.fitted, w2.judged);
    // July and August 2009 are missing: the year to March 2010 is not whole, so the baseline's years start after it.
    expect(y2.baseline.map((p) => p.period.label)).toEqual(['year to March 2011']);
  });

  it('pools counts for percentages that carry them: Σ numerators / Σ denominators', () => {
    const counted = series('neet-monthly', 'Leeds', months([2010, 4], 12, () => 5)).map((o, i) => ({ ...o, value: i < 6 ? 5 : 10, numerator: i < 6 ? 50 : 300, denominator: i < 6 ? 1000 : 3000 }));
    const w3 = baselineWindow(counted, monthly, (p) => p.label <= '2011-03')!;
    const y3 = wholeYears(counted, monthly, w3.fitted.at(-1)!.period, w3.fitted, w3.judged);
    // (6×50 + 6×300) / (6×1000 + 6×3000) = 2100/24000 = 8.75%, not the mean of the values (7.5%).
    expect(y3.baseline[0]!.value).toBeCloseTo(8.75, 10);
    expect(y3.baseline[0]!.observation.denominator).toBe(24000);
  });
});

describe('yearMeanErrors', () => {
  it('carries the series momentum into the correlation of successive yearly means (hand calculation)', () => {
    // P = 2 periods a year, pure AR(1) ρ = 0.5: Var(sum) = 2 + 2·1·0.5 = 3;
    // Cov(successive sums) = ρ·((1 − ρ²)/(1 − ρ))² = 0.5 × 1.5² = 1.125; correlation 0.375.
    expect(yearMeanErrors({ rho: 0.5, share: 1 }, 2)).toEqual({ rho: 0.375, share: 1 });
    // Weak weekly momentum leaves successive years all but independent.
    expect(yearMeanErrors({ rho: 0.2, share: 1 }, 365.2425 / 7)).toBeUndefined();
    expect(yearMeanErrors({ rho: 0, share: 0 }, 12)).toBeUndefined();
  });
});
