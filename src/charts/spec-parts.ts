/**
 * Spec fragments shared by the chart builders (internal).
 */
import type { TopLevelSpec } from 'vega-lite';
import type { Axis } from 'vega-lite/types_unstable/axis.js';
import type { Scale } from 'vega-lite/types_unstable/scale.js';
import { formatNumber } from '../render/format.js';
import { fail } from './errors.js';
import { COLOURS, FONT_SIZES } from './theme.js';
import { textWidth, wrapText } from './text-metrics.js';

export const SCHEMA = 'https://vega.github.io/schema/vega-lite/v6.json';

/** A value as the chart writes it: `1,250`, `94.1%`. */
export function chartNumber(value: number, decimals: number, percent: boolean): string {
  return formatNumber(value, decimals) + (percent ? '%' : '');
}

/** Decimal places must be a whole number from 0 to 6. */
export function requireDecimals(method: string, value: unknown): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0 || value > 6) {
    fail('OUT_OF_RANGE', method, 'decimals', 'decimals to be a whole number from 0 to 6', value);
  }
  return value;
}

/** The y scale: fitted to the data (not forced to include zero) unless a domain is given. */
export function yScale(domain: [number, number] | undefined): Scale {
  return domain ? { domain: [domain[0], domain[1]], nice: false, zero: false } : { zero: false, nice: true };
}

/**
 * The y axis: the unit written horizontally above the axis (easier to read than rotated text),
 * light horizontal grid lines, labels at the series' decimal places.
 * `extremes` are the largest and smallest values drawn, used to line the unit up with the labels.
 */
export function yAxis(unitLabel: string, decimals: number, percent: boolean, extremes: number[]): Axis {
  const widest = Math.max(0, ...extremes.map((v) => textWidth(chartNumber(v, decimals, percent), FONT_SIZES.axisLabel)));
  return {
    title: unitLabel,
    titleAngle: 0,
    titleAlign: 'left',
    titleAnchor: 'end',
    titleBaseline: 'bottom',
    titleX: -Math.ceil(widest + 6),
    titleY: -10,
    titleFontSize: FONT_SIZES.axisTitle,
    titleColor: COLOURS.ink,
    format: `,.${decimals}f`,
    ...(percent ? { labelExpr: "datum.label + '%'" } : {}),
    tickCount: 6,
    tickMinStep: 10 ** -decimals,
    grid: true,
    domain: false,
    ticks: false,
    labelPadding: 6,
  };
}

/** Check a series' `t` strictly increases. */
export function requireIncreasing(method: string, path: string, ts: readonly number[]): void {
  for (let i = 1; i < ts.length; i++) {
    if (!(ts[i]! > ts[i - 1]!)) {
      fail('NOT_SORTED', method, `${path}[${i}].t`, `${path} in period order with no repeats (t increasing)`, ts[i], `t = ${ts[i]} after t = ${ts[i - 1]}`);
    }
  }
}

/** What every oba chart is made of: a wrapped title, the plot, and a key in words below it. */
export interface ChartFrame {
  kind: 'baseline' | 'spc';
  title: string;
  description: string;
  width: number;
  config: object;
  datasets: Record<string, unknown[]>;
  /** The plot: its layers, height and shared encoding. */
  plot: object;
  /** The key, from `keySpec`. */
  key: object;
}

/** Assembles a chart from its parts, in the layout every oba chart shares. */
export function chartFrame(frame: ChartFrame): TopLevelSpec {
  return {
    $schema: SCHEMA,
    title: { text: wrapText(frame.title, frame.width + 60, FONT_SIZES.title, true) },
    description: frame.description,
    usermeta: { oba: { chart: frame.kind, title: frame.title, description: frame.description } },
    config: frame.config,
    datasets: frame.datasets,
    vconcat: [
      { name: 'plot', width: frame.width, ...frame.plot },
      { name: 'key', ...frame.key },
    ],
  } as unknown as TopLevelSpec;
}
