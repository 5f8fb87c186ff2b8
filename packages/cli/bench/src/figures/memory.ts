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

const ALL_HELD = 100_000;

interface Reading {
  readonly ratio: number;
  readonly growthBytes: number;
  readonly bytesPerTaskHeld: number;
}

const readingOf = (probe: TaskMemoryProbe): Reading => {
  const growthBytes = probe.loaded.rssBytes - probe.idle.rssBytes;
  return {
    ratio: probe.loaded.rssBytes / probe.idle.rssBytes,
    growthBytes,
    bytesPerTaskHeld: growthBytes / Math.max(1, probe.held),
  };
};

const detailsOf = (probe: TaskMemoryProbe, churnGrowth: number) => ({
  tasksFinished: probe.tasks,
  tasksHeld: probe.held,
  limits: probe.limits,
  idleRssMiB: mib(probe.idle.rssBytes),
  loadedRssMiB: mib(probe.loaded.rssBytes),
  rssAfter2sIdleMiB: mib(probe.afterPause.rssBytes),
  rssGrowthWithoutKeepingMiB: mib(churnGrowth),
  rssBytesPerTaskHeld: Math.round(readingOf(probe).bytesPerTaskHeld),
  offHeapGrowthMiB: mib(probe.loaded.externalBytes - probe.idle.externalBytes),
  heapUsedGrowthMiB: mib(probe.loaded.heapUsedBytes - probe.idle.heapUsedBytes),
  heapTotalGrowthMiB: mib(probe.loaded.heapTotalBytes - probe.idle.heapTotalBytes),
  resultJsonBytes: probe.sampleResultJsonBytes,
  elapsedMs: round(probe.elapsedMs, 0),
});

export const memoryGroup: FigureGroup = {
  id: 'memory',
  title: 'Memory: 100,000 finished tasks',
  method: `
A child process (\`node --expose-gc\`) builds the real \`InMemoryTaskRepository\`, reads RSS after forced
collections (idle), then creates and completes 100,000 tasks, each under a random UUID token (as the server
issues) and holding a result of the size and shape a real first deploy returns (summary, public info, the
DeploymentRecord, four log lines), with random UUIDs as Airbyte ids and HMAC-SHA256 fingerprints, as a
real server's results have: values no encoding shrinks below their entropy. Then RSS is read again after
forced collections. Figure: loaded RSS ÷ idle RSS, with the repository's default limits (target ≤ 1.3).
The same with the maximum count raised so that all ${ALL_HELD.toLocaleString('en')} tasks are held is
reported beside it, with the bytes each held task costs. A third child builds and serializes the same
results without keeping them: the RSS that this churn alone leaves (V8 keeps the young generation it grew).
The idle process has only the core loaded (~60 MiB); the server idles at ~85 MiB, so its ratios are lower.`,
  run: async () => {
    const probe = (args: ReadonlyArray<string>) =>
      runProbe<TaskMemoryProbe>(benchScript('probes/task-memory.js'), ['100000', ...args], {
        nodeFlags: ['--expose-gc'],
      });
    const defaults = await probe(['keep']);
    const allHeld = await probe(['keep', String(ALL_HELD)]);
    const churn = await probe(['discard']);
    const churnGrowth = churn.loaded.rssBytes - churn.idle.rssBytes;
    const main = readingOf(defaults);
    const all = readingOf(allHeld);
    const notes: string[] = [];
    if (main.ratio > 1.3) {
      notes.push(
        `RSS grew by ${mib(main.growthBytes)} MiB over an idle ${mib(defaults.idle.rssBytes)} MiB with ` +
          `${defaults.held} tasks held; building the same results without keeping them grows it by ` +
          `${mib(churnGrowth)} MiB, so the repository's own share is ~${mib(main.growthBytes - churnGrowth)} MiB.`,
      );
    }
    notes.push(
      `All ${allHeld.held} tasks held: ${Math.round(all.bytesPerTaskHeld)} bytes of RSS per task, of which ` +
        `${Math.round((allHeld.loaded.externalBytes - allHeld.idle.externalBytes) / Math.max(1, allHeld.held))} ` +
        `bytes of records outside the heap (the heap's used size grew by ` +
        `${mib(allHeld.loaded.heapUsedBytes - allHeld.idle.heapUsedBytes)} MiB) and the rest the churn's ` +
        `young generation (${mib(churnGrowth)} MiB without keeping anything). Within 1.3× of this idle process ` +
        `that is ${Math.round((0.3 * allHeld.idle.rssBytes - churnGrowth) / ALL_HELD)} bytes per task after the ` +
        `churn, less than the ids and fingerprints of a result hold (3 random UUIDs and 2 SHA-256 digests: 112 ` +
        `bytes of entropy, plus the token): hence the default maximum of ${defaults.limits.maxTasks} tasks.`,
    );
    return {
      figures: [
        {
          figure: 'memory: RSS after 100,000 finished tasks ÷ idle RSS',
          value: round(main.ratio),
          unit: 'ratio',
          target: '≤ 1.3',
          pass: main.ratio <= 1.3,
          details: detailsOf(defaults, churnGrowth),
        },
        {
          figure: `memory: RSS after 100,000 finished tasks ÷ idle RSS, all held (maxTasks ${ALL_HELD})`,
          value: round(all.ratio),
          unit: 'ratio',
          target: 'reported',
          pass: true,
          details: detailsOf(allHeld, churnGrowth),
        },
      ],
      notes,
    };
  },
};
