/**
 * The worker side of parallel chart rendering: a worker thread renders one spec to SVG with
 * exactly the code the main thread would use, so output is byte-identical either way. Each
 * worker keeps its own compiled chart shapes and live Views from chart to chart.
 */
import type { TopLevelSpec } from 'vega-lite';
import { createShapeRenderer } from './render.js';

const shaped = createShapeRenderer();

export default async function renderInWorker(spec: TopLevelSpec): Promise<string> {
  return shaped.render(spec);
}
