import { describe, expect, it } from 'vitest';
import { ChartInputError, SPARK_BLOCKS, sparkline, sparklineSpec } from '../../src/charts/index.js';

describe('sparkline', () => {
  it('maps the lowest to ▁ and the highest to █, linearly in between', () => {
    expect(sparkline([1, 2, 3, 4, 5, 6, 7, 8])).toBe('▁▂▃▄▅▆▇█');
    expect(sparkline([8, 7, 6, 5, 4, 3, 2, 1])).toBe('█▇▆▅▄▃▂▁');
    expect(SPARK_BLOCKS).toHaveLength(8);
  });

  it('rounds to the nearest level: Leeds children looked after 2008–2015 (hand-worked)', () => {
    // min 1,245, max 1,475, range 230; level = round(7 × (v − 1,245) / 230):
    // 1350 → 3.20 → 3 ▄; 1390 → 4.41 → 4 ▅; 1417 → 5.23 → 5 ▆; 1448 → 6.18 → 6 ▇;
    // 1475 → 7 █; 1373 → 3.90 → 4 ▅; 1339 → 2.86 → 3 ▄; 1245 → 0 ▁.
    expect(sparkline([1350, 1390, 1417, 1448, 1475, 1373, 1339, 1245])).toBe('▄▅▆▇█▅▄▁');
  });

  it('draws a constant series at mid-height', () => {
    expect(sparkline([5, 5, 5])).toBe('▄▄▄');
    expect(sparkline([42])).toBe('▄');
  });

  it('writes · for null and non-finite values, and never treats them as zero', () => {
    expect(sparkline([1, null, 8])).toBe('▁·█');
    expect(sparkline([null, null])).toBe('··');
    expect(sparkline([0, Number.NaN, 7])).toBe('▁·█');
    expect(sparkline([2, null, 2])).toBe('▄·▄');
  });

  it('takes another missing character and a shared domain', () => {
    expect(sparkline([1, null, 8], { missing: ' ' })).toBe('▁ █');
    // Domain 0–14: 7 → round(3.5) = 4 ▅; 14 → █; values outside are clamped.
    expect(sparkline([7, 14, 20, -3], { domain: [0, 14] })).toBe('▅██▁');
  });

  it('returns an empty string for no values', () => {
    expect(sparkline([])).toBe('');
  });

  it('refuses a reversed domain', () => {
    expect(() => sparkline([1, 2], { domain: [3, 1] })).toThrow(ChartInputError);
  });
});

describe('sparklineSpec', () => {
  it('is a tiny line chart that breaks at missing values, with a generated description', () => {
    const spec = sparklineSpec({ values: [3, 4, null, 6] }) as unknown as Record<string, any>;
    expect(spec.width).toBe(80);
    expect(spec.height).toBe(16);
    expect(spec.layer[0].mark.invalid).toBe('break-paths-filter-domains');
    expect(spec.datasets.last).toEqual([{ i: 3, value: 6 }]);
    expect(spec.description).toBe('A sparkline of 4 periods: first 3, latest 6, lowest 3, highest 6.');
  });

  it('refuses non-finite values', () => {
    expect(() => sparklineSpec({ values: [1, Number.POSITIVE_INFINITY] })).toThrow(/values\[1\] to be a finite number or null/);
  });
});
