import { describe, expect, it } from 'vitest';
import { scaleFor, differenceScale } from '../../../src/analysis/judgement/scale.js';

const count = { unit: { kind: 'count' as const }, decimals: 0 };
const percent = { unit: { kind: 'percent' as const }, decimals: 1 };

describe('scaleFor', () => {
  it('picks the log scale for counts and rates and the logit for percentages when auto', () => {
    expect(scaleFor('auto', count, [10, 12]).kind).toBe('log');
    expect(scaleFor('auto', { unit: { kind: 'rate', per: 1000 }, decimals: 1 }, [10, 12]).kind).toBe('log');
    expect(scaleFor('auto', percent, [40, 50]).kind).toBe('logit');
    expect(scaleFor('linear', percent, [40, 50]).kind).toBe('identity');
  });

  it('back-transforms anything into the unit range', () => {
    const logit = scaleFor('auto', percent, [50]);
    for (const z of [-50, -3, 0, 3, 50]) {
      expect(logit.back(z)).toBeGreaterThanOrEqual(0);
      expect(logit.back(z)).toBeLessThanOrEqual(100);
    }
    expect(logit.back(logit.to(37.5))).toBeCloseTo(37.5, 12);
    // d(back)/dz = 100·p(1 − p): at 50%, 25 points per unit of logit.
    expect(logit.slope(0)).toBeCloseTo(25, 12);
    expect(scaleFor('linear', percent, [50]).back(104)).toBe(100);
    expect(scaleFor('linear', count, [5]).back(-3)).toBe(0);
  });

  it('takes Tukey\'s started log when a count is 0, and moves a percentage on a bound inside', () => {
    const started = scaleFor('auto', count, [0, 2, 3]);
    expect(started.to(0)).toBeCloseTo(Math.log(0.5), 12);
    expect(started.back(Math.log(0.5))).toBeCloseTo(0, 12);
    expect(started.reason).toMatch(/plus 0.5 because some values are 0/);
    const logit = scaleFor('auto', percent, [0, 100]);
    // Half of the last shown decimal: 0.05% → logit(0.0005).
    expect(logit.to(0)).toBeCloseTo(Math.log(0.05 / 99.95), 12);
    // With counts, the empirical logit: (0 + ½)/(200 + 1).
    expect(logit.to(0, { numerator: 0, denominator: 200 })).toBeCloseTo(Math.log(0.5 / 200.5), 12);
  });

  it('leaves differences unbounded', () => {
    expect(differenceScale().back(-2.5)).toBe(-2.5);
  });
});
