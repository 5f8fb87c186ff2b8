/**
 * A gateway whose every port call waits a fixed latency, at most `bound` in flight, and is logged with
 * its timing: the fake Airbyte of the core-level figures, where no HTTP stands between the core and it.
 */
import type { AirbyteGateway } from '@airbyte-provisioner/core';
import type { SandboxCall } from './sandbox-protocol.js';

const READS: ReadonlySet<string> = new Set([
  'checkWorkspace',
  'findActorById',
  'findActorsByName',
  'findConnectionById',
  'findConnectionsByName',
  'findConnectionsUsing',
  'discoverStreams',
  'getJob',
]);

export interface TimedGateway {
  readonly gateway: AirbyteGateway;
  /** As the sandbox would log them: GET for reads, POST for writes, the port method as the path. */
  readonly calls: () => ReadonlyArray<SandboxCall>;
  readonly clearCalls: () => void;
}

export const sleep = (ms: number): Promise<void> =>
  new Promise((resolve) => {
    setTimeout(resolve, ms);
  });

/** First come, first served: at most `bound` holders at once. */
const semaphore = (bound: number) => {
  const waiting: Array<() => void> = [];
  let running = 0;
  return {
    acquire: (): Promise<void> => {
      if (running < bound) {
        running += 1;
        return Promise.resolve();
      }
      return new Promise((resolve) => waiting.push(resolve));
    },
    release: (): void => {
      const next = waiting.shift();
      if (next === undefined) running -= 1;
      else next();
    },
  };
};

type PortMethod = (...args: unknown[]) => () => Promise<unknown>;

export const timedGateway = (inner: AirbyteGateway, latencyMs: number, bound: number): TimedGateway => {
  const slots = semaphore(bound);
  const log: SandboxCall[] = [];
  const timed =
    (name: string, method: PortMethod): PortMethod =>
    (...args) =>
    async () => {
      await slots.acquire();
      const startedAt = performance.now();
      try {
        await sleep(latencyMs);
        return await method(...args)();
      } finally {
        slots.release();
        log.push({
          method: READS.has(name) ? 'GET' : 'POST',
          path: name,
          startedAt,
          finishedAt: performance.now(),
        });
      }
    };
  const gateway = new Proxy(inner, {
    get: (target, name, receiver) => {
      const value: unknown = Reflect.get(target, name, receiver);
      if (typeof name !== 'string' || typeof value !== 'function' || name === 'withLogger') return value;
      return timed(name, (value as PortMethod).bind(target));
    },
  });
  return {
    gateway,
    calls: () => [...log].sort((a, b) => (a.startedAt ?? 0) - (b.startedAt ?? 0)),
    clearCalls: () => {
      log.length = 0;
    },
  };
};
