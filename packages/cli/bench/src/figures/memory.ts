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
const FLAT_TARGET = 0.1;
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

/** Each round a fresh process filled to 1, 2 and 3 × the store's cap. */
const openFlatness = (build: Build): Promise<Session> => {
  const growths: number[] = [];
  const probed: { maxTasks?: number } = {};
  return Promise.resolve({
    sample: async () => {
      const reading = await probe(build, ['x1', 'x2', 'x3']);
      probed.maxTasks = reading.maxTasks;
      const held = rss(reading, 0) - reading.idle.rssBytes;
      growths.push(rss(reading, 2) - rss(reading, 1));
      return (rss(reading, 2) - rss(reading, 1)) / held;
    },
    details: () =>
      Promise.resolve({ maxTasks: probed.maxTasks, lastCapGrowthMedianMiB: round(median(growths) / MiB, 2) }),
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
bytes; target ≤ ${BYTES_TARGET} (3 KiB). Second: the store is filled to its maximum count
(\`TASK_MAX_COUNT\`'s default), then to 2× and 3× it; the RSS the last cap's worth of tasks adds ÷ the RSS
the first cap's worth added: about 1 if the store kept everything, about 0 if RSS stays flat once the
oldest finished tasks are evicted. Target ≤ ${FLAT_TARGET}. (The 1 → 2 × step is left out: V8 grows its
young generation under that allocation rate once, whatever the store keeps.)`,
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
        name: 'memory: RSS growth over the 3rd TASK_MAX_COUNT of tasks ÷ over the 1st',
        unit: 'ratio',
        target: atMost(FLAT_TARGET),
        budgetSeconds: BUDGET_SECONDS,
      },
      openFlatness,
    );
    return { figures: [perTask, flat] };
  },
};
