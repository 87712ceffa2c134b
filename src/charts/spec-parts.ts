/**
 * Spec fragments shared by the chart builders (internal).
 */
import type { TopLevelSpec } from 'vega-lite';
import type { Axis } from 'vega-lite/types_unstable/axis.js';
import type { Scale } from 'vega-lite/types_unstable/scale.js';
import { formatNumber } from '../render/format.js';
import { fail } from './errors.js';
import type { Field } from 'vega-lite/types_unstable/channeldef.js';
import type { UnitSpec } from 'vega-lite/types_unstable/spec/index.js';
import { CHART_TEXT } from './messages.js';
import { AXIS_BREAK_GAP_PATH, AXIS_BREAK_PATH, COLOURS, FONT_SIZES } from './theme.js';
import type { ValueAxisPlan } from './value-axis.js';
import { textWidth, wrapText } from './text-metrics.js';

export const SCHEMA = 'https://vega.github.io/schema/vega-lite/v6.json';

/** A value as the chart writes it: `1,250`, `94.1%`. */
export function chartNumber(value: number, decimals: number, percent: boolean): string {
  // A true minus sign, as on the axis labels (the number locale's).
  return formatNumber(value, decimals).replace(/^-/, '\u2212') + (percent ? '%' : '');
}

/** Decimal places must be a whole number from 0 to 6. */
export function requireDecimals(method: string, value: unknown): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0 || value > 6) {
    fail('OUT_OF_RANGE', method, 'decimals', 'decimals to be a whole number from 0 to 6', value);
  }
  return value;
}

/** The y scale over a planned domain (no nicing or zero of vega's own: the plan has done both). */
export function yScale(plan: ValueAxisPlan): Scale {
  return { domain: [plan.domain[0], plan.domain[1]], nice: false, zero: false };
}

/**
 * The y axis: the unit written horizontally above the axis (easier to read than rotated text),
 * with "(axis starts at …)" when the axis is cut, light horizontal grid lines, the planned ticks
 * labelled at the series' decimal places, and an axis line (which the break mark crosses) only
 * when the axis is cut.
 */
export function yAxis(unitLabel: string, decimals: number, percent: boolean, plan: ValueAxisPlan, width: number): Axis {
  const widest = Math.max(0, ...plan.ticks.map((v) => textWidth(chartNumber(v, decimals, percent), FONT_SIZES.axisLabel)));
  const title = plan.cut ? CHART_TEXT.axisCut(unitLabel, chartNumber(plan.domain[0], decimals, percent)) : unitLabel;
  const lines = wrapText(title, width, FONT_SIZES.axisTitle);
  return {
    title: lines.length === 1 ? lines[0]! : lines,
    titleAngle: 0,
    titleAlign: 'left',
    titleAnchor: 'end',
    titleBaseline: 'bottom',
    titleX: -Math.ceil(widest + 6),
    titleY: -10,
    titleFontSize: FONT_SIZES.axisTitle,
    titleColor: COLOURS.ink,
    titleLineHeight: 14,
    format: `,.${decimals}f`,
    ...(percent ? { labelExpr: "datum.label + '%'" } : {}),
    values: plan.ticks,
    grid: true,
    domain: plan.cut,
    domainColor: COLOURS.inkSoft,
    ticks: false,
    labelPadding: 6,
  };
}

/** Pixel positions on a plot: x from the period position `t`, y from a value. */
export interface PlotMapping {
  x: (t: number) => number;
  y: (value: number) => number;
}

export function plotMapping(xDomain: readonly [number, number], yDomain: readonly [number, number], width: number, height: number): PlotMapping {
  const [x0, x1] = xDomain;
  const [y0, y1] = yDomain;
  return {
    x: (t) => ((t - x0) / (x1 - x0)) * width,
    y: (v) => height - ((v - y0) / (y1 - y0)) * height,
  };
}

/**
 * The break mark at the foot of a cut value axis: a white gap across the axis line with two
 * slanted strokes, drawn in pixels at the plot's bottom-left corner, a little above the x axis.
 */
export function axisBreakLayers(height: number): UnitSpec<Field>[] {
  const at = { x: { value: 0 }, y: { value: height - 9 } };
  return [
    {
      name: 'axis_break_gap',
      data: { values: [{}] },
      mark: { type: 'point', shape: AXIS_BREAK_GAP_PATH, filled: true, color: COLOURS.white, opacity: 1, size: 196, strokeWidth: 0 },
      encoding: at,
    },
    {
      name: 'axis_break',
      data: { values: [{}] },
      mark: { type: 'point', shape: AXIS_BREAK_PATH, filled: false, stroke: COLOURS.ink, strokeWidth: 1.25, opacity: 1, size: 196 },
      encoding: at,
    },
  ];
}

/** How a set of words on the plot is drawn. */
export interface LabelStyle {
  fontSize: number;
  colour: string;
  bold?: boolean;
}

/**
 * A text layer over a white halo, for words placed in pixels (`placement.ts`): each row of the
 * dataset `name` has `x` (left edge), `y` (middle) and `text`.
 */
export function placedTextLayers(name: string, style: LabelStyle): UnitSpec<Field>[] {
  const encoding = {
    x: { field: 'x', type: 'quantitative' as const, scale: null, axis: null },
    y: { field: 'y', type: 'quantitative' as const, scale: null, axis: null },
    text: { field: 'text', type: 'nominal' as const },
  };
  const mark = { type: 'text' as const, align: 'left' as const, baseline: 'middle' as const, fontSize: style.fontSize, ...(style.bold ? { fontWeight: 'bold' as const } : {}) };
  return [
    { name: `${name}_halo`, data: { name }, mark: { ...mark, color: COLOURS.white, stroke: COLOURS.white, strokeWidth: 3, strokeJoin: 'round' }, encoding },
    { name, data: { name }, mark: { ...mark, color: style.colour }, encoding },
  ];
}

/** A whole number of 1 or more (periods in a year). */
export function requirePositiveWhole(method: string, path: string, value: unknown): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 1) fail('OUT_OF_RANGE', method, path, `${path} to be a whole number of 1 or more`, value);
  return value;
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
    title: { text: wrapText(frame.title, frame.width, FONT_SIZES.title, true), lineHeight: 18 },
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
