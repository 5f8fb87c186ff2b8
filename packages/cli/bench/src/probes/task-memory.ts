/**
 * Probe: RSS after 100,000 finished tasks ÷ idle RSS, with the real InMemoryTaskRepository and its default
 * limits (or `maxTasks` given as the third argument). Run with `--expose-gc`. Prints one JSON line.
 *
 * The stored result has the size and shape of a real first deploy's result (summary, public info entries,
 * the DeploymentRecord as privateInfo, the user-facing logs), so the figure reflects what a server keeps.
 */
import {
  InMemoryTaskRepository,
  defaultTaskRepositoryLimits,
  type OperationResult,
} from '@airbyte-provisioner/core';
import { randomBytes, randomUUID } from 'node:crypto';
import { settledMemory } from './rss.js';

const tasks = Number(process.argv[2] ?? '100000');
/** `discard`: build and serialize the same results without keeping them, to see the churn's own cost. */
const keep = process.argv[3] !== 'discard';
const maxTasks = process.argv[4] === undefined ? undefined : Number(process.argv[4]);
const limits =
  maxTasks === undefined ? defaultTaskRepositoryLimits : { ...defaultTaskRepositoryLimits, maxTasks };

// Airbyte ids are random UUIDs, fingerprints HMAC-SHA256 digests and tokens random UUIDs too: values that
// no encoding can shrink below their entropy, as on a real server (the workspace id is the server's own)
const workspaceId = randomUUID();
const fingerprint = (): string => `hmac-sha256:${randomBytes(32).toString('hex')}`;

/** A result like the one a first deploy of the Witboost example returns; ids differ per task. */
const resultFor = (n: number): OperationResult => {
  const at = new Date(Date.UTC(2026, 0, 1) + n * 1000).toISOString();
  const connectionId = randomUUID();
  return {
    message: 'Deployed connection "orders-to-snowflake": created source, destination and connection.',
    info: {
      publicInfo: {
        connection: {
          type: 'link',
          label: 'Airbyte connection',
          value: 'orders-to-snowflake',
          href: `http://localhost:8000/workspaces/${workspaceId}/connections/${connectionId}`,
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
          workspaceId,
          sourceId: randomUUID(),
          destinationId: randomUUID(),
          connectionId,
          sourceFingerprint: fingerprint(),
          destinationFingerprint: fingerprint(),
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
const repository = new InMemoryTaskRepository<OperationResult>(clock, limits);
// touch every code path once before the idle reading, so compiled code is not counted as task memory
await repository.create('warm-up')();
await repository.complete('warm-up', resultFor(0))();
await repository.get('warm-up')();

const idle = await settledMemory();
const started = performance.now();
for (let n = 1; n <= tasks; n += 1) {
  now += 1;
  const token = randomUUID();
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
    limits,
    idle,
    loaded,
    afterPause,
    sampleResultJsonBytes: sampleJsonBytes,
    elapsedMs,
  }),
);
