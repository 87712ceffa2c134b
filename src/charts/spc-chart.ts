/**
 * The SPC chart (statistical process control, an XmR "individuals" chart as in NHS England's
 * "Making Data Count"): the process line, its mean and process limits, and each point coloured
 * AND shaped by how it reads: common cause (grey circle), special cause of improvement (blue
 * square), of concern (vermillion triangle), or with no direction of good (purple diamond).
 *
 * Pure: input in, Vega-Lite spec out. The analysis decides which points are special causes; the
 * chart only draws them. Layers, bottom to top: process limits (dashed), mean (solid), process
 * line (thin grey, broken at missing values, dashed into and out of illustrative values), then one
 * layer of points per kind: common cause, improvement, concern, neutral. The key names only the
 * kinds drawn. The value axis is planned as for baseline charts (`value-axis.ts`); limits beyond
 * the unit's range are drawn at its edge (a count's lower limit at 0).
 */
import type { TopLevelSpec } from 'vega-lite';
import type { Field } from 'vega-lite/types_unstable/channeldef.js';
import type { UnitSpec } from 'vega-lite/types_unstable/spec/index.js';
import { fail, requireFinite, requirePeriod, requireText, requireValueOrNull } from './errors.js';
import { keySpec, type KeyEntry } from './key.js';
import { CHART_TEXT } from './messages.js';
import { PeriodLabels, periodAxis } from './period-axis.js';
import { lineRuns, type SeriesRow } from './series.js';
import { axisBreakLayers, chartFrame, chartNumber, requireDecimals, requireIncreasing, requirePositiveWhole, yAxis, yScale } from './spec-parts.js';
import { xmlSafeText } from './svg.js';
import { COLOURS, DASHES, FONT_SIZES, SHAPES, SIZES, chartConfig } from './theme.js';
import type { SpcChartInput, SpecialCause } from './types.js';
import { clampToBounds, planValueAxis, unitBounds } from './value-axis.js';

const METHOD = 'spcChartSpec';

/** How each kind of point is drawn, in key order. `common` is a point with `special: null`. */
export const SPC_POINT_STYLES = [
  { kind: 'common', label: CHART_TEXT.spcCommon, colour: COLOURS.grey, shape: SHAPES.spcCommon, size: 30 },
  { kind: 'improvement', label: CHART_TEXT.spcImprovement, colour: COLOURS.blue, shape: SHAPES.spcImprovement, size: 72 },
  { kind: 'concern', label: CHART_TEXT.spcConcern, colour: COLOURS.vermillion, shape: SHAPES.spcConcern, size: 110 },
  { kind: 'neutral', label: CHART_TEXT.spcNeutral, colour: COLOURS.purple, shape: SHAPES.spcNeutral, size: 90 },
] as const;

const SPECIALS: readonly (SpecialCause | undefined)[] = ['improvement', 'concern', 'neutral', null];

/** Above this many points the symbols are drawn at half size. */
const CROWDED = 60;

/**
 * Build the Vega-Lite spec of an SPC chart.
 *
 * @example
 * const spec = spcChartSpec({
 *   title: 'Referrals to children’s social care, Leeds, weekly', description: '…', unitLabel: 'referrals',
 *   decimals: 0, mean: 218, lower: 170, upper: 266,
 *   points: [{ label: '2014-W01', t: 2288, value: 211, special: null }, …],
 * });
 */
export function spcChartSpec(input: SpcChartInput): TopLevelSpec {
  // 1. Check the input.
  const title = xmlSafeText(requireText(METHOD, 'title', input.title));
  const description = xmlSafeText(requireText(METHOD, 'description', input.description));
  const unitLabel = xmlSafeText(requireText(METHOD, 'unitLabel', input.unitLabel));
  const decimals = requireDecimals(METHOD, input.decimals);
  if (input.percent !== undefined && typeof input.percent !== 'boolean') {
    fail('INVALID_OPTION', METHOD, 'percent', 'percent to be true or false', input.percent);
  }
  const percent = input.percent ?? false;
  const bounds = unitBounds(percent, input.negativeAllowed === true);
  const mean = requireFinite(METHOD, 'mean', input.mean);
  const lowerGiven = requireFinite(METHOD, 'lower', input.lower);
  const upperGiven = requireFinite(METHOD, 'upper', input.upper);
  if (!(lowerGiven <= mean && mean <= upperGiven)) fail('OUT_OF_RANGE', METHOD, 'lower', 'lower ≤ mean ≤ upper', lowerGiven, `${lowerGiven}, ${mean}, ${upperGiven}`);
  // Limits are a model's output: a count's lower limit below zero is drawn (and named) at zero.
  const lower = clampToBounds(lowerGiven, bounds);
  const upper = clampToBounds(upperGiven, bounds);
  if (input.periodsPerYear !== undefined) requirePositiveWhole(METHOD, 'periodsPerYear', input.periodsPerYear);
  if (!Array.isArray(input.points) || input.points.length === 0) {
    fail('INVALID_OPTION', METHOD, 'points', 'points to be an array with at least one point', input.points);
  }
  const periods = new PeriodLabels(METHOD);
  const points = input.points.map((p, i) => {
    const at = `points[${i}]`;
    const t = requirePeriod(METHOD, `${at}.t`, p.t);
    const label = xmlSafeText(requireText(METHOD, `${at}.label`, p.label));
    periods.add(t, label, `${at}.label`);
    const value = requireValueOrNull(METHOD, `${at}.value`, p.value);
    if (value !== null && clampToBounds(value, bounds) !== value) fail('OUT_OF_RANGE', METHOD, `${at}.value`, `${at}.value in the unit's range`, value);
    if (!SPECIALS.includes(p.special)) {
      fail('INVALID_OPTION', METHOD, `${at}.special`, `${at}.special to be 'improvement', 'concern', 'neutral' or null`, p.special);
    }
    return { t, label, value, kind: p.special ?? 'common', illustrative: value !== null && p.illustrative === true };
  });
  requireIncreasing(METHOD, 'points', points.map((p) => p.t));

  // 2. Datasets: the line as runs (broken at missing values, dashed at illustrative ones).
  const rows: SeriesRow[] = [];
  for (const p of points) {
    const previous = rows[rows.length - 1];
    if (previous) for (let t = previous.t + 1; t < p.t; t++) rows.push({ t, label: periods.label(t), value: null, illustrative: false, breakBefore: false });
    rows.push({ t: p.t, label: p.label, value: p.value, illustrative: p.illustrative, breakBefore: false });
  }
  const runs = lineRuns(rows);
  const shown = points.filter((p) => p.value !== null);
  const scaleDown = shown.length > CROWDED ? 0.5 : 1;
  const datasets: Record<string, Record<string, unknown>[]> = {
    process_solid: runs.solid.map((r) => ({ ...r })),
    process_dashed: runs.dashed.map((r) => ({ ...r })),
    limits: [
      { line: 'lower', value: lower },
      { line: 'upper', value: upper },
    ],
    mean: [{ line: 'mean', value: mean }],
  };
  const styles = SPC_POINT_STYLES.filter((style) => shown.some((p) => p.kind === style.kind));
  for (const style of styles) datasets[`points_${style.kind}`] = shown.filter((p) => p.kind === style.kind).map(({ t, label, value }) => ({ t, label, value }));
  for (const name of Object.keys(datasets)) if (datasets[name]!.length === 0) delete datasets[name];

  // 3. Scales and axes.
  const width = SIZES.plotWidth;
  const height = SIZES.spcHeight;
  const axis = periodAxis(periods, width, periods.last, FONT_SIZES.axisLabel, input.periodsPerYear);
  const valueAxis = planValueAxis([...shown.map((p) => p.value!), lower, upper, mean], bounds, decimals);
  const scale = yScale(valueAxis);
  const yAxisDef = yAxis(unitLabel, decimals, percent, valueAxis, width);
  const y = (field: string) => ({ field, type: 'quantitative' as const, scale, axis: yAxisDef });
  // Not shared at the top of the layer: the mean and limit rules have no x, so they span the plot.
  const x = { field: 't', type: 'quantitative' as const, scale: { domain: axis.domain, nice: false, zero: false }, axis: axis.axis };
  const run = { field: 'run', type: 'nominal' as const };

  // 4. Layers, bottom to top.
  const layer: UnitSpec<Field>[] = [
    {
      name: 'limits_rule',
      data: { name: 'limits' },
      mark: { type: 'rule', color: COLOURS.inkSoft, strokeWidth: 1.25, strokeDash: [...DASHES.limits] },
      encoding: { y: y('value') },
    },
    {
      name: 'mean_rule',
      data: { name: 'mean' },
      mark: { type: 'rule', color: COLOURS.ink, strokeWidth: 1.5 },
      encoding: { y: y('value') },
    },
    {
      name: 'process_line',
      data: { name: 'process_solid' },
      mark: { type: 'line', color: COLOURS.grey, strokeWidth: 1.25 },
      encoding: { x, y: y('value'), detail: run },
    },
    {
      name: 'process_dashed',
      data: { name: 'process_dashed' },
      mark: { type: 'line', color: COLOURS.grey, strokeWidth: 1.25, strokeDash: [...DASHES.illustrative] },
      encoding: { x, y: y('value'), detail: run },
    },
    // One layer per kind of point, common cause first so signals are drawn on top.
    ...styles.map(
      (style): UnitSpec<Field> => ({
        name: `points_${style.kind}`,
        data: { name: `points_${style.kind}` },
        mark: {
          type: 'point',
          shape: style.shape,
          filled: true,
          color: style.colour,
          size: style.size * scaleDown,
          opacity: 1,
          stroke: COLOURS.white,
          strokeWidth: 0.75,
        },
        encoding: { x, y: y('value') },
      }),
    ),
  ];

  const drawnLayers = layer.filter((l) => {
    const data = l.data as { name?: string };
    return data.name === undefined || datasets[data.name] !== undefined;
  });
  if (valueAxis.cut) drawnLayers.push(...axisBreakLayers(height));

  // 5. The key: only the kinds of point drawn.
  const solid = runs.solid.length > 0;
  const entries: KeyEntry[] = styles.map((s) => ({
    label: s.label,
    glyphs:
      s.kind === 'common' && solid
        ? [
            { kind: 'line' as const, stroke: COLOURS.grey, dash: [], width: 1.25 },
            { kind: 'symbol' as const, shape: s.shape, fill: s.colour, stroke: COLOURS.white, size: s.size, strokeWidth: 0.75 },
          ]
        : [{ kind: 'symbol' as const, shape: s.shape, fill: s.colour, stroke: COLOURS.white, size: s.size, strokeWidth: 0.75 }],
  }));
  if (runs.dashed.length > 0) {
    entries.push({ label: CHART_TEXT.illustrativeDashed, glyphs: [{ kind: 'line', stroke: COLOURS.grey, dash: [...DASHES.illustrative], width: 1.25 }] });
  }
  entries.push({ label: CHART_TEXT.spcMean(chartNumber(mean, decimals, percent)), glyphs: [{ kind: 'line', stroke: COLOURS.ink, dash: [], width: 1.5 }] });
  entries.push({
    label: CHART_TEXT.spcLimits(chartNumber(lower, decimals, percent), chartNumber(upper, decimals, percent)),
    glyphs: [{ kind: 'line', stroke: COLOURS.inkSoft, dash: [...DASHES.limits], width: 1.25 }],
  });
  // 6. Assemble.
  return chartFrame({
    kind: 'spc',
    title,
    description,
    width,
    config: chartConfig(),
    datasets,
    plot: { height, layer: drawnLayers },
    key: keySpec(entries, [], width),
  });
}
