import { describe, expect, it } from 'vitest';
import { quartileAmongPeers } from '../../src/analysis/compare.js';
import { measure } from '../helpers/plan.js';

describe('quartileAmongPeers', () => {
  it('ranks with ties sharing the best rank, by polarity, and needs four areas', () => {
    const higher = measure('attendance-primary');
    const lower = measure('under-18-conceptions');
    // Values 10, 20, 30, 30, 50: higher is better → 30 is beaten by 50 only: 2nd (tied with the other 30).
    expect(quartileAmongPeers(30, [10, 20, 30, 30, 50], higher, '2012/13')).toMatchObject({ rank: 2, areas: 5 });
    // Lower is better → 30 is beaten by 10 and 20: 3rd.
    expect(quartileAmongPeers(30, [10, 20, 30, 30, 50], lower, '2012')).toMatchObject({ rank: 3, areas: 5 });
    // R: quantile(c(10, 20, 30, 30, 50), type = 7) → 25% 20, 75% 30; 50 is in the best quarter when higher is better.
    expect(quartileAmongPeers(50, [10, 20, 30, 30, 50], higher, '2012/13')?.band).toBe('A');
    expect(quartileAmongPeers(10, [10, 20, 30], higher, '2012/13')).toBeUndefined();
    // Counts are not ranked: the largest authority would always come last.
    expect(quartileAmongPeers(30, [10, 20, 30, 30, 50], measure('looked-after'), '2015-03-31')).toBeUndefined();
  });
});
