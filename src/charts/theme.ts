/**
 * The look of every `oba` chart in one place: palette, line styles, symbols, fonts and the
 * Vega-Lite `config` written into each spec.
 *
 * Colours are the Okabe–Ito palette (Okabe & Ito 2008, "Color Universal Design"), which stays
 * distinguishable with the common colour-vision deficiencies. Colour is never the only cue: every
 * layer also has its own dash pattern, symbol or fill, and the key names it in words.
 */
import type { Config } from 'vega-lite';

export const COLOURS = {
  /** Actual values. */
  blue: '#0072B2',
  /** Forecast if nothing changes, and its interval. */
  orange: '#E69F00',
  /** Trajectory and target. */
  green: '#009E73',
  /** Comparators, common-cause SPC points. */
  grey: '#999999',
  /** SPC special cause of concern. */
  vermillion: '#D55E00',
  sky: '#56B4E9',
  /** SPC special cause with no direction of good. */
  purple: '#CC79A7',
  /** Text, rules, SPC mean. */
  ink: '#222222',
  inkSoft: '#555555',
  grid: '#E6E6E6',
  white: '#FFFFFF',
} as const;

/**
 * Stroke dash patterns, in pixels (dash, gap, ...). An empty array is a solid line.
 * Copy before putting one in a spec (`[...DASHES.forecast]`), so specs never share arrays.
 */
export const DASHES: {
  readonly solid: readonly number[];
  readonly forecast: readonly number[];
  readonly trajectory: readonly number[];
  readonly baseline: readonly number[];
  readonly limits: readonly number[];
  /** Lines into and out of an illustrative value. */
  readonly illustrative: readonly number[];
  /** Comparators in order: solid, dotted, long dash, dash-dot-dot. */
  readonly comparators: readonly (readonly number[])[];
} = {
  solid: [],
  forecast: [7, 4],
  trajectory: [10, 3, 2, 3],
  baseline: [2, 2],
  limits: [5, 3],
  illustrative: [4, 3],
  comparators: [[], [2, 3], [12, 4], [6, 2, 2, 2, 2, 2]],
};

/** Comparator line colours in order: greys dark enough to read, never the actual-value blue. */
export const COMPARATOR_COLOURS = ['#7F7F7F', '#999999', '#6B6B6B', '#A6A6A6'] as const;

/** A five-pointed star in the unit square, as a Vega symbol path (outer radius 1, inner 0.45). */
export const STAR_PATH = (() => {
  const parts: string[] = [];
  for (let i = 0; i < 10; i++) {
    const r = i % 2 === 0 ? 1 : 0.45;
    const angle = -Math.PI / 2 + (i * Math.PI) / 5;
    const x = (r * Math.cos(angle)).toFixed(3);
    const y = (r * Math.sin(angle)).toFixed(3);
    parts.push(`${i === 0 ? 'M' : 'L'}${x},${y}`);
  }
  return parts.join('') + 'Z';
})();

/** A break in series: two short parallel slashes, drawn as a stroked symbol (⫽). */
export const BREAK_PATH = 'M-0.75,0.9L-0.15,-0.9M0.15,0.9L0.75,-0.9';

/** The break mark on a cut value axis: two slanted strokes across the axis line, over a white gap. */
export const AXIS_BREAK_PATH = 'M-1,0.05L1,-0.45M-1,0.45L1,-0.05';
export const AXIS_BREAK_GAP_PATH = 'M-1,0.05L1,-0.45L1,-0.05L-1,0.45Z';

export const SHAPES = {
  actual: 'circle',
  /** A value carrying a status flag (provisional, revised, ...): an open square. */
  flagged: 'square',
  /** An illustrative value, not a published figure: a hollow diamond (◇). */
  illustrative: 'diamond',
  breakInSeries: BREAK_PATH,
  target: STAR_PATH,
  spcCommon: 'circle',
  spcImprovement: 'square',
  spcConcern: 'triangle-up',
  spcNeutral: 'diamond',
} as const;

export const FONT = 'Helvetica, Arial, sans-serif';

export const FONT_SIZES = {
  title: 15,
  axisLabel: 11,
  axisTitle: 11,
  key: 11,
  annotation: 10,
  footnote: 10,
} as const;

/** Plot area sizes in pixels (the axes, title and key are outside these). */
export const SIZES = {
  plotWidth: 560,
  plotHeight: 260,
  spcHeight: 240,
  /** Rows of the key, and the line sample drawn in each. */
  keyRow: 18,
  /** Each further line of a key entry whose words wrap. */
  keyLine: 14,
  keySample: 34,
  keyGap: 8,
  keyColumnGap: 24,
  footnoteRow: 14,
  sparklineWidth: 80,
  sparklineHeight: 16,
} as const;

/**
 * The number formatting locale written into every spec, so axis labels do not depend on a
 * global default that another library might have changed: en-GB digits, comma thousands,
 * and a true minus sign (U+2212) as in `src/render/format.ts`.
 */
export const NUMBER_LOCALE = {
  decimal: '.',
  thousands: ',',
  grouping: [3],
  currency: ['£', ''],
  minus: '\u2212',
} as const;

/** The Vega-Lite config every `oba` chart uses. */
export function chartConfig(): Config {
  return {
    font: FONT,
    background: COLOURS.white,
    padding: 12,
    // The SVG root gets role="img" with <title> and <desc> (see render.ts); marks need no ARIA of their own.
    aria: false,
    locale: { number: { ...NUMBER_LOCALE, grouping: [...NUMBER_LOCALE.grouping], currency: [...NUMBER_LOCALE.currency] } },
    view: { stroke: null },
    title: {
      font: FONT,
      fontSize: FONT_SIZES.title,
      fontWeight: 'bold',
      color: COLOURS.ink,
      anchor: 'start',
      frame: 'bounds',
      offset: 14,
    },
    axis: {
      labelFont: FONT,
      titleFont: FONT,
      labelFontSize: FONT_SIZES.axisLabel,
      titleFontSize: FONT_SIZES.axisTitle,
      titleFontWeight: 'normal',
      labelColor: COLOURS.ink,
      titleColor: COLOURS.ink,
      domainColor: '#888888',
      tickColor: '#888888',
      gridColor: COLOURS.grid,
    },
    text: { font: FONT },
    concat: { spacing: 16 },
  } as Config;
}
