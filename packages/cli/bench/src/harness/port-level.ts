/**
 * The core alone, without HTTP: the core/testing fake Airbyte behind the AirbyteGateway port, each call
 * delayed by a fixed latency and timed. It separates the core's scheduling of calls (what waits for what)
 * from the gateway's HTTP work, so a critical-path or concurrency miss can be pinned on one side.
 */
import * as O from 'fp-ts/lib/Option.js';
import type { AirbyteGateway, ValidatedComponent } from '@airbyte-provisioner/core';
import { FakeAirbyteGateway } from '@airbyte-provisioner/core/testing';
import type { SandboxCall } from './sandbox-protocol.js';

const PORT_METHODS: ReadonlyArray<keyof AirbyteGateway> = [
  'checkWorkspace',
  'findActorById',
  'findActorsByName',
  'createActor',
  'updateActor',
  'deleteActor',
  'findConnectionById',
  'findConnectionsByName',
  'findConnectionsUsing',
  'createConnection',
  'updateConnection',
  'deleteConnection',
  'discoverStreams',
  'startSync',
  'getJob',
  'clearData',
];

const READS = new Set<keyof AirbyteGateway>([
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
  readonly fake: FakeAirbyteGateway;
  /** As the sandbox would log them: GET for reads, POST for writes, the port method as the path. */
  readonly calls: () => ReadonlyArray<SandboxCall>;
  readonly clearCalls: () => void;
  readonly peakInFlight: () => number;
}

const sleep = (ms: number): Promise<void> =>
  new Promise((resolve) => {
    setTimeout(resolve, ms);
  });

/** `bound`: at most this many calls in flight, first come first served (as the HTTP gateway does). */
export const timedFakeGateway = (latencyMs: number, bound = Number.POSITIVE_INFINITY): TimedGateway => {
  const waiting: Array<() => void> = [];
  let running = 0;
  const acquire = (): Promise<void> => {
    if (running < bound) {
      running += 1;
      return Promise.resolve();
    }
    return new Promise((resolve) => waiting.push(resolve));
  };
  const release = (): void => {
    const next = waiting.shift();
    if (next === undefined) running -= 1;
    else next();
  };
  const fake = new FakeAirbyteGateway({ workspaceId: 'bench-workspace' });
  const log: SandboxCall[] = [];
  let inFlight = 0;
  let peak = 0;
  const wrapped: Record<string, unknown> = {};
  for (const method of PORT_METHODS) {
    const inner = (fake as unknown as Record<string, (...args: unknown[]) => () => Promise<unknown>>)[method];
    if (inner === undefined) continue;
    wrapped[method] =
      (...args: unknown[]) =>
      async (): Promise<unknown> => {
        await acquire();
        const startedAt = performance.now();
        inFlight += 1;
        peak = Math.max(peak, inFlight);
        try {
          await sleep(latencyMs);
          return await inner(...args)();
        } finally {
          release();
          inFlight -= 1;
          log.push({
            method: READS.has(method) ? 'GET' : 'POST',
            path: method,
            startedAt,
            finishedAt: performance.now(),
          });
        }
      };
  }
  return {
    gateway: wrapped as unknown as AirbyteGateway,
    fake,
    calls: () => [...log].sort((a, b) => (a.startedAt ?? 0) - (b.startedAt ?? 0)),
    clearCalls: () => {
      log.length = 0;
      peak = inFlight;
    },
    peakInFlight: () => peak,
  };
};

/** The Witboost example's File → Snowflake component as the descriptor module resolves it. */
export const exampleComponent = (suffix: string): ValidatedComponent => ({
  dataProduct: { id: 'urn:dmb:dp:healthcare:vaccinations:0', name: 'Vaccinations' },
  componentId: `urn:dmb:cmp:healthcare:vaccinations:0:airbyte-workload${suffix}`,
  desired: {
    source: {
      name: `healthcare.vaccinations.0.File${suffix}`,
      connector: { _tag: 'ConnectorType', connectorType: 'file' },
      configuration: {
        url: 'https://storage.googleapis.com/covid19-open-data/v2/latest/epidemiology.csv',
        format: 'csv',
        provider: { storage: 'HTTPS', user_agent: false },
        dataset_name: 'epidemiology',
      },
      secretPaths: [],
    },
    destination: {
      name: `healthcare.vaccinations.0.Snowflake${suffix}`,
      connector: { _tag: 'ConnectorType', connectorType: 'snowflake' },
      configuration: {
        host: 'bench.snowflakecomputing.com',
        role: 'AIRBYTE_ROLE',
        warehouse: 'AIRBYTE_WAREHOUSE',
        username: 'AIRBYTE_USER',
        database: 'HEALTHCARE',
        schema: 'VACCINATIONS_0',
        credentials: { auth_type: 'Username and Password', password: 'bench-password' },
      },
      secretPaths: ['credentials.password'],
    },
    connection: {
      name: `healthcare.vaccinations.0.File-to-Snowflake${suffix}`,
      streams: { _tag: 'All' },
      schedule: { scheduleType: 'manual' },
      status: 'active',
      syncOnProvision: 'never',
    },
  },
  previous: O.none,
  warnings: [],
});
