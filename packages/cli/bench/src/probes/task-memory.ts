/**
 * Probe: RSS after 100,000 finished tasks ÷ idle RSS, with the real InMemoryTaskRepository and its default
 * limits. Run with `--expose-gc`. Prints one JSON line.
 *
 * The stored result has the size and shape of a real first deploy's result (summary, public info entries,
 * the DeploymentRecord as privateInfo, the user-facing logs), so the figure reflects what a server keeps.
 */
import {
  InMemoryTaskRepository,
  defaultTaskRepositoryLimits,
  type OperationResult,
} from '@airbyte-provisioner/core';
import { settledMemory } from './rss.js';

const tasks = Number(process.argv[2] ?? '100000');
/** `discard`: build and serialize the same results without keeping them, to see the churn's own cost. */
const keep = process.argv[3] !== 'discard';

const uuid = (n: number, salt: number): string => {
  const hex = (n * 2654435761 + salt).toString(16).padStart(12, '0').slice(-12);
  return `3f2a9c1e-7b4d-4e8a-9c1f-${hex}`;
};

/** A result like the one a first deploy of the Witboost example returns; ids differ per task. */
const resultFor = (n: number): OperationResult => {
  const at = new Date(Date.UTC(2026, 0, 1) + n * 1000).toISOString();
  const connectionId = uuid(n, 3);
  return {
    message: 'Deployed connection "orders-to-snowflake": created source, destination and connection.',
    info: {
      publicInfo: {
        connection: {
          type: 'link',
          label: 'Airbyte connection',
          value: 'orders-to-snowflake',
          href: `http://localhost:8000/workspaces/${uuid(n, 9)}/connections/${connectionId}`,
        },
        source: { type: 'string', label: 'Source', value: 'orders-file (file)' },
        destination: { type: 'string', label: 'Destination', value: 'orders-snowflake (snowflake)' },
        database: { type: 'string', label: 'Destination database', value: 'SALES' },
        schema: { type: 'string', label: 'Destination schema', value: 'ORDERS' },
        streams: { type: 'string', label: 'Streams', value: 'orders' },
        schedule: { type: 'string', label: 'Schedule', value: 'manual' },
      },
      privateInfo: {
        airbyte: {
          workspaceId: uuid(n, 9),
          sourceId: uuid(n, 1),
          destinationId: uuid(n, 2),
          connectionId,
          sourceFingerprint: 'a3f1c9e07b5d2f8846e1b0c7d9a2e5f3',
          destinationFingerprint: '5d2f8846e1b0c7d9a2e5f3a3f1c9e07b',
        },
      },
    },
    logs: [
      { timestamp: at, level: 'INFO', message: 'Created source "orders-file"', phase: 'source' },
      {
        timestamp: at,
        level: 'INFO',
        message: 'Created destination "orders-snowflake"',
        phase: 'destination',
      },
      { timestamp: at, level: 'INFO', message: 'Discovered 1 stream: orders', phase: 'connection' },
      {
        timestamp: at,
        level: 'INFO',
        message: 'Created connection "orders-to-snowflake"',
        phase: 'connection',
      },
    ],
  };
};

let now = Date.UTC(2026, 0, 1);
const clock = { now: () => now };
const repository = new InMemoryTaskRepository<OperationResult>(clock);
// touch every code path once before the idle reading, so compiled code is not counted as task memory
await repository.create('warm-up')();
await repository.complete('warm-up', resultFor(0))();
await repository.get('warm-up')();

const idle = await settledMemory();
const started = performance.now();
for (let n = 1; n <= tasks; n += 1) {
  now += 1;
  const token = `token-${n}`;
  if (!keep) {
    JSON.stringify(resultFor(n));
    continue;
  }
  await repository.create(token)();
  const done = await repository.complete(token, resultFor(n))();
  if (done._tag === 'Left') throw new Error(`complete failed: ${JSON.stringify(done.left)}`);
}
const elapsedMs = performance.now() - started;
const loaded = await settledMemory();
// V8 gives pages back to the OS lazily: a second reading after an idle pause shows how much of the
// growth is the heap's high-water mark rather than what the tasks hold
await new Promise((resolve) => setTimeout(resolve, 2000));
const afterPause = await settledMemory();
const sampleJsonBytes = JSON.stringify(resultFor(1)).length;

console.log(
  JSON.stringify({
    tasks,
    held: repository.size(),
    limits: defaultTaskRepositoryLimits,
    idle,
    loaded,
    afterPause,
    sampleResultJsonBytes: sampleJsonBytes,
    elapsedMs,
  }),
);
