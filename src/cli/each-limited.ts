/** How many areas' outputs are built at once: enough to keep the chart workers busy. */
export const AREAS_AT_ONCE = 4;

/**
 * Runs `task` on every item, at most `limit` at a time. Between items the event loop gets a turn:
 * a build that never waits on I/O would otherwise run as one long chain of promises, and the
 * writer thread's word that files are written (`writer-thread.ts`) would not be read until it
 * ended, so its queue would look full and the files would be written in the foreground.
 */
export async function eachLimited<T>(items: readonly T[], limit: number, task: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      await task(items[next++]!);
      await new Promise<void>((resolve) => setImmediate(resolve));
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}
