import type { Build } from '../harness/build.js';
import { countCalls, type CallCounts } from '../harness/call-log.js';
import { withSpecific } from '../harness/descriptors.js';
import type { FigureGroup, FigureResult, RunContext } from '../harness/figure.js';
import { freshComponents, readyHost, sandboxAirbyte, succeeded } from '../harness/hosted.js';
import { measuredOnce } from '../harness/measure.js';
import { startSandboxChild, type SandboxChild } from '../harness/sandbox-child.js';
import { atMost, exactly, reported, type Target } from '../harness/target.js';

interface Operations {
  readonly first: CallCounts;
  readonly again: CallCounts;
  readonly changed: CallCounts;
  readonly removed: CallCounts;
}

/** First deploy, the same again, the schedule changed, then unprovision: the sandbox's log of each. */
const operationsOf = async (build: Build, sandbox: SandboxChild): Promise<Operations> => {
  const { host } = await readyHost(build, sandboxAirbyte(sandbox));
  try {
    const [descriptor = ''] = freshComponents(1);
    const changedDescriptor = withSpecific(descriptor, (specific) => {
      const connection = specific['connection'] as Record<string, unknown>;
      connection['schedule'] = { scheduleType: 'cron', cronExpression: '0 0 6 * * ?' };
    });
    const counted = async (what: string, operation: 'provision' | 'unprovision', request: string) => {
      await sandbox.clearCalls();
      succeeded(what, await host.call(operation, [request]));
      return countCalls(await sandbox.calls());
    };
    return {
      first: await counted('first deploy', 'provision', descriptor),
      again: await counted('unchanged re-deploy', 'provision', descriptor),
      changed: await counted('changed re-deploy', 'provision', changedDescriptor),
      removed: await counted('unprovision', 'unprovision', changedDescriptor),
    };
  } finally {
    await host.stop();
  }
};

interface CountFigure {
  readonly name: string;
  readonly target: Target;
  readonly count: (operations: Operations) => number;
  readonly of: keyof Operations;
}

const COUNTS: ReadonlyArray<CountFigure> = [
  {
    name: 'airbyte calls: first deploy',
    target: atMost(7),
    count: (o) => o.first.reads + o.first.writes,
    of: 'first',
  },
  {
    name: 'airbyte calls: unchanged re-deploy, writes',
    target: exactly(0),
    count: (o) => o.again.writes,
    of: 'again',
  },
  {
    name: 'airbyte calls: unchanged re-deploy, reads',
    target: atMost(3),
    count: (o) => o.again.reads,
    of: 'again',
  },
  {
    name: 'airbyte calls: changed re-deploy (schedule), writes',
    target: exactly(1),
    count: (o) => o.changed.writes,
    of: 'changed',
  },
  {
    name: 'airbyte calls: changed re-deploy (schedule), reads',
    target: reported,
    count: (o) => o.changed.reads,
    of: 'changed',
  },
  {
    name: 'airbyte calls: unprovision, writes',
    target: atMost(3),
    count: (o) => o.removed.writes,
    of: 'removed',
  },
  {
    name: 'airbyte calls: unprovision, reads',
    target: reported,
    count: (o) => o.removed.reads,
    of: 'removed',
  },
];

const figuresOf = (context: RunContext, current: Operations, old: Operations | undefined): FigureResult[] =>
  COUNTS.map((figure) =>
    measuredOnce(
      context,
      { name: figure.name, unit: 'calls', target: figure.target },
      figure.count(current),
      old === undefined ? undefined : figure.count(old),
      { tokenCalls: current[figure.of].auth, calls: current[figure.of].sequence },
    ),
  );

export const airbyteCallsGroup: FigureGroup = {
  id: 'airbyte-calls',
  title: 'Airbyte calls per operation',
  method: `
A provisioner host (the build's use cases over its HTTP gateway, in-memory stores and lock, own process)
works against the sandbox, which logs every HTTP exchange it serves. The log is cleared before each
operation and read after it. A \`GET\` is a read; \`POST\`/\`PATCH\`/\`PUT\`/\`DELETE\` are writes;
\`POST /applications/token\` is counted apart (\`tokenCalls\`), since it is paid once per token lifetime, not
per operation. Operations, in order, on one component: first deploy (target ≤ 7 calls), the same request
again (0 writes, ≤ 3 reads), the request with the connection's schedule changed to a cron (one write, the
connection update), then unprovision (at most 3 writes: the connection, the source and the destination).
Counts are exact, so they are measured once: no rounds, no spread.`,
  run: async (context) => {
    const sandbox = await startSandboxChild(0);
    try {
      const current = await operationsOf(context.current, sandbox);
      const old = context.baseline === undefined ? undefined : await operationsOf(context.baseline, sandbox);
      return { figures: figuresOf(context, current, old) };
    } finally {
      await sandbox.stop();
    }
  },
};
