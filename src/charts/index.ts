/**
 * Charts: pure Vega-Lite spec builders and a deterministic, accessible SVG renderer.
 *
 *     analysed numbers ──baselineChartSpec / spcChartSpec / sparklineSpec──▶ Vega-Lite spec
 *                      ──renderSvg──▶ SVG text (title, desc, role="img")
 *                      ──createShapeRenderer().render──▶ the same SVG, one compile per chart shape
 *     values ──sparkline──▶ '▁▂▃▄▅▆▇█' for Markdown tables
 */
export type { BaselineChartInput, ChartPoint, SparklineInput, SpcChartInput, SpecialCause } from './types.js';
export { baselineChartSpec, MAX_POINTS_WITH_DOTS } from './baseline-chart.js';
export { spcChartSpec, SPC_POINT_STYLES } from './spc-chart.js';
export { sparkline, sparklineSpec, SPARK_BLOCKS, SPARK_MISSING, type SparklineOptions } from './sparkline.js';
export {
  renderSvg,
  accessibleText,
  compileSpec,
  drawSvg,
  createShapeRenderer,
  DEFAULT_LIVE_VIEWS,
  RENDERER_VERSIONS,
  type RenderOptions,
  type ShapeRenderer,
  type ShapeRendererOptions,
} from './render.js';
export { splitChart, type SplitChart } from './chart-shape.js';
export { escapeXml, finalizeSvg, chartId, xmlSafeText, type FinalizeOptions } from './svg.js';
export { ChartInputError, type ChartErrorCode } from './errors.js';
export { CHART_TEXT } from './messages.js';
export { COLOURS, DASHES, FONT, SHAPES } from './theme.js';
export { textWidth } from './text-metrics.js';
