/** Memory readings inside a probe process. Needs `--expose-gc` for `settledRss`. */
import { setImmediate as nextTurn } from 'node:timers/promises';

export interface MemoryReading {
  readonly rssBytes: number;
  readonly heapUsedBytes: number;
  readonly heapTotalBytes: number;
  readonly externalBytes: number;
}

const collect = (): void => {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (gc === undefined) throw new Error('run the probe with --expose-gc');
  gc();
};

/** RSS after full collections, with turns of the event loop between them so finalizers run. */
export const settledMemory = async (): Promise<MemoryReading> => {
  for (let i = 0; i < 3; i += 1) {
    collect();
    await nextTurn();
  }
  const usage = process.memoryUsage();
  return {
    rssBytes: usage.rss,
    heapUsedBytes: usage.heapUsed,
    heapTotalBytes: usage.heapTotal,
    externalBytes: usage.external,
  };
};

/** Peak resident set size of this process so far, in bytes (`maxRSS` is in KiB). */
export const peakRssBytes = (): number => process.resourceUsage().maxRSS * 1024;
