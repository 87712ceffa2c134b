import { describe, expect, it } from 'vitest';
import { directionOfTravel } from '../../src/stats/direction.js';
import { expectStatsError, frozen } from './helpers.js';

// Worked by hand from the definition.
describe('directionOfTravel', () => {
  it('lower is better: 12, 11, 10, 9 is improving for 3 periods', () => {
    const d = directionOfTravel(frozen([12, 11, 10, 9]), { polarity: 'lower', periodsPerYear: 1 });
    expect(d.latest).toBe(9);
    expect(d.previous).toEqual({ from: 10, change: -1, movement: 'down', direction: 'improving' });
    // annual data: the same period last year is the previous value
    expect(d.sameLastYear).toEqual(d.previous);
    expect(d.run).toEqual({ movement: 'down', direction: 'improving', length: 3 });
    expect(d.summary).toBe('improving for 3 periods');
  });

  it('quarterly: compares with 4 periods back, and the run stops at the first change of direction', () => {
    // values by quarter: 50, 52, 51, 53 | 54, 53, 55, 56 (higher is better)
    // previous: 56 − 55 = +1 (improving); same quarter last year: 56 − 53 = +3 (improving);
    // moves back from the latest: +1, +2, −1 → run of 2.
    const d = directionOfTravel([50, 52, 51, 53, 54, 53, 55, 56], { polarity: 'higher', periodsPerYear: 4 });
    expect(d.previous).toMatchObject({ change: 1, direction: 'improving' });
    expect(d.sameLastYear).toEqual({ from: 53, change: 3, movement: 'up', direction: 'improving' });
    expect(d.run!.length).toBe(2);
    expect(d.summary).toBe('improving for 2 periods');
  });

  it('worsening, no change, and no judgement', () => {
    expect(directionOfTravel([5, 6], { polarity: 'lower', periodsPerYear: 1 }).summary).toBe('worsening for 1 period');
    const flat = directionOfTravel([4, 6, 6, 6], { polarity: 'higher', periodsPerYear: 1 });
    expect(flat.previous.direction).toBe('no-change');
    expect(flat.summary).toBe('no-change for 2 periods');
    const none = directionOfTravel([1, 2, 3], { polarity: 'none', periodsPerYear: 1 });
    expect(none.previous).toMatchObject({ movement: 'up', direction: 'no-judgement' });
    expect(none.summary).toBe('increasing for 2 periods');
  });

  it('treats changes within the tolerance as no change', () => {
    const d = directionOfTravel([10, 10.05], { polarity: 'higher', periodsPerYear: 1, tolerance: 0.1 });
    expect(d.previous.movement).toBe('flat');
    expect(d.previous.direction).toBe('no-change');
  });

  it('handles missing values with nulls, never NaN', () => {
    const d = directionOfTravel([3, null, 5, 6], { polarity: 'higher', periodsPerYear: 2 });
    expect(d.previous).toMatchObject({ change: 1, direction: 'improving' });
    expect(d.sameLastYear).toEqual({ from: null, change: null, movement: null, direction: null });
    expect(d.run!.length).toBe(1); // the gap ends the run
    const latestMissing = directionOfTravel([3, 4, null], { polarity: 'higher', periodsPerYear: 1 });
    expect(latestMissing).toMatchObject({ latest: null, run: null, summary: null });
    const single = directionOfTravel([3], { polarity: 'higher', periodsPerYear: 12 });
    expect(single.previous.direction).toBeNull();
    expect(single.sameLastYear.direction).toBeNull();
  });

  it('refuses bad input', () => {
    expectStatsError(() => directionOfTravel([1, 2], { polarity: 'higher', periodsPerYear: 0 }), 'OUT_OF_RANGE');
    expectStatsError(() => directionOfTravel([1, Number.NaN], { polarity: 'higher', periodsPerYear: 1 }), 'NOT_FINITE', /NaN at index 1/);
    expectStatsError(() => directionOfTravel([], { polarity: 'higher', periodsPerYear: 1 }), 'INSUFFICIENT_DATA');
  });
});
