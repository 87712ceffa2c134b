/**
 * Sparklines (Tufte 2006, "Beautiful Evidence": "small, intense, simple, word-sized graphics"):
 * the shape of a series in a Markdown table cell, as Unicode block characters, or as a tiny SVG.
 */
import type { TopLevelSpec } from 'vega-lite';
import { formatNumber } from '../render/format.js';
import { fail, requireText } from './errors.js';
import { xmlSafeText } from './svg.js';
import { COLOURS, SIZES, chartConfig } from './theme.js';
import type { SparklineInput } from './types.js';

/** The eight block heights, lowest first (U+2581 to U+2588). */
export const SPARK_BLOCKS = '▁▂▃▄▅▆▇█';
/** What a missing value is written as. */
export const SPARK_MISSING = '·';

export interface SparklineOptions {
  /** Written for a missing (null or non-finite) value; `'·'` by default. */
  missing?: string;
  /**
   * The values the lowest and highest blocks stand for; by default the series' own minimum and
   * maximum. Give the same domain to several sparklines to make their heights comparable.
   * Values outside it are drawn at the nearest end.
   */
  domain?: [number, number];
}

const isValue = (v: number | null | undefined): v is number => typeof v === 'number' && Number.isFinite(v);

/**
 * A Unicode block sparkline: each value becomes one of `▁▂▃▄▅▆▇█`, linearly between the minimum
 * (`▁`) and maximum (`█`), rounding to the nearest of the eight levels:
 * level = round(7 × (v − min) / (max − min)). A series with one distinct value is drawn at
 * mid-height (`▄`); missing values are `·`.
 *
 * @example
 * sparkline([1, 2, 3, 4, 5, 6, 7, 8]); // '▁▂▃▄▅▆▇█'
 * sparkline([1350, 1390, 1417, 1448, 1475, 1373, 1339, 1245]);
 * // min 1,245, max 1,475, range 230: 7 × 105 / 230 = 3.2 → ▄, then 4.4 → ▅, 5.2 → ▆, 6.2 → ▇,
 * // 7 → █, 3.9 → ▅, 2.9 → ▄, 0 → ▁: '▄▅▆▇█▅▄▁'
 * sparkline([5, null, 5]); // '▄·▄'
 */
export function sparkline(values: readonly (number | null)[], options: SparklineOptions = {}): string {
  if (!Array.isArray(values)) fail('INVALID_OPTION', 'sparkline', 'values', 'values to be an array', values);
  const missing = options.missing ?? SPARK_MISSING;
  const present = values.filter(isValue);
  if (present.length === 0) return values.map(() => missing).join('');
  const [min, max] = options.domain ?? [Math.min(...present), Math.max(...present)];
  if (!Number.isFinite(min) || !Number.isFinite(max) || min > max) {
    fail('OUT_OF_RANGE', 'sparkline', 'domain', 'domain to be two finite numbers, lowest first', options.domain, `[${min}, ${max}]`);
  }
  const top = SPARK_BLOCKS.length - 1;
  return values
    .map((v) => {
      if (!isValue(v)) return missing;
      if (max === min) return SPARK_BLOCKS[Math.floor(top / 2)]!;
      const level = Math.round((top * (Math.min(max, Math.max(min, v)) - min)) / (max - min));
      return SPARK_BLOCKS[level]!;
    })
    .join('');
}

/** The words of a sparkline's `<desc>` when none is given: first, last, lowest and highest values. */
function describe(values: readonly (number | null)[]): string {
  const present = values.filter(isValue);
  if (present.length === 0) return `A sparkline of ${values.length} periods, all missing.`;
  const decimals = present.every(Number.isInteger) ? 0 : 2;
  const f = (v: number) => formatNumber(v, decimals);
  return (
    `A sparkline of ${values.length} periods: first ${f(present[0]!)}, latest ${f(present[present.length - 1]!)}, ` +
    `lowest ${f(Math.min(...present))}, highest ${f(Math.max(...present))}.`
  );
}

/**
 * A word-sized line chart (80 × 16 px plus 2 px padding): no axes, a gap at each missing value,
 * a dot on the latest value.
 */
export function sparklineSpec(input: SparklineInput): TopLevelSpec {
  if (!input || !Array.isArray(input.values)) fail('INVALID_OPTION', 'sparklineSpec', 'values', 'values to be an array', input?.values);
  input.values.forEach((v, i) => {
    if (v !== null && (typeof v !== 'number' || !Number.isFinite(v))) {
      fail('NOT_FINITE', 'sparklineSpec', `values[${i}]`, `values[${i}] to be a finite number or null`, v);
    }
  });
  const title = xmlSafeText(input.title !== undefined ? requireText('sparklineSpec', 'title', input.title) : 'Sparkline');
  const description = xmlSafeText(
    input.description !== undefined ? requireText('sparklineSpec', 'description', input.description) : describe(input.values),
  );
  const rows = input.values.map((value, i) => ({ i, value }));
  const last = [...rows].reverse().find((r) => r.value !== null);
  const n = Math.max(1, input.values.length - 1);
  const x = { field: 'i', type: 'quantitative' as const, scale: { domain: [0, n], nice: false, zero: false }, axis: null };
  const y = { field: 'value', type: 'quantitative' as const, scale: { zero: false, nice: false }, axis: null };
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    description,
    usermeta: { oba: { chart: 'sparkline', title, description } },
    config: { ...chartConfig(), padding: 3 },
    autosize: { type: 'none' },
    width: SIZES.sparklineWidth,
    height: SIZES.sparklineHeight,
    datasets: { values: rows, last: last ? [last] : [] },
    layer: [
      {
        name: 'spark_line',
        data: { name: 'values' },
        mark: { type: 'line', color: COLOURS.blue, strokeWidth: 1.5, invalid: 'break-paths-filter-domains' },
        encoding: { x, y },
      },
      {
        name: 'spark_last',
        data: { name: 'last' },
        mark: { type: 'point', filled: true, color: COLOURS.blue, size: 12, opacity: 1 },
        encoding: { x, y },
      },
    ],
  } as TopLevelSpec;
}
