/**
 * Reading a rendered chart back from its SVG, for tests that check what a reader would see:
 * where every word is (boxes from the project's own text metrics, the same the layout used),
 * which marks were drawn, and what the value axis says.
 *
 * Vega writes every position as `transform="translate(x,y)"` on nested groups, and a text's
 * translate is its baseline (it has already moved the baseline for `baseline: middle` etc.), so
 * a text's box runs from 0.75 em above that point to 0.2 em below it, across its advance width.
 */
import { textWidth } from '../../src/charts/text-metrics.js';
import { childElements, elements, parseXml, textOf, type XmlElement } from './xml.js';

export interface Box {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

export interface PlacedText {
  text: string;
  /** The layer (`key_labels`, `target_label`, `role-axis-label`, `role-title-text`, …). */
  layer: string;
  box: Box;
}

export interface ChartLayout {
  width: number;
  height: number;
  texts: PlacedText[];
  /** Symbol boxes by layer. */
  symbols: { layer: string; box: Box }[];
  /** Mark layers that drew at least one item, by their Vega-Lite layer name (`history_line`, `points_concern`, …). */
  drawn: Set<string>;
  /** The plot area in absolute pixels. */
  plot: Box;
  /** Every vertex of every line and area of the plot, in absolute pixels, by layer. */
  vertices: { layer: string; x: number; y: number }[];
  /** The y axis labels, in order drawn. */
  yLabels: string[];
  xLabels: string[];
}

function translate(element: XmlElement): [number, number] {
  const m = /translate\((-?[\d.e-]+),\s*(-?[\d.e-]+)\)/.exec(element.attributes.transform ?? '');
  return m ? [Number(m[1]), Number(m[2])] : [0, 0];
}

/** The layer an element belongs to: the Vega-Lite name from `<name>_marks`, else the vega role. */
function layerOf(classes: string): string | undefined {
  const named = /(\S+)_marks\b/.exec(classes);
  if (named) return named[1];
  const role = /\brole-(axis-label|axis-title|title-text|axis-grid|axis-tick|axis-domain)\b/.exec(classes);
  return role ? `role-${role[1]}` : undefined;
}

/** Numbers of an SVG path's coordinates, as (x, y) pairs, for paths made of absolute M/L/C/Z commands. */
function pathPoints(d: string): [number, number][] {
  const out: [number, number][] = [];
  for (const m of d.matchAll(/[ML](-?[\d.e-]+),(-?[\d.e-]+)/g)) out.push([Number(m[1]), Number(m[2])]);
  return out;
}

/** The bounding box of a symbol path (vega writes symbols with relative arcs or absolute lines). */
function symbolBox(d: string, x: number, y: number): Box {
  const numbers = [...d.matchAll(/-?\d*\.?\d+(?:e-?\d+)?/g)].map((m) => Math.abs(Number(m[0])));
  const r = Math.max(0, ...numbers.slice(0, 8));
  return { x0: x - r, y0: y - r, x1: x + r, y1: y + r };
}

function textBox(element: XmlElement, x: number, y: number): { text: string; box: Box } {
  const size = parseFloat(element.attributes['font-size'] ?? '11');
  const bold = element.attributes['font-weight'] === 'bold';
  const anchor = element.attributes['text-anchor'] ?? 'start';
  const spans = childElements(element).filter((e) => e.name === 'tspan');
  const lines: { text: string; dy: number }[] = spans.length > 0 ? [] : [{ text: textOf(element), dy: 0 }];
  let dy = 0;
  spans.forEach((span, i) => {
    if (i > 0) dy += parseFloat(span.attributes.dy ?? '0');
    lines.push({ text: textOf(span), dy });
  });
  let box: Box | undefined;
  for (const line of lines) {
    const w = textWidth(line.text, size, bold);
    const left = anchor === 'middle' ? x - w / 2 : anchor === 'end' ? x - w : x;
    const b = { x0: left, y0: y + line.dy - 0.75 * size, x1: left + w, y1: y + line.dy + 0.2 * size };
    box = box ? { x0: Math.min(box.x0, b.x0), y0: Math.min(box.y0, b.y0), x1: Math.max(box.x1, b.x1), y1: Math.max(box.y1, b.y1) } : b;
  }
  return { text: lines.map((l) => l.text).join('\n'), box: box! };
}

/** Read a chart's layout from its SVG. */
export function readChart(svg: string): ChartLayout {
  const root = parseXml(svg);
  const layout: ChartLayout = {
    width: Number(root.attributes.width),
    height: Number(root.attributes.height),
    texts: [],
    symbols: [],
    drawn: new Set(),
    plot: { x0: 0, y0: 0, x1: 0, y1: 0 },
    vertices: [],
    yLabels: [],
    xLabels: [],
  };
  const walk = (element: XmlElement, ox: number, oy: number, layer: string | undefined, scope: string | undefined, markType: string | undefined) => {
    const [tx, ty] = translate(element);
    const x = ox + tx;
    const y = oy + ty;
    const classes = element.attributes.class ?? '';
    const here = layerOf(classes) ?? layer;
    const typeHere = /\bmark-(\w+)\b/.exec(classes)?.[1] ?? markType;
    const scopeHere = /\bplot_group\b/.test(classes) ? 'plot' : /\bkey_group\b/.test(classes) ? 'key' : scope;
    if (element.name === 'path' && classes.includes('background') && scopeHere === 'plot' && layout.plot.x1 === 0) {
      const m = /^M0,0h([\d.]+)v([\d.]+)h/.exec(element.attributes.d ?? '');
      if (m) layout.plot = { x0: x, y0: y, x1: x + Number(m[1]), y1: y + Number(m[2]) };
    }
    if (element.name === 'text') {
      if (element.attributes.stroke === '#FFFFFF') return; // a halo: the same words again, in white
      const { text, box } = textBox(element, x, y);
      layout.texts.push({ text, layer: here ?? 'unknown', box });
      if (here !== undefined && !here.startsWith('role-')) layout.drawn.add(here);
      if (here === 'role-axis-label') (element.attributes['text-anchor'] === 'end' ? layout.yLabels : layout.xLabels).push(text);
      return;
    }
    const isMark = here !== undefined && !here.startsWith('role-');
    if (isMark && ['path', 'line', 'rect'].includes(element.name) && !classes.includes('background') && !classes.includes('foreground')) {
      layout.drawn.add(here);
      const d = element.attributes.d ?? '';
      if (typeHere === 'symbol') layout.symbols.push({ layer: here, box: symbolBox(d, x, y) });
      else if ((typeHere === 'line' || typeHere === 'area') && scopeHere === 'plot') {
        for (const [px, py] of pathPoints(d)) layout.vertices.push({ layer: here, x: x + px, y: y + py });
      }
    }
    for (const child of childElements(element)) walk(child, x, y, here, scopeHere, typeHere);
  };
  walk(root, 0, 0, undefined, undefined, undefined);
  return layout;
}

export function overlap(a: Box, b: Box, slack = 0.5): boolean {
  return a.x0 + slack < b.x1 && b.x0 + slack < a.x1 && a.y0 + slack < b.y1 && b.y0 + slack < a.y1;
}

/** Words placed on the plot by the chart (not axis labels, key or title). */
export const PLOT_WORDS = ['target_label', 'code_labels', 'baseline_label', 'missing_labels'];

/** ISO dates, months, weeks and quarters as a reader should never see them on a chart. */
export const ISO_LABEL = /\b\d{4}-(?:\d{2}(?:-\d{2})?|W\d{2}|Q[1-4])\b/;

/**
 * Everything that makes a chart hard to read, as a list of problems (empty when none):
 * words outside the picture, words over words, plot words over points, ISO dates, value axis
 * ticks outside the unit's range, lines or bands outside the plot, and key entries for marks
 * that were not drawn.
 */
export function readabilityProblems(svg: string, options: { percent?: boolean } = {}): string[] {
  const chart = readChart(svg);
  const problems: string[] = [];
  const show = (t: PlacedText) => `"${t.text.replace(/\n/g, ' / ')}" (${t.layer})`;
  for (const t of chart.texts) {
    if (t.box.x0 < -0.5 || t.box.y0 < -0.5 || t.box.x1 > chart.width + 0.5 || t.box.y1 > chart.height + 0.5) {
      problems.push(`${show(t)} runs outside the ${chart.width}×${chart.height} picture`);
    }
    if (ISO_LABEL.test(t.text)) problems.push(`${show(t)} has an ISO date`);
  }
  for (let i = 0; i < chart.texts.length; i++) {
    for (let j = i + 1; j < chart.texts.length; j++) {
      const a = chart.texts[i]!;
      const b = chart.texts[j]!;
      if (overlap(a.box, b.box)) problems.push(`${show(a)} overlaps ${show(b)}`);
    }
  }
  for (const t of chart.texts.filter((x) => PLOT_WORDS.includes(x.layer))) {
    for (const s of chart.symbols.filter((x) => !x.layer.startsWith('key_') && !x.layer.startsWith('axis_break'))) {
      if (overlap(t.box, s.box, 1)) problems.push(`${show(t)} covers a ${s.layer} symbol`);
    }
  }
  const percent = options.percent ?? chart.yLabels.some((l) => l.endsWith('%'));
  // A chart of differences from expected (its axis title says "above or below") may go below zero.
  const differences = chart.texts.some((t) => t.layer === 'role-axis-title' && / above or below /.test(t.text));
  for (const label of chart.yLabels) {
    const value = Number(label.replace(/[,%]/g, '').replace('\u2212', '-'));
    if (!Number.isFinite(value) || (!differences && value < 0) || (percent && value > 100)) problems.push(`value axis tick ${label} is outside the unit's range`);
  }
  for (const v of chart.vertices) {
    if (v.y < chart.plot.y0 - 0.5 || v.y > chart.plot.y1 + 0.5) problems.push(`${v.layer} runs outside the plot (y ${v.y.toFixed(1)})`);
  }
  for (const entry of chart.texts.filter((t) => t.layer === 'key_labels')) {
    const missing = keyEntryMarkMissing(entry.text, chart);
    if (missing) problems.push(`key entry "${entry.text}" has no ${missing} drawn`);
  }
  return problems;
}

/** The mark a key entry names, when it was not drawn (else undefined). Wrapped entries are read by their first line. */
function keyEntryMarkMissing(label: string, chart: ChartLayout): string | undefined {
  const any = (...layers: (string | RegExp)[]) => [...chart.drawn].some((d) => layers.some((l) => (typeof l === 'string' ? d === l : l.test(d))));
  const rules: [RegExp, () => boolean, string][] = [
    [/^actual$/, () => any('history_line', 'history_points'), 'actual line'],
    [/illustrative, not a published figure/, () => any('history_dashed', 'history_illustrative', 'process_dashed', /^comparator_\d_(dashed|diamonds)$/), 'illustrative mark'],
    [/^break in series$/, () => any('break_marks'), 'break mark'],
    [/^gap/, () => any('missing_labels') || gapInLine(chart), 'gap'],
    [/^forecast/, () => any('forecast_band', 'forecast_line'), 'forecast'],
    [/^trajectory/, () => any('trajectory_line'), 'trajectory'],
    // "target …", or whose it is: "example target …", "target (CYPP 2011-15) …".
    [/^(example )?target\b/, () => any('target_point'), 'target star'],
    [/^baseline frozen/, () => any('baseline_rule'), 'baseline rule'],
    [/^\[\w+\]/, () => any('history_flagged', 'code_labels'), 'flagged point'],
    [/^common cause/, () => any('points_common'), 'common-cause point'],
    [/^special cause: improvement/, () => any('points_improvement'), 'improvement point'],
    [/^special cause: concern/, () => any('points_concern'), 'concern point'],
    [/^special cause: neither/, () => any('points_neutral'), 'neutral point'],
    [/^mean/, () => any('mean_rule'), 'mean'],
    [/^process limits/, () => any('limits_rule'), 'limits'],
  ];
  for (const [pattern, drawn, what] of rules) if (pattern.test(label)) return drawn() ? undefined : what;
  // Anything else names a comparator: some comparator line must be drawn.
  return any(/^comparator_\d_(line|dashed|points|diamonds)$/) ? undefined : 'comparator line';
}

/** Whether a period is missing between two drawn values: some step between drawn x positions is wider than the narrowest. */
function gapInLine(chart: ChartLayout): boolean {
  const xs = [...new Set(chart.vertices.filter((v) => v.layer === 'history_line' || v.layer === 'history_dashed').map((v) => Math.round(v.x * 10) / 10))]
    .concat(chart.symbols.filter((s) => /^history_(points|flagged|illustrative)$/.test(s.layer)).map((s) => Math.round(((s.box.x0 + s.box.x1) / 2) * 10) / 10))
    .sort((a, b) => a - b);
  const steps = xs.slice(1).map((x, i) => x - xs[i]!).filter((d) => d > 0.5);
  if (steps.length === 0) return false;
  const narrowest = Math.min(...steps);
  return steps.some((d) => d > narrowest * 1.5);
}

export { elements };
