/**
 * How far the JavaScript heap may grow past what is live before the next full collection.
 *
 * V8 lets a busy heap grow to about four times what is live before collecting it. A national run
 * (153 authorities) holds about 130 MB live, mostly its dataset, and so peaked near 680 MB, nearly
 * all of it garbage. Growing by 30% at a time it peaks near 345 MB for about a fifth more CPU time;
 * the Leeds pack's peak falls from about 330 MB to 215 MB (bench/README.md has the measurements).
 *
 * V8 reads the setting at every collection, so setting it once the process has started works.
 * Were a later V8 to refuse it, only memory would change, not the output. A value given by the
 * user (`NODE_OPTIONS=--heap-growing-percent=…`) is left as it is.
 */
import { setFlagsFromString } from 'node:v8';

export const HEAP_GROWING_PERCENT = 30;

export function limitHeapGrowth(nodeOptions = process.env['NODE_OPTIONS'] ?? '', execArgv: readonly string[] = process.execArgv): boolean {
  const given = [nodeOptions, ...execArgv].some((option) => /heap[-_]growing[-_]percent/.test(option));
  if (given) return false;
  setFlagsFromString(`--heap-growing-percent=${HEAP_GROWING_PERCENT}`);
  return true;
}
