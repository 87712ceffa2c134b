/**
 * Render a Vega-Lite spec to a deterministic, accessible SVG string, headless (no browser, no
 * canvas).
 *
 * Phases, run in this order by {@link renderSvg}:
 *
 *     spec ──1 accessible text──▶ title + description (options, else spec.usermeta.oba, else spec)
 *          ──2 compile──────────▶ Vega spec          (vega-lite; warnings to `onWarning`)
 *          ──3 parse────────────▶ Vega runtime       (vega.parse)
 *          ──4 draw─────────────▶ SVG markup         (new vega.View, renderer 'none', toSVG)
 *          ──5 finalize─────────▶ SVG less empty layers, with <title>, <desc>, role="img",
 *                                 version stamp, one element a line (so a new value is a small diff)
 *
 * Determinism: the same spec gives byte-identical SVG on every machine and every call.
 * - A fresh `View` per call; draws run one at a time, and vega's clip-path and gradient id
 *   counters are reset before each.
 * - Text is measured with fixed Helvetica metrics (`text-metrics.ts`) installed as vega's text
 *   measure while drawing, whether or not a canvas package is present.
 * - The font family, sizes, plot sizes and the number locale are written into every spec's config.
 * - Nothing reads the clock or randomness; data is inline (no loading).
 *
 * {@link createShapeRenderer} draws the same SVG faster: charts of one shape (`chart-shape.ts`)
 * share one compile and parse, and a bounded number of live Views, into which each chart's data
 * and signals are swapped before it is drawn. Where a live View would draw differently from a
 * fresh one (axis ticks matched by value, lines kept out of order) it is told not to, or a fresh
 * View draws the chart.
 *
 * Layers with no rows are written by vega as empty groups; phase 5 leaves them out, so a chart
 * drawn from a shape with layers it does not use is the same file as one drawn without them.
 */
import type { TopLevelSpec } from 'vega-lite';
import { splitChart, type SplitChart } from './chart-shape.js';
import { ChartInputError } from './errors.js';
import { dropEmptyMarks, finalizeSvg, oneElementPerLine } from './svg.js';
import { vegaTextWidth } from './text-metrics.js';
import { vega, vl } from './vega-libraries.js';

export interface RenderOptions {
  /** The SVG `<title>`; by default the spec's `usermeta.oba.title`, else its `title` text. */
  title?: string;
  /** The SVG `<desc>`; by default the spec's `usermeta.oba.description`, else its `description`. */
  description?: string;
  /** Prefix for the ids of `<title>` and `<desc>`; by default a hash of their text. */
  id?: string;
  /** Write the vega and vega-lite versions in an XML comment (default true). */
  stamp?: boolean;
  /** Receives each warning from vega-lite's compiler and vega's runtime. By default they are dropped. */
  onWarning?: (message: string) => void;
}

/** `vega <version>, vega-lite <version>`: the stamp written into each SVG. */
export const RENDERER_VERSIONS = `vega ${vega.version}, vega-lite ${vl.version}`;

/** A vega/vega-lite logger that passes warnings and errors on as text. */
function logger(onWarning: (message: string) => void) {
  let level = 0;
  const text = (args: readonly unknown[]) => args.map((a) => (a instanceof Error ? a.message : String(a))).join(' ');
  const self = {
    level(value?: number) {
      if (value === undefined) return level;
      level = value;
      return self;
    },
    error(...args: readonly unknown[]) {
      onWarning(text(args));
      return self;
    },
    warn(...args: readonly unknown[]) {
      onWarning(text(args));
      return self;
    },
    info() {
      return self;
    },
    debug() {
      return self;
    },
  };
  return self;
}

function titleText(title: unknown): string | undefined {
  if (typeof title === 'string') return title;
  if (Array.isArray(title)) return title.join(' ');
  if (title && typeof title === 'object' && 'text' in title) return titleText((title as { text: unknown }).text);
  return undefined;
}

/** Phase 1: the accessible name and description, from the options or the spec. */
export function accessibleText(spec: TopLevelSpec, options: RenderOptions = {}): { title: string; description: string } {
  const meta = (spec.usermeta as { oba?: { title?: unknown; description?: unknown } } | undefined)?.oba;
  const title = options.title ?? (typeof meta?.title === 'string' ? meta.title : undefined) ?? titleText(spec.title);
  const description = options.description ?? (typeof meta?.description === 'string' ? meta.description : undefined) ?? spec.description;
  if (!title || title.trim() === '') {
    throw new ChartInputError('MISSING_TEXT', 'renderSvg', 'title', 'renderSvg requires a chart title (for the SVG <title>), got none');
  }
  if (!description || description.trim() === '') {
    throw new ChartInputError('MISSING_TEXT', 'renderSvg', 'description', 'renderSvg requires a description (for the SVG <desc>), got none');
  }
  return { title, description };
}

/** Phase 2: Vega-Lite to Vega. */
export function compileSpec(spec: TopLevelSpec, onWarning: (message: string) => void = () => {}): vega.Spec {
  return vl.compile(spec, { logger: logger(onWarning) }).spec;
}

interface TextMetrics {
  width: (item: unknown, text?: unknown) => number;
}
const textMetrics = (vega as unknown as { textMetrics: TextMetrics }).textMetrics;

let queue: Promise<unknown> = Promise.resolve();

/**
 * Run draws one at a time. Vega's text measure and its clip/gradient id counters are global, so
 * two overlapping draws could otherwise see each other's state. While a draw runs, the fixed
 * text measure is installed and the id counters start from zero; the previous measure is put
 * back afterwards.
 */
function serially<T>(draw: () => Promise<T>): Promise<T> {
  const task = async () => {
    const saved = textMetrics.width;
    textMetrics.width = vegaTextWidth as TextMetrics['width'];
    vega.resetSVGDefIds();
    try {
      return await draw();
    } finally {
      textMetrics.width = saved;
    }
  };
  const run = queue.then(task, task);
  queue = run.catch(() => undefined);
  return run;
}

/** Phases 3 and 4: parse the Vega spec and draw it to SVG markup with a fresh view. */
export async function drawSvg(compiled: vega.Spec, onWarning: (message: string) => void = () => {}): Promise<string> {
  const runtime = vega.parse(compiled);
  return serially(async () => {
    const view = new vega.View(runtime, { renderer: 'none', logger: logger(onWarning) as unknown as vega.LoggerInterface });
    try {
      return await view.toSVG();
    } finally {
      view.finalize();
    }
  });
}

/** Phase 5: empty layers left out, the accessible wrapper, the version stamp, one element a line. */
function finish(svg: string, text: { title: string; description: string }, options: RenderOptions): string {
  const finished = finalizeSvg(dropEmptyMarks(svg), {
    ...text,
    ...(options.id !== undefined ? { id: options.id } : {}),
    ...(options.stamp === false ? {} : { comment: `drawn by oba with ${RENDERER_VERSIONS}` }),
  });
  return oneElementPerLine(finished);
}

/**
 * Render a Vega-Lite spec (from `baselineChartSpec`, `spcChartSpec`, `sparklineSpec`, or any
 * spec with a title and description) to SVG text: deterministic, valid XML, with `<title>` and
 * `<desc>` as the root's first children and `role="img"`.
 */
export async function renderSvg(spec: TopLevelSpec, options: RenderOptions = {}): Promise<string> {
  const onWarning = options.onWarning ?? (() => {});
  const text = accessibleText(spec, options); // 1
  const compiled = compileSpec(spec, onWarning); // 2
  const svg = await drawSvg(compiled, onWarning); // 3, 4
  return finish(svg, text, options); // 5
}

/**
 * Stop a parsed runtime matching axis items by tick value from one draw to the next: a tick
 * value two charts share would keep its old item, and the items would come out in another
 * order than a fresh View draws them. Without the key, every draw's ticks are new items.
 */
function forgetTickKeys(node: unknown): void {
  if (Array.isArray(node)) {
    for (const item of node) forgetTickKeys(item);
    return;
  }
  if (typeof node !== 'object' || node === null) return;
  const op = node as { type?: unknown; params?: { key?: { $field?: unknown } } };
  if (op.type === 'datajoin' && op.params?.key?.$field === 'value') delete op.params.key;
  for (const value of Object.values(node)) forgetTickKeys(value);
}

/** The row, copied: vega marks the rows it is given. */
const copyRow = (row: unknown) => (typeof row === 'object' && row !== null ? { ...(row as object) } : row);

/** The lines of `rows` (groups of rows with the same `groupFields` values), in the order they first appear. */
function linesOf(rows: readonly unknown[], groupFields: readonly string[]): string[] {
  const lines = new Set<string>();
  for (const row of rows) lines.add(JSON.stringify(groupFields.map((field) => (row as Record<string, unknown> | null)?.[field] ?? null)));
  return [...lines];
}

/**
 * Whether a View that drew `before` draws `after` as a fresh View would. A View keeps a line
 * that recurs in the next chart in its old place and puts new lines after the kept ones; a fresh
 * View draws the lines in the order they first appear. So the lines kept must come first, in the
 * same order. The spec builders number lines 0, 1, 2… so that they do.
 */
function keepsLineOrder(before: readonly string[], after: readonly string[]): boolean {
  const now = new Set(after);
  return before.filter((line) => now.has(line)).every((line, i) => after[i] === line);
}

/** A compiled and parsed shape, with what its compile said. */
interface Shape {
  runtime: vega.Runtime | undefined;
  warnings: string[];
}

export interface ShapeRendererOptions {
  /**
   * Live Views kept, one per shape, least recently used dropped first (default
   * {@link DEFAULT_LIVE_VIEWS}). A View holds about 1.2 MB.
   */
  maxViews?: number;
  /** Compiled shapes kept (default 512); each is a few tens of kilobytes. */
  maxShapes?: number;
}

export interface ShapeRenderer {
  /** As {@link renderSvg}, and byte-identical to it. */
  render(spec: TopLevelSpec, options?: RenderOptions): Promise<string>;
  stats(): { shapes: number; views: number; viewsMade: number; draws: number };
  /** Let go of every View. */
  close(): void;
}

/** Live Views kept by default: the bundled pack has 4 chart shapes; a national run a few more. */
export const DEFAULT_LIVE_VIEWS = 24;

/**
 * A renderer that compiles and parses each chart shape once and keeps a View per shape (at most
 * `maxViews`), swapping each chart's datasets and signals in, resizing, then drawing.
 */
export function createShapeRenderer(options: ShapeRendererOptions = {}): ShapeRenderer {
  const maxViews = options.maxViews ?? DEFAULT_LIVE_VIEWS;
  const maxShapes = options.maxShapes ?? 512;
  const shapes = new Map<string, Shape>();
  const views = new Map<string, vega.View>();
  let warn: (message: string) => void = () => {};
  const viewLogger = logger((message) => warn(message)) as unknown as vega.LoggerInterface;
  let viewsMade = 0;
  let draws = 0;
  // Each live View's lines of the last chart drawn into it, by dataset (see keepsLineOrder).
  const lastLines = new WeakMap<vega.View, Map<string, string[]>>();

  const shapeOf = (split: SplitChart): Shape => {
    const known = shapes.get(split.key);
    if (known) {
      shapes.delete(split.key);
      shapes.set(split.key, known);
      return known;
    }
    const warnings: string[] = [];
    const compiled = compileSpec(split.shape, (m) => warnings.push(m));
    const signals = new Set((compiled.signals ?? []).map((s) => s.name));
    // A size Vega-Lite did not make a signal cannot be swapped: such charts are drawn afresh.
    const runtime = split.sizes.every((name) => signals.has(name)) ? vega.parse(compiled) : undefined;
    if (runtime) forgetTickKeys(runtime);
    const shape = { runtime, warnings };
    shapes.set(split.key, shape);
    if (shapes.size > maxShapes) shapes.delete(shapes.keys().next().value!);
    return shape;
  };

  /** The shape's live View, or with `fresh` a new one in its place. */
  const viewOf = (key: string, runtime: vega.Runtime, fresh = false): vega.View => {
    let view = views.get(key);
    if (view && fresh) view.finalize();
    if (view) views.delete(key);
    if (!view || fresh) {
      view = new vega.View(runtime, { renderer: 'none', logger: viewLogger });
      // A mark keeps the items of data swapped out until 10,000 have piled up (vega's
      // `cleanThreshold`), each with its bounds and text; drawn again and again, a View grew by
      // megabytes. Let them go after every draw: the SVG is the same, the View stays small.
      (view as unknown as { cleanThreshold: number }).cleanThreshold = 0;
      viewsMade++;
    }
    views.set(key, view);
    if (views.size > maxViews) {
      const oldest = views.keys().next().value!;
      views.get(oldest)!.finalize();
      views.delete(oldest);
    }
    return view;
  };

  return {
    async render(spec, renderOptions = {}) {
      const onWarning = renderOptions.onWarning ?? (() => {});
      const text = accessibleText(spec, renderOptions); // 1
      const split = splitChart(spec);
      const shape = shapeOf(split); // 2, 3: once per shape
      if (!shape.runtime) return renderSvg(spec, renderOptions);
      shape.warnings.forEach(onWarning);
      const runtime = shape.runtime;
      const svg = await serially(async () => {
        // 4: the chart's data into the shape's View, then draw.
        warn = onWarning;
        try {
          const lines = split.groupFields.length === 0 ? undefined : new Map(Object.entries(split.datasets).map(([name, rows]) => [name, linesOf(rows, split.groupFields)]));
          let view = viewOf(split.key, runtime);
          const before = lastLines.get(view);
          if (lines && before && ![...lines].every(([name, now]) => keepsLineOrder(before.get(name) ?? [], now))) view = viewOf(split.key, runtime, true);
          if (lines) lastLines.set(view, lines);
          for (const [name, rows] of Object.entries(split.datasets)) view.data(name, rows.map(copyRow));
          for (const [name, value] of Object.entries(split.signals)) view.signal(name, value);
          view.description(split.description ?? '');
          view.resize();
          draws++;
          return await view.toSVG();
        } finally {
          warn = () => {};
        }
      });
      return finish(svg, text, renderOptions); // 5
    },
    stats: () => ({ shapes: shapes.size, views: views.size, viewsMade, draws }),
    close() {
      for (const view of views.values()) view.finalize();
      views.clear();
      shapes.clear();
    },
  };
}
