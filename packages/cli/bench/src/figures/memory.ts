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
lines), and reads RSS again after forced collections. Figure: loaded RSS ÷ idle RSS. Target ≤ 1.3.`,
  run: async () => {
    const probe = await runProbe<TaskMemoryProbe>(benchScript('probes/task-memory.js'), ['100000'], {
      nodeFlags: ['--expose-gc'],
    });
    const ratio = probe.loaded.rssBytes / probe.idle.rssBytes;
    const heapPerTask = (probe.loaded.heapUsedBytes - probe.idle.heapUsedBytes) / probe.tasks;
    const notes: string[] = [];
    if (ratio > 1.3) {
      notes.push(
        `The repository holds ${probe.held} tasks (limits: maxTasks ${probe.limits.maxTasks}, ttl ${probe.limits.ttlMs} ms), ` +
          `each finished result kept as JSON text of ~${probe.sampleResultJsonBytes} bytes; the heap grows by ` +
          `~${Math.round(heapPerTask)} bytes per task (string, Map and Set entries), ` +
          `${mib(probe.loaded.heapUsedBytes - probe.idle.heapUsedBytes)} MiB in all, against an idle RSS of ${mib(probe.idle.rssBytes)} MiB. ` +
          `To meet 1.3 with 100,000 finished tasks the whole budget is ~${Math.round((0.3 * probe.idle.rssBytes) / probe.tasks)} bytes per task.`,
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
