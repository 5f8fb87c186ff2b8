/**
 * Reading the sandbox's call log (or the timed fake's): which calls read, which write, which only fetch a
 * token, and the longest chain of calls that had to wait for one another.
 */
import type { SandboxCall } from './sandbox-protocol.js';

type CallKind = 'auth' | 'read' | 'write';

const callKind = (call: SandboxCall): CallKind => {
  if (/\/applications\/token$/.test(call.path.split('?')[0] ?? '')) return 'auth';
  return call.method.toUpperCase() === 'GET' ? 'read' : 'write';
};

export interface CallCounts {
  readonly reads: number;
  readonly writes: number;
  readonly auth: number;
  /** `METHOD /path` in the order the sandbox received them, ids replaced by `{id}`. */
  readonly sequence: ReadonlyArray<string>;
}

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi;

const describeCall = (call: SandboxCall): string =>
  `${call.method.toUpperCase()} ${call.path.replace(UUID, '{id}')}`;

export const countCalls = (calls: ReadonlyArray<SandboxCall>): CallCounts => ({
  reads: calls.filter((call) => callKind(call) === 'read').length,
  writes: calls.filter((call) => callKind(call) === 'write').length,
  auth: calls.filter((call) => callKind(call) === 'auth').length,
  sequence: calls.map(describeCall),
});

interface Interval {
  readonly start: number;
  readonly end: number;
}

const intervalOf = (call: SandboxCall): Interval | null =>
  typeof call.startedAt === 'number' && typeof call.finishedAt === 'number'
    ? { start: call.startedAt, end: call.finishedAt }
    : null;

/**
 * The most calls that ran one after another (each starting after the previous one ended): with a fixed
 * latency per call this is what bounds the wall time. Null when the log has no timings.
 */
export const longestObservedChain = (calls: ReadonlyArray<SandboxCall>): number | null => {
  const intervals = calls.map(intervalOf);
  if (intervals.some((interval) => interval === null)) return null;
  const sorted = (intervals as Interval[]).sort((a, b) => a.start - b.start);
  const chain: number[] = [];
  sorted.forEach((interval, i) => {
    let best = 0;
    for (let j = 0; j < i; j += 1) {
      const earlier = sorted[j];
      if (earlier !== undefined && earlier.end <= interval.start) best = Math.max(best, chain[j] ?? 0);
    }
    chain.push(best + 1);
  });
  return Math.max(0, ...chain);
};
