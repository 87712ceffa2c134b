import { describe, expect, it } from 'vitest';
import { constantRate, constantRateTrajectory, linearTrajectory } from '../../src/stats/trajectory.js';
import { expectClose, expectStatsError } from './helpers.js';

describe('linearTrajectory', () => {
  it('takes equal steps (T − B)/k: 100 → 80 in 4 steps is −5 a step', () => {
    expect(linearTrajectory(100, 80, 4)).toEqual([100, 95, 90, 85, 80]);
  });

  it('hits the target exactly at step k, even when the step is not exact in binary', () => {
    // (0.3 − 0.1)/3 = 0.0666…; by hand: 0.1, 0.1666…, 0.2333…, 0.3
    const path = linearTrajectory(0.1, 0.3, 3);
    expect(path[0]).toBe(0.1);
    expect(path[3]).toBe(0.3);
    expectClose(path[1]!, 0.1 + 0.2 / 3, 1e-15);
    expectClose(path[2]!, 0.1 + 0.4 / 3, 1e-15);
  });

  it('allows a flat trajectory and negative values', () => {
    expect(linearTrajectory(5, 5, 2)).toEqual([5, 5, 5]);
    expect(linearTrajectory(-2, 2, 2)).toEqual([-2, 0, 2]);
  });

  it('refuses non-integer or zero steps', () => {
    expectStatsError(() => linearTrajectory(1, 2, 0), 'OUT_OF_RANGE', 'linearTrajectory requires steps to be an integer ≥ 1, got 0');
    expectStatsError(() => linearTrajectory(1, 2, 1.5), 'OUT_OF_RANGE');
    expectStatsError(() => linearTrajectory(Number.NaN, 2, 1), 'NOT_FINITE');
  });
});

describe('constantRateTrajectory', () => {
  it('falls by the same percentage each step: 100 → 81 in 2 steps is −10% a step', () => {
    // r = (81/100)^(1/2) − 1 = 0.9 − 1 = −0.1; values 100, 90, 81
    const path = constantRateTrajectory(100, 81, 2);
    expect(path[0]).toBe(100);
    expectClose(path[1]!, 90, 1e-12);
    expect(path[2]).toBe(81);
    expectClose(constantRate(100, 81, 2), -0.1, 1e-15);
  });

  it('compound growth by hand: 1000 → 1331 in 3 steps is +10% a step', () => {
    // 1.1³ = 1.331: 1000, 1100, 1210, 1331
    const path = constantRateTrajectory(1000, 1331, 3);
    [1000, 1100, 1210, 1331].forEach((v, i) => expectClose(path[i]!, v, 1e-9));
    expectClose(constantRate(1000, 1331, 3), 0.1, 1e-12);
  });

  it('refuses zero or negative baselines and targets', () => {
    expectStatsError(
      () => constantRateTrajectory(0, 10, 3),
      'OUT_OF_RANGE',
      'constantRateTrajectory requires baseline > 0 for a constant-rate trajectory, got 0',
    );
    expectStatsError(() => constantRateTrajectory(10, -1, 3), 'OUT_OF_RANGE');
    expectStatsError(() => constantRate(10, 0, 3), 'OUT_OF_RANGE', 'constantRate requires target > 0, got 0');
  });
});
