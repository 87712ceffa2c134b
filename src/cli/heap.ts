/**
 * How far the JavaScript heap may grow past what is live before the next full collection.
 *
 * V8 lets a busy heap grow to about four times what is live before collecting it. A national run
 * (153 authorities) holds about 130 MB live, mostly its dataset, and so peaked near 680 MB, nearly
 * all of it garbage. Growing by 50% at a time it peaks near 300 MB (growing by 30%, 270–280 MB,
 * for about a tenth more CPU again: 39.8–44.2 s against 35.9–40.2 s in six alternating runs);
 * bench/README.md has the measurements.
 *
 * The limit pays only where the data are large: with the Leeds pack's 2.8 MB of data it cost
 * about a sixth of the run's wall time (7.1–7.3 s against 6.0–6.7 s) to keep its peak at 178 MB,
 * not 294 MB. So it is set only for runs reading at least `LIMIT_FROM_BYTES` of data, where without
 * it the peak passes 370 MB (measured at 30%: 32 authorities, 5.9 MB: 374 MB, 197 MB with it; 64
 * authorities, 9.8 MB: 398 MB and 227 MB; the national 20 MB: 690 MB and 310 MB).
 *
 * The limit is set when a run starts building, before its data are read: set later, the heap has
 * already grown (national peak 518 MB); set at start-up, a rerun that finds nothing to do pays
 * for extra collections while modules load. V8 reads the setting at every collection, so setting
 * it once the process has started works; were a later V8 to refuse it, only memory would change,
 * not the output. A value the user gave (`node --heap-growing-percent=N bin/oba …`; node does not
 * take it in NODE_OPTIONS) is left as it is.
 */
import { setFlagsFromString } from 'node:v8';

export const HEAP_GROWING_PERCENT = 50;
/** The least data (bytes of the data files a run reads) for which the limit is set. */
export const LIMIT_FROM_BYTES = 4 * 1024 * 1024;

let wanted = false;

/**
 * For the `oba` executable: limit the heap's growth once a run starts building. A library caller
 * (or a test runner calling `main`) keeps its process's own settings. Says whether the limit will
 * be set: not when the user gave node a value of their own.
 */
export function limitHeapGrowthWhenBuilding(execArgv: readonly string[] = process.execArgv): boolean {
  wanted = !execArgv.some((option) => /^--heap[-_]growing[-_]percent\b/.test(option));
  return wanted;
}

/** Called as a build starts, before its data are read: sets the limit, if it is wanted and the data are large enough, once. */
export function buildStarting(dataBytes: number): void {
  if (!wanted || dataBytes < LIMIT_FROM_BYTES) return;
  wanted = false;
  setFlagsFromString(`--heap-growing-percent=${HEAP_GROWING_PERCENT}`);
}
