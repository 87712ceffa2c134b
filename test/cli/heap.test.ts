import { describe, expect, it } from 'vitest';
import { HEAP_GROWING_PERCENT, limitHeapGrowth } from '../../src/cli/heap.js';

describe('the heap growth limit', () => {
  it('is set unless the user gave node one of their own', () => {
    expect(HEAP_GROWING_PERCENT).toBeGreaterThan(0);
    expect(limitHeapGrowth(['--heap-growing-percent=50'])).toBe(false);
    expect(limitHeapGrowth(['--heap_growing_percent=10'])).toBe(false);
    expect(limitHeapGrowth(['--max-old-space-size=512', '--enable-source-maps'])).toBe(true);
  });
});
