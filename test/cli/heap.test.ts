import { beforeEach, describe, expect, it, vi } from 'vitest';

// The flag is process-wide: the test sees what would be set, and sets nothing.
const setFlagsFromString = vi.fn();
vi.mock('node:v8', () => ({ setFlagsFromString }));
const { HEAP_GROWING_PERCENT, LIMIT_FROM_BYTES, buildStarting, limitHeapGrowthWhenBuilding } = await import('../../src/cli/heap.js');

describe('the heap growth limit', () => {
  beforeEach(() => setFlagsFromString.mockClear());

  it('is set once, when a build starts, for the oba executable', () => {
    buildStarting(LIMIT_FROM_BYTES);
    expect(setFlagsFromString).not.toHaveBeenCalled(); // a library caller keeps its settings
    expect(limitHeapGrowthWhenBuilding(['--max-old-space-size=512', '--enable-source-maps'])).toBe(true);
    expect(setFlagsFromString).not.toHaveBeenCalled(); // not before there is work to do
    buildStarting(LIMIT_FROM_BYTES - 1);
    expect(setFlagsFromString).not.toHaveBeenCalled(); // nor for a run reading little data
    buildStarting(LIMIT_FROM_BYTES);
    buildStarting(LIMIT_FROM_BYTES);
    expect(setFlagsFromString.mock.calls).toEqual([[`--heap-growing-percent=${HEAP_GROWING_PERCENT}`]]);
  });

  it('is left alone when the user gave node a value of their own', () => {
    expect(limitHeapGrowthWhenBuilding(['--heap-growing-percent=50'])).toBe(false);
    expect(limitHeapGrowthWhenBuilding(['--heap_growing_percent=10'])).toBe(false);
    buildStarting(LIMIT_FROM_BYTES);
    expect(setFlagsFromString).not.toHaveBeenCalled();
  });
});
