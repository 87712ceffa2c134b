import { describe, expect, it } from 'vitest';
import { HEAP_GROWING_PERCENT, limitHeapGrowthWhenBuilding } from '../../src/cli/heap.js';

describe('the heap growth limit', () => {
  it('is wanted unless the user gave node a value of their own', () => {
    expect(HEAP_GROWING_PERCENT).toBeGreaterThan(0);
    expect(limitHeapGrowthWhenBuilding(['--heap-growing-percent=50'])).toBe(false);
    expect(limitHeapGrowthWhenBuilding(['--heap_growing_percent=10'])).toBe(false);
    expect(limitHeapGrowthWhenBuilding(['--max-old-space-size=512', '--enable-source-maps'])).toBe(true);
    // Left unwanted again, so this test process keeps its own settings.
    expect(limitHeapGrowthWhenBuilding(['--heap-growing-percent=0'])).toBe(false);
  });
});
