/**
 * The OBA baseline chart: where the indicator has been, where it was heading when the baseline
 * was frozen (the forecast if nothing changes, with its prediction interval), where the plan
 * wants it to go (trajectory and target), and comparators, over evenly spaced periods.
 *
 * Pure: input in, Vega-Lite spec out. The spec is a vertical concatenation of the plot and its
 * key (see `key.ts`); every dataset is inline under `datasets`, named after its layer.
 *
 * Layers, bottom to top: forecast interval band; comparators; baseline rule; trajectory; forecast
 * line; target star (under the actual values, so a value on target shows on top of it); actual
 * line; actual points; flagged points; then the words, each over a white halo: the baseline's
 * label, the flagged points' codes (above the point, or to its right when the target is at the
 * same period), the codes of missing values (one per run, at the foot of the gap), the target's label.
 *
 * Missing values are gaps: a `null` value (or a period absent from the history) breaks the line
 * (`invalid: 'break-paths-filter-domains'`), and the point layers only hold values that exist.
 * Note that in Vega-Lite 6, `invalid: null` means "show", which draws a null at zero: never use it.
 */
import type { TopLevelSpec } from 'vega-lite';
import type { Field } from 'vega-lite/types_unstable/channeldef.js';
import type { UnitSpec } from 'vega-lite/types_unstable/spec/index.js';
import { fail, requireFinite, requirePeriod, requireText, requireValueOrNull } from './errors.js';
import { keySpec, type KeyEntry } from './key.js';
import { CHART_TEXT } from './messages.js';
import { PeriodLabels, periodAxis } from './period-axis.js';
import { chartFrame, chartNumber, requireDecimals, requireIncreasing, yAxis, yScale } from './spec-parts.js';
import { xmlSafeText } from './svg.js';
import { wrapText } from './text-metrics.js';
import { COLOURS, COMPARATOR_COLOURS, DASHES, FONT_SIZES, SHAPES, SIZES, chartConfig } from './theme.js';
import type { BaselineChartInput, ChartPoint } from './types.js';

const METHOD = 'baselineChartSpec';

/** Above this many actual values the line is drawn without a dot at every period. */
export const MAX_POINTS_WITH_DOTS = 60;

/** Area of the target star, in square pixels (big enough to draw around a point on target). */
const TARGET_SIZE = 420;
/** The star's fill in the key: the green at 30% on white (the key's symbols have no opacity of their own). */
const TARGET_KEY_FILL = '#B2E2D5';

interface Row {
  t: number;
  label: string;
  value: number | null;
  marker?: string;
}

interface Checked {
  input: BaselineChartInput;
  periods: PeriodLabels;
  history: Row[];
  forecast: { t: number; label: string; value: number; lower: number; upper: number }[];
  trajectory: { t: number; label: string; value: number }[];
  comparators: { name: string; rows: Row[] }[];
  footnotes: string[];
}

function checkPoints(points: unknown, path: string, periods: PeriodLabels): Row[] {
  if (!Array.isArray(points)) fail('INVALID_OPTION', METHOD, path, `${path} to be an array`, points);
  const rows = (points as ChartPoint[]).map((p, i) => {
    const at = `${path}[${i}]`;
    const t = requirePeriod(METHOD, `${at}.t`, p.t);
    const label = xmlSafeText(requireText(METHOD, `${at}.label`, p.label));
    periods.add(t, label, `${at}.label`);
    const value = requireValueOrNull(METHOD, `${at}.value`, p.value);
    const row: Row = { t, label, value };
    if (p.marker !== undefined && p.marker !== '') row.marker = xmlSafeText(requireText(METHOD, `${at}.marker`, p.marker));
    return row;
  });
  requireIncreasing(METHOD, path, rows.map((r) => r.t));
  return rows;
}

/** Insert a null row for every period missing between the first and last rows, so the line breaks there. */
function fillGaps(rows: Row[], periods: PeriodLabels): Row[] {
  const out: Row[] = [];
  for (const row of rows) {
    const previous = out[out.length - 1];
    if (previous) for (let t = previous.t + 1; t < row.t; t++) out.push({ t, label: periods.label(t), value: null });
    out.push(row);
  }
  return out;
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

  const history = checkPoints(input.history, 'history', periods);
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
    return { t, label, value, lower, upper };
  });
  requireIncreasing(METHOD, 'forecast', forecast.map((f) => f.t));

  const trajectory = (input.trajectory ?? []).map((p, i) => {
    const at = `trajectory[${i}]`;
    const t = requirePeriod(METHOD, `${at}.t`, p.t);
    const label = xmlSafeText(requireText(METHOD, `${at}.label`, p.label));
    periods.add(t, label, `${at}.label`);
    return { t, label, value: requireFinite(METHOD, `${at}.value`, p.value) };
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
    rows: checkPoints(c.points, `comparators[${i}].points`, periods),
  }));

  if (input.yDomain !== undefined) {
    const [lo, hi] = input.yDomain;
    requireFinite(METHOD, 'yDomain[0]', lo);
    requireFinite(METHOD, 'yDomain[1]', hi);
    if (!(lo < hi)) fail('OUT_OF_RANGE', METHOD, 'yDomain', 'yDomain[0] < yDomain[1]', input.yDomain, `[${lo}, ${hi}]`);
  }

  const footnotes = (input.footnotes ?? []).map((note, i) => xmlSafeText(requireText(METHOD, `footnotes[${i}]`, note)));
  return {
    input,
    periods,
    history: fillGaps(history, periods),
    forecast,
    trajectory,
    comparators: comparators.map((c) => ({ name: c.name, rows: fillGaps(c.rows, periods) })),
    footnotes,
  };
}

/** Split a status marker such as `'p,r'` into its codes. */
function codes(marker: string): string[] {
  return marker.split(/[,\s]+/).filter((c) => c.length > 0);
}

/**
 * The codes written at the foot of gaps: one per run of consecutive periods missing for the same
 * reason, centred on the run, so a long gap is not a smudge of overprinted letters.
 */
function missingRuns(rows: readonly Row[]): { t: number; label: string; text: string }[] {
  const runs: { first: Row; last: Row }[] = [];
  for (const row of rows) {
    const run = runs[runs.length - 1];
    if (run && run.last.t === row.t - 1 && run.last.marker === row.marker) run.last = row;
    else runs.push({ first: row, last: row });
  }
  return runs.map(({ first, last }) => ({
    t: (first.t + last.t) / 2,
    label: first === last ? first.label : `${first.label} to ${last.label}`,
    text: first.marker!,
  }));
}

/** A white outline drawn under a text layer, so its words stay readable over lines and bands. */
function halo(text: UnitSpec<Field>): UnitSpec<Field> {
  const mark = text.mark as unknown as Record<string, unknown>;
  return {
    ...text,
    name: `${text.name}_halo`,
    mark: { ...mark, color: COLOURS.white, stroke: COLOURS.white, strokeWidth: 3, strokeJoin: 'round' } as UnitSpec<Field>['mark'],
  };
}

/** Unique values in first-seen order. */
function unique(values: Iterable<string>): string[] {
  return [...new Set(values)];
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

  // 2. Datasets, one per layer.
  const actual = c.history.filter((r) => r.value !== null);
  const flagged = actual.filter((r) => r.marker !== undefined).map((r) => ({ ...r, text: codes(r.marker!).map((m) => `[${m}]`).join('') }));
  const plain = actual.filter((r) => r.marker === undefined);
  const missing = c.history.filter((r) => r.value === null);
  const missingCoded = missing.filter((r) => r.marker !== undefined);
  const atBaseline = c.history.find((r) => r.t === baseT && r.value !== null);
  const forecast =
    atBaseline && c.forecast.length > 0 && c.forecast[0]!.t > baseT
      ? [{ t: baseT, label: baseLabel, value: atBaseline.value!, lower: atBaseline.value!, upper: atBaseline.value! }, ...c.forecast]
      : c.forecast;
  const target = input.target ? { t: input.target.t, label: c.periods.label(input.target.t), value: input.target.value } : undefined;

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
  const lo = input.yDomain?.[0] ?? Math.min(...drawn);
  const hi = input.yDomain?.[1] ?? Math.max(...drawn);

  // A point's code goes above it, or to its right when the target's star is at the same period
  // (the star and its label take the space above and below).
  const codeRight = (r: Row) => target !== undefined && target.t === r.t;
  // Dense series are drawn as a thinner line without a dot at every period.
  const dots = actual.length <= MAX_POINTS_WITH_DOTS;
  const lineWidth = dots ? 2.25 : 1.25;
  const datasets: Record<string, Record<string, unknown>[]> = {
    history: c.history.map((r) => ({ t: r.t, label: r.label, value: r.value })),
    history_points: (dots ? plain : []).map((r) => ({ t: r.t, label: r.label, value: r.value })),
    history_flagged: flagged.map((r) => ({ t: r.t, label: r.label, value: r.value })),
    history_flagged_codes: flagged.filter((r) => !codeRight(r)).map((r) => ({ t: r.t, label: r.label, value: r.value, text: r.text })),
    history_flagged_codes_right: flagged.filter(codeRight).map((r) => ({ t: r.t, label: r.label, value: r.value, text: r.text })),
    history_missing: missingRuns(missingCoded),
    forecast,
    baseline: [{ t: baseT, label: baseLabel, text: CHART_TEXT.baselineRule(baseLabel) }],
  };
  c.comparators.forEach((cmp, i) => {
    datasets[`comparator_${i}`] = cmp.rows.map((r) => ({ t: r.t, label: r.label, value: r.value }));
  });
  if (c.trajectory.length > 0) datasets.trajectory = c.trajectory;
  // The target's label goes on the side the trajectory does not come from.
  let targetDy = -19;
  if (target) {
    const before = [...c.trajectory].reverse().find((p) => p.t < target.t)?.value ?? actual[actual.length - 1]?.value ?? target.value;
    if (before > target.value) targetDy = 19;
    datasets.target = [{ ...target, text: CHART_TEXT.targetLabel(chartNumber(target.value, decimals, percent)) }];
  }

  // 3. Scales and axes.
  const axis = periodAxis(c.periods, width, baseT, FONT_SIZES.axisLabel);
  const scale = yScale(input.yDomain);
  // Every layer carries the same y axis so Vega-Lite merges them into one.
  const yAxisDef = yAxis(input.unitLabel, decimals, percent, [lo, hi]);
  const y = (field: string) => ({ field, type: 'quantitative' as const, scale, axis: yAxisDef });
  // The baseline label sits at the top of the plot unless the series is high there.
  const baselineHigh = atBaseline ? atBaseline.value! > lo + (hi - lo) * 0.6 : false;

  // 4. Layers, bottom to top.
  const layer: UnitSpec<Field>[] = [];
  // Words drawn on the plot; they go on top of every line, each over a white halo.
  const labels: UnitSpec<Field>[] = [];
  layer.push({
    name: 'forecast_band',
    data: { name: 'forecast' },
    mark: { type: 'area', color: COLOURS.orange, opacity: 0.22, interpolate: 'linear' },
    encoding: { y: y('lower'), y2: { field: 'upper' } },
  });
  c.comparators.forEach((cmp, i) => {
    layer.push({
      name: `comparator_${i}_line`,
      data: { name: `comparator_${i}` },
      mark: {
        type: 'line',
        color: COMPARATOR_COLOURS[i]!,
        strokeWidth: 1.5,
        strokeDash: [...DASHES.comparators[i]!],
        invalid: 'break-paths-filter-domains',
      },
      encoding: { y: y('value') },
    });
  });
  layer.push({
    name: 'baseline_rule',
    data: { name: 'baseline' },
    mark: { type: 'rule', color: COLOURS.inkSoft, strokeWidth: 1.25, strokeDash: [...DASHES.baseline] },
  });
  labels.push({
    name: 'baseline_label',
    data: { name: 'baseline' },
    mark: {
      type: 'text',
      align: 'left',
      baseline: baselineHigh ? 'bottom' : 'top',
      dx: 5,
      y: baselineHigh ? height - 4 : 4,
      fontSize: FONT_SIZES.annotation,
      color: COLOURS.inkSoft,
    },
    encoding: { text: { field: 'text', type: 'nominal' } },
  });
  if (c.trajectory.length > 0) {
    layer.push({
      name: 'trajectory_line',
      data: { name: 'trajectory' },
      mark: { type: 'line', color: COLOURS.green, strokeWidth: 2, strokeDash: [...DASHES.trajectory] },
      encoding: { y: y('value') },
    });
  }
  layer.push({
    name: 'forecast_line',
    data: { name: 'forecast' },
    mark: { type: 'line', color: COLOURS.orange, strokeWidth: 2.25, strokeDash: [...DASHES.forecast] },
    encoding: { y: y('value') },
  });
  if (target) {
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
  }
  layer.push({
    name: 'history_line',
    data: { name: 'history' },
    mark: { type: 'line', color: COLOURS.blue, strokeWidth: lineWidth, invalid: 'break-paths-filter-domains' },
    encoding: { y: y('value') },
  });
  layer.push({
    name: 'history_points',
    data: { name: 'history_points' },
    mark: { type: 'point', shape: SHAPES.actual, filled: true, color: COLOURS.blue, size: 36, opacity: 1, stroke: COLOURS.white, strokeWidth: 1 },
    encoding: { y: y('value') },
  });
  layer.push({
    name: 'history_flagged',
    data: { name: 'history_flagged' },
    mark: { type: 'point', shape: SHAPES.flagged, filled: false, fill: COLOURS.white, stroke: COLOURS.blue, strokeWidth: 1.75, size: 80, opacity: 1 },
    encoding: { y: y('value') },
  });
  labels.push({
    name: 'history_flagged_codes',
    data: { name: 'history_flagged_codes' },
    mark: { type: 'text', align: 'center', baseline: 'bottom', dy: -12, fontSize: FONT_SIZES.annotation, color: COLOURS.ink },
    encoding: { y: y('value'), text: { field: 'text', type: 'nominal' } },
  });
  labels.push({
    name: 'history_flagged_codes_right',
    data: { name: 'history_flagged_codes_right' },
    mark: { type: 'text', align: 'left', baseline: 'middle', dx: 13, fontSize: FONT_SIZES.annotation, color: COLOURS.ink },
    encoding: { y: y('value'), text: { field: 'text', type: 'nominal' } },
  });
  labels.push({
    name: 'history_missing_codes',
    data: { name: 'history_missing' },
    mark: { type: 'text', align: 'center', baseline: 'bottom', y: height - 4, fontSize: FONT_SIZES.annotation, color: COLOURS.inkSoft },
    encoding: { text: { field: 'text', type: 'nominal' } },
  });
  if (target) {
    labels.push({
      name: 'target_label',
      data: { name: 'target' },
      mark: { type: 'text', align: 'center', baseline: 'middle', dy: targetDy, fontSize: FONT_SIZES.annotation, fontWeight: 'bold', color: COLOURS.green },
      encoding: { y: y('value'), text: { field: 'text', type: 'nominal' } },
    });
  }

  for (const text of labels) layer.push(halo(text), text);

  // Layers with nothing to draw are left out (an empty layer only makes Vega warn).
  const drawnLayers = layer.filter((l) => {
    const name = (l.data as { name: string }).name;
    return (datasets[name]?.length ?? 0) > 0;
  });
  for (const name of Object.keys(datasets)) if (datasets[name]!.length === 0) delete datasets[name];

  // 5. The key, in words, one entry per layer.
  const entries: KeyEntry[] = [];
  entries.push({
    label: CHART_TEXT.actual,
    glyphs: [
      { kind: 'line', stroke: COLOURS.blue, dash: [], width: lineWidth },
      ...(dots
        ? [{ kind: 'symbol' as const, shape: SHAPES.actual, fill: COLOURS.blue, stroke: COLOURS.white, size: 36, strokeWidth: 1 }]
        : []),
    ],
  });
  for (const code of unique(flagged.flatMap((r) => codes(r.marker!)))) {
    entries.push({
      label: CHART_TEXT.flagged(code),
      glyphs: [{ kind: 'symbol', shape: SHAPES.flagged, fill: COLOURS.white, stroke: COLOURS.blue, size: 80, strokeWidth: 1.75 }],
    });
  }
  if (missing.length > 0) {
    entries.push({
      label: CHART_TEXT.gap(unique(missingCoded.map((r) => r.marker!))),
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
      label: CHART_TEXT.target(chartNumber(target.value, decimals, percent), target.label),
      glyphs: [{ kind: 'symbol', shape: SHAPES.target, fill: TARGET_KEY_FILL, stroke: COLOURS.green, size: TARGET_SIZE * 0.6, strokeWidth: 1.5 }],
    });
  }
  entries.push({
    label: CHART_TEXT.baselineKey(baseLabel),
    glyphs: [{ kind: 'vrule', stroke: COLOURS.inkSoft, dash: [...DASHES.baseline], width: 1.25 }],
  });
  c.comparators.forEach((cmp, i) => {
    entries.push({ label: cmp.name, glyphs: [{ kind: 'line', stroke: COMPARATOR_COLOURS[i]!, dash: [...DASHES.comparators[i]!], width: 1.5 }] });
  });

  // 6. Assemble: title, plot, key.
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
      layer: drawnLayers,
    },
    key: keySpec(entries, c.footnotes, width),
  });
}
