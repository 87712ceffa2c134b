/**
 * The OBA baseline chart: where the indicator has been, where it was heading when the baseline
 * was frozen (the forecast if nothing changes, with its prediction interval), where the plan
 * wants it to go (trajectory and target), and comparators, over evenly spaced periods.
 *
 * Pure: input in, Vega-Lite spec out. The spec is a vertical concatenation of the plot and its
 * key (see `key.ts`); every dataset is inline under `datasets`, named after its layer.
 *
 * Layers, bottom to top: forecast interval band; comparators (solid runs, then dashed runs into
 * and out of illustrative values, then their hollow diamonds); baseline rule; trajectory; forecast
 * line; target star (under the actual values, so a value on target shows on top of it); actual
 * line (solid runs, dashed runs); actual points (filled circles; open squares for flagged values;
 * hollow diamonds for illustrative ones); break marks; the cut-axis mark; then the words, each
 * over a white halo and placed clear of every point and of each other (`placement.ts`): the
 * baseline's label, the flagged points' codes, the codes of missing values, the target's label.
 *
 * The value axis is planned in `value-axis.ts` (from zero unless that flattens the data, never
 * outside the unit's range), so every value's pixel position is known here.
 *
 * Missing values and breaks in series are gaps: each line layer draws one path per run of
 * joined values (`series.ts`), so nothing is drawn across a gap or a break.
 */
import type { TopLevelSpec } from 'vega-lite';
import type { Field } from 'vega-lite/types_unstable/channeldef.js';
import type { UnitSpec } from 'vega-lite/types_unstable/spec/index.js';
import { fail, requireFinite, requirePeriod, requireText, requireValueOrNull } from './errors.js';
import { keySpec, type Glyph, type KeyEntry } from './key.js';
import { CHART_TEXT } from './messages.js';
import { PeriodLabels, periodAxis } from './period-axis.js';
import { boxAround, offsetsAround, placeLabels, round, type Box, type LabelRequest, type Obstacles } from './placement.js';
import { breakMarks, codes, fillGaps, hasInnerGap, isolated, lineRuns, missingRuns, type SeriesRow } from './series.js';
import {
  axisBreakLayers,
  chartFrame,
  chartNumber,
  placedTextLayers,
  plotMapping,
  requireDecimals,
  requireIncreasing,
  requirePositiveWhole,
  yAxis,
  yScale,
} from './spec-parts.js';
import { xmlSafeText } from './svg.js';
import { textWidth } from './text-metrics.js';
import { COLOURS, COMPARATOR_COLOURS, DASHES, FONT_SIZES, SHAPES, SIZES, chartConfig } from './theme.js';
import type { BaselineChartInput, ChartPoint } from './types.js';
import { clampToBounds, planValueAxis, tickStep, unitBounds, type ValueAxisPlan, type ValueBounds } from './value-axis.js';

const METHOD = 'baselineChartSpec';

/** Above this many actual values the line is drawn without a dot at every period. */
export const MAX_POINTS_WITH_DOTS = 60;

/** Area of the target star, in square pixels (big enough to draw around a point on target). */
const TARGET_SIZE = 420;
/** The star's fill in the key: the green at 30% on white (the key's symbols have no opacity of their own). */
const TARGET_KEY_FILL = '#B2E2D5';
/** Symbol areas, in square pixels. */
const POINT_SIZE = 36;
const FLAGGED_SIZE = 64;
const ILLUSTRATIVE_SIZE = 72;
const COMPARATOR_ILLUSTRATIVE_SIZE = 40;
const BREAK_SIZE = 110;
/**
 * Comparators every baseline chart has layers for, empty when it has fewer: a cluster's charts
 * compare with Leeds and England, the city's with none, and all then share a chart shape.
 */
const COMPARATOR_LAYERS = 2;

interface Checked {
  input: BaselineChartInput;
  bounds: ValueBounds;
  periods: PeriodLabels;
  history: SeriesRow[];
  forecast: { t: number; label: string; value: number; lower: number; upper: number }[];
  trajectory: { t: number; label: string; value: number }[];
  comparators: { name: string; rows: SeriesRow[] }[];
  footnotes: string[];
}

function checkPoints(points: unknown, path: string, periods: PeriodLabels, bounds: ValueBounds): SeriesRow[] {
  if (!Array.isArray(points)) fail('INVALID_OPTION', METHOD, path, `${path} to be an array`, points);
  const rows = (points as ChartPoint[]).map((p, i): SeriesRow => {
    const at = `${path}[${i}]`;
    const t = requirePeriod(METHOD, `${at}.t`, p.t);
    const label = xmlSafeText(requireText(METHOD, `${at}.label`, p.label));
    periods.add(t, label, `${at}.label`);
    const value = requireValueOrNull(METHOD, `${at}.value`, p.value);
    if (value !== null && clampToBounds(value, bounds) !== value) {
      const range = bounds.ceiling !== undefined ? `from ${bounds.floor} to ${bounds.ceiling}` : `${bounds.floor} or more`;
      fail('OUT_OF_RANGE', METHOD, `${at}.value`, `${at}.value ${range} (the unit's range)`, value);
    }
    if (p.illustrative !== undefined && typeof p.illustrative !== 'boolean') {
      fail('INVALID_OPTION', METHOD, `${at}.illustrative`, `${at}.illustrative to be true or false`, p.illustrative);
    }
    const given = p.marker !== undefined && p.marker !== '' ? codes(xmlSafeText(requireText(METHOD, `${at}.marker`, p.marker))) : [];
    const breakBefore = value !== null && given.includes('b');
    const kept = value !== null ? given.filter((c) => c !== 'b') : given;
    const row: SeriesRow = { t, label, value, illustrative: value !== null && p.illustrative === true, breakBefore };
    if (kept.length > 0) row.marker = kept.join(',');
    return row;
  });
  requireIncreasing(METHOD, path, rows.map((r) => r.t));
  return rows;
}

function check(input: BaselineChartInput): Checked {
  const periods = new PeriodLabels(METHOD);
  requireText(METHOD, 'title', input.title);
  requireText(METHOD, 'description', input.description);
  requireText(METHOD, 'unitLabel', input.unitLabel);
  if (typeof input.percent !== 'boolean') fail('INVALID_OPTION', METHOD, 'percent', 'percent to be true or false', input.percent);
  requireDecimals(METHOD, input.decimals);
  const level = requireFinite(METHOD, 'interval', input.interval);
  if (!(level > 0 && level < 1)) fail('OUT_OF_RANGE', METHOD, 'interval', 'interval between 0 and 1 (0.95, not 95)', level);
  const bounds = unitBounds(input.percent, input.negativeAllowed === true);
  const clamp = (v: number) => clampToBounds(v, bounds);

  const history = checkPoints(input.history, 'history', periods, bounds);
  if (history.length === 0) fail('INVALID_OPTION', METHOD, 'history', 'history to have at least one period', input.history);

  const baseT = requirePeriod(METHOD, 'baselineAt.t', input.baselineAt?.t);
  periods.add(baseT, xmlSafeText(requireText(METHOD, 'baselineAt.label', input.baselineAt.label)), 'baselineAt.label');

  if (!Array.isArray(input.forecast)) fail('INVALID_OPTION', METHOD, 'forecast', 'forecast to be an array', input.forecast);
  const forecast = input.forecast.map((f, i) => {
    const at = `forecast[${i}]`;
    const t = requirePeriod(METHOD, `${at}.t`, f.t);
    const label = xmlSafeText(requireText(METHOD, `${at}.label`, f.label));
    periods.add(t, label, `${at}.label`);
    const value = requireFinite(METHOD, `${at}.value`, f.value);
    const lower = requireFinite(METHOD, `${at}.lower`, f.lower);
    const upper = requireFinite(METHOD, `${at}.upper`, f.upper);
    if (!(lower <= value && value <= upper)) {
      fail('OUT_OF_RANGE', METHOD, at, `${at} to have lower ≤ value ≤ upper`, f, `${lower}, ${value}, ${upper}`);
    }
    if (t < baseT) fail('OUT_OF_RANGE', METHOD, `${at}.t`, `${at}.t ≥ baselineAt.t (${baseT})`, t);
    // A model's output is drawn inside the unit's range, whatever the model.
    return { t, label, value: clamp(value), lower: clamp(lower), upper: clamp(upper) };
  });
  requireIncreasing(METHOD, 'forecast', forecast.map((f) => f.t));

  const trajectory = (input.trajectory ?? []).map((p, i) => {
    const at = `trajectory[${i}]`;
    const t = requirePeriod(METHOD, `${at}.t`, p.t);
    const label = xmlSafeText(requireText(METHOD, `${at}.label`, p.label));
    periods.add(t, label, `${at}.label`);
    return { t, label, value: clamp(requireFinite(METHOD, `${at}.value`, p.value)) };
  });
  requireIncreasing(METHOD, 'trajectory', trajectory.map((p) => p.t));

  if (input.target) {
    const t = requirePeriod(METHOD, 'target.t', input.target.t);
    periods.add(t, xmlSafeText(requireText(METHOD, 'target.label', input.target.label)), 'target.label');
    requireFinite(METHOD, 'target.value', input.target.value);
  }

  const given = input.comparators ?? [];
  if (given.length > DASHES.comparators.length) {
    fail('INVALID_OPTION', METHOD, 'comparators', `at most ${DASHES.comparators.length} comparators`, given, String(given.length));
  }
  const comparators = given.map((c, i) => ({
    name: xmlSafeText(requireText(METHOD, `comparators[${i}].name`, c.name)),
    rows: checkPoints(c.points, `comparators[${i}].points`, periods, bounds),
  }));

  if (input.yDomain !== undefined) {
    const [lo, hi] = input.yDomain;
    requireFinite(METHOD, 'yDomain[0]', lo);
    requireFinite(METHOD, 'yDomain[1]', hi);
    if (!(lo < hi)) fail('OUT_OF_RANGE', METHOD, 'yDomain', 'yDomain[0] < yDomain[1]', input.yDomain, `[${lo}, ${hi}]`);
  }
  if (input.periodsPerYear !== undefined) requirePositiveWhole(METHOD, 'periodsPerYear', input.periodsPerYear);

  const footnotes = (input.footnotes ?? []).map((note, i) => xmlSafeText(requireText(METHOD, `footnotes[${i}]`, note)));
  const label = (t: number) => periods.label(t);
  return {
    input,
    bounds,
    periods,
    history: fillGaps(history, label),
    forecast,
    trajectory,
    // A comparator with no value at all would be a key entry with nothing drawn: left out.
    comparators: comparators.filter((c) => c.rows.some((r) => r.value !== null)).map((c) => ({ name: c.name, rows: fillGaps(c.rows, label) })),
    footnotes,
  };
}

/** A value axis over a fixed domain: ticks at a natural step inside it. */
function fixedAxis(domain: [number, number], bounds: ValueBounds, decimals: number): ValueAxisPlan {
  const lo = clampToBounds(domain[0], bounds);
  const hi = clampToBounds(domain[1], bounds);
  const step = tickStep(hi - lo, 6, decimals);
  const ticks: number[] = [];
  for (let k = Math.ceil(lo / step - 1e-9); k * step <= hi + step * 1e-9; k++) ticks.push(Number((k * step).toFixed(10)));
  return { domain: [lo, hi], ticks, step, cut: bounds.floor !== undefined && lo > bounds.floor };
}

/**
 * The dash of a comparator's lines into and out of illustrative values: the illustrative dash for
 * the solid comparator, the comparator's own dash (already broken) for the others, so two
 * comparators never look alike; their hollow diamonds mark the values themselves.
 */
function comparatorIllustrativeDash(i: number): readonly number[] {
  const own = DASHES.comparators[i]!;
  return own.length === 0 ? DASHES.illustrative : own;
}

/** Unique values in first-seen order. */
function unique(values: Iterable<string>): string[] {
  return [...new Set(values)];
}

/** The half-size of a symbol of `size` square pixels, plus a pixel of room. */
function radius(size: number): number {
  return Math.sqrt(size) / 2 + 1;
}

/**
 * Build the Vega-Lite spec of a baseline chart.
 *
 * @example
 * const spec = baselineChartSpec({
 *   title: 'Children looked after at 31 March, Leeds', description: '…', unitLabel: 'children',
 *   percent: false, decimals: 0, interval: 0.95,
 *   history: [{ label: '2011', t: 2011, value: 1448 }, { label: '2012', t: 2012, value: 1475 }],
 *   baselineAt: { label: '2012', t: 2012 },
 *   forecast: [{ label: '2013', t: 2013, value: 1502, lower: 1460, upper: 1544 }],
 * });
 * const svg = await renderSvg(spec);
 */
export function baselineChartSpec(input: BaselineChartInput): TopLevelSpec {
  // 1. Check and normalise the input.
  const c = check(input);
  const { decimals, percent } = input;
  const title = xmlSafeText(input.title);
  const description = xmlSafeText(input.description);
  const width = SIZES.plotWidth;
  const height = SIZES.plotHeight;
  const baseT = input.baselineAt.t;
  const baseLabel = c.periods.label(baseT);

  // 2. What is drawn.
  const actual = c.history.filter((r) => r.value !== null);
  const dots = actual.length <= MAX_POINTS_WITH_DOTS;
  const lineWidth = dots ? 2.25 : 1.25;
  const flagged = actual.filter((r) => r.marker !== undefined);
  const illustrative = actual.filter((r) => r.illustrative);
  // Dense lines have no dot per value; a value joined to nothing still gets one, or it would not show.
  const alone = new Set(isolated(c.history));
  const plain = actual.filter((r) => !r.illustrative && r.marker === undefined && (dots || alone.has(r)));
  const diamonds = illustrative.filter((r) => dots || alone.has(r));
  const squares = flagged.filter((r) => !r.illustrative);
  const historyRuns = lineRuns(c.history);
  const comparatorRuns = c.comparators.map((cmp) => {
    const runs = lineRuns(cmp.rows);
    const values = cmp.rows.filter((r) => r.value !== null);
    const sparse = values.length <= MAX_POINTS_WITH_DOTS;
    const lone = new Set(isolated(cmp.rows));
    return { ...runs, diamonds: values.filter((r) => r.illustrative && (sparse || lone.has(r))), lone: values.filter((r) => !r.illustrative && lone.has(r)) };
  });
  // One break mark a period: the actual line's, else the first comparator's that breaks there.
  const breaks: { t: number; value: number }[] = [];
  for (const mark of [...breakMarks(c.history), ...c.comparators.flatMap((cmp) => breakMarks(cmp.rows))]) {
    if (!breaks.some((b) => b.t === mark.t)) breaks.push(mark);
  }
  const missing = missingRuns(c.history);
  const gapDrawn = hasInnerGap(c.history) || missing.length > 0;
  const atBaseline = c.history.find((r) => r.t === baseT && r.value !== null);
  const forecast =
    atBaseline && c.forecast.length > 0 && c.forecast[0]!.t > baseT
      ? [{ t: baseT, label: baseLabel, value: atBaseline.value!, lower: atBaseline.value!, upper: atBaseline.value! }, ...c.forecast]
      : c.forecast;
  const target = input.target
    ? { t: input.target.t, label: c.periods.label(input.target.t), value: clampToBounds(input.target.value, c.bounds), ...(input.target.kind ? { kind: input.target.kind } : {}) }
    : undefined;

  // 3. Scales and axes: every value drawn decides the value axis.
  const drawn: number[] = [
    ...actual.map((r) => r.value!),
    ...forecast.flatMap((f) => [f.lower, f.upper]),
    ...c.trajectory.map((p) => p.value),
    ...(target ? [target.value] : []),
    ...c.comparators.flatMap((cmp) => cmp.rows.flatMap((r) => (r.value === null ? [] : [r.value]))),
  ];
  if (drawn.length === 0) {
    fail('INVALID_OPTION', METHOD, 'history', 'at least one value to draw (history, forecast, trajectory, target or comparators)', input.history, 'none');
  }
  const valueAxis = input.yDomain ? fixedAxis(input.yDomain, c.bounds, decimals) : planValueAxis(drawn, c.bounds, decimals);
  const axis = periodAxis(c.periods, width, baseT, FONT_SIZES.axisLabel, input.periodsPerYear);
  const px = plotMapping(axis.domain, valueAxis.domain, width, height);
  const scale = yScale(valueAxis);
  // Every layer carries the same y axis so Vega-Lite merges them into one.
  const yAxisDef = yAxis(xmlSafeText(input.unitLabel), decimals, percent, valueAxis, width);
  const y = (field: string) => ({ field, type: 'quantitative' as const, scale, axis: yAxisDef });
  const run = { field: 'run', type: 'nominal' as const };

  // 4. The words on the plot, placed clear of every point and line, in order of importance.
  const obstacles: Obstacles = { points: [], segments: [] };
  const pointBox = (t: number, value: number, size: number): Box => boxAround(px.x(t), px.y(value), radius(size));
  const addLine = (rows: readonly { run: number; t: number; value: number }[]) => {
    rows.forEach((r, i) => {
      const next = rows[i + 1];
      if (next && next.run === r.run) obstacles.segments.push([px.x(r.t), px.y(r.value), px.x(next.t), px.y(next.value)]);
    });
  };
  addLine(historyRuns.solid);
  addLine(historyRuns.dashed);
  comparatorRuns.forEach((r) => {
    addLine(r.solid);
    addLine(r.dashed);
    for (const d of r.diamonds) obstacles.points.push(pointBox(d.t, d.value!, COMPARATOR_ILLUSTRATIVE_SIZE));
  });
  addLine(forecast.map((f) => ({ run: 0, t: f.t, value: f.value })));
  addLine(c.trajectory.map((p) => ({ run: 0, t: p.t, value: p.value })));
  obstacles.segments.push([px.x(baseT), 0, px.x(baseT), height]);
  for (const r of actual) obstacles.points.push(pointBox(r.t, r.value!, r.illustrative ? ILLUSTRATIVE_SIZE : r.marker ? FLAGGED_SIZE : POINT_SIZE));
  for (const b of breaks) obstacles.points.push(pointBox(b.t, b.value, BREAK_SIZE));
  if (target) obstacles.points.push(pointBox(target.t, target.value, TARGET_SIZE));
  if (valueAxis.cut) obstacles.points.push(boxAround(0, height - 9, 8));

  const annotation = FONT_SIZES.annotation;
  const requests: (LabelRequest & { kind: 'target' | 'code' | 'baseline' | 'missing' })[] = [];
  const targetText = target ? CHART_TEXT.targetLabel(chartNumber(target.value, decimals, percent), target.kind) : '';
  if (target) {
    const w = textWidth(targetText, annotation, true);
    requests.push({ kind: 'target', text: targetText, fontSize: annotation, bold: true, anchor: { x: px.x(target.t), y: px.y(target.value) }, offsets: offsetsAround(radius(TARGET_SIZE), w, annotation) });
  }
  for (const r of flagged) {
    const text = codes(r.marker!).map((m) => `[${m}]`).join('');
    const size = r.illustrative ? ILLUSTRATIVE_SIZE : FLAGGED_SIZE;
    requests.push({ kind: 'code', text, fontSize: annotation, anchor: { x: px.x(r.t), y: px.y(r.value!) }, offsets: offsetsAround(radius(size), textWidth(text, annotation), annotation) });
  }
  const baseText = CHART_TEXT.baselineRule(baseLabel);
  const baseWidth = textWidth(baseText, annotation);
  const beside = baseWidth / 2 + 5;
  requests.push({
    kind: 'baseline',
    text: baseText,
    fontSize: annotation,
    anchor: { x: px.x(baseT), y: 0 },
    offsets: [
      { dx: beside, dy: 9 },
      { dx: beside, dy: height - 9 },
      { dx: -beside, dy: 9 },
      { dx: -beside, dy: height - 9 },
      ...[0.25, 0.5, 0.75].flatMap((f) => [{ dx: beside, dy: height * f }, { dx: -beside, dy: height * f }]),
    ],
  });
  for (const m of missing) {
    const w = textWidth(m.text, annotation);
    requests.push({
      kind: 'missing',
      text: m.text,
      fontSize: annotation,
      anchor: { x: px.x(m.t), y: height - 9 },
      offsets: [{ dx: 0, dy: 0 }, { dx: 0, dy: -14 }, { dx: 0, dy: 9 - height }, { dx: w / 2 + 4, dy: 0 }, { dx: -w / 2 - 4, dy: 0 }],
    });
  }
  const placed = placeLabels(requests, obstacles, width, height);
  const placedOf = (kind: string) => placed.filter((_, i) => requests[i]!.kind === kind).map((p) => ({ x: p.x, y: p.y, text: p.text }));

  // 5. Datasets, one per layer, empty when it has nothing to draw.
  const point = (r: { t: number; label: string; value: number | null }) => ({ t: r.t, label: r.label, value: r.value });
  const datasets: Record<string, Record<string, unknown>[]> = {
    history_solid: historyRuns.solid.map((r) => ({ ...r })),
    history_dashed: historyRuns.dashed.map((r) => ({ ...r })),
    history_points: plain.map(point),
    history_flagged: squares.map(point),
    history_illustrative: diamonds.map(point),
    breaks: breaks.map((b) => ({ t: round(b.t * 2) / 2, value: b.value })),
    forecast,
    baseline: [{ t: baseT, label: baseLabel }],
    baseline_label: placedOf('baseline'),
    code_labels: placedOf('code'),
    missing_labels: placedOf('missing'),
  };
  // Layers for at least COMPARATOR_LAYERS comparators, empty for those a chart does not have.
  const noComparator = { solid: [], dashed: [], diamonds: [], lone: [] };
  const comparatorLayers = [...comparatorRuns, ...Array.from({ length: Math.max(0, COMPARATOR_LAYERS - comparatorRuns.length) }, () => noComparator)];
  comparatorLayers.forEach((r, i) => {
    datasets[`comparator_${i}`] = r.solid.map((x) => ({ ...x }));
    datasets[`comparator_${i}_dashed`] = r.dashed.map((x) => ({ ...x }));
    datasets[`comparator_${i}_diamonds`] = r.diamonds.map(point);
    datasets[`comparator_${i}_points`] = r.lone.map(point);
  });
  datasets.trajectory = c.trajectory;
  datasets.target = target ? [{ t: target.t, label: target.label, value: target.value }] : [];
  datasets.target_label = placedOf('target');

  // 6. Layers, bottom to top: every layer, whether or not it has rows, so that charts share a
  // chart shape (`chart-shape.ts`); the SVG leaves out a layer with nothing in it.
  const layer: UnitSpec<Field>[] = [];
  layer.push({
    name: 'forecast_band',
    data: { name: 'forecast' },
    mark: { type: 'area', color: COLOURS.orange, opacity: 0.22, interpolate: 'linear' },
    encoding: { y: y('lower'), y2: { field: 'upper' } },
  });
  comparatorLayers.forEach((r, i) => {
    const colour = COMPARATOR_COLOURS[i]!;
    layer.push({
      name: `comparator_${i}_line`,
      data: { name: `comparator_${i}` },
      mark: { type: 'line', color: colour, strokeWidth: 1.5, strokeDash: [...DASHES.comparators[i]!] },
      encoding: { y: y('value'), detail: run },
    });
    layer.push({
      name: `comparator_${i}_dashed`,
      data: { name: `comparator_${i}_dashed` },
      mark: { type: 'line', color: colour, strokeWidth: 1.5, strokeDash: [...comparatorIllustrativeDash(i)] },
      encoding: { y: y('value'), detail: run },
    });
    layer.push({
      name: `comparator_${i}_diamonds`,
      data: { name: `comparator_${i}_diamonds` },
      mark: { type: 'point', shape: SHAPES.illustrative, filled: false, fill: COLOURS.white, stroke: colour, strokeWidth: 1.25, size: COMPARATOR_ILLUSTRATIVE_SIZE, opacity: 1 },
      encoding: { y: y('value') },
    });
    layer.push({
      name: `comparator_${i}_points`,
      data: { name: `comparator_${i}_points` },
      mark: { type: 'point', shape: SHAPES.actual, filled: true, color: colour, size: POINT_SIZE * 0.6, opacity: 1 },
      encoding: { y: y('value') },
    });
  });
  layer.push({
    name: 'baseline_rule',
    data: { name: 'baseline' },
    mark: { type: 'rule', color: COLOURS.inkSoft, strokeWidth: 1.25, strokeDash: [...DASHES.baseline] },
  });
  layer.push({
    name: 'trajectory_line',
    data: { name: 'trajectory' },
    mark: { type: 'line', color: COLOURS.green, strokeWidth: 2, strokeDash: [...DASHES.trajectory] },
    encoding: { y: y('value') },
  });
  layer.push({
    name: 'forecast_line',
    data: { name: 'forecast' },
    mark: { type: 'line', color: COLOURS.orange, strokeWidth: 2.25, strokeDash: [...DASHES.forecast] },
    encoding: { y: y('value') },
  });
  // Under the actual values, big and pale, so a value on target shows on top of it.
  layer.push({
    name: 'target_point',
    data: { name: 'target' },
    mark: {
      type: 'point',
      shape: SHAPES.target,
      filled: false,
      fill: COLOURS.green,
      fillOpacity: 0.3,
      stroke: COLOURS.green,
      strokeWidth: 1.5,
      strokeJoin: 'round',
      size: TARGET_SIZE,
      opacity: 1,
    },
    encoding: { y: y('value') },
  });
  layer.push({
    name: 'history_line',
    data: { name: 'history_solid' },
    mark: { type: 'line', color: COLOURS.blue, strokeWidth: lineWidth },
    encoding: { y: y('value'), detail: run },
  });
  layer.push({
    name: 'history_dashed',
    data: { name: 'history_dashed' },
    mark: { type: 'line', color: COLOURS.blue, strokeWidth: lineWidth, strokeDash: [...DASHES.illustrative] },
    encoding: { y: y('value'), detail: run },
  });
  layer.push({
    name: 'history_points',
    data: { name: 'history_points' },
    mark: { type: 'point', shape: SHAPES.actual, filled: true, color: COLOURS.blue, size: POINT_SIZE, opacity: 1, stroke: COLOURS.white, strokeWidth: 1 },
    encoding: { y: y('value') },
  });
  layer.push({
    name: 'history_flagged',
    data: { name: 'history_flagged' },
    mark: { type: 'point', shape: SHAPES.flagged, filled: false, fill: COLOURS.white, stroke: COLOURS.blue, strokeWidth: 1.75, size: FLAGGED_SIZE, opacity: 1 },
    encoding: { y: y('value') },
  });
  layer.push({
    name: 'history_illustrative',
    data: { name: 'history_illustrative' },
    mark: { type: 'point', shape: SHAPES.illustrative, filled: false, fill: COLOURS.white, stroke: COLOURS.blue, strokeWidth: 1.5, size: ILLUSTRATIVE_SIZE, opacity: 1 },
    encoding: { y: y('value') },
  });
  layer.push({
    name: 'break_marks',
    data: { name: 'breaks' },
    mark: { type: 'point', shape: SHAPES.breakInSeries, filled: false, stroke: COLOURS.ink, strokeWidth: 1.5, size: BREAK_SIZE, opacity: 1 },
    encoding: { y: y('value') },
  });
  if (valueAxis.cut) layer.push(...axisBreakLayers(height));
  layer.push(...placedTextLayers('baseline_label', { fontSize: annotation, colour: COLOURS.inkSoft }));
  layer.push(...placedTextLayers('code_labels', { fontSize: annotation, colour: COLOURS.ink }));
  layer.push(...placedTextLayers('missing_labels', { fontSize: annotation, colour: COLOURS.inkSoft }));
  layer.push(...placedTextLayers('target_label', { fontSize: annotation, colour: COLOURS.green, bold: true }));


  // 7. The key, in words: one entry for each kind of mark drawn, and none for a mark not drawn.
  const entries: KeyEntry[] = [];
  const solidDrawn = historyRuns.solid.length > 0 || plain.length > 0;
  if (solidDrawn) {
    entries.push({
      label: CHART_TEXT.actual,
      glyphs: [
        { kind: 'line', stroke: COLOURS.blue, dash: [], width: lineWidth },
        ...(dots ? [{ kind: 'symbol' as const, shape: SHAPES.actual, fill: COLOURS.blue, stroke: COLOURS.white, size: POINT_SIZE, strokeWidth: 1 }] : []),
      ],
    });
  }
  const comparatorIllustrative = comparatorRuns.some((r) => r.dashed.length > 0 || r.diamonds.length > 0);
  if (illustrative.length > 0 || comparatorIllustrative) {
    const stroke = illustrative.length > 0 ? COLOURS.blue : COLOURS.inkSoft;
    const withDiamonds = diamonds.length > 0 || comparatorRuns.some((r) => r.diamonds.length > 0);
    const glyphs: Glyph[] = [{ kind: 'line', stroke, dash: [...DASHES.illustrative], width: illustrative.length > 0 ? lineWidth : 1.5 }];
    if (withDiamonds) glyphs.push({ kind: 'symbol', shape: SHAPES.illustrative, fill: COLOURS.white, stroke, size: ILLUSTRATIVE_SIZE, strokeWidth: 1.5 });
    entries.push({ label: withDiamonds ? CHART_TEXT.illustrative : CHART_TEXT.illustrativeDashed, glyphs });
  }
  for (const code of unique(flagged.flatMap((r) => codes(r.marker!)))) {
    const square = squares.some((r) => codes(r.marker!).includes(code));
    entries.push({
      label: CHART_TEXT.flagged(code),
      glyphs: square
        ? [{ kind: 'symbol', shape: SHAPES.flagged, fill: COLOURS.white, stroke: COLOURS.blue, size: FLAGGED_SIZE, strokeWidth: 1.75 }]
        : [{ kind: 'letter', text: `[${code}]`, colour: COLOURS.ink }],
    });
  }
  if (breaks.length > 0) {
    entries.push({ label: CHART_TEXT.breakInSeries, glyphs: [{ kind: 'symbol', shape: SHAPES.breakInSeries, fill: 'none', stroke: COLOURS.ink, size: BREAK_SIZE, strokeWidth: 1.5 }] });
  }
  if (gapDrawn) {
    entries.push({
      label: CHART_TEXT.gap(unique(missing.map((m) => m.text))),
      glyphs: [{ kind: 'gap-line', stroke: COLOURS.blue, width: lineWidth, dots }],
    });
  }
  if (c.forecast.length > 0) {
    entries.push({
      label: CHART_TEXT.forecast(input.interval),
      glyphs: [
        { kind: 'band', fill: COLOURS.orange, opacity: 0.22, height: 12 },
        { kind: 'line', stroke: COLOURS.orange, dash: [...DASHES.forecast], width: 2.25 },
      ],
    });
  }
  if (c.trajectory.length > 0) {
    entries.push({ label: CHART_TEXT.trajectory, glyphs: [{ kind: 'line', stroke: COLOURS.green, dash: [...DASHES.trajectory], width: 2 }] });
  }
  if (target) {
    entries.push({
      label: CHART_TEXT.target(chartNumber(target.value, decimals, percent), target.label, target.kind),
      glyphs: [{ kind: 'symbol', shape: SHAPES.target, fill: TARGET_KEY_FILL, stroke: COLOURS.green, size: TARGET_SIZE * 0.6, strokeWidth: 1.5 }],
    });
  }
  entries.push({
    label: CHART_TEXT.baselineKey(baseLabel),
    glyphs: [{ kind: 'vrule', stroke: COLOURS.inkSoft, dash: [...DASHES.baseline], width: 1.25 }],
  });
  c.comparators.forEach((cmp, i) => {
    const r = comparatorRuns[i]!;
    // A comparator drawn only dashed (every value illustrative) shows that dash in its entry.
    const dash = r.solid.length > 0 || r.dashed.length === 0 ? DASHES.comparators[i]! : comparatorIllustrativeDash(i);
    entries.push({ label: cmp.name, glyphs: [{ kind: 'line', stroke: COMPARATOR_COLOURS[i]!, dash: [...dash], width: 1.5 }] });
  });

  // 8. Assemble: title, plot, key.
  return chartFrame({
    kind: 'baseline',
    title,
    description,
    width,
    config: chartConfig(),
    datasets,
    plot: {
      height,
      encoding: { x: { field: 't', type: 'quantitative', scale: { domain: axis.domain, nice: false, zero: false }, axis: axis.axis } },
      layer,
    },
    key: keySpec(entries, c.footnotes, width),
  });
}
