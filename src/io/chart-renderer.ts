/**
 * How charts get drawn in a run: in this thread, or across a pool of worker threads (piscina),
 * with a content-addressed cache in front. The SVG is the same whichever path draws it.
 */
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import type { TopLevelSpec } from 'vega-lite';
import { createShapeRenderer } from '../charts/render.js';
import type { ChartCache } from './cache.js';

export type RenderChart = (spec: TopLevelSpec) => Promise<string>;

export interface ChartRenderer {
  render: RenderChart;
  /** Charts drawn (not found in the cache) and found in the cache. */
  stats(): { drawn: number; cached: number; threads: number };
  close(): Promise<void>;
}

export interface RendererOptions {
  /** Worker threads: 0 or 1 draws in this thread; default one per core. */
  jobs?: number;
  cache?: ChartCache;
  /** Version text that changes whenever the drawing code may draw differently. */
  version: string;
  /** Called after each chart is ready, with how many are ready and how many were asked for. */
  onProgress?: (ready: number, requested: number) => void;
}

/** The compiled worker module; absent when running from the TypeScript sources. */
function workerFile(): string | undefined {
  const file = fileURLToPath(new URL('../charts/render-worker.js', import.meta.url));
  return existsSync(file) ? file : undefined;
}

/**
 * Charts drawn in this thread before a pool is worth starting: each worker spends the better
 * part of a second loading vega, more than drawing a few dozen charts takes.
 */
export const POOL_THRESHOLD = 48;

/**
 * Old-generation heap of each worker. Drawing one chart needs a few megabytes; without a limit
 * V8 lets garbage pile up to hundreds of megabytes per worker before collecting it.
 */
export const WORKER_HEAP_MB = 96;

export async function createChartRenderer(options: RendererOptions): Promise<ChartRenderer> {
  const jobs = options.jobs ?? availableParallelism();
  const file = jobs > 1 ? workerFile() : undefined;
  let requested = 0;
  let pool: import('piscina').Piscina | undefined;
  const { Piscina } = file ? await import('piscina') : { Piscina: undefined };
  // Charts drawn in this thread share compiled shapes and live Views (each worker has its own).
  const shaped = createShapeRenderer();
  const draw: RenderChart = (spec) => {
    requested++;
    if (Piscina && file && requested > POOL_THRESHOLD) {
      pool ??= new Piscina({ filename: file, maxThreads: jobs, minThreads: 0, idleTimeout: 1000, resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB } });
      return pool.run(spec) as Promise<string>;
    }
    return shaped.render(spec);
  };
  const close = async () => {
    await pool?.destroy();
    shaped.close();
  };
  let drawn = 0;
  let asked = 0;
  let ready = 0;
  let cached = 0;
  const cache = options.cache;
  return {
    async render(spec) {
      asked++;
      try {
        return await renderOne(spec);
      } finally {
        ready++;
        options.onProgress?.(ready, asked);
      }
    },
    stats: () => ({ drawn, cached, threads: pool ? pool.maxThreads : 0 }),
    close,
  };

  async function renderOne(spec: TopLevelSpec): Promise<string> {
    const key = cache?.key('chart', options.version, JSON.stringify(spec));
    const hit = key ? cache!.get(key) : undefined;
    if (hit !== undefined) {
      cached++;
      return hit;
    }
    const svg = await draw(spec);
    drawn++;
    if (key) cache!.set(key, svg);
    return svg;
  }
}
