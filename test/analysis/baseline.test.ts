import { describe, expect, it } from 'vitest';
import { analyseBaseline, type BaselineSettings } from '../../src/analysis/baseline.js';
import { measure, series } from '../helpers/plan.js';

const defaults: BaselineSettings = {
  baselineAt: '2012',
  horizon: '2015-03-31',
  method: 'linear',
  level: 0.95,
  trajectory: 'linear',
  rag: { tolerance: { percent: 0 }, amberIfImproved: false },
};

// Real Leeds children looked after at 31 March (DfE SFR27/2010, SFR21/2011, SFR20/2012,
// SFR36/2013, SFR36/2014, SFR34/2015; data/real/leeds-figures.md section 1).
const lookedAfter = series('looked-after', 'Leeds', [
  ['2010-03-31', 1417],
  ['2011-03-31', 1448],
  ['2012-03-31', 1475],
  ['2013-03-31', 1373],
  ['2014-03-31', 1339],
  ['2015-03-31', 1245],
]);

describe('baseline of the real Leeds children looked after counts, frozen at 2012', () => {
  const result = analyseBaseline(measure('looked-after'), 'Leeds', lookedAfter, defaults);

  it('freezes the baseline at 31 March 2012 and keeps only the history up to it', () => {
    expect(result.baselineAt).toBe('2012-03-31');
    expect(result.history.map((h) => h.value)).toEqual([1417, 1448, 1475]);
  });

  it('forecasts the 2010-2012 line forward: OLS by hand', () => {
    // t in years (days / 365.2425) is near-integer: the three snapshots are 1 year apart, give or
    // take a leap day. Exactly-annual hand calculation: slope = ((−1)(−29.67)+(1)(27.33))/2 = 29,
    // mean 1446.67, so 2015 (t = +3 from 2012, +4 from the mean year 2011) ≈ 1446.67 + 4×29 = 1562.67.
    const f2015 = result.forecast.find((f) => f.period === '2015-03-31')!;
    expect(f2015.value).toBeCloseTo(1562.67, 0);
    expect(result.baselineSlope).toBeCloseTo(29, 0);
    // SSE: residuals of (1417, 1448, 1475) about the line 1446.67 + 29(t−2011) are 0.33, −1.67... hand:
    // fitted 1417.67, 1446.67, 1475.67 → residuals −0.67, 1.33, −0.67 → SSE 2.667, s = 1.633 (1 df),
    // t(0.975, 1) = 12.706; se_pred at +4 = s √(1 + 1/3 + 16/2) = 1.633 × 3.055 = 4.989 → ±63.4.
    expect(f2015.upper - f2015.value).toBeCloseTo(63.4, 0);
  });

  it('says the curve has turned: falling since 2012 and below the forecast interval', () => {
    expect(result.verdict.status).toBe('turned');
    expect(result.since.map((s) => s.position)).toEqual(['better', 'better', 'better']);
    expect(result.verdict.evidence.join(' ')).toMatch(/1,245 \(2015-03-31\), is better than the baseline forecast of 1,56\d/);
  });
});

describe('a measure still improving, but more slowly than its baseline', () => {
  // Under-18 conceptions falling by 5 a year to the baseline, then by only 1 a year.
  const slower = series('under-18-conceptions', 'Leeds', [
    ['2006', 60], ['2007', 55], ['2008', 50], ['2009', 45], ['2010', 40],
    ['2011', 39], ['2012', 38], ['2013', 37],
  ]);
  const result = analyseBaseline(measure('under-18-conceptions'), 'Leeds', slower, { ...defaults, baselineAt: '2010' });

  it('is not reported as turned: it is worse than the baseline', () => {
    // The baseline is an exact line (s = 0), so any departure is outside the interval.
    expect(result.since.map((s) => s.position)).toEqual(['worse', 'worse', 'worse']);
    expect(result.verdict.status).toBe('worse');
  });
});

describe('too little data is a state, not a crash', () => {
  it('gives insufficient-data with the reason when fewer than 3 values precede the baseline', () => {
    const short = series('looked-after', 'Leeds', [['2011-03-31', 1448], ['2012-03-31', 1475], ['2013-03-31', 1373]]);
    const result = analyseBaseline(measure('looked-after'), 'Leeds', short, defaults);
    expect(result.verdict.status).toBe('insufficient-data');
    expect(result.verdict.evidence[0]).toMatch(/needs at least 3 values up to the baseline; there are 2/);
  });
});
