/**
 * How far the JavaScript heap may grow past what is live before the next full collection.
 *
 * V8 lets a busy heap grow to about four times what is live before collecting it. A national run
 * (153 authorities) holds about 130 MB live, mostly its dataset, and so peaked near 680 MB, nearly
 * all of it garbage. Growing by 30% at a time it peaks near 310-345 MB for about a fifth more CPU
 * time; the Leeds pack's peak falls from about 330 MB to 215 MB. Set from the start: set only once
 * the data are read, the heap has already grown (national peak 518 MB). bench/README.md has the
 * measurements.
 *
 * V8 reads the setting at every collection, so setting it once the process has started works.
 * Were a later V8 to refuse it, only memory would change, not the output. A value the user gave
 * (`node --heap-growing-percent=N bin/oba …`; node does not take it in NODE_OPTIONS) is left as it is.
 */
import { setFlagsFromString } from 'node:v8';

export const HEAP_GROWING_PERCENT = 30;

/** Sets the limit unless the user gave node one; says whether it was set. */
export function limitHeapGrowth(execArgv: readonly string[] = process.execArgv): boolean {
  const given = execArgv.some((option) => /^--heap[-_]growing[-_]percent\b/.test(option));
  if (given) return false;
  setFlagsFromString(`--heap-growing-percent=${HEAP_GROWING_PERCENT}`);
  return true;
}
