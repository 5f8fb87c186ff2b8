import * as E from 'fp-ts/lib/Either.js';
import { makeUseCases, type CoreDeps, type ProvisioningRequest } from '@airbyte-provisioner/core';
import { makeTestDeps, witboostExampleDescriptor } from '@airbyte-provisioner/core/testing';
import { DEFAULT_MAX_CONCURRENT_CALLS } from '@airbyte-provisioner/adapter-airbyte';
import { countCalls, longestObservedChain } from '../harness/call-log.js';
import { median, round, type FigureGroup } from '../harness/figure.js';
import { timedFakeGateway, type TimedGateway } from '../harness/port-level.js';
import { benchProfiles } from '../harness/profiles.js';
import { LATENCY_MS, PLANNED_CHAIN } from '../harness/latency.js';

const COMPONENTS = 100;

const depsWith = (timed: TimedGateway): CoreDeps => ({
  ...makeTestDeps({ profiles: benchProfiles }),
  gateway: timed.gateway,
  gatewayFor: () => timed.gateway,
  workspaceId: timed.fake.workspaceId,
});

/** The Witboost example's File → Snowflake component, its id and resource names ending in `suffix`. */
const exampleComponent = (suffix: string): ProvisioningRequest => ({
  descriptorKind: 'COMPONENT_DESCRIPTOR',
  descriptor: witboostExampleDescriptor
    .replaceAll(':airbyte-workload\n', `:airbyte-workload${suffix}\n`)
    .replace(/^(\s+name: healthcare\.vaccinations\.0\.[\w-]+)$/gm, `$1${suffix}`),
});

const run = async (
  deps: CoreDeps,
  operation: 'deploy' | 'undeploy',
  component: ProvisioningRequest,
): Promise<void> => {
  const useCases = makeUseCases(deps);
  const outcome = await (operation === 'deploy' ? useCases.provision : useCases.unprovision)(component)();
  if (E.isLeft(outcome)) throw new Error(`${operation} failed: ${JSON.stringify(outcome.left.error)}`);
};

export const coreLevelGroup: FigureGroup = {
  id: 'core-level',
  title: 'The core alone (port level, no HTTP)',
  method: `
A diagnostic beside the figures above: the core's provision and unprovision use cases on the
core/testing fake Airbyte behind the port, each port call delayed ${LATENCY_MS} ms and timed. No HTTP, no
gateway bound, no token: what remains is the core's own scheduling of calls. The example component is
built as the descriptor module resolves it (File → Snowflake, all streams, manual schedule). Port calls
map one to one to HTTP calls, except that a lookup by name may walk several pages. The burst of
${COMPONENTS} deploys is also run with port calls bounded to the HTTP gateway's default
(\`DEFAULT_MAX_CONCURRENT_CALLS\`), which predicts the HTTP concurrency figure at the default bound: a
diagnostic with no target of its own, since N calls of ${LATENCY_MS} ms with B in flight take at least
N / B × ${LATENCY_MS} ms (\`floorMs\`).`,
  run: async () => {
    const timed = timedFakeGateway(LATENCY_MS);
    const deps = depsWith(timed);
    const component = exampleComponent('-core');

    timed.clearCalls();
    let started = performance.now();
    await run(deps, 'deploy', component);
    const firstMs = performance.now() - started;
    const first = timed.calls();
    timed.clearCalls();
    await run(deps, 'deploy', component);
    const again = countCalls(timed.calls());
    timed.clearCalls();
    await run(deps, 'undeploy', component);
    const removed = countCalls(timed.calls());

    const singles: number[] = [];
    for (let i = 0; i < 3; i += 1) {
      started = performance.now();
      await run(deps, 'deploy', exampleComponent(`-core-single-${i}`));
      singles.push(performance.now() - started);
    }
    timed.clearCalls();
    started = performance.now();
    await Promise.all(
      Array.from({ length: COMPONENTS }, (_, i) => run(deps, 'deploy', exampleComponent(`-core-${i}`))),
    );
    const allMs = performance.now() - started;
    // the same burst with port calls bounded as the HTTP gateway bounds them by default
    const bounded = timedFakeGateway(LATENCY_MS, DEFAULT_MAX_CONCURRENT_CALLS);
    const boundedDeps = depsWith(bounded);
    const boundedSingles: number[] = [];
    for (let i = 0; i < 3; i += 1) {
      started = performance.now();
      await run(boundedDeps, 'deploy', exampleComponent(`-bounded-single-${i}`));
      boundedSingles.push(performance.now() - started);
    }
    bounded.clearCalls();
    started = performance.now();
    await Promise.all(
      Array.from({ length: COMPONENTS }, (_, i) =>
        run(boundedDeps, 'deploy', exampleComponent(`-bounded-${i}`)),
      ),
    );
    const boundedMs = performance.now() - started;
    const boundedRatio = boundedMs / median(boundedSingles);
    const boundedCalls = bounded.calls().length;

    const ratio = firstMs / (LATENCY_MS * PLANNED_CHAIN);
    const concurrency = allMs / median(singles);
    const firstCounts = countCalls(first);
    return {
      figures: [
        {
          figure: 'core level: port calls of a first deploy',
          value: firstCounts.reads + firstCounts.writes,
          unit: 'calls',
          target: '≤ 7',
          pass: firstCounts.reads + firstCounts.writes <= 7,
          details: { reads: firstCounts.reads, writes: firstCounts.writes, calls: firstCounts.sequence },
        },
        {
          figure: 'core level: port calls of an unchanged re-deploy (writes / reads)',
          value: again.writes,
          unit: 'writes',
          target: '0 writes, ≤ 3 reads',
          pass: again.writes === 0 && again.reads <= 3,
          details: { reads: again.reads, writes: again.writes, calls: again.sequence },
        },
        {
          figure: 'core level: port calls of an unprovision (writes)',
          value: removed.writes,
          unit: 'writes',
          target: '≤ 3',
          pass: removed.writes <= 3,
          details: { reads: removed.reads, writes: removed.writes, calls: removed.sequence },
        },
        {
          figure: `core level: first deploy ÷ (${LATENCY_MS} ms × ${PLANNED_CHAIN})`,
          value: round(ratio),
          unit: 'ratio',
          target: '≤ 1.1',
          pass: ratio <= 1.1,
          details: { wallMs: round(firstMs, 1), observedChain: longestObservedChain(first) },
        },
        {
          figure: `core level: ${COMPONENTS} deploys at once ÷ one`,
          value: round(concurrency),
          unit: 'ratio',
          target: '≤ 2',
          pass: concurrency <= 2,
          details: {
            oneDeployMs: round(median(singles), 1),
            hundredDeploysMs: round(allMs, 1),
            portCalls: timed.calls().length,
            peakCallsInFlight: timed.peakInFlight(),
          },
        },
        {
          // a diagnostic: with B calls in flight, N calls of 50 ms take at least N / B × 50 ms (floorMs)
          figure: `core level: ${COMPONENTS} deploys at once ÷ one, calls bounded to ${DEFAULT_MAX_CONCURRENT_CALLS}`,
          value: round(boundedRatio),
          unit: 'ratio',
          target: 'reported',
          pass: true,
          details: {
            oneDeployMs: round(median(boundedSingles), 1),
            hundredDeploysMs: round(boundedMs, 1),
            portCalls: boundedCalls,
            bound: DEFAULT_MAX_CONCURRENT_CALLS,
            floorMs: Math.ceil(boundedCalls / DEFAULT_MAX_CONCURRENT_CALLS) * LATENCY_MS,
          },
        },
      ],
    };
  },
};
