/**
 * Reading the sandbox's call log: which calls read, which write, which only fetch a token, and the longest
 * chain of calls that had to wait for one another.
 */
import type { SandboxCall } from './sandbox-protocol.js';

export type CallKind = 'auth' | 'read' | 'write';

export const callKind = (call: SandboxCall): CallKind => {
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

export const describeCall = (call: SandboxCall): string =>
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

/** Each call as `METHOD /path @start→end` in ms from the first call, and the time the log spans. */
export const timeline = (
  calls: ReadonlyArray<SandboxCall>,
): { readonly spanMs: number; readonly calls: string[] } => {
  const timed = calls.filter(
    (call) => typeof call.startedAt === 'number' && typeof call.finishedAt === 'number',
  );
  if (timed.length === 0) return { spanMs: 0, calls: [] };
  const first = Math.min(...timed.map((call) => call.startedAt ?? 0));
  const last = Math.max(...timed.map((call) => call.finishedAt ?? 0));
  return {
    spanMs: last - first,
    calls: timed.map(
      (call) =>
        `${describeCall(call)} @${Math.round((call.startedAt ?? 0) - first)}→${Math.round((call.finishedAt ?? 0) - first)}`,
    ),
  };
};
