import type { Build } from '../harness/build.js';
import { loadDefaultBound } from '../harness/build-modules.js';
import { countCalls, type CallCounts } from '../harness/call-log.js';
import type { FigureGroup, FigureResult, RunContext } from '../harness/figure.js';
import { freshComponents, readyHost, succeeded } from '../harness/hosted.js';
import { LATENCY_MS, PLANNED_CHAIN } from '../harness/latency.js';
import { measuredOnce, measureFigure, type Session } from '../harness/measure.js';
import type { ProvisionerHost } from '../harness/provisioner-host.js';
import { interleavedRatio } from '../harness/rounds.js';
import { atMost, exactly, reported } from '../harness/target.js';

const COMPONENTS = 100;
const BUDGET_SECONDS = 20;

const fakeAirbyte = (bound?: number) => ({
  kind: 'fake' as const,
  latencyMs: LATENCY_MS,
  ...(bound === undefined ? {} : { bound }),
});

const timedProvision = (host: ProvisionerHost, count: number) => async (): Promise<number> =>
  succeeded('deploy', await host.call('provision', freshComponents(count)));

/** First deploy ÷ a chain of bare port calls, or a burst ÷ one deploy, on the fake behind the port. */
const openSession =
  (kind: 'first deploy' | 'burst', bound?: (build: Build) => Promise<number>) =>
  async (build: Build): Promise<Session> => {
    const { host } = await readyHost(
      build,
      fakeAirbyte(bound === undefined ? undefined : await bound(build)),
    );
    await timedProvision(host, 1)();
    const sample =
      kind === 'first deploy'
        ? (n: number) => interleavedRatio(n, timedProvision(host, 1), () => host.call('chain', PLANNED_CHAIN))
        : (n: number) => interleavedRatio(n, timedProvision(host, COMPONENTS), timedProvision(host, 1));
    return { sample, close: host.stop };
  };

interface PortCounts {
  readonly first: CallCounts;
  readonly again: CallCounts;
  readonly removed: CallCounts;
}

const portCountsOf = async (build: Build): Promise<PortCounts> => {
  const { host } = await readyHost(build, fakeAirbyte());
  try {
    const [descriptor = ''] = freshComponents(1);
    const counted = async (operation: 'provision' | 'unprovision'): Promise<CallCounts> => {
      await host.call('clearCalls', null);
      succeeded(operation, await host.call(operation, [descriptor]));
      return countCalls(await host.call('calls', null));
    };
    return {
      first: await counted('provision'),
      again: await counted('provision'),
      removed: await counted('unprovision'),
    };
  } finally {
    await host.stop();
  }
};

const countFigures = (
  context: RunContext,
  current: PortCounts,
  old: PortCounts | undefined,
): FigureResult[] => {
  const details = (counts: CallCounts) => ({
    reads: counts.reads,
    writes: counts.writes,
    calls: counts.sequence,
  });
  return [
    measuredOnce(
      context,
      { name: 'core level: port calls of a first deploy', unit: 'calls', target: atMost(7) },
      current.first.reads + current.first.writes,
      old === undefined ? undefined : old.first.reads + old.first.writes,
      details(current.first),
    ),
    measuredOnce(
      context,
      { name: 'core level: port calls of an unchanged re-deploy, writes', unit: 'calls', target: exactly(0) },
      current.again.writes,
      old?.again.writes,
      details(current.again),
    ),
    measuredOnce(
      context,
      { name: 'core level: port calls of an unprovision, writes', unit: 'calls', target: atMost(3) },
      current.removed.writes,
      old?.removed.writes,
      details(current.removed),
    ),
  ];
};

export const coreLevelGroup: FigureGroup = {
  id: 'core-level',
  title: 'The core alone (port level, no HTTP)',
  method: `
A diagnostic beside the figures above: a provisioner host runs the build's use cases on its core/testing
fake Airbyte behind the port, each port call delayed ${LATENCY_MS} ms and logged. No HTTP, no token, and no
bound on calls in flight unless said: what remains is the core's own scheduling of calls. Port calls map
one to one to HTTP calls, except that a lookup by name may walk several pages. Ratios are measured in
rounds as above: a first deploy against ${PLANNED_CHAIN} bare port calls one after another (${LATENCY_MS} ms
timers, so the baseline also carries this machine's timer lateness), and a burst of ${COMPONENTS} deploys
against one. The burst is also run with port calls bounded to the HTTP gateway's default
(\`DEFAULT_MAX_CONCURRENT_CALLS\`), which predicts the HTTP concurrency figure at the default bound; it has no
target of its own.`,
  run: async (context) => {
    const current = await portCountsOf(context.current);
    const old = context.baseline === undefined ? undefined : await portCountsOf(context.baseline);
    const ratio = { unit: 'ratio', budgetSeconds: BUDGET_SECONDS };
    const first = await measureFigure(
      context,
      { ...ratio, name: `core level: first deploy ÷ ${PLANNED_CHAIN} bare port calls`, target: atMost(1.1) },
      openSession('first deploy'),
    );
    const burst = await measureFigure(
      context,
      { ...ratio, name: `core level: ${COMPONENTS} deploys at once ÷ one`, target: atMost(2) },
      openSession('burst'),
    );
    const bounded = await measureFigure(
      context,
      {
        ...ratio,
        name: `core level: ${COMPONENTS} deploys at once ÷ one, calls bounded as the gateway's default`,
        target: reported,
      },
      openSession('burst', (build) => loadDefaultBound(build.root)),
    );
    return { figures: [...countFigures(context, current, old), first, burst, bounded] };
  },
};
