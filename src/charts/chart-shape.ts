/**
 * A chart's shape and its data, split apart so that charts of one shape are compiled and parsed
 * once and then drawn by swapping data into the same vega View.
 *
 * The shape is everything that decides what vega builds: marks, encodings, scale kinds, axis
 * styles, the layout. The data is what only fills it in: the datasets, and the values that vary
 * from chart to chart but are read by vega at run time, so they can be signals:
 *
 * - the chart title's lines (`title.text`);
 * - each axis's scale domain, tick values, title and title offset (`titleX`);
 * - a value axis's number format (`,.0f`, `,.1f`…) and per cent sign, drawn by a label expression
 *   that gives the same labels as vega's own;
 * - the period axis's labels (the array literal in its `labelExpr`, see `period-axis.ts`);
 * - the rows of layers with inline data (the key's marks), as datasets named after the layer;
 * - the height of each named view of a vertical concatenation (the key grows with its entries),
 *   which Vega-Lite compiles into a signal `<name>_height`;
 * - the description (vega's own, not part of the drawing).
 *
 * The spec builders write every layer a chart of their kind may need, with no rows when a chart
 * has nothing for it, so that a chart without a target or a trajectory shares a shape with one
 * that has them (the SVG leaves empty layers out: `dropEmptyMarks`). Anything else that differs
 * between two charts makes them two shapes, so a shape never draws a chart wrong, it only draws
 * fewer charts. Pure: a spec in, its parts out; the spec is not changed
 * (its data rows are shared with the parts, so neither may be changed afterwards).
 */
import type { TopLevelSpec } from 'vega-lite';

/** A chart split into its shape and the data that fills it in. */
export interface SplitChart {
  /** Equal for two charts exactly when they have the same shape. */
  key: string;
  /** The Vega-Lite spec of the shape: empty datasets, and a parameter for each signal. */
  shape: TopLevelSpec;
  /** Every dataset's rows, by name (the spec's datasets and the layers' inline data). */
  datasets: Record<string, unknown[]>;
  /** Values set as signals before each draw: the parameters, then the views' sizes. */
  signals: Record<string, unknown>;
  /** The sizes among `signals` (`<view>_height`): the compiled shape must have these signals. */
  sizes: string[];
  /**
   * Fields that only group rows into separate lines (`detail`). Vega keeps a line whose group
   * recurs from one draw to the next in its old place: the renderer checks the lines come out in
   * the order a fresh View draws them, and draws the chart in a fresh View when they would not.
   */
  groupFields: string[];
  description?: string;
}

type Json = Record<string, unknown>;

const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

/** A value axis's number format: grouped thousands, a fixed number of decimals. */
const FIXED_FORMAT = /^,\.\d+f$/;
/** A percentage axis's labels: the formatted number and a per cent sign. */
const PERCENT_LABEL = "datum.label + '%'";

/** The period axis's label lookup: `["2008","2009",…][round(datum.value) - 2008] || ''`. */
const PERIOD_LABELS = /^\[(.*)\]\[round\(datum\.value\) - (-?\d+)\] \|\| ''$/s;

/**
 * A deep copy of a spec, except that the rows of its datasets and inline data (`values`) are
 * shared, not copied: they are only read, and copying them was most of the cost of a split. An
 * object the spec uses in several places (every layer's value axis is one object) is copied once
 * and used in the same places in the copy.
 */
function copySpec(value: unknown, key: string | undefined, copies: Map<object, unknown>): unknown {
  if (typeof value !== 'object' || value === null) return value;
  if (Array.isArray(value) && key === 'values') return value;
  const known = copies.get(value);
  if (known !== undefined) return known;
  if (Array.isArray(value)) {
    const copy: unknown[] = [];
    copies.set(value, copy);
    for (const item of value) copy.push(copySpec(item, undefined, copies));
    return copy;
  }
  const copy: Json = {};
  copies.set(value, copy);
  for (const name in value) {
    const child = (value as Json)[name];
    copy[name] = name === 'datasets' && isObject(child) ? { ...child } : copySpec(child, name, copies);
  }
  return copy;
}

/** Split `spec` into its shape and data. */
export function splitChart(spec: TopLevelSpec): SplitChart {
  const s = copySpec(spec, undefined, new Map()) as Json;
  const signals: Record<string, unknown> = {};
  const datasets: Record<string, unknown[]> = { ...((s['datasets'] as Record<string, unknown[]> | undefined) ?? {}) };
  const param = (name: string, value: unknown) => {
    signals[name] = value;
    return { expr: name };
  };

  const title = s['title'];
  if (isObject(title) && title['text'] !== undefined) title['text'] = param('chart_title', title['text']);

  const groupFields = new Set<string>();
  const channel = (name: string, def: unknown) => {
    if (!isObject(def)) return;
    if (name === 'detail' && typeof def['field'] === 'string') groupFields.add(def['field']);
    const scale = def['scale'];
    if (isObject(scale) && Array.isArray(scale['domain'])) scale['domain'] = param(`${name}_domain`, scale['domain']);
    const axis = def['axis'];
    if (!isObject(axis)) return;
    if (Array.isArray(axis['values'])) axis['values'] = param(`${name}_ticks`, axis['values']);
    if (typeof axis['title'] === 'string' || Array.isArray(axis['title'])) {
      // An axis title takes a signal, not an expression.
      signals[`${name}_title`] = axis['title'];
      axis['title'] = { signal: `${name}_title` };
    }
    if (typeof axis['titleX'] === 'number') axis['titleX'] = param(`${name}_title_x`, axis['titleX']);
    if (typeof axis['format'] === 'string' && FIXED_FORMAT.test(axis['format']) && (axis['labelExpr'] === undefined || axis['labelExpr'] === PERCENT_LABEL)) {
      // The same labels as vega's own from the format (a fixed number of decimals), but the
      // decimals and the sign are signals, so axes of 0, 1 or 2 decimals, percent or not, share a shape.
      signals[`${name}_format`] = axis['format'];
      signals[`${name}_suffix`] = axis['labelExpr'] === PERCENT_LABEL ? '%' : '';
      // Deleted first, so the expression comes last whether or not the axis had one: the key
      // is the same for percentages and counts.
      delete axis['format'];
      delete axis['labelExpr'];
      axis['labelExpr'] = `format(datum.value, ${name}_format) + ${name}_suffix`;
    }
    const labels = typeof axis['labelExpr'] === 'string' ? PERIOD_LABELS.exec(axis['labelExpr']) : null;
    if (labels) {
      signals[`${name}_labels`] = JSON.parse(`[${labels[1]}]`) as unknown;
      signals[`${name}_first`] = Number(labels[2]);
      axis['labelExpr'] = `${name}_labels[round(datum.value) - ${name}_first] || ''`;
    }
  };

  const view = (v: Json) => {
    const encoding = v['encoding'];
    if (isObject(encoding)) for (const [name, def] of Object.entries(encoding)) channel(name, def);
    const layers = v['layer'];
    if (Array.isArray(layers)) for (const layer of layers) if (isObject(layer)) view(layer);
    const data = v['data'];
    const name = v['name'];
    if (isObject(data) && Array.isArray(data['values']) && typeof name === 'string' && !(name in datasets)) {
      datasets[name] = data['values'] as unknown[];
      v['data'] = { name };
    }
  };

  const sizes: string[] = [];
  const concat = s['vconcat'];
  if (Array.isArray(concat)) {
    for (const [i, child] of concat.entries()) {
      if (!isObject(child)) continue;
      view(child);
      const name = child['name'];
      if (typeof name === 'string' && typeof child['height'] === 'number') {
        signals[`${name}_height`] = child['height'];
        sizes.push(`${name}_height`);
        // Distinct stand-ins, or Vega-Lite would merge the views' sizes into one signal.
        child['height'] = i + 1;
      }
    }
  } else {
    view(s);
  }

  const description = typeof s['description'] === 'string' ? (s['description'] as string) : undefined;
  delete s['description'];
  delete s['usermeta'];
  s['datasets'] = Object.fromEntries(Object.keys(datasets).map((name) => [name, []]));
  const params = Object.keys(signals).filter((name) => !sizes.includes(name));
  const given = Array.isArray(s['params']) ? (s['params'] as unknown[]) : [];
  const key = JSON.stringify({ ...s, params: [...given, ...params] });
  s['params'] = [...given, ...params.map((name) => ({ name, value: signals[name] }))];
  return { key, shape: s as unknown as TopLevelSpec, datasets, signals, sizes, groupFields: [...groupFields], ...(description !== undefined ? { description } : {}) };
}
