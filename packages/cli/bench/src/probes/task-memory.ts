/**
 * Probe: what one build's default in-memory task store holds in RSS. Builds the store with its default
 * limits, reads RSS after forced collections (idle), then creates and completes tasks, each under a random
 * UUID token and holding a result of the size and shape a real first deploy returns, and reads RSS again
 * at each checkpoint. Run with `--expose-gc`. Prints one JSON line.
 * Usage: task-memory.js <build root> <checkpoint>...   (task counts, increasing; `x2`: twice the store's cap)
 */
import { loadDefaultTaskStore } from '../harness/build-modules.js';
import { settledMemory, type MemoryReading } from './rss.js';
import { deployResult } from './deploy-result.js';

const [root = '', ...checkpointArguments] = process.argv.slice(2);
let now = Date.UTC(2026, 0, 1);
const clock = { now: () => now };
const { store, maxTasks } = await loadDefaultTaskStore(root, clock);
const checkpoints = checkpointArguments.map((checkpoint) =>
  checkpoint.startsWith('x') ? Number(checkpoint.slice(1)) * maxTasks : Number(checkpoint),
);

const finish = async (token: string, n: number): Promise<void> => {
  await store.create(token)();
  const done = await store.complete(token, deployResult(n))();
  if (done._tag === 'Left') throw new Error(`complete failed: ${JSON.stringify(done.left)}`);
};
// every code path once before the idle reading, so compiled code is not counted as task memory
await finish('warm-up', 0);

const idle = await settledMemory();
const readings: MemoryReading[] = [];
let finished = 0;
for (const checkpoint of checkpoints) {
  for (; finished < checkpoint; finished += 1) {
    now += 1;
    await finish(crypto.randomUUID(), finished);
  }
  readings.push(await settledMemory());
}
console.log(JSON.stringify({ maxTasks, held: store.size?.() ?? null, idle, readings }));
