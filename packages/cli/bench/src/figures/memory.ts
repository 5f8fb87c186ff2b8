import { runProbe } from '../harness/child.js';
import { round, type FigureGroup } from '../harness/figure.js';
import { benchScript } from '../harness/paths.js';
import type { MemoryReading } from '../probes/rss.js';

interface TaskMemoryProbe {
  readonly tasks: number;
  readonly held: number;
  readonly limits: { readonly ttlMs: number; readonly maxTasks: number };
  readonly idle: MemoryReading;
  readonly loaded: MemoryReading;
  readonly afterPause: MemoryReading;
  readonly sampleResultJsonBytes: number;
  readonly elapsedMs: number;
}

const MiB = 1024 * 1024;
const mib = (bytes: number): number => round(bytes / MiB, 1);

export const memoryGroup: FigureGroup = {
  id: 'memory',
  title: 'Memory: 100,000 finished tasks',
  method: `
A child process (\`node --expose-gc\`) builds the real \`InMemoryTaskRepository\` with its default limits,
reads RSS after forced collections (idle), then creates and completes 100,000 tasks, each holding a result
of the size and shape a real first deploy returns (summary, public info, the DeploymentRecord, four log
lines; its size and shape match what the deploy engine returns for the example), and reads RSS again after
forced collections. Figure: loaded RSS ÷ idle RSS. Target ≤ 1.3. A second child builds and serializes the
same results without keeping them, to separate the churn's own cost from what the repository holds.`,
  run: async () => {
    const probe = await runProbe<TaskMemoryProbe>(benchScript('probes/task-memory.js'), ['100000'], {
      nodeFlags: ['--expose-gc'],
    });
    const churn = await runProbe<TaskMemoryProbe>(
      benchScript('probes/task-memory.js'),
      ['100000', 'discard'],
      {
        nodeFlags: ['--expose-gc'],
      },
    );
    const churnGrowth = churn.loaded.rssBytes - churn.idle.rssBytes;
    const ratio = probe.loaded.rssBytes / probe.idle.rssBytes;
    const heapPerTask = (probe.loaded.heapUsedBytes - probe.idle.heapUsedBytes) / probe.tasks;
    const notes: string[] = [];
    if (ratio > 1.3) {
      const rssGrowth = probe.loaded.rssBytes - probe.idle.rssBytes;
      const retained = probe.loaded.heapUsedBytes - probe.idle.heapUsedBytes;
      const committedFree =
        probe.loaded.heapTotalBytes -
        probe.loaded.heapUsedBytes -
        (probe.idle.heapTotalBytes - probe.idle.heapUsedBytes);
      notes.push(
        `RSS grew by ${mib(rssGrowth)} MiB over an idle ${mib(probe.idle.rssBytes)} MiB. Of that, ${mib(retained)} MiB is ` +
          `live heap held by the repository (${probe.held} tasks kept, limits maxTasks ${probe.limits.maxTasks} and ` +
          `ttl ${probe.limits.ttlMs / 3_600_000} h; ~${Math.round(heapPerTask)} bytes per task: token, Map and Set ` +
          `entries, the packed result string; a result is ~${probe.sampleResultJsonBytes} bytes as JSON), and ` +
          `${mib(committedFree)} MiB is heap V8 keeps committed but free after the churn of creating them ` +
          `(heapTotal ${mib(probe.idle.heapTotalBytes)} → ${mib(probe.loaded.heapTotalBytes)} MiB; still there after 2 s idle: ` +
          `${mib(probe.afterPause.rssBytes)} MiB). The target allows ~${mib(0.3 * probe.idle.rssBytes)} MiB of growth, ` +
          `~${Math.round((0.3 * probe.idle.rssBytes) / probe.tasks)} bytes per task all included.`,
        `RSS grew ${round(rssGrowth / retained, 1)}× the live growth: V8 sizes old space with slack while live data ` +
          `grows (a run that builds the same results without keeping them grows RSS by ${mib(churnGrowth)} MiB only). So at ` +
          `100,000 retained tasks the target needs well under 100 bytes per task, about a token and a Map entry. ` +
          `Proposed (cli/core owners): a lower default \`TASK_MAX_COUNT\` (≈ 20,000: a coordinator polls a task ` +
          `within minutes) and/or a shorter \`TASK_TTL_SECONDS\` (1 h); with ~${Math.round(heapPerTask)} B/task, ` +
          `20,000 tasks hold ~${mib(20_000 * heapPerTask)} MiB.`,
      );
    }
    return {
      figures: [
        {
          figure: 'memory: RSS after 100,000 finished tasks ÷ idle RSS',
          value: round(ratio),
          unit: 'ratio',
          target: '≤ 1.3',
          pass: ratio <= 1.3,
          details: {
            idleRssMiB: mib(probe.idle.rssBytes),
            loadedRssMiB: mib(probe.loaded.rssBytes),
            rssAfter2sIdleMiB: mib(probe.afterPause.rssBytes),
            rssGrowthWithoutKeepingMiB: mib(churnGrowth),
            idleHeapTotalMiB: mib(probe.idle.heapTotalBytes),
            loadedHeapTotalMiB: mib(probe.loaded.heapTotalBytes),
            idleHeapMiB: mib(probe.idle.heapUsedBytes),
            loadedHeapMiB: mib(probe.loaded.heapUsedBytes),
            heapBytesPerTask: Math.round(heapPerTask),
            tasksHeld: probe.held,
            resultJsonBytes: probe.sampleResultJsonBytes,
            limits: probe.limits,
          },
        },
      ],
      notes,
    };
  },
};
