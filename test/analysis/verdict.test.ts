import { describe, expect, it } from 'vitest';
import { decideVerdict, type VerdictInput } from '../../src/analysis/verdict.js';

// The verdict table of METHODS.md §3, one row per case, for a lower-is-better measure.
const base: VerdictInput = {
  polarity: 'lower',
  baselineSlope: 10, // baseline worsening (rising)
  actualSlope: -5, // actuals improving (falling)
  positions: ['better'],
  xmrSince: { improvement: 0, concern: 0, evaluated: true },
  trend: 'no-significant-change',
  evidence: [],
};

describe('decideVerdict', () => {
  it('turned: better than a worsening baseline and now heading the better way', () => {
    expect(decideVerdict(base).status).toBe('turned');
  });

  it('accelerated: better than a baseline that was already improving', () => {
    expect(decideVerdict({ ...base, baselineSlope: -2, actualSlope: -8 }).status).toBe('accelerated');
  });

  it('slowed: better than the baseline but still worsening', () => {
    expect(decideVerdict({ ...base, baselineSlope: 10, actualSlope: 4 }).status).toBe('slowed');
  });

  it('worse: the latest value is worse than the forecast interval', () => {
    expect(decideVerdict({ ...base, positions: ['better', 'worse'] }).status).toBe('worse');
  });

  it('on baseline: inside the interval with no special cause', () => {
    expect(decideVerdict({ ...base, positions: ['within'] }).status).toBe('on-baseline');
  });

  it('a special cause of improvement counts as better when the latest is inside the interval', () => {
    expect(decideVerdict({ ...base, positions: ['within'], xmrSince: { improvement: 2, concern: 0, evaluated: true } }).status).toBe('turned');
  });

  it('a significant recent trend decides the direction when the slope of the actuals disagrees', () => {
    expect(decideVerdict({ ...base, actualSlope: 3, trend: 'decreasing' }).status).toBe('turned');
    expect(decideVerdict({ ...base, actualSlope: -3, trend: 'increasing' }).status).toBe('slowed');
  });

  it('reads polarity: the same numbers for a higher-is-better measure are worse', () => {
    expect(decideVerdict({ ...base, polarity: 'higher', positions: ['worse'] }).status).toBe('worse');
    expect(decideVerdict({ ...base, polarity: 'higher', baselineSlope: -10, actualSlope: 5 }).status).toBe('turned');
  });

  it('gives no judgement without polarity, and insufficient data with nothing since the baseline', () => {
    expect(decideVerdict({ ...base, polarity: 'none' }).status).toBe('no-judgement');
    const none = decideVerdict({ ...base, positions: [] });
    expect(none.status).toBe('insufficient-data');
    expect(none.evidence.at(-1)).toMatch(/No actual values since the baseline/);
  });
});
