import type { Build } from '../harness/build.js';
import { runProbe } from '../harness/child.js';
import type { FigureGroup } from '../harness/figure.js';
import { measureFigure, type Session } from '../harness/measure.js';
import { median, round } from '../harness/stats.js';
import { atMost } from '../harness/target.js';
import type { MemoryReading } from '../probes/rss.js';

interface TaskMemoryProbe {
  readonly maxTasks: number;
  readonly held: number | null;
  readonly idle: MemoryReading;
  readonly readings: ReadonlyArray<MemoryReading>;
}

const TASKS = 20_000;
const BYTES_TARGET = 3 * 1024;
const FLAT_TARGET = 1.05;
const BUDGET_SECONDS = 40;
const MiB = 1024 * 1024;

/** Checkpoints: task counts, or `x2` for twice the store's cap. */
const probe = (build: Build, checkpoints: ReadonlyArray<string>): Promise<TaskMemoryProbe> =>
  runProbe<TaskMemoryProbe>('probes/task-memory.js', [build.root, ...checkpoints], {
    nodeFlags: ['--expose-gc'],
  });

const rss = (probe: TaskMemoryProbe, checkpoint: number): number =>
  probe.readings[checkpoint]?.rssBytes ?? Number.NaN;

/** Each round a fresh process: RSS per task held at 20,000 tasks. */
const openBytesPerTask = (build: Build): Promise<Session> => {
  const last: { probe?: TaskMemoryProbe } = {};
  return Promise.resolve({
    sample: async () => {
      const reading = await probe(build, [String(TASKS)]);
      last.probe = reading;
      const held = Math.min(TASKS, reading.held ?? TASKS);
      return (rss(reading, 0) - reading.idle.rssBytes) / held;
    },
    details: () =>
      Promise.resolve(
        last.probe === undefined
          ? {}
          : {
              tasksHeld: last.probe.held,
              maxTasks: last.probe.maxTasks,
              idleRssMiB: round(last.probe.idle.rssBytes / MiB, 1),
              loadedRssMiB: round(rss(last.probe, 0) / MiB, 1),
              heapUsedGrowthMiB: round(
                ((last.probe.readings[0]?.heapUsedBytes ?? 0) - last.probe.idle.heapUsedBytes) / MiB,
                1,
              ),
            },
      ),
    close: () => Promise.resolve(),
  });
};

/** Each round a fresh process filled to 2 and then 3 × the store's cap. */
const openFlatness = (build: Build): Promise<Session> => {
  const rssMiB: { twice: number[]; thrice: number[]; maxTasks?: number } = { twice: [], thrice: [] };
  return Promise.resolve({
    sample: async () => {
      const reading = await probe(build, ['x2', 'x3']);
      rssMiB.maxTasks = reading.maxTasks;
      rssMiB.twice.push(rss(reading, 0) / MiB);
      rssMiB.thrice.push(rss(reading, 1) / MiB);
      return rss(reading, 1) / rss(reading, 0);
    },
    details: () =>
      Promise.resolve({
        maxTasks: rssMiB.maxTasks,
        rssAtTwiceMaxMiB: round(median(rssMiB.twice), 1),
        rssAtThriceMaxMiB: round(median(rssMiB.thrice), 1),
      }),
    close: () => Promise.resolve(),
  });
};

export const memoryGroup: FigureGroup = {
  id: 'memory',
  title: 'Memory: finished tasks in the default in-memory store',
  method: `
Each round is a fresh child process (\`node --expose-gc\`) that builds the build's default in-memory task
store (\`InMemoryTaskRepository\` with its default limits), reads RSS after forced collections (idle), then
creates and completes tasks, each under a random UUID token (as the server issues) and holding a result of
the size and shape a real first deploy returns, with random UUIDs as Airbyte ids and HMAC-SHA256
fingerprints (values no encoding shrinks below their entropy), and reads RSS again after forced
collections. First figure: (RSS at ${TASKS.toLocaleString('en')} finished tasks − idle RSS) ÷ tasks held, in
bytes; target ≤ ${BYTES_TARGET} (3 KiB). Second: RSS once 3 × the store's maximum count
(\`TASK_MAX_COUNT\`'s default) of tasks have finished ÷ RSS at 2 × that count: 1 when RSS stays flat once
the oldest finished tasks are evicted, and well above it (a whole cap's worth of tasks more) if the store
kept them. Target ≤ ${FLAT_TARGET}. (The first cap is left out of it: V8 grows its young generation once
under that allocation rate, whatever the store keeps.) It takes 3 rounds at least, each a 3 × cap run.`,
  run: async (context) => {
    const perTask = await measureFigure(
      context,
      {
        name: `memory: RSS per finished task held, at ${TASKS.toLocaleString('en')} tasks`,
        unit: 'bytes',
        target: atMost(BYTES_TARGET),
        budgetSeconds: BUDGET_SECONDS,
      },
      openBytesPerTask,
    );
    const flat = await measureFigure(
      context,
      {
        name: 'memory: RSS after 3 × TASK_MAX_COUNT tasks ÷ after 2 ×',
        unit: 'ratio',
        target: atMost(FLAT_TARGET),
        budgetSeconds: BUDGET_SECONDS,
        minRounds: 3,
      },
      openFlatness,
    );
    return { figures: [perTask, flat] };
  },
};
