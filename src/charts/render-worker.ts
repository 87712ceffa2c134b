/**
 * The worker side of parallel chart rendering: a worker thread renders one spec to SVG with
 * exactly the code the main thread would use, so output is byte-identical either way.
 */
import type { TopLevelSpec } from 'vega-lite';
import { renderSvg } from './render.js';

export default async function renderInWorker(spec: TopLevelSpec): Promise<string> {
  return renderSvg(spec);
}
