/**
 * How charts get drawn in a run: in this thread, or across a pool of worker threads (piscina),
 * with a content-addressed cache in front. The SVG is the same whichever path draws it.
 */
import { existsSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import type { TopLevelSpec } from 'vega-lite';
import type { ShapeRenderer } from '../charts/render.js';
import type { ChartCache } from './cache.js';

export type RenderChart = (spec: TopLevelSpec) => Promise<string>;

export interface ChartRenderer {
  render: RenderChart;
  /** Charts drawn (not found in the cache) and found in the cache. */
  stats(): { drawn: number; cached: number; threads: number };
  close(): Promise<void>;
}

export interface RendererOptions {
  /**
   * Worker threads: 0 or 1 draws in this thread. By default one per core free but the main
   * thread's (see {@link poolSize}), and none when that is fewer than two.
   */
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
 * Charts drawn in this thread before a pool is considered. A worker spends about half a second
 * loading vega and then compiles every chart shape again; drawn by shape in this thread a chart
 * takes a few milliseconds, so a pool pays only for the national runs' thousands of charts, not
 * for one area's few hundred.
 */
export const POOL_THRESHOLD = 600;
/** The same, when `--jobs` asked for a pool: after the first few dozen charts. */
export const ASKED_POOL_THRESHOLD = 48;

/**
 * Worker threads worth starting: `jobs` if given, else one per core that is free, less the one
 * this process's main thread needs (it reads, analyses, builds the pages and writes the files
 * while the workers draw). The load average, less this process's own busy thread, counts as cores
 * in use by other work. Fewer than two workers is no pool: one worker only moves the drawing off a
 * thread that would otherwise wait for it, at the price of loading vega again. On 2 cores this is
 * no pool: a national run (153 authorities) took as long with two workers as in one thread
 * (25–33 s, a busy machine) and peaked at 450–530 MB, not about 280 MB; and one worker beside
 * the main thread made the Leeds pack no faster, since two threads busy drawing and building
 * slowed each other by 1.4–1.8× there (`bench/README.md`, "Why a second thread does not pay").
 */
export function poolSize(jobs: number | undefined, cores: number, loadAverage: number): number {
  if (jobs !== undefined) return jobs > 1 ? jobs : 0;
  const others = Math.max(0, loadAverage - 1);
  const free = Math.floor(cores - others + 0.25);
  const workers = free - 1;
  return workers >= 2 ? workers : 0;
}

/**
 * Old-generation heap of each worker. Drawing one chart needs a few megabytes; without a limit
 * V8 lets garbage pile up to hundreds of megabytes per worker before collecting it.
 */
export const WORKER_HEAP_MB = 96;

export async function createChartRenderer(options: RendererOptions): Promise<ChartRenderer> {
  const file = options.jobs === undefined || options.jobs > 1 ? workerFile() : undefined;
  let requested = 0;
  let pool: import('piscina').Piscina | undefined;
  // Decided once, when the work has shown itself big enough, from the cores free at that moment.
  let threads: number | undefined;
  // Charts drawn in this thread share compiled shapes and live Views (each worker has its own).
  // vega is loaded at the first chart drawn: a run whose charts all come from the cache needs none.
  let shaped: Promise<ShapeRenderer> | undefined;
  const drawHere: RenderChart = async (spec) => (await (shaped ??= import('../charts/render.js').then((m) => m.createShapeRenderer()))).render(spec);
  const draw: RenderChart = async (spec) => {
    requested++;
    if (file && requested > (options.jobs === undefined ? POOL_THRESHOLD : ASKED_POOL_THRESHOLD)) {
      threads ??= Math.min(poolSize(options.jobs, availableParallelism(), loadavg()[0] ?? 0), 256);
      if (threads > 1) {
        const { Piscina } = await import('piscina');
        pool ??= new Piscina({ filename: file, maxThreads: threads, minThreads: 0, idleTimeout: 1000, resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB } });
        return pool.run(spec) as Promise<string>;
      }
    }
    return drawHere(spec);
  };
  const close = async () => {
    await pool?.destroy();
    // A renderer that failed to load has nothing to close, and its error is already the run's.
    (await shaped?.catch(() => undefined))?.close();
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
