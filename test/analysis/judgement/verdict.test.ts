import { describe, expect, it } from 'vitest';
import { decideVerdict, type VerdictTests } from '../../../src/analysis/judgement/verdict.js';

// Lower is better throughout (a count of children looked after): a negative effect is better.
const base: VerdictTests = {
  polarity: 'lower',
  changed: true,
  latest: { value: -0.1, significant: true },
  slopeChange: { value: -0.1, significant: true },
  baselineTrend: { value: 0.03, significant: true },
  trendSince: { value: -0.07, significant: true },
};

describe('decideVerdict: the table in the module comment, row by row', () => {
  it('on-baseline whenever the joint test finds no change, whatever the rest says', () => {
    expect(decideVerdict({ ...base, changed: false })).toEqual({ status: 'on-baseline', reason: 'no-change' });
  });

  it('worse when the latest effect is significantly on the wrong side', () => {
    expect(decideVerdict({ ...base, latest: { value: 0.1, significant: true } }).status).toBe('worse');
  });

  it('turned: a worsening baseline, a significant change of slope the better way, now heading better', () => {
    expect(decideVerdict(base)).toEqual({ status: 'turned', reason: 'slope-turned' });
  });

  it('turned from a flat baseline too, by slope or by level', () => {
    expect(decideVerdict({ ...base, baselineTrend: { value: 0.001, significant: false } }).status).toBe('turned');
    expect(decideVerdict({ ...base, baselineTrend: { value: 0.001, significant: false }, slopeChange: { value: -0.01, significant: false } })).toEqual({ status: 'turned', reason: 'level-from-flat' });
  });

  it('accelerated: an improving baseline improving faster', () => {
    const improving = { ...base, baselineTrend: { value: -0.03, significant: true }, trendSince: { value: -0.13, significant: true } };
    expect(decideVerdict(improving)).toEqual({ status: 'accelerated', reason: 'slope-accelerated' });
    expect(decideVerdict({ ...improving, slopeChange: { value: -0.01, significant: false } })).toEqual({ status: 'accelerated', reason: 'level-accelerated' });
  });

  it('slowed, not turned, when the trend since does not yet differ from flat', () => {
    expect(decideVerdict({ ...base, trendSince: { value: -0.01, significant: false } })).toEqual({ status: 'slowed', reason: 'level-slowed' });
  });

  it('slowed: better than a worsening baseline, but the slope has not significantly turned', () => {
    expect(decideVerdict({ ...base, slopeChange: { value: -0.02, significant: false }, trendSince: { value: 0.01, significant: false } })).toEqual({ status: 'slowed', reason: 'level-slowed' });
    // A significant change of slope that still heads the worse way is not a turn.
    expect(decideVerdict({ ...base, trendSince: { value: 0.01, significant: false } }).status).toBe('slowed');
  });

  it('worse when only the slope has changed, the wrong way', () => {
    expect(decideVerdict({ ...base, latest: { value: 0.02, significant: false }, slopeChange: { value: 0.05, significant: true }, trendSince: { value: 0.08, significant: true } })).toEqual({ status: 'worse', reason: 'worse-slope' });
  });

  it('on-baseline when something changed but in no one direction', () => {
    expect(decideVerdict({ ...base, latest: { value: -0.01, significant: false }, slopeChange: { value: -0.01, significant: false } })).toEqual({ status: 'on-baseline', reason: 'no-direction' });
  });

  it('reads higher-is-better measures the other way round', () => {
    const higher: VerdictTests = { ...base, polarity: 'higher', latest: { value: 0.1, significant: true }, slopeChange: { value: 0.1, significant: true }, baselineTrend: { value: -0.03, significant: true }, trendSince: { value: 0.07, significant: true } };
    expect(decideVerdict(higher).status).toBe('turned');
    expect(decideVerdict({ ...higher, latest: { value: -0.1, significant: true } }).status).toBe('worse');
  });
});
