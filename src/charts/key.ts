/**
 * The key (legend) under a chart, drawn as its own small Vega-Lite view.
 *
 * Vega-Lite's own legends draw one symbol per entry; a baseline chart needs entries such as
 * "a dashed orange line over a light band" or "a blue line with circles", so the key is drawn
 * from marks: each entry is a 34px sample built from glyphs, then its words. Positions are
 * worked out here in pixels (the key's encodings use `scale: null`), in reading order, in as many
 * columns as the longest entry allows. Footnotes follow, wrapped to the key's width.
 */
import type { LayerSpec, UnitSpec } from 'vega-lite/types_unstable/spec/index.js';
import type { Field } from 'vega-lite/types_unstable/channeldef.js';
import { COLOURS, FONT, FONT_SIZES, SIZES } from './theme.js';
import { textWidth, wrapText } from './text-metrics.js';

/** One part of an entry's sample, drawn in a box `SIZES.keySample` wide and one row high. */
export type Glyph =
  | { kind: 'line'; stroke: string; dash: number[]; width: number }
  /** Two short segments with a gap between them (and a dot at each side when `dots`): a line with a missing value. */
  | { kind: 'gap-line'; stroke: string; width: number; dots: boolean }
  /** A short vertical rule: a marker of a period. */
  | { kind: 'vrule'; stroke: string; dash: number[]; width: number }
  /** A filled band across the sample, `height` pixels tall. */
  | { kind: 'band'; fill: string; opacity: number; height: number }
  | { kind: 'symbol'; shape: string; fill: string; stroke: string; size: number; strokeWidth: number }
  /** A few characters, centred. */
  | { kind: 'letter'; text: string; colour: string };

export interface KeyEntry {
  /** The entry's words. */
  label: string;
  glyphs: Glyph[];
}

export interface KeyLayout {
  columns: number;
  rows: number;
  /** Left edge of each column, in pixels. */
  columnX: number[];
  /** Each entry's sample position (left edge, middle of its first line) and its words, one string a line. */
  placed: { x: number; y: number; lines: string[] }[];
  /** Where the footnotes start, in pixels from the top of the key. */
  notesTop: number;
  /** Height of the key view in pixels. */
  height: number;
}

/**
 * How the entries and footnotes fit in `width` pixels: the most columns (up to three) whose
 * widest entries, side by side, fit on one line each. When even one column is too narrow, an
 * entry's words wrap onto more lines (never cut), and its row grows.
 * Entries run left to right, then top to bottom.
 */
export function layoutKey(entries: readonly KeyEntry[], footnoteLines: number, width: number): KeyLayout {
  const entryWidth = entries.map((e) => SIZES.keySample + SIZES.keyGap + textWidth(e.label, FONT_SIZES.key));
  let columns = Math.max(1, Math.min(3, entries.length));
  let columnX = [0];
  for (; columns >= 1; columns--) {
    const widths = Array.from({ length: columns }, (_, j) => Math.max(0, ...entryWidth.filter((_, i) => i % columns === j)));
    columnX = widths.map((_, j) => widths.slice(0, j).reduce((sum, w) => sum + w + SIZES.keyColumnGap, 0));
    const total = widths.reduce((sum, w) => sum + w, 0) + (columns - 1) * SIZES.keyColumnGap;
    if (columns === 1 || total <= width) break;
  }
  columns = Math.max(1, columns);
  const textRoom = width - SIZES.keySample - SIZES.keyGap;
  const lines = entries.map((e) => (columns === 1 ? wrapText(e.label, textRoom, FONT_SIZES.key) : [e.label]));
  const rows = Math.ceil(entries.length / columns);
  const placed: KeyLayout['placed'] = [];
  let top = 0;
  for (let row = 0; row < rows; row++) {
    const these = lines.slice(row * columns, row * columns + columns);
    const tallest = Math.max(1, ...these.map((l) => l.length));
    these.forEach((l, j) => placed.push({ x: columnX[j]!, y: top + SIZES.keyRow / 2, lines: l }));
    top += SIZES.keyRow + (tallest - 1) * SIZES.keyLine;
  }
  const notesTop = top + 6;
  const footnotes = footnoteLines > 0 ? 6 + footnoteLines * SIZES.footnoteRow : 0;
  return { columns, rows, columnX, placed, notesTop, height: top + footnotes };
}

const pixel = (field: string) => ({ field, type: 'quantitative' as const, scale: null, axis: null });
const literal = (field: string, type: 'nominal' | 'quantitative' = 'nominal') => ({ field, type, scale: null, legend: null });

/**
 * The key as a Vega-Lite layer spec `width` pixels wide, with `footnotes` under the entries.
 * Entries are placed left to right, then top to bottom.
 */
export function keySpec(entries: readonly KeyEntry[], footnotes: readonly string[], width: number): LayerSpec<Field> {
  const noteLines = footnotes.flatMap((note) => wrapText(note, width, FONT_SIZES.footnote));
  const layout = layoutKey(entries, noteLines.length, width);
  const rules: Record<string, unknown>[] = [];
  const bands: Record<string, unknown>[] = [];
  const symbols: Record<string, unknown>[] = [];
  const letters: Record<string, unknown>[] = [];
  const labels: Record<string, unknown>[] = [];
  const s = SIZES.keySample;
  entries.forEach((entry, i) => {
    const { x, y, lines } = layout.placed[i]!;
    for (const g of entry.glyphs) {
      switch (g.kind) {
        case 'line':
          rules.push({ x, x2: x + s, y, y2: y, stroke: g.stroke, dash: g.dash, width: g.width });
          break;
        case 'gap-line':
          rules.push({ x, x2: x + s * 0.3, y, y2: y, stroke: g.stroke, dash: [], width: g.width });
          rules.push({ x: x + s * 0.7, x2: x + s, y, y2: y, stroke: g.stroke, dash: [], width: g.width });
          if (g.dots) {
            for (const at of [0.3, 0.7]) {
              symbols.push({ x: x + s * at, y, shape: 'circle', fill: g.stroke, stroke: COLOURS.white, size: 36, strokeWidth: 1 });
            }
          }
          break;
        case 'vrule':
          rules.push({ x: x + s / 2, x2: x + s / 2, y: y - 7, y2: y + 7, stroke: g.stroke, dash: g.dash, width: g.width });
          break;
        case 'band':
          bands.push({ x, x2: x + s, y: y - g.height / 2, y2: y + g.height / 2, fill: g.fill, opacity: g.opacity });
          break;
        case 'symbol':
          symbols.push({ x: x + s / 2, y, shape: g.shape, fill: g.fill, stroke: g.stroke, size: g.size, strokeWidth: g.strokeWidth });
          break;
        case 'letter':
          letters.push({ x: x + s / 2, y, text: g.text, colour: g.colour });
          break;
      }
    }
    lines.forEach((text, k) => labels.push({ x: x + s + SIZES.keyGap, y: y + k * SIZES.keyLine, text }));
  });
  const notes = noteLines.map((text, i) => ({ x: 0, y: layout.notesTop + i * SIZES.footnoteRow + SIZES.footnoteRow / 2, text }));

  // Every layer, even one with no rows: keys of one chart kind then share a chart shape
  // (`chart-shape.ts`), and the SVG leaves out a layer with nothing in it.
  const layer: UnitSpec<Field>[] = [];
  layer.push({
    name: 'key_bands',
    data: { values: bands },
    mark: { type: 'rect' },
    encoding: { x: pixel('x'), x2: { field: 'x2' }, y: pixel('y'), y2: { field: 'y2' }, fill: literal('fill'), opacity: literal('opacity', 'quantitative') },
  });
  layer.push({
    name: 'key_rules',
    data: { values: rules },
    mark: { type: 'rule', strokeCap: 'butt' },
    encoding: {
      x: pixel('x'),
      x2: { field: 'x2' },
      y: pixel('y'),
      y2: { field: 'y2' },
      stroke: literal('stroke'),
      strokeDash: literal('dash'),
      strokeWidth: literal('width', 'quantitative'),
    },
  });
  layer.push({
    name: 'key_symbols',
    data: { values: symbols },
    mark: { type: 'point', opacity: 1 },
    encoding: {
      x: pixel('x'),
      y: pixel('y'),
      shape: literal('shape'),
      fill: literal('fill'),
      stroke: literal('stroke'),
      size: literal('size', 'quantitative'),
      strokeWidth: literal('strokeWidth', 'quantitative'),
    },
  });
  layer.push({
    name: 'key_letters',
    data: { values: letters },
    mark: { type: 'text', font: FONT, fontSize: FONT_SIZES.annotation, align: 'center', baseline: 'middle' },
    encoding: { x: pixel('x'), y: pixel('y'), text: { field: 'text', type: 'nominal' }, fill: literal('colour') },
  });
  layer.push({
    name: 'key_labels',
    data: { values: labels },
    mark: { type: 'text', font: FONT, fontSize: FONT_SIZES.key, align: 'left', baseline: 'middle', fill: COLOURS.ink },
    encoding: { x: pixel('x'), y: pixel('y'), text: { field: 'text', type: 'nominal' } },
  });
  layer.push({
    name: 'key_footnotes',
    data: { values: notes },
    mark: { type: 'text', font: FONT, fontSize: FONT_SIZES.footnote, align: 'left', baseline: 'middle', fill: COLOURS.inkSoft },
    encoding: { x: pixel('x'), y: pixel('y'), text: { field: 'text', type: 'nominal' } },
  });
  return { width, height: layout.height, layer };
}
